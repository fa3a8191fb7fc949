/**
 * `sort [-nguMVrfbdisz] [-t C] [-k POS1[,POS2]]... [-o FILE] [-c] [FILE]...` (busybox
 * coreutils/sort.c with SORT_BIG; GNU coreutils sort) in the C locale (byte order).
 *
 * The flavours differ in small ways that show: busybox's -n is a full strtod (`1e2` is 100),
 * GNU's stops at the digits; a busybox key with its own flags ignores the global ones (even
 * -r), a GNU key without flags inherits them. Both break ties on the whole line unless -s or -u.
 */
import type { Block } from '../kernel';
import { defineApplet, type Applet } from './applet';
import { quoteGnu, strerror } from './common';
import { strtod } from './cnum';
import { absPath, fdSource, readSource, Output, work } from './io';
import { MONTHS } from './strftime';

/** Per-key ordering flags. */
interface KeyFlags {
  n?: boolean;
  g?: boolean;
  M?: boolean;
  V?: boolean;
  h?: boolean;
  r?: boolean;
  b?: boolean;
  /** Ignore trailing blanks (`b` after the comma, busybox). */
  bb?: boolean;
  d?: boolean;
  f?: boolean;
  i?: boolean;
}

interface SortKey {
  startField: number;
  startChar: number;
  endField: number;
  endChar: number;
  flags: KeyFlags;
  /** Whether the key had flags of its own. */
  own: boolean;
}

const KEY_FLAG_LETTERS = 'bdfgiMhnRrV';
const BLANK = /[ \t]/;

function isBlank(c: string | undefined): boolean {
  return c !== undefined && BLANK.test(c);
}

/** Parses a -k argument; undefined (with the reason) when it is invalid. */
function parseKey(text: string, gnu: boolean): SortKey | string {
  const m = /^(\d+)(?:\.(\d+))?([a-zA-Z]*)(?:,(\d+)(?:\.(\d+))?([a-zA-Z]*))?$/.exec(text);
  if (!m)
    return gnu
      ? `invalid number at field start: invalid count at start of '${text}'`
      : 'bad field specification';
  const startField = Number(m[1]);
  if (startField === 0)
    return gnu
      ? `field number is zero: invalid field specification '${text}'`
      : 'bad field specification';
  const flags: KeyFlags = {};
  let own = false;
  for (const [letters, after] of [
    [m[3], false],
    [m[6] ?? '', true],
  ] as const) {
    for (const c of letters) {
      if (!KEY_FLAG_LETTERS.includes(c))
        return gnu ? `invalid option -- '${c}'` : 'unknown key option';
      own = true;
      if (c === 'b') {
        if (after && !gnu) flags.bb = true;
        else flags.b = true;
      } else (flags as Record<string, boolean>)[c] = true;
    }
  }
  return {
    startField,
    startChar: m[2] ? Number(m[2]) : 0,
    endField: m[4] ? Number(m[4]) : 0,
    endChar: m[5] ? Number(m[5]) : 0,
    flags,
    own,
  };
}

/** The text of field range `key` in `line` (busybox get_key / GNU begfield..limfield). */
function extractKey(line: string, key: SortKey, flags: KeyFlags, sep: string | undefined): string {
  const fieldEnd = (count: number): number => {
    // Position after `count` fields (0 = start of line).
    let at = 0;
    for (let i = 0; i < count && at <= line.length; i++) {
      if (sep !== undefined) {
        const next = line.indexOf(sep, at);
        if (next < 0) return line.length;
        at = next + 1;
      } else {
        while (isBlank(line[at])) at++;
        while (at < line.length && !isBlank(line[at])) at++;
      }
    }
    return at;
  };
  let start = fieldEnd(key.startField - 1);
  if (flags.b) while (isBlank(line[start])) start++;
  if (key.startChar) start = Math.min(line.length, start + key.startChar - 1);
  let end: number;
  if (!key.endField) end = line.length;
  else if (key.endChar) {
    let s = fieldEnd(key.endField - 1);
    if (flags.b) while (isBlank(line[s])) s++;
    end = Math.min(line.length, s + key.endChar);
  } else {
    end = fieldEnd(key.endField);
    // A separator ends the field but is not part of it.
    if (sep !== undefined && end > 0 && line[end - 1] === sep && end <= line.length) end--;
  }
  if (flags.bb) while (end > start && isBlank(line[end - 1])) end--;
  let text = end > start ? line.slice(start, end) : '';
  if (flags.d) text = text.replace(/[^A-Za-z0-9 \t\n\v\f\r]/g, '');
  if (flags.i) text = text.replace(/[^\x20-\x7e]/g, '');
  if (flags.f) text = text.toUpperCase();
  return text;
}

/** GNU -n: blanks, optional minus, digits, optional fraction; anything else is zero. */
function gnuNumeric(text: string): number {
  const m = /^[ \t]*(-?)(\d*)(?:\.(\d*))?/.exec(text)!;
  if (!m[2] && !m[3]) return 0;
  return Number(`${m[1]}${m[2] || '0'}.${m[3] || '0'}`);
}

/** GNU -h: a number with an SI suffix (K, M, G, …). */
function humanNumeric(text: string): number {
  const m = /^[ \t]*(-?\d*(?:\.\d*)?)([KMGTPEZYRQ]?)/.exec(text)!;
  const v = Number(m[1]) || 0;
  return v * 1024 ** (m[2] ? 'KMGTPEZYRQ'.indexOf(m[2]) + 1 : 0);
}

/** -g ordering: not numbers < NaN < -inf < numbers < +inf (both flavours). */
function generalRank(text: string): { rank: number; value: number } {
  const p = strtod(text);
  if (!p.ok) return { rank: 0, value: 0 };
  if (Number.isNaN(p.value)) return { rank: 1, value: 0 };
  return { rank: 2, value: p.value };
}

/** strverscmp-like version comparison: digit runs compare numerically. */
function versionCompare(a: string, b: string): number {
  const re = /(\d+|\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      const d = Number(x) - Number(y);
      if (d) return d < 0 ? -1 : 1;
    } else if (x !== y) return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareKeyText(x: string, y: string, flags: KeyFlags, gnu: boolean): number {
  if (flags.g) {
    const a = generalRank(x);
    const b = generalRank(y);
    if (a.rank !== b.rank) return a.rank - b.rank;
    return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  }
  if (flags.n) {
    // busybox uses atof(), which reads exponents and hex; GNU stops after the digits.
    const a = gnu ? gnuNumeric(x) : strtod(x).value || 0;
    const b = gnu ? gnuNumeric(y) : strtod(y).value || 0;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (flags.h) {
    const a = humanNumeric(x);
    const b = humanNumeric(y);
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (flags.M) {
    const month = (s: string) =>
      MONTHS.findIndex((m) => m.toLowerCase() === s.trim().slice(0, 3).toLowerCase());
    return month(x) - month(y);
  }
  if (flags.V) return versionCompare(x, y);
  return byteCompare(x, y);
}

export const sort = defineApplet(
  {
    name: 'sort',
    busybox: { short: 'ngMVucszbrdfimS:T:o:k:t:h' },
    gnu: {
      short: 'bcCdfghik:mMno:rRsS:t:T:uVz',
      long: {
        'ignore-leading-blanks': { key: 'b' },
        'dictionary-order': { key: 'd' },
        'ignore-case': { key: 'f' },
        'general-numeric-sort': { key: 'g' },
        'ignore-nonprinting': { key: 'i' },
        'month-sort': { key: 'M' },
        'human-numeric-sort': { key: 'h' },
        'numeric-sort': { key: 'n' },
        'random-sort': { key: 'R' },
        reverse: { key: 'r' },
        'version-sort': { key: 'V' },
        check: { key: 'c', arg: 'optional' },
        key: { key: 'k', arg: 'required' },
        merge: { key: 'm' },
        output: { key: 'o', arg: 'required' },
        stable: { key: 's' },
        'field-separator': { key: 't', arg: 'required' },
        unique: { key: 'u' },
        'zero-terminated': { key: 'z' },
        'buffer-size': { key: 'S', arg: 'required' },
        'temporary-directory': { key: 'T', arg: 'required' },
        parallel: { key: 'parallel', arg: 'required' },
      },
    },
    usage: {
      synopsis:
        '[-nrugMcszbdfiokt] [-o FILE] [-k start[.offset][opts][,end[.offset][opts]] [-t CHAR] [FILE]...',
      help:
        'Sort the lines of FILEs (or stdin)\n\n' +
        '\t-o FILE\tWrite the result to FILE\n' +
        '\t-c\tOnly check whether the input is sorted\n' +
        '\t-b\tIgnore leading blanks\n' +
        '\t-f\tCompare upper and lower case alike\n' +
        '\t-i\tIgnore unprintable characters\n' +
        '\t-d\tOnly blanks and alphanumerics count\n' +
        '\t-n\tCompare as numbers\n' +
        '\t-g\tCompare as floating-point numbers\n' +
        '\t-M\tCompare month names\n' +
        '\t-V\tCompare version numbers\n' +
        '\t-t CHAR\tFields are separated by CHAR\n' +
        '\t-k N[,M] Compare fields N to M\n' +
        '\t-r\tReverse the order\n' +
        '\t-s\tKeep equal lines in input order\n' +
        '\t-u\tDrop lines equal to the one before\n' +
        '\t-z\tLines end with NUL instead of newline',
    },
    gnuSynopsis: '[OPTION]... [FILE]...',
    gnuUsageStatus: 2,
  },
  function* (a, opts) {
    const global: KeyFlags = {};
    for (const c of 'ngMVhrbdfi') if (opts.has(c)) (global as Record<string, boolean>)[c] = true;
    // busybox: a global -b strips trailing blanks as well.
    if (global.b && !a.gnu) global.bb = true;
    let sep: string | undefined;
    if (opts.has('t')) {
      const t = opts.value('t')!;
      if (t.length !== 1)
        return yield* fail(a, a.gnu ? `multi-character tab '${t}'` : 'bad -t parameter');
      sep = t;
    }
    const keys: SortKey[] = [];
    for (const text of opts.values('k')) {
      const key = parseKey(text, a.gnu);
      if (typeof key === 'string') return yield* fail(a, a.gnu ? `${key}` : key);
      keys.push(key);
    }
    if (keys.length === 0)
      keys.push({ startField: 1, startChar: 0, endField: 0, endChar: 0, flags: {}, own: false });

    // Read everything; busybox (like coreutils 6.9) stops at the first file it cannot open.
    const names = opts.operands.length ? opts.operands : ['-'];
    const terminator = opts.has('z') ? '\0' : '\n';
    let data = '';
    for (const name of names) {
      if (name === '-') {
        data += yield* readSource(a.proc, fdSource(a.proc, 0));
        continue;
      }
      const read = a.proc.ns.fs.readFile(absPath(a.proc, name));
      if (!read.ok) {
        return yield* fail(
          a,
          a.gnu
            ? read.errno === 'EISDIR'
              ? `read failed: ${quoteGnu(name)}: Is a directory`
              : `cannot read: ${quoteGnu(name)}: ${strerror(read.errno)}`
            : `${name}: ${strerror(read.errno)}`,
        );
      }
      data += read.value;
      if (read.value && !read.value.endsWith(terminator)) data += terminator;
    }
    const lines = data.split(terminator);
    if (lines[lines.length - 1] === '') lines.pop();
    yield* work(a.proc, Math.ceil(lines.length / 50));

    // Precompute each key's text and its effective flags.
    const effective = keys.map((k) => (k.own ? (a.gnu ? { ...k.flags } : k.flags) : global));
    const keyTexts = lines.map((line) =>
      keys.map((k, i) => extractKey(line, k, effective[i], sep)),
    );
    const stable = opts.has('s');
    const unique = opts.has('u');
    const compareKeys = (i: number, j: number): number => {
      for (let k = 0; k < keys.length; k++) {
        const r = compareKeyText(keyTexts[i][k], keyTexts[j][k], effective[k], a.gnu);
        if (r !== 0) return effective[k].r ? -r : r;
      }
      return 0;
    };
    const compare = (i: number, j: number, tieBreak: boolean): number => {
      const r = compareKeys(i, j);
      if (r !== 0 || !tieBreak) return r;
      // Last resort: the whole lines in byte order, reversed by a global -r.
      const t = byteCompare(lines[i], lines[j]);
      return global.r ? -t : t;
    };
    const order = lines.map((_, i) => i);

    if (opts.has('c') || opts.has('C')) {
      for (let i = 1; i < order.length; i++) {
        const r = compare(i - 1, i, !stable && !unique);
        if (r > 0 || (unique && r === 0)) {
          if (!opts.has('C')) {
            if (a.gnu)
              yield* a.proc.err(`${a.name}: ${names[0]}:${i + 1}: disorder: ${lines[i]}\n`);
            else yield* a.proc.err(`Check line ${i}\n`);
          }
          return 1;
        }
      }
      return 0;
    }

    order.sort((i, j) => compare(i, j, !stable && !unique) || i - j);
    yield* work(a.proc, Math.ceil((lines.length * Math.log2(lines.length + 1)) / 50));
    let kept = order;
    if (unique) {
      kept = [];
      for (const i of order)
        if (kept.length === 0 || compareKeys(kept[kept.length - 1], i) !== 0) kept.push(i);
    }

    if (opts.has('o')) {
      const path = absPath(a.proc, opts.value('o')!);
      const w = a.proc.ns.fs.writeFile(path, '');
      if (!w.ok) {
        return yield* fail(
          a,
          a.gnu
            ? `open failed: ${quoteGnu(opts.value('o')!)}: ${strerror(w.errno)}`
            : `can't open '${opts.value('o')}': ${strerror(w.errno)}`,
        );
      }
      let text = '';
      for (const i of kept) text += lines[i] + terminator;
      a.proc.ns.fs.writeFile(path, text);
      return 0;
    }
    const out = new Output(a.proc);
    for (const i of kept) {
      out.write(lines[i] + terminator);
      if (out.full) {
        if (!(yield* out.flush())) return 2;
        yield* work(a.proc, 10);
      }
    }
    return (yield* out.flush()) ? 0 : 2;
  },
);

/** Sort's fatal errors exit with status 2 in both flavours. */
function* fail(a: Applet, message: string): Generator<Block, number, void> {
  yield* a.error(message);
  return 2;
}
