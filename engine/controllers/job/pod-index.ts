/**
 * The job controller's pod cache: the part of upstream's pod informer store that syncJob reads,
 * kept up to date from watch events so that a sync costs the pods that still matter, not every
 * pod the Job ever had.
 *
 * A pod matters to its Job while it is not terminal or still carries the tracking finalizer: once
 * it is terminal and counted (finalizer removed), nothing in syncJob looks at it again. Pods
 * without a controller reference are kept per namespace as adoption candidates (ClaimPods).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { WatchEvent } from '../../api/apiserver';
import { getControllerOf, isPodTerminal } from './controller-utils';
import { hasJobTrackingFinalizer } from './tracking-utils';

// @simplified: upstream's ClaimPods also releases a terminal, already counted pod whose labels
// were edited to no longer match the selector; such pods are not in this cache, so they keep
// their owner reference (they have no finalizer left, so nothing else changes).

type Slot = { jobUid: string } | { orphanNamespace: string };

/** Pods that matter to Jobs, by controller uid, and orphan pods by namespace. */
export class JobPodIndex {
  private byJob = new Map<string, Map<string, Pod>>();
  private orphans = new Map<string, Map<string, Pod>>();
  private slots = new Map<string, Slot>();

  /** Builds the index from the pods that exist now. */
  constructor(pods: Iterable<Pod> = []) {
    for (const pod of pods) this.put(pod);
  }

  /** Applies one watch event. */
  observe(event: WatchEvent): void {
    const pod = event.object as unknown as Pod;
    this.remove(pod.metadata!.uid!);
    if (event.type !== 'DELETED') this.put(pod);
  }

  /** The pods that matter to the Job with this uid (not terminal, or not yet counted). */
  podsOf(jobUid: string): Pod[] {
    const pods = this.byJob.get(jobUid);
    return pods ? [...pods.values()] : [];
  }

  /** Pods of a namespace that no controller owns. */
  orphansIn(namespace: string): Pod[] {
    const pods = this.orphans.get(namespace);
    return pods ? [...pods.values()] : [];
  }

  private put(pod: Pod): void {
    const uid = pod.metadata!.uid!;
    const ref = getControllerOf(pod);
    if (ref) {
      if (isPodTerminal(pod) && !hasJobTrackingFinalizer(pod)) return;
      let pods = this.byJob.get(ref.uid);
      if (!pods) this.byJob.set(ref.uid, (pods = new Map()));
      pods.set(uid, pod);
      this.slots.set(uid, { jobUid: ref.uid });
      return;
    }
    const ns = pod.metadata?.namespace ?? 'default';
    let pods = this.orphans.get(ns);
    if (!pods) this.orphans.set(ns, (pods = new Map()));
    pods.set(uid, pod);
    this.slots.set(uid, { orphanNamespace: ns });
  }

  private remove(uid: string): void {
    const slot = this.slots.get(uid);
    if (!slot) return;
    this.slots.delete(uid);
    const [map, key] =
      'jobUid' in slot ? [this.byJob, slot.jobUid] : [this.orphans, slot.orphanNamespace];
    const pods = map.get(key);
    pods?.delete(uid);
    if (pods && pods.size === 0) map.delete(key);
  }
}
