/**
 * Helpers of the CronJob controller for its active list and its Jobs, mirroring k/k
 * pkg/controller/cronjob/utils.go (inActiveList, inActiveListByName, deleteFromActiveList,
 * byJobStartTime) and cronjob_controllerv2.go (getRef, getFinishedStatus).
 */
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { ObjectReference } from 'kubernetes-types/core/v1';
import { parseRFC3339, type Instant } from '../../time/instant';
import { finishedConditionType } from '../job/job-util';

/** Whether a Job with this uid is in status.active. */
export function inActiveList(cj: CronJob, uid: string | undefined): boolean {
  return (cj.status?.active ?? []).some((ref) => ref.uid === uid);
}

/** Whether a Job with this name and namespace is in status.active (the name is the lock). */
export function inActiveListByName(cj: CronJob, name: string, namespace: string): boolean {
  return (cj.status?.active ?? []).some((ref) => ref.name === name && ref.namespace === namespace);
}

/** Drops the Job with this uid from status.active (in place on a copy). */
export function deleteFromActiveList(cj: CronJob, uid: string | undefined): void {
  const status = (cj.status ??= {});
  status.active = (status.active ?? []).filter((ref) => ref.uid !== uid);
}

/** An ObjectReference to a Job, as client-go's reference.GetReference builds it. */
export function getRef(job: Job): ObjectReference {
  return {
    kind: 'Job',
    namespace: job.metadata?.namespace,
    name: job.metadata?.name,
    uid: job.metadata?.uid,
    apiVersion: 'batch/v1',
    resourceVersion: job.metadata?.resourceVersion,
  };
}

/** The Job's terminal condition type, if it finished (getFinishedStatus). */
export function getFinishedStatus(job: Job): 'Complete' | 'Failed' | undefined {
  return finishedConditionType(job);
}

function startTime(job: Job): Instant | undefined {
  const t = job.status?.startTime;
  return t ? parseRFC3339(t) : undefined;
}

/**
 * byJobStartTime: oldest status.startTime first, Jobs without a start time last, ties by name.
 * Returns a sorted copy.
 */
export function sortByJobStartTime(jobs: readonly Job[]): Job[] {
  return [...jobs].sort((a, b) => {
    const ta = startTime(a);
    const tb = startTime(b);
    if (ta === undefined && tb !== undefined) return 1;
    if (ta !== undefined && tb === undefined) return -1;
    if (ta === tb) {
      const na = a.metadata?.name ?? '';
      const nb = b.metadata?.name ?? '';
      return na < nb ? -1 : na > nb ? 1 : 0;
    }
    return (ta ?? 0) - (tb ?? 0);
  });
}

/** `namespace/name`: the work-queue key of a CronJob. */
export function cronJobKey(cj: { metadata?: { namespace?: string; name?: string } }): string {
  return `${cj.metadata?.namespace ?? 'default'}/${cj.metadata?.name ?? ''}`;
}
