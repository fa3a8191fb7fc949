/**
 * Decoding a JSON body into the Go API types, the way the apiserver (sigs.k8s.io/json, a fork of
 * encoding/json) does: type mismatches become `json: cannot unmarshal string into Go struct field
 * JobSpec.spec.backoffLimit of type int32` (the first one wins), custom unmarshalers (Time,
 * Quantity, IntOrString) fail hard with their own messages, and in strict mode unknown fields are
 * collected as `unknown field "spec.template.spec.containers[0].imagee"` (max 100, deduplicated).
 */
import type { JsonValue } from '../object';
import { schemaType, type SchemaStruct, type SchemaType } from '../schema';
import { compareGoStrings, goJsonMarshal, goJsonNumber } from './go-json';
import { rfc3339Error } from './go-time';
import { quantityError, quantityFromJsonText } from './quantity';

/** Outcome of a typed decode: the error Unmarshal returns (if any) and the strict errors. */
export interface TypedDecodeResult {
  /** The error json.Unmarshal would return; strict errors are dropped when it is set. */
  error?: string;
  /** `unknown field "…"` messages in body order (strict mode only). */
  strictErrors: string[];
}

/** Options: `strict` reports unknown fields (server-side field validation Strict). */
export interface TypedDecodeOptions {
  strict: boolean;
}

class HardError {
  constructor(readonly message: string) {}
}

const INT_RANGES = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
} as const;

/** JSON kind names as Go's UnmarshalTypeError prints them. */
function jsonKind(v: JsonValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  return Array.isArray(v) ? 'array' : 'object';
}

/** The Go type name of a schema type expression, as reflect prints it. */
export function goTypeOf(t: SchemaType): string {
  if (t.goType) return t.goType;
  switch (t.type) {
    case 'string':
      return 'string';
    case 'bytes':
      return '[]uint8';
    case 'boolean':
      return 'bool';
    case 'integer':
      return t.format === 'int64' ? 'int64' : 'int32';
    case 'number':
      return 'float64';
    case 'IntOrString':
      return 'intstr.IntOrString';
    case 'Quantity':
      return 'resource.Quantity';
    case 'Time':
      return 'v1.Time';
    case 'MicroTime':
      return 'v1.MicroTime';
    case 'array':
      return '[]' + goTypeOf(t.items as SchemaType);
    case 'map':
      return 'map[string]' + goTypeOf(t.values as SchemaType);
    case 'object':
      return schemaType(t.ref as string)?.goType ?? 'interface {}';
    default:
      return 'interface {}';
  }
}

/** One decode run: Go's decodeState (error context, saved error, strict errors). */
class Decode {
  savedError: string | undefined;
  readonly strictErrors: string[] = [];
  private readonly seen = new Set<string>();
  private readonly fieldStack: string[] = [];
  private structName = '';
  private readonly strictPath: string[] = [];

  constructor(private readonly strict: boolean) {}

  /** UnmarshalTypeError text with the current error context (Go's addErrorContext). */
  private typeError(value: string, goType: string): string {
    if (this.structName !== '' || this.fieldStack.length > 0) {
      return `json: cannot unmarshal ${value} into Go struct field ${this.structName}.${this.fieldStack.join('.')} of type ${goType}`;
    }
    return `json: cannot unmarshal ${value} into Go value of type ${goType}`;
  }

  private save(message: string) {
    if (this.savedError === undefined) this.savedError = message;
  }

  private strictError(field: string) {
    if (this.strictErrors.length >= 100) return;
    const path = this.strictPath.length > 0 ? this.strictPath.join('') + '.' + field : field;
    const msg = `unknown field ${JSON.stringify(path)}`;
    if (this.seen.has(msg)) return;
    this.seen.add(msg);
    this.strictErrors.push(msg);
  }

  value(v: JsonValue, t: SchemaType): void {
    if (v === null) return; // null leaves any Go value unchanged
    switch (t.type) {
      case 'any':
        return;
      case 'Time':
      case 'MicroTime':
        if (typeof v !== 'string') throw new HardError(this.typeError(jsonKind(v), 'string'));
        {
          const err = rfc3339Error(v);
          if (err) throw new HardError(err);
        }
        return;
      case 'Quantity': {
        const text =
          typeof v === 'number'
            ? goJsonNumber(v)
            : typeof v === 'string'
              ? JSON.stringify(v)
              : goJsonMarshal(v);
        const q = quantityFromJsonText(text);
        const err = q === undefined ? undefined : quantityError(q);
        if (err) throw new HardError(err);
        return;
      }
      case 'IntOrString':
        if (typeof v === 'string') return;
        if (typeof v === 'number') {
          const text = goJsonNumber(v);
          if (!fitsInt(text, 'int32')) {
            throw new HardError(this.typeError('number ' + text, 'int32'));
          }
          return;
        }
        throw new HardError(this.typeError(jsonKind(v), 'int32'));
      case 'string':
        if (typeof v !== 'string') this.save(this.typeError(jsonKind(v), goTypeOf(t)));
        return;
      case 'bytes':
        if (typeof v !== 'string') this.save(this.typeError(jsonKind(v), '[]uint8'));
        else {
          const bad = base64Error(v);
          if (bad !== undefined) this.save(`illegal base64 data at input byte ${bad}`);
        }
        return;
      case 'boolean':
        if (typeof v !== 'boolean') this.save(this.typeError(jsonKind(v), goTypeOf(t)));
        return;
      case 'integer':
        if (typeof v !== 'number') this.save(this.typeError(jsonKind(v), goTypeOf(t)));
        else {
          const text = goJsonNumber(v);
          if (!fitsInt(text, t.format === 'int64' ? 'int64' : 'int32')) {
            this.save(this.typeError('number ' + text, goTypeOf(t)));
          }
        }
        return;
      case 'number':
        if (typeof v !== 'number') this.save(this.typeError(jsonKind(v), goTypeOf(t)));
        return;
      case 'array':
        if (!Array.isArray(v)) {
          this.save(this.typeError(jsonKind(v), goTypeOf(t)));
          return;
        }
        v.forEach((item, i) => {
          this.strictPath.push(`[${i}]`);
          this.value(item, t.items as SchemaType);
          this.strictPath.pop();
        });
        return;
      case 'map':
        if (typeof v !== 'object' || Array.isArray(v)) {
          this.save(this.typeError(jsonKind(v), goTypeOf(t)));
          return;
        }
        for (const k of Object.keys(v).sort(compareGoStrings)) {
          this.strictPath.push(this.strictPath.length > 0 ? '.' + k : k);
          this.value(v[k], t.values as SchemaType);
          this.strictPath.pop();
        }
        return;
      case 'object': {
        const struct = schemaType(t.ref as string);
        if (!struct) return;
        if (typeof v !== 'object' || Array.isArray(v)) {
          this.save(this.typeError(jsonKind(v), struct.goType));
          return;
        }
        this.struct(v, struct);
        return;
      }
    }
  }

  struct(v: { [key: string]: JsonValue }, struct: SchemaStruct): void {
    const savedDepth = this.fieldStack.length;
    const savedStruct = this.structName;
    const fields = new Map(struct.fields.map((f) => [f.name, f]));
    for (const key of Object.keys(v).sort(compareGoStrings)) {
      const field = fields.get(key);
      if (!field) {
        if (this.strict) this.strictError(key);
        continue;
      }
      this.fieldStack.push(field.name);
      this.structName = struct.name;
      this.strictPath.push(this.strictPath.length > 0 ? '.' + key : key);
      this.value(v[key], field);
      this.strictPath.pop();
      this.fieldStack.length = savedDepth;
      this.structName = savedStruct;
    }
  }
}

/** Whether a JSON number literal parses as a Go integer of the given width (strconv.ParseInt). */
function fitsInt(text: string, width: 'int32' | 'int64'): boolean {
  if (!/^-?\d+$/.test(text)) return false;
  const n = BigInt(text);
  const [lo, hi] = INT_RANGES[width];
  return n >= lo && n <= hi;
}

const B64 = /^[A-Za-z0-9+/]*$/;

/** Byte offset of the first base64 error (Go's CorruptInputError), or undefined when valid. */
function base64Error(s: string): number | undefined {
  const body = s.replace(/[\r\n]/g, '');
  const stripped = body.replace(/=+$/, '');
  if (!B64.test(stripped)) {
    for (let i = 0; i < body.length; i++) if (!/[A-Za-z0-9+/]/.test(body[i])) return i;
  }
  const pad = body.length - stripped.length;
  if (pad > 2 || body.length % 4 !== 0) {
    return (
      Math.floor(stripped.length / 4) * 4 + (stripped.length % 4 === 1 ? 0 : stripped.length % 4)
    );
  }
  return undefined;
}

/** Decodes `value` as the Go struct `struct` with encoding/json's semantics (see module docs). */
export function decodeTyped(
  value: JsonValue,
  struct: SchemaStruct,
  opts: TypedDecodeOptions,
): TypedDecodeResult {
  const d = new Decode(opts.strict);
  try {
    if (value !== null && (typeof value !== 'object' || Array.isArray(value))) {
      return {
        error: `json: cannot unmarshal ${jsonKind(value)} into Go value of type ${struct.goType}`,
        strictErrors: [],
      };
    }
    if (value !== null) d.struct(value, struct);
  } catch (e) {
    if (e instanceof HardError) return { error: e.message, strictErrors: [] };
    throw e;
  }
  if (d.savedError !== undefined) return { error: d.savedError, strictErrors: [] };
  return { strictErrors: d.strictErrors };
}
