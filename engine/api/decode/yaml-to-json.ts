/**
 * sigs.k8s.io/yaml's YAMLToJSON as kubectl's YAML decoder uses it: go-yaml v2 decodes one
 * document into interface{} values, non-string map keys become strings, and the result is
 * marshalled with Go's encoding/json (which rejects NaN and ±Inf).
 */
import type { JsonValue } from '../object';
import { compareGoStrings, goJsonMarshal } from './go-json';
import { unmarshalYaml } from './goyaml/unmarshal';
import {
  GoFloat,
  type GoMap,
  formatFloat32G,
  formatFloatG,
  goSharpV,
  goTypeName,
  type GoValue,
} from './goyaml/values';

/** A converted document: the JSON value and its json.Marshal text, or the conversion error. */
export type YamlToJsonResult =
  { ok: true; value: JsonValue; text: string } | { ok: false; error: string };

class ConversionError {
  constructor(readonly message: string) {}
}

/** sigs.k8s.io/yaml's key stringification (int, float, bool keys become strings). */
function keyString(k: GoValue, v: GoValue): string {
  if (typeof k === 'string') return k;
  if (typeof k === 'number') return String(k);
  if (typeof k === 'boolean') return k ? 'true' : 'false';
  if (k instanceof GoFloat) {
    const s = formatFloat32G(k.value);
    return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s;
  }
  throw new ConversionError(
    `unsupported map key of type: ${goTypeName(k)}, key: ${goSharpV(k)}, value: ${goSharpV(v)}`,
  );
}

function toJsonable(v: GoValue): JsonValue {
  if (v === null || typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number') {
    return v;
  }
  if (v instanceof GoFloat) return v.value;
  if (Array.isArray(v)) return v.map(toJsonable);
  const tmp = new Map<string, JsonValue>();
  for (const { key, value } of (v as GoMap).list())
    tmp.set(keyString(key, value), toJsonable(value));
  // json.Marshal writes keys sorted; build the object in that order.
  const out: { [key: string]: JsonValue } = {};
  for (const k of [...tmp.keys()].sort(compareGoStrings)) {
    Object.defineProperty(out, k, {
      value: tmp.get(k),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** json.Marshal's refusal of NaN/Inf, found in the order Marshal walks (sorted keys). */
function unsupportedFloat(v: JsonValue): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : formatFloatG(v);
  if (v === null || typeof v !== 'object') return undefined;
  if (Array.isArray(v)) {
    for (const x of v) {
      const bad = unsupportedFloat(x);
      if (bad) return bad;
    }
    return undefined;
  }
  for (const k of Object.keys(v)) {
    const bad = unsupportedFloat(v[k]);
    if (bad) return bad;
  }
  return undefined;
}

/** Converts one YAML document to JSON; errors read `error converting YAML to JSON: …`. */
export function yamlToJson(doc: string): YamlToJsonResult {
  const parsed = unmarshalYaml(doc);
  if (!parsed.ok) return { ok: false, error: `error converting YAML to JSON: ${parsed.error}` };
  if (parsed.value === undefined) return { ok: true, value: null, text: 'null' };
  let value: JsonValue;
  try {
    value = toJsonable(parsed.value);
  } catch (e) {
    if (e instanceof ConversionError) {
      return { ok: false, error: `error converting YAML to JSON: ${e.message}` };
    }
    throw e;
  }
  const bad = unsupportedFloat(value);
  if (bad)
    return { ok: false, error: `error converting YAML to JSON: json: unsupported value: ${bad}` };
  return { ok: true, value, text: goJsonMarshal(value) };
}
