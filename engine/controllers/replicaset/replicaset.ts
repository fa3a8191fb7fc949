/**
 * The ReplicaSet controller (k/k pkg/controller/replicaset/replica_set.go): keeps
 * `spec.replicas` active pods. Missing pods are created in slow-start batches (at most 500 per
 * sync); surplus pods are deleted in the upstream preference order (unscheduled, pending, not
 * ready, lower deletion cost, doubled up on a node, ready for less time, more restarts, newer).
 * The status counts active pods, fully labelled, ready and available ones.
 */
import type { ReplicaSet, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { StatusError } from '../../api/errors';
import { fromLabelSelector, matches, type Selector } from '../../api/labels';
import type { KubeObject } from '../../api/object';
import { jsonEqual } from '../../api/patch';
import { describeObject, type Explanation } from '../../narration';
import { SECOND } from '../../time/instant';
import type {
  Action,
  ClusterView,
  Controller,
  ControllerHost,
  ReconcileResult,
} from '../framework';
import {
  controllerOf,
  createdPodEvent,
  deletedPodEvent,
  deletePreferred,
  failedCreateEvent,
  failedDeleteEvent,
  isPodActive,
  isPodAvailable,
  isPodReady,
  newControllerRef,
  objectKey,
  podFromTemplate,
  slowStartCreates,
  splitKey,
  withControllerRef,
  withoutOwnerRef,
} from './controller-utils';

type RS = ReplicaSet & KubeObject;
type PodObj = Pod & KubeObject;

/** Creations or deletions per sync (replica_set.go BurstReplicas). */
export const RS_BURST_REPLICAS = 500;

/** The ReplicaSet's desired replicas (1 when unset, as defaulting does). */
export function specReplicas(rs: { spec?: { replicas?: number } }): number {
  return rs.spec?.replicas ?? 1;
}

/**
 * ClaimPods for a ReplicaSet: active pods it controls and selects, plus selected active orphans
 * (adopted); controlled pods it no longer selects are released.
 */
function claimActivePods(
  rs: RS,
  selector: Selector,
  view: ClusterView,
  actions: Action[],
): PodObj[] {
  const uid = rs.metadata.uid!;
  const claimed: PodObj[] = [];
  for (const pod of view.dependents<PodObj>(uid)) {
    if (pod.kind !== 'Pod' || controllerOf(pod)?.uid !== uid || !isPodActive(pod)) continue;
    if (matches(selector, pod.metadata.labels)) claimed.push(pod);
    else actions.push({ op: 'update', object: withoutOwnerRef(pod, uid) });
  }
  if (rs.metadata.deletionTimestamp) return claimed;
  for (const pod of view.list<PodObj>('Pod', rs.metadata.namespace, selector)) {
    if (controllerOf(pod) || !isPodActive(pod)) continue;
    const adopted = withControllerRef(pod, rs) as PodObj;
    actions.push({ op: 'update', object: adopted });
    claimed.push(adopted);
  }
  return claimed;
}

/**
 * getIndirectlyRelatedPods: the active pods of every ReplicaSet sharing this one's controller
 * (the Deployment's other ReplicaSets), used to rank pods doubled up on a node.
 */
function relatedPods(rs: RS, own: readonly PodObj[], view: ClusterView): PodObj[] {
  const ref = controllerOf(rs);
  if (!ref) return [...own];
  const out: PodObj[] = [];
  for (const sibling of view.dependents<RS>(ref.uid)) {
    if (sibling.kind !== 'ReplicaSet') continue;
    for (const pod of view.dependents<PodObj>(sibling.metadata.uid!))
      if (pod.kind === 'Pod' && controllerOf(pod)?.uid === sibling.metadata.uid) out.push(pod);
  }
  return out;
}

/** getPodsToDelete: the first `diff` pods in deletion-preference order. */
export function podsToDelete(
  pods: readonly PodObj[],
  related: readonly PodObj[],
  diff: number,
  now: number,
): PodObj[] {
  if (diff >= pods.length) return [...pods];
  const onNode = new Map<string, number>();
  for (const p of related)
    if (isPodActive(p))
      onNode.set(p.spec?.nodeName ?? '', (onNode.get(p.spec?.nodeName ?? '') ?? 0) + 1);
  const ranked = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
  ranked.sort((a, b) =>
    deletePreferred(a.pod, b.pod, a.rank, b.rank, now)
      ? -1
      : deletePreferred(b.pod, a.pod, b.rank, a.rank, now)
        ? 1
        : 0,
  );
  return ranked.slice(0, diff).map((r) => r.pod);
}

/** calculateStatus. */
function calculateStatus(rs: RS, pods: readonly PodObj[], now: number): ReplicaSetStatus {
  const templateLabels = rs.spec?.template?.metadata?.labels ?? {};
  const minReady = rs.spec?.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of pods) {
    const labels = pod.metadata.labels ?? {};
    if (Object.entries(templateLabels).every(([k, v]) => labels[k] === v)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, now)) available++;
    }
  }
  const status: ReplicaSetStatus = { replicas: pods.length };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (rs.metadata.generation) status.observedGeneration = rs.metadata.generation;
  // @simplified: a ReplicaFailure condition is not raised for failed creations or deletions
  // (their FailedCreate / FailedDelete events are); existing conditions are kept.
  if (rs.status?.conditions?.length) status.conditions = rs.status.conditions;
  return status;
}

/** The ReplicaSet controller; keys are `namespace/name`. */
export const replicaSetController: Controller = {
  name: 'replicaset-controller',

  setup(host: ControllerHost) {
    const view = host.view;
    const owner = (pod: Pod): RS | undefined => {
      const ref = controllerOf(pod);
      if (!ref || ref.kind !== 'ReplicaSet') return undefined;
      const rs = view.get<RS>('ReplicaSet', pod.metadata?.namespace ?? '', ref.name);
      return rs?.metadata.uid === ref.uid ? rs : undefined;
    };
    host.watch('ReplicaSet', (e) => host.enqueue(objectKey(e.object)));
    host.watch('Pod', (e) => {
      const pod = e.object as unknown as Pod;
      const old = e.old as unknown as Pod | undefined;
      if (old && controllerOf(old)?.uid !== controllerOf(pod)?.uid) {
        const prev = owner(old);
        if (prev) host.enqueue(objectKey(prev));
      }
      const rs = owner(pod);
      if (rs) {
        host.enqueue(objectKey(rs));
        const minReady = rs.spec?.minReadySeconds ?? 0;
        if (old && minReady > 0 && !isPodReady(old) && isPodReady(pod))
          host.enqueue(objectKey(rs), minReady * SECOND);
        return;
      }
      if (controllerOf(pod) || e.type === 'DELETED') return;
      if (old && jsonEqual(old.metadata?.labels, pod.metadata?.labels)) return;
      for (const candidate of view.list<RS>('ReplicaSet', pod.metadata?.namespace))
        if (matches(fromLabelSelector(candidate.spec?.selector), pod.metadata?.labels))
          host.enqueue(objectKey(candidate));
    });
  },

  reconcile(key: string, view: ClusterView): ReconcileResult {
    const [ns, name] = splitKey(key);
    const rs = view.get<RS>('ReplicaSet', ns, name);
    if (!rs) return {};
    const now = view.now;
    const selector = fromLabelSelector(rs.spec?.selector);
    const actions: Action[] = [];
    const explanations: Explanation[] = [];
    const pods = claimActivePods(rs, selector, view, actions);
    const want = specReplicas(rs);
    const rsRef = describeObject('ReplicaSet', ns, name);
    let requeueAfter: number | undefined;
    if (!rs.metadata.deletionTimestamp) {
      const diff = pods.length - want;
      if (diff < 0) {
        const count = Math.min(-diff, RS_BURST_REPLICAS);
        const ref = newControllerRef(rs);
        explanations.push({
          object: rsRef,
          message: `Creating ${count} pod(s): ${pods.length} active, spec.replicas ${want}`,
          field: 'spec.replicas',
        });
        actions.push(
          ...slowStartCreates(count, () => ({
            op: 'create',
            object: podFromTemplate(rs.spec!.template!, rs, ref),
            namespace: ns,
            onSuccess: (created: KubeObject) => ({
              events: [createdPodEvent(rs, created.metadata.name!)],
            }),
            onFailure: (error: StatusError) =>
              /being terminated/.test(error.message)
                ? undefined
                : { events: [failedCreateEvent(rs, error)] },
          })),
        );
        if (-diff > count) requeueAfter = 0;
      } else if (diff > 0) {
        const count = Math.min(diff, RS_BURST_REPLICAS);
        const victims = podsToDelete(pods, relatedPods(rs, pods, view), count, now);
        explanations.push({
          object: rsRef,
          message: `Deleting ${count} pod(s): ${pods.length} active, spec.replicas ${want}; ${victims.map((p) => p.metadata.name).join(', ')} go first (unscheduled, not ready, newest)`,
          field: 'spec.replicas',
        });
        for (const pod of victims)
          actions.push({
            op: 'delete',
            kind: 'Pod',
            namespace: ns,
            name: pod.metadata.name!,
            onSuccess: () => ({ events: [deletedPodEvent(rs, pod.metadata.name!)] }),
            onFailure: (error) =>
              error.code === 404 ? undefined : { events: [failedDeleteEvent(rs, error)] },
          });
        if (diff > count) requeueAfter = 0;
      }
    }
    // Status from the pods this sync started with, as upstream's informer cache shows them.
    const status = calculateStatus(rs, pods, now);
    if (!jsonEqual(status, rs.status))
      actions.push({ op: 'update', status: true, object: { ...rs, status } });
    const minReady = rs.spec?.minReadySeconds ?? 0;
    if (minReady > 0 && status.readyReplicas === want && (status.availableReplicas ?? 0) !== want)
      requeueAfter = Math.min(requeueAfter ?? Infinity, minReady * SECOND);
    return { actions, explanations, ...(requeueAfter !== undefined ? { requeueAfter } : {}) };
  },
};
