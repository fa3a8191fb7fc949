/**
 * Go's time.ParseDuration, needed for robfig's `@every <duration>` descriptor: the same grammar
 * (`[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, units ns us µs μs ms s m h), the same overflow limits and
 * the same error texts, which surface as `failed to parse duration @every …: time: …`.
 */
import { type GoResult, goTimeQuote } from './go-text';

const UNIT_NANOS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  '\u00b5s': 1_000n, // U+00B5 micro sign
  '\u03bcs': 1_000n, // U+03BC Greek small letter mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const LIMIT = 1n << 63n;
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** A signed duration in nanoseconds, or Go's error text. */
export function goParseDuration(text: string): GoResult<bigint> {
  const invalid = { ok: false as const, error: `time: invalid duration ${goTimeQuote(text)}` };
  let rest = text;
  let negative = false;
  if (rest !== '' && (rest[0] === '-' || rest[0] === '+')) {
    negative = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '0') return { ok: true, value: 0n };
  if (rest === '') return invalid;
  let total = 0n;
  while (rest !== '') {
    if (!(rest[0] === '.' || isDigit(rest[0]))) return invalid;
    // Integer part: overflow past 2^63 is an invalid duration.
    let whole = 0n;
    let i = 0;
    for (; isDigit(rest[i]); i++) {
      if (whole > LIMIT / 10n) return invalid;
      whole = whole * 10n + BigInt(rest.charCodeAt(i) - 48);
      if (whole > LIMIT) return invalid;
    }
    const consumedWhole = i > 0;
    rest = rest.slice(i);
    // Fraction: digits beyond int64 precision are silently dropped, as Go does.
    let fraction = 0n;
    let scale = 1;
    let consumedFraction = false;
    if (rest[0] === '.') {
      rest = rest.slice(1);
      let overflow = false;
      let j = 0;
      for (; isDigit(rest[j]); j++) {
        if (overflow) continue;
        if (fraction > (LIMIT - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const next = fraction * 10n + BigInt(rest.charCodeAt(j) - 48);
        if (next > LIMIT) {
          overflow = true;
          continue;
        }
        fraction = next;
        scale *= 10;
      }
      consumedFraction = j > 0;
      rest = rest.slice(j);
    }
    if (!consumedWhole && !consumedFraction) return invalid;
    // Unit: everything up to the next digit or dot.
    let k = 0;
    while (k < rest.length && rest[k] !== '.' && !isDigit(rest[k])) k++;
    if (k === 0) {
      return { ok: false, error: `time: missing unit in duration ${goTimeQuote(text)}` };
    }
    const unitName = rest.slice(0, k);
    rest = rest.slice(k);
    const unit = UNIT_NANOS[unitName];
    if (unit === undefined) {
      return {
        ok: false,
        error: `time: unknown unit ${goTimeQuote(unitName)} in duration ${goTimeQuote(text)}`,
      };
    }
    if (whole > LIMIT / unit) return invalid;
    let value = whole * unit;
    if (fraction > 0n) {
      // Go multiplies in float64 and truncates: reproduce that rounding exactly.
      value += BigInt(Math.trunc(Number(fraction) * (Number(unit) / scale)));
      if (value > LIMIT) return invalid;
    }
    total += value;
    if (total > LIMIT) return invalid;
  }
  if (negative) return { ok: true, value: -total };
  if (total > LIMIT - 1n) return invalid;
  return { ok: true, value: total };
}
