/**
 * The few Go standard-library text behaviours that robfig/cron's error messages depend on:
 * strings.Fields / TrimSpace (unicode.IsSpace), strconv.Atoi with its NumError text, and the two
 * quoting styles (strconv.Quote for NumError, the time package's own quote for durations and
 * locations). Error texts reach the user verbatim (`spec.schedule: Invalid value: …`), so they
 * follow Go byte for byte.
 */

/** A value or the exact text of the Go error that would have been returned instead. */
export type GoResult<T> = { ok: true; value: T } | { ok: false; error: string };

// unicode.IsSpace: the Latin-1 spaces plus the Unicode White_Space characters above U+00FF.
// (JavaScript's \s differs: it adds U+FEFF and lacks U+0085.)
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const GO_SPACES = new RegExp(`${GO_SPACE.source}+`, 'g');
const GO_TRIM = new RegExp(`^${GO_SPACE.source}+|${GO_SPACE.source}+$`, 'g');

/** Go's strings.Fields: splits on runs of unicode.IsSpace, dropping empty pieces. */
export function goFields(text: string): string[] {
  return text.split(GO_SPACES).filter((piece) => piece !== '');
}

/** Go's strings.TrimSpace. */
export function goTrimSpace(text: string): string {
  return text.replace(GO_TRIM, '');
}

/** Go's `%s` of a []string: `[a b c]`. */
export function goFormatStrings(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}

// unicode.IsPrint for non-ASCII: letters, marks, numbers, punctuation and symbols.
const GO_PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** Go's strconv.Quote (used by strconv.NumError): escapes controls and non-printable runes. */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (code < 0x80) out += SHORT_ESCAPES[code] ?? `\\x${hex(code, 2)}`;
    else if (code >= 0xd800 && code <= 0xdfff)
      out += '\ufffd'; // Go sees invalid UTF-8 as U+FFFD
    else if (GO_PRINTABLE.test(ch)) out += ch;
    else out += code < 0x10000 ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`;
  }
  return `${out}"`;
}

const SHORT_ESCAPES: Record<number, string> = {
  0x07: '\\a',
  0x08: '\\b',
  0x0c: '\\f',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x0b: '\\v',
};

/** The UTF-8 bytes of one code point (the engine has no TextEncoder). */
function utf8Bytes(code: number): number[] {
  if (code < 0x80) return [code];
  if (code < 0x800) return [0xc0 | (code >> 6), 0x80 | (code & 0x3f)];
  if (code < 0x10000)
    return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
  return [
    0xf0 | (code >> 18),
    0x80 | ((code >> 12) & 0x3f),
    0x80 | ((code >> 6) & 0x3f),
    0x80 | (code & 0x3f),
  ];
}

/**
 * The time package's private quote (time.ParseDuration errors): ASCII as is with `"` and `\`
 * escaped, every byte of a control or non-ASCII rune as `\xNN`.
 */
export function goTimeQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || code >= 0x80) {
      const rune = code >= 0xd800 && code <= 0xdfff ? 0xfffd : code;
      for (const byte of utf8Bytes(rune)) out += `\\x${hex(byte, 2)}`;
    } else {
      out += ch === '"' || ch === '\\' ? `\\${ch}` : ch;
    }
  }
  return `${out}"`;
}

const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;
const isDigit = (c: string) => c >= '0' && c <= '9';

/**
 * Go's strconv.Atoi on a 64-bit platform, as a bigint (values up to 2^63−1 must print exactly in
 * robfig's range errors). Errors read `strconv.Atoi: parsing "x": invalid syntax` or
 * `…: value out of range`.
 */
export function goAtoi(text: string): GoResult<bigint> {
  const syntax = {
    ok: false as const,
    error: `strconv.Atoi: parsing ${goQuote(text)}: invalid syntax`,
  };
  const range = {
    ok: false as const,
    error: `strconv.Atoi: parsing ${goQuote(text)}: value out of range`,
  };
  // Go measures the length in bytes; only the ASCII digits and sign are accepted anyway.
  const byteLength = [...text].reduce((n, ch) => n + utf8Bytes(ch.codePointAt(0) ?? 0).length, 0);
  let body = text;
  let negative = false;
  if (body.startsWith('+') || body.startsWith('-')) {
    negative = body[0] === '-';
    body = body.slice(1);
  }
  if (byteLength > 0 && byteLength < 19) {
    // Fast path: the number always fits, so the only failure is a non-digit.
    if (body === '' || ![...body].every(isDigit)) return syntax;
    const value = BigInt(body);
    return { ok: true, value: negative ? -value : value };
  }
  // Slow path (ParseInt → ParseUint): scan left to right; the first problem decides the error.
  if (text === '' || body === '') return syntax;
  let value = 0n;
  for (const ch of body) {
    if (!isDigit(ch)) return syntax;
    value = value * 10n + BigInt(ch.charCodeAt(0) - 48);
    if (value > UINT64_MAX) return range;
  }
  if (negative ? value > INT64_MAX + 1n : value > INT64_MAX) return range;
  return { ok: true, value: negative ? -value : value };
}
