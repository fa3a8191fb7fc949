/**
 * The apiserver's checks of spec.schedule and spec.timeZone (k/k pkg/apis/batch/validation/
 * validation.go#validateCronJobSpec, #validateScheduleFormat, #validateTimeZone), returned as
 * data so the API layer can render `spec.schedule: Invalid value: "61 * * * *": end of range (61)
 * above maximum (59): 61` in the order upstream appends them.
 */
import { parseStandard } from './parse-schedule';
import { loadLocation } from './time-zone';

/** The field.Error types these checks produce. */
export type CronFieldErrorType = 'Required' | 'Invalid';

/** One apimachinery field.Error. */
export interface CronFieldError {
  /** The field path, e.g. `spec.schedule`. */
  readonly field: string;
  readonly type: CronFieldErrorType;
  /** The offending value (Invalid only), printed with Go's `%q`. */
  readonly value?: string;
  /** The detail after the value; empty for a bare `Required value`. */
  readonly detail: string;
  /**
   * Go panics while parsing this schedule (a `TZ=`/`CRON_TZ=` prefix with no space after it), so
   * the real apiserver answers HTTP 500 instead of a 422 with this field error.
   */
  readonly panic?: boolean;
}

/** The slice of a CronJob spec these checks read. */
export interface CronJobScheduleSpec {
  readonly schedule?: string;
  readonly timeZone?: string | null;
}

/**
 * validateScheduleFormat plus the Required check: empty → `Required value`; a robfig parse error;
 * then the TZ rule — a schedule containing `TZ` is rejected on create and on any update whose old
 * schedule had no `TZ`; with an old `TZ` schedule it is rejected only alongside spec.timeZone.
 */
export function validateSchedule(
  schedule: string,
  timeZone: string | null | undefined,
  oldSchedule?: string,
  field = 'spec.schedule',
): CronFieldError[] {
  if (schedule.length === 0) return [{ field, type: 'Required', detail: '' }];
  const errors: CronFieldError[] = [];
  const parsed = parseStandard(schedule);
  if (!parsed.ok) {
    errors.push({
      field,
      type: 'Invalid',
      value: schedule,
      detail: parsed.error,
      ...(parsed.panic ? { panic: true } : {}),
    });
  }
  const allowTZInSchedule = oldSchedule !== undefined && oldSchedule.includes('TZ');
  const hasTZ = schedule.includes('TZ');
  if (allowTZInSchedule && hasTZ && timeZone !== undefined && timeZone !== null) {
    errors.push({
      field,
      type: 'Invalid',
      value: schedule,
      detail: 'cannot use both timeZone field and TZ or CRON_TZ in schedule',
    });
  } else if (!allowTZInSchedule && hasTZ) {
    errors.push({
      field,
      type: 'Invalid',
      value: schedule,
      detail: 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    });
  }
  return errors;
}

// Each `/`-separated part of an IANA name: ASCII letters, `.`, `-`, `_`, plus the digits and `+`
// of legacy names such as Etc/GMT+5, at most 14 characters.
const TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/**
 * validateTimeZone: nil is fine; `""` must be nil or non-empty; a malformed name is
 * `unknown time zone X`; `Local` in any case is rejected as not explicit; then Go's LoadLocation
 * must succeed (so `local` gets both the Local error and `unknown time zone local`).
 */
export function validateTimeZone(
  timeZone: string | null | undefined,
  field = 'spec.timeZone',
): CronFieldError[] {
  if (timeZone === undefined || timeZone === null) return [];
  const invalid = (detail: string): CronFieldError => ({
    field,
    type: 'Invalid',
    value: timeZone,
    detail,
  });
  if (timeZone.length === 0) return [invalid('timeZone must be nil or non-empty string')];
  for (const part of timeZone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TIME_ZONE_PART.test(part)) {
      return [invalid(`unknown time zone ${timeZone}`)];
    }
  }
  const errors: CronFieldError[] = [];
  if (timeZone.toLowerCase() === 'local') {
    errors.push(
      invalid(
        'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
      ),
    );
  }
  const location = loadLocation(timeZone);
  if (!location.ok) errors.push(invalid(location.error));
  return errors;
}

/**
 * Both checks as validateCronJobSpec runs them, kept apart because upstream appends the
 * startingDeadlineSeconds error between them. On update (`oldSpec` given) spec.timeZone is only
 * re-validated when it changed.
 */
export function validateCronJobScheduleFields(
  spec: CronJobScheduleSpec,
  oldSpec?: CronJobScheduleSpec,
): { schedule: CronFieldError[]; timeZone: CronFieldError[] } {
  const schedule = validateSchedule(
    spec.schedule ?? '',
    spec.timeZone,
    oldSpec?.schedule ?? (oldSpec ? '' : undefined),
  );
  const timeZoneChanged =
    oldSpec === undefined || (oldSpec.timeZone ?? null) !== (spec.timeZone ?? null);
  return { schedule, timeZone: timeZoneChanged ? validateTimeZone(spec.timeZone) : [] };
}
