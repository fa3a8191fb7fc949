/**
 * Everything about CronJob schedules, faithful to Kubernetes 1.32 and robfig/cron v3: parsing and
 * validation with upstream's error texts, next times in a time zone, the controller's
 * most-recent/requeue arithmetic, Job names and the scheduled-timestamp annotation, event texts,
 * and UI narration. All pure: time is always a parameter.
 */
export type { CronField, Schedule, SpecSchedule, ConstantDelaySchedule } from './schedule';
export { fieldValues } from './schedule';
export type { ScheduleParseResult, FormattedSchedule } from './parse-schedule';
export { parseStandard, parseSchedule, formatSchedule } from './parse-schedule';
export { nextAfter, upcomingTimes } from './next-schedule';
export type {
  CronJobScheduleState,
  MissedSchedules,
  MostRecentScheduleTime,
  NextScheduleTime,
} from './schedule-times';
export {
  cronJobScheduleState,
  mostRecentScheduleTime,
  nextScheduleTime,
  nextScheduleTimeDuration,
  nextScheduleDelta,
  getTimeHashInMinutes,
  jobNameFor,
  scheduledTimestampAnnotation,
  CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION,
} from './schedule-times';
export type {
  CronFieldError,
  CronFieldErrorType,
  CronJobScheduleSpec,
} from './schedule-validation';
export {
  validateSchedule,
  validateTimeZone,
  validateCronJobScheduleFields,
} from './schedule-validation';
export type { ScheduleEvent } from './schedule-events';
export {
  unsupportedScheduleEvent,
  unknownTimeZoneEvent,
  unparseableScheduleEvent,
  unparseableCronJobScheduleEvent,
  invalidScheduleEvent,
  tooManyMissedTimesEvent,
  missScheduleEvent,
} from './schedule-events';
export type { Location, WallClock } from './time-zone';
export { loadLocation, wallClock, formatRFC3339In, UTC, LOCAL } from './time-zone';
export type { ScheduleLocale } from './describe-schedule';
export { describeSchedule } from './describe-schedule';
