/** C number conversions applets share: strtod/strtol-style prefix parsing and printf's %f. */

/** What `strtod` reads: the value and the unparsed rest (the whole text when nothing parsed). */
export interface Parsed {
  value: number;
  rest: string;
  /** Whether any number was read. */
  ok: boolean;
}

/** strtod(3): optional space, sign, decimal or hex digits with exponent, or inf/infinity/nan. */
export function strtod(text: string): Parsed {
  const m =
    /^\s*([+-]?)(?:(inf(?:inity)?|nan)|0x([0-9a-f]+(?:\.[0-9a-f]*)?|\.[0-9a-f]+)(?:p([+-]?\d+))?|(\d+(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?)/i.exec(
      text,
    );
  if (!m || m[0].trim() === '' || m[0].trim() === '+' || m[0].trim() === '-')
    return { value: 0, rest: text, ok: false };
  const sign = m[1] === '-' ? -1 : 1;
  let value: number;
  if (m[2]) value = m[2].toLowerCase() === 'nan' ? NaN : Infinity;
  else if (m[3] !== undefined) {
    const [int, frac = ''] = m[3].split('.');
    value = parseInt(int || '0', 16) + (frac ? parseInt(frac, 16) / 16 ** frac.length : 0);
    if (m[4]) value *= 2 ** Number(m[4]);
  } else value = Number(m[5] + (m[6] ? `e${m[6]}` : ''));
  return { value: sign * value, rest: text.slice(m[0].length), ok: true };
}

/** strtol(3) in base 10: optional space and sign, digits. */
export function strtol(text: string): Parsed {
  const m = /^\s*([+-]?\d+)/.exec(text);
  if (!m) return { value: 0, rest: text, ok: false };
  return { value: Number(m[1]), rest: text.slice(m[0].length), ok: true };
}

/**
 * printf's `%.<prec>f` on a double: the exact binary value rounded half-to-even, which is where
 * it differs from JavaScript's toFixed (half-up).
 */
export function cFixed(x: number, prec: number): string {
  if (!Number.isFinite(x))
    return Number.isNaN(x) ? (x < 0 ? '-nan' : 'nan') : x < 0 ? '-inf' : 'inf';
  // Fast paths: integers, and values nowhere near a rounding tie, print the same either way.
  if (prec === 0 && Number.isSafeInteger(x)) return Object.is(x, -0) ? '-0' : String(x);
  const scaled = Math.abs(x) * 10 ** prec;
  if (prec <= 15 && scaled < 2 ** 52 && Math.abs((scaled % 1) - 0.5) > 1e-6) return x.toFixed(prec);
  const negative = x < 0 || Object.is(x, -0);
  const { mant, exp } = decompose(Math.abs(x));
  // |x| = mant * 2^exp exactly; scale by 10^prec and round to an integer.
  let num = mant * 10n ** BigInt(prec);
  let den = 1n;
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  let q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && q % 2n === 1n)) q += 1n;
  let digits = q.toString();
  if (prec > 0) {
    digits = digits.padStart(prec + 1, '0');
    digits = `${digits.slice(0, -prec)}.${digits.slice(-prec)}`;
  }
  return (negative ? '-' : '') + digits;
}

/** printf's `%0<width>.<prec>f` (zero padding after the sign). */
export function cFixedWidth(x: number, prec: number, width: number, zeroPad: boolean): string {
  const s = cFixed(x, prec);
  if (s.length >= width) return s;
  if (!zeroPad) return s.padStart(width);
  const sign = s.startsWith('-') ? '-' : '';
  return sign + s.slice(sign.length).padStart(width - sign.length, '0');
}

/** Splits a finite non-negative double into an integer mantissa and a power of two. */
function decompose(x: number): { mant: bigint; exp: number } {
  if (x === 0) return { mant: 0n, exp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  return { mant, exp };
}
