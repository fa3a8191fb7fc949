/**
 * One sync of a CronJob, as k/k pkg/controller/cronjob/cronjob_controllerv2.go#sync does it:
 * cleanupFinishedJobs (history limits), then syncCronJob (observe finished and missing Jobs,
 * then maybe start the Job for the most recent unmet schedule time), then one status write.
 *
 * Written as a WriteScript (see ../job/write-script.ts) so it reads like upstream's code: each
 * API call is a yielded write whose outcome comes back before the sync goes on.
 */
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { EventIntent } from '../../api/events';
import type { KubeObject } from '../../api/object';
import { cloneJson } from '../../api/patch';
import type { Explanation } from '../../narration';
import {
  formatRFC3339,
  parseRFC3339,
  SECOND,
  type Duration,
  type Instant,
} from '../../time/instant';
import {
  cronJobScheduleState,
  formatSchedule,
  invalidScheduleEvent,
  jobNameFor,
  loadLocation,
  missScheduleEvent,
  mostRecentScheduleTime,
  nextScheduleTime,
  nextScheduleTimeDuration,
  parseStandard,
  tooManyMissedTimesEvent,
  unknownTimeZoneEvent,
  unparseableScheduleEvent,
  unsupportedScheduleEvent,
  type Schedule,
  type ScheduleParseResult,
  type ScheduleEvent,
} from '../cron';
import type { ClusterView } from '../framework';
import { getControllerOf } from '../job/controller-utils';
import { finishedConditionType, isJobFinished } from '../job/job-util';
import type { Outcome, ScriptSink, Write } from '../job/write-script';
import {
  deleteFromActiveList,
  getFinishedStatus,
  getRef,
  inActiveList,
  inActiveListByName,
  sortByJobStartTime,
} from './cronjob-utils';
import {
  narrateBadSchedule,
  narrateCreated,
  narrateDeadlinePassed,
  narrateFinished,
  narrateForbidSkip,
  narrateHistoryDelete,
  narrateReplaced,
  narrateSuspended,
  narrateTooManyMissed,
  explainCronJob,
} from './cronjob-narration';
import { getJobFromTemplate2 } from './job-from-template';

/** What a sync needs from its controller. */
export interface CronJobSyncEnv {
  readonly view: ClusterView;
  readonly now: Instant;
  readonly sink: ScriptSink;
  /** Called once, when the sync ends: requeue after a delay, or back off after an error. */
  finish(requeueAfter: Duration | undefined, error?: string): void;
}

/** What syncCronJob hands back to sync. */
interface SyncResult {
  requeueAfter?: Duration;
  updateStatus: boolean;
  error?: string;
}

type Step<T> = Generator<Write[], T, Outcome[]>;

/** Records an event about the CronJob (the original object names it). */
function record(
  env: CronJobSyncEnv,
  cj: CronJob,
  event: ScheduleEvent | Omit<EventIntent, 'object'>,
): void {
  env.sink.events.push({ ...event, object: cj as unknown as KubeObject });
}

function tell(env: CronJobSyncEnv, e: Explanation): void {
  env.sink.explanations.push(e);
}

// Parsing is pure, and a CronJob syncs several times per run with the same schedule text.
const parsedSchedules = new Map<string, ScheduleParseResult>();

/** parseStandard, remembered per schedule text (a bounded cache, dropped whole when full). */
export function parseCached(spec: string): ScheduleParseResult {
  let parsed = parsedSchedules.get(spec);
  if (parsed === undefined) {
    if (parsedSchedules.size >= 512) parsedSchedules.clear();
    parsedSchedules.set(spec, (parsed = parseStandard(spec)));
  }
  return parsed;
}

/** The sync of one `namespace/name` key. */
export function* syncCronJobKey(key: string, env: CronJobSyncEnv): Step<void> {
  const slash = key.indexOf('/');
  const cronJob = env.view.get<CronJob>('CronJob', key.slice(0, slash), key.slice(slash + 1));
  // Deleted: its Jobs go with it through the garbage collector; nothing to requeue.
  if (!cronJob) return env.finish(undefined);
  const jobs = getJobsToBeReconciled(env.view, cronJob);
  // One working copy collects every status change, written once at the end.
  const cj = cloneJson(cronJob);
  const updateStatusAfterCleanup = yield* cleanupFinishedJobs(env, cj, jobs);
  const result = yield* syncCronJob(env, cj, jobs);
  if (updateStatusAfterCleanup || result.updateStatus) {
    // Go serialises an empty active list as nothing (omitempty).
    if (cj.status?.active?.length === 0) delete cj.status.active;
    const [written] = yield [{ op: 'update', object: cj as unknown as KubeObject, status: true }];
    if (!written.ok) return env.finish(undefined, written.error.message);
  }
  if (result.requeueAfter !== undefined) return env.finish(result.requeueAfter);
  env.finish(undefined, result.error);
}

/**
 * getJobsToBeReconciled: every Job of the namespace whose controller reference names this
 * CronJob (by name, as upstream matches), including Jobs whose labels no longer match.
 */
export function getJobsToBeReconciled(view: ClusterView, cj: CronJob): Job[] {
  const name = cj.metadata?.name;
  return view
    .list<Job>('Job', cj.metadata?.namespace ?? 'default')
    .filter((job) => getControllerOf(job)?.name === name);
}

// ------------------------------------------------------------------------------ history limits

/** cleanupFinishedJobs: keeps at most the history limits of successful and failed Jobs. */
function* cleanupFinishedJobs(env: CronJobSyncEnv, cj: CronJob, jobs: Job[]): Step<boolean> {
  const successLimit = cj.spec?.successfulJobsHistoryLimit;
  const failedLimit = cj.spec?.failedJobsHistoryLimit;
  if (
    (failedLimit === undefined || failedLimit === null) &&
    (successLimit === undefined || successLimit === null)
  )
    return false;
  const successful: Job[] = [];
  const failed: Job[] = [];
  for (const job of jobs) {
    const status = getFinishedStatus(job);
    if (status === 'Complete') successful.push(job);
    else if (status === 'Failed') failed.push(job);
  }
  let updateStatus = false;
  if (successLimit !== undefined && successLimit !== null) {
    if (yield* removeOldestJobs(env, cj, successful, successLimit, 'successful'))
      updateStatus = true;
  }
  if (failedLimit !== undefined && failedLimit !== null) {
    if (yield* removeOldestJobs(env, cj, failed, failedLimit, 'failed')) updateStatus = true;
  }
  return updateStatus;
}

/** removeOldestJobs: deletes the oldest (by status.startTime) beyond `maxJobs`. */
function* removeOldestJobs(
  env: CronJobSyncEnv,
  cj: CronJob,
  jobs: Job[],
  maxJobs: number,
  kind: 'successful' | 'failed',
): Step<boolean> {
  const numToDelete = jobs.length - maxJobs;
  if (numToDelete <= 0) return false;
  const victims = sortByJobStartTime(jobs).slice(0, numToDelete);
  // The deletes are independent: send them as one batch, then report each outcome in order.
  const outcomes = yield victims.map(deleteWrite);
  let updateStatus = false;
  victims.forEach((job, i) => {
    if (reportDelete(env, cj, job, outcomes[i])) {
      updateStatus = true;
      tell(env, narrateHistoryDelete(cj, job.metadata?.name ?? '', kind, maxJobs));
    }
  });
  return updateStatus;
}

/** jobControl.DeleteJob: background propagation, so the Job goes first and its pods after. */
function deleteWrite(job: Job): Write {
  return {
    op: 'delete',
    kind: 'Job',
    namespace: job.metadata?.namespace ?? 'default',
    name: job.metadata?.name ?? '',
    options: { propagationPolicy: 'Background' },
  };
}

/** deleteJob's bookkeeping after the API answered: the active list and the event. */
function reportDelete(env: CronJobSyncEnv, cj: CronJob, job: Job, outcome: Outcome): boolean {
  if (!outcome.ok) {
    record(env, cj, {
      type: 'Warning',
      reason: 'FailedDelete',
      message: `Deleted job: ${outcome.error.message}`,
    });
    return false;
  }
  deleteFromActiveList(cj, job.metadata?.uid);
  record(env, cj, {
    type: 'Normal',
    reason: 'SuccessfulDelete',
    message: `Deleted job ${job.metadata?.name}`,
  });
  return true;
}

// ------------------------------------------------------------------------------------- syncCronJob

/** syncCronJob: reconciles the CronJob with its Jobs and maybe starts one. */
function* syncCronJob(env: CronJobSyncEnv, cj: CronJob, jobs: Job[]): Step<SyncResult> {
  const { view, now } = env;
  let updateStatus = false;
  const status = (cj.status ??= {});

  const children = new Set<string | undefined>();
  for (const j of jobs) {
    children.add(j.metadata?.uid);
    const found = inActiveList(cj, j.metadata?.uid);
    const finished = isJobFinished(j);
    if (!found && !finished) {
      // Upstream re-reads the CronJob first, in case its lister was stale; the view never is.
      record(env, cj, {
        type: 'Warning',
        reason: 'UnexpectedJob',
        message: `Saw a job that the controller did not create or forgot: ${j.metadata?.name}`,
      });
      tell(
        env,
        explainCronJob(
          cj,
          `Job ${j.metadata?.name} names this CronJob as its controller but is not in status.active (created by hand, e.g. kubectl create job --from=cronjob/${cj.metadata?.name}); it is not counted for spec.concurrencyPolicy`,
          'status.active',
        ),
      );
    } else if (finished) {
      if (found) {
        const condition = finishedConditionType(j) ?? '';
        deleteFromActiveList(cj, j.metadata?.uid);
        record(env, cj, {
          type: 'Normal',
          reason: 'SawCompletedJob',
          message: `Saw completed job: ${j.metadata?.name}, condition: ${condition}`,
        });
        tell(env, narrateFinished(cj, j.metadata?.name ?? '', condition));
        updateStatus = true;
      }
      if (finishedConditionType(j) === 'Complete') {
        // lastSuccessfulTime: the latest completionTime of a succeeded Job.
        const completion = j.status?.completionTime;
        const last = status.lastSuccessfulTime;
        if (last === undefined || last === null) {
          if (completion) {
            status.lastSuccessfulTime = completion;
            updateStatus = true;
          }
        } else if (completion && (parseRFC3339(completion) ?? 0) > (parseRFC3339(last) ?? 0)) {
          status.lastSuccessfulTime = completion;
          updateStatus = true;
        }
      }
    }
  }

  // An active Job that no longer exists would block Forbid forever: drop it.
  for (const ref of [...(status.active ?? [])]) {
    if (children.has(ref.uid)) continue;
    // Upstream asks the API server directly, in case the Job informer lags; the view is current.
    if (view.get('Job', ref.namespace ?? '', ref.name ?? '') === undefined) {
      record(env, cj, {
        type: 'Normal',
        reason: 'MissingJob',
        message: `Active job went missing: ${ref.name}`,
      });
      deleteFromActiveList(cj, ref.uid);
      updateStatus = true;
    }
  }

  // Being deleted: only the status is kept up to date.
  if (cj.metadata?.deletionTimestamp) return { updateStatus };

  const timeZone = cj.spec?.timeZone;
  if (timeZone !== undefined && timeZone !== null) {
    const location = loadLocation(timeZone);
    if (!location.ok) {
      record(env, cj, unknownTimeZoneEvent(timeZone, location.error));
      tell(
        env,
        narrateBadSchedule(
          cj,
          `spec.timeZone "${timeZone}" is not a known time zone`,
          'spec.timeZone',
        ),
      );
      return { updateStatus };
    }
  }

  if (cj.spec?.suspend === true) {
    tell(env, narrateSuspended(cj));
    return { updateStatus };
  }

  const schedule = cj.spec?.schedule ?? '';
  const formatted = formatSchedule(schedule, timeZone);
  if (formatted.tzInSchedule) record(env, cj, unsupportedScheduleEvent(schedule));
  const parsed = parseCached(formatted.spec);
  if (!parsed.ok) {
    record(env, cj, unparseableScheduleEvent(schedule, parsed.error));
    tell(
      env,
      narrateBadSchedule(cj, `spec.schedule "${schedule}" does not parse`, 'spec.schedule'),
    );
    return { updateStatus };
  }
  const sched = parsed.schedule;

  const next = nextScheduleTime(cronJobScheduleState(cj), now, sched);
  if (next.error !== undefined) {
    record(env, cj, invalidScheduleEvent(schedule, next.error));
    tell(
      env,
      narrateBadSchedule(cj, `spec.schedule "${schedule}": ${next.error}`, 'spec.schedule'),
    );
    return { updateStatus };
  }
  const scheduledTime = next.scheduledTime;
  const requeue = () => nextScheduleTimeDuration(cronJobScheduleState(cj), now, sched);
  if (scheduledTime === undefined) {
    // No unmet time: normally the queue only wakes the controller at schedule times.
    narrateIfDeadlinePassed(env, cj, sched);
    return { requeueAfter: requeue(), updateStatus };
  }
  if (next.tooManyMissed) {
    record(env, cj, tooManyMissedTimesEvent());
    const rough = mostRecentScheduleTime(cronJobScheduleState(cj), now, sched, true).missedCount;
    tell(env, narrateTooManyMissed(cj, rough));
  }

  // Unreachable in 1.32 (the earliest time considered is already now − deadline); kept as upstream.
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (deadline !== undefined && deadline !== null && scheduledTime + deadline * SECOND < now) {
    record(env, cj, missScheduleEvent(scheduledTime));
    return { requeueAfter: requeue(), updateStatus };
  }

  const namespace = cj.metadata?.namespace ?? 'default';
  const jobName = jobNameFor(cj.metadata?.name ?? '', scheduledTime);
  const lastSchedule = status.lastScheduleTime ? parseRFC3339(status.lastScheduleTime) : undefined;
  if (inActiveListByName(cj, jobName, namespace) || lastSchedule === scheduledTime) {
    // Already started: the Job name is the lock.
    return { requeueAfter: requeue(), updateStatus };
  }

  const policy = cj.spec?.concurrencyPolicy;
  if (policy === 'Forbid' && (status.active ?? []).length > 0) {
    record(env, cj, {
      type: 'Normal',
      reason: 'JobAlreadyActive',
      message:
        'Not starting job because prior execution is running and concurrency policy is Forbid',
    });
    tell(env, narrateForbidSkip(cj, scheduledTime));
    return { requeueAfter: requeue(), updateStatus };
  }
  if (policy === 'Replace') {
    for (const ref of [...(status.active ?? [])]) {
      const job = view.get<Job>('Job', ref.namespace ?? '', ref.name ?? '');
      if (!job) {
        const message = `jobs.batch "${ref.name}" not found`;
        record(env, cj, { type: 'Warning', reason: 'FailedGet', message: `Get job: ${message}` });
        return { updateStatus, error: message };
      }
      const [outcome] = yield [deleteWrite(job)];
      if (!reportDelete(env, cj, job, outcome))
        return {
          updateStatus,
          error: `could not replace job ${job.metadata?.namespace}/${job.metadata?.name}`,
        };
      tell(env, narrateReplaced(cj, job.metadata?.name ?? '', scheduledTime));
      updateStatus = true;
    }
  }

  const request = getJobFromTemplate2(cj, scheduledTime);
  if (!request.ok) return { updateStatus, error: request.error };
  const [created] = yield [{ op: 'create', object: request.job, namespace }];
  let jobResp: Job;
  if (created.ok) {
    jobResp = created.value as Job;
    record(env, cj, {
      type: 'Normal',
      reason: 'SuccessfulCreate',
      message: `Created job ${jobResp.metadata?.name}`,
    });
    tell(env, narrateCreated(cj, jobName, scheduledTime, now, (status.active ?? []).length));
  } else if (created.error.reason === 'AlreadyExists') {
    // Created earlier (by this controller before a lost status write, or by someone else).
    const existing = view.get<Job>('Job', namespace, jobName);
    if (!existing) return { updateStatus, error: `jobs.batch "${jobName}" not found` };
    const ref = getControllerOf(existing);
    // Not ours: assume whoever made it keeps the status.
    if (!ref || ref.uid !== cj.metadata?.uid) return { updateStatus };
    if (inActiveList(cj, existing.metadata?.uid)) return { updateStatus };
    jobResp = existing;
  } else if (
    (created.error.details?.causes ?? []).some((c) => c.reason === 'NamespaceTerminating')
  ) {
    // Every creation fails in a terminating namespace; no event.
    return { updateStatus, error: created.error.message };
  } else {
    record(env, cj, {
      type: 'Warning',
      reason: 'FailedCreate',
      message: `Error creating job: ${created.error.message}`,
    });
    return { updateStatus, error: created.error.message };
  }

  (status.active ??= []).push(getRef(jobResp));
  status.lastScheduleTime = formatRFC3339(scheduledTime);
  return { requeueAfter: requeue(), updateStatus: true };
}

/**
 * Narration only (upstream is silent here): with spec.startingDeadlineSeconds, an unmet time
 * older than the deadline is skipped without an event; say which field skipped it.
 */
function narrateIfDeadlinePassed(env: CronJobSyncEnv, cj: CronJob, sched: Schedule): void {
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (deadline === undefined || deadline === null) return;
  const ignoringDeadline = mostRecentScheduleTime(cronJobScheduleState(cj), env.now, sched, false);
  if (ignoringDeadline.mostRecent !== undefined)
    tell(env, narrateDeadlinePassed(cj, ignoringDeadline.mostRecent));
}
