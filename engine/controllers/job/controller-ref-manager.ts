/**
 * Claiming pods for a Job (k/k pkg/controller/controller_ref_manager.go#ClaimPods, as
 * job_controller.go#getPodsForJob uses it).
 *
 * A pod whose controller reference names the Job is kept while the selector matches it and
 * released (reference and tracking finalizer removed) when it no longer does. A pod without a
 * controller that matches the selector is adopted: it gets the Job as controller and the
 * tracking finalizer. A Job being deleted neither adopts nor releases.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { matches, type Selector } from '../../api/labels';
import type { KubeObject } from '../../api/object';
import { getControllerOf, newJobControllerRef } from './controller-utils';
import { JOB_TRACKING_FINALIZER } from './job-util';
import { appendJobCompletionFinalizerIfNotFound } from './tracking-utils';

/** The outcome of claiming: the Job's pods, and the writes adoption and release need. */
export interface Claim {
  /** Pods the Job keeps (adopted ones as they will look once adopted). */
  claimed: Pod[];
  /** Orphans to adopt, as they should be written. */
  adopt: Array<Pod & KubeObject>;
  /** Owned pods that no longer match, as they should be written. */
  release: Array<Pod & KubeObject>;
}

/** Sorts `candidates` into kept, adopted and released pods. */
export function claimPods(job: Job, selector: Selector, candidates: readonly Pod[]): Claim {
  const claim: Claim = { claimed: [], adopt: [], release: [] };
  const jobUid = job.metadata!.uid!;
  const deleting = !!job.metadata?.deletionTimestamp;
  for (const pod of candidates) {
    const ref = getControllerOf(pod);
    if (ref) {
      // Owned by another controller: not ours to touch.
      if (ref.uid !== jobUid) continue;
      if (matches(selector, pod.metadata?.labels)) claim.claimed.push(pod);
      else if (!deleting) claim.release.push(released(pod, jobUid));
      continue;
    }
    if (deleting || !matches(selector, pod.metadata?.labels)) continue;
    // A pod on its way out is not worth adopting.
    if (pod.metadata?.deletionTimestamp) continue;
    if ((pod.metadata?.namespace ?? 'default') !== (job.metadata?.namespace ?? 'default')) continue;
    const adopted = adoptedBy(pod, job);
    claim.adopt.push(adopted);
    claim.claimed.push(adopted);
  }
  return claim;
}

/** The pod with the Job as controller and the tracking finalizer (AdoptPod's patch). */
function adoptedBy(pod: Pod, job: Job): Pod & KubeObject {
  return {
    ...(pod as Pod & KubeObject),
    metadata: {
      ...pod.metadata,
      ownerReferences: [
        ...(pod.metadata?.ownerReferences ?? []),
        newJobControllerRef(job as unknown as KubeObject),
      ],
      finalizers: appendJobCompletionFinalizerIfNotFound(pod.metadata?.finalizers),
    },
  };
}

/** The pod without the Job's reference and the tracking finalizer (ReleasePod's patch). */
function released(pod: Pod, jobUid: string): Pod & KubeObject {
  const refs = (pod.metadata?.ownerReferences ?? []).filter((r) => r.uid !== jobUid);
  const finalizers = (pod.metadata?.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER);
  const metadata = { ...pod.metadata };
  if (refs.length) metadata.ownerReferences = refs;
  else delete metadata.ownerReferences;
  if (finalizers.length) metadata.finalizers = finalizers;
  else delete metadata.finalizers;
  return { ...(pod as Pod & KubeObject), metadata };
}
