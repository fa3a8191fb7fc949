/**
 * The narration of the CronJob controller's decisions (see engine/narration.ts): one plain
 * sentence per decision, naming the spec field that caused it — why a Job was created now, why
 * a run was skipped, why a Job was deleted. Kubernetes itself only records the Events (which
 * keep upstream's wording and are produced next to each decision).
 */
import type { CronJob } from 'kubernetes-types/batch/v1';
import { describeObject, type Explanation } from '../../narration';
import type { Instant } from '../../time/instant';
import { formatRFC3339In, loadLocation, UTC } from '../cron';

/** One sentence about a CronJob, naming the field behind it. */
export function explainCronJob(cj: CronJob, message: string, field?: string): Explanation {
  return {
    object: describeObject('CronJob', cj.metadata?.namespace ?? 'default', cj.metadata?.name ?? ''),
    message,
    ...(field ? { field } : {}),
  };
}

/** A schedule time as the learner would read it: in spec.timeZone, else UTC. */
export function scheduleTimeText(cj: CronJob, t: Instant): string {
  const location = loadLocation(cj.spec?.timeZone ?? 'UTC');
  return formatRFC3339In(location.ok ? location.value : UTC, t);
}

/** The schedule named for narration, with its time zone when set. */
function scheduleText(cj: CronJob): string {
  const tz = cj.spec?.timeZone;
  return `spec.schedule "${cj.spec?.schedule ?? ''}"${tz ? ` in spec.timeZone ${tz}` : ''}`;
}

/** "1 Job" / "3 Jobs". */
export function jobs(n: number): string {
  return `${n} Job${n === 1 ? '' : 's'}`;
}

/** A Job was created for a schedule time. */
export function narrateCreated(
  cj: CronJob,
  jobName: string,
  scheduledTime: Instant,
  now: Instant,
  stillActive: number,
): Explanation {
  const late = now - scheduledTime;
  let why = `for the run due at ${scheduleTimeText(cj, scheduledTime)} (${scheduleText(cj)})`;
  // A start a second or more late (normally it is 100 ms) is a catch-up run: say which field
  // allowed it.
  if (late >= 1000) {
    const deadline = cj.spec?.startingDeadlineSeconds;
    why +=
      deadline === undefined || deadline === null
        ? `, ${Math.floor(late / 1000)} s late: without spec.startingDeadlineSeconds a missed run still starts, but only the most recent one`
        : `, ${Math.floor(late / 1000)} s late but within spec.startingDeadlineSeconds ${deadline}`;
  }
  if (stillActive > 0)
    why += `; ${jobs(stillActive)} of earlier runs still running (spec.concurrencyPolicy Allow)`;
  return explainCronJob(cj, `Created Job ${jobName} ${why}`, 'spec.schedule');
}

/** A run was skipped because an earlier Job is still running and the policy is Forbid. */
export function narrateForbidSkip(cj: CronJob, scheduledTime: Instant): Explanation {
  const active = (cj.status?.active ?? []).map((r) => r.name).join(', ');
  return explainCronJob(
    cj,
    `Skipped the run due at ${scheduleTimeText(cj, scheduledTime)}: ${active} still running and spec.concurrencyPolicy is Forbid (it starts once that Job finishes, unless the next run time comes first)`,
    'spec.concurrencyPolicy',
  );
}

/** A running Job was deleted to make room for the next run. */
export function narrateReplaced(cj: CronJob, jobName: string, scheduledTime: Instant): Explanation {
  return explainCronJob(
    cj,
    `Deleted Job ${jobName}, still running at the next run time ${scheduleTimeText(cj, scheduledTime)}: spec.concurrencyPolicy is Replace`,
    'spec.concurrencyPolicy',
  );
}

/** No Job while suspended. */
export function narrateSuspended(cj: CronJob): Explanation {
  return explainCronJob(
    cj,
    'No new Jobs while spec.suspend is true (running Jobs continue; on resume only the most recent missed run starts)',
    'spec.suspend',
  );
}

/** A run time was missed by more than startingDeadlineSeconds. */
export function narrateDeadlinePassed(cj: CronJob, missed: Instant): Explanation {
  return explainCronJob(
    cj,
    `Skipped the run due at ${scheduleTimeText(cj, missed)}: it is more than spec.startingDeadlineSeconds ${cj.spec?.startingDeadlineSeconds} late`,
    'spec.startingDeadlineSeconds',
  );
}

/** More than 100 start times were missed. */
export function narrateTooManyMissed(cj: CronJob, count: number): Explanation {
  return explainCronJob(
    cj,
    `About ${count} start times were missed (more than 100): only the most recent one runs; spec.startingDeadlineSeconds would bound how far back the controller looks`,
    'spec.startingDeadlineSeconds',
  );
}

/** A Job of status.active finished. */
export function narrateFinished(cj: CronJob, jobName: string, condition: string): Explanation {
  return explainCronJob(
    cj,
    `Job ${jobName} finished (${condition}); removed from status.active`,
    'status.active',
  );
}

/** A finished Job was deleted by the history limit. */
export function narrateHistoryDelete(
  cj: CronJob,
  jobName: string,
  kind: 'successful' | 'failed',
  limit: number,
): Explanation {
  const field =
    kind === 'successful' ? 'spec.successfulJobsHistoryLimit' : 'spec.failedJobsHistoryLimit';
  return explainCronJob(
    cj,
    `Deleted ${kind} Job ${jobName} (the oldest): only the newest ${limit} ${kind} ${limit === 1 ? 'Job is' : 'Jobs are'} kept (${field} ${limit})`,
    field,
  );
}

/** The schedule or time zone stops the CronJob. */
export function narrateBadSchedule(cj: CronJob, what: string, field: string): Explanation {
  return explainCronJob(cj, `No Jobs are created: ${what}`, field);
}
