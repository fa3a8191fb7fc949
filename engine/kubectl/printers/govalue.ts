/**
 * Go fmt renderings of decoded JSON values (map[string]interface{}, []interface{}, string,
 * int64, float64, bool, nil) as kubectl's jsonpath and custom-columns printers produce them:
 * `%v` (fmt.Sprint) and `%#v` (in jsonpath error messages).
 */
import { goQuote } from '../format/gofmt';
import { goFormatFloatG } from './yaml';

function sortedKeys(map: Record<string, unknown>): string[] {
  return Object.keys(map)
    .filter((k) => map[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Go's %v of a number decoded from JSON: int64 when integral, float64 otherwise. */
function goNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return String(n);
  return goFormatFloatG(n);
}

/** fmt.Sprint(value): `map[a:1 b:[x y]]`, `<nil>`, `true`, `1.5`. */
export function goSprint(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return goNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
  }
  if (Array.isArray(value)) return `[${value.map(goSprint).join(' ')}]`;
  const map = value as Record<string, unknown>;
  return `map[${sortedKeys(map)
    .map((k) => `${k}:${goSprint(map[k])}`)
    .join(' ')}]`;
}

/** fmt %#v of an interface{} value holding decoded JSON. */
export function goSyntax(value: unknown, inInterface = true): string {
  if (value === null || value === undefined) return 'interface {}(nil)';
  switch (typeof value) {
    case 'string':
      return goQuote(value);
    case 'number':
      return goNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
  }
  if (Array.isArray(value)) {
    return `[]interface {}{${value.map((v) => goSyntax(v, true)).join(', ')}}`;
  }
  const map = value as Record<string, unknown>;
  void inInterface;
  return `map[string]interface {}{${sortedKeys(map)
    .map((k) => `${goQuote(k)}:${goSyntax(map[k], true)}`)
    .join(', ')}}`;
}
