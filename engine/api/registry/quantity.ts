/**
 * resource.Quantity (k8s.io/apimachinery/pkg/api/resource/quantity.go): parsing of `500m`,
 * `1.5Gi`, `1e3`, exact comparison, and the canonical string the API server stores (`0.5` becomes
 * `500m`, `1024Mi` becomes `1Gi`, `1000` CPU becomes `1k`). Values are exact: a bigint mantissa
 * times a power of ten.
 */
import { setQuantityParts } from './go-value';

/** The three serialization formats of a Quantity, chosen by the suffix it was written with. */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** A parsed quantity: `mantissa × 10^exponent`, remembering its format. */
export interface Quantity {
  readonly mantissa: bigint;
  readonly exponent: number;
  readonly format: QuantityFormat;
}

/** ErrFormatWrong: the text of every malformed-quantity error. */
export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
/** ErrSuffix. */
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

const DECIMAL_SUFFIXES: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]));
const BINARY_BY_POWER = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** Splits a quantity the way parseQuantityString does: sign, integer and fraction digits, suffix. */
function split(
  str: string,
): { positive: boolean; num: string; denom: string; suffix: string } | string {
  let pos = 0;
  let positive = true;
  if (str[0] === '-' || str[0] === '+') {
    positive = str[0] === '+';
    pos++;
  }
  while (str[pos] === '0') pos++;
  const numStart = pos;
  while (isDigit(str[pos])) pos++;
  const num = str.slice(numStart, pos) || '0';
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    const start = pos;
    while (isDigit(str[pos])) pos++;
    denom = str.slice(start, pos);
  }
  const suffixStart = pos;
  while (pos < str.length && 'eEinumkKMGTP'.includes(str[pos])) pos++;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (isDigit(str[pos])) pos++;
  if (pos < str.length) return QUANTITY_FORMAT_ERROR;
  return { positive, num, denom, suffix: str.slice(suffixStart) };
}

/** resource.ParseQuantity: a Quantity, or the upstream error text. */
export function parseQuantity(input: string): Quantity | string {
  const str = input;
  if (str.length === 0) return QUANTITY_FORMAT_ERROR;
  if (str === '0') return { mantissa: 0n, exponent: 0, format: 'DecimalSI' };
  const parts = split(str);
  if (typeof parts === 'string') return parts;
  const { positive, num, denom, suffix } = parts;
  let format: QuantityFormat;
  let base10 = 0;
  let base2 = 0;
  if (suffix in DECIMAL_SUFFIXES) {
    format = 'DecimalSI';
    base10 = DECIMAL_SUFFIXES[suffix];
  } else if (suffix in BINARY_SUFFIXES) {
    format = 'BinarySI';
    base2 = BINARY_SUFFIXES[suffix];
  } else if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    if (!/^[+-]?[0-9]+$/.test(suffix.slice(1))) return QUANTITY_SUFFIX_ERROR;
    format = 'DecimalExponent';
    base10 = Number(suffix.slice(1));
  } else {
    return QUANTITY_SUFFIX_ERROR;
  }
  let mantissa = BigInt(num + denom) << BigInt(base2);
  let exponent = base10 - denom.length;
  // Values finer than a nano-unit are rounded away from zero to 1n (upstream: inf.RoundUp).
  if (exponent < -9) {
    mantissa = divideRoundingUp(mantissa, 10n ** BigInt(-9 - exponent));
    exponent = -9;
  }
  if (!positive) mantissa = -mantissa;
  if (mantissa === 0n && format === 'BinarySI') format = 'DecimalSI';
  return normalize({ mantissa, exponent, format });
}

function divideRoundingUp(magnitude: bigint, divisor: bigint): bigint {
  const q = magnitude / divisor;
  return magnitude % divisor === 0n ? q : q + 1n;
}

/** Moves factors of ten from the mantissa into the exponent (the value is unchanged). */
function normalize(q: Quantity): Quantity {
  let { mantissa, exponent } = q;
  if (mantissa === 0n) return { mantissa, exponent: 0, format: q.format };
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  return { mantissa, exponent, format: q.format };
}

function scaled(q: Quantity, exponent: number): bigint {
  return q.mantissa * 10n ** BigInt(q.exponent - exponent);
}

/** Quantity.Cmp: -1, 0 or 1. */
export function compareQuantity(a: Quantity, b: Quantity): number {
  const e = Math.min(a.exponent, b.exponent);
  const x = scaled(a, e);
  const y = scaled(b, e);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Quantity.Add (the format of `a` wins, as upstream). */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  const e = Math.min(a.exponent, b.exponent);
  return normalize({ mantissa: scaled(a, e) + scaled(b, e), exponent: e, format: a.format });
}

/** Quantity.RoundUp(scale): rounds away from zero to a multiple of 10^scale. */
export function roundUpQuantity(q: Quantity, scale: number): Quantity {
  if (q.exponent >= scale) return q;
  const divisor = 10n ** BigInt(scale - q.exponent);
  const negative = q.mantissa < 0n;
  const magnitude = divideRoundingUp(negative ? -q.mantissa : q.mantissa, divisor);
  return normalize({
    mantissa: negative ? -magnitude : magnitude,
    exponent: scale,
    format: q.format,
  });
}

/** Quantity.MilliValue: ceil(q × 1000). */
export function milliValue(q: Quantity): bigint {
  if (q.exponent >= -3) return scaled(q, -3);
  const divisor = 10n ** BigInt(-3 - q.exponent);
  const r = q.mantissa / divisor;
  return q.mantissa > 0n && q.mantissa % divisor !== 0n ? r + 1n : r;
}

/** True for a zero quantity. */
export function isZeroQuantity(q: Quantity): boolean {
  return q.mantissa === 0n;
}

/** Quantity.String: the canonical form the API server serializes. */
export function formatQuantity(q: Quantity): string {
  if (q.mantissa === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    const abs = q.mantissa < 0n ? -q.mantissa : q.mantissa;
    // Small or fractional binary values are shown as decimal so no precision is lost.
    if (q.exponent < 0 || scaled({ ...q, mantissa: abs }, 0) < 1024n) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let amount = scaled(q, 0);
    let power = 0;
    while (amount % 1024n === 0n && power < BINARY_BY_POWER.length - 1) {
      amount /= 1024n;
      power++;
    }
    return `${amount}${BINARY_BY_POWER[power]}`;
  }
  const n = normalize(q);
  let mantissa = n.mantissa;
  let exponent = n.exponent;
  while (((exponent % 3) + 3) % 3 !== 0) {
    mantissa *= 10n;
    exponent--;
  }
  if (format === 'DecimalExponent')
    return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`;
  // An exponent outside the SI table gets no suffix, as upstream's suffixer returns none.
  return `${mantissa}${DECIMAL_BY_EXPONENT.get(exponent) ?? ''}`;
}

/** Parses a JSON quantity (string or number, as Quantity.UnmarshalJSON accepts). */
export function quantityFromJson(v: unknown): Quantity | string {
  if (typeof v === 'number' && Number.isFinite(v)) return parseQuantity(String(v));
  if (typeof v === 'string') return parseQuantity(v.trim());
  return QUANTITY_FORMAT_ERROR;
}

/** The canonical string of a JSON quantity, or the input unchanged when it does not parse. */
export function canonicalQuantity(v: unknown): unknown {
  const q = quantityFromJson(v);
  return typeof q === 'string' ? v : formatQuantity(q);
}

setQuantityParts((v) => {
  const q = quantityFromJson(v);
  if (typeof q === 'string') {
    return { value: '0', scale: 0, text: '', format: 'DecimalSI' };
  }
  return { value: String(q.mantissa), scale: q.exponent, text: '', format: q.format };
});
