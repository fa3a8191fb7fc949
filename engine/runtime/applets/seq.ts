/**
 * `seq [-w] [-s SEP] [FIRST [INC]] LAST` (busybox coreutils/seq.c; GNU coreutils seq). Numbers
 * are doubles printed with `%0W.Pf`, where P is the most fractional digits of FIRST and INC and
 * W (with -w) the widest integer part; each value is FIRST + n*INC, so errors do not accumulate.
 */
import { defineApplet } from './applet';
import { quoteLocale } from './common';
import type { OptionSpec } from './getopt';
import { cFixedWidth, strtod } from './cnum';
import { formatDouble, parseFloatFormat } from './cformat';
import { Output, work } from './io';

// busybox getopt32("+ws:"): options stop at the first operand, and `-1` is an unknown option.
const BUSYBOX_SPEC: OptionSpec = { short: 'ws:', stopAtOperand: true };
const GNU_SPEC: OptionSpec = {
  short: 'ws:f:',
  long: {
    'equal-width': { key: 'w' },
    separator: { key: 's', arg: 'required' },
    format: { key: 'f', arg: 'required' },
  },
};

/** GNU seq moves negative-number operands out of getopt's way: `seq -1 1` means FIRST = -1. */
function splitArgs(argv: readonly string[]): { options: string[]; operands: string[] } {
  const options: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return { options, operands: argv.slice(i + 1) };
    if (/^-[\d.]/.test(a) || !a.startsWith('-') || a === '-')
      return { options, operands: argv.slice(i) };
    options.push(a);
    if ((a === '-s' || a === '-f') && i + 1 < argv.length) options.push(argv[++i]);
  }
  return { options, operands: [] };
}

export const seq = defineApplet(
  {
    name: 'seq',
    busybox: BUSYBOX_SPEC,
    gnu: GNU_SPEC,
    usage: {
      synopsis: '[-w] [-s SEP] [FIRST [INC]] LAST',
      help: 'Print the numbers from FIRST to LAST, INC apart.\nFIRST and INC are 1 when not given.\n\n\t-w\tPad with leading zeros to equal width\n\t-s SEP\tPut SEP between numbers',
    },
    gnuSynopsis:
      '[OPTION]... LAST\n  or:  seq [OPTION]... FIRST LAST\n  or:  seq [OPTION]... FIRST INCREMENT LAST',
    // GNU seq takes negative numbers as operands, so it splits argv before getopt.
    parseInBody: true,
  },
  function* (a) {
    const split = a.gnu ? splitArgs(a.proc.argv) : { options: a.proc.argv.slice(1), operands: [] };
    const opts = yield* a.parse(split.options);
    if (typeof opts === 'number') return opts;
    const operands = [...opts.operands, ...split.operands];
    if (operands.length < 1 || operands.length > 3) {
      if (a.gnu)
        return yield* a.usageError(
          operands.length === 0 ? 'missing operand' : `extra operand ${quoteLocale(operands[3])}`,
        );
      return yield* a.usageError();
    }
    const values: number[] = [];
    for (const text of operands) {
      const p = strtod(text);
      if (!p.ok || p.rest !== '' || Number.isNaN(p.value)) {
        if (a.gnu)
          return yield* a.usageError(`invalid floating point argument: ${quoteLocale(text)}`);
        return yield* a.usageError();
      }
      values.push(p.value);
    }
    const last = values[values.length - 1];
    const first = values.length >= 2 ? values[0] : 1;
    const inc = values.length === 3 ? values[1] : 1;
    if (a.gnu && inc === 0) {
      return yield* a.usageError(`invalid Zero increment value: ${quoteLocale(operands[1])}`);
    }
    // Width: the widest integer part of any operand; precision: the most fractional digits of
    // every operand but LAST (coreutils ignores LAST's, and busybox copies that).
    let width = 0;
    let frac = 0;
    operands.forEach((text, i) => {
      const dot = text.indexOf('.');
      const intLen = dot < 0 ? text.length : dot;
      width = Math.max(width, intLen);
      if (i < operands.length - 1) frac = Math.max(frac, dot < 0 ? 0 : text.length - dot);
    });
    if (frac) {
      frac--;
      if (frac) width += frac + 1;
    }
    if (!opts.has('w')) width = 0;
    const sep = opts.value('s') ?? '\n';
    let render = (v: number) => cFixedWidth(v, frac, width, true);
    if (a.gnu && opts.has('f')) {
      if (opts.has('w'))
        return yield* a.usageError(
          'format string may not be specified when printing equal width strings',
        );
      const fmt = parseFloatFormat(opts.value('f')!);
      if (typeof fmt === 'string') {
        yield* a.error(fmt);
        return 1;
      }
      render = (v) => fmt.before + formatDouble(fmt.spec, v) + fmt.after;
    }
    const out = new Output(a.proc);
    let n = 0;
    for (let value = first; inc >= 0 ? value <= last : value >= last; value = first + ++n * inc) {
      if (n > 0) out.write(sep);
      out.write(render(value));
      if (out.full) {
        if (!(yield* out.flush())) return 1;
        yield* work(a.proc, 50);
      }
    }
    if (n > 0) out.write('\n');
    return (yield* out.flush()) ? 0 : 1;
  },
);
