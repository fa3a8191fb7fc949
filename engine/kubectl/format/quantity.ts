/**
 * Resource quantities (apimachinery pkg/api/resource): parsing, addition and the canonical
 * String() form (`100m`, `128Mi`, `2`, `1500M`), enough for describe's resource sections.
 * Values are kept exactly as a BigInt count of nano-units (10^-9), the finest scale used.
 */

/** The three quantity formats of apimachinery. */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** An exact quantity: `nanos` × 10^-9, with the format used for printing. */
export interface Quantity {
  readonly nanos: bigint;
  readonly format: QuantityFormat;
}

const NANO = 1_000_000_000n;

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

/** Parses `500m`, `1.5Gi`, `2e3`, `128974848`; undefined when malformed. */
export function parseQuantity(text: string): Quantity | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/.exec(
    text.trim(),
  );
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return undefined;
  const sign = m[1] === '-' ? -1n : 1n;
  const intPart = m[2] || '0';
  const frac = m[3] ?? '';
  // mantissa = digits × 10^-len(frac)
  const digits = BigInt(intPart + frac);
  let scale = -frac.length;
  let binary = 0;
  let format: QuantityFormat = 'DecimalSI';
  if (m[4]) {
    scale += parseInt(m[4].slice(1), 10);
    format = 'DecimalExponent';
  } else if (m[5] && m[5] in BINARY_SUFFIXES) {
    binary = BINARY_SUFFIXES[m[5]];
    format = 'BinarySI';
  } else if (m[5]) {
    scale += DECIMAL_SUFFIXES[m[5]];
  }
  let nanos = digits * (1n << BigInt(binary));
  const shift = scale + 9;
  // Below nano precision the value is rounded up, as apimachinery does for the infinite scale.
  if (shift >= 0) nanos *= 10n ** BigInt(shift);
  else {
    const div = 10n ** BigInt(-shift);
    nanos = (nanos + div - 1n) / div;
  }
  return { nanos: sign * nanos, format };
}

/** Sum of two quantities; the format is the first one's, as Quantity.Add keeps it. */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.format };
}

/** A zero quantity in the given format. */
export function zeroQuantity(format: QuantityFormat = 'DecimalSI'): Quantity {
  return { nanos: 0n, format };
}

/** Quantity.MilliValue(): the value in thousandths, rounded up. */
export function milliValue(q: Quantity): number {
  const div = 1_000_000n;
  const v = q.nanos >= 0n ? (q.nanos + div - 1n) / div : q.nanos / div;
  return Number(v);
}

/** Quantity.Value(): the value in units, rounded up. */
export function quantityValue(q: Quantity): number {
  const v = q.nanos >= 0n ? (q.nanos + NANO - 1n) / NANO : q.nanos / NANO;
  return Number(v);
}

const DECIMAL_BY_EXP: Record<number, string> = {
  [-9]: 'n',
  [-6]: 'u',
  [-3]: 'm',
  0: '',
  3: 'k',
  6: 'M',
  9: 'G',
  12: 'T',
  15: 'P',
  18: 'E',
};
const BINARY_BY_EXP: Record<number, string> = {
  0: '',
  10: 'Ki',
  20: 'Mi',
  30: 'Gi',
  40: 'Ti',
  50: 'Pi',
  60: 'Ei',
};

/** Quantity.String(): the canonical form. */
export function formatQuantity(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  const negative = q.nanos < 0n;
  const abs = negative ? -q.nanos : q.nanos;
  const sign = negative ? '-' : '';
  // BinarySI is used only for whole values of at least 1024 in magnitude.
  if (q.format === 'BinarySI' && abs % NANO === 0n && abs / NANO >= 1024n) {
    let value = abs / NANO;
    let exp = 0;
    while (exp < 60 && value % 1024n === 0n) {
      value /= 1024n;
      exp += 10;
    }
    return `${sign}${value}${BINARY_BY_EXP[exp]}`;
  }
  // Decimal: the largest exponent (multiple of 3) that keeps the mantissa whole.
  let mantissa = abs;
  let exp = -9;
  while (exp < 18 && mantissa % 1000n === 0n) {
    mantissa /= 1000n;
    exp += 3;
  }
  if (q.format === 'DecimalExponent') {
    return exp === 0 ? `${sign}${mantissa}` : `${sign}${mantissa}e${exp}`;
  }
  return `${sign}${mantissa}${DECIMAL_BY_EXP[exp]}`;
}

/** Canonical form of a quantity string, or the text itself when it does not parse. */
export function canonicalQuantity(text: string): string {
  const q = parseQuantity(text);
  return q ? formatQuantity(q) : text;
}
