/**
 * The CronJob controller's time arithmetic, mirroring k/k pkg/controller/cronjob/utils.go
 * (mostRecentScheduleTime, nextScheduleTime, nextScheduleTimeDuration, getTimeHashInMinutes,
 * getJobFromTemplate2's scheduled-timestamp annotation) and cronjob_controllerv2.go (getJobName,
 * nextScheduleDelta). Times are ms since the epoch; nothing here reads a clock.
 */
import type { CronJob } from '../../api/object';
import { type Duration, type Instant, parseRFC3339 } from '../../time/instant';
import { nextAfter } from './next-schedule';
import type { Schedule } from './schedule';
import { formatRFC3339In, loadLocation } from './time-zone';
import { type GoResult } from './go-text';

const SECOND = 1000;

/** The CronJob fields the schedule arithmetic reads. */
export interface CronJobScheduleState {
  /** metadata.creationTimestamp. */
  readonly creationTimestamp: Instant;
  /** status.lastScheduleTime, when set. */
  readonly lastScheduleTime?: Instant;
  /** spec.startingDeadlineSeconds, when set. */
  readonly startingDeadlineSeconds?: number;
}

/** Reads the schedule state out of a CronJob object (RFC 3339 timestamps → instants). */
export function cronJobScheduleState(cronJob: CronJob): CronJobScheduleState {
  const created = parseRFC3339(cronJob.metadata?.creationTimestamp ?? '') ?? 0;
  const last =
    cronJob.status?.lastScheduleTime === undefined
      ? undefined
      : parseRFC3339(cronJob.status.lastScheduleTime);
  return {
    creationTimestamp: created,
    lastScheduleTime: last,
    startingDeadlineSeconds: cronJob.spec?.startingDeadlineSeconds,
  };
}

/** utils.go's missedSchedulesType. */
export type MissedSchedules = 'none' | 'few' | 'many';

/** What mostRecentScheduleTime returns. */
export interface MostRecentScheduleTime {
  /** lastScheduleTime, else creationTimestamp, raised to now − startingDeadlineSeconds. */
  readonly earliestTime: Instant;
  /** The latest schedule time ≤ now after earliestTime, if any. */
  readonly mostRecent?: Instant;
  readonly missed: MissedSchedules;
  /** More than 100 schedules missed by upstream's rough count (the TooManyMissedTimes case). */
  readonly tooMany: boolean;
  /** The rough count itself (0 when fewer than two schedule times have passed). */
  readonly missedCount: number;
  /** Set for schedules whose times are less than a second apart or never come (`0 0 31 2 *`). */
  readonly error?: string;
}

/**
 * utils.go#mostRecentScheduleTime. Only the most recent unmet time matters (older missed ones are
 * never back-filled). With two or more schedule times passed, upstream estimates the number
 * missed as `(now − t1) / (t2 − t1) + 1` from the first two times t1 and t2, jumps to
 * `t1 + (n − 2)·(t2 − t1)` and walks forward from there — so a long outage costs a few steps, not
 * one per missed slot. For irregular schedules (`0 9,10 * * *`) that jump can overshoot the real
 * most recent time and return none; that is upstream's behaviour and is kept.
 */
export function mostRecentScheduleTime(
  state: CronJobScheduleState,
  now: Instant,
  schedule: Schedule,
  includeStartingDeadlineSeconds: boolean,
): MostRecentScheduleTime {
  let earliestTime = state.lastScheduleTime ?? state.creationTimestamp;
  if (includeStartingDeadlineSeconds && state.startingDeadlineSeconds !== undefined) {
    // The controller never schedules anything before this point.
    const schedulingDeadline = now - state.startingDeadlineSeconds * SECOND;
    if (schedulingDeadline > earliestTime) earliestTime = schedulingDeadline;
  }
  const none = { earliestTime, missed: 'none' as const, tooMany: false, missedCount: 0 };

  const t1 = nextAfter(schedule, earliestTime);
  const t2 = t1 === undefined ? undefined : nextAfter(schedule, t1);
  if (t1 !== undefined && now < t1) return none;
  if (t1 !== undefined && t2 !== undefined && now < t2) return { ...none, mostRecent: t1 };

  // robfig's zero time (no time within five years, e.g. 31 February) makes Go's t2 − t1 zero or
  // negative, hence this error.
  // @simplified: if only t1 is missing, Go would go on to search from year 1; that needs a
  // schedule with no time in the next five years but one in years 1–6; it gets this error too.
  if (t1 === undefined || t2 === undefined) {
    return { ...none, error: 'time difference between two schedules is less than 1 second' };
  }
  // Go: int64(t2.Sub(t1).Round(time.Second).Seconds()), then integer division.
  const timeBetweenTwoSchedules = roundHalfAwayFromZero((t2 - t1) / SECOND);
  if (timeBetweenTwoSchedules < 1) {
    return { ...none, error: 'time difference between two schedules is less than 1 second' };
  }
  const timeElapsed = Math.trunc((now - t1) / SECOND);
  const numberOfMissedSchedules = Math.trunc(timeElapsed / timeBetweenTwoSchedules) + 1;

  let mostRecent: Instant | undefined;
  const potentialEarliest = t1 + (numberOfMissedSchedules - 2) * timeBetweenTwoSchedules * SECOND;
  for (let t = nextAfter(schedule, potentialEarliest); t !== undefined && t <= now;) {
    mostRecent = t;
    t = nextAfter(schedule, t);
  }
  const missed: MissedSchedules = numberOfMissedSchedules > 100 ? 'many' : 'few';
  return {
    earliestTime,
    mostRecent,
    missed,
    tooMany: missed === 'many',
    missedCount: numberOfMissedSchedules,
  };
}

function roundHalfAwayFromZero(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** What nextScheduleTime returns. */
export interface NextScheduleTime {
  /** The time a Job should be created for now, if any. */
  readonly scheduledTime?: Instant;
  /** Emit `Warning TooManyMissedTimes` (only when a time is returned). */
  readonly tooManyMissed: boolean;
  /** The controller then emits `Warning InvalidSchedule invalid schedule: <s> : <error>`. */
  readonly error?: string;
}

/**
 * utils.go#nextScheduleTime: the most recent unmet schedule time honouring
 * startingDeadlineSeconds, with the many-missed flag; none when nothing is due.
 */
export function nextScheduleTime(
  state: CronJobScheduleState,
  now: Instant,
  schedule: Schedule,
): NextScheduleTime {
  const result = mostRecentScheduleTime(state, now, schedule, true);
  if (result.mostRecent === undefined || result.mostRecent > now) {
    return { tooManyMissed: false, error: result.error };
  }
  return { scheduledTime: result.mostRecent, tooManyMissed: result.missed === 'many' };
}

/** cronjob_controllerv2.go's nextScheduleDelta: requeues land 100 ms after the schedule time. */
export const nextScheduleDelta: Duration = 100;

/**
 * utils.go#nextScheduleTimeDuration: how long until the controller should sync the CronJob again
 * (the next schedule time after the most recent one, plus 100 ms, minus now). It ignores
 * startingDeadlineSeconds, like upstream. A schedule that never comes again gives 0: Go computes
 * a hugely negative duration there, which the work queue treats as "now".
 */
export function nextScheduleTimeDuration(
  state: CronJobScheduleState,
  now: Instant,
  schedule: Schedule,
): Duration {
  const result = mostRecentScheduleTime(state, now, schedule, false);
  let mostRecent: Instant;
  if (result.error !== undefined) mostRecent = now;
  else if (result.mostRecent !== undefined) mostRecent = result.mostRecent;
  else mostRecent = result.missed === 'none' ? result.earliestTime : now;
  const next = nextAfter(schedule, mostRecent);
  if (next === undefined) return 0;
  return next + nextScheduleDelta - now;
}

/** utils.go#getTimeHashInMinutes: the scheduled time in whole minutes since the epoch. */
export function getTimeHashInMinutes(scheduledTime: Instant): number {
  return Math.trunc(Math.floor(scheduledTime / SECOND) / 60);
}

/** cronjob_controllerv2.go#getJobName: `<cronjob>-<minutes since epoch>`, e.g. `simple-28948920`. */
export function jobNameFor(cronJobName: string, scheduledTime: Instant): string {
  return `${cronJobName}-${getTimeHashInMinutes(scheduledTime)}`;
}

/** batchv1.CronJobScheduledTimestampAnnotation. */
export const CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION =
  'batch.kubernetes.io/cronjob-scheduled-timestamp';

/**
 * The scheduled-timestamp annotation value (utils.go#getJobFromTemplate2): the scheduled time in
 * spec.timeZone (UTC when unset), RFC 3339 — `2025-01-16T03:00:00+09:00`. A zone that cannot be
 * loaded fails Job construction upstream; its error text is returned.
 */
export function scheduledTimestampAnnotation(
  scheduledTime: Instant,
  timeZone?: string | null,
): GoResult<string> {
  const location = loadLocation(timeZone ?? '');
  if (!location.ok) return location;
  return { ok: true, value: formatRFC3339In(location.value, scheduledTime) };
}
