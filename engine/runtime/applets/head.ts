/**
 * `head [-n N] [-c N] [-qv] [FILE]...` and the old `head -N` (busybox coreutils/head.c with
 * FANCY_HEAD; GNU coreutils head). A negative N prints all but the last N. With a positive N
 * head stops reading as soon as it has enough, so `yes | head -n 3` ends the pipeline.
 */
import type { Block } from '../kernel';
import { defineApplet, type Applet } from './applet';
import { quoteGnu, quoteLocale, strerror } from './common';
import { parseCount } from './count-arg';
import { absPath, dataSource, fdSource, Output, readSource, work, type Source } from './io';

/** Opens an input of head/tail: errors are `NAME: error` (busybox) or GNU's wording. */
export function* openForReading(
  a: Applet,
  name: string,
  busyboxStyle: 'plain' | 'open',
): Generator<Block, Source | undefined, void> {
  if (name === '-') return fdSource(a.proc, 0);
  const path = absPath(a.proc, name);
  const read = a.proc.ns.fs.readFile(path);
  if (!read.ok) {
    const why = strerror(read.errno);
    if (read.errno === 'EISDIR' && a.gnu) {
      yield* a.error(`error reading ${quoteGnu(name)}: Is a directory`);
      return undefined;
    }
    if (a.gnu) yield* a.error(`cannot open ${quoteLocale(name)} for reading: ${why}`);
    else if (busyboxStyle === 'plain') yield* a.error(`${name}: ${why}`);
    else yield* a.error(`can't open '${name}': ${why}`);
    return undefined;
  }
  return dataSource(read.value);
}

/** Turns an old-style leading `-N` (or `+N` for tail) into `-n N`. */
export function obsoleteCount(argv: readonly string[], allowPlus: boolean): string[] {
  const args = argv.slice(1);
  const first = args[0];
  if (first !== undefined && (/^-\d+$/.test(first) || (allowPlus && /^\+\d+$/.test(first)))) {
    const n = first.startsWith('+') ? first : first.slice(1);
    return ['-n', n, ...args.slice(1)];
  }
  return args;
}

export const head = defineApplet(
  {
    name: 'head',
    busybox: { short: 'n:c:qv' },
    gnu: {
      short: 'n:c:qvz',
      long: {
        lines: { key: 'n', arg: 'required' },
        bytes: { key: 'c', arg: 'required' },
        quiet: { key: 'q' },
        silent: { key: 'q' },
        verbose: { key: 'v' },
        'zero-terminated': { key: 'z' },
      },
    },
    usage: {
      synopsis: '[OPTIONS] [FILE]...',
      help:
        'Print the first 10 lines of FILEs (or stdin).\nWith more than one FILE, precede each with a name header.\n\n' +
        '\t-n N[bkm]\tFirst N lines (all but the last N when negative)\n' +
        '\t-c N[bkm]\tFirst N bytes\n' +
        '\t-q\t\tNever print headers\n' +
        '\t-v\t\tAlways print headers',
    },
    gnuSynopsis: '[OPTION]... [FILE]...',
    parseInBody: true,
  },
  function* (a) {
    const opts = yield* a.parse(obsoleteCount(a.proc.argv, false));
    if (typeof opts === 'number') return opts;
    const bytes = lastOf(opts.list, ['c', 'n']) === 'c';
    const text = bytes ? opts.value('c')! : (opts.value('n') ?? '10');
    const count = parseCount(text, a.gnu);
    if (!count) {
      yield* a.error(
        a.gnu
          ? `invalid number of ${bytes ? 'bytes' : 'lines'}: ${quoteLocale(text)}`
          : `invalid number '${text}'`,
      );
      return 1;
    }
    const names = opts.operands.length ? opts.operands : ['-'];
    const headers = opts.has('v') || (names.length > 1 && !opts.has('q'));
    const out = new Output(a.proc);
    let status = 0;
    let first = true;
    for (const name of names) {
      const source = yield* openForReading(a, name, 'plain');
      if (!source) {
        status = 1;
        // busybox switches to the "\n==> " header after the first operand even when it failed.
        if (!a.gnu) first = false;
        continue;
      }
      if (headers)
        out.write(`${first ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`);
      first = false;
      const ok = yield* copyHead(a, source, out, count.n, count.sign === '-', bytes);
      if (!ok) return 1;
    }
    return (yield* out.flush()) ? status : 1;
  },
);

/** Which of `keys` appears last in the option list (the last of -n/-c wins). */
export function lastOf(list: readonly { key: string }[], keys: string[]): string | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (keys.includes(list[i].key)) return list[i].key;
  return undefined;
}

function* copyHead(
  a: Applet,
  source: Source,
  out: Output,
  n: number,
  allButLast: boolean,
  bytes: boolean,
): Generator<Block, boolean, void> {
  if (allButLast) {
    const data = yield* readSource(a.proc, source);
    if (bytes) out.write(data.slice(0, Math.max(0, data.length - n)));
    else {
      const parts = data.split('\n');
      const complete = data.endsWith('\n') ? parts.length - 1 : parts.length;
      const keep = Math.max(0, complete - n);
      out.write(
        parts
          .slice(0, keep)
          .map((l) => l + '\n')
          .join(''),
      );
    }
    return yield* out.flush();
  }
  let left = n;
  while (left > 0) {
    const chunk = yield* source.next();
    if (chunk === null) break;
    if (bytes) {
      const take = chunk.slice(0, left);
      left -= take.length;
      out.write(take);
    } else {
      let end = 0;
      while (left > 0) {
        const nl = chunk.indexOf('\n', end);
        if (nl < 0) {
          end = chunk.length;
          break;
        }
        end = nl + 1;
        left--;
      }
      out.write(chunk.slice(0, end));
    }
    if (!(yield* out.flush())) return false;
    yield* work(a.proc, Math.ceil(chunk.length / 1024));
  }
  // What head read beyond its count is lost to the next reader, as with read(2) on a pipe.
  return yield* out.flush();
}
