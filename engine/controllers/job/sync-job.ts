/**
 * One sync of a Job (k/k pkg/controller/job/job_controller.go#syncJob, #getPodsForJob,
 * #deleteActivePods), as a WriteScript.
 *
 * The order of a sync: claim the pods; count active, ready and terminating pods and the pods that
 * finished since the last sync; decide whether the Job has failed (pod failure policy,
 * backoffLimit, activeDeadlineSeconds, failed indexes) or met its success criteria; delete the
 * active pods of a Job that is finishing, or else manage the pod count; then account for finished
 * pods in two status writes around the removal of their tracking finalizers (track-job-status.ts).
 * The terminal condition (Complete / Failed) only follows once no pod is uncounted or still
 * terminating.
 *
 * @simplified: upstream guards each sync with "expectations" (creations, deletions and finalizer
 * removals it has asked for but not yet seen in its informer cache) and skips manageJob until
 * they are met. Podlab's API writes are synchronous and the view is never stale, so the
 * expectations are always met and are not modelled.
 */
import type { Job, JobStatus } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { cloneJson } from '../../api/patch';
import { formatRFC3339, parseRFC3339, SECOND } from '../../time/instant';
import { isPodActive, isPodReady, isPodTerminating } from './controller-utils';
import { claimPods } from './controller-ref-manager';
import {
  ensureJobConditionStatus,
  JobMessage,
  JobReason,
  newCondition,
  newFailedConditionForFailureTarget,
  newFailureCondition,
} from './job-conditions';
import {
  getFailJobMessage,
  nonIgnoredFailedPodsCount,
  pastActiveDeadline,
  pastBackoffLimitOnFailure,
} from './job-failure';
import {
  findConditionByType,
  hasBackoffLimitPerIndex,
  isIndexedJob,
  isJobFinished,
  isPodFailed,
  isSet,
  jobBackoffLimit,
  jobCompletions,
  jobSelector,
  jobSuspended,
  managedByExternalController,
} from './job-util';
import {
  calculateFailedIndexes,
  calculateSucceededIndexes,
  getPodsWithDelayedDeletionPerIndex,
  hasValidIndex,
} from './indexed-job-utils';
import { total } from './ordered-intervals';
import { hasSuccessCriteriaMetCondition, matchSuccessPolicy } from './success-policy';
import { hasJobTrackingFinalizer } from './tracking-utils';
import { deletePodWrite, manageJob, SYNC_JOB_BATCH_PERIOD } from './manage-job';
import { recordEvent, type SyncEnv, type SyncJobCtx } from './sync-job-context';
import type { PodIndexLookup } from './pod-lookup';
import { trackJobStatusAndRemoveFinalizers } from './track-job-status';
import {
  narrateBackoffLimit,
  narrateFailing,
  narrateSucceeding,
  narrateSuspension,
} from './job-narration';
import type { Outcome, Write, WriteScript } from './write-script';

/**
 * Syncs the Job with this `namespace/name` key.
 *
 * The script yields its writes in upstream's order; everything it decides before its first
 * write (notably the back-off and deadline requeues) goes back with the reconcile result.
 */
export function* syncJob(key: string, env: SyncEnv, lookup: PodIndexLookup): WriteScript {
  const slash = key.indexOf('/');
  const ns = key.slice(0, slash);
  const name = key.slice(slash + 1);
  // The live Job: keys are queued by name, so the Job may have gone or been re-created since.
  const job = env.view.get<Job>('Job', ns, name);
  if (!job) {
    // Deleted: forget its back-off.
    env.backoff.removeBackoffRecord(key);
    return;
  }
  // Another controller (spec.managedBy) owns this Job's status.
  if (managedByExternalController(job)) return;
  // A finished Job is never synced again.
  if (isJobFinished(job)) {
    env.backoff.removeBackoffRecord(key);
    return;
  }
  // Validation only admits the two modes; anything else would be a newer API than this
  // controller knows, so it reports and stays away rather than guessing.
  const mode = job.spec?.completionMode;
  if (mode !== undefined && mode !== null && mode !== 'NonIndexed' && mode !== 'Indexed') {
    recordEvent(
      env,
      job,
      'Warning',
      'UnknownCompletionMode',
      'Skipped Job sync because completion mode is unknown',
    );
    return;
  }

  // The status is rebuilt on a private copy: the stored object is shared (and frozen in tests).
  // Upstream fills a missing uncountedTerminatedPods at the start of every sync, which is why
  // every Job the controller touched shows `uncountedTerminatedPods: {}` in its status.
  const status: JobStatus = cloneJson(job.status ?? {});
  status.uncountedTerminatedPods ??= {};

  // The candidates are the Job's own pods that still matter plus the namespace's orphans; a
  // manual selector may match pods nobody owns, and upstream adopts those.
  // Claim: keep, adopt or release pods by the selector.
  const claim = claimPods(job, jobSelector(job), lookup(job));
  const claimWrites: Write[] = [...claim.adopt, ...claim.release].map((object) => ({
    op: 'update',
    object,
  }));
  let pods = claim.claimed;
  // Adoptions and releases are written first; a failure other than a vanished pod aborts the
  // sync, as an error from ClaimPods does upstream.
  if (claimWrites.length > 0) {
    const outcomes: Outcome[] = yield claimWrites;
    const failedAdoptions = new Set<string>();
    for (const [i, o] of outcomes.entries()) {
      if (o.ok) continue;
      // A pod that disappeared is simply not ours; any other error aborts the sync.
      if (o.error.reason !== 'NotFound') {
        env.requeue(SYNC_JOB_BATCH_PERIOD);
        return;
      }
      if (i < claim.adopt.length) failedAdoptions.add(claim.adopt[i].metadata!.uid!);
    }
    if (failedAdoptions.size > 0) pods = pods.filter((p) => !failedAdoptions.has(p.metadata!.uid!));
  }

  // One pass over the pods: active, ready and terminating ones, and those finished since they
  // were last counted — they still carry the finalizer and are not listed as uncounted yet
  // (getNewFinishedPods; for Indexed Jobs only valid indexes count).
  const uncounted = status.uncountedTerminatedPods;
  const uncountedSucceeded = new Set(uncounted.succeeded ?? []);
  const uncountedFailed = new Set(uncounted.failed ?? []);
  const indexed = isIndexedJob(job);
  const completionsForIndex = jobCompletions(job) ?? 0;
  const activePods: Pod[] = [];
  const newSucceededPods: Pod[] = [];
  const newFailedPods: Pod[] = [];
  let ready = 0;
  let terminating = 0;
  for (const p of pods) {
    if (isPodActive(p)) {
      activePods.push(p);
      if (isPodReady(p)) ready++;
    } else if (isPodTerminating(p)) terminating++;
    if (!hasJobTrackingFinalizer(p)) continue;
    if (indexed && !hasValidIndex(p, completionsForIndex)) continue;
    const uid = p.metadata!.uid!;
    if (p.status?.phase === 'Succeeded' && !uncountedSucceeded.has(uid)) newSucceededPods.push(p);
    if (isPodFailed(p, job) && !uncountedFailed.has(uid)) newFailedPods.push(p);
  }
  const ctx: SyncJobCtx = {
    job,
    status,
    pods,
    activePods,
    succeeded: 0,
    failed: 0,
    prevSucceededIndexes: [],
    succeededIndexes: [],
    newBackoffRecord: { key, failuresAfterLastSuccess: 0 },
    uncountedSucceeded,
    uncountedFailed,
    podsWithDelayedDeletionPerIndex: new Map(),
    terminating,
    ready,
  };
  // succeeded / failed include the pods not counted yet: the decisions below (completion,
  // backoffLimit) must see them now, although the status counters change only after their
  // finalizers are gone.
  let active = activePods.length;
  ctx.succeeded = (status.succeeded ?? 0) + newSucceededPods.length + ctx.uncountedSucceeded.size;
  ctx.failed =
    (status.failed ?? 0) + nonIgnoredFailedPodsCount(ctx, newFailedPods) + ctx.uncountedFailed.size;

  // A Job created suspended has no startTime until it is resumed, which is why its DURATION
  // column stays empty.
  // First start: startTime is set once the Job is not suspended.
  if (!status.startTime && !jobSuspended(job)) status.startTime = formatRFC3339(env.now);

  // The back-off record including this sync's finished pods; it is only stored once the status
  // that counts those pods has been written (see track-job-status.ts).
  ctx.newBackoffRecord = env.backoff.newBackoffRecord(key, newSucceededPods, newFailedPods);

  // Never: each failed pod counts, and the Job fails above the limit (backoffLimit 2 allows
  // three pods in all). OnFailure pods rarely fail; their restarts are checked below instead.
  const exceedsBackoffLimit = ctx.failed > jobBackoffLimit(job);
  ctx.finishedCondition = hasSuccessCriteriaMetCondition(status);

  // The interim condition is decided in upstream's order; the first applicable one wins.
  // Once SuccessCriteriaMet is recorded the outcome is settled; otherwise failures decide first.
  if (!ctx.finishedCondition) {
    const failureTarget = findConditionByType(status.conditions, 'FailureTarget');
    if (failureTarget && failureTarget.status === 'True') {
      ctx.finishedCondition = newFailedConditionForFailureTarget(failureTarget, env.now);
    } else {
      const failJobMessage = getFailJobMessage(job, pods);
      if (failJobMessage !== undefined) {
        // The interim FailureTarget keeps the message while the pods' finalizers go.
        ctx.finishedCondition = newCondition(
          'FailureTarget',
          'True',
          JobReason.PodFailurePolicy,
          failJobMessage,
          env.now,
        );
        narrateFailing(env, job, failJobMessage, 'spec.podFailurePolicy');
      }
    }
  }
  if (!ctx.finishedCondition) {
    if (exceedsBackoffLimit || pastBackoffLimitOnFailure(job, pods)) {
      ctx.finishedCondition = newFailureCondition(
        JobReason.BackoffLimitExceeded,
        JobMessage.BackoffLimitExceeded,
        env.now,
      );
      narrateBackoffLimit(env, ctx, pods, exceedsBackoffLimit);
    } else if (pastActiveDeadline(job, status, env.now)) {
      ctx.finishedCondition = newFailureCondition(
        JobReason.DeadlineExceeded,
        JobMessage.DeadlineExceeded,
        env.now,
      );
      narrateFailing(
        env,
        job,
        `it has been active for spec.activeDeadlineSeconds ${job.spec!.activeDeadlineSeconds} s; its running pods are deleted`,
        'spec.activeDeadlineSeconds',
      );
      // No failure yet: with a deadline, make sure a sync happens exactly when it passes, even if
      // no pod changes by then.
    } else if (isSet(job.spec?.activeDeadlineSeconds) && !jobSuspended(job)) {
      // Come back exactly when the deadline passes.
      const start = parseRFC3339(status.startTime ?? '') ?? env.now;
      env.requeue(job.spec!.activeDeadlineSeconds! * SECOND - (env.now - start));
    }
  }

  // Indexed Jobs count distinct succeeded indexes rather than pods: two pods that both finish
  // index 3 make one completion.
  const completions = jobCompletions(job) ?? 0;
  if (isIndexedJob(job)) {
    const indexes = calculateSucceededIndexes(job, pods, completions);
    ctx.prevSucceededIndexes = indexes.previous;
    ctx.succeededIndexes = indexes.current;
    ctx.succeeded = total(ctx.succeededIndexes);
    if (hasBackoffLimitPerIndex(job)) {
      ctx.failedIndexes = calculateFailedIndexes(job, pods, completions);
      const failedCount = total(ctx.failedIndexes);
      if (!ctx.finishedCondition) {
        const maxFailed = job.spec?.maxFailedIndexes;
        if (isSet(maxFailed) && failedCount > maxFailed!) {
          ctx.finishedCondition = newFailureCondition(
            JobReason.MaxFailedIndexesExceeded,
            JobMessage.MaxFailedIndexesExceeded,
            env.now,
          );
          narrateFailing(
            env,
            job,
            `${failedCount} indexes failed, more than spec.maxFailedIndexes ${maxFailed}`,
            'spec.maxFailedIndexes',
          );
        } else if (failedCount > 0 && failedCount + total(ctx.succeededIndexes) >= completions) {
          ctx.finishedCondition = newFailureCondition(
            JobReason.FailedIndexes,
            JobMessage.FailedIndexes,
            env.now,
          );
          narrateFailing(
            env,
            job,
            `every index has finished and ${failedCount} of them failed (spec.backoffLimitPerIndex ${job.spec?.backoffLimitPerIndex})`,
            'spec.backoffLimitPerIndex',
          );
        }
      }
      // A failed pod whose index has no replacement yet keeps its finalizer (and so stays in
      // the API) until the replacement exists, so the failure count can be handed on.
      ctx.podsWithDelayedDeletionPerIndex = getPodsWithDelayedDeletionPerIndex({
        ...ctx,
        completions,
      });
    }
    // A successPolicy can declare success before every index succeeded; failures decided above
    // take precedence.
    if (!ctx.finishedCondition) {
      const message = matchSuccessPolicy(
        job.spec?.successPolicy,
        completions,
        ctx.succeededIndexes,
      );
      if (message !== undefined) {
        ctx.finishedCondition = newCondition(
          'SuccessCriteriaMet',
          'True',
          JobReason.SuccessPolicy,
          message,
          env.now,
        );
        narrateSucceeding(env, ctx, message);
      }
    }
  }

  // Either the outcome is decided and the remaining pods are stopped, or the pods are managed
  // and the completion test runs on the result.
  let suspendCondChanged = false;
  if (ctx.finishedCondition) {
    // The outcome is decided: stop whatever still runs.
    const { deletedReady, deleted } = yield* deleteActivePods(ctx, env, ctx.activePods);
    // The deleted pods are not active any more but still terminating: the terminal condition
    // waits for them (a pod ignoring SIGTERM keeps the Job unfinished for its grace period).
    // Only a complete sweep lets the Job finish in this sync.
    if (deleted !== active) ctx.finishedCondition = undefined;
    active -= deleted;
    ctx.terminating += deleted;
    ctx.ready -= deletedReady;
  } else {
    // A Job being deleted (foreground propagation) gets no new pods; the garbage collector is
    // removing the ones it has.
    let manageJobCalled = false;
    if (!job.metadata?.deletionTimestamp) {
      active = yield* manageJob(ctx, env);
      manageJobCalled = true;
    }
    // The completion test of syncJob, on the active count manageJob leaves behind.
    const target = jobCompletions(job);
    // Work queue: one success ends the Job once the other pods are done; otherwise count them.
    const complete =
      target === undefined
        ? ctx.succeeded > 0 && active === 0
        : ctx.succeeded >= target && active === 0;
    if (complete) {
      ctx.finishedCondition = newCondition(
        'SuccessCriteriaMet',
        'True',
        JobReason.CompletionsReached,
        JobMessage.CompletionsReached,
        env.now,
      );
      narrateSucceeding(env, ctx);
    } else if (manageJobCalled) {
      // Conditions and events only change in a sync that managed the pods.
      suspendCondChanged = updateSuspendedCondition(ctx, env);
    }
  }

  // Counters of active, ready and terminating pods are written whenever they change, even if no
  // pod finished; a change in the finished pods makes track-job-status write in any case.
  const needsStatusUpdate =
    suspendCondChanged ||
    active !== (job.status?.active ?? 0) ||
    ctx.ready !== job.status?.ready ||
    ctx.terminating !== job.status?.terminating;
  status.active = active;
  status.ready = ctx.ready;
  status.terminating = ctx.terminating;
  yield* trackJobStatusAndRemoveFinalizers(ctx, env, needsStatusUpdate);
}

/**
 * Keeps the Suspended condition in step with spec.suspend: True (JobSuspended) while suspended;
 * False (JobResumed) once resumed — a Job that was never suspended gets no condition, since a
 * missing condition is not turned into False. Each change records the matching event, and a
 * resume restarts status.startTime, so activeDeadlineSeconds counts from the resume.
 * Returns whether the condition changed.
 */
function updateSuspendedCondition(ctx: SyncJobCtx, env: SyncEnv): boolean {
  const { job, status } = ctx;
  const suspended = jobSuspended(job);
  const r = suspended
    ? ensureJobConditionStatus(
        status.conditions ?? [],
        'Suspended',
        'True',
        'JobSuspended',
        'Job suspended',
        env.now,
      )
    : ensureJobConditionStatus(
        status.conditions ?? [],
        'Suspended',
        'False',
        'JobResumed',
        'Job resumed',
        env.now,
      );
  status.conditions = r.conditions;
  if (status.conditions.length === 0) delete status.conditions;
  if (!r.changed) return false;
  if (suspended) {
    recordEvent(env, job, 'Normal', 'Suspended', 'Job suspended');
    narrateSuspension(env, job, true);
  } else {
    recordEvent(env, job, 'Normal', 'Resumed', 'Job resumed');
    status.startTime = formatRFC3339(env.now);
    narrateSuspension(env, job, false);
  }
  return true;
}

/**
 * Deletes the active pods of a Job that is finishing (deleteActivePods). Their finalizers stay:
 * the pods are counted (as failed) before they may go. A pod already gone counts as deleted;
 * any other error leaves the Job unfinished in this sync, so the next one tries again.
 */
function* deleteActivePods(
  ctx: SyncJobCtx,
  env: SyncEnv,
  activePods: Pod[],
): Generator<Write[], { deletedReady: number; deleted: number }, Outcome[]> {
  if (activePods.length === 0) return { deletedReady: 0, deleted: 0 };
  const outcomes = yield activePods.map(deletePodWrite);
  let deleted = activePods.length;
  let deletedReady = 0;
  outcomes.forEach((o, i) => {
    const pod = activePods[i];
    if (o.ok)
      recordEvent(env, ctx.job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata!.name}`);
    else if (o.error.reason !== 'NotFound') {
      recordEvent(env, ctx.job, 'Warning', 'FailedDelete', `Error deleting: ${o.error.message}`);
      deleted--;
    }
    if (isPodReady(pod)) deletedReady++;
  });
  return { deletedReady, deleted };
}
