/**
 * The injected CronJob schedule check. Upstream validation parses `spec.schedule` with
 * robfig/cron v3 ParseStandard and resolves `spec.timeZone` with time.LoadLocation; both live in
 * another module (the cron parser and the zone database), which installs itself here.
 */
import type { FieldError } from '../field-error';

/**
 * Validates a schedule as upstream's validation does with robfig/cron: returns `Invalid` errors at
 * `fldPath` (`spec.schedule`) with the parser's message, and, when `timeZone` is set and is not a
 * loadable IANA zone, an `Invalid` error at the sibling `spec.timeZone` with time.LoadLocation's
 * message (`unknown time zone Europe/Pariss`). Everything else upstream checks (Required, the
 * TZ/CRON_TZ rule, empty or `Local` zones, the zone-name characters) is done by the registry.
 */
export type ScheduleValidator = (
  schedule: string,
  timeZone: string | undefined,
  fldPath: string,
) => FieldError[];

const acceptAll: ScheduleValidator = () => [];

let current: ScheduleValidator = acceptAll;

/**
 * Installs the schedule validator (the cron module calls this once at start-up). Until then
 * schedules and time zones are not parsed at all, only the registry's own rules apply.
 */
export function setScheduleValidator(fn: ScheduleValidator | undefined): void {
  current = fn ?? acceptAll;
}

/** The installed schedule validator. */
export function scheduleValidator(): ScheduleValidator {
  return current;
}
