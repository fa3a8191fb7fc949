/**
 * Pi to N significant digits, rounded as Math::BigFloat->bpi(N) prints it (the `bpi` of
 * `perl -Mbignum=bpi`): computed with BigInt by Machin's formula
 * pi = 16·atan(1/5) − 4·atan(1/239) in fixed point, with guard digits that grow until the
 * rounding decision is certain.
 */

/** atan(1/x) scaled by `scale`, truncated; the error is below one unit per term. */
function atanInverse(x: bigint, scale: bigint): { value: bigint; terms: number } {
  const x2 = x * x;
  let power = scale / x;
  let sum = power;
  let terms = 1;
  for (let k = 3n, sign = -1n; power !== 0n; k += 2n, sign = -sign) {
    power /= x2;
    sum += (sign * power) / k;
    terms++;
  }
  return { value: sum, terms };
}

/** Pi scaled by 10^digits (truncated), with a bound on its error in units of the last place. */
function piScaled(digits: number): { value: bigint; error: bigint } {
  const scale = 10n ** BigInt(digits);
  const a = atanInverse(5n, scale);
  const b = atanInverse(239n, scale);
  // Each truncation costs < 1 unit; the multipliers scale those errors.
  return {
    value: 16n * a.value - 4n * b.value,
    error: BigInt(16 * (a.terms + 1) + 4 * (b.terms + 1)),
  };
}

/** The digits of pi rounded to `n` significant digits (no decimal point), e.g. "31416" for 5. */
export function piDigits(n: number): string {
  for (let guard = 10; ; guard += 20) {
    const { value, error } = piScaled(n - 1 + guard);
    // value ≈ pi·10^(n-1+guard): the first n digits are kept, `guard` digits decide the rounding.
    const unit = 10n ** BigInt(guard);
    const kept = value / unit;
    const rest = value % unit;
    const half = unit / 2n;
    // Round to nearest; retry with more digits if the error could cross the halfway point.
    if (rest - error > half) return (kept + 1n).toString();
    if (rest + error < half) return kept.toString();
  }
}

/** Math::BigFloat's string for pi to `n` significant digits: "3", "3.1", "3.14", … */
export function bpi(n: number): string {
  const digits = piDigits(n);
  return digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
}
