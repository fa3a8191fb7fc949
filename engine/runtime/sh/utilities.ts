/**
 * `echo`, `printf` and `test`/`[` as pure functions of their arguments, shared by the shell
 * builtins and the standalone applets (/bin/echo …). Behaviour and messages follow busybox
 * (coreutils/echo.c, printf.c, test.c) for the ash dialect and bash's builtins for bash.
 */
import type { Dialect } from './ast';
import { decodeEscape } from './parser';

/** Output of a utility run: stdout text, error message bodies, exit status. */
export interface UtilityResult {
  out: string;
  /** Messages without the "prog: " prefix; the caller adds it. */
  errors: string[];
  status: number;
}

/** Decodes echo -e / printf %b escapes; `stop` tells that `\c` was seen. */
export function echoEscapes(text: string, dialect: Dialect): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const n = text[i + 1];
    if (n === 'c') return { text: out, stop: true };
    if (n === 'e' || n === 'E') {
      if (n === 'e' || dialect === 'bash') {
        out += '\x1b';
        i++;
        continue;
      }
    }
    if (/[1-7]/.test(n) && dialect === 'bash') {
      out += '\\';
      continue;
    }
    if (n === '0' || /[1-7]/.test(n)) {
      // busybox: \0NNN and \NNN; bash: \0NNN only.
      let j = n === '0' ? i + 2 : i + 1;
      let oct = '';
      while (j < text.length && oct.length < 3 && /[0-7]/.test(text[j])) oct += text[j++];
      out += String.fromCharCode(parseInt(oct || '0', 8) & 255);
      i = j - 1;
      continue;
    }
    const d = decodeEscape(text, i + 1, 'echo');
    out += d.text;
    i = d.next - 1;
  }
  return { text: out, stop: false };
}

/** echo: busybox and bash accept -n, -e, -E (combinable); bash's default is no escapes. */
export function echoUtil(args: readonly string[], dialect: Dialect): UtilityResult {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (!/^-[neE]+$/.test(a)) break;
    for (const f of a.slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else escapes = false;
    }
  }
  let out = '';
  const rest = args.slice(i);
  for (let k = 0; k < rest.length; k++) {
    if (k > 0) out += ' ';
    if (escapes) {
      const d = echoEscapes(rest[k], dialect);
      out += d.text;
      if (d.stop) return { out, errors: [], status: 0 };
    } else out += rest[k];
  }
  if (newline) out += '\n';
  return { out, errors: [], status: 0 };
}

const MIN64 = -(2n ** 63n);
const MAX64 = 2n ** 63n - 1n;

/** Parses a printf numeric argument as C's strtoll/strtoull would (with 'c → char code). */
function parseInteger(arg: string, unsigned: boolean): { value: bigint; ok: boolean } {
  if (arg.startsWith("'") || arg.startsWith('"')) {
    return { value: BigInt(arg.length > 1 ? arg.charCodeAt(1) : 0), ok: true };
  }
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)(.*)$/.exec(arg);
  if (!m) return { value: 0n, ok: false };
  let v = BigInt(
    m[2].startsWith('0') && !/^0[xX]/.test(m[2]) && m[2].length > 1 ? '0o' + m[2].slice(1) : m[2],
  );
  if (m[1] === '-') v = -v;
  if (m[3] !== '') return { value: BigInt.asIntN(64, v), ok: false };
  if (!unsigned && (v > MAX64 || v < MIN64)) return { value: v > 0n ? MAX64 : MIN64, ok: false };
  if (unsigned && v > 2n ** 64n - 1n) return { value: -1n, ok: false };
  return { value: v, ok: true };
}

/** C's %.Nf: rounds the exact binary value, ties to even (JS toFixed rounds ties up). */
function toFixedExact(v: number, p: number): string {
  if (!Number.isFinite(v) || Math.abs(v) >= 1e21 || p > 20) return v.toFixed(Math.min(p, 100));
  const neg = v < 0 || Object.is(v, -0);
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(v));
  const bits = buf.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp: number;
  if (expBits === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = expBits - 1075;
  }
  // value = mant * 2^exp; scaled = value * 10^p = num / den.
  let num = mant * 10n ** BigInt(p);
  let den = 1n;
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  let q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && q % 2n === 1n)) q += 1n;
  let digits = q.toString();
  if (p > 0) {
    digits = digits.padStart(p + 1, '0');
    digits = digits.slice(0, -p) + '.' + digits.slice(-p);
  }
  return (neg ? '-' : '') + digits;
}

/** Formats a number the way C's %e/%f/%g do. */
function formatFloat(v: number, conv: string, precision: number | undefined, alt: boolean): string {
  const p = precision ?? 6;
  if (!Number.isFinite(v)) {
    const s = Number.isNaN(v) ? 'nan' : v < 0 ? '-inf' : 'inf';
    return conv === conv.toUpperCase() ? s.toUpperCase() : s;
  }
  const lower = conv.toLowerCase();
  const expForm = (x: number, digits: number) => {
    const s = x.toExponential(digits);
    const [mant, exp] = s.split('e');
    const e = Number(exp);
    return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  };
  let s: string;
  if (lower === 'f') s = toFixedExact(v, p);
  else if (lower === 'e') s = expForm(v, p);
  else {
    const P = p === 0 ? 1 : p;
    const e = v === 0 ? 0 : Math.floor(Math.log10(Math.abs(Number(v.toExponential(P - 1)))));
    if (e < -4 || e >= P) s = expForm(v, P - 1);
    else s = toFixedExact(v, Math.max(0, P - 1 - e));
    if (!alt) {
      if (s.includes('e')) s = s.replace(/\.?0+e/, 'e');
      else if (s.includes('.')) s = s.replace(/\.?0+$/, '');
    }
  }
  return conv === conv.toUpperCase() ? s.toUpperCase() : s;
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s + ' '.repeat(width - s.length);
  if (zero) {
    const sign = /^[+\- ]/.test(s) ? s[0] : '';
    const prefix = /^[+\- ]?0[xX]/.test(s) ? s.slice(0, sign.length + 2) : sign;
    return prefix + '0'.repeat(width - s.length) + s.slice(prefix.length);
  }
  return ' '.repeat(width - s.length) + s;
}

/** printf FORMAT [ARG]…: the format is reused while arguments remain. */
export function printfUtil(args: readonly string[], dialect: Dialect): UtilityResult {
  const errors: string[] = [];
  let status = 0;
  if (args.length === 0) {
    if (dialect === 'bash')
      return { out: '', errors: ['usage: printf [-v var] format [arguments]'], status: 2 };
    return { out: '', errors: ['usage: printf FORMAT [ARGUMENT...]'], status: 2 };
  }
  let fmtArgs = args;
  if (fmtArgs[0] === '--') fmtArgs = fmtArgs.slice(1);
  const format = fmtArgs[0] ?? '';
  const values = fmtArgs.slice(1);
  let ai = 0;
  let out = '';
  const nextArg = (): string | undefined => (ai < values.length ? values[ai++] : undefined);
  const numberArg = (unsigned: boolean): bigint => {
    const a = nextArg();
    if (a === undefined) {
      if (dialect === 'ash') {
        errors.push(`invalid number ''`);
        status = 1;
      }
      return 0n;
    }
    const r = parseInteger(a, unsigned);
    if (!r.ok) {
      status = 1;
      if (dialect === 'ash') {
        errors.push(`invalid number '${a}'`);
        return 0n;
      }
      errors.push(`${a}: invalid number`);
      return r.value;
    }
    return r.value;
  };
  for (;;) {
    const startAi = ai;
    for (let i = 0; i < format.length; i++) {
      const c = format[i];
      if (c === '\\') {
        const n = format[i + 1];
        if (n === 'c') return { out, errors, status };
        if (n !== undefined && /[0-7]/.test(n)) {
          let j = i + 1;
          let oct = '';
          while (j < format.length && oct.length < 3 && /[0-7]/.test(format[j])) oct += format[j++];
          out += String.fromCharCode(parseInt(oct, 8) & 255);
          i = j - 1;
          continue;
        }
        const d = decodeEscape(format, i + 1, 'printf');
        out += d.text;
        i = d.next - 1;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      if (format[i + 1] === '%') {
        out += '%';
        i++;
        continue;
      }
      const start = i;
      let j = i + 1;
      let flags = '';
      while (j < format.length && '-+ #0'.includes(format[j])) flags += format[j++];
      let width: number | undefined;
      if (format[j] === '*') {
        width = Number(numberArg(false));
        j++;
      } else {
        let w = '';
        while (j < format.length && /[0-9]/.test(format[j])) w += format[j++];
        if (w) width = Number(w);
      }
      let precision: number | undefined;
      if (format[j] === '.') {
        j++;
        if (format[j] === '*') {
          precision = Number(numberArg(false));
          j++;
        } else {
          let pr = '';
          while (j < format.length && /[0-9]/.test(format[j])) pr += format[j++];
          precision = Number(pr || '0');
        }
      }
      let modless = format.slice(start, j);
      while (j < format.length && 'hlLjzt'.includes(format[j])) j++;
      const conv = format[j];
      modless += format.slice(j);
      if (conv === undefined || !'diouxXcsbfFeEgGaA'.includes(conv)) {
        status = 1;
        if (dialect === 'ash') errors.push(`${modless}: invalid format`);
        else errors.push(`\`${conv ?? '%'}': invalid format character`);
        return { out, errors, status };
      }
      i = j;
      let left = flags.includes('-');
      if (width !== undefined && width < 0) {
        left = true;
        width = -width;
      }
      const zero = flags.includes('0') && !left;
      let s: string;
      switch (conv) {
        case 's': {
          s = nextArg() ?? '';
          if (precision !== undefined) s = s.slice(0, precision);
          s = pad(s, width ?? 0, left, false);
          break;
        }
        case 'b': {
          const d = echoEscapes(nextArg() ?? '', dialect);
          s = d.text;
          if (precision !== undefined) s = s.slice(0, precision);
          out += pad(s, width ?? 0, left, false);
          if (d.stop) return { out, errors, status };
          continue;
        }
        case 'c': {
          const a = nextArg();
          s = pad(
            a === undefined ? (dialect === 'ash' ? '' : '') : a.length ? a[0] : '\0',
            width ?? 0,
            left,
            false,
          );
          if (a === undefined && dialect === 'bash') s = pad('', width ?? 0, left, false);
          break;
        }
        case 'd':
        case 'i': {
          const v = numberArg(false);
          let digits = (v < 0n ? -v : v).toString();
          if (precision !== undefined) digits = digits.padStart(precision, '0');
          const sign = v < 0n ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
          s = pad(sign + digits, width ?? 0, left, zero && precision === undefined);
          break;
        }
        case 'o':
        case 'u':
        case 'x':
        case 'X': {
          const v = BigInt.asUintN(64, numberArg(true));
          const radix = conv === 'o' ? 8 : conv === 'u' ? 10 : 16;
          let digits = v.toString(radix);
          if (conv === 'X') digits = digits.toUpperCase();
          if (precision !== undefined) digits = digits.padStart(precision, '0');
          if (flags.includes('#') && v !== 0n) {
            if (conv === 'o' && !digits.startsWith('0')) digits = '0' + digits;
            if (conv === 'x') digits = '0x' + digits;
            if (conv === 'X') digits = '0X' + digits;
          }
          s = pad(digits, width ?? 0, left, zero && precision === undefined);
          break;
        }
        default: {
          const a = nextArg();
          let v = 0;
          if (a !== undefined) {
            const t = a.trim();
            v = t.startsWith("'") || t.startsWith('"') ? t.charCodeAt(1) || 0 : Number(t);
            if (t === '' || Number.isNaN(v)) {
              status = 1;
              errors.push(dialect === 'ash' ? `invalid number '${a}'` : `${a}: invalid number`);
              v = 0;
            }
          } else if (dialect === 'ash') {
            status = 1;
            errors.push(`invalid number ''`);
          }
          let f = formatFloat(v, conv, precision, flags.includes('#'));
          if (v >= 0 && !f.startsWith('-'))
            f = (flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + f;
          s = pad(f, width ?? 0, left, zero);
        }
      }
      out += s;
    }
    if (ai >= values.length || ai === startAi) break;
  }
  return { out, errors, status };
}

/** What `test` needs to know about files. */
export interface TestFiles {
  stat(
    path: string,
    follow: boolean,
  ): { type: 'file' | 'dir' | 'symlink'; mode: number; size: number; mtime: number } | undefined;
  isatty(fd: number): boolean;
}

const UNARY = new Set([
  '-b',
  '-c',
  '-d',
  '-e',
  '-f',
  '-g',
  '-h',
  '-L',
  '-k',
  '-p',
  '-r',
  '-s',
  '-S',
  '-t',
  '-u',
  '-w',
  '-x',
  '-O',
  '-G',
  '-z',
  '-n',
]);
const BINOPS = new Set([
  '=',
  '==',
  '!=',
  '<',
  '>',
  '-eq',
  '-ne',
  '-gt',
  '-ge',
  '-lt',
  '-le',
  '-nt',
  '-ot',
  '-ef',
]);

class TestError {
  constructor(readonly message: string) {}
}

/** test / [: evaluates an expression; status 0 true, 1 false, 2 error (with a message). */
export function testUtil(
  argv: readonly string[],
  files: TestFiles,
  bracket: boolean,
  dialect: Dialect,
): UtilityResult {
  let args = [...argv];
  if (bracket) {
    if (args[args.length - 1] !== ']') {
      return { out: '', errors: [dialect === 'bash' ? "missing `]'" : 'missing ]'], status: 2 };
    }
    args = args.slice(0, -1);
  }
  try {
    return { out: '', errors: [], status: evaluateTest(args, files, dialect) ? 0 : 1 };
  } catch (e) {
    if (e instanceof TestError) return { out: '', errors: [e.message], status: 2 };
    throw e;
  }
}

function evaluateTest(args: string[], files: TestFiles, dialect: Dialect): boolean {
  if (args.length === 0) return false;
  if (args.length === 1) return args[0] !== '';
  // POSIX argument-count rules (busybox and bash both apply them before the general parser).
  if (args.length === 2) {
    if (args[0] === '!') return args[1] === '';
    if (UNARY.has(args[0])) return unary(args[0], args[1], files, dialect);
    if (dialect === 'bash') throw new TestError(`${args[0]}: unary operator expected`);
  }
  if (args.length === 3) {
    if (BINOPS.has(args[1])) return binary(args[0], args[1], args[2], files, dialect);
    if (args[0] === '!') return !evaluateTest(args.slice(1), files, dialect);
    if (args[0] === '(' && args[2] === ')') return args[1] !== '';
    if (dialect === 'bash' && args[1] !== '-a' && args[1] !== '-o') {
      throw new TestError(`${args[1]}: binary operator expected`);
    }
  }
  if (args.length === 4 && args[0] === '!') return !evaluateTest(args.slice(1), files, dialect);
  let i = 0;
  const peek = () => args[i];
  const oexpr = (): boolean => {
    let v = aexpr();
    while (peek() === '-o') {
      i++;
      const r = aexpr();
      v = v || r;
    }
    return v;
  };
  const aexpr = (): boolean => {
    let v = nexpr();
    while (peek() === '-a') {
      i++;
      const r = nexpr();
      v = v && r;
    }
    return v;
  };
  const nexpr = (): boolean => {
    if (peek() === '!' && i + 1 < args.length) {
      i++;
      return !nexpr();
    }
    return primary();
  };
  const primary = (): boolean => {
    const t = args[i];
    if (t === undefined) throw new TestError('argument expected');
    if (t === '(' && i + 1 < args.length && !BINOPS.has(args[i + 1])) {
      i++;
      const v = oexpr();
      if (args[i] !== ')') {
        throw new TestError(args[i] === undefined ? "')' expected" : `${args[i]}: unknown operand`);
      }
      i++;
      return v;
    }
    if (BINOPS.has(args[i + 1] ?? '')) {
      const op = args[i + 1];
      const rhs = args[i + 2];
      if (rhs === undefined) throw new TestError(`${op}: argument expected`);
      i += 3;
      return binary(t, op, rhs, files, dialect);
    }
    if (UNARY.has(t) && i + 1 < args.length) {
      i += 2;
      return unary(t, args[i - 1], files, dialect);
    }
    i++;
    return t !== '';
  };
  const v = oexpr();
  if (i < args.length) {
    throw new TestError(dialect === 'bash' ? 'too many arguments' : `${args[i]}: unknown operand`);
  }
  return v;
}

function integer(s: string, dialect: Dialect): bigint {
  const m = /^\s*([+-]?[0-9]+)\s*$/.exec(s);
  if (!m)
    throw new TestError(
      dialect === 'bash' ? `${s}: integer expression expected` : `${s}: bad number`,
    );
  const v = BigInt(m[1]);
  if (v > MAX64 || v < MIN64) {
    throw new TestError(
      dialect === 'bash' ? `${s}: integer expression expected` : `${s}: out of range`,
    );
  }
  return v;
}

function unary(op: string, arg: string, files: TestFiles, dialect: Dialect): boolean {
  switch (op) {
    case '-z':
      return arg === '';
    case '-n':
      return arg !== '';
    case '-t':
      return files.isatty(Number(integer(arg, dialect)));
  }
  const follow = op !== '-h' && op !== '-L';
  const st = files.stat(arg, follow);
  if (!st) return false;
  switch (op) {
    case '-e':
      return true;
    case '-f':
      return st.type === 'file';
    case '-d':
      return st.type === 'dir';
    case '-h':
    case '-L':
      return st.type === 'symlink';
    case '-s':
      return st.size > 0;
    case '-r':
    case '-w':
      return true;
    case '-x':
      return st.type === 'dir' || (st.mode & 0o111) !== 0;
    case '-u':
      return (st.mode & 0o4000) !== 0;
    case '-g':
      return (st.mode & 0o2000) !== 0;
    case '-k':
      return (st.mode & 0o1000) !== 0;
    case '-O':
    case '-G':
      return true;
    default:
      return false;
  }
}

function binary(a: string, op: string, b: string, files: TestFiles, dialect: Dialect): boolean {
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '-nt':
    case '-ot': {
      const sa = files.stat(a, true);
      const sb = files.stat(b, true);
      if (op === '-nt') return !!sa && (!sb || sa.mtime > sb.mtime);
      return !!sb && (!sa || sa.mtime < sb.mtime);
    }
    case '-ef':
      return false;
  }
  const x = integer(a, dialect);
  const y = integer(b, dialect);
  switch (op) {
    case '-eq':
      return x === y;
    case '-ne':
      return x !== y;
    case '-gt':
      return x > y;
    case '-ge':
      return x >= y;
    case '-lt':
      return x < y;
    default:
      return x <= y;
  }
}
