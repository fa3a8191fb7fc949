/**
 * Reading a Job the way the job controller does: the well-known names of the batch API
 * (k8s.io/api/batch/v1 types.go), the finished test (k/k pkg/controller/job/util/utils.go) and the
 * spec fields with the values SetDefaults_Job (k/k pkg/apis/batch/v1/defaults.go) would give them.
 *
 * The API server's Job strategy fills these defaults on create, but the controller must not
 * depend on that: every getter here falls back to the upstream default when a field is absent.
 */
import type { Job, JobCondition } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { fromLabelSelector, type Selector } from '../../api/labels';

/** The finalizer the controller puts on every pod until it has counted it (batch.JobTrackingFinalizer). */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
/** Annotation and label carrying an Indexed Job pod's completion index. */
export const JOB_COMPLETION_INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index';
/** Annotation counting the failures of an index so far (backoffLimitPerIndex). */
export const JOB_INDEX_FAILURE_COUNT_ANNOTATION = 'batch.kubernetes.io/job-index-failure-count';
/** Annotation counting the failures of an index that an Ignore rule excused. */
export const JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION =
  'batch.kubernetes.io/job-index-ignored-failure-count';
/** The label the generated selector uses (batch.kubernetes.io/controller-uid). */
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
/** The value of spec.managedBy that means "this controller" (batch.JobControllerName). */
export const JOB_CONTROLLER_NAME = 'kubernetes.io/job-controller';
/** Maximum int32, the backoffLimit default when backoffLimitPerIndex is set. */
export const MAX_INT32 = 2147483647;

/** Condition types of a Job (batch.JobConditionType). */
export type JobConditionType =
  'Suspended' | 'Complete' | 'Failed' | 'FailureTarget' | 'SuccessCriteriaMet';

/** The Job's condition of a type, if any. */
export function findConditionByType(
  conditions: readonly JobCondition[] | undefined,
  type: JobConditionType,
): JobCondition | undefined {
  return conditions?.find((c) => c.type === type);
}

/** The terminal condition type (Complete or Failed) that is True, if any (util.FinishedCondition). */
export function finishedConditionType(job: Job): 'Complete' | 'Failed' | undefined {
  for (const c of job.status?.conditions ?? []) {
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type;
  }
  return undefined;
}

/** Whether the Job has finished, successfully or not (util.IsJobFinished). */
export function isJobFinished(job: Job): boolean {
  return finishedConditionType(job) !== undefined;
}

/** spec.parallelism, defaulted to 1. */
export function jobParallelism(job: Job): number {
  return job.spec?.parallelism ?? 1;
}

/**
 * spec.completions as defaulting leaves it: 1 when both completions and parallelism are unset,
 * unset (work-queue mode) when only parallelism is set.
 */
export function jobCompletions(job: Job): number | undefined {
  const spec = job.spec;
  if (spec?.completions !== undefined && spec.completions !== null) return spec.completions;
  return spec?.parallelism === undefined || spec.parallelism === null ? 1 : undefined;
}

/** spec.backoffLimit, defaulted to 6 (or MaxInt32 when backoffLimitPerIndex is set). */
export function jobBackoffLimit(job: Job): number {
  const limit = job.spec?.backoffLimit;
  if (limit !== undefined && limit !== null) return limit;
  return hasBackoffLimitPerIndex(job) ? MAX_INT32 : 6;
}

/** Whether spec.completionMode is Indexed (isIndexedJob). */
export function isIndexedJob(job: Job): boolean {
  return job.spec?.completionMode === 'Indexed';
}

/** Whether the Job uses a per-index retry budget (hasBackoffLimitPerIndex). */
export function hasBackoffLimitPerIndex(job: Job): boolean {
  return job.spec?.backoffLimitPerIndex !== undefined && job.spec.backoffLimitPerIndex !== null;
}

/** Whether spec.suspend is true (jobSuspended). */
export function jobSuspended(job: Job): boolean {
  return job.spec?.suspend === true;
}

/**
 * Whether replacements wait until the old pod is fully terminal (onlyReplaceFailedPods):
 * podReplacementPolicy Failed, which is also the default when a podFailurePolicy is set.
 */
export function onlyReplaceFailedPods(job: Job): boolean {
  if (job.spec?.podReplacementPolicy === 'Failed') return true;
  return !!job.spec?.podFailurePolicy;
}

/**
 * The Job's pod selector: spec.selector, or (when the API server did not store one) the
 * selector the Job strategy generates from the Job's uid.
 */
export function jobSelector(job: Job): Selector {
  if (job.spec?.selector) return fromLabelSelector(job.spec.selector as LabelSelector);
  const uid = job.metadata?.uid;
  if (!uid) return fromLabelSelector(undefined);
  return fromLabelSelector({ matchLabels: { [CONTROLLER_UID_LABEL]: uid } });
}

/** The controller named in spec.managedBy when it is not this one (managedByExternalController). */
export function managedByExternalController(job: Job): string | undefined {
  const managedBy = job.spec?.managedBy;
  return managedBy && managedBy !== JOB_CONTROLLER_NAME ? managedBy : undefined;
}

/** The `namespace/name` key of a Job (controller.KeyFunc). */
export function jobKey(job: Job): string {
  return `${job.metadata?.namespace ?? 'default'}/${job.metadata?.name ?? ''}`;
}

/**
 * Whether the controller treats a pod as failed (isPodFailed): phase Failed, or, unless only
 * failed pods are replaced, being deleted without having succeeded, so that pods removed before
 * they could finish still count.
 */
export function isPodFailed(pod: Pod, job: Job): boolean {
  if (pod.status?.phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Succeeded';
}

/** A value that is neither undefined nor null (a set optional field). */
export function isSet<T>(v: T | null | undefined): v is T {
  return v !== undefined && v !== null;
}
