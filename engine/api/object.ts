/**
 * The generic shape of every API object, as it travels over the wire: upstream field names,
 * plain JSON data. Typed views (Pod, Job, …) come from the `kubernetes-types` package.
 */
import type { ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';

export type { ObjectMeta, OwnerReference };
export type {
  Pod,
  Node,
  Namespace,
  Service,
  Endpoints,
  Event,
  ConfigMap,
  Secret,
  ServiceAccount,
} from 'kubernetes-types/core/v1';
export type { Job, CronJob } from 'kubernetes-types/batch/v1';
export type {
  DaemonSet,
  Deployment,
  ReplicaSet,
  ControllerRevision,
} from 'kubernetes-types/apps/v1';

/** Any API object: apiVersion, kind and metadata, plus kind-specific fields. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** The parts of an object kubectl prints in `kind/name` forms. */
export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

/** A JSON value, as decoded from YAML or JSON. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** ObjectMeta with its system fields writable (only the API server sets those). */
export type WritableMeta = { -readonly [K in keyof ObjectMeta]: ObjectMeta[K] };

/** Views metadata as writable; for the API server and tests that build stored objects. */
export function writableMeta(meta: ObjectMeta): WritableMeta {
  return meta as WritableMeta;
}
