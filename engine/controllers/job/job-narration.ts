/**
 * The narration of the job controller's decisions (see engine/narration.ts): one plain sentence
 * per decision, naming the spec field that caused it — why this many pods were created, why the
 * next one waits, why the Job failed, succeeded, was suspended or resumed.
 *
 * These sentences are Podlab's own teaching aid; Kubernetes itself only records the Events
 * (which keep upstream's wording and are produced next to each decision).
 */
import type { Job, JobCondition } from 'kubernetes-types/batch/v1';
import { parseRFC3339, type Duration } from '../../time/instant';
import { backoffDuration } from './backoff-utils';
import { restartSum } from './job-failure';
import { jobBackoffLimit, jobCompletions, jobParallelism } from './job-util';
import type { Pod } from 'kubernetes-types/core/v1';
import { explain, pods, seconds, type SyncEnv, type SyncJobCtx } from './sync-job-context';

// Sentences name numbers and fields the learner can find in `kubectl get job -o yaml`, so each
// decision can be checked against the spec that caused it.

/** Why `wantActive` pods should run, naming the spec fields that bound the number. */
function wantedBecause(ctx: SyncJobCtx, wantActive: number): string {
  // Work queue: parallelism alone decides, until one success stops new pods altogether.
  const completions = jobCompletions(ctx.job);
  const parallelism = jobParallelism(ctx.job);
  if (completions === undefined)
    return ctx.succeeded > 0
      ? 'spec.completions is unset and a pod already succeeded, so no new pods start'
      : `spec.parallelism ${parallelism}, spec.completions unset (work queue)`;
  const remaining = Math.max(0, completions - ctx.succeeded);
  // Whichever of the two limits is the smaller one is named first.
  return wantActive === parallelism && parallelism <= remaining
    ? `spec.parallelism ${parallelism}; ${remaining} of spec.completions ${completions} still to succeed`
    : `${remaining} of spec.completions ${completions} still to succeed; spec.parallelism ${parallelism}`;
}

/** The field that bounded the wanted number of pods. */
function wantField(ctx: SyncJobCtx, wantActive: number): string {
  const completions = jobCompletions(ctx.job);
  const parallelism = jobParallelism(ctx.job);
  // The binding limit is the field a learner would change to get more (or fewer) pods.
  if (completions === undefined) return 'spec.parallelism';
  return wantActive === parallelism && parallelism <= completions - ctx.succeeded
    ? 'spec.parallelism'
    : 'spec.completions';
}

/** Pods were created to reach the wanted number. */
export function narrateCreated(env: SyncEnv, ctx: SyncJobCtx, created: number, want: number): void {
  explain(
    env,
    ctx.job,
    `Created ${pods(created)}: ${want} should run at once (${wantedBecause(ctx, want)})`,
    wantField(ctx, want),
  );
}

/** Surplus pods were deleted (parallelism lowered, or duplicate indexes). */
export function narrateDeletedSurplus(
  env: SyncEnv,
  ctx: SyncJobCtx,
  removed: number,
  running: number,
  want: number,
): void {
  explain(
    env,
    ctx.job,
    `Deleted ${pods(removed)}: ${running} were running but only ${want} ${want === 1 ? 'is' : 'are'} wanted (${wantedBecause(ctx, want)})`,
    wantField(ctx, want),
  );
}

// Suspension is the one deletion that does not count as failure: say so, since `kubectl get
// pods` shows the pods Terminating just as after a failure.
/** The pods of a suspended Job were deleted. */
export function narrateSuspendDeleted(env: SyncEnv, job: Job, removed: number): void {
  explain(
    env,
    job,
    `Suspended: deleted ${pods(removed)} without counting them as failures; no new pods while spec.suspend is true`,
    'spec.suspend',
  );
}

// The wait is the part learners find surprising: spell out the streak and the doubling.
/** A creation is held back by the Job-wide pod-failure back-off. */
export function narrateBackoff(env: SyncEnv, ctx: SyncJobCtx, remaining: Duration): void {
  // The streak includes the pods counted in this very sync.
  const failures = ctx.newBackoffRecord.failuresAfterLastSuccess;
  explain(
    env,
    ctx.job,
    `Next pod in ${seconds(remaining)}: ${failures} failure${failures === 1 ? '' : 's'} in a row so far (back-off ${seconds(backoffDuration(failures))} after the last one), spec.backoffLimit ${jobBackoffLimit(ctx.job)}`,
    'spec.backoffLimit',
  );
}

// Per-index back-off: the same doubling, counted from the index's own failures.
/** A creation is held back by the back-off of a failed index. */
export function narrateIndexBackoff(env: SyncEnv, job: Job, remaining: Duration): void {
  explain(
    env,
    job,
    `Next pod in ${seconds(remaining)}: its index failed before and waits out the back-off (spec.backoffLimitPerIndex ${job.spec?.backoffLimitPerIndex})`,
    'spec.backoffLimitPerIndex',
  );
}

// Two different counts hide behind one field: failed pods (Never) and container restarts
// (OnFailure). The sentence names the one that applied.
/** Why backoffLimit fails the Job: failed pods above it, or (OnFailure) restarts reaching it. */
export function narrateBackoffLimit(
  env: SyncEnv,
  ctx: SyncJobCtx,
  pods: readonly Pod[],
  exceeded: boolean,
): void {
  const limit = jobBackoffLimit(ctx.job);
  explain(
    env,
    ctx.job,
    exceeded
      ? `Failing the Job: ${ctx.failed} pods failed, more than spec.backoffLimit ${limit}`
      : `Failing the Job: its containers restarted ${restartSum(pods)} times, reaching spec.backoffLimit ${limit} (restartPolicy OnFailure counts restarts); the pod is deleted`,
    'spec.backoffLimit',
  );
}

// Pod failure policy, deadline and failed-index decisions share one shape of sentence.
/** A failure decided by another field: the sentence and the field. */
export function narrateFailing(env: SyncEnv, job: Job, why: string, field: string): void {
  explain(env, job, `Failing the Job: ${why}`, field);
}

// Success comes from spec.completions (or a single success in work-queue mode), or earlier
// from a successPolicy rule, which also stops the pods still running.
/** The Job met its success criteria (completions, or a successPolicy rule). */
export function narrateSucceeding(env: SyncEnv, ctx: SyncJobCtx, policyMessage?: string): void {
  const target = jobCompletions(ctx.job);
  if (policyMessage !== undefined) {
    explain(
      env,
      ctx.job,
      `Succeeding the Job: ${policyMessage.toLowerCase()} of spec.successPolicy; pods still running are deleted`,
      'spec.successPolicy',
    );
    return;
  }
  explain(
    env,
    ctx.job,
    target === undefined
      ? 'Succeeding the Job: a pod succeeded and no other pod is still running (spec.completions unset, work-queue mode)'
      : `Succeeding the Job: ${ctx.succeeded} of spec.completions ${target} pods succeeded`,
    'spec.completions',
  );
}

/** spec.suspend changed the Suspended condition. */
export function narrateSuspension(env: SyncEnv, job: Job, suspended: boolean): void {
  explain(
    env,
    job,
    suspended
      ? 'Job suspended: no pods run while spec.suspend is true'
      : 'Job resumed (spec.suspend false): its start time, and so its deadline, count from now',
    'spec.suspend',
  );
}

// The terminal condition can come seconds after the decision (pods must finish terminating and
// be counted first); this sentence marks the moment kubectl shows Complete or Failed.
/** The terminal condition was set. */
export function narrateFinished(env: SyncEnv, job: Job, finished: JobCondition): void {
  if (finished.type === 'Complete') {
    const start = parseRFC3339(job.status?.startTime ?? '');
    const end = parseRFC3339(job.status?.completionTime ?? '');
    const took =
      start !== undefined && end !== undefined ? `, ${seconds(end - start)} after it started` : '';
    explain(
      env,
      job,
      `Job complete: ${pods(job.status?.succeeded ?? 0)} succeeded${took}`,
      'spec.completions',
    );
    return;
  }
  explain(
    env,
    job,
    `Job failed (${finished.reason}): no pod is left running or uncounted; ${pods(job.status?.failed ?? 0)} failed`,
  );
}
