/**
 * Go's `encoding/json.Marshal` of decoded JSON (`map[string]interface{}` trees), byte for byte:
 * object keys sorted by their UTF-8 bytes, `<`, `>`, `&`, U+2028 and U+2029 escaped as `\u00xx`,
 * control characters as `\n \r \t \b \f` or `\u00xx`, floats in Go's shortest form. Controllers
 * compare and hash these bytes, so the exact text matters.
 */
import type { JsonValue } from '../../api/object';

const HEX = '0123456789abcdef';

function quote(s: string): string {
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
    else if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26)
      out += '\\u00' + HEX[c >> 4] + HEX[c & 15];
    else if (c === 0x2028 || c === 0x2029) out += c === 0x2028 ? '\\u2028' : '\\u2029';
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += s[i] + s[i + 1];
        i++;
      } else out += '\ufffd';
    } else if (c >= 0xdc00 && c <= 0xdfff) out += '\ufffd';
    else out += s[i];
  }
  return out + '"';
}

/** Compares keys as Go sorts map keys: by UTF-8 bytes (code points, not UTF-16 units). */
function compareKeys(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx - cy;
  }
}

function number(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  // JavaScript's shortest round-trip form agrees with Go's float64 encoding: both switch to
  // exponents at 1e21 and below 1e-6, written alike (1e+21, 1e-7).
  return String(n);
}

/** Marshals decoded JSON the way Go's encoding/json does for `interface{}` values. */
export function goJsonMarshal(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return number(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return '[' + value.map((v) => goJsonMarshal(v)).join(',') + ']';
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort(compareKeys);
  return '{' + keys.map((k) => quote(k) + ':' + goJsonMarshal(value[k])).join(',') + '}';
}
