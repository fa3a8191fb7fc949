/**
 * The parts of Go's encoding/json that show in kubectl output: json.Marshal's compact text
 * (sorted keys, HTML-safe escapes) and the stream Decoder's syntax errors with byte offsets
 * (`invalid character '}' looking for beginning of object key string`).
 */
import type { JsonValue } from '../object';

/** Compares strings by UTF-8 byte order (Go's sort order for map keys). */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** Go's JSON string encoding: `<`, `>`, `&`, U+2028/2029 and control characters escaped. */
export function goJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029) {
      out += '\\u' + c.toString(16).padStart(4, '0');
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += s[i] + s[i + 1];
        i++;
      } else {
        out += '\\ufffd';
      }
    } else out += s[i];
  }
  return out + '"';
}

/** Go's float64 JSON text: shortest digits, exponent below 1e-6 and from 1e21 (as JS does). */
export function goJsonNumber(n: number): string {
  if (Object.is(n, -0)) return '-0';
  return String(n);
}

/** json.Marshal of a decoded JSON value (object keys sorted by byte order). */
export function goJsonMarshal(v: JsonValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return goJsonNumber(v);
  if (typeof v === 'string') return goJsonString(v);
  if (Array.isArray(v)) return '[' + v.map(goJsonMarshal).join(',') + ']';
  const keys = Object.keys(v).sort(compareGoStrings);
  return '{' + keys.map((k) => goJsonString(k) + ':' + goJsonMarshal(v[k])).join(',') + '}';
}

/** Go's quoteChar for scanner errors (the offending byte, shown as a Latin-1 rune). */
function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return "'\"'";
  const ch = String.fromCharCode(c);
  let q: string;
  if (c === 0x5c) q = '\\\\';
  else if (c === 0x07) q = '\\a';
  else if (c === 0x08) q = '\\b';
  else if (c === 0x0c) q = '\\f';
  else if (c === 0x0a) q = '\\n';
  else if (c === 0x0d) q = '\\r';
  else if (c === 0x09) q = '\\t';
  else if (c === 0x0b) q = '\\v';
  else if (c < 0x20 || c === 0x7f) q = '\\x' + c.toString(16).padStart(2, '0');
  else if (c >= 0x80 && c < 0xa0) q = '\\u' + c.toString(16).padStart(4, '0');
  else if (c === 0xad) q = '\\u00ad';
  else q = ch;
  return "'" + q + "'";
}

/** One value read from a JSON stream: its raw text, or the error that stopped the stream. */
export type JsonStreamItem = { raw: string } | { error: string };

type Step = (c: number) => 'continue' | 'end' | 'error';

/**
 * Reads consecutive JSON values from `text` the way Go's json.Decoder does for kubectl's
 * YAMLOrJSONDecoder: values are returned as raw text; a syntax error ends the stream with
 * `json: offset N: <message>` (N = bytes read so far), a truncated value with `unexpected EOF`.
 */
export function readJsonStream(text: string): JsonStreamItem[] {
  const bytes = utf8Bytes(text);
  const items: JsonStreamItem[] = [];
  let pos = 0;
  let consumed = 0; // bytes counted by the scanner across values (Go's scan.bytes)
  for (;;) {
    // Skip whitespace; end of input here is a clean end of stream.
    const scanner = new GoJsonScanner();
    let start = -1;
    let done = false;
    for (; pos < bytes.length; pos++) {
      const c = bytes[pos];
      consumed++;
      const r = scanner.step(c);
      if (r === 'error') {
        items.push({ error: `json: offset ${consumed}: ${scanner.error}` });
        return items;
      }
      if (start < 0 && !isSpace(c)) start = pos;
      if (r === 'end') {
        // The scanner needed one byte past a number or literal to see its end.
        consumed--;
        done = true;
        break;
      }
      if (scanner.closedTopLevel()) {
        pos++;
        done = true;
        break;
      }
    }
    if (!done) {
      if (start < 0) return items;
      // End of input inside a value: a number may still be complete.
      if (scanner.step(0x20) === 'end') {
        items.push({ raw: decodeUtf8(bytes.subarray(start, pos)) });
        return items;
      }
      items.push({ error: 'unexpected EOF' });
      return items;
    }
    items.push({ raw: decodeUtf8(bytes.subarray(start, pos)) });
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function utf8Bytes(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000)
      out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else {
      out.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 0x3f),
        0x80 | ((cp >> 6) & 0x3f),
        0x80 | (cp & 0x3f),
      );
    }
  }
  return Uint8Array.from(out);
}

function decodeUtf8(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    let cp = n === 1 ? b : b & (0xff >> (n + 1));
    for (let k = 1; k < n; k++) cp = (cp << 6) | (bytes[i + k] & 0x3f);
    out += String.fromCodePoint(cp);
    i += n;
  }
  return out;
}

const PARSE_OBJECT_KEY = 0;
const PARSE_OBJECT_VALUE = 1;
const PARSE_ARRAY_VALUE = 2;

/** A port of the state machine of Go's encoding/json scanner (scanner.go), byte by byte. */
class GoJsonScanner {
  private stepFn: Step;
  private readonly stack: number[] = [];
  error = '';
  private closed = false;
  private literal = '';
  private literalPos = 0;

  constructor() {
    this.stepFn = (c) => this.beginValue(c);
  }

  step(c: number): 'continue' | 'end' | 'error' {
    return this.stepFn(c);
  }

  /** True right after the closing bracket of the top-level value. */
  closedTopLevel(): boolean {
    const c = this.closed;
    this.closed = false;
    return c;
  }

  private fail(c: number, context: string): 'error' {
    this.error = `invalid character ${quoteChar(c)} ${context}`;
    this.stepFn = () => 'error';
    return 'error';
  }

  private beginValue(c: number): 'continue' | 'end' | 'error' {
    if (isSpace(c)) return 'continue';
    switch (c) {
      case 0x7b: // {
        this.stepFn = (x) => this.beginStringOrEmpty(x);
        this.stack.push(PARSE_OBJECT_KEY);
        return 'continue';
      case 0x5b: // [
        this.stepFn = (x) => this.beginValueOrEmpty(x);
        this.stack.push(PARSE_ARRAY_VALUE);
        return 'continue';
      case 0x22: // "
        this.stepFn = (x) => this.inString(x);
        return 'continue';
      case 0x2d: // -
        this.stepFn = (x) => this.neg(x);
        return 'continue';
      case 0x30:
        this.stepFn = (x) => this.zero(x);
        return 'continue';
      case 0x74:
        return this.startLiteral('true');
      case 0x66:
        return this.startLiteral('false');
      case 0x6e:
        return this.startLiteral('null');
    }
    if (c >= 0x31 && c <= 0x39) {
      this.stepFn = (x) => this.one(x);
      return 'continue';
    }
    return this.fail(c, 'looking for beginning of value');
  }

  private startLiteral(word: string): 'continue' {
    this.literal = word;
    this.literalPos = 1;
    this.stepFn = (x) => this.inLiteral(x);
    return 'continue';
  }

  private inLiteral(c: number): 'continue' | 'end' | 'error' {
    const want = this.literal.charCodeAt(this.literalPos);
    if (c !== want) {
      return this.fail(c, `in literal ${this.literal} (expecting ${quoteChar(want)})`);
    }
    this.literalPos++;
    if (this.literalPos === this.literal.length) this.stepFn = (x) => this.endValue(x);
    return 'continue';
  }

  private beginValueOrEmpty(c: number): 'continue' | 'end' | 'error' {
    if (isSpace(c)) return 'continue';
    if (c === 0x5d) return this.endValue(c);
    return this.beginValue(c);
  }

  private beginStringOrEmpty(c: number): 'continue' | 'end' | 'error' {
    if (isSpace(c)) return 'continue';
    if (c === 0x7d) {
      this.stack[this.stack.length - 1] = PARSE_OBJECT_VALUE;
      return this.endValue(c);
    }
    return this.beginString(c);
  }

  private beginString(c: number): 'continue' | 'end' | 'error' {
    if (isSpace(c)) return 'continue';
    if (c === 0x22) {
      this.stepFn = (x) => this.inString(x);
      return 'continue';
    }
    return this.fail(c, 'looking for beginning of object key string');
  }

  private endValue(c: number): 'continue' | 'end' | 'error' {
    const n = this.stack.length;
    if (n === 0) {
      // Top-level value done; Go's decoder sees scanEnd on the following byte.
      this.stepFn = () => 'end';
      return 'end';
    }
    if (isSpace(c)) {
      this.stepFn = (x) => this.endValue(x);
      return 'continue';
    }
    const ps = this.stack[n - 1];
    if (ps === PARSE_OBJECT_KEY) {
      if (c === 0x3a) {
        this.stack[n - 1] = PARSE_OBJECT_VALUE;
        this.stepFn = (x) => this.beginValue(x);
        return 'continue';
      }
      return this.fail(c, 'after object key');
    }
    if (ps === PARSE_OBJECT_VALUE) {
      if (c === 0x2c) {
        this.stack[n - 1] = PARSE_OBJECT_KEY;
        this.stepFn = (x) => this.beginString(x);
        return 'continue';
      }
      if (c === 0x7d) return this.popParse();
      return this.fail(c, 'after object key:value pair');
    }
    if (c === 0x2c) {
      this.stepFn = (x) => this.beginValue(x);
      return 'continue';
    }
    if (c === 0x5d) return this.popParse();
    return this.fail(c, 'after array element');
  }

  private popParse(): 'continue' {
    this.stack.pop();
    if (this.stack.length === 0) {
      this.closed = true;
      this.stepFn = () => 'end';
    } else {
      this.stepFn = (x) => this.endValue(x);
    }
    return 'continue';
  }

  private inString(c: number): 'continue' | 'end' | 'error' {
    if (c === 0x22) {
      this.stepFn = (x) => this.endValue(x);
      return 'continue';
    }
    if (c === 0x5c) {
      this.stepFn = (x) => this.inStringEsc(x);
      return 'continue';
    }
    if (c < 0x20) return this.fail(c, 'in string literal');
    return 'continue';
  }

  private inStringEsc(c: number): 'continue' | 'error' {
    if ([0x62, 0x66, 0x6e, 0x72, 0x74, 0x5c, 0x2f, 0x22].includes(c)) {
      this.stepFn = (x) => this.inString(x);
      return 'continue';
    }
    if (c === 0x75) {
      let left = 4;
      const hex: Step = (x) => {
        const ok = (x >= 0x30 && x <= 0x39) || (x >= 0x61 && x <= 0x66) || (x >= 0x41 && x <= 0x46);
        if (!ok) return this.fail(x, 'in \\u hexadecimal character escape');
        left--;
        if (left === 0) this.stepFn = (y) => this.inString(y);
        return 'continue';
      };
      this.stepFn = hex;
      return 'continue';
    }
    return this.fail(c, 'in string escape code');
  }

  private neg(c: number): 'continue' | 'end' | 'error' {
    if (c === 0x30) {
      this.stepFn = (x) => this.zero(x);
      return 'continue';
    }
    if (c >= 0x31 && c <= 0x39) {
      this.stepFn = (x) => this.one(x);
      return 'continue';
    }
    return this.fail(c, 'in numeric literal');
  }

  private one(c: number): 'continue' | 'end' | 'error' {
    if (c >= 0x30 && c <= 0x39) return 'continue';
    return this.zero(c);
  }

  private zero(c: number): 'continue' | 'end' | 'error' {
    if (c === 0x2e) {
      this.stepFn = (x) => this.dot(x);
      return 'continue';
    }
    if (c === 0x65 || c === 0x45) {
      this.stepFn = (x) => this.e(x);
      return 'continue';
    }
    return this.endValue(c);
  }

  private dot(c: number): 'continue' | 'end' | 'error' {
    if (c >= 0x30 && c <= 0x39) {
      this.stepFn = (x) => this.dot0(x);
      return 'continue';
    }
    return this.fail(c, 'after decimal point in numeric literal');
  }

  private dot0(c: number): 'continue' | 'end' | 'error' {
    if (c >= 0x30 && c <= 0x39) return 'continue';
    if (c === 0x65 || c === 0x45) {
      this.stepFn = (x) => this.e(x);
      return 'continue';
    }
    return this.endValue(c);
  }

  private e(c: number): 'continue' | 'end' | 'error' {
    if (c === 0x2b || c === 0x2d) {
      this.stepFn = (x) => this.eSign(x);
      return 'continue';
    }
    return this.eSign(c);
  }

  private eSign(c: number): 'continue' | 'end' | 'error' {
    if (c >= 0x30 && c <= 0x39) {
      this.stepFn = (x) => this.e0(x);
      return 'continue';
    }
    return this.fail(c, 'in exponent of numeric literal');
  }

  private e0(c: number): 'continue' | 'end' | 'error' {
    if (c >= 0x30 && c <= 0x39) return 'continue';
    return this.endValue(c);
  }
}
