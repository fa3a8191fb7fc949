/**
 * Indexed Jobs (k/k pkg/controller/job/indexed_job_utils.go): each pod runs one completion
 * index in [0, completions), carried in an annotation and a label and exposed to the containers
 * as JOB_COMPLETION_INDEX. The controller creates the lowest missing indexes first, removes pods
 * that duplicate an index, and — with backoffLimitPerIndex — counts failures per index in an
 * annotation handed from each failed pod to its replacement.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { compareActivePods, isPodTerminating } from './controller-utils';
import { getFinishedTime } from './backoff-utils';
import { matchPodFailurePolicy } from './pod-failure-policy';
import {
  has,
  merge,
  parseIndexesFromString,
  withOrderedIndexes,
  type Interval,
  type OrderedIntervals,
} from './ordered-intervals';
import {
  isPodFailed,
  JOB_COMPLETION_INDEX_ANNOTATION,
  JOB_INDEX_FAILURE_COUNT_ANNOTATION,
  JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION,
  onlyReplaceFailedPods,
} from './job-util';
import { hasJobTrackingFinalizer } from './tracking-utils';

/** The environment variable holding the index (completionIndexEnvName). */
export const COMPLETION_INDEX_ENV_NAME = 'JOB_COMPLETION_INDEX';
/** A pod without a (valid) index. */
export const UNKNOWN_COMPLETION_INDEX = -1;
/** names.MaxGeneratedNameLength: generateName bases are cut to 58 characters. */
const MAX_GENERATED_NAME_LENGTH = 58;

/** The completion index from a pod's annotations, or −1 (getCompletionIndex). */
export function getCompletionIndex(
  annotations: Readonly<Record<string, string>> | undefined,
): number {
  const v = annotations?.[JOB_COMPLETION_INDEX_ANNOTATION];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return UNKNOWN_COMPLETION_INDEX;
  const i = Number(v);
  return i < 0 ? UNKNOWN_COMPLETION_INDEX : i;
}

/** A pod's completion index. */
export function podIndex(pod: Pod): number {
  return getCompletionIndex(pod.metadata?.annotations);
}

/** Whether a pod has an index inside [0, completions). */
export function hasValidIndex(pod: Pod, completions: number): boolean {
  const ix = podIndex(pod);
  return ix !== UNKNOWN_COMPLETION_INDEX && ix < completions;
}

/**
 * The succeeded indexes before and after this sync (calculateSucceededIndexes): status
 * .completedIndexes, plus succeeded pods that still carry the finalizer (not counted yet).
 */
export function calculateSucceededIndexes(
  job: Job,
  pods: readonly Pod[],
  completions: number,
): { previous: Interval[]; current: Interval[] } {
  // Indexes at or above completions (left over after scaling an Indexed Job down) are dropped.
  const previous = parseIndexesFromString(job.status?.completedIndexes, completions);
  // Only pods still carrying the finalizer are new: the others are in completedIndexes already.
  const fresh = new Set<number>();
  for (const p of pods) {
    if (
      p.status?.phase === 'Succeeded' &&
      hasValidIndex(p, completions) &&
      hasJobTrackingFinalizer(p)
    )
      fresh.add(podIndex(p));
  }
  return { previous, current: withOrderedIndexes(previous, sortedNumbers(fresh)) };
}

/**
 * The failed indexes (calculateFailedIndexes): status.failedIndexes plus indexes of uncounted
 * failed pods that used up the index's retry budget or matched a FailIndex rule.
 */
export function calculateFailedIndexes(
  job: Job,
  pods: readonly Pod[],
  completions: number,
): Interval[] {
  const previous =
    job.status?.failedIndexes !== undefined && job.status.failedIndexes !== null
      ? parseIndexesFromString(job.status.failedIndexes, completions)
      : [];
  const fresh = new Set<number>();
  for (const p of pods) {
    if (hasValidIndex(p, completions) && hasJobTrackingFinalizer(p) && isIndexFailed(job, p))
      fresh.add(podIndex(p));
  }
  return withOrderedIndexes(previous, sortedNumbers(fresh));
}

/** Whether a pod's failure fails its whole index (isIndexFailed). */
export function isIndexFailed(job: Job, pod: Pod): boolean {
  // A FailIndex rule fails the index at once; otherwise a counted failure fails it when the
  // index has already used up its budget (the pod's own failure is the one over the limit).
  let counted = false;
  if (isPodFailed(pod, job)) {
    if (job.spec?.podFailurePolicy) {
      const match = matchPodFailurePolicy(job.spec.podFailurePolicy, pod);
      if (match.action === 'FailIndex') return true;
      counted = match.countFailed;
    } else {
      counted = true;
    }
  }
  return counted && getIndexFailureCount(pod) >= (job.spec?.backoffLimitPerIndex ?? 0);
}

// Pods without an index (possible only if someone edits annotations) are left out.
/** The indexes of `pods` that have one. */
export function getIndexes(pods: readonly Pod[]): Set<number> {
  const result = new Set<number>();
  for (const p of pods) {
    const ix = podIndex(p);
    if (ix !== UNKNOWN_COMPLETION_INDEX) result.add(ix);
  }
  return result;
}

/** What firstPendingIndexes needs to know about the sync. */
export interface PendingIndexesContext {
  job: Job;
  pods: readonly Pod[];
  activePods: readonly Pod[];
  succeededIndexes: OrderedIntervals;
  failedIndexes?: OrderedIntervals;
}

/**
 * The `count` lowest indexes below `completions` that no active pod runs and that have not
 * succeeded or failed; with podReplacementPolicy Failed, indexes of terminating pods are taken
 * too (firstPendingIndexes).
 */
export function firstPendingIndexes(
  ctx: PendingIndexesContext,
  count: number,
  completions: number,
): number[] {
  if (count === 0) return [];
  // Indexes already taken: succeeded ones and those an active pod runs.
  let nonPending = withOrderedIndexes(
    ctx.succeededIndexes,
    sortedNumbers(getIndexes(ctx.activePods)),
  );
  if (onlyReplaceFailedPods(ctx.job)) {
    const terminating = ctx.pods.filter(isPodTerminating);
    nonPending = withOrderedIndexes(nonPending, sortedNumbers(getIndexes(terminating)));
  }
  if (ctx.failedIndexes) nonPending = merge(nonPending, ctx.failedIndexes);
  // Walk the taken intervals, collecting the gaps below each, lowest first.
  const result: number[] = [];
  let candidate = 0;
  for (const iv of nonPending) {
    for (; candidate < completions && result.length < count && candidate < iv.first; candidate++)
      result.push(candidate);
    if (candidate < iv.last + 1) candidate = iv.last + 1;
  }
  for (; candidate < completions && result.length < count; candidate++) result.push(candidate);
  return result;
}

/**
 * Splits active pods of an Indexed Job into those to remove and those to keep
 * (appendDuplicatedIndexPodsForRemoval): pods without an index or with one out of range go, and
 * of several pods sharing an index only the one last in ActivePods order stays.
 */
export function appendDuplicatedIndexPodsForRemoval(
  pods: readonly Pod[],
  completions: number,
): { rm: Pod[]; left: Pod[] } {
  // Sorted by index, so pods sharing an index are neighbours; unknown (−1) sorts first.
  const sorted = [...pods].sort((a, b) => podIndex(a) - podIndex(b));
  const rm: Pod[] = [];
  const left: Pod[] = [];
  let group: Pod[] = [];
  let groupIndex = UNKNOWN_COMPLETION_INDEX;
  const flush = () => {
    if (group.length === 0) return;
    if (groupIndex === UNKNOWN_COMPLETION_INDEX) rm.push(...group);
    else if (group.length === 1) left.push(group[0]);
    else {
      group.sort(compareActivePods);
      rm.push(...group.slice(0, -1));
      left.push(group[group.length - 1]);
    }
  };
  for (let i = 0; i < sorted.length; i++) {
    const ix = podIndex(sorted[i]);
    if (ix >= completions) {
      flush();
      group = [];
      rm.push(...sorted.slice(i));
      return { rm, left };
    }
    if (ix !== groupIndex) {
      flush();
      group = [];
      groupIndex = ix;
    }
    group.push(sorted[i]);
  }
  flush();
  return { rm, left };
}

/** What getPodsWithDelayedDeletionPerIndex needs to know about the sync. */
export interface DelayedDeletionContext {
  job: Job;
  pods: readonly Pod[];
  activePods: readonly Pod[];
  succeededIndexes: OrderedIntervals;
  failedIndexes?: OrderedIntervals;
  completions: number;
}

/**
 * Per index, the last failed pod whose finalizer must stay until its replacement exists
 * (getPodsWithDelayedDeletionPerIndex), so the replacement can inherit the failure count.
 * Indexes that succeeded, failed for good or already run again need no such pod.
 */
export function getPodsWithDelayedDeletionPerIndex(ctx: DelayedDeletionContext): Map<number, Pod> {
  // Failed pods of indexes that are running again can go: their replacement carries the
  // count. Of several failed pods of one index, the latest (highest count) is kept.
  const activeIndexes = getIndexes(ctx.activePods);
  const result = new Map<number, Pod>();
  for (const p of ctx.pods) {
    if (!hasJobTrackingFinalizer(p) || !hasValidIndex(p, ctx.completions)) continue;
    if (!isPodFailed(p, ctx.job)) continue;
    const ix = podIndex(p);
    if (has(ctx.succeededIndexes, ix) || has(ctx.failedIndexes, ix) || activeIndexes.has(ix))
      continue;
    const last = result.get(ix);
    if (
      !last ||
      (getIndexAbsoluteFailureCount(last) <= getIndexAbsoluteFailureCount(p) &&
        !(getFinishedTime(p) < getFinishedTime(last)))
    )
      result.set(ix, p);
  }
  return result;
}

/**
 * The failure-count annotations of a replacement pod (addIndexFailureCountAnnotation): the
 * replaced pod's counts plus its own failure, as counted or ignored by the failure policy.
 */
export function indexFailureCountAnnotations(
  job: Job,
  podBeingReplaced: Pod | undefined,
): Record<string, string> {
  let failed = 0;
  let ignored = 0;
  if (podBeingReplaced) {
    failed = parseCountAnnotation(podBeingReplaced, JOB_INDEX_FAILURE_COUNT_ANNOTATION);
    ignored = parseCountAnnotation(podBeingReplaced, JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION);
    if (job.spec?.podFailurePolicy) {
      if (matchPodFailurePolicy(job.spec.podFailurePolicy, podBeingReplaced).countFailed) failed++;
      else ignored++;
    } else {
      failed++;
    }
  }
  return {
    [JOB_INDEX_FAILURE_COUNT_ANNOTATION]: String(failed),
    ...(ignored > 0 ? { [JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION]: String(ignored) } : {}),
  };
}

/** The failures an index has used up (getIndexFailureCount). */
export function getIndexFailureCount(pod: Pod): number {
  return parseCountAnnotation(pod, JOB_INDEX_FAILURE_COUNT_ANNOTATION);
}

/** Counted plus ignored failures of an index (getIndexAbsoluteFailureCount). */
export function getIndexAbsoluteFailureCount(pod: Pod): number {
  return (
    parseCountAnnotation(pod, JOB_INDEX_FAILURE_COUNT_ANNOTATION) +
    parseCountAnnotation(pod, JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION)
  );
}

// Annotations can be edited by anyone, so a bad value must not break the controller.
/** An int32 annotation; anything missing, malformed or out of range reads as 0 (parseInt32). */
function parseCountAnnotation(pod: Pod, key: string): number {
  const v = pod.metadata?.annotations?.[key];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n < 0 || n > 2147483647 ? 0 : n;
}

/**
 * Containers with JOB_COMPLETION_INDEX added, read through the downward API from the index
 * label (PodIndexLabel is on in 1.32). A container that defines the variable keeps its own.
 */
export function withCompletionIndexEnv(
  containers: readonly Container[] | undefined,
): Container[] | undefined {
  if (!containers) return undefined;
  return containers.map((c) =>
    (c.env ?? []).some((e) => e.name === COMPLETION_INDEX_ENV_NAME)
      ? c
      : {
          ...c,
          env: [
            ...(c.env ?? []),
            {
              name: COMPLETION_INDEX_ENV_NAME,
              valueFrom: {
                fieldRef: { fieldPath: `metadata.labels['${JOB_COMPLETION_INDEX_ANNOTATION}']` },
              },
            },
          ],
        },
  );
}

// The suffix -<index>- is never cut: the name must still show the index after truncation.
/** `<job>-<index>-`, the job name cut so the whole stays within 58 characters. */
export function podGenerateNameWithIndex(jobName: string, index: number): string {
  const appendIndex = `-${index}-`;
  const prefix = jobName + appendIndex;
  if (prefix.length > MAX_GENERATED_NAME_LENGTH)
    return prefix.slice(0, MAX_GENERATED_NAME_LENGTH - appendIndex.length) + appendIndex;
  return prefix;
}

// Unlike Go's sort.Sort this sort is stable; equal indexes keep their listing order.
/** Orders pods by completion index (byCompletionIndex), keeping ties in their order. */
export function byCompletionIndex(a: Pod, b: Pod): number {
  return podIndex(a) - podIndex(b);
}

function sortedNumbers(set: Set<number>): number[] {
  return [...set].sort((a, b) => a - b);
}
