/**
 * The CronJob controller's schedule-related event texts, formatted as upstream formats them
 * (Go's `%q` is strconv.Quote). k/k pkg/controller/cronjob/cronjob_controllerv2.go#syncCronJob,
 * #updateCronJob, utils.go#formatSchedule, #nextScheduleTime.
 */
import { type Instant, formatRFC1123Z } from '../../time/instant';
import { goQuote } from './go-text';

/** An event the controller records on the CronJob. */
export interface ScheduleEvent {
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
}

const warning = (reason: string, message: string): ScheduleEvent => ({
  type: 'Warning',
  reason,
  message,
});

/** The schedule carries its own TZ/CRON_TZ (formatSchedule, each sync). */
export function unsupportedScheduleEvent(schedule: string): ScheduleEvent {
  return warning(
    'UnsupportedSchedule',
    `CRON_TZ or TZ used in schedule ${goQuote(schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`,
  );
}

/** spec.timeZone no longer loads (syncCronJob; the sync stops there). */
export function unknownTimeZoneEvent(timeZone: string, error: string): ScheduleEvent {
  return warning('UnknownTimeZone', `invalid timeZone: ${goQuote(timeZone)}: ${error}`);
}

/** The schedule does not parse (syncCronJob; the sync stops there). */
export function unparseableScheduleEvent(schedule: string, error: string): ScheduleEvent {
  return warning('UnparseableSchedule', `unparseable schedule: ${goQuote(schedule)} : ${error}`);
}

/** The schedule does not parse after a schedule/timeZone edit (updateCronJob). */
export function unparseableCronJobScheduleEvent(schedule: string): ScheduleEvent {
  return warning('UnParseableCronJobSchedule', `unparseable schedule for cronjob: ${schedule}`);
}

/** mostRecentScheduleTime failed (e.g. `0 0 31 2 *` never comes). */
export function invalidScheduleEvent(schedule: string, error: string): ScheduleEvent {
  return warning('InvalidSchedule', `invalid schedule: ${schedule} : ${error}`);
}

/** More than 100 start times were missed (the most recent one still starts). */
export function tooManyMissedTimesEvent(): ScheduleEvent {
  return warning(
    'TooManyMissedTimes',
    'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
  );
}

/**
 * The scheduled time is older than startingDeadlineSeconds. Upstream keeps this branch, but in
 * 1.32 it cannot fire: the earliest time considered is already clamped to now − deadline.
 */
export function missScheduleEvent(scheduledTime: Instant): ScheduleEvent {
  return warning(
    'MissSchedule',
    `Missed scheduled time to start a job: ${formatRFC1123Z(scheduledTime)}`,
  );
}
