/**
 * ControllerRevision helpers (pkg/controller/history, pkg/controller/daemon/update.go): the
 * revision Data a DaemonSet records — a strategic merge patch that puts `spec.template` back,
 * marked `$patch: replace` (update.go#getPatch) — and the ordering of revisions.
 *
 * getPatch marshals the typed DaemonSet, unmarshals it into a generic map and marshals that map
 * again, so the bytes are Go's typed encoding (omitempty rules, `creationTimestamp: null`,
 * `resources: {}`) with every object's keys sorted. `typedTemplateJson` reproduces the typed
 * encoding from the JSON the API server stores.
 */
import type { JsonValue } from '../../api/object';
import { goJsonMarshal } from './go-json';

type JsonObject = { [key: string]: JsonValue };

/** Label on DaemonSet pods and revisions holding the template hash (apps.DefaultDaemonSetUniqueLabelKey). */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';
/** DaemonSet annotation counting template changes (apps.DeprecatedTemplateGeneration). */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';
/** Pod label with that generation (extensions.DaemonSetTemplateGenerationKey). */
export const POD_TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

/** Map-typed fields (omitempty maps vanish when empty). */
const MAP_FIELDS = new Set([
  'labels',
  'annotations',
  'nodeSelector',
  'limits',
  'requests',
  'overhead',
  'matchLabels',
  'volumeAttributes',
  'options',
]);

/** Non-pointer omitempty booleans (false vanishes); pointer booleans keep an explicit false. */
const VALUE_BOOLS = new Set([
  'hostNetwork',
  'hostPID',
  'hostIPC',
  'stdin',
  'stdinOnce',
  'tty',
  'readOnly',
]);

/** Non-pointer omitempty integers (0 vanishes). */
const VALUE_INTS = new Set([
  'hostPort',
  'initialDelaySeconds',
  'timeoutSeconds',
  'periodSeconds',
  'successThreshold',
  'failureThreshold',
  'weight',
  'maxSkew',
]);

/** String fields without omitempty (an empty value is still written). */
const REQUIRED_STRINGS = new Set(['name', 'mountPath', 'key', 'operator', 'topologyKey', 'path']);

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function normalize(value: JsonValue, key: string): JsonValue | undefined {
  if (value === null) return undefined;
  if (typeof value === 'string')
    return value === '' && !REQUIRED_STRINGS.has(key) ? undefined : value;
  if (typeof value === 'boolean') return !value && VALUE_BOOLS.has(key) ? undefined : value;
  if (typeof value === 'number') return value === 0 && VALUE_INTS.has(key) ? undefined : value;
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    return value.map((item) => {
      const n = normalize(item, '');
      const out = n === undefined ? null : n;
      if (CONTAINER_LISTS.has(key) && isObject(out) && out.resources === undefined)
        return { ...out, resources: {} };
      return out;
    });
  }
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const n = normalize(v, k);
    if (n !== undefined) out[k] = n;
  }
  if (MAP_FIELDS.has(key) && Object.keys(out).length === 0) return undefined;
  return out;
}

/**
 * The pod template as Go's json.Marshal of a typed v1.PodTemplateSpec writes it: absent and
 * zero omitempty fields dropped, `metadata.creationTimestamp: null` (a struct, never omitted)
 * and `resources: {}` on every container (a non-pointer struct).
 * @simplified: omitempty is decided by field name for the fields pod templates use, not from
 * the full Go type table; quantities are taken as already canonical (the API server stores them so).
 */
export function typedTemplateJson(template: unknown): JsonObject {
  const t = (isObject(template) ? normalize(template, 'template') : undefined) as
    JsonObject | undefined;
  const metadata = isObject(t?.metadata) ? { ...t!.metadata } : {};
  metadata.creationTimestamp = null;
  return { ...(t ?? {}), metadata };
}

/** update.go#getPatch: the revision Data of a DaemonSet, `{spec: {template: {…, $patch: replace}}}`. */
export function daemonSetRevisionData(ds: { spec?: unknown }): JsonObject {
  const spec = isObject(ds.spec) ? ds.spec : {};
  return { spec: { template: { ...typedTemplateJson(spec.template), $patch: 'replace' } } };
}

/** The bytes of revision Data (Data.Raw), as the controller wrote them. */
export function revisionDataRaw(data: unknown): string {
  return goJsonMarshal(data as JsonValue);
}

/** update.go#Match: whether a revision records the DaemonSet's current template. */
export function matchesRevision(ds: { spec?: unknown }, revision: { data?: unknown }): boolean {
  return revisionDataRaw(daemonSetRevisionData(ds)) === revisionDataRaw(revision.data ?? null);
}

/** The revision number of a ControllerRevision (0 when unset). */
export function revisionNumber(revision: { revision?: unknown }): number {
  return typeof revision.revision === 'number' ? revision.revision : 0;
}

/** update.go#maxRevision. */
export function maxRevision(revisions: ReadonlyArray<{ revision?: unknown }>): number {
  let max = 0;
  for (const r of revisions) max = Math.max(max, revisionNumber(r));
  return max;
}

/** history.SortControllerRevisions: by revision number, stable. */
export function sortByRevision<T extends { revision?: unknown }>(revisions: readonly T[]): T[] {
  return [...revisions].sort((a, b) => revisionNumber(a) - revisionNumber(b));
}
