/**
 * Go-side values produced by go-yaml v2 when it decodes into `interface{}`: scalars resolved by
 * YAML 1.1 rules, `[]interface{}` sequences and `map[interface{}]interface{}` mappings whose keys
 * keep their Go type. Also Go's `%#v` rendering of such values, which appears in error messages.
 */

/** A float64 (kept apart from ints because keys and `%#v` print them differently). */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** A `map[interface{}]interface{}`: keys are compared by Go type and value. */
export class GoMap {
  private readonly entries = new Map<string, { key: GoValue; value: GoValue }>();

  /** Sets `key` (replacing an equal key, as Go map assignment does). */
  set(key: GoValue, value: GoValue): void {
    const id = keyId(key);
    const existing = this.entries.get(id);
    if (existing) existing.value = value;
    else this.entries.set(id, { key, value });
  }

  /** Entries in insertion order. */
  list(): { key: GoValue; value: GoValue }[] {
    return [...this.entries.values()];
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * A decoded YAML value.
 * @simplified: Go keeps int64/uint64 exactly; integers here are JS numbers, exact up to 2^53.
 */
export type GoValue = null | boolean | string | number | GoFloat | GoValue[] | GoMap;

let compositeKeys = 0;

/** Identity of a map key: Go type plus value. */
function keyId(k: GoValue): string {
  if (k === null) return 'n';
  if (typeof k === 'boolean') return k ? 'b1' : 'b0';
  if (typeof k === 'string') return 's' + k;
  if (typeof k === 'number') return 'i' + String(k);
  if (k instanceof GoFloat) return 'f' + String(k.value);
  // Maps and slices are rejected as keys before they get here; identity is enough.
  return 'o' + String(++compositeKeys);
}

/** Go's strconv.Quote of a string (used by `%#v` and `%q`). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (cp === 0x07) out += '\\a';
    else if (cp === 0x08) out += '\\b';
    else if (cp === 0x0c) out += '\\f';
    else if (cp === 0x0a) out += '\\n';
    else if (cp === 0x0d) out += '\\r';
    else if (cp === 0x09) out += '\\t';
    else if (cp === 0x0b) out += '\\v';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (!isGoPrintable(cp)) {
      out +=
        cp > 0xffff
          ? '\\U' + cp.toString(16).padStart(8, '0')
          : '\\u' + cp.toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + '"';
}

/** Approximation of unicode.IsPrint: letters, marks, numbers, punctuation, symbols, ASCII space. */
function isGoPrintable(cp: number): boolean {
  if (cp === 0x20) return true;
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(cp));
}

/** Go's strconv.FormatFloat(f, 'g', -1, 64). */
export function formatFloatG(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  return layoutG(f.toExponential());
}

/** Go's strconv.FormatFloat(f, 'g', -1, 32) (sigs.k8s.io/yaml uses it for float map keys). */
export function formatFloat32G(f: number): string {
  const f32 = Math.fround(f);
  if (Number.isNaN(f32)) return 'NaN';
  if (f32 === Infinity) return '+Inf';
  if (f32 === -Infinity) return '-Inf';
  if (f32 === 0) return Object.is(f32, -0) ? '-0' : '0';
  for (let p = 1; p < 9; p++) {
    const s = f32.toExponential(p - 1);
    if (Math.fround(Number(s)) === f32) return layoutG(s);
  }
  return layoutG(f32.toExponential(8));
}

/**
 * Lays out shortest digits (given as JS exponential notation) the way Go's 'g' format does with
 * the shortest precision: exponent form when the exponent is below -4 or at least 6.
 */
function layoutG(expo: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(expo);
  if (!m) return expo;
  const sign = m[1];
  const digits = (m[2] + (m[3] ?? '')).replace(/0+$/, '') || '0';
  const x = Number(m[4]);
  if (x < -4 || x >= 6) {
    const mant = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    const ax = Math.abs(x);
    return `${sign}${mant}e${x < 0 ? '-' : '+'}${ax < 10 ? '0' + ax : ax}`;
  }
  const dp = x + 1;
  if (dp <= 0) return `${sign}0.${'0'.repeat(-dp)}${digits}`;
  if (dp >= digits.length) return sign + digits + '0'.repeat(dp - digits.length);
  return `${sign}${digits.slice(0, dp)}.${digits.slice(dp)}`;
}

/** Go's `%#v` of a decoded value (`[]interface {}{"a", 1}`, `map[interface {}]interface {}{…}`). */
export function goSharpV(v: GoValue): string {
  if (v === null) return '<nil>';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return String(v);
  if (v instanceof GoFloat) return formatFloatG(v.value);
  if (Array.isArray(v)) return '[]interface {}{' + v.map(nested).join(', ') + '}';
  const entries = v.list().sort((a, b) => compareKeys(a.key, b.key));
  return (
    'map[interface {}]interface {}{' +
    entries.map((e) => nested(e.key) + ':' + nested(e.value)).join(', ') +
    '}'
  );
}

/** Inside a composite, nil interface values print as `interface {}(nil)`. */
function nested(v: GoValue): string {
  return v === null ? 'interface {}(nil)' : goSharpV(v);
}

/** fmt's map key order for interface keys: by type first, then by value. */
function compareKeys(a: GoValue, b: GoValue): number {
  const rank = (x: GoValue) =>
    x === null
      ? 0
      : typeof x === 'boolean'
        ? 1
        : typeof x === 'number'
          ? 2
          : x instanceof GoFloat
            ? 3
            : typeof x === 'string'
              ? 4
              : 5;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  const va = a instanceof GoFloat ? a.value : a;
  const vb = b instanceof GoFloat ? b.value : b;
  if (typeof va === 'string' || typeof va === 'number' || typeof va === 'boolean') {
    return va < (vb as typeof va) ? -1 : va > (vb as typeof va) ? 1 : 0;
  }
  return 0;
}

/** The Go type name of a decoded value, as `%s` of reflect.TypeOf prints it. */
export function goTypeName(v: GoValue): string {
  if (v === null) return '%!s(<nil>)';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'int';
  if (v instanceof GoFloat) return 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[interface {}]interface {}';
}
