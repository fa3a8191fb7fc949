/**
 * The `-o json` printer: Go encoding/json MarshalIndent(obj, "", "    ") plus a newline
 * (cli-runtime pkg/printers/json.go). kubectl prints unstructured objects, whose maps Go
 * encodes with sorted keys; typed objects (`--dry-run=client -o json`) keep struct field order,
 * which callers get with `sortKeys: false` and objects built in Go field order.
 */

/** Encoding options. */
export interface JsonPrintOptions {
  /** Sort object keys (default true, as for unstructured objects). */
  sortKeys?: boolean;
  /** Indent string per level; MarshalIndent with four spaces by default. `''` = compact. */
  indent?: string;
}

const HEX = '0123456789abcdef';

/** Go encoding/json string encoding, with HTML-safe escaping of `<`, `>`, `&`. */
export function goJsonString(text: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let escape: string | undefined;
    if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x3c || c === 0x3e || c === 0x26) {
      switch (c) {
        case 0x22:
          escape = '\\"';
          break;
        case 0x5c:
          escape = '\\\\';
          break;
        case 0x0a:
          escape = '\\n';
          break;
        case 0x0d:
          escape = '\\r';
          break;
        case 0x09:
          escape = '\\t';
          break;
        case 0x08:
          escape = '\\b';
          break;
        case 0x0c:
          escape = '\\f';
          break;
        default:
          escape = '\\u00' + HEX[c >> 4] + HEX[c & 0xf];
      }
    } else if (c === 0x2028 || c === 0x2029) {
      escape = c === 0x2028 ? '\\u2028' : '\\u2029';
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate is invalid UTF-8 for Go: it becomes U+FFFD.
      const pair =
        c <= 0xdbff &&
        i + 1 < text.length &&
        text.charCodeAt(i + 1) >= 0xdc00 &&
        text.charCodeAt(i + 1) <= 0xdfff;
      if (pair) {
        i++;
        continue;
      }
      escape = '\ufffd';
    }
    if (escape !== undefined) {
      out += text.slice(start, i) + escape;
      start = i + 1;
    }
  }
  return out + text.slice(start) + '"';
}

/** Go encoding/json number text; JS's shortest round-trip form matches Go's for finite values. */
export function goJsonNumber(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  return Object.is(n, -0) ? '-0' : String(n);
}

function encode(value: unknown, indent: string, prefix: string, sortKeys: boolean): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return goJsonString(value);
    case 'number':
      return goJsonNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'object':
      break;
    default:
      return 'null';
  }
  const inner = prefix + indent;
  const nl = indent ? '\n' : '';
  const colon = indent ? ': ' : ':';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => nl + inner + encode(v, indent, inner, sortKeys));
    return '[' + items.join(',') + nl + prefix + ']';
  }
  const record = value as Record<string, unknown>;
  let keys = Object.keys(record).filter((k) => record[k] !== undefined);
  if (keys.length === 0) return '{}';
  if (sortKeys) keys = keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const items = keys.map(
    (k) => nl + inner + goJsonString(k) + colon + encode(record[k], indent, inner, sortKeys),
  );
  return '{' + items.join(',') + nl + prefix + '}';
}

/** Encodes a JSON value as Go's json.MarshalIndent(v, "", "    ") would, without the newline. */
export function marshalJson(value: unknown, options: JsonPrintOptions = {}): string {
  return encode(value, options.indent ?? '    ', '', options.sortKeys ?? true);
}

/** `kubectl … -o json` of one object: the indented JSON plus a trailing newline. */
export function printJson(value: unknown, options: JsonPrintOptions = {}): string {
  return marshalJson(value, options) + '\n';
}

/**
 * The List kubectl get wraps several objects in (get.go#Run: a v1 List of the items):
 * `{"apiVersion":"v1","items":[…],"kind":"List","metadata":{"resourceVersion":""}}`.
 */
export function listWrapper(items: readonly unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: [...items], kind: 'List', metadata: { resourceVersion: '' } };
}
