/**
 * The three patch types the API server accepts (JSON patch RFC 6902, JSON merge patch RFC 7386,
 * strategic merge patch) and the three-way merge `kubectl apply` performs. Strategic merging
 * needs each list's merge key: the `patchMergeKey` struct tags of the upstream API types.
 */
import type { JsonValue } from './object';

type Json = JsonValue | undefined;
type JsonObject = { [key: string]: JsonValue };

/** A patch that could not be applied, with a message in the upstream style. */
export interface PatchError {
  error: string;
}

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep copy of JSON data. */
export function cloneJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = cloneJson(v);
  return out as T;
}

/** Deep equality of JSON data (undefined fields count as absent). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => jsonEqual(x, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

// ---------------------------------------------------------------------------------------------
// Merge keys (patchStrategy:"merge" patchMergeKey:"…" in k8s.io/api types).

/**
 * The merge key of the list at `path` (field names only, no indexes), or 'primitive' for
 * lists of scalars merged as sets, or undefined for atomic lists (replaced whole).
 */
export function mergeKeyFor(path: readonly string[]): string | 'primitive' | undefined {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  switch (last) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'volumes':
    case 'imagePullSecrets':
      return 'name';
    case 'env':
      return 'name';
    case 'volumeMounts':
      return 'mountPath';
    case 'volumeDevices':
      return 'devicePath';
    case 'ports':
      // Container ports merge on containerPort; Service ports on port.
      return path.includes('containers') || path.includes('initContainers')
        ? 'containerPort'
        : 'port';
    case 'conditions':
      return 'type';
    case 'addresses':
      return parent === 'status' ? 'type' : undefined;
    case 'ownerReferences':
      return 'uid';
    case 'hostAliases':
      return 'ip';
    case 'topologySpreadConstraints':
      return 'topologyKey';
    case 'finalizers':
      return 'primitive';
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// JSON merge patch (RFC 7386).

/** Applies a JSON merge patch. */
export function mergePatch(target: Json, patch: JsonValue): JsonValue {
  if (!isObject(patch)) return cloneJson(patch);
  const out: JsonObject = isObject(target) ? cloneJson(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Strategic merge patch.

/** Applies a strategic merge patch (directives `$patch`, `$retainKeys`, `$deleteFromPrimitiveList/…`, `$setElementOrder/…`). */
export function strategicMergePatch(target: Json, patch: JsonValue): JsonValue | PatchError {
  try {
    return smpMap(isObject(target) ? target : {}, patch, []);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

function smpMap(original: JsonObject, patch: JsonValue, path: string[]): JsonValue {
  if (!isObject(patch)) return cloneJson(patch);
  const directive = patch['$patch'];
  if (directive === 'replace') {
    const rest = { ...patch };
    delete rest['$patch'];
    return stripDirectives(rest);
  }
  if (directive === 'delete') return {};
  const out: JsonObject = cloneJson(original);
  const retain = patch['$retainKeys'];
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys') continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      const remove = Array.isArray(v) ? v : [];
      if (Array.isArray(out[field])) {
        out[field] = (out[field] as JsonValue[]).filter(
          (x) => !remove.some((r) => jsonEqual(r, x)),
        );
      }
      continue;
    }
    if (k.startsWith('$setElementOrder/')) continue;
    if (v === null) {
      delete out[k];
      continue;
    }
    const childPath = [...path, k];
    if (isObject(v)) {
      if (v['$patch'] === 'delete') {
        delete out[k];
        continue;
      }
      out[k] = smpMap(isObject(out[k]) ? (out[k] as JsonObject) : {}, v, childPath);
    } else if (Array.isArray(v)) {
      const order = patch[`$setElementOrder/${k}`];
      out[k] = smpList(
        Array.isArray(out[k]) ? (out[k] as JsonValue[]) : [],
        v,
        childPath,
        Array.isArray(order) ? order : undefined,
      );
    } else {
      out[k] = v;
    }
  }
  if (Array.isArray(retain)) {
    for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];
  }
  return out;
}

function smpList(
  original: JsonValue[],
  patch: JsonValue[],
  path: string[],
  order?: JsonValue[],
): JsonValue[] {
  const key = mergeKeyFor(path);
  if (key === undefined) {
    // Atomic list, unless the patch asks for replace explicitly (same result).
    return patch.filter((x) => !(isObject(x) && x['$patch'] !== undefined)).map(stripDirectives);
  }
  if (key === 'primitive') {
    const out = [...original];
    for (const item of patch) if (!out.some((x) => jsonEqual(x, item))) out.push(item);
    return sortByOrder(out, order, (x) => x);
  }
  if (patch.some((x) => isObject(x) && x['$patch'] === 'replace')) {
    return patch.filter((x) => !(isObject(x) && x['$patch'] === 'replace')).map(stripDirectives);
  }
  const out = original.map((x) => cloneJson(x));
  for (const item of patch) {
    if (!isObject(item)) continue;
    const id = item[key];
    const at = out.findIndex((x) => isObject(x) && jsonEqual(x[key], id));
    if (item['$patch'] === 'delete') {
      if (at >= 0) out.splice(at, 1);
      continue;
    }
    if (at >= 0) out[at] = smpMap(out[at] as JsonObject, item, path);
    else out.push(stripDirectives(item));
  }
  return sortByOrder(out, order, (x) => (isObject(x) ? x[key] : x));
}

function sortByOrder(
  items: JsonValue[],
  order: JsonValue[] | undefined,
  keyOf: (x: JsonValue) => Json,
): JsonValue[] {
  if (!order) return items;
  const rank = (x: JsonValue) => {
    const k = keyOf(x);
    const i = order.findIndex((o) => jsonEqual(isObject(o) ? Object.values(o)[0] : o, k));
    return i < 0 ? order.length : i;
  };
  return items
    .map((x, i) => ({ x, i, r: rank(x) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((e) => e.x);
}

function stripDirectives(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(stripDirectives);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) if (!k.startsWith('$')) out[k] = stripDirectives(v);
  return out;
}

// ---------------------------------------------------------------------------------------------
// JSON patch (RFC 6902), with evanphx/json-patch style messages.

/** Applies a JSON patch document. */
export function jsonPatch(target: JsonValue, ops: JsonValue): JsonValue | PatchError {
  if (!Array.isArray(ops))
    return { error: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' };
  let doc = cloneJson(target);
  for (const raw of ops) {
    if (!isObject(raw)) return { error: 'json: cannot unmarshal into jsonpatch.Operation' };
    const op = String(raw.op ?? '');
    const path = String(raw.path ?? '');
    const parts = parsePointer(path);
    if (!parts) return { error: `invalid JSON pointer: ${path}` };
    switch (op) {
      case 'add':
      case 'replace': {
        if (!('value' in raw)) return { error: `${op} operation does not apply: missing value` };
        const r = setAt(doc, parts, cloneJson(raw.value), op === 'add');
        if (typeof r === 'string')
          return { error: `${op} operation does not apply: doc is missing path: "${path}": ${r}` };
        doc = r;
        break;
      }
      case 'remove': {
        const r = removeAt(doc, parts);
        if (typeof r === 'string')
          return { error: `remove operation does not apply: doc is missing path: "${path}": ${r}` };
        doc = r;
        break;
      }
      case 'move':
      case 'copy': {
        const from = parsePointer(String(raw.from ?? ''));
        if (!from) return { error: `invalid JSON pointer: ${String(raw.from)}` };
        const value = getAt(doc, from);
        if (value === undefined)
          return {
            error: `${op} operation does not apply: doc is missing from path: ${String(raw.from)}`,
          };
        if (op === 'move') {
          const removed = removeAt(doc, from);
          if (typeof removed === 'string') return { error: removed };
          doc = removed;
        }
        const r = setAt(doc, parts, cloneJson(value), true);
        if (typeof r === 'string') return { error: `${op} operation does not apply: ${r}` };
        doc = r;
        break;
      }
      case 'test': {
        if (!jsonEqual(getAt(doc, parts), raw.value))
          return { error: `testing value ${path} failed: test failed` };
        break;
      }
      default:
        return { error: `Unexpected kind: ${op}` };
    }
  }
  return doc;
}

function parsePointer(path: string): string[] | undefined {
  if (path === '') return [];
  if (!path.startsWith('/')) return undefined;
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function getAt(doc: JsonValue, parts: string[]): Json {
  let cur: Json = doc;
  for (const p of parts) {
    if (Array.isArray(cur)) cur = cur[Number(p)];
    else if (isObject(cur)) cur = cur[p];
    else return undefined;
  }
  return cur;
}

function setAt(
  doc: JsonValue,
  parts: string[],
  value: JsonValue,
  insert: boolean,
): JsonValue | string {
  if (parts.length === 0) return value;
  const parent = getAt(doc, parts.slice(0, -1));
  const last = parts[parts.length - 1];
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(i) || i < 0 || i > parent.length || (!insert && i >= parent.length))
      return 'index out of range';
    if (insert) parent.splice(i, 0, value);
    else parent[i] = value;
    return doc;
  }
  if (!isObject(parent)) return 'missing value';
  if (!insert && !(last in parent)) return 'missing value';
  parent[last] = value;
  return doc;
}

function removeAt(doc: JsonValue, parts: string[]): JsonValue | string {
  const parent = getAt(doc, parts.slice(0, -1));
  const last = parts[parts.length - 1];
  if (Array.isArray(parent)) {
    const i = Number(last);
    if (!Number.isInteger(i) || i < 0 || i >= parent.length) return 'index out of range';
    parent.splice(i, 1);
    return doc;
  }
  if (!isObject(parent) || !(last in parent)) return 'missing value';
  delete parent[last];
  return doc;
}

// ---------------------------------------------------------------------------------------------
// Three-way merge, as `kubectl apply` computes from last-applied, the new manifest and the live object.

/**
 * The object `kubectl apply` produces: fields of `modified` are set, fields that were in the last
 * applied configuration (`original`) but are gone from `modified` are removed, and everything else
 * in `current` (defaults, status, fields set by others) is kept. Lists with merge keys merge by key.
 */
export function threeWayMerge(
  original: Json,
  modified: JsonValue,
  current: Json,
  path: string[] = [],
): JsonValue {
  if (isObject(modified)) {
    const out: JsonObject = isObject(current) ? cloneJson(current) : {};
    if (isObject(original))
      for (const k of Object.keys(original)) if (!(k in modified)) delete out[k];
    for (const [k, v] of Object.entries(modified)) {
      if (v === null) {
        delete out[k];
        continue;
      }
      out[k] = threeWayMerge(isObject(original) ? original[k] : undefined, v, out[k], [...path, k]);
    }
    return out;
  }
  if (Array.isArray(modified)) {
    const key = mergeKeyFor(path);
    if (key === undefined || !Array.isArray(current)) return cloneJson(modified);
    if (key === 'primitive') {
      const removed = Array.isArray(original)
        ? original.filter((x) => !modified.some((m) => jsonEqual(m, x)))
        : [];
      const kept = current.filter(
        (x) => !removed.some((r) => jsonEqual(r, x)) && !modified.some((m) => jsonEqual(m, x)),
      );
      return [...modified.map(cloneJson), ...kept];
    }
    const idOf = (x: JsonValue) => (isObject(x) ? x[key] : undefined);
    const origIds = Array.isArray(original) ? original.map(idOf) : [];
    const modIds = modified.map(idOf);
    const out: JsonValue[] = [];
    for (const m of modified) {
      const id = idOf(m);
      const cur = current.find((c) => jsonEqual(idOf(c), id));
      const orig = Array.isArray(original)
        ? original.find((o) => jsonEqual(idOf(o), id))
        : undefined;
      out.push(threeWayMerge(orig, m, cur, path));
    }
    for (const c of current) {
      const id = idOf(c);
      if (modIds.some((x) => jsonEqual(x, id))) continue;
      if (origIds.some((x) => jsonEqual(x, id))) continue;
      out.push(cloneJson(c));
    }
    return out;
  }
  return modified;
}
