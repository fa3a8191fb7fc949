/**
 * The Kubernetes 1.32 object schema of the kinds Podlab serves, generated at build time from the
 * `kubernetes-types` package plus `overlay-1.32.json` (see scripts/gen-schema.mjs). Used by strict
 * decoding (engine/api/decode) and by `kubectl explain`.
 */
import generated from './generated/schema.json';

/** The JSON-level type of a field, as the apiserver's OpenAPI describes it. */
export type SchemaTypeName =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'object'
  | 'array'
  | 'map'
  | 'IntOrString'
  | 'Quantity'
  | 'Time'
  | 'MicroTime'
  | 'bytes'
  | 'any';

/** A type expression: a scalar, a reference to a struct type, a list or a string-keyed map. */
export interface SchemaType {
  readonly type: SchemaTypeName;
  /** For `object` (and named `any` types): the referenced type id, e.g. `core/v1.PodSpec`. */
  readonly ref?: string;
  /** For `array`: the element type. */
  readonly items?: SchemaType;
  /** For `map`: the value type (keys are strings). */
  readonly values?: SchemaType;
  /** For `integer`: Go width. */
  readonly format?: 'int32' | 'int64';
  /** Go type name when it differs from the default (`v1.RestartPolicy`, `v1.ResourceList`). */
  readonly goType?: string;
  /** Allowed values of an enum-typed string field, sorted. */
  readonly enum?: readonly string[];
}

/** One field of a struct type. */
export interface SchemaField extends SchemaType {
  /** JSON field name. */
  readonly name: string;
  readonly required: boolean;
  /** Description from the OpenAPI spec (via kubernetes-types) or from the overlay. */
  readonly description: string;
}

/** A struct type (an OpenAPI definition with properties). */
export interface SchemaStruct {
  /** Short name, e.g. `JobSpec`. */
  readonly name: string;
  /** Go type name as reflect prints it, e.g. `v1.JobSpec`. */
  readonly goType: string;
  readonly description: string;
  /** Fields sorted by name. */
  readonly fields: readonly SchemaField[];
}

/** Where a served kind lives in the schema. */
export interface SchemaKind {
  readonly group: string;
  readonly version: string;
  /** Type id of the kind, e.g. `batch/v1.Job`. */
  readonly type: string;
  /** Type id of its list kind, e.g. `batch/v1.JobList`. */
  readonly list: string;
}

interface SchemaDocument {
  readonly kubernetes: string;
  readonly source: string;
  readonly kinds: Readonly<Record<string, SchemaKind>>;
  readonly types: Readonly<Record<string, SchemaStruct>>;
}

const schema = generated as unknown as SchemaDocument;

const fieldIndex = new WeakMap<SchemaStruct, Map<string, SchemaField>>();

/** The field map of a struct type, built once per type. */
function fieldsOf(struct: SchemaStruct): Map<string, SchemaField> {
  let map = fieldIndex.get(struct);
  if (!map) {
    map = new Map(struct.fields.map((f) => [f.name, f]));
    fieldIndex.set(struct, map);
  }
  return map;
}

/** Where the schema came from (`kubernetes-types 1.30.0 + overlay-1.32.json`). */
export const schemaSource: string = schema.source;

/** The served kind `kind` (`Job`), or undefined. */
export function schemaKind(kind: string): SchemaKind | undefined {
  return Object.prototype.hasOwnProperty.call(schema.kinds, kind) ? schema.kinds[kind] : undefined;
}

/** A struct type by id (`core/v1.PodSpec`), or undefined. */
export function schemaType(id: string): SchemaStruct | undefined {
  return Object.prototype.hasOwnProperty.call(schema.types, id) ? schema.types[id] : undefined;
}

/** The top-level struct of a served kind (`Job` → the `batch/v1.Job` struct). */
export function schemaFor(kind: string): SchemaStruct | undefined {
  const k = schemaKind(kind);
  return k ? schemaType(k.type) : undefined;
}

/** A field of a struct by JSON name. */
export function fieldOf(struct: SchemaStruct, name: string): SchemaField | undefined {
  return fieldsOf(struct).get(name);
}

/** The struct a type expression leads to once lists and maps are unwrapped, if any. */
export function structOf(t: SchemaType): SchemaStruct | undefined {
  let cur: SchemaType | undefined = t;
  while (cur && (cur.type === 'array' || cur.type === 'map')) {
    cur = cur.type === 'array' ? cur.items : cur.values;
  }
  return cur?.type === 'object' && cur.ref ? schemaType(cur.ref) : undefined;
}

/**
 * The field at a dotted path below a kind (`fieldAt('Job', 'spec.template.spec.containers')`);
 * lists and maps are stepped through transparently, as `kubectl explain` does.
 */
export function fieldAt(kind: string, path: string | readonly string[]): SchemaField | undefined {
  const parts = typeof path === 'string' ? path.split('.').filter((p) => p !== '') : path;
  let struct = schemaFor(kind);
  let field: SchemaField | undefined;
  for (const part of parts) {
    if (!struct) return undefined;
    field = fieldOf(struct, part);
    if (!field) return undefined;
    struct = structOf(field);
  }
  return field;
}

/** All served kinds present in the schema. */
export function schemaKinds(): string[] {
  return Object.keys(schema.kinds);
}
