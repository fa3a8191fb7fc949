/**
 * The pod helpers workload controllers share (k/k pkg/controller/controller_utils.go and
 * pkg/api/v1/pod/util.go): which pods are active or terminating, readiness, the order in which
 * surplus pods are deleted (ActivePods), owner references, and building a pod from a template
 * (GetPodFromTemplate).
 */
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/object';
import { parseRFC3339 } from '../../time/instant';

/** Whether a pod's phase is terminal. */
export function isPodTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** Not terminal and not being deleted (controller.IsPodActive / FilterActivePods). */
export function isPodActive(pod: Pod): boolean {
  return !isPodTerminal(pod) && !pod.metadata?.deletionTimestamp;
}

/** Being deleted but not terminal yet (controller.IsPodTerminating / CountTerminatingPods). */
export function isPodTerminating(pod: Pod): boolean {
  return !isPodTerminal(pod) && !!pod.metadata?.deletionTimestamp;
}

/** The pod's Ready condition is True (podutil.IsPodReady). */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** When the pod last became Ready (the Ready condition's transition time). */
function podReadyTime(pod: Pod): number | undefined {
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready' && x.status === 'True');
  return c?.lastTransitionTime ? parseRFC3339(c.lastTransitionTime) : undefined;
}

/** The highest restart count among the pod's containers. */
function maxContainerRestarts(pod: Pod): number {
  let max = 0;
  for (const c of pod.status?.containerStatuses ?? []) max = Math.max(max, c.restartCount ?? 0);
  return max;
}

/** `t1` is later than `t2`, an unset time counting as the latest of all (afterOrZero). */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * The ActivePods order: pods earlier in it are cheaper to delete. Unscheduled before scheduled,
 * Pending before Unknown before Running, not ready before ready, recently ready before long
 * ready, more restarts before fewer, newer before older.
 */
export function compareActivePods(a: Pod, b: Pod): number {
  return activePodsLess(a, b) ? -1 : activePodsLess(b, a) ? 1 : 0;
}

function activePodsLess(a: Pod, b: Pod): boolean {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  const pa = PHASE_ORDINAL[a.status?.phase ?? ''] ?? 0;
  const pb = PHASE_ORDINAL[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa < pb;
  const ra = isPodReady(a);
  const rb = isPodReady(b);
  if (ra !== rb) return !ra;
  if (ra && rb) {
    const ta = podReadyTime(a);
    const tb = podReadyTime(b);
    if (ta !== tb) return afterOrZero(ta, tb);
  }
  const ca = maxContainerRestarts(a);
  const cb = maxContainerRestarts(b);
  if (ca !== cb) return ca > cb;
  const ka = a.metadata?.creationTimestamp ? parseRFC3339(a.metadata.creationTimestamp) : undefined;
  const kb = b.metadata?.creationTimestamp ? parseRFC3339(b.metadata.creationTimestamp) : undefined;
  if (ka !== kb) return afterOrZero(ka, kb);
  return false;
}

/** The owner reference with controller=true, if any (metav1.GetControllerOf). */
export function getControllerOf(obj: {
  metadata?: { ownerReferences?: readonly OwnerReference[] };
}): OwnerReference | undefined {
  return obj.metadata?.ownerReferences?.find((r) => r.controller === true);
}

/** A controller reference to a Job (metav1.NewControllerRef with the batch/v1 Job kind). */
export function newJobControllerRef(job: KubeObject): OwnerReference {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    name: job.metadata.name!,
    uid: job.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/**
 * A pod built from a template (GetPodFromTemplate): the template's labels, annotations and
 * finalizers, `generateName`, the controller reference, and a copy of the template's spec.
 * The caller may share the result between creations: the API server copies what it stores.
 */
export function getPodFromTemplate(
  template: PodTemplateSpec,
  generateName: string,
  controllerRef: OwnerReference,
): Pod & KubeObject {
  const meta = template.metadata ?? {};
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(meta.labels ? { labels: { ...meta.labels } } : {}),
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      generateName,
      ...(meta.finalizers ? { finalizers: [...meta.finalizers] } : {}),
      ownerReferences: [controllerRef],
    },
    spec: template.spec!,
  } as Pod & KubeObject;
}

/** The prefix of pod names generated for a controller (getPodsPrefix): `<name>-`. */
export function getPodsPrefix(controllerName: string): string {
  return `${controllerName}-`;
}
