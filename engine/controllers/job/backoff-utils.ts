/**
 * The pod re-creation back-off (k/k pkg/controller/job/backoff_utils.go).
 *
 * After a pod fails, the controller waits before creating its replacement: 10 s after the first
 * consecutive failure, doubling with each further one up to 10 minutes, measured from the time
 * the last failed pod finished. A success newer than the failures resets the count. The record
 * lives in the controller's memory, keyed by Job, exactly as upstream's backoffStore.
 */
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { parseRFC3339, SECOND, MINUTE, type Duration, type Instant } from '../../time/instant';

/** DefaultJobPodFailureBackOff: the first re-creation delay. */
export const DEFAULT_JOB_POD_FAILURE_BACKOFF: Duration = 10 * SECOND;
/** MaxJobPodFailureBackOff: the cap of the re-creation delay. */
export const MAX_JOB_POD_FAILURE_BACKOFF: Duration = 10 * MINUTE;

/** Consecutive failures since the last success, and when the last of them finished. */
export interface BackoffRecord {
  readonly key: string;
  readonly failuresAfterLastSuccess: number;
  readonly lastFailureTime?: Instant;
}

/** The controller's per-Job back-off records (backoffStore). */
export class BackoffStore {
  private records = new Map<string, BackoffRecord>();

  /** Stores a record (after the status that accounts for its pods was written). */
  updateBackoffRecord(record: BackoffRecord): void {
    this.records.set(record.key, record);
  }

  /** Forgets a Job (finished or deleted). */
  removeBackoffRecord(key: string): void {
    this.records.delete(key);
  }

  /** The stored record of a Job, if any. */
  get(key: string): BackoffRecord | undefined {
    return this.records.get(key);
  }

  /**
   * The record after taking the newly finished pods into account (newBackoffRecord): failures
   * add up while no newer success exists; a success counts only the failures that finished
   * strictly after it.
   */
  newBackoffRecord(key: string, newSucceededPods: Pod[], newFailedPods: Pod[]): BackoffRecord {
    const old = this.records.get(key) ?? { key, failuresAfterLastSuccess: 0 };
    const failed = sortByFinishedTime(newFailedPods);
    if (newSucceededPods.length === 0) {
      if (failed.length === 0) return old;
      return {
        key,
        failuresAfterLastSuccess: old.failuresAfterLastSuccess + failed.length,
        lastFailureTime: getFinishedTime(failed[failed.length - 1]),
      };
    }
    const succeeded = sortByFinishedTime(newSucceededPods);
    const lastSuccessTime = getFinishedTime(succeeded[succeeded.length - 1]);
    let failuresAfterLastSuccess = 0;
    let lastFailureTime: Instant | undefined;
    for (let i = failed.length - 1; i >= 0; i--) {
      const failedTime = getFinishedTime(failed[i]);
      if (!(failedTime > lastSuccessTime)) break;
      lastFailureTime ??= failedTime;
      failuresAfterLastSuccess++;
    }
    return { key, failuresAfterLastSuccess, lastFailureTime };
  }
}

/** A stable copy of `pods` ordered by finish time. */
function sortByFinishedTime(pods: Pod[]): Pod[] {
  return pods
    .map((pod) => ({ pod, t: getFinishedTime(pod) }))
    .sort((a, b) => a.t - b.t)
    .map((x) => x.pod);
}

/**
 * When a pod finished: the latest container finish time when every container terminated, else
 * when Ready turned False, else the deletion time minus the grace period, else its creation.
 */
export function getFinishedTime(pod: Pod): Instant {
  return (
    getFinishTimeFromContainers(pod) ??
    getFinishTimeFromPodReadyFalseCondition(pod) ??
    getFinishTimeFromDeletionTimestamp(pod) ??
    parseRFC3339(pod.metadata?.creationTimestamp ?? '') ??
    0
  );
}

function getFinishTimeFromContainers(pod: Pod): Instant | undefined {
  let finish = latestFinishTime(undefined, pod.status?.containerStatuses ?? [], undefined);
  // Sidecars (restartable init containers) stop after the main containers, so they count too.
  const sidecars = new Set(
    (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name),
  );
  finish = latestFinishTime(finish, pod.status?.initContainerStatuses ?? [], (name) =>
    sidecars.has(name),
  );
  return finish;
}

/** The latest finishedAt of the statuses that pass `check`; undefined if one has not finished. */
function latestFinishTime(
  previous: Instant | undefined,
  statuses: readonly ContainerStatus[],
  check: ((name: string) => boolean) | undefined,
): Instant | undefined {
  let finish = previous;
  for (const status of statuses) {
    if (check && !check(status.name)) continue;
    const at = status.state?.terminated?.finishedAt;
    const t = at ? parseRFC3339(at) : undefined;
    if (t === undefined) return undefined;
    if (finish === undefined || finish < t) finish = t;
  }
  return finish;
}

function getFinishTimeFromPodReadyFalseCondition(pod: Pod): Instant | undefined {
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready');
  if (c && c.status === 'False' && c.lastTransitionTime) return parseRFC3339(c.lastTransitionTime);
  return undefined;
}

function getFinishTimeFromDeletionTimestamp(pod: Pod): Instant | undefined {
  const ts = pod.metadata?.deletionTimestamp;
  if (!ts) return undefined;
  const t = parseRFC3339(ts);
  return t === undefined ? undefined : t - (pod.metadata?.deletionGracePeriodSeconds ?? 0) * SECOND;
}

/**
 * How long to wait at `now` before creating a pod after `failuresCount` consecutive failures,
 * the last of which finished at `lastFailureTime` (getRemainingTimeForFailuresCount).
 */
export function getRemainingTimeForFailuresCount(
  now: Instant,
  failuresCount: number,
  lastFailureTime: Instant | undefined,
  defaultBackoff: Duration = DEFAULT_JOB_POD_FAILURE_BACKOFF,
  maxBackoff: Duration = MAX_JOB_POD_FAILURE_BACKOFF,
): Duration {
  if (failuresCount === 0 || lastFailureTime === undefined) return 0;
  const backoff = backoffDuration(failuresCount, defaultBackoff, maxBackoff);
  const elapsed = now - lastFailureTime;
  return backoff < elapsed ? 0 : backoff - elapsed;
}

/** The delay after `failuresCount` consecutive failures: 10 s × 2^(n−1), capped. */
export function backoffDuration(
  failuresCount: number,
  defaultBackoff: Duration = DEFAULT_JOB_POD_FAILURE_BACKOFF,
  maxBackoff: Duration = MAX_JOB_POD_FAILURE_BACKOFF,
): Duration {
  let backoff = defaultBackoff;
  for (let i = 1; i < failuresCount; i++) {
    backoff *= 2;
    if (backoff >= maxBackoff) return maxBackoff;
  }
  return backoff;
}

/** The remaining wait of a record at `now` (backoffRecord.getRemainingTime). */
export function getRemainingTime(record: BackoffRecord, now: Instant): Duration {
  return getRemainingTimeForFailuresCount(
    now,
    record.failuresAfterLastSuccess,
    record.lastFailureTime,
  );
}
