/**
 * The pod tracking finalizer (k/k pkg/controller/job/tracking_utils.go, job_controller.go
 * #removeTrackingFinalizerPatch, #appendJobCompletionFinalizerIfNotFound).
 *
 * Every Job pod is created with `batch.kubernetes.io/job-tracking`; the controller removes it
 * only after the pod's outcome is in the Job's status counters, so a pod that finishes and is
 * deleted at once (by a user, the garbage collector or pod GC) is still counted exactly once.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { JOB_TRACKING_FINALIZER } from './job-util';

/** Whether the pod still carries the tracking finalizer. */
export function hasJobTrackingFinalizer(pod: Pod): boolean {
  return pod.metadata?.finalizers?.includes(JOB_TRACKING_FINALIZER) ?? false;
}

/** The finalizer list with the tracking finalizer added once. */
export function appendJobCompletionFinalizerIfNotFound(
  finalizers: readonly string[] | undefined,
): string[] {
  const list = [...(finalizers ?? [])];
  if (!list.includes(JOB_TRACKING_FINALIZER)) list.push(JOB_TRACKING_FINALIZER);
  return list;
}

/**
 * The pod without the tracking finalizer, ready to be written back, or undefined when it has
 * none. This is what the `$deleteFromPrimitiveList/finalizers` patch does: other finalizers stay.
 */
export function withoutTrackingFinalizer(pod: Pod): (Pod & KubeObject) | undefined {
  if (!hasJobTrackingFinalizer(pod)) return undefined;
  const finalizers = pod.metadata!.finalizers!.filter((f) => f !== JOB_TRACKING_FINALIZER);
  const metadata = { ...pod.metadata };
  if (finalizers.length > 0) metadata.finalizers = finalizers;
  else delete metadata.finalizers;
  return { ...(pod as Pod & KubeObject), metadata };
}
