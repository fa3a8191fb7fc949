#!/usr/bin/env node
// Builds engine/api/schema/generated/schema.json: the Kubernetes 1.32 object schema Podlab uses
// for strict decoding and `kubectl explain`. Field names, types, required flags and descriptions
// come from the `kubernetes-types` package (generated from the 1.30 OpenAPI spec); the hand-written
// overlay engine/api/schema/overlay-1.32.json adds what 1.31/1.32 changed and the Go type facts the
// .d.ts files cannot carry (int64 fields, named string types, []byte maps, enum values).
// Deterministic (sorted output, no timestamps) and fast: plain regex parsing of very regular files.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const typesDir = dirname(require.resolve('kubernetes-types/package.json'));
const typesVersion = JSON.parse(readFileSync(join(typesDir, 'package.json'), 'utf8')).version;
const overlayPath = join(root, 'engine/api/schema/overlay-1.32.json');
const outPath = join(root, 'engine/api/schema/generated/schema.json');

/** Kinds Podlab serves, read from engine/api/resources.ts so the two cannot drift apart. */
function servedKinds() {
  const src = readFileSync(join(root, 'engine/api/resources.ts'), 'utf8');
  const kinds = [];
  for (const m of src.matchAll(/\br\(\s*'([a-z]+)',\s*'([A-Za-z]+)',\s*'([a-z.]*)',\s*'(v\d+)'/g)) {
    kinds.push({ resource: m[1], kind: m[2], group: m[3], version: m[4] });
  }
  if (kinds.length === 0) throw new Error('no kinds found in engine/api/resources.ts');
  return kinds;
}

/** The .d.ts module holding a group/version: '' v1 → core/v1, batch v1 → batch/v1. */
function moduleOf(group, version) {
  return `${group === '' ? 'core' : group.split('.')[0]}/${version}`;
}

/** Parses one kubernetes-types .d.ts module into { imports, types }. */
function parseModule(mod) {
  const file = mod === 'runtime' ? 'runtime.d.ts' : `${mod}.d.ts`;
  const lines = readFileSync(join(typesDir, file), 'utf8').split('\n');
  const imports = new Map();
  const types = new Map();
  let doc = null;
  let docLines = null;
  let current = null;
  let pendingField = null; // a field whose map type spans several lines
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    const imp = line.match(/^import \{ (.+) \} from "(.+)";$/);
    if (imp) {
      const from = imp[2].replace(/^\.\.\//, '').replace(/^\.\//, '');
      for (const name of imp[1].split(',').map((s) => s.trim())) imports.set(name, from);
      continue;
    }
    const trimmed = line.trim();
    if (docLines) {
      if (trimmed === '*/') {
        doc = docLines.join('\n');
        docLines = null;
      } else {
        docLines.push(trimmed.replace(/^\* ?/, '').replace(/^\*$/, ''));
      }
      continue;
    }
    const one = trimmed.match(/^\/\*\* (.*) \*\/$/);
    if (one) {
      doc = one[1];
      continue;
    }
    if (trimmed === '/**') {
      docLines = [];
      continue;
    }
    if (pendingField) {
      const val = trimmed.match(/^\[name: string\]: (.+);$/);
      if (val) pendingField.valueType = val[1];
      if (trimmed === '};') {
        current.fields.push({
          ...pendingField,
          tsType: `{[name: string]: ${pendingField.valueType}}`,
        });
        pendingField = null;
      }
      continue;
    }
    const iface = trimmed.match(/^export interface (\w+) \{(\})?$/);
    if (iface) {
      current = { name: iface[1], description: doc ?? '', fields: [] };
      types.set(iface[1], current);
      doc = null;
      if (iface[2]) current = null;
      continue;
    }
    const alias = trimmed.match(/^export type (\w+) = (.+);$/);
    if (alias) {
      types.set(alias[1], { name: alias[1], description: doc ?? '', alias: alias[2] });
      doc = null;
      continue;
    }
    if (trimmed === '}') {
      current = null;
      continue;
    }
    if (current) {
      const field = trimmed.match(/^(?:readonly )?"?([\w$-]+)"?(\?)?: (.+?)(;)?$/);
      if (field) {
        const entry = { name: field[1], required: !field[2], description: doc ?? '' };
        doc = null;
        if (field[3] === '{') pendingField = entry;
        else current.fields.push({ ...entry, tsType: field[3] });
      }
    }
  }
  return { imports, types };
}

const modules = new Map();
function moduleData(mod) {
  if (!modules.has(mod)) modules.set(mod, parseModule(mod));
  return modules.get(mod);
}

/** The type id (`core/v1.PodSpec`) a bare name refers to from inside module `mod`. */
function resolveName(mod, name) {
  const data = moduleData(mod);
  if (data.types.has(name) || overlay.addTypes?.[`${mod}.${name}`]) return `${mod}.${name}`;
  const from = data.imports.get(name);
  if (from) return `${from}.${name}`;
  throw new Error(`unknown type ${name} in ${mod}`);
}

/** Scalar types that the OpenAPI spec models as named formats, keyed by type id. */
const SPECIAL = {
  'meta/v1.Time': { type: 'Time', goType: 'v1.Time' },
  'meta/v1.MicroTime': { type: 'MicroTime', goType: 'v1.MicroTime' },
  'api/resource.Quantity': { type: 'Quantity', goType: 'resource.Quantity' },
  'meta/v1.FieldsV1': { type: 'any', goType: 'v1.FieldsV1', ref: 'meta/v1.FieldsV1' },
  'runtime.RawExtension': {
    type: 'any',
    goType: 'runtime.RawExtension',
    ref: 'runtime.RawExtension',
  },
};

/** Go package name of a module, as reflect prints type names (`v1.PodSpec`). */
function goPackage(mod) {
  return mod.split('/').pop();
}

/** Converts a .d.ts type expression into a schema type expression; records referenced ids. */
function typeExpr(mod, ts, refs) {
  ts = ts.trim();
  let m = ts.match(/^Array<(.+)>$/);
  if (m) return { type: 'array', items: typeExpr(mod, m[1], refs) };
  m = ts.match(/^\{\[name: string\]: (.+)\}$/);
  if (m) return { type: 'map', values: typeExpr(mod, m[1], refs) };
  if (ts === 'string' || /^".*"$/.test(ts)) return { type: 'string' };
  if (ts === 'number') return { type: 'integer', format: 'int32' };
  if (ts === 'boolean') return { type: 'boolean' };
  if (ts === 'number | string') return { type: 'IntOrString' };
  const id = resolveName(mod, ts);
  if (SPECIAL[id]) return { ...SPECIAL[id] };
  const [targetMod, name] = splitId(id);
  const target = moduleData(targetMod).types.get(name);
  if (target?.alias) return typeExpr(targetMod, target.alias, refs);
  refs.push(id);
  return { type: 'object', ref: id };
}

function splitId(id) {
  const dot = id.lastIndexOf('.');
  return [id.slice(0, dot), id.slice(dot + 1)];
}

const overlay = JSON.parse(readFileSync(overlayPath, 'utf8'));

/** Builds the schema for one type id (and queues the types it references). */
function buildType(id, queue) {
  const [mod, name] = splitId(id);
  const added = overlay.addTypes?.[id];
  const src = added
    ? { name, description: added.description, fields: [] }
    : moduleData(mod).types.get(name);
  if (!src) throw new Error(`type ${id} not found`);
  const removed = new Set(overlay.removeFields?.[id] ?? []);
  const fields = [];
  const extra = Object.entries({ ...(added?.fields ?? {}), ...(overlay.addFields?.[id] ?? {}) });
  const all = [
    ...src.fields.filter((f) => !removed.has(f.name)),
    ...extra.map(([fname, f]) => ({
      name: fname,
      required: !!f.required,
      description: f.description,
      tsType: f.type,
    })),
  ];
  for (const f of all) {
    const refs = [];
    const expr = typeExpr(mod, f.tsType, refs);
    for (const r of refs) queue.push(r);
    const key = `${id}.${f.name}`;
    applyFacts(expr, key);
    fields.push({ name: f.name, ...expr, required: f.required, description: f.description });
  }
  fields.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { name, goType: `${goPackage(mod)}.${name}`, description: src.description, fields };
}

/** Applies overlay facts keyed by `<type id>.<field>` to a field's type expression. */
const usedFacts = new Set();
function applyFacts(expr, key) {
  usedFacts.add(key);
  const leaf = expr.type === 'array' ? expr.items : expr.type === 'map' ? expr.values : expr;
  if (overlay.int64?.includes(key)) {
    if (leaf.type !== 'integer') throw new Error(`int64 overlay on non-integer ${key}`);
    leaf.format = 'int64';
  }
  if (overlay.bytes?.includes(key)) {
    if (leaf.type !== 'string') throw new Error(`bytes overlay on non-string ${key}`);
    leaf.type = 'bytes';
  }
  const goType = overlay.goTypes?.[key];
  if (goType) expr.goType = goType;
  const elemGoType = overlay.elemGoTypes?.[key];
  if (elemGoType) leaf.goType = elemGoType;
  const en = overlay.enums?.[key];
  if (en) leaf.enum = [...en].sort();
}

function main() {
  const kinds = servedKinds();
  const types = {};
  const kindIndex = {};
  const queue = [];
  for (const k of kinds) {
    const mod = moduleOf(k.group, k.version);
    const id = `${mod}.${k.kind}`;
    kindIndex[k.kind] = { group: k.group, version: k.version, type: id, list: `${id}List` };
    queue.push(id, `${id}List`);
  }
  while (queue.length > 0) {
    const id = queue.shift();
    if (types[id]) continue;
    types[id] = buildType(id, queue);
  }
  // Every overlay fact must name a field that exists: a typo would silently do nothing.
  for (const section of ['int64', 'bytes', 'goTypes', 'elemGoTypes', 'enums']) {
    const keys = Array.isArray(overlay[section])
      ? overlay[section]
      : Object.keys(overlay[section] ?? {});
    for (const key of keys) {
      if (!usedFacts.has(key)) throw new Error(`overlay ${section} names unknown field ${key}`);
    }
  }
  const sorted = {};
  for (const id of Object.keys(types).sort()) sorted[id] = types[id];
  const out = {
    kubernetes: '1.32',
    source: `kubernetes-types ${typesVersion} + overlay-1.32.json`,
    kinds: kindIndex,
    types: sorted,
  };
  const text = JSON.stringify(out) + '\n';
  mkdirSync(dirname(outPath), { recursive: true });
  if (!existsSync(outPath) || readFileSync(outPath, 'utf8') !== text) writeFileSync(outPath, text);
}

main();
