/**
 * The parsed form of a CronJob schedule, mirroring robfig/cron v3 (which k8s 1.32 uses): a
 * SpecSchedule of six bit sets (second, minute, hour, day of month, month, day of week) with a
 * location, or a ConstantDelaySchedule for `@every <duration>`.
 * robfig/cron/v3 spec.go, constantdelay.go.
 */
import type { Duration } from '../../time/instant';
import type { Location } from './time-zone';

/**
 * One field's allowed values. `star` is robfig's starBit: set when the field was written as `*` or
 * `?` (with no step, or step 1), and it changes how day of month and day of week combine.
 */
export interface CronField {
  /** `allowed[v]` is 1 when value v matches. */
  readonly allowed: Uint8Array;
  readonly star: boolean;
  /** `nextAllowed[v]`: the smallest allowed value above v, or max + 1 when there is none. */
  readonly nextAllowed: Uint8Array;
  /** True when no value at all is allowed (robfig accepts `,` as an empty list). */
  readonly empty: boolean;
}

/** A crontab schedule (robfig's SpecSchedule). */
export interface SpecSchedule {
  readonly kind: 'spec';
  readonly second: CronField;
  readonly minute: CronField;
  readonly hour: CronField;
  readonly dayOfMonth: CronField;
  readonly month: CronField;
  readonly dayOfWeek: CronField;
  /** `TZ=`/`CRON_TZ=` location, or Local (the controller's zone) when none was given. */
  readonly location: Location;
}

/** `@every <duration>` (robfig's ConstantDelaySchedule): whole seconds, at least one. */
export interface ConstantDelaySchedule {
  readonly kind: 'every';
  readonly delay: Duration;
}

/** A parsed schedule. */
export type Schedule = SpecSchedule | ConstantDelaySchedule;

/** The bounds of a field (robfig's `bounds`), with its names for months and weekdays. */
export interface FieldBounds {
  readonly min: number;
  readonly max: number;
  readonly names?: Readonly<Record<string, number>>;
}

export const SECONDS: FieldBounds = { min: 0, max: 59 };
export const MINUTES: FieldBounds = { min: 0, max: 59 };
export const HOURS: FieldBounds = { min: 0, max: 23 };
export const DAYS_OF_MONTH: FieldBounds = { min: 1, max: 31 };
export const MONTHS: FieldBounds = {
  min: 1,
  max: 12,
  names: {
    jan: 1,
    feb: 2,
    mar: 3,
    apr: 4,
    may: 5,
    jun: 6,
    jul: 7,
    aug: 8,
    sep: 9,
    oct: 10,
    nov: 11,
    dec: 12,
  },
};
// Sunday is 0 only: robfig rejects 7 (`end of range (7) above maximum (6): 7`).
export const DAYS_OF_WEEK: FieldBounds = {
  min: 0,
  max: 6,
  names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 },
};

/** Builds a CronField from a list of allowed values (all within 0..63). */
export function cronField(values: Iterable<number>, star: boolean, bounds: FieldBounds): CronField {
  const allowed = new Uint8Array(64);
  for (const value of values) allowed[value] = 1;
  const nextAllowed = new Uint8Array(64);
  let next = bounds.max + 1;
  for (let v = 63; v >= 0; v--) {
    nextAllowed[v] = next;
    if (allowed[v] && v <= bounds.max) next = v;
  }
  return { allowed, star, nextAllowed, empty: !allowed.some((bit) => bit === 1) };
}

/** The allowed values of a field, ascending. */
export function fieldValues(field: CronField): number[] {
  const values: number[] = [];
  field.allowed.forEach((bit, value) => {
    if (bit) values.push(value);
  });
  return values;
}
