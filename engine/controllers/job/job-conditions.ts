/**
 * Job conditions as the job controller writes them (k/k pkg/controller/job/job_controller.go
 * #newCondition, #ensureJobConditionStatus, #newFailedConditionForFailureTarget).
 *
 * v1.32 finishes a Job in two steps: first an interim condition (SuccessCriteriaMet or
 * FailureTarget) as soon as the outcome is decided, then the terminal one (Complete or Failed)
 * with the same reason and message once every pod is terminal and counted.
 */
import type { JobCondition } from 'kubernetes-types/batch/v1';
import { formatRFC3339, type Instant } from '../../time/instant';
import type { JobConditionType } from './job-util';

/** Condition reasons of the batch API (batch.JobReason*). */
export const JobReason = {
  BackoffLimitExceeded: 'BackoffLimitExceeded',
  DeadlineExceeded: 'DeadlineExceeded',
  PodFailurePolicy: 'PodFailurePolicy',
  MaxFailedIndexesExceeded: 'MaxFailedIndexesExceeded',
  FailedIndexes: 'FailedIndexes',
  SuccessPolicy: 'SuccessPolicy',
  CompletionsReached: 'CompletionsReached',
} as const;

/** The messages that go with the reasons (fixed strings of the job controller). */
export const JobMessage = {
  BackoffLimitExceeded: 'Job has reached the specified backoff limit',
  DeadlineExceeded: 'Job was active longer than specified deadline',
  MaxFailedIndexesExceeded: 'Job has exceeded the specified maximal number of failed indexes',
  FailedIndexes: 'Job has failed indexes',
  CompletionsReached: 'Reached expected number of succeeded pods',
} as const;

/**
 * A condition with both timestamps at `now`; reason and message are left out when empty, as
 * their JSON tags are omitempty.
 */
export function newCondition(
  type: JobConditionType,
  status: 'True' | 'False',
  reason: string,
  message: string,
  now: Instant,
): JobCondition {
  const time = formatRFC3339(now);
  return {
    type,
    status,
    lastProbeTime: time,
    lastTransitionTime: time,
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  };
}

/** The terminal Failed condition that follows an interim FailureTarget (same reason and message). */
export function newFailedConditionForFailureTarget(
  condition: JobCondition,
  now: Instant,
): JobCondition {
  return newCondition('Failed', 'True', condition.reason ?? '', condition.message ?? '', now);
}

/**
 * Sets a condition's status, replacing it (with fresh timestamps) when its status, reason or
 * message differ. A missing condition is only added when the new status is not False: going
 * from "no condition" to False says nothing. Returns the new list and whether it changed.
 */
export function ensureJobConditionStatus(
  list: readonly JobCondition[],
  type: JobConditionType,
  status: 'True' | 'False',
  reason: string,
  message: string,
  now: Instant,
): { conditions: JobCondition[]; changed: boolean } {
  const index = list.findIndex((c) => c.type === type);
  if (index >= 0) {
    const current = list[index];
    if (
      current.status !== status ||
      (current.reason ?? '') !== reason ||
      (current.message ?? '') !== message
    ) {
      const conditions = [...list];
      conditions[index] = newCondition(type, status, reason, message, now);
      return { conditions, changed: true };
    }
    return { conditions: [...list], changed: false };
  }
  if (status !== 'False') {
    return {
      conditions: [...list, newCondition(type, status, reason, message, now)],
      changed: true,
    };
  }
  return { conditions: [...list], changed: false };
}

/** A failure decided now: in v1.32 it first shows as FailureTarget (delayTerminalCondition). */
export function newFailureCondition(reason: string, message: string, now: Instant): JobCondition {
  return newCondition('FailureTarget', 'True', reason, message, now);
}
