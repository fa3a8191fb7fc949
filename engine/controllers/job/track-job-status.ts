/**
 * Tracking finished pods with finalizers (k/k pkg/controller/job/job_controller.go
 * #trackJobStatusAndRemoveFinalizers, #flushUncountedAndRemoveFinalizers,
 * #cleanUncountedPodsWithoutFinalizers, #canRemoveFinalizer, #enactJobFinished,
 * #recordJobFinished, #updateJobStatus).
 *
 * A finished pod is counted exactly once, however quickly it disappears: its uid first goes into
 * status.uncountedTerminatedPods (written to the API), then its tracking finalizer is removed, and
 * only then does it move into status.succeeded / status.failed. A crash between the steps leaves
 * the uid listed, so the next sync finishes the move instead of counting the pod again.
 *
 * Each status write is a MODIFIED watch event, so `kubectl get jobs -w` sees the same rows as
 * against a real cluster: the interim condition with the pods still uncounted, then the counters.
 */
import type { Job, JobStatus, UncountedTerminatedPods } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { parseRFC3339 } from '../../time/instant';
import { byCompletionIndex, podIndex, UNKNOWN_COMPLETION_INDEX } from './indexed-job-utils';
import {
  ensureJobConditionStatus,
  newCondition,
  newFailedConditionForFailureTarget,
} from './job-conditions';
import {
  hasBackoffLimitPerIndex,
  isIndexedJob,
  isPodFailed,
  isSet,
  jobCompletions,
} from './job-util';
import { livePod, SYNC_JOB_BATCH_PERIOD } from './manage-job';
import { has, intervalsString, total, withOrderedIndexes } from './ordered-intervals';
import { matchPodFailurePolicy } from './pod-failure-policy';
import { hasSuccessCriteriaMetCondition, isSuccessCriteriaMetCondition } from './success-policy';
import { freshJob, recordEvent, type SyncEnv, type SyncJobCtx } from './sync-job-context';
import { hasJobTrackingFinalizer, withoutTrackingFinalizer } from './tracking-utils';
import { narrateFinished } from './job-narration';
import type { Outcome, Write } from './write-script';

/** MaxUncountedPods: pods accounted for in one sync, to keep the status small. */
export const MAX_UNCOUNTED_PODS = 500;

/**
 * Whether a pod's finalizer may go now (canRemoveFinalizer): when the Job is being deleted or
 * its outcome is decided, when the pod succeeded, or when it failed — unless, with
 * backoffLimitPerIndex, it must wait for its replacement to inherit the failure count.
 */
function canRemoveFinalizer(ctx: SyncJobCtx, pod: Pod, considerPodFailed: boolean): boolean {
  if (
    ctx.job.metadata?.deletionTimestamp ||
    ctx.finishedCondition ||
    pod.status?.phase === 'Succeeded'
  )
    return true;
  if (!considerPodFailed) return false;
  if (hasBackoffLimitPerIndex(ctx.job)) {
    const ix = podIndex(pod);
    if (ix !== UNKNOWN_COMPLETION_INDEX) {
      const delayed = ctx.podsWithDelayedDeletionPerIndex.get(ix);
      if (delayed && delayed.metadata?.uid === pod.metadata?.uid) return false;
    }
  }
  return true;
}

/**
 * Accounts for finished pods (trackJobStatusAndRemoveFinalizers):
 *  1. list them in status.uncountedTerminatedPods (with the interim condition) and write that;
 *  2. remove their tracking finalizers;
 *  3. move the ones whose finalizer went into the succeeded / failed counters;
 *  4. add the terminal condition when nothing is left uncounted or terminating, and write again.
 * At most 500 pods are handled per sync; the rest wait for the next one.
 */
export function* trackJobStatusAndRemoveFinalizers(
  ctx: SyncJobCtx,
  env: SyncEnv,
  needsFlushIn: boolean,
): Generator<Write[], void, Outcome[]> {
  let needsFlush = needsFlushIn;
  const job = ctx.job;
  const status = ctx.status;
  const indexed = isIndexedJob(job);
  const completions = jobCompletions(job) ?? 0;
  const uncounted = status.uncountedTerminatedPods as { succeeded?: string[]; failed?: string[] };
  uncounted.succeeded = [...(uncounted.succeeded ?? [])];
  uncounted.failed = [...(uncounted.failed ?? [])];
  // The uids of pods whose finalizer is still on: an uncounted uid not among them has been
  // handled (its finalizer removed) and can move into the counters.
  // Complete indexes are introduced in order.
  const pods = indexed ? [...ctx.pods].sort(byCompletionIndex) : ctx.pods;
  const uidsWithFinalizer = new Set<string>();
  for (const p of pods) if (hasJobTrackingFinalizer(p)) uidsWithFinalizer.add(p.metadata!.uid!);

  if (cleanUncountedPodsWithoutFinalizers(status, uidsWithFinalizer)) needsFlush = true;
  // Decide, pod by pod, which finalizers go now and which pods become uncounted outcomes.
  const podsToRemoveFinalizer: Pod[] = [];
  const newSucceededIndexes: number[] = [];
  let reachedMaxUncountedPods = false;
  for (const pod of pods) {
    // Pods without the finalizer were accounted for in an earlier sync.
    if (!hasJobTrackingFinalizer(pod)) continue;
    const uid = pod.metadata!.uid!;
    const considerPodFailed = isPodFailed(pod, job);
    if (!canRemoveFinalizer(ctx, pod, considerPodFailed)) continue;
    podsToRemoveFinalizer.push(pod);
    if (pod.status?.phase === 'Succeeded' && !ctx.uncountedFailed.has(uid)) {
      if (indexed) {
        // The index alone prevents counting a success twice.
        const ix = podIndex(pod);
        if (
          ix !== UNKNOWN_COMPLETION_INDEX &&
          ix < completions &&
          !has(ctx.prevSucceededIndexes, ix)
        ) {
          newSucceededIndexes.push(ix);
          needsFlush = true;
        }
      } else if (!ctx.uncountedSucceeded.has(uid)) {
        needsFlush = true;
        uncounted.succeeded.push(uid);
      }
    } else if (
      considerPodFailed ||
      (ctx.finishedCondition && !isSuccessCriteriaMetCondition(ctx.finishedCondition))
    ) {
      // Once the Job is failing, every pod that did not succeed counts as failed.
      const ix = podIndex(pod);
      if (
        !ctx.uncountedFailed.has(uid) &&
        (!indexed || (ix !== UNKNOWN_COMPLETION_INDEX && ix < completions))
      ) {
        const policy = job.spec?.podFailurePolicy;
        if (!policy || matchPodFailurePolicy(policy, pod).countFailed) {
          needsFlush = true;
          uncounted.failed.push(uid);
        }
      }
    }
    if (
      newSucceededIndexes.length + uncounted.succeeded.length + uncounted.failed.length >=
      MAX_UNCOUNTED_PODS
    ) {
      // Enough for one sync; the status and pod updates bring the Job back for the rest.
      reachedMaxUncountedPods = true;
      break;
    }
  }
  // Indexed Jobs keep their succeeded (and failed) indexes as interval strings instead of
  // uids; a change there needs a write like a new uncounted uid does.
  if (indexed) {
    ctx.succeededIndexes = withOrderedIndexes(
      ctx.succeededIndexes,
      newSucceededIndexes.sort((a, b) => a - b),
    );
    const completed = intervalsString(ctx.succeededIndexes);
    if (completed !== (status.completedIndexes ?? '')) needsFlush = true;
    status.succeeded = total(ctx.succeededIndexes);
    status.completedIndexes = completed;
    const failedIndexes = ctx.failedIndexes ? intervalsString(ctx.failedIndexes) : undefined;
    if (failedIndexes !== status.failedIndexes) {
      status.failedIndexes = failedIndexes;
      needsFlush = true;
    }
  }
  if (ctx.finishedCondition?.type === 'FailureTarget') {
    // Record the interim FailureTarget before the finalizers go; Failed comes after.
    status.conditions = [...(status.conditions ?? []), ctx.finishedCondition];
    needsFlush = true;
    ctx.finishedCondition = newFailedConditionForFailureTarget(ctx.finishedCondition, env.now);
  }
  if (isSuccessCriteriaMetCondition(ctx.finishedCondition)) {
    if (!hasSuccessCriteriaMetCondition(status)) {
      status.conditions = [...(status.conditions ?? []), ctx.finishedCondition!];
      needsFlush = true;
    }
    const c = ctx.finishedCondition!;
    ctx.finishedCondition = newCondition(
      'Complete',
      'True',
      c.reason ?? '',
      c.message ?? '',
      env.now,
    );
  }

  // Write the uncounted uids (and the interim condition) before touching any finalizer: if
  // the sync stopped after the removals, the uids would still say what to count.
  // flushUncountedAndRemoveFinalizers
  let current: Job = job;
  if (needsFlush) {
    const written = yield* writeStatus(ctx, env, current);
    if (!written) return;
    current = written;
    // The back-off record follows the status it was computed with.
    env.backoff.updateBackoffRecord(ctx.newBackoffRecord);
    needsFlush = false;
  }
  // Remove the finalizers, reading each pod afresh (the equivalent of upstream's patch), so
  // earlier writes of this sync — a deletion, say — are not undone.
  let removalFailed = false;
  if (podsToRemoveFinalizer.length > 0) {
    const removals: Array<{ pod: Pod; write?: Write }> = podsToRemoveFinalizer.map((pod) => {
      const live = livePod(env, pod);
      const stripped = live && withoutTrackingFinalizer(live);
      return { pod, write: stripped ? { op: 'update', object: stripped } : undefined };
    });
    const writes = removals.filter((r) => r.write).map((r) => r.write!);
    const outcomes = writes.length > 0 ? yield writes : [];
    let k = 0;
    for (const r of removals) {
      // A pod already gone, or already without the finalizer, counts as removed.
      const o = r.write ? outcomes[k++] : undefined;
      if (!o || o.ok || o.error.reason === 'NotFound')
        uidsWithFinalizer.delete(r.pod.metadata!.uid!);
      else removalFailed = true;
    }
  }
  if (cleanUncountedPodsWithoutFinalizers(status, uidsWithFinalizer)) needsFlush = true;
  if (removalFailed) {
    // Keep what did work, and try the rest again.
    if (needsFlush) yield* writeStatus(ctx, env, current);
    env.requeue(SYNC_JOB_BATCH_PERIOD);
    return;
  }
  // With more than 500 finished pods waiting, the Job cannot be finished in this sync: the
  // rest are counted first.
  const jobFinished = !reachedMaxUncountedPods && enactJobFinished(ctx);
  if (jobFinished) needsFlush = true;
  if (needsFlush) {
    const written = yield* writeStatus(ctx, env, current);
    if (written && jobFinished) recordJobFinished(ctx, env, written);
  }
}

// This is the only place where status.succeeded and status.failed grow.
/**
 * Moves pods whose finalizer is gone from uncountedTerminatedPods into the counters
 * (cleanUncountedPodsWithoutFinalizers). Returns whether anything changed.
 */
function cleanUncountedPodsWithoutFinalizers(
  status: JobStatus,
  uidsWithFinalizer: Set<string>,
): boolean {
  const uncounted = status.uncountedTerminatedPods as UncountedTerminatedPods & {
    succeeded?: string[];
    failed?: string[];
  };
  let updated = false;
  const succeeded = (uncounted.succeeded ?? []).filter((uid) => uidsWithFinalizer.has(uid));
  if (succeeded.length !== (uncounted.succeeded ?? []).length) {
    updated = true;
    status.succeeded = (status.succeeded ?? 0) + (uncounted.succeeded!.length - succeeded.length);
    uncounted.succeeded = succeeded;
  }
  const failed = (uncounted.failed ?? []).filter((uid) => uidsWithFinalizer.has(uid));
  if (failed.length !== (uncounted.failed ?? []).length) {
    updated = true;
    status.failed = (status.failed ?? 0) + (uncounted.failed!.length - failed.length);
    uncounted.failed = failed;
  }
  return updated;
}

/**
 * Adds the terminal condition (enactJobFinished) unless pods are still uncounted or
 * terminating; a completed Job also gets its completionTime.
 */
function enactJobFinished(ctx: SyncJobCtx): boolean {
  const finished = ctx.finishedCondition;
  if (!finished) return false;
  const uncounted = ctx.status.uncountedTerminatedPods ?? {};
  if ((uncounted.succeeded?.length ?? 0) + (uncounted.failed?.length ?? 0) > 0) return false;
  // v1.32 waits for terminating pods before declaring the Job finished.
  if (ctx.terminating > 0) return false;
  const r = ensureJobConditionStatus(
    ctx.status.conditions ?? [],
    finished.type as 'Complete' | 'Failed',
    'True',
    finished.reason ?? '',
    finished.message ?? '',
    parseRFC3339(finished.lastTransitionTime!)!,
  );
  ctx.status.conditions = r.conditions;
  if (finished.type === 'Complete') ctx.status.completionTime = finished.lastTransitionTime;
  return true;
}

/** The events of a finished Job (recordJobFinished). */
function recordJobFinished(ctx: SyncJobCtx, env: SyncEnv, job: Job): void {
  const finished = ctx.finishedCondition!;
  if (finished.type === 'Complete') {
    const completions = job.spec?.completions;
    if (isSet(completions) && (job.status?.succeeded ?? 0) > completions!)
      recordEvent(
        env,
        job,
        'Warning',
        'TooManySucceededPods',
        'Too many succeeded pods running after completion count reached',
      );
    recordEvent(env, job, 'Normal', 'Completed', 'Job completed');
    narrateFinished(env, job, finished);
  } else {
    recordEvent(env, job, 'Warning', finished.reason ?? '', finished.message ?? '');
    narrateFinished(env, job, finished);
  }
}

/**
 * Writes the status being built on top of the live Job (updateJobStatus); returns the stored
 * Job, or undefined (and a retry a second later) when the write failed.
 */
function* writeStatus(
  ctx: SyncJobCtx,
  env: SyncEnv,
  current: Job,
): Generator<Write[], Job | undefined, Outcome[]> {
  const live = freshJob(env, current) ?? current;
  const object = { ...(live as unknown as KubeObject), status: serializeStatus(ctx.status) };
  const [outcome] = yield [{ op: 'update', object, status: true }];
  if (!outcome.ok) {
    env.requeue(SYNC_JOB_BATCH_PERIOD);
    return undefined;
  }
  return outcome.value as unknown as Job;
}

/**
 * The status as the API serialises it: zero counters, an empty completedIndexes and empty
 * lists are omitted (omitempty), while ready and terminating always show.
 */
export function serializeStatus(status: JobStatus): JobStatus {
  const out: JobStatus = { ...status };
  const u = status.uncountedTerminatedPods ?? {};
  out.uncountedTerminatedPods = {
    ...(u.succeeded?.length ? { succeeded: [...u.succeeded] } : {}),
    ...(u.failed?.length ? { failed: [...u.failed] } : {}),
  };
  for (const k of ['active', 'succeeded', 'failed'] as const) if (!out[k]) delete out[k];
  if (!out.completedIndexes) delete out.completedIndexes;
  if (out.failedIndexes === undefined) delete out.failedIndexes;
  if (!out.conditions?.length) delete out.conditions;
  if (!out.startTime) delete out.startTime;
  if (!out.completionTime) delete out.completionTime;
  return out;
}
