/** Stream filters: `tee`, `tr` and `cut` (busybox coreutils; GNU coreutils). */
import { resolvePath } from '../fs';
import { defineApplet } from './applet';
import { quoteGnu, strerror } from './common';
import { fdSource, LineSplitter, Output, work } from './io';

export const tee = defineApplet(
  {
    name: 'tee',
    busybox: { short: 'ai' },
    gnu: { short: 'aip', long: { append: { key: 'a' }, 'ignore-interrupts': { key: 'i' } } },
    usage: {
      synopsis: '[-ai] [FILE]...',
      help: 'Copy stdin to each FILE, and also to stdout\n\n\t-a\tAppend to the FILEs\n\t-i\tIgnore interrupt signals',
    },
    gnuSynopsis: '[OPTION]... [FILE]...',
  },
  function* (a, opts) {
    const fs = a.proc.ns.fs;
    if (opts.has('i')) a.proc.setDisposition('INT', 'ignore');
    const targets: string[] = [];
    let status = 0;
    for (const name of opts.operands) {
      const path = resolvePath(a.proc.cwd, name);
      const w = fs.writeFile(path, '', { append: opts.has('a') });
      if (!w.ok) {
        yield* a.error(`${a.gnu ? quoteGnu(name) : name}: ${strerror(w.errno)}`);
        status = 1;
        continue;
      }
      targets.push(path);
    }
    const source = fdSource(a.proc, 0);
    for (let chunk = yield* source.next(); chunk !== null; chunk = yield* source.next()) {
      for (const path of targets) fs.writeFile(path, chunk, { append: true });
      // tee ignores a vanished stdout only after writing the files.
      if (!(yield* a.proc.out(chunk))) return 1;
      yield* work(a.proc, Math.ceil(chunk.length / 1024));
    }
    return status;
  },
);

const TR_CLASSES: Record<string, string> = {
  alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  alnum: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  space: '\t\n\v\f\r ',
  blank: '\t ',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  xdigit: '0123456789ABCDEFabcdef',
  cntrl: Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\x7f',
  print: Array.from({ length: 95 }, (_, i) => String.fromCharCode(i + 32)).join(''),
  graph: Array.from({ length: 94 }, (_, i) => String.fromCharCode(i + 33)).join(''),
};

/** Expands a tr set: escapes, ranges, [:class:], [c*n] (GNU). */
export function expandTrSet(text: string): string {
  const chars: string[] = [];
  let i = 0;
  const next = (): string => {
    const c = text[i++];
    if (c !== '\\' || i >= text.length) return c;
    const e = text[i++];
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      f: '\f',
      v: '\v',
      a: '\x07',
      b: '\b',
      '\\': '\\',
    };
    if (e in simple) return simple[e];
    if (/[0-7]/.test(e)) {
      let oct = e;
      while (oct.length < 3 && /[0-7]/.test(text[i] ?? '')) oct += text[i++];
      return String.fromCharCode(parseInt(oct, 8) & 255);
    }
    return e;
  };
  while (i < text.length) {
    if (text[i] === '[' && text[i + 1] === ':') {
      const end = text.indexOf(':]', i + 2);
      const cls = end > 0 ? TR_CLASSES[text.slice(i + 2, end)] : undefined;
      if (cls !== undefined) {
        chars.push(...cls);
        i = end + 2;
        continue;
      }
    }
    const rep = /^\[(.)\*(\d*)\]/.exec(text.slice(i));
    if (rep) {
      chars.push(...rep[1].repeat(Number(rep[2] || 1)));
      i += rep[0].length;
      continue;
    }
    const c = next();
    if (text[i] === '-' && i + 1 < text.length) {
      i++;
      const hi = next();
      for (let code = c.charCodeAt(0); code <= hi.charCodeAt(0); code++)
        chars.push(String.fromCharCode(code));
      continue;
    }
    chars.push(c);
  }
  return chars.join('');
}

export const tr = defineApplet(
  {
    name: 'tr',
    busybox: { short: 'cdsC' },
    gnu: {
      short: 'cCdst',
      long: {
        complement: { key: 'c' },
        delete: { key: 'd' },
        'squeeze-repeats': { key: 's' },
        'truncate-set1': { key: 't' },
      },
    },
    usage: {
      synopsis: '[-cds] STRING1 [STRING2]',
      help: 'Translate, squeeze or delete characters of stdin, writing to stdout\n\n\t-c\tUse the complement of STRING1\n\t-d\tDelete characters in STRING1\n\t-s\tSqueeze runs of characters in the last set into one',
    },
    gnuSynopsis: '[OPTION]... STRING1 [STRING2]',
  },
  function* (a, opts) {
    const [s1, s2] = opts.operands;
    const del = opts.has('d');
    const squeeze = opts.has('s');
    const complement = opts.has('c') || opts.has('C');
    if (s1 === undefined) return yield* a.usageError(a.gnu ? 'missing operand' : undefined);
    if (!del && !squeeze && s2 === undefined) {
      return yield* a.usageError(a.gnu ? `missing operand after ${quoteGnu(s1)}` : undefined);
    }
    let set1 = expandTrSet(s1);
    if (complement) {
      const inSet = new Set(set1);
      set1 = Array.from({ length: 256 }, (_, c) => String.fromCharCode(c))
        .filter((c) => !inSet.has(c))
        .join('');
    }
    const set2 = s2 !== undefined ? expandTrSet(s2) : '';
    const map = new Map<string, string>();
    if (!del && s2 !== undefined && set2.length > 0)
      for (let k = 0; k < set1.length; k++) map.set(set1[k], set2[Math.min(k, set2.length - 1)]);
    const deleteSet = new Set(del ? set1 : '');
    const squeezeSet = new Set(
      squeeze ? (del || s2 === undefined ? (del ? set2 : set1) : set2) : '',
    );
    const out = new Output(a.proc);
    let last = '';
    const source = fdSource(a.proc, 0);
    for (let chunk = yield* source.next(); chunk !== null; chunk = yield* source.next()) {
      let result = '';
      for (const c of chunk) {
        if (deleteSet.has(c)) continue;
        const t = map.get(c) ?? c;
        if (squeezeSet.has(t) && t === last) continue;
        result += t;
        last = t;
      }
      out.write(result);
      if (!(yield* out.flush())) return 1;
      yield* work(a.proc, Math.ceil(chunk.length / 1024));
    }
    return 0;
  },
);

/** Parses a cut list (1,3-5,7-) into a membership test on 1-based positions. */
function parseList(text: string): ((n: number) => boolean) | undefined {
  const ranges: Array<[number, number]> = [];
  for (const part of text.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '') || (m[2] === '' && m[3] !== '')) return undefined;
    const lo = m[1] ? Number(m[1]) : 1;
    const hi = m[2] ? (m[3] ? Number(m[3]) : Infinity) : lo;
    if (lo === 0 || hi < lo) return undefined;
    ranges.push([lo, hi]);
  }
  return (n) => ranges.some(([lo, hi]) => n >= lo && n <= hi);
}

export const cut = defineApplet(
  {
    name: 'cut',
    busybox: { short: 'b:c:f:d:sn' },
    gnu: {
      short: 'b:c:f:d:sn',
      long: {
        bytes: { key: 'b', arg: 'required' },
        characters: { key: 'c', arg: 'required' },
        fields: { key: 'f', arg: 'required' },
        delimiter: { key: 'd', arg: 'required' },
        'only-delimited': { key: 's' },
        'output-delimiter': { key: 'output-delimiter', arg: 'required' },
      },
    },
    usage: {
      synopsis: '[OPTIONS] [FILE]...',
      help: 'Print selected fields of each line of FILEs (or stdin)\n\n\t-b LIST\tBytes\n\t-c LIST\tCharacters\n\t-d SEP\tField separator (default tab)\n\t-f LIST\tFields\n\t-s\tSkip lines without the separator',
    },
    gnuSynopsis: 'OPTION... [FILE]...',
  },
  function* (a, opts) {
    const mode = opts.has('f') ? 'f' : opts.has('c') ? 'c' : opts.has('b') ? 'b' : undefined;
    if (!mode) {
      if (a.gnu)
        return yield* a.usageError('you must specify a list of bytes, characters, or fields');
      yield* a.error('expected a list of bytes, characters, or fields');
      return 1;
    }
    const select = parseList(opts.value(mode)!);
    if (!select) {
      yield* a.error(a.gnu ? 'invalid byte, character or field list' : `invalid range`);
      return 1;
    }
    const delim = opts.value('d') ?? '\t';
    if (mode === 'f' && delim.length !== 1) {
      yield* a.error(
        a.gnu
          ? 'the delimiter must be a single character'
          : 'the delimiter must be a single character',
      );
      return 1;
    }
    const outDelim = opts.value('output-delimiter') ?? delim;
    const out = new Output(a.proc);
    const handle = (line: string) => {
      if (mode === 'f') {
        if (!line.includes(delim)) {
          if (!opts.has('s')) out.write(line + '\n');
          return;
        }
        out.write(
          line
            .split(delim)
            .filter((_, i) => select(i + 1))
            .join(outDelim) + '\n',
        );
      } else {
        let s = '';
        for (let i = 0; i < line.length; i++) if (select(i + 1)) s += line[i];
        out.write(s + '\n');
      }
    };
    const names = opts.operands.length ? opts.operands : ['-'];
    let status = 0;
    for (const name of names) {
      let text: string | undefined;
      const split = new LineSplitter();
      if (name === '-') {
        const source = fdSource(a.proc, 0);
        for (let chunk = yield* source.next(); chunk !== null; chunk = yield* source.next()) {
          for (const line of split.push(chunk)) handle(line);
          if (!(yield* out.flush())) return 1;
        }
      } else {
        const r = a.proc.ns.fs.readFile(resolvePath(a.proc.cwd, name));
        if (!r.ok) {
          yield* a.error(`${a.gnu ? quoteGnu(name) : name}: ${strerror(r.errno)}`);
          status = 1;
          continue;
        }
        text = r.value;
        for (const line of split.push(text)) handle(line);
      }
      const last = split.end();
      if (last !== undefined) handle(last);
    }
    return (yield* out.flush()) ? status : 1;
  },
);
