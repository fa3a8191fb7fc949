/**
 * The ways a Job fails, other than failed indexes (k/k pkg/controller/job/job_controller.go
 * #pastBackoffLimitOnFailure, #pastActiveDeadline, #getFailJobMessage, #nonIgnoredFailedPodsCount).
 *
 * syncJob checks them in upstream's order: a pod matching a FailJob rule of spec.podFailurePolicy
 * first, then spec.backoffLimit — failed pods above it with restartPolicy Never, or container
 * restarts reaching it with OnFailure (the kubelet restarts those in place, so the pods never
 * fail) — and last spec.activeDeadlineSeconds, measured from status.startTime.
 */
import type { Job, JobStatus } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { parseRFC3339, SECOND, type Instant } from '../../time/instant';
import { isPodFailed, isSet, jobBackoffLimit, jobSuspended } from './job-util';
import { matchPodFailurePolicy } from './pod-failure-policy';
import type { SyncJobCtx } from './sync-job-context';

/** Failed pods that count toward backoffLimit (Ignore rules excuse some). */
export function nonIgnoredFailedPodsCount(ctx: SyncJobCtx, failedPods: Pod[]): number {
  const policy = ctx.job.spec?.podFailurePolicy;
  if (!policy) return failedPods.length;
  return failedPods.filter((p) => matchPodFailurePolicy(policy, p).countFailed).length;
}

/** The message of the first failed pod matching a FailJob rule (getFailJobMessage). */
export function getFailJobMessage(job: Job, pods: Pod[]): string | undefined {
  const policy = job.spec?.podFailurePolicy;
  if (!policy) return undefined;
  for (const p of pods) {
    if (!isPodFailed(p, job)) continue;
    const message = matchPodFailurePolicy(policy, p).jobFailureMessage;
    if (message !== undefined) return message;
  }
  return undefined;
}

/** Restarts of all containers (and init containers) of pods still Pending or Running. */
export function restartSum(pods: readonly Pod[]): number {
  let sum = 0;
  for (const p of pods) {
    const phase = p.status?.phase;
    if (phase !== 'Running' && phase !== 'Pending') continue;
    for (const c of p.status?.initContainerStatuses ?? []) sum += c.restartCount ?? 0;
    for (const c of p.status?.containerStatuses ?? []) sum += c.restartCount ?? 0;
  }
  return sum;
}

/**
 * restartPolicy OnFailure: the kubelet restarts containers in place, so their restarts stand
 * for failures (pastBackoffLimitOnFailure): the Job fails when they reach spec.backoffLimit
 * (any restart at all when the limit is 0).
 */
export function pastBackoffLimitOnFailure(job: Job, pods: Pod[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  const sum = restartSum(pods);
  const limit = jobBackoffLimit(job);
  return limit === 0 ? sum > 0 : sum >= limit;
}

/** Whether the Job has been active for spec.activeDeadlineSeconds (pastActiveDeadline). */
export function pastActiveDeadline(job: Job, status: JobStatus, now: Instant): boolean {
  const ads = job.spec?.activeDeadlineSeconds;
  if (!isSet(ads) || !status.startTime || jobSuspended(job)) return false;
  const start = parseRFC3339(status.startTime);
  return start !== undefined && now - start >= ads! * SECOND;
}
