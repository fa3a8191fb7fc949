import { describe, expect, it } from 'vitest';
import type { CronJob } from '../../api/object';
import { parseSchedule } from './parse-schedule';
import type { Schedule } from './schedule';
import {
  CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION,
  type CronJobScheduleState,
  cronJobScheduleState,
  getTimeHashInMinutes,
  jobNameFor,
  mostRecentScheduleTime,
  nextScheduleTime,
  nextScheduleTimeDuration,
  scheduledTimestampAnnotation,
} from './schedule-times';

function schedule(text: string, timeZone?: string): Schedule {
  const parsed = parseSchedule(text, timeZone);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.schedule;
}
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const MINUTE = 60_000;

// Named instants of the golden scenarios (wall clock t=0 is 2025-01-15 10:00:00 UTC).
const createdAt095950 = at('2025-01-15T09:59:50Z');
const createdAt100030 = at('2025-01-15T10:00:30Z');
const tenOClock = at('2025-01-15T10:00:00Z');
const requeueAfterTen = at('2025-01-15T10:00:00.100Z');
const everyMinute = schedule('*/1 * * * *');

describe('nextScheduleTime / nextScheduleTimeDuration: S18 first run', () => {
  const created: CronJobScheduleState = { creationTimestamp: createdAt095950 };

  it('syncing at creation finds nothing due and requeues for 10:00:00.100', () => {
    expect(nextScheduleTime(created, createdAt095950, everyMinute)).toEqual({
      tooManyMissed: false,
      error: undefined,
    });
    expect(nextScheduleTimeDuration(created, createdAt095950, everyMinute)).toBe(10_100);
  });

  it('the requeued sync starts the 10:00 job, then requeues for 10:01:00.100', () => {
    expect(nextScheduleTime(created, requeueAfterTen, everyMinute)).toEqual({
      scheduledTime: tenOClock,
      tooManyMissed: false,
    });
    expect(jobNameFor('simple', tenOClock)).toBe('simple-28948920');
    const afterRun = { ...created, lastScheduleTime: tenOClock };
    expect(nextScheduleTime(afterRun, requeueAfterTen, everyMinute).scheduledTime).toBeUndefined();
    expect(nextScheduleTimeDuration(afterRun, requeueAfterTen, everyMinute)).toBe(60_000);
  });

  it('created at 10:00:30 it never runs at creation, first at 10:01', () => {
    const late = { creationTimestamp: createdAt100030 };
    expect(nextScheduleTime(late, createdAt100030, everyMinute).scheduledTime).toBeUndefined();
    expect(nextScheduleTimeDuration(late, createdAt100030, everyMinute)).toBe(30_100);
    expect(
      iso(nextScheduleTime(late, at('2025-01-15T10:01:00.100Z'), everyMinute).scheduledTime),
    ).toBe('2025-01-15T10:01:00.000Z');
  });
});

describe('mostRecentScheduleTime: missed schedules', () => {
  it('S24: resuming at 10:05:45 after a 10:02 run starts only the 10:05 slot', () => {
    const state = {
      creationTimestamp: createdAt095950,
      lastScheduleTime: at('2025-01-15T10:02:00Z'),
    };
    const resumed = at('2025-01-15T10:05:45Z');
    expect(mostRecentScheduleTime(state, resumed, everyMinute, true)).toEqual({
      earliestTime: at('2025-01-15T10:02:00Z'),
      mostRecent: at('2025-01-15T10:05:00Z'),
      missed: 'few',
      tooMany: false,
      missedCount: 3,
    });
    expect(jobNameFor('simple', at('2025-01-15T10:05:00Z'))).toBe('simple-28948925');
  });

  it('more than 100 missed (rough count) still starts the most recent one, with the warning', () => {
    const state = { creationTimestamp: createdAt095950, lastScheduleTime: tenOClock };
    const twoHoursLater = at('2025-01-15T12:00:00.100Z');
    expect(mostRecentScheduleTime(state, twoHoursLater, everyMinute, true)).toMatchObject({
      mostRecent: at('2025-01-15T12:00:00Z'),
      missed: 'many',
      tooMany: true,
      missedCount: 120,
    });
    expect(nextScheduleTime(state, twoHoursLater, everyMinute)).toEqual({
      scheduledTime: at('2025-01-15T12:00:00Z'),
      tooManyMissed: true,
    });
  });

  it('draws the line at 100: t1 = 10:01, count = minutes since t1 + 1', () => {
    const state = { creationTimestamp: createdAt095950, lastScheduleTime: tenOClock };
    const t1 = at('2025-01-15T10:01:00Z');
    expect(mostRecentScheduleTime(state, t1 + 99 * MINUTE, everyMinute, true)).toMatchObject({
      missedCount: 100,
      tooMany: false,
    });
    expect(mostRecentScheduleTime(state, t1 + 100 * MINUTE, everyMinute, true)).toMatchObject({
      missedCount: 101,
      tooMany: true,
    });
  });

  it('startingDeadlineSeconds clamps the earliest time, so the count stays small', () => {
    const state = {
      creationTimestamp: createdAt095950,
      lastScheduleTime: tenOClock,
      startingDeadlineSeconds: 200,
    };
    const now = at('2025-01-15T12:00:00.100Z');
    expect(mostRecentScheduleTime(state, now, everyMinute, true)).toEqual({
      earliestTime: now - 200_000,
      mostRecent: at('2025-01-15T12:00:00Z'),
      missed: 'few',
      tooMany: false,
      missedCount: 4,
    });
    // The requeue computation ignores the deadline, as upstream does.
    expect(mostRecentScheduleTime(state, now, everyMinute, false).missed).toBe('many');
  });

  it('a deadline shorter than the time since the slot means nothing is due', () => {
    const state = { creationTimestamp: createdAt095950, startingDeadlineSeconds: 5 };
    const now = at('2025-01-15T10:00:10Z');
    expect(nextScheduleTime(state, now, everyMinute).scheduledTime).toBeUndefined();
    expect(nextScheduleTime({ creationTimestamp: createdAt095950 }, now, everyMinute)).toEqual({
      scheduledTime: tenOClock,
      tooManyMissed: false,
    });
  });

  it('walks a decade-long outage in a few steps', () => {
    const state = { creationTimestamp: at('2015-01-15T10:00:00Z') };
    const now = at('2025-01-15T10:00:30Z');
    const start = process.hrtime.bigint();
    const result = mostRecentScheduleTime(state, now, everyMinute, true);
    // About 5.3 million minutes were missed; the estimate jump makes this a handful of steps.
    expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(50);
    expect(result).toMatchObject({ mostRecent: tenOClock, tooMany: true });
  });

  it('keeps upstream’s overshoot on irregular schedules (0 9,10 * * *)', () => {
    // t1 = 16th 09:00, t2 = 16th 10:00 (1 h apart); 50 h later the estimate jumps to 18th 10:00
    // and the first time after that is the 19th 09:00: no Job, although 18th 10:00 was missed.
    const state = { creationTimestamp: at('2025-01-15T10:00:00Z') };
    const nineAndTen = schedule('0 9,10 * * *');
    const now = at('2025-01-18T11:00:00Z');
    expect(mostRecentScheduleTime(state, now, nineAndTen, true)).toEqual({
      earliestTime: at('2025-01-15T10:00:00Z'),
      mostRecent: undefined,
      missed: 'few',
      tooMany: false,
      missedCount: 51,
    });
    expect(nextScheduleTime(state, now, nineAndTen).scheduledTime).toBeUndefined();
    // With missed schedules and none found, the requeue aims after now.
    expect(nextScheduleTimeDuration(state, now, nineAndTen)).toBe(
      at('2025-01-19T09:00:00.100Z') - now,
    );
  });

  it('@every is counted from the earliest time', () => {
    const state = { creationTimestamp: tenOClock };
    const now = at('2025-01-15T10:10:00Z');
    expect(iso(nextScheduleTime(state, now, schedule('@every 90s')).scheduledTime)).toBe(
      '2025-01-15T10:09:00.000Z',
    );
  });

  it('an impossible date is an error (InvalidSchedule) and requeues at once', () => {
    const state = { creationTimestamp: tenOClock };
    const never = schedule('0 0 31 2 *');
    expect(nextScheduleTime(state, tenOClock, never)).toEqual({
      tooManyMissed: false,
      error: 'time difference between two schedules is less than 1 second',
    });
    expect(nextScheduleTimeDuration(state, tenOClock, never)).toBe(0);
  });
});

describe('S27: Asia/Seoul', () => {
  const nightly = schedule('0 3 * * *', 'Asia/Seoul');
  const state = { creationTimestamp: at('2025-01-15T09:59:55Z') };
  const firstRun = at('2025-01-15T18:00:00Z');

  it('first runs at 03:00 Seoul = 18:00 UTC the previous day', () => {
    expect(nextScheduleTimeDuration(state, tenOClock, nightly)).toBe(8 * 3_600_000 + 100);
    expect(nextScheduleTime(state, firstRun + 100, nightly).scheduledTime).toBe(firstRun);
    expect(jobNameFor('nightly', firstRun)).toBe('nightly-28949400');
  });

  it('annotates the Job with the scheduled time in the CronJob’s zone', () => {
    expect(scheduledTimestampAnnotation(firstRun, 'Asia/Seoul')).toEqual({
      ok: true,
      value: '2025-01-16T03:00:00+09:00',
    });
    expect(CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION).toBe(
      'batch.kubernetes.io/cronjob-scheduled-timestamp',
    );
  });
});

describe('job names and the scheduled-timestamp annotation', () => {
  it.each([
    ['2025-01-15T10:00:00Z', 28_948_920],
    ['2025-01-15T10:01:00Z', 28_948_921],
    ['2025-01-15T10:06:00Z', 28_948_926],
    ['2026-08-25T00:08:00Z', 29_793_608],
    ['2025-01-15T10:00:59.999Z', 28_948_920],
  ])('%s → %i minutes since the epoch', (instant, minutes) => {
    expect(getTimeHashInMinutes(at(instant))).toBe(minutes);
  });

  it.each([
    ['2026-08-25T00:08:00Z', undefined, '2026-08-25T00:08:00Z'],
    ['2026-08-25T00:08:00Z', 'UTC', '2026-08-25T00:08:00Z'],
    ['2026-08-25T00:08:00Z', 'Etc/UTC', '2026-08-25T00:08:00Z'],
    ['2025-01-15T14:00:00Z', 'America/New_York', '2025-01-15T09:00:00-05:00'],
    ['2025-07-15T13:00:00Z', 'America/New_York', '2025-07-15T09:00:00-04:00'],
    ['2025-01-15T03:30:00Z', 'Asia/Kolkata', '2025-01-15T09:00:00+05:30'],
    ['2025-01-15T10:00:00Z', 'America/St_Johns', '2025-01-15T06:30:00-03:30'],
  ])('%s in %s → %s', (instant, timeZone, value) => {
    expect(scheduledTimestampAnnotation(at(instant), timeZone)).toEqual({ ok: true, value });
  });

  it('fails like LoadLocation for an unknown zone', () => {
    expect(scheduledTimestampAnnotation(tenOClock, 'Europe/Pariss')).toEqual({
      ok: false,
      error: 'unknown time zone Europe/Pariss',
    });
  });
});

describe('cronJobScheduleState', () => {
  it('reads the timestamps and the deadline from a CronJob', () => {
    const cronJob: CronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'simple', creationTimestamp: '2025-01-15T09:59:50Z' },
      spec: {
        schedule: '*/1 * * * *',
        startingDeadlineSeconds: 30,
        jobTemplate: { spec: { template: {} } },
      },
      status: { lastScheduleTime: '2025-01-15T10:00:00Z' },
    };
    expect(cronJobScheduleState(cronJob)).toEqual({
      creationTimestamp: createdAt095950,
      lastScheduleTime: tenOClock,
      startingDeadlineSeconds: 30,
    });
  });
});
