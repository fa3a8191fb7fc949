/**
 * resource.ParseQuantity's acceptance rules (k8s.io/apimachinery/pkg/api/resource/quantity.go)
 * and its three error texts, for decoding `resources.limits` and friends the way the apiserver does.
 */

/** ErrFormatWrong. */
export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
/** ErrNumeric. */
export const QUANTITY_NUMERIC_ERROR = 'unable to parse numeric part of quantity';
/** ErrSuffix. */
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

const SUFFIX_CHARS = 'eEinumkKMGTP';
const KNOWN_SUFFIXES = new Set([
  '',
  'Ki',
  'Mi',
  'Gi',
  'Ti',
  'Pi',
  'Ei',
  'n',
  'u',
  'm',
  'k',
  'M',
  'G',
  'T',
  'P',
  'E',
]);

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** Splits a quantity into its numeric text and suffix, as parseQuantityString does. */
function split(str: string): { value: string; suffix: string } | { error: string } {
  let pos = 0;
  const end = str.length;
  if (str[0] === '-' || str[0] === '+') pos++;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { value: '0', suffix: '' };
  const numStart = pos;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos >= end) return { value: str, suffix: '' };
  let hasDigits = pos > numStart || str.slice(0, numStart).includes('0');
  if (str[pos] === '.') {
    pos++;
    const denomStart = pos;
    while (pos < end && isDigit(str[pos])) pos++;
    if (pos > denomStart) hasDigits = true;
    if (pos >= end)
      return hasDigits ? { value: str, suffix: '' } : { error: QUANTITY_NUMERIC_ERROR };
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(str[pos])) pos++;
  if (pos >= end) return finish(value, str.slice(suffixStart), hasDigits);
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos >= end) return finish(value, str.slice(suffixStart), hasDigits);
  return { error: QUANTITY_FORMAT_ERROR };
}

function finish(value: string, suffix: string, hasDigits: boolean) {
  return hasDigits ? { value, suffix } : { error: QUANTITY_NUMERIC_ERROR };
}

/** Whether a suffix is one Quantity understands: SI, binary SI, or a decimal exponent. */
function knownSuffix(s: string): boolean {
  return KNOWN_SUFFIXES.has(s) || /^[eE][-+]?[0-9]+$/.test(s);
}

/** Validates a quantity string; returns the upstream error text, or undefined when valid. */
export function quantityError(str: string): string | undefined {
  if (str.length === 0) return QUANTITY_FORMAT_ERROR;
  if (str === '0') return undefined;
  const parts = split(str);
  if ('error' in parts) return parts.error;
  if (!knownSuffix(parts.suffix)) return QUANTITY_SUFFIX_ERROR;
  return undefined;
}

/** Quantity.UnmarshalJSON's view of a JSON value: quotes stripped, spaces trimmed. */
export function quantityFromJsonText(raw: string): string | undefined {
  if (raw === 'null') return undefined;
  let v = raw;
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1);
  return v.trim();
}
