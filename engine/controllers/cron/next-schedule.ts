/**
 * The next activation time of a schedule, re-implementing robfig/cron v3's SpecSchedule.Next
 * (spec.go) and ConstantDelaySchedule.Next (constantdelay.go) step for step, because k8s 1.32's
 * CronJob controller inherits their exact behaviour:
 *
 * - the search starts at the next whole second after `t`; nothing more than five years ahead
 *   is returned (an unsatisfiable schedule such as `0 0 30 2 *` has no next time);
 * - day of month and day of week: if either field is a star (`*` or `?`), a day must satisfy both
 *   (so the other one alone decides); if neither is, satisfying either is enough;
 * - wall-clock arithmetic goes through Go's time.Date and AddDate, while hours, minutes and
 *   seconds advance in absolute time. Hence robfig's DST behaviour: a time in the spring-forward
 *   gap is skipped that day (`30 2 * * *` in New York does not run on the changeover day), and a
 *   time in the repeated fall-back hour runs twice.
 *
 * The cron-parser package handles both DST cases differently (it runs the skipped time at 03:30
 * and runs the repeated one once) and needs ~25 µs per call, so it is not used here; the tests
 * use it as an independent cross-check away from DST changes.
 *
 * robfig loops one hour, minute or second at a time; this walk jumps straight to the next allowed
 * value instead, whenever the UTC offset is the same at both ends of the jump, which gives the
 * same result as the single steps (they only differ when a DST change lies in between, and then
 * the single steps are taken).
 */
import type { Instant } from '../../time/instant';
import type { CronField, Schedule, SpecSchedule } from './schedule';
import { type Location, type WallClock, addDate, dateIn, wallClock } from './time-zone';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** robfig's dayMatches: AND when either day field is a star, OR otherwise. */
function dayMatches(schedule: SpecSchedule, w: WallClock): boolean {
  const domMatch = schedule.dayOfMonth.allowed[w.day] === 1;
  const dowMatch = schedule.dayOfWeek.allowed[w.weekday] === 1;
  if (schedule.dayOfMonth.star || schedule.dayOfWeek.star) return domMatch && dowMatch;
  return domMatch || dowMatch;
}

/** True when no day can ever match, so Next would only search out its five years. */
function noDayCanMatch(schedule: SpecSchedule): boolean {
  const { dayOfMonth, dayOfWeek } = schedule;
  if (dayOfMonth.star || dayOfWeek.star) return dayOfMonth.empty || dayOfWeek.empty;
  return dayOfMonth.empty && dayOfWeek.empty;
}

/**
 * Advances `t` (whose wall value of the field is `value`) towards the next allowed value of the
 * field, or to the wrap-around to 0, in steps of `unit`. Returns the new instant.
 */
function advance(
  location: Location,
  t: Instant,
  field: CronField,
  value: number,
  unit: number,
): Instant {
  const jump = t + (field.nextAllowed[value] - value) * unit;
  return location.offsetAt(jump) === location.offsetAt(t) ? jump : t + unit;
}

/** SpecSchedule.Next: the first activation strictly after `from`, or undefined. */
function nextSpec(schedule: SpecSchedule, from: Instant): Instant | undefined {
  const { location } = schedule;
  if (
    schedule.second.empty ||
    schedule.minute.empty ||
    schedule.hour.empty ||
    schedule.month.empty ||
    noDayCanMatch(schedule)
  ) {
    return undefined;
  }
  // Start at the earliest possible time: the upcoming whole second.
  let t = Math.floor(from / SECOND) * SECOND + SECOND;
  let added = false;
  let w = wallClock(location, t);
  const yearLimit = w.year + 5;

  // Every `continue wrap` below comes with `w` already describing `t`.
  wrap: for (;;) {
    if (w.year > yearLimit) return undefined;

    while (schedule.month.allowed[w.month] !== 1) {
      if (!added) {
        added = true;
        t = dateIn(location, w.year, w.month, 1, 0, 0, 0);
      }
      t = addDate(location, t, 0, 1, 0);
      w = wallClock(location, t);
      if (w.month === 1) continue wrap;
    }

    while (!dayMatches(schedule, w)) {
      if (!added) {
        added = true;
        t = dateIn(location, w.year, w.month, w.day, 0, 0, 0);
      }
      t = addDate(location, t, 0, 0, 1);
      w = wallClock(location, t);
      // Midnight may not exist on a DST day: robfig nudges the time back to an hour of 0.
      if (w.hour !== 0) {
        t += w.hour > 12 ? (24 - w.hour) * HOUR : -w.hour * HOUR;
        w = wallClock(location, t);
      }
      if (w.day === 1) continue wrap;
    }

    while (schedule.hour.allowed[w.hour] !== 1) {
      if (!added) {
        added = true;
        t = dateIn(location, w.year, w.month, w.day, w.hour, 0, 0);
        w = wallClock(location, t);
      }
      t = advance(location, t, schedule.hour, w.hour, HOUR);
      w = wallClock(location, t);
      if (w.hour === 0) continue wrap;
    }

    while (schedule.minute.allowed[w.minute] !== 1) {
      if (!added) {
        added = true;
        t = Math.floor(t / MINUTE) * MINUTE; // Go's Truncate works on absolute time
        w = wallClock(location, t);
      }
      t = advance(location, t, schedule.minute, w.minute, MINUTE);
      w = wallClock(location, t);
      if (w.minute === 0) continue wrap;
    }

    while (schedule.second.allowed[w.second] !== 1) {
      if (!added) {
        added = true;
        t = Math.floor(t / SECOND) * SECOND;
        w = wallClock(location, t);
      }
      t = advance(location, t, schedule.second, w.second, SECOND);
      w = wallClock(location, t);
      if (w.second === 0) continue wrap;
    }

    return t;
  }
}

/**
 * The schedule's next activation strictly after `t` (robfig's Schedule.Next), or undefined where
 * robfig returns the zero time (nothing within five years).
 */
export function nextAfter(schedule: Schedule, t: Instant): Instant | undefined {
  if (schedule.kind === 'every') {
    // ConstantDelaySchedule.Next: drop the sub-second part, add the delay.
    return Math.floor(t / SECOND) * SECOND + schedule.delay;
  }
  return nextSpec(schedule, t);
}

/** The next `count` activations after `t`, for timelines in the UI. */
export function upcomingTimes(schedule: Schedule, t: Instant, count: number): Instant[] {
  const times: Instant[] = [];
  let at: Instant | undefined = t;
  while (times.length < count) {
    at = nextAfter(schedule, at);
    if (at === undefined) break;
    times.push(at);
  }
  return times;
}
