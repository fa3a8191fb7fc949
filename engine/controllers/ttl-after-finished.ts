/**
 * The TTL-after-finished controller (k/k pkg/controller/ttlafterfinished/
 * ttlafterfinished_controller.go): deletes a finished Job spec.ttlSecondsAfterFinished seconds
 * after it finished — the lastTransitionTime of its Complete or Failed condition — with
 * Foreground propagation, so its pods go first. It records no event.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import { describeObject } from '../narration';
import { parseRFC3339, SECOND, type Instant } from '../time/instant';
import type { ClusterView, Controller, ControllerHost, ReconcileResult } from './framework';

/** The component name of the controller. */
export const TTL_AFTER_FINISHED_CONTROLLER = 'ttl-after-finished-controller';

/** A finished Job with a TTL (needsCleanup). */
function needsCleanup(job: Job): boolean {
  const ttl = job.spec?.ttlSecondsAfterFinished;
  return ttl !== undefined && ttl !== null && jobFinishTime(job) !== undefined;
}

/** When the Job finished: its Complete or Failed condition's transition time (jobFinishTime). */
function jobFinishTime(job: Job): Instant | undefined {
  for (const c of job.status?.conditions ?? []) {
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')
      return c.lastTransitionTime ? parseRFC3339(c.lastTransitionTime) : undefined;
  }
  return undefined;
}

/** The TTL-after-finished controller; keys are `namespace/name` of Jobs. */
export const ttlAfterFinishedController: Controller = {
  name: TTL_AFTER_FINISHED_CONTROLLER,

  setup(host: ControllerHost) {
    host.watch('Job', (e) => {
      if (e.type === 'DELETED') return;
      const job = e.object as unknown as Job;
      if (!job.metadata?.deletionTimestamp && needsCleanup(job))
        host.enqueue(`${job.metadata?.namespace ?? 'default'}/${job.metadata?.name}`, 0);
    });
  },

  reconcile(key: string, view: ClusterView): ReconcileResult {
    const slash = key.indexOf('/');
    const ns = key.slice(0, slash);
    const name = key.slice(slash + 1);
    const job = view.get<Job>('Job', ns, name);
    // Gone, already being deleted, unfinished or without a TTL: nothing to do.
    if (!job || job.metadata?.deletionTimestamp || !needsCleanup(job)) return {};
    // Upstream re-reads the Job from the API before deleting; the view is always current here.
    const ttl = job.spec!.ttlSecondsAfterFinished!;
    const finishedAt = jobFinishTime(job)!;
    const remaining = finishedAt + ttl * SECOND - view.now;
    // Not yet: come back exactly when the TTL runs out.
    if (remaining > 0) return { requeueAfter: remaining };
    return {
      actions: [
        {
          op: 'delete',
          kind: 'Job',
          namespace: ns,
          name,
          // The UID precondition makes sure a Job re-created under the same name survives.
          options: { propagationPolicy: 'Foreground', preconditions: { uid: job.metadata!.uid } },
        },
      ],
      explanations: [
        {
          object: describeObject('Job', ns, name),
          message: `Deleted ${ttl} s after it finished (spec.ttlSecondsAfterFinished ${ttl}); its pods are deleted first`,
          field: 'spec.ttlSecondsAfterFinished',
        },
      ],
    };
  },
};
