/**
 * Defensive access to decoded API objects. Registry code reads plain JSON that strict decoding has
 * usually checked already, but it must never throw on a value of the wrong type: these helpers
 * return `undefined` for anything that is not of the expected JSON type.
 */

/** A JSON object. */
export type Obj = Record<string, unknown>;

/** True for a plain JSON object (not null, not an array). */
export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `o[k]` when it is an object. */
export function objAt(o: unknown, k: string): Obj | undefined {
  if (!isObj(o)) return undefined;
  const v = o[k];
  return isObj(v) ? v : undefined;
}

/** `o[k]` when it is an array. */
export function arrAt(o: unknown, k: string): unknown[] | undefined {
  if (!isObj(o)) return undefined;
  const v = o[k];
  return Array.isArray(v) ? v : undefined;
}

/** The objects of the array `o[k]` with their indexes (non-objects are skipped). */
export function objsAt(o: unknown, k: string): [Obj, number][] {
  const a = arrAt(o, k);
  const out: [Obj, number][] = [];
  if (!a) return out;
  a.forEach((v, i) => {
    if (isObj(v)) out.push([v, i]);
  });
  return out;
}

/** `o[k]` when it is a string. */
export function strAt(o: unknown, k: string): string | undefined {
  if (!isObj(o)) return undefined;
  const v = o[k];
  return typeof v === 'string' ? v : undefined;
}

/** `o[k]` when it is a finite number. */
export function numAt(o: unknown, k: string): number | undefined {
  if (!isObj(o)) return undefined;
  const v = o[k];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** `o[k]` when it is a boolean. */
export function boolAt(o: unknown, k: string): boolean | undefined {
  if (!isObj(o)) return undefined;
  const v = o[k];
  return typeof v === 'boolean' ? v : undefined;
}

/** `o[k]` as a map of strings (non-string values are dropped), or undefined when absent. */
export function strMapAt(o: unknown, k: string): Record<string, string> | undefined {
  const m = objAt(o, k);
  if (!m) return undefined;
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(m)) if (typeof v === 'string') out[key] = v;
  return out;
}

/** The strings of the array `o[k]` (non-strings are dropped), or undefined when absent. */
export function strsAt(o: unknown, k: string): string[] | undefined {
  const a = arrAt(o, k);
  return a ? a.filter((v): v is string => typeof v === 'string') : undefined;
}

/** Returns `o[k]`, creating an empty object there first when it is missing or not an object. */
export function ensureObj(o: Obj, k: string): Obj {
  const v = o[k];
  if (isObj(v)) return v;
  const fresh: Obj = {};
  o[k] = fresh;
  return fresh;
}

/** True when `o[k]` is absent or null (Go's nil pointer / zero value after decoding). */
export function isUnset(o: Obj, k: string): boolean {
  return o[k] === undefined || o[k] === null;
}

/** A deep copy of a JSON value. */
export function clone<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clone) as T;
  if (isObj(v)) {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) out[k] = clone(x);
    return out as T;
  }
  return v;
}

/** The length of a Go map or slice decoded from JSON: 0 for absent, null or wrong-typed values. */
export function lenOf(v: unknown): number {
  if (Array.isArray(v)) return v.length;
  if (isObj(v)) return Object.keys(v).length;
  return 0;
}

/**
 * apiequality.Semantic.DeepEqual on decoded JSON. Like upstream's forked reflect.DeepEqual it
 * treats a nil and an empty slice or map as equal; in JSON terms an absent field, `null`, `[]`
 * and `{}` are all "empty". Most scalar fields are non-pointer Go values, so `0`, `false` and
 * `""` also equal an absent field.
 * @simplified: without the Go types, pointers to empty structs and pointer scalars set to their
 * zero value are not told apart from nil; both sides normally went through the same defaulting.
 */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const aEmpty = isEmptyValue(a);
  const bEmpty = isEmptyValue(b);
  if (aEmpty || bEmpty) return aEmpty && bEmpty;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => semanticEqual(x, b[i]));
  }
  if (isObj(a) && isObj(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!semanticEqual(a[k], b[k])) return false;
    return true;
  }
  return false;
}

function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null || v === 0 || v === false || v === '') return true;
  return (Array.isArray(v) || isObj(v)) && lenOf(v) === 0;
}

/** Strict JSON equality (absent and null are the same; nothing else is): Go pointer fields. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (isObj(a) && isObj(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!jsonEqual(a[k], b[k])) return false;
    return true;
  }
  return false;
}
