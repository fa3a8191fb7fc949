/**
 * `cat [-nbvteAsET] [FILE]...` (busybox coreutils/cat.c with CATV; GNU coreutils cat). Streams
 * each operand (`-` is stdin) chunk by chunk, so `cat` in a pipeline passes data on as it comes.
 */
import type { Block } from '../kernel';
import { defineApplet, type Applet } from './applet';
import { quoteGnu, strerror } from './common';
import { absPath, dataSource, fdSource, Output, work, type Source } from './io';

/** Shows a byte as cat -v does: ^X for controls, M- for the high half, ^? for DEL. */
export function visible(byte: number, tabs: boolean): string {
  let prefix = '';
  let b = byte;
  if (b >= 128) {
    prefix = 'M-';
    b -= 128;
  }
  if (b === 9 && !tabs && prefix === '') return '\t';
  if (b === 10 && prefix === '') return '\n';
  if (b < 32) return `${prefix}^${String.fromCharCode(b + 64)}`;
  if (b === 127) return `${prefix}^?`;
  return prefix + String.fromCharCode(b);
}

interface CatState {
  line: number;
  atLineStart: boolean;
  blankRun: number;
}

/**
 * Opens an operand as a source, reporting the flavour's error when it cannot be read: GNU's
 * `NAME: error`, busybox's `can't open 'NAME': error` (open_or_warn), or with `plain` busybox's
 * `NAME: error` (fopen_or_warn, used by head, tail, wc and nl-style code).
 */
export function* openOperand(
  a: Applet,
  name: string,
  plain = false,
): Generator<Block, Source | undefined, void> {
  if (name === '-') return fdSource(a.proc, 0);
  const st = a.proc.ns.fs.stat(absPath(a.proc, name));
  if (!st.ok) {
    yield* a.error(
      a.gnu
        ? `${quoteGnu(name)}: ${strerror(st.errno)}`
        : plain
          ? `${name}: ${strerror(st.errno)}`
          : `can't open '${name}': ${strerror(st.errno)}`,
    );
    return undefined;
  }
  if (st.value.type === 'dir') {
    // busybox opens the directory and fails on read(); GNU reports it by name.
    yield* a.error(a.gnu ? `${quoteGnu(name)}: Is a directory` : 'read error: Is a directory');
    return undefined;
  }
  const read = a.proc.ns.fs.readFile(absPath(a.proc, name));
  return read.ok ? dataSource(read.value) : undefined;
}

export const cat = defineApplet(
  {
    name: 'cat',
    busybox: { short: 'nbvteAu' },
    gnu: {
      short: 'AbeEnstTuv',
      long: {
        'show-all': { key: 'A' },
        'number-nonblank': { key: 'b' },
        'show-ends': { key: 'E' },
        number: { key: 'n' },
        'squeeze-blank': { key: 's' },
        'show-tabs': { key: 'T' },
        'show-nonprinting': { key: 'v' },
      },
    },
    usage: {
      synopsis: '[-nbvteA] [FILE]...',
      help:
        'Copy FILEs (or stdin) to stdout\n\n' +
        '\t-n\tNumber all lines\n' +
        '\t-b\tNumber non-empty lines\n' +
        '\t-v\tShow control and high bytes as ^x or M-x\n' +
        '\t-t\tAs -v, and show tabs as ^I\n' +
        '\t-e\tAs -v, and mark line ends with $\n' +
        '\t-A\tAs -vte',
    },
    gnuSynopsis: '[OPTION]... [FILE]...',
  },
  function* (a, opts) {
    const names = opts.operands.length ? opts.operands : ['-'];
    if (a.gnu) return yield* gnuCat(a, opts.has.bind(opts), names);
    return yield* busyboxCat(a, opts.has.bind(opts), names);
  },
);

/** Copies every operand to stdout, passing each chunk through `transform`. */
function* copyAll(
  a: Applet,
  names: string[],
  transform: ((chunk: string) => string) | undefined,
  endOfFile?: () => string,
  plainErrors = false,
): Generator<Block, number, void> {
  const out = new Output(a.proc);
  let status = 0;
  for (const name of names) {
    const source = yield* openOperand(a, name, plainErrors);
    if (!source) {
      status = 1;
      continue;
    }
    for (let chunk = yield* source.next(); chunk !== null; chunk = yield* source.next()) {
      out.write(transform ? transform(chunk) : chunk);
      // cat writes what it reads at once (read/write, no stdio buffering).
      if (!(yield* out.flush())) return 1;
      yield* work(a.proc, Math.ceil(chunk.length / 1024));
    }
    if (endOfFile) out.write(endOfFile());
  }
  if (!(yield* out.flush())) return 1;
  return status;
}

/**
 * busybox cat.c: -v/-e/-t/-A go through catv (numbering with "%6u  " when -n/-b are also
 * given); plain -n/-b go through nl's print_numbered_lines ("%6u\t", each file's last line
 * terminated).
 */
function* busyboxCat(a: Applet, has: (k: string) => boolean, names: string[]) {
  const all = has('A');
  const ends = all || has('e');
  const tabs = all || has('t');
  const catv = all || has('v') || ends || tabs;
  const numberBlank = !has('b');
  const numbering = has('n') || has('b');
  if (catv) {
    let eolSeen = numbering;
    let line = 0;
    return yield* copyAll(a, names, (chunk) => {
      let out = '';
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        if (eolSeen && (numberBlank || c !== 10)) out += `${String(++line).padStart(6)}  `;
        eolSeen = numbering && c === 10;
        if (c === 10) out += ends ? '$\n' : '\n';
        else out += visible(c, tabs);
      }
      return out;
    });
  }
  if (!numbering) return yield* copyAll(a, names, undefined);
  const state: CatState = { line: 0, atLineStart: true, blankRun: 0 };
  const o = {
    number: true,
    numberNonBlank: !numberBlank,
    ends: false,
    tabs: false,
    nonprinting: false,
    squeeze: false,
  };
  return yield* copyAll(
    a,
    names,
    (chunk) => decorate(chunk, state, o),
    () => {
      if (state.atLineStart) return '';
      state.atLineStart = true;
      return '\n';
    },
    true,
  );
}

/** GNU cat: every option combines; numbering continues across files without ending lines. */
function* gnuCat(a: Applet, has: (k: string) => boolean, names: string[]) {
  const all = has('A');
  const numberNonBlank = has('b');
  const number = has('n') || numberNonBlank;
  const ends = all || has('e') || has('E');
  const tabs = all || has('t') || has('T');
  // -e and -t imply -v; -E and -T do not.
  const nonprinting = all || has('v') || has('e') || has('t');
  const squeeze = has('s');
  if (!number && !ends && !tabs && !nonprinting && !squeeze)
    return yield* copyAll(a, names, undefined);
  const state: CatState = { line: 0, atLineStart: true, blankRun: 0 };
  const o = { number, numberNonBlank, ends, tabs, nonprinting, squeeze };
  return yield* copyAll(a, names, (chunk) => decorate(chunk, state, o));
}

function decorate(
  chunk: string,
  state: CatState,
  o: {
    number: boolean;
    numberNonBlank: boolean;
    ends: boolean;
    tabs: boolean;
    nonprinting: boolean;
    squeeze: boolean;
  },
): string {
  let out = '';
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk[i];
    if (state.atLineStart) {
      const blank = c === '\n';
      if (blank) {
        state.blankRun++;
        if (o.squeeze && state.blankRun > 1) continue;
      } else state.blankRun = 0;
      if (o.number && !(o.numberNonBlank && blank)) {
        state.line++;
        out += `${String(state.line).padStart(6)}\t`;
      }
      state.atLineStart = false;
    }
    if (c === '\n') {
      out += o.ends ? '$\n' : '\n';
      state.atLineStart = true;
      continue;
    }
    const code = c.charCodeAt(0);
    if (c === '\t') out += o.tabs ? '^I' : '\t';
    else if (o.nonprinting) out += visible(code, o.tabs);
    else out += c;
  }
  return out;
}
