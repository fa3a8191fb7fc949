/**
 * Keeping the right number of pods running (k/k pkg/controller/job/job_controller.go#manageJob,
 * #deleteJobPods, #activePodsForRemoval, #getPodCreationInfoForIndependentIndexes, and
 * controller_utils.go#RealPodControl for the SuccessfulCreate / SuccessfulDelete events).
 *
 * A suspended Job gets all its active pods deleted (their finalizer removed first, so they do not
 * count as failures). Otherwise the wanted number of active pods is
 *   - with spec.completions: min(spec.parallelism, completions − succeeded);
 *   - without (work queue): spec.parallelism until the first success, then whatever still runs.
 * Surplus pods are deleted cheapest first (ActivePods order); missing ones are created — after the
 * pod-failure back-off, at most 500 per sync, in slow-start batches of 1, 2, 4, … that stop at
 * the first error.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { SECOND, type Duration } from '../../time/instant';
import {
  compareActivePods,
  getPodFromTemplate,
  getPodsPrefix,
  isPodReady,
  newJobControllerRef,
} from './controller-utils';
import {
  getFinishedTime,
  getRemainingTime,
  getRemainingTimeForFailuresCount,
} from './backoff-utils';
import {
  appendDuplicatedIndexPodsForRemoval,
  firstPendingIndexes,
  getIndexAbsoluteFailureCount,
  indexFailureCountAnnotations,
  podGenerateNameWithIndex,
  withCompletionIndexEnv,
} from './indexed-job-utils';
import {
  hasBackoffLimitPerIndex,
  isIndexedJob,
  jobCompletions,
  jobParallelism,
  jobSuspended,
  JOB_COMPLETION_INDEX_ANNOTATION,
  onlyReplaceFailedPods,
} from './job-util';
import { appendJobCompletionFinalizerIfNotFound, withoutTrackingFinalizer } from './tracking-utils';
import { recordEvent, type SyncEnv, type SyncJobCtx } from './sync-job-context';
import {
  narrateBackoff,
  narrateCreated,
  narrateDeletedSurplus,
  narrateIndexBackoff,
  narrateSuspendDeleted,
} from './job-narration';
import type { Outcome, Write } from './write-script';

/** MaxPodCreateDeletePerSync: creations or deletions in one sync. */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;
/** syncJobBatchPeriod: pod events are batched into one sync a second later. */
export const SYNC_JOB_BATCH_PERIOD: Duration = SECOND;
/** SlowStartInitialBatchSize of the pod-creation slow start. */
const SLOW_START_INITIAL_BATCH_SIZE = 1;

type ManageScript = Generator<Write[], number, Outcome[]>;

/** Creates or deletes pods toward the wanted count; returns the number of active pods after. */
export function* manageJob(ctx: SyncJobCtx, env: SyncEnv): ManageScript {
  const job = ctx.job;
  let active = ctx.activePods.length;
  const parallelism = jobParallelism(job);

  // Suspension wins over everything else: no pod may run, and the deleted ones are removed from
  // tracking first so that they count neither as succeeded nor as failed.
  if (jobSuspended(job)) {
    const podsToDelete = activePodsForRemoval(job, ctx.activePods, active);
    const { removedReady, removed } = yield* deleteJobPods(ctx, env, podsToDelete);
    active -= removed;
    ctx.terminating += removed;
    ctx.ready -= removedReady;
    if (removed > 0) narrateSuspendDeleted(env, job, removed);
    return active;
  }

  // How many pods should be active now (wantActive in manageJob).
  const completions = jobCompletions(job);
  let wantActive: number;
  if (completions === undefined) {
    // Work queue: any success means the work is done, so only what runs may finish.
    wantActive = ctx.succeeded > 0 ? active : parallelism;
  } else {
    wantActive = Math.max(0, Math.min(completions - ctx.succeeded, parallelism));
  }

  // Indexed Jobs may need deletions even when the count is right: duplicates of an index and
  // pods with an index out of range are always removed.
  const rmAtLeast = Math.max(0, active - wantActive);
  const podsToDelete = activePodsForRemoval(job, ctx.activePods, rmAtLeast).slice(
    0,
    MAX_POD_CREATE_DELETE_PER_SYNC,
  );
  if (podsToDelete.length > 0) {
    const { removedReady, removed } = yield* deleteJobPods(ctx, env, podsToDelete);
    active -= removed;
    ctx.terminating += removed;
    ctx.ready -= removedReady;
    narrateDeletedSurplus(env, ctx, removed, active + removed, wantActive);
    // A sync either deletes or creates pods, never both; deletion goes first.
    return active;
  }

  // Nothing to delete: create what is missing, unless the back-off says to wait.
  // With podReplacementPolicy Failed, a terminating pod still holds its place.
  const terminating = onlyReplaceFailedPods(job) ? ctx.terminating : 0;
  let diff = wantActive - terminating - active;
  if (diff <= 0) return active;

  // The Job-wide back-off applies unless indexes keep their own (backoffLimitPerIndex).
  if (!hasBackoffLimitPerIndex(job)) {
    const remaining = getRemainingTime(ctx.newBackoffRecord, env.now);
    if (remaining > 0) {
      env.requeue(Math.max(remaining, SYNC_JOB_BATCH_PERIOD));
      narrateBackoff(env, ctx, remaining);
      // @simplified: v1.32 returns 0 active here (a bug: status.active drops to 0 while pods
      // run, and the API server then rejects ready > active; fixed upstream by PR #139457).
      // Podlab reports the pods that are really active.
      return active;
    }
  }
  diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);

  // Indexed Jobs create exactly the missing indexes, lowest first; the count may shrink when
  // fewer indexes are pending than pods are wanted.
  let indexesToAdd: number[] = [];
  if (isIndexedJob(job)) {
    indexesToAdd = firstPendingIndexes(ctx, diff, completions ?? 0);
    if (hasBackoffLimitPerIndex(job)) {
      const info = getPodCreationInfoForIndependentIndexes(ctx, env, indexesToAdd);
      if (info.remaining > 0) {
        env.requeue(Math.max(info.remaining, SYNC_JOB_BATCH_PERIOD));
        narrateIndexBackoff(env, job, info.remaining);
        return active;
      }
      indexesToAdd = info.indexes;
    }
    diff = indexesToAdd.length;
  }
  if (diff <= 0) return active;

  // The active count assumes the creations that succeeded; failed ones are retried by a later
  // sync (requeued by createPods).
  const created = yield* createPods(ctx, env, diff, indexesToAdd);
  active += created;
  if (created > 0) narrateCreated(env, ctx, created, wantActive);
  return active;
}

// Indexes are independent: one in back-off does not hold back the others.
/**
 * Per-index back-off (getPodCreationInfoForIndependentIndexes): the indexes whose back-off has
 * passed, or — if none has — the shortest remaining wait.
 */
function getPodCreationInfoForIndependentIndexes(
  ctx: SyncJobCtx,
  env: SyncEnv,
  indexesToAdd: number[],
): { indexes: number[]; remaining: Duration } {
  const now: number[] = [];
  let min: Duration | undefined;
  for (const ix of indexesToAdd) {
    const remaining = getRemainingTimePerIndex(env, ctx.podsWithDelayedDeletionPerIndex.get(ix));
    if (remaining === 0) now.push(ix);
    else if (min === undefined || remaining < min) min = remaining;
  }
  return now.length > 0 ? { indexes: now, remaining: 0 } : { indexes: now, remaining: min ?? 0 };
}

// The replacement will be the index's (count + 1)-th failure-free attempt, hence the + 1.
/** The back-off left for an index whose last failed pod is `lastFailedPod` (getRemainingTimePerIndex). */
function getRemainingTimePerIndex(env: SyncEnv, lastFailedPod: Pod | undefined): Duration {
  if (!lastFailedPod) return 0;
  const failures = getIndexAbsoluteFailureCount(lastFailedPod) + 1;
  return getRemainingTimeForFailuresCount(env.now, failures, getFinishedTime(lastFailedPod));
}

/**
 * The pods to delete (activePodsForRemoval): for Indexed Jobs first the duplicates and pods
 * without a valid index, then — if that is not enough — the cheapest of the rest.
 */
export function activePodsForRemoval(job: Job, pods: readonly Pod[], rmAtLeast: number): Pod[] {
  let rm: Pod[] = [];
  let left: Pod[];
  if (isIndexedJob(job)) {
    ({ rm, left } = appendDuplicatedIndexPodsForRemoval(pods, jobCompletions(job) ?? 0));
  } else {
    left = [...pods];
  }
  if (rm.length < rmAtLeast) {
    left.sort(compareActivePods);
    rm = rm.concat(left.slice(0, rmAtLeast - rm.length));
  }
  return rm;
}

/**
 * Deletes pods without counting them (deleteJobPods): the tracking finalizer is removed first,
 * then the pod is deleted. A pod already gone counts as deleted.
 */
export function* deleteJobPods(
  ctx: SyncJobCtx,
  env: SyncEnv,
  podsToDelete: readonly Pod[],
): Generator<Write[], { removedReady: number; removed: number }, Outcome[]> {
  if (podsToDelete.length === 0) return { removedReady: 0, removed: 0 };
  // Failed finalizer removals, by pod; a pod already gone counts as a NotFound failure.
  const patchErrors = new Map<Pod, string>();
  const patches: Array<{ pod: Pod; write: Write }> = [];
  for (const pod of podsToDelete) {
    const fresh = livePod(env, pod);
    if (!fresh) {
      patchErrors.set(pod, 'NotFound');
      continue;
    }
    const stripped = withoutTrackingFinalizer(fresh);
    if (stripped) patches.push({ pod, write: { op: 'update', object: stripped } });
  }
  if (patches.length > 0) {
    const outcomes = yield patches.map((p) => p.write);
    outcomes.forEach((o, i) => {
      if (!o.ok) patchErrors.set(patches[i].pod, o.error.reason);
    });
  }
  // Every pod counts as removed unless an API error other than NotFound kept it.
  let removed = podsToDelete.length;
  let removedReady = 0;
  const deletions: Pod[] = [];
  for (const pod of podsToDelete) {
    const reason = patchErrors.get(pod);
    if (reason === undefined) deletions.push(pod);
    else if (reason !== 'NotFound') removed--;
  }
  // The DELETE goes out only for pods whose finalizer is gone; a ready pod counts as deleted
  // from the ready count even if the DELETE itself failed, as upstream counts it.
  if (deletions.length > 0) {
    const outcomes = yield deletions.map((pod) => deletePodWrite(pod));
    outcomes.forEach((o, i) => {
      const pod = deletions[i];
      if (o.ok) {
        recordEvent(
          env,
          ctx.job,
          'Normal',
          'SuccessfulDelete',
          `Deleted pod: ${pod.metadata!.name}`,
        );
      } else if (o.error.reason !== 'NotFound') {
        recordEvent(env, ctx.job, 'Warning', 'FailedDelete', `Error deleting: ${o.error.message}`);
        removed--;
      }
      if (isPodReady(pod)) removedReady++;
    });
  }
  return { removedReady, removed };
}

/** A plain DELETE of a pod, as RealPodControl.DeletePod sends it. */
export function deletePodWrite(pod: Pod): Write {
  return {
    op: 'delete',
    kind: 'Pod',
    namespace: pod.metadata!.namespace ?? 'default',
    name: pod.metadata!.name!,
  };
}

// Writes are built from the stored pod, never from the copy the sync started with.
/** The pod as stored now, if it is still the same pod. */
export function livePod(env: SyncEnv, pod: Pod): Pod | undefined {
  const current = env.view.get<Pod>(
    'Pod',
    pod.metadata!.namespace ?? 'default',
    pod.metadata!.name!,
  );
  return current && current.metadata?.uid === pod.metadata?.uid ? current : undefined;
}

/**
 * Creates `count` pods from the template, in slow-start batches; returns how many were
 * created. Indexed Jobs get one pod per index in `indexes`.
 */
function* createPods(
  ctx: SyncJobCtx,
  env: SyncEnv,
  count: number,
  indexes: number[],
): Generator<Write[], number, Outcome[]> {
  const job = ctx.job;
  const jobName = job.metadata!.name!;
  const ns = job.metadata!.namespace ?? 'default';
  const template = podTemplate(job);
  // Every pod points back at the Job as its controller, which blocks the Job's foreground
  // deletion until the pod is gone.
  const controllerRef = newJobControllerRef(job as unknown as KubeObject);
  // Non-indexed pods are all alike: one object serves every creation (the server copies it).
  const shared = isIndexedJob(job)
    ? undefined
    : getPodFromTemplate(template, getPodsPrefix(jobName), controllerRef);
  // Slow start: batches of 1, 2, 4, … so that a template the API server rejects costs one
  // failed request and one event, not hundreds.
  let created = 0;
  let remaining = count;
  let next = 0;
  for (
    let batchSize = Math.min(remaining, SLOW_START_INITIAL_BATCH_SIZE);
    remaining > 0;
    batchSize = Math.min(2 * batchSize, remaining)
  ) {
    // Indexed pods differ per index; the others share one object.
    const batch: Array<Pod & KubeObject> = [];
    for (let i = 0; i < batchSize; i++) {
      batch.push(shared ?? indexedPod(ctx, template, controllerRef, indexes[next++]));
    }
    // The whole batch goes out before its outcomes are looked at, as upstream's goroutines do.
    const outcomes = yield batch.map((pod) => ({
      op: 'create' as const,
      object: pod,
      namespace: ns,
    }));
    let errors = 0;
    for (const o of outcomes) {
      if (o.ok) {
        created++;
        recordEvent(
          env,
          job,
          'Normal',
          'SuccessfulCreate',
          `Created pod: ${o.value.metadata.name}`,
        );
      } else {
        errors++;
        // A namespace being deleted refuses every creation; that is expected, not reported.
        if (!isNamespaceTerminating(o.error.message))
          recordEvent(env, job, 'Warning', 'FailedCreate', `Error creating: ${o.error.message}`);
      }
    }
    remaining -= batchSize;
    // After a failed batch the rest is skipped; the next sync starts the slow start again.
    if (errors > 0) {
      if (remaining > 0) env.requeue(SYNC_JOB_BATCH_PERIOD);
      break;
    }
  }
  return created;
}

// The API server's refusal in a terminating namespace; upstream recognises it by the Status
// cause NamespaceTerminatingCause, which carries this wording.
/** The namespace-terminating refusal (NamespaceTerminatingCause). */
function isNamespaceTerminating(message: string): boolean {
  return message.includes('because it is being terminated');
}

/** The Job's pod template with the tracking finalizer (and the index variable when Indexed). */
function podTemplate(job: Job): PodTemplateSpec {
  // The finalizer is part of the pod from its creation, so no pod is ever untracked.
  const template = job.spec?.template ?? {};
  const spec = template.spec ?? { containers: [] };
  return {
    metadata: {
      ...template.metadata,
      finalizers: appendJobCompletionFinalizerIfNotFound(template.metadata?.finalizers),
    },
    spec: isIndexedJob(job)
      ? {
          ...spec,
          initContainers: withCompletionIndexEnv(spec.initContainers),
          containers: withCompletionIndexEnv(spec.containers) ?? [],
        }
      : spec,
  };
}

/** The pod for one completion index: annotation, label, hostname and generateName. */
function indexedPod(
  ctx: SyncJobCtx,
  template: PodTemplateSpec,
  controllerRef: ReturnType<typeof newJobControllerRef>,
  index: number,
): Pod & KubeObject {
  const job = ctx.job;
  const jobName = job.metadata!.name!;
  // The index travels in an annotation (what the controller reads back) and a label (for
  // selecting one index, and for the JOB_COMPLETION_INDEX downward-API variable).
  const annotations: Record<string, string> = {
    ...template.metadata?.annotations,
    [JOB_COMPLETION_INDEX_ANNOTATION]: String(index),
  };
  // With a per-index budget every pod states how many failures its index has had so far.
  if (hasBackoffLimitPerIndex(job))
    Object.assign(
      annotations,
      indexFailureCountAnnotations(job, ctx.podsWithDelayedDeletionPerIndex.get(index)),
    );
  const indexed: PodTemplateSpec = {
    metadata: {
      ...template.metadata,
      annotations,
      labels: { ...template.metadata?.labels, [JOB_COMPLETION_INDEX_ANNOTATION]: String(index) },
    },
    // A stable hostname per index lets pods of one Indexed Job find each other through a
    // headless Service.
    spec: { ...template.spec!, hostname: `${jobName}-${index}` },
  };
  return getPodFromTemplate(indexed, podGenerateNameWithIndex(jobName, index), controllerRef);
}
