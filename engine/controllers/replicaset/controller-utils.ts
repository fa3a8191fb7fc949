/**
 * Helpers the workload controllers share (k/k pkg/controller/controller_utils.go and
 * pkg/api/v1/pod/util.go): controller references, pod readiness and availability, building a
 * pod from a template, the order in which surplus pods are deleted, int-or-percent values, and
 * the slow-start batching of pod creations.
 */
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/object';
import type { StatusError } from '../../api/errors';
import type { EventIntent } from '../../api/events';
import { parseRFC3339, SECOND, type Instant } from '../../time/instant';
import type { Action, Followup } from '../framework';

/** metav1.GetControllerOf: the ownerReference with controller=true. */
export function controllerOf(obj: {
  metadata?: { ownerReferences?: OwnerReference[] };
}): OwnerReference | undefined {
  return obj.metadata?.ownerReferences?.find((r) => r.controller === true);
}

/** metav1.NewControllerRef: points at the controller, blocking its foreground deletion. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** The pod's Ready condition. */
export function podReadyCondition(pod: Pod) {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

/** podutil.IsPodReady. */
export function isPodReady(pod: Pod): boolean {
  return podReadyCondition(pod)?.status === 'True';
}

/**
 * podutil.IsPodAvailable: Ready, and Ready since more than minReadySeconds before `now`
 * (condition times have second precision, the comparison is strict).
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: Instant): boolean {
  const c = podReadyCondition(pod);
  if (c?.status !== 'True') return false;
  if (!minReadySeconds) return true;
  const since = c.lastTransitionTime ? parseRFC3339(c.lastTransitionTime) : undefined;
  return since !== undefined && since + minReadySeconds * SECOND < now;
}

/** When a Ready pod became available, or undefined if it is not Ready. */
export function availableAt(pod: Pod, minReadySeconds: number): Instant | undefined {
  const c = podReadyCondition(pod);
  if (c?.status !== 'True') return undefined;
  const since = c.lastTransitionTime ? parseRFC3339(c.lastTransitionTime) : undefined;
  return since === undefined ? undefined : since + minReadySeconds * SECOND;
}

/** controller.IsPodActive: not finished and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
}

/** podutil.IsPodTerminal. */
export function isPodTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/**
 * controller.GetPodFromTemplate: labels, annotations and finalizers of the template,
 * generateName `<owner>-`, the controller reference, and the template's spec.
 */
export function podFromTemplate(
  template: PodTemplateSpec,
  owner: KubeObject,
  controllerRef: OwnerReference,
): KubeObject {
  const meta = template.metadata ?? {};
  const metadata: Record<string, unknown> = { generateName: `${owner.metadata.name}-` };
  if (meta.labels && Object.keys(meta.labels).length) metadata.labels = { ...meta.labels };
  if (meta.annotations && Object.keys(meta.annotations).length)
    metadata.annotations = { ...meta.annotations };
  if (meta.finalizers?.length) metadata.finalizers = [...meta.finalizers];
  metadata.ownerReferences = [controllerRef];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata,
    spec: template.spec as unknown,
  } as KubeObject;
}

/** The deletion-cost annotation (controller.kubernetes.io/pod-deletion-cost), 0 if unset or bad. */
export function deletionCost(pod: Pod): number {
  const v = pod.metadata?.annotations?.['controller.kubernetes.io/pod-deletion-cost'];
  if (v === undefined || !/^-?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function readyTime(pod: Pod): Instant | undefined {
  const c = podReadyCondition(pod);
  return c?.status === 'True' && c.lastTransitionTime
    ? parseRFC3339(c.lastTransitionTime)
    : undefined;
}

function maxRestarts(pod: Pod): number {
  let max = 0;
  for (const c of pod.status?.containerStatuses ?? []) max = Math.max(max, c.restartCount ?? 0);
  return max;
}

/** afterOrZero: a zero time sorts first, then the later time. */
function afterOrZero(a: Instant | undefined, b: Instant | undefined): boolean {
  if (a === undefined || b === undefined) return a === undefined;
  return a > b;
}

/** logarithmicRankDiff: compares ages in powers of two of nanoseconds (LogarithmicScaleDown). */
function logRankDiff(a: Instant, b: Instant, now: Instant): number {
  const rank = (t: Instant) => {
    const d = (now - t) * 1e6;
    return d > 0 ? Math.floor(Math.log2(d)) : -1;
  };
  return rank(a) - rank(b);
}

/**
 * controller.ActivePodsWithRanks.Less: whether `a` should be deleted before `b` — unassigned,
 * then pending/unknown, not ready, lower deletion cost, more siblings on the node (rank), ready
 * for less time, more restarts, newer (ages compared on a log scale, ties by uid).
 */
export function deletePreferred(
  a: Pod,
  b: Pod,
  rankA: number,
  rankB: number,
  now: Instant,
): boolean {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  const pa = PHASE_ORDINAL[a.status?.phase ?? ''] ?? 0;
  const pb = PHASE_ORDINAL[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa < pb;
  const ra = isPodReady(a);
  const rb = isPodReady(b);
  if (ra !== rb) return !ra;
  const ca = deletionCost(a);
  const cb = deletionCost(b);
  if (ca !== cb) return ca < cb;
  if (rankA !== rankB) return rankA > rankB;
  const uidA = a.metadata?.uid ?? '';
  const uidB = b.metadata?.uid ?? '';
  if (ra && rb) {
    const ta = readyTime(a);
    const tb = readyTime(b);
    if (ta !== tb) {
      if (ta === undefined || tb === undefined) return afterOrZero(ta, tb);
      const diff = logRankDiff(ta, tb, now);
      if (diff === 0) return uidA < uidB;
      return diff < 0;
    }
  }
  const ma = maxRestarts(a);
  const mb = maxRestarts(b);
  if (ma !== mb) return ma > mb;
  const cta = a.metadata?.creationTimestamp
    ? parseRFC3339(a.metadata.creationTimestamp)
    : undefined;
  const ctb = b.metadata?.creationTimestamp
    ? parseRFC3339(b.metadata.creationTimestamp)
    : undefined;
  if (cta !== ctb) {
    if (cta === undefined || ctb === undefined) return afterOrZero(cta, ctb);
    const diff = logRankDiff(cta, ctb, now);
    if (diff === 0) return uidA < uidB;
    return diff < 0;
  }
  return false;
}

/**
 * intstr.GetScaledValueFromIntOrPercent: an int as is, `N%` of `total` rounded up or down.
 * Returns an error text for anything else.
 */
export function scaledValue(
  value: number | string | undefined,
  total: number,
  roundUp: boolean,
): number | { error: string } {
  if (value === undefined) return { error: 'nil value for IntOrString' };
  if (typeof value === 'number') return value;
  if (!value.endsWith('%') || !/^-?\d+$/.test(value.slice(0, -1)))
    return { error: `invalid value for IntOrString: invalid type: string is not a percentage` };
  const pct = Number(value.slice(0, -1));
  const exact = (pct * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** The first pod creations go one at a time, then in doubling batches (SlowStartInitialBatchSize). */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

/**
 * controller.slowStartBatch as actions: creations in batches of 1, 2, 4, …; after a batch with
 * a failure, the rest are skipped (they are retried at the next sync). `create(i)` builds the
 * i-th action; `onSkipped` reports how many were skipped.
 */
export function slowStartCreates(
  count: number,
  create: (index: number, failed: () => void) => Action & { op: 'create' },
  onSkipped?: (skipped: number) => Followup | void,
): Action[] {
  const batch = (pos: number, size: number): Action[] => {
    if (pos >= count || size <= 0) return [];
    let failures = 0;
    const actions: Array<Action & { op: 'create' }> = [];
    for (let i = pos; i < pos + size; i++) actions.push(create(i, () => failures++));
    // The last action of a batch decides whether the next batch goes.
    const last = actions[actions.length - 1];
    const next = () => {
      const nextPos = pos + size;
      if (nextPos >= count) return undefined;
      if (failures > 0) return onSkipped?.(count - nextPos) ?? undefined;
      return { actions: batch(nextPos, Math.min(2 * size, count - nextPos)) };
    };
    const success = last.onSuccess;
    const failure = last.onFailure;
    last.onSuccess = (created: KubeObject) => merge(success?.(created), next());
    last.onFailure = (error: StatusError) => {
      const own = failure?.(error);
      return merge(own, next());
    };
    return actions;
  };
  return batch(0, Math.min(count, SLOW_START_INITIAL_BATCH_SIZE));
}

function merge(a: Followup | void, b: Followup | void): Followup | undefined {
  if (!a) return b ?? undefined;
  if (!b) return a;
  return {
    actions: [...(a.actions ?? []), ...(b.actions ?? [])],
    events: [...(a.events ?? []), ...(b.events ?? [])],
    explanations: [...(a.explanations ?? []), ...(b.explanations ?? [])],
  };
}

/** Event on a controller after it created a pod (RealPodControl.createPods). */
export function createdPodEvent(owner: KubeObject, podName: string): EventIntent {
  return {
    object: owner,
    type: 'Normal',
    reason: 'SuccessfulCreate',
    message: `Created pod: ${podName}`,
  };
}

/** Event on a controller after a failed pod creation. */
export function failedCreateEvent(owner: KubeObject, error: StatusError): EventIntent {
  return {
    object: owner,
    type: 'Warning',
    reason: 'FailedCreate',
    message: `Error creating: ${error.message}`,
  };
}

/** Event on a controller after it deleted a pod (RealPodControl.DeletePod). */
export function deletedPodEvent(owner: KubeObject, podName: string): EventIntent {
  return {
    object: owner,
    type: 'Normal',
    reason: 'SuccessfulDelete',
    message: `Deleted pod: ${podName}`,
  };
}

/** Event on a controller after a failed pod deletion. */
export function failedDeleteEvent(owner: KubeObject, error: StatusError): EventIntent {
  return {
    object: owner,
    type: 'Warning',
    reason: 'FailedDelete',
    message: `Error deleting: ${error.message}`,
  };
}

/** Metadata without owner references to `uid` (a release by the ControllerRefManager). */
export function withoutOwnerRef(obj: KubeObject, uid: string): KubeObject {
  const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
  const { ownerReferences: _dropped, ...rest } = obj.metadata;
  return { ...obj, metadata: refs.length ? { ...rest, ownerReferences: refs } : rest };
}

/** The object with a controller reference to `owner` added (an adoption). */
export function withControllerRef(obj: KubeObject, owner: KubeObject): KubeObject {
  return {
    ...obj,
    metadata: {
      ...obj.metadata,
      ownerReferences: [...(obj.metadata.ownerReferences ?? []), newControllerRef(owner)],
    },
  };
}

/** `namespace/name` keys for controller queues. */
export function objectKey(obj: { metadata?: { namespace?: string; name?: string } }): string {
  return `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;
}

/** Splits a `namespace/name` key. */
export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return i < 0 ? ['', key] : [key.slice(0, i), key.slice(i + 1)];
}
