/**
 * Renders decoded JSON the way Go's fmt prints the matching Go value, because upstream validation
 * messages embed such dumps: `%q` strings (strconv.Quote), `%#v` maps such as
 * `map[string]string{"app":"x"}`, structs such as `v1.LabelSelector{MatchLabels:…,
 * MatchExpressions:[]v1.LabelSelectorRequirement(nil)}` and `%v`. A small type description
 * (GoType) says which Go type a JSON value stands for, since JSON alone cannot tell a nil map
 * from a missing struct or an int32 from a pointer.
 */
import { isObj, type Obj } from './json';

/** A Go type, described just enough to print its values. */
export type GoType =
  | { kind: 'string'; name: string }
  | { kind: 'int'; name: string }
  | { kind: 'bool' }
  | { kind: 'ptr'; elem: GoType }
  | { kind: 'slice'; elem: GoType; name?: string }
  | { kind: 'map'; key: GoType; elem: GoType; name?: string }
  | { kind: 'struct'; name: string; fields: readonly GoField[] }
  | { kind: 'intOrString' }
  | { kind: 'quantity' }
  | { kind: 'time' }
  /**
   * A type whose dump is not spelled out. @simplified: printed as `T{…}` (or `T(nil)`), used for
   * rarely shown nested types (probes, env sources, owner references…).
   */
  | { kind: 'opaque'; name: string };

/**
 * One struct field: its Go name, the JSON key it is decoded from, and its type. An empty JSON
 * key marks an embedded (inlined) struct whose fields sit in the parent JSON object.
 */
export interface GoField {
  readonly go: string;
  readonly json: string;
  readonly type: GoType;
}

/** Type constructors for readable descriptions. */
export const go = {
  str: (name = 'string'): GoType => ({ kind: 'string', name }),
  int: (name = 'int32'): GoType => ({ kind: 'int', name }),
  bool: (): GoType => ({ kind: 'bool' }),
  ptr: (elem: GoType): GoType => ({ kind: 'ptr', elem }),
  slice: (elem: GoType, name?: string): GoType => ({ kind: 'slice', elem, name }),
  map: (key: GoType, elem: GoType, name?: string): GoType => ({ kind: 'map', key, elem, name }),
  struct: (name: string, fields: [string, string, GoType][]): GoType => ({
    kind: 'struct',
    name,
    fields: fields.map(([goName, json, type]) => ({ go: goName, json, type })),
  }),
  intOrString: (): GoType => ({ kind: 'intOrString' }),
  quantity: (): GoType => ({ kind: 'quantity' }),
  time: (): GoType => ({ kind: 'time' }),
  opaque: (name: string): GoType => ({ kind: 'opaque', name }),
};

/** The Go spelling of a type: `[]v1.LabelSelectorRequirement`, `map[string]string`, `*int32`. */
export function goTypeName(t: GoType): string {
  switch (t.kind) {
    case 'string':
    case 'int':
    case 'struct':
    case 'opaque':
      return t.name;
    case 'bool':
      return 'bool';
    case 'ptr':
      return `*${goTypeName(t.elem)}`;
    case 'slice':
      return t.name ?? `[]${goTypeName(t.elem)}`;
    case 'map':
      return t.name ?? `map[${goTypeName(t.key)}]${goTypeName(t.elem)}`;
    case 'intOrString':
      return 'intstr.IntOrString';
    case 'quantity':
      return 'resource.Quantity';
    case 'time':
      return 'v1.Time';
  }
}

const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u;

/** strconv.Quote: a double-quoted Go string literal with Go's escapes. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const r = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') {
      out += `\\${ch}`;
    } else if (r >= 0xd800 && r <= 0xdfff) {
      // A lone surrogate cannot come from valid UTF-8; JSON decoding would have made it U+FFFD.
      out += '\ufffd';
    } else if (PRINTABLE.test(ch)) {
      out += ch;
    } else {
      out += escapeRune(r);
    }
  }
  return `${out}"`;
}

function escapeRune(r: number): string {
  switch (r) {
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x0b:
      return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return `\\x${r.toString(16).padStart(2, '0')}`;
  if (r > 0xffff) return `\\U${r.toString(16).padStart(8, '0')}`;
  return `\\u${r.toString(16).padStart(4, '0')}`;
}

/** `%#v` of a value of type `t`, as printed at the top level (depth 0). */
export function goSharpV(t: GoType, v: unknown): string {
  return new Printer().sharpV(t, v, 0, '');
}

/**
 * The value part of field.Error.ErrorBody for a Go value of type `t`: a nil pointer prints as
 * `"null"`, a pointer is dereferenced first, strings are `%q`, numbers and booleans `%v`, and
 * everything else `%#v`.
 */
export function errorValue(t: GoType, v: unknown): string {
  let type = t;
  if (type.kind === 'ptr') {
    if (v === undefined || v === null) return '"null"';
    type = type.elem;
  }
  switch (type.kind) {
    case 'string':
      return goQuote(typeof v === 'string' ? v : '');
    case 'int':
      // Only int32/int64 take the %v branch; a Go int prints the same digits through %#v.
      return String(typeof v === 'number' ? v : 0);
    case 'bool':
      return v === true ? 'true' : 'false';
    default:
      return goSharpV(type, v);
  }
}

/** `%v` of a value of type `t`. */
export function goV(t: GoType, v: unknown): string {
  return new Printer().plainV(t, v, 0, '');
}

/** `map[string]string{"a":"b"}` or `map[string]string(nil)`: the common label-map dump. */
export function goStringMap(m: unknown): string {
  return goSharpV(go.map(go.str(), go.str()), m);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * time.Time.GoString for a metav1.Time decoded from RFC 3339 (metav1 decodes into the server's
 * local zone; the simulated API server runs in UTC, which Go still names `time.Local`). A zero
 * time is `time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC)`.
 */
export function goTime(v: unknown): string {
  const ms = typeof v === 'string' ? Date.parse(v) : NaN;
  if (Number.isNaN(ms)) return 'time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC)';
  const d = new Date(ms);
  return (
    `time.Date(${d.getUTCFullYear()}, time.${MONTHS[d.getUTCMonth()]}, ${d.getUTCDate()}, ` +
    `${d.getUTCHours()}, ${d.getUTCMinutes()}, ${d.getUTCSeconds()}, 0, time.Local)`
  );
}

/** Parsed view of a JSON IntOrString: a number is Type 0 (Int), a string Type 1 (String). */
function intOrString(v: unknown): { type: number; intVal: number; strVal: string } {
  if (typeof v === 'string') return { type: 1, intVal: 0, strVal: v };
  return { type: 0, intVal: typeof v === 'number' ? v : 0, strVal: '' };
}

/** The pieces of a resource.Quantity as Go stores it after decoding. */
export interface QuantityParts {
  value: string;
  scale: number;
  text: string;
  format: string;
}

/** Hook used to show quantities; quantity.ts installs the real parser (avoids an import cycle). */
let quantityParts: (v: unknown) => QuantityParts = (v) => ({
  value: '0',
  scale: 0,
  text: typeof v === 'string' ? v : '',
  format: 'DecimalSI',
});

/** Lets quantity.ts supply the decoding of quantities for dumps. */
export function setQuantityParts(fn: (v: unknown) => QuantityParts): void {
  quantityParts = fn;
}

class Printer {
  private pointers = 0;

  /**
   * Go prints nested pointers as addresses. @simplified: addresses are fake but stable
   * (0xc000 followed by a counter), since the real ones are heap addresses of the apiserver.
   */
  private address(): string {
    this.pointers += 1;
    return `0xc000${(0x100000 + this.pointers * 0x18).toString(16)}`;
  }

  sharpV(t: GoType, v: unknown, depth: number, path: string): string {
    switch (t.kind) {
      case 'string':
        return goQuote(typeof v === 'string' ? v : '');
      case 'int':
        return String(typeof v === 'number' ? v : 0);
      case 'bool':
        return v === true ? 'true' : 'false';
      case 'time':
        return goTime(v);
      case 'opaque':
        return v === undefined || v === null ? `${t.name}(nil)` : `${t.name}{…}`;
      case 'intOrString': {
        const x = intOrString(v);
        return `intstr.IntOrString{Type:${x.type}, IntVal:${x.intVal}, StrVal:${goQuote(x.strVal)}}`;
      }
      case 'quantity': {
        const q = quantityParts(v);
        return (
          `resource.Quantity{i:resource.int64Amount{value:${q.value}, scale:${q.scale}}, ` +
          `d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:${goQuote(q.text)}, Format:"${q.format}"}`
        );
      }
      case 'ptr': {
        const nil = v === undefined || v === null;
        // A *metav1.Time answers GoString; fmt prints <nil> when that method meets a nil pointer.
        if (t.elem.kind === 'time') return nil ? '<nil>' : goTime(v);
        if (nil) return `(${goTypeName(t)})(nil)`;
        const e = t.elem.kind;
        if (depth === 0 && (e === 'struct' || e === 'slice' || e === 'map')) {
          return `&${this.sharpV(t.elem, v, depth + 1, path)}`;
        }
        return `(${goTypeName(t)})(${this.address()})`;
      }
      case 'slice': {
        if (!Array.isArray(v)) return `${goTypeName(t)}(nil)`;
        const items = v.map((x, i) => this.sharpV(t.elem, x, depth + 1, `${path}[${i}]`));
        return `${goTypeName(t)}{${items.join(', ')}}`;
      }
      case 'map': {
        if (!isObj(v)) return `${goTypeName(t)}(nil)`;
        const keys = Object.keys(v).sort();
        const items = keys.map(
          (k) =>
            `${this.sharpV(t.key, k, depth + 1, path)}:${this.sharpV(t.elem, v[k], depth + 1, `${path}.${k}`)}`,
        );
        return `${goTypeName(t)}{${items.join(', ')}}`;
      }
      case 'struct': {
        const o: Obj = isObj(v) ? v : {};
        const parts = t.fields.map((f) => {
          const fv = f.json === '' ? o : o[f.json];
          return `${f.go}:${this.sharpV(f.type, fv, depth + 1, `${path}.${f.go}`)}`;
        });
        return `${t.name}{${parts.join(', ')}}`;
      }
    }
  }

  plainV(t: GoType, v: unknown, depth: number, path: string): string {
    switch (t.kind) {
      case 'string':
        return typeof v === 'string' ? v : '';
      case 'int':
        return String(typeof v === 'number' ? v : 0);
      case 'bool':
        return v === true ? 'true' : 'false';
      case 'time': {
        const ms = typeof v === 'string' ? Date.parse(v) : NaN;
        if (Number.isNaN(ms)) return '0001-01-01 00:00:00 +0000 UTC';
        return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} +0000 UTC`;
      }
      case 'opaque':
        return v === undefined || v === null ? '<nil>' : '{…}';
      case 'intOrString': {
        const x = intOrString(v);
        return `{${x.type} ${x.intVal} ${x.strVal}}`;
      }
      case 'quantity': {
        const q = quantityParts(v);
        return `{{${q.value} ${q.scale}} {<nil>} ${q.text} ${q.format}}`;
      }
      case 'ptr': {
        if (v === undefined || v === null) return '<nil>';
        if (t.elem.kind === 'time') return this.plainV(t.elem, v, depth, path);
        const e = t.elem.kind;
        if (depth === 0 && (e === 'struct' || e === 'slice' || e === 'map')) {
          return `&${this.plainV(t.elem, v, depth + 1, path)}`;
        }
        return this.address();
      }
      case 'slice':
        if (!Array.isArray(v)) return '[]';
        return `[${v.map((x, i) => this.plainV(t.elem, x, depth + 1, `${path}[${i}]`)).join(' ')}]`;
      case 'map': {
        if (!isObj(v)) return 'map[]';
        const keys = Object.keys(v).sort();
        const items = keys.map(
          (k) => `${k}:${this.plainV(t.elem, v[k], depth + 1, `${path}.${k}`)}`,
        );
        return `map[${items.join(' ')}]`;
      }
      case 'struct': {
        const o: Obj = isObj(v) ? v : {};
        const parts = t.fields.map((f) =>
          this.plainV(f.type, f.json === '' ? o : o[f.json], depth + 1, `${path}.${f.go}`),
        );
        return `{${parts.join(' ')}}`;
      }
    }
  }
}
