/**
 * Reading manifests the way kubectl's resource builder does for `create|apply|delete -f`
 * (cli-runtime resource/visitor.go#StreamVisitor, mapper.go#infoForData, builder.go
 * #metadataValidatingDecoder, kubectl validation/schema.go#getObjectKind): split the stream,
 * convert YAML to JSON, check apiVersion/kind client-side, decode, validate metadata types and
 * map the kind to a served resource. Per-object problems are collected and the rest of the stream
 * is still read (ContinueOnError); a parse or validation error ends the stream.
 */
import type { JsonValue, KubeObject } from '../object';
import type { ResourceInfo } from '../resources';
import type { SchemaStruct } from '../schema';
import { decodeStream } from './documents';
import { goQuote } from './goyaml/values';
import { mapKind, parseGroupVersion, resourceMappingError } from './mapping';
import { decodeTyped } from './typed-decode';

/** kubectl's `--validate` values (true = strict, false = ignore). */
export type ValidateDirective = 'strict' | 'warn' | 'ignore';

/** Options for reading manifests. */
export interface ManifestOptions {
  /** Client-side part of `--validate` (default strict, as in kubectl 1.32). */
  validate?: ValidateDirective;
  /** Refuse bigger inputs (default 3 MiB, the apiserver's request size limit). */
  maxBytes?: number;
}

/** One object read from a manifest, with its REST mapping. */
export interface ManifestObject {
  object: KubeObject;
  resource: ResourceInfo;
  /** File name (or `STDIN`) the object came from, as kubectl quotes it in messages. */
  source: string;
  name: string;
  namespace: string;
}

/** A manifest item: an object or the error kubectl reports for it. */
export type ManifestItem = { ok: true; value: ManifestObject } | { ok: false; error: string };

/** Everything read from one source. */
export interface ManifestResult {
  /** Objects and per-object errors, in stream order. */
  items: ManifestItem[];
  /** The error that stopped reading the stream, reported after the item errors. */
  streamError?: string;
}

/** Default input limit: the apiserver's 3 MiB request body limit. */
export const MAX_MANIFEST_BYTES = 3 * 1024 * 1024;

const STOP_VALIDATE =
  'if you choose to ignore these errors, turn validation off with --validate=false';

/** kubectl's metadataOnlyObject: TypeMeta inline plus ObjectMeta, decoded to catch type errors. */
const METADATA_ONLY: SchemaStruct = {
  name: 'metadataOnlyObject',
  goType: 'resource.metadataOnlyObject',
  description: '',
  fields: [
    { name: 'apiVersion', type: 'string', required: false, description: '' },
    { name: 'kind', type: 'string', required: false, description: '' },
    {
      name: 'metadata',
      type: 'object',
      ref: 'meta/v1.ObjectMeta',
      required: false,
      description: '',
    },
  ],
};

type JsonObject = { [key: string]: JsonValue };

const isObject = (v: JsonValue): v is JsonObject =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** kubectl's getObjectKind check (client-side validation before any server call). */
function objectKindErrors(v: JsonValue): string[] {
  if (!isObject(v)) return ['invalid object to validate'];
  const errs: string[] = [];
  const apiVersion = v.apiVersion;
  if (apiVersion === undefined || apiVersion === null) errs.push('apiVersion not set');
  else if (typeof apiVersion !== 'string') errs.push("apiVersion isn't string type");
  else {
    const gv = parseGroupVersion(apiVersion);
    if ('error' in gv) errs.push(gv.error);
  }
  const kind = v.kind;
  if (kind === undefined || kind === null) errs.push('kind not set');
  else if (typeof kind !== 'string') errs.push("kind isn't string type");
  return errs;
}

/** utilerrors.NewAggregate(errs).Error(): one message alone, several as `[a, b]`. */
function aggregate(errs: string[]): string {
  return errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
}

/** A string field of an object, '' when absent or not a string (as metadata accessors read). */
function str(v: JsonValue | undefined): string {
  return typeof v === 'string' ? v : '';
}

/** infoForData for one object: decode checks and REST mapping. */
function infoFor(value: JsonValue, raw: string, source: string): ManifestItem {
  if (!isObject(value)) {
    const kind =
      value === null
        ? 'null'
        : typeof value === 'boolean'
          ? 'bool'
          : Array.isArray(value)
            ? 'array'
            : typeof value;
    return {
      ok: false,
      error: `unable to decode ${goQuote(source)}: json: cannot unmarshal ${kind} into Go value of type unstructured.detector`,
    };
  }
  if (typeof value.kind !== 'string' || value.kind === '') {
    return {
      ok: false,
      error: `unable to decode ${goQuote(source)}: Object 'Kind' is missing in '${raw}'`,
    };
  }
  const meta = decodeTyped(value, METADATA_ONLY, { strict: false });
  if (meta.error !== undefined) {
    return { ok: false, error: `unable to decode ${goQuote(source)}: ${meta.error}` };
  }
  const metadata = isObject(value.metadata ?? null) ? (value.metadata as JsonObject) : {};
  const name = str(metadata.name);
  const namespace = str(metadata.namespace);
  const apiVersion = str(value.apiVersion);
  const resource = mapKind(value.kind, apiVersion);
  if (!resource) {
    return {
      ok: false,
      error: resourceMappingError(value.kind, apiVersion, name, namespace, source),
    };
  }
  return {
    ok: true,
    value: { object: value as unknown as KubeObject, resource, source, name, namespace },
  };
}

/**
 * Expands `kind: List` / `…List` objects with `items` into their items (FlattenListVisitor).
 * @simplified: the list object itself is not REST-mapped, and item errors are reported one by
 * one rather than as kubectl's nested aggregate.
 */
function flatten(value: JsonObject, source: string): ManifestItem[] {
  const items = value.items;
  if (!Array.isArray(items)) return [infoFor(value, '', source)];
  const listKind = str(value.kind);
  const itemKind = listKind.endsWith('List') ? listKind.slice(0, -'List'.length) : '';
  const out: ManifestItem[] = [];
  for (const item of items) {
    if (isObject(item) && str(item.kind) === '' && str(item.apiVersion) === '' && itemKind !== '') {
      // Items of a typed list (PodList) may omit kind and apiVersion.
      out.push(infoFor({ ...item, apiVersion: str(value.apiVersion), kind: itemKind }, '', source));
    } else {
      out.push(
        ...(isObject(item) && Array.isArray(item.items)
          ? flatten(item, source)
          : [infoFor(item, '', source)]),
      );
    }
  }
  return out;
}

/**
 * Reads all objects of a manifest text from `source` (a file name, or `STDIN`), with kubectl's
 * client-side errors. Never throws; oversized input is refused with a clear message.
 */
export function readManifests(
  text: string,
  source: string,
  opts: ManifestOptions = {},
): ManifestResult {
  const validate = opts.validate ?? 'strict';
  const max = opts.maxBytes ?? MAX_MANIFEST_BYTES;
  const items: ManifestItem[] = [];
  if (text.length > max) {
    return {
      items,
      // @simplified: kubectl reads any size; Podlab refuses inputs above the apiserver's limit.
      streamError: `error reading ${source}: the manifest is too large (${text.length} bytes; Podlab accepts at most ${max})`,
    };
  }
  // FileVisitor strips a UTF-8 byte order mark before decoding.
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  for (const doc of decodeStream(body)) {
    if (doc.kind === 'error')
      return { items, streamError: `error parsing ${source}: ${doc.message}` };
    const raw = doc.raw.trim();
    if (raw === '' || raw === 'null') continue;
    if (validate !== 'ignore') {
      const errs = objectKindErrors(doc.value);
      if (errs.length > 0) {
        return {
          items,
          streamError: `error validating ${goQuote(source)}: error validating data: ${aggregate(errs)}; ${STOP_VALIDATE}`,
        };
      }
      // @simplified: the 1.32 apiserver supports server-side field validation, so kubectl skips
      // its client-side OpenAPI check here; unknown fields are reported by the server instead.
    }
    const v = doc.value;
    if (isObject(v) && Array.isArray(v.items) && str(v.kind).endsWith('List')) {
      items.push(...flatten(v, source));
    } else {
      items.push(infoFor(v, raw, source));
    }
  }
  return { items, streamError: undefined };
}

/** All errors of a result in the order kubectl reports them (items first, then the stream). */
export function manifestErrors(result: ManifestResult): string[] {
  const errs: string[] = [];
  for (const item of result.items) if (!item.ok) errs.push(item.error);
  if (result.streamError !== undefined) errs.push(result.streamError);
  return errs;
}

/**
 * How kubectl's CheckErr prints collected errors on stderr: one error as `error: <msg>` (server
 * errors already rendered as `Error from server (…): …` keep their own form), several as one
 * message per line without prefix. Returns '' for no errors.
 */
export function formatKubectlErrors(errs: readonly string[]): string {
  if (errs.length === 0) return '';
  if (errs.length === 1) {
    const msg = errs[0];
    const plain = msg.startsWith('error: ') || msg.startsWith('Error from server');
    return (plain ? msg : `error: ${msg}`) + '\n';
  }
  return errs.map((e) => e + '\n').join('');
}
