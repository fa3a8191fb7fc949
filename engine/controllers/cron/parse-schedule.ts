/**
 * Parsing a CronJob schedule exactly as Kubernetes 1.32 does: robfig/cron v3 ParseStandard
 * (robfig/cron/v3 parser.go) with its error texts, and the controller's formatSchedule, which hands
 * spec.timeZone to the parser as a `TZ=<zone> ` prefix (k/k pkg/controller/cronjob/utils.go).
 */
import { goParseDuration } from './go-duration';
import { goAtoi, goFields, goFormatStrings, goTrimSpace } from './go-text';
import {
  type CronField,
  type FieldBounds,
  type Schedule,
  type SpecSchedule,
  DAYS_OF_MONTH,
  DAYS_OF_WEEK,
  HOURS,
  MINUTES,
  MONTHS,
  SECONDS,
  cronField,
} from './schedule';
import { LOCAL, type Location, loadLocation } from './time-zone';

/** A parsed schedule, or robfig's error text (`panic` marks inputs on which Go panics instead). */
export type ScheduleParseResult =
  { ok: true; schedule: Schedule } | { ok: false; error: string; panic?: boolean };

/** A field's value before bounds checks: a bigint, since Atoi accepts up to 2^63−1. */
type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** robfig's mustParseInt: Atoi, then a rejection of negatives. */
function mustParseInt(expr: string): Parsed<bigint> {
  const number = goAtoi(expr);
  if (!number.ok) return { ok: false, error: `failed to parse int from ${expr}: ${number.error}` };
  if (number.value < 0n) {
    return { ok: false, error: `negative number (${number.value}) not allowed: ${expr}` };
  }
  return number;
}

/** robfig's parseIntOrName: month and weekday names match case-insensitively. */
function parseIntOrName(expr: string, bounds: FieldBounds): Parsed<bigint> {
  const names = bounds.names;
  const lower = expr.toLowerCase();
  // Own properties only: `constructor` and friends are not month names.
  if (names !== undefined && Object.prototype.hasOwnProperty.call(names, lower)) {
    return { ok: true, value: BigInt(names[lower]) };
  }
  return mustParseInt(expr);
}

/** One comma-separated piece (robfig's getRange): `*`, `?`, `n`, `a-b`, each with `/step`. */
function getRange(
  expr: string,
  bounds: FieldBounds,
  into: Set<number>,
): { ok: true; star: boolean } | { ok: false; error: string } {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const singleValue = lowAndHigh.length === 1;
  let start: bigint;
  let end: bigint;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    // robfig ignores anything after a leading star's hyphen: `*-5` means `*`.
    start = BigInt(bounds.min);
    end = BigInt(bounds.max);
    star = true;
  } else {
    const low = parseIntOrName(lowAndHigh[0], bounds);
    if (!low.ok) return low;
    start = low.value;
    if (lowAndHigh.length === 1) {
      end = start;
    } else if (lowAndHigh.length === 2) {
      const high = parseIntOrName(lowAndHigh[1], bounds);
      if (!high.ok) return high;
      end = high.value;
    } else {
      return { ok: false, error: `too many hyphens: ${expr}` };
    }
  }
  let step = 1n;
  if (rangeAndStep.length === 2) {
    const parsedStep = mustParseInt(rangeAndStep[1]);
    if (!parsedStep.ok) return parsedStep;
    step = parsedStep.value;
    // `n/step` runs from n to the field's maximum.
    if (singleValue) end = BigInt(bounds.max);
    // A real step makes `*/2` an ordinary list, not a star, for the day-matching rule.
    if (step > 1n) star = false;
  } else if (rangeAndStep.length > 2) {
    return { ok: false, error: `too many slashes: ${expr}` };
  }
  if (start < BigInt(bounds.min)) {
    return {
      ok: false,
      error: `beginning of range (${start}) below minimum (${bounds.min}): ${expr}`,
    };
  }
  if (end > BigInt(bounds.max)) {
    return { ok: false, error: `end of range (${end}) above maximum (${bounds.max}): ${expr}` };
  }
  if (start > end) {
    return {
      ok: false,
      error: `beginning of range (${start}) beyond end of range (${end}): ${expr}`,
    };
  }
  if (step === 0n)
    return { ok: false, error: `step of range should be a positive number: ${expr}` };
  const stepNumber = step > 64n ? 64 : Number(step);
  for (let value = Number(start); value <= Number(end); value += stepNumber) into.add(value);
  return { ok: true, star };
}

/** A whole field (robfig's getField): comma-separated ranges, empty pieces skipped. */
function getField(field: string, bounds: FieldBounds): Parsed<CronField> {
  const values = new Set<number>();
  let star = false;
  for (const expr of field.split(',')) {
    if (expr === '') continue;
    const range = getRange(expr, bounds, values);
    if (!range.ok) return range;
    star ||= range.star;
  }
  return { ok: true, value: cronField(values, star, bounds) };
}

const only = (value: number, bounds: FieldBounds) => cronField([value], false, bounds);
const every = (bounds: FieldBounds) => {
  const values = [];
  for (let v = bounds.min; v <= bounds.max; v++) values.push(v);
  return cronField(values, true, bounds);
};

/** The named schedules (robfig's parseDescriptor), each at second 0. */
function parseDescriptor(descriptor: string, location: Location): ScheduleParseResult {
  const base = {
    kind: 'spec' as const,
    second: only(0, SECONDS),
    minute: only(0, MINUTES),
    location,
  };
  let schedule: SpecSchedule | undefined;
  switch (descriptor) {
    case '@yearly':
    case '@annually':
      schedule = {
        ...base,
        hour: only(0, HOURS),
        dayOfMonth: only(1, DAYS_OF_MONTH),
        month: only(1, MONTHS),
        dayOfWeek: every(DAYS_OF_WEEK),
      };
      break;
    case '@monthly':
      schedule = {
        ...base,
        hour: only(0, HOURS),
        dayOfMonth: only(1, DAYS_OF_MONTH),
        month: every(MONTHS),
        dayOfWeek: every(DAYS_OF_WEEK),
      };
      break;
    case '@weekly':
      schedule = {
        ...base,
        hour: only(0, HOURS),
        dayOfMonth: every(DAYS_OF_MONTH),
        month: every(MONTHS),
        dayOfWeek: only(0, DAYS_OF_WEEK),
      };
      break;
    case '@daily':
    case '@midnight':
      schedule = {
        ...base,
        hour: only(0, HOURS),
        dayOfMonth: every(DAYS_OF_MONTH),
        month: every(MONTHS),
        dayOfWeek: every(DAYS_OF_WEEK),
      };
      break;
    case '@hourly':
      schedule = {
        ...base,
        hour: every(HOURS),
        dayOfMonth: every(DAYS_OF_MONTH),
        month: every(MONTHS),
        dayOfWeek: every(DAYS_OF_WEEK),
      };
      break;
  }
  if (schedule !== undefined) return { ok: true, schedule };
  const prefix = '@every ';
  if (descriptor.startsWith(prefix)) {
    const duration = goParseDuration(descriptor.slice(prefix.length));
    if (!duration.ok) {
      return { ok: false, error: `failed to parse duration ${descriptor}: ${duration.error}` };
    }
    // robfig's Every: at least one second, and only whole seconds count. The location is ignored.
    const second = 1_000_000_000n;
    const nanos = duration.value < second ? second : duration.value - (duration.value % second);
    return { ok: true, schedule: { kind: 'every', delay: Number(nanos / 1_000_000n) } };
  }
  return { ok: false, error: `unrecognized descriptor: ${descriptor}` };
}

/**
 * robfig/cron v3 ParseStandard: five fields (minute hour day-of-month month day-of-week), the
 * `@` descriptors, and an optional leading `TZ=<zone> ` or `CRON_TZ=<zone> `.
 */
export function parseStandard(spec: string): ScheduleParseResult {
  if (spec.length === 0) return { ok: false, error: 'empty spec string' };
  let location = LOCAL;
  let rest = spec;
  if (rest.startsWith('TZ=') || rest.startsWith('CRON_TZ=')) {
    const space = rest.indexOf(' ');
    const equals = rest.indexOf('=');
    if (space === -1) {
      // @simplified: Go slices spec[eq+1:-1] here and panics; the apiserver turns that into an
      // internal error. We report the runtime error text and flag it.
      return { ok: false, error: 'runtime error: slice bounds out of range [:-1]', panic: true };
    }
    const name = rest.slice(equals + 1, space);
    const loaded = loadLocation(name);
    if (!loaded.ok) return { ok: false, error: `provided bad location ${name}: ${loaded.error}` };
    location = loaded.value;
    rest = goTrimSpace(rest.slice(space));
  }
  if (rest.startsWith('@')) return parseDescriptor(rest, location);
  const fields = goFields(rest);
  if (fields.length !== 5) {
    return {
      ok: false,
      error: `expected exactly 5 fields, found ${fields.length}: ${goFormatStrings(fields)}`,
    };
  }
  // The standard parser has no seconds field: it is always "0". Fields parse in order and the
  // first error wins.
  const texts = ['0', ...fields];
  const bounds = [SECONDS, MINUTES, HOURS, DAYS_OF_MONTH, MONTHS, DAYS_OF_WEEK];
  const parsed: CronField[] = [];
  for (let i = 0; i < texts.length; i++) {
    const field = getField(texts[i], bounds[i]);
    if (!field.ok) return field;
    parsed.push(field.value);
  }
  const [second, minute, hour, dayOfMonth, month, dayOfWeek] = parsed;
  return {
    ok: true,
    schedule: { kind: 'spec', second, minute, hour, dayOfMonth, month, dayOfWeek, location },
  };
}

/** The text handed to the parser, and whether the UnsupportedSchedule warning applies. */
export interface FormattedSchedule {
  readonly spec: string;
  /** The schedule itself contains `TZ`: the controller warns `UnsupportedSchedule`. */
  readonly tzInSchedule: boolean;
}

/**
 * The controller's formatSchedule: a schedule mentioning `TZ` is used as written; otherwise a
 * loadable spec.timeZone becomes a `TZ=<zone> ` prefix (an unloadable one is left out, the
 * controller reports it separately as UnknownTimeZone).
 */
export function formatSchedule(schedule: string, timeZone?: string | null): FormattedSchedule {
  if (schedule.includes('TZ')) return { spec: schedule, tzInSchedule: true };
  if (timeZone !== undefined && timeZone !== null && loadLocation(timeZone).ok) {
    return { spec: `TZ=${timeZone} ${schedule}`, tzInSchedule: false };
  }
  return { spec: schedule, tzInSchedule: false };
}

/** Parses spec.schedule in spec.timeZone the way the CronJob controller does. */
export function parseSchedule(schedule: string, timeZone?: string | null): ScheduleParseResult {
  return parseStandard(formatSchedule(schedule, timeZone).spec);
}
