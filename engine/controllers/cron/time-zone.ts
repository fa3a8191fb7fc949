/**
 * Time zones as Go's time package sees them, for the CronJob schedule: LoadLocation's name rules
 * and error texts, wall-clock fields of an instant, time.Date's resolution of wall times that fall
 * into a DST gap or overlap, AddDate, and RFC 3339 formatting with the zone's offset.
 *
 * Offsets come from the JavaScript engine's IANA data through Intl (the engine has no tzdata of
 * its own); they are cached per six-hour bucket, with each DST transition located to the second,
 * so walking a schedule costs a handful of Intl calls per simulated day.
 */
import type { Duration, Instant } from '../../time/instant';
import { type GoResult } from './go-text';
import { TIME_ZONE_NAMES } from './time-zone-names';

/** A loaded time zone: its name and its UTC offset (ms east of UTC) at any instant. */
export interface Location {
  readonly name: string;
  offsetAt(t: Instant): Duration;
}

/** Wall-clock fields of an instant in a location (month 1–12, weekday 0 = Sunday). */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly weekday: number;
  readonly offset: Duration;
}

const SECOND = 1000;
const DAY = 86_400_000;

/** A zone with one fixed offset (UTC, and Go's `Factory`, which Intl does not know). */
class FixedZone implements Location {
  constructor(
    readonly name: string,
    private readonly offset: Duration,
  ) {}

  offsetAt(_t: Instant): Duration {
    return this.offset;
  }
}
const fixedZone = (name: string, offset: Duration): Location => new FixedZone(name, offset);

/** Go's time.UTC. */
export const UTC: Location = fixedZone('UTC', 0);

/**
 * Go's time.Local in the simulated kube-controller-manager. Its process runs in UTC, as control
 * planes normally do (the golden scenarios assume it), so CronJobs without spec.timeZone follow UTC.
 */
export const LOCAL: Location = fixedZone('Local', 0);

const BUCKET = 6 * 3_600_000;

/** A zone backed by Intl, with offsets memoised per bucket and transitions found by bisection. */
class IntlZone implements Location {
  private readonly format: Intl.DateTimeFormat;
  private readonly boundaryOffsets = new Map<number, Duration>();
  private readonly buckets = new Map<number, { before: Duration; after: Duration; at: Instant }>();

  constructor(readonly name: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  offsetAt(t: Instant): Duration {
    const index = Math.floor(t / BUCKET);
    let bucket = this.buckets.get(index);
    if (bucket === undefined) {
      bucket = this.locateTransition(index);
      this.buckets.set(index, bucket);
    }
    return t < bucket.at ? bucket.before : bucket.after;
  }

  /** Offsets at both ends of a bucket; if they differ, bisect to the second of the change. */
  private locateTransition(index: number) {
    const before = this.boundaryOffset(index);
    const after = this.boundaryOffset(index + 1);
    if (before === after) return { before, after, at: index * BUCKET };
    let low = (index * BUCKET) / SECOND;
    let high = ((index + 1) * BUCKET) / SECOND;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (this.intlOffset(middle * SECOND) === before) low = middle;
      else high = middle;
    }
    return { before, after, at: high * SECOND };
  }

  private boundaryOffset(index: number): Duration {
    let offset = this.boundaryOffsets.get(index);
    if (offset === undefined) {
      offset = this.intlOffset(index * BUCKET);
      this.boundaryOffsets.set(index, offset);
    }
    return offset;
  }

  /** The offset Intl reports, at second precision (wall clock as UTC minus the instant). */
  private intlOffset(t: Instant): Duration {
    const fields: Record<string, number> = {};
    let bce = false;
    for (const part of this.format.formatToParts(new Date(t))) {
      if (part.type === 'era') bce = part.value.startsWith('B');
      else if (part.type !== 'literal') fields[part.type] = Number(part.value);
    }
    const year = bce ? 1 - fields.year : fields.year;
    const wall = civilToMs(
      year,
      fields.month,
      fields.day,
      fields.hour,
      fields.minute,
      fields.second,
    );
    return wall - Math.floor(t / SECOND) * SECOND;
  }
}

const zoneCache = new Map<string, Location>();

/** The Location for a name already known to be valid. */
function zoneFor(name: string): Location {
  let zone = zoneCache.get(name);
  if (zone === undefined) {
    if (name === 'Factory') {
      zone = fixedZone(name, 0);
    } else {
      try {
        zone = new IntlZone(name);
      } catch (_error) {
        // @simplified: a tzdata name this JavaScript engine's Intl does not know keeps UTC
        // offsets (validation still accepts it, so behaviour stays the same across engines).
        zone = fixedZone(name, 0);
      }
    }
    zoneCache.set(name, zone);
  }
  return zone;
}

/**
 * Go's time.LoadLocation: `""` and `UTC` give UTC, `Local` the controller's zone; names with `..`
 * or a leading slash fail with `time: invalid location name`; anything not in the IANA list fails
 * with `unknown time zone <name>` (the name is a case-sensitive file name in Go).
 */
export function loadLocation(name: string): GoResult<Location> {
  if (name === '' || name === 'UTC') return { ok: true, value: UTC };
  if (name === 'Local') return { ok: true, value: LOCAL };
  if (name.includes('..') || name.startsWith('/') || name.startsWith('\\')) {
    return { ok: false, error: 'time: invalid location name' };
  }
  if (!TIME_ZONE_NAMES.has(name)) return { ok: false, error: `unknown time zone ${name}` };
  return { ok: true, value: zoneFor(name) };
}

/** Days since 1970-01-01 of a proleptic Gregorian date; month and day may be out of range. */
function daysFromCivil(year: number, month: number, day: number): number {
  // Normalise the month into the year first, as time.Date does.
  const monthIndex = month - 1;
  const y0 = year + Math.floor(monthIndex / 12);
  const m = monthIndex - Math.floor(monthIndex / 12) * 12 + 1;
  // Howard Hinnant's days_from_civil, with the day of month added afterwards so it may overflow.
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468 + (day - 1);
}

/** Wall-clock fields written as if they were UTC, in ms; every field may be out of range. */
function civilToMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  return daysFromCivil(year, month, day) * DAY + ((hour * 60 + minute) * 60 + second) * SECOND;
}

/** The wall-clock fields of instant `t` in `location`. */
export function wallClock(location: Location, t: Instant): WallClock {
  const offset = location.offsetAt(t);
  const wall = t + offset;
  // Integer arithmetic (Hinnant's civil_from_days) rather than a Date: this is the hot path.
  const days = Math.floor(wall / DAY);
  const msOfDay = wall - days * DAY;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const seconds = Math.floor(msOfDay / SECOND);
  return {
    year: yoe + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day,
    hour: Math.floor(seconds / 3600),
    minute: Math.floor(seconds / 60) % 60,
    second: seconds % 60,
    weekday: (((days + 4) % 7) + 7) % 7,
    offset,
  };
}

/**
 * Go's time.Date in a location: out-of-range fields are normalised, then the wall time is mapped
 * to an instant with Go's two-step offset lookup, which is what decides where a time inside a
 * spring-forward gap or a fall-back overlap lands (k8s inherits this through robfig's Next).
 */
export function dateIn(
  location: Location,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millisecond = 0,
): Instant {
  const wall = civilToMs(year, month, day, hour, minute, second) + millisecond;
  // Go: look up the offset at the wall time read as UTC; if the instant that gives lies outside
  // that offset's period, use the offset in force at that instant instead.
  const guess = location.offsetAt(wall);
  return wall - location.offsetAt(wall - guess);
}

/** Go's Time.AddDate: adds to the wall-clock fields and renormalises through time.Date. */
export function addDate(
  location: Location,
  t: Instant,
  years: number,
  months: number,
  days: number,
): Instant {
  const w = wallClock(location, t);
  const millisecond = t - Math.floor(t / SECOND) * SECOND;
  return dateIn(
    location,
    w.year + years,
    w.month + months,
    w.day + days,
    w.hour,
    w.minute,
    w.second,
    millisecond,
  );
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Go's Time.Format(time.RFC3339) of `t` in `location`: `2025-01-16T03:00:00+09:00`, or a `Z`
 * suffix when the offset is zero. Go prints the offset's hours and minutes only.
 */
export function formatRFC3339In(location: Location, t: Instant): string {
  const w = wallClock(location, t);
  const date = `${pad(w.year, 4)}-${pad(w.month, 2)}-${pad(w.day, 2)}`;
  const time = `${pad(w.hour, 2)}:${pad(w.minute, 2)}:${pad(w.second, 2)}`;
  if (w.offset === 0) return `${date}T${time}Z`;
  const minutes = Math.trunc(w.offset / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${date}T${time}${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}
