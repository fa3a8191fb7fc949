import { CronExpressionParser } from 'cron-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextAfter, upcomingTimes } from './next-schedule';
import { parseSchedule, parseStandard } from './parse-schedule';
import type { Schedule } from './schedule';

function schedule(text: string, timeZone?: string): Schedule {
  const parsed = parseSchedule(text, timeZone);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.schedule;
}
const at = (iso: string) => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant ${iso}`);
  return ms;
};
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/**
 * robfig/cron's own TestNext rows (spec_test.go), converted from its seconds-first parser to the
 * five-field form by dropping the leading `0` second. Rows without a zone run in Local, which is
 * UTC in the simulated controller-manager. Rows relying on `L` (not in v3.0.1) are left out.
 */
const ROBFIG_NEXT: [from: string, spec: string, expected: string | undefined][] = [
  ['2012-07-09T14:45:00Z', '0/15 * * * *', '2012-07-09T15:00:00Z'],
  ['2012-07-09T14:59:00Z', '0/15 * * * *', '2012-07-09T15:00:00Z'],
  ['2012-07-09T14:59:59Z', '0/15 * * * *', '2012-07-09T15:00:00Z'],
  ['2012-07-09T15:45:00Z', '20-35/15 * * * *', '2012-07-09T16:20:00Z'],
  ['2012-07-09T23:46:00Z', '*/15 * * * *', '2012-07-10T00:00:00Z'],
  ['2012-07-09T23:45:00Z', '20-35/15 * * * *', '2012-07-10T00:20:00Z'],
  ['2012-07-09T23:35:00Z', '0 0 9 Apr-Oct ?', '2012-08-09T00:00:00Z'],
  // `*/5` is not a star (issue #70), so day of month OR Monday: 1 August.
  ['2012-07-09T23:35:00Z', '0 0 */5 Apr,Aug,Oct Mon', '2012-08-01T00:00:00Z'],
  ['2012-07-09T23:35:00Z', '0 0 */5 Oct Mon', '2012-10-01T00:00:00Z'],
  ['2012-07-09T23:35:00Z', '0 0 * Feb Mon', '2013-02-04T00:00:00Z'],
  ['2012-07-09T23:35:00Z', '0 0 * Feb Mon/2', '2013-02-01T00:00:00Z'],
  ['2012-12-31T23:59:45Z', '* * * * *', '2013-01-01T00:00:00Z'],
  ['2012-07-09T23:35:00Z', '0 0 29 Feb ?', '2016-02-29T00:00:00Z'],
  // Spring forward in New York, 2am EST → 3am EDT: 2:30 does not exist that day.
  ['2012-03-11T00:00:00-05:00', 'TZ=America/New_York 30 2 11 Mar ?', '2013-03-11T02:30:00-04:00'],
  ['2012-03-11T00:00:00-05:00', 'TZ=America/New_York 0 * * * ?', '2012-03-11T01:00:00-05:00'],
  ['2012-03-11T01:00:00-05:00', 'TZ=America/New_York 0 * * * ?', '2012-03-11T03:00:00-04:00'],
  ['2012-03-11T03:00:00-04:00', 'TZ=America/New_York 0 * * * ?', '2012-03-11T04:00:00-04:00'],
  ['2012-03-11T04:00:00-04:00', 'TZ=America/New_York 0 * * * ?', '2012-03-11T05:00:00-04:00'],
  ['2012-03-11T01:00:00-05:00', 'CRON_TZ=America/New_York 0 * * * ?', '2012-03-11T03:00:00-04:00'],
  ['2012-03-11T00:00:00-05:00', 'TZ=America/New_York 0 1 * * ?', '2012-03-11T01:00:00-05:00'],
  ['2012-03-11T01:00:00-05:00', 'TZ=America/New_York 0 1 * * ?', '2012-03-12T01:00:00-04:00'],
  ['2012-03-11T00:00:00-05:00', 'TZ=America/New_York 0 2 * * ?', '2012-03-12T02:00:00-04:00'],
  // Fall back, 2am EDT → 1am EST: the 1 o'clock hour happens twice.
  ['2012-11-04T00:00:00-04:00', 'TZ=America/New_York 30 2 04 Nov ?', '2012-11-04T02:30:00-05:00'],
  ['2012-11-04T01:45:00-04:00', 'TZ=America/New_York 30 1 04 Nov ?', '2012-11-04T01:30:00-05:00'],
  ['2012-11-04T00:00:00-04:00', 'TZ=America/New_York 0 * * * ?', '2012-11-04T01:00:00-04:00'],
  ['2012-11-04T01:00:00-04:00', 'TZ=America/New_York 0 * * * ?', '2012-11-04T01:00:00-05:00'],
  ['2012-11-04T01:00:00-05:00', 'TZ=America/New_York 0 * * * ?', '2012-11-04T02:00:00-05:00'],
  ['2012-11-04T00:00:00-04:00', 'TZ=America/New_York 0 1 * * ?', '2012-11-04T01:00:00-04:00'],
  ['2012-11-04T01:00:00-04:00', 'TZ=America/New_York 0 1 * * ?', '2012-11-04T01:00:00-05:00'],
  ['2012-11-04T01:00:00-05:00', 'TZ=America/New_York 0 1 * * ?', '2012-11-05T01:00:00-05:00'],
  ['2012-11-04T00:00:00-04:00', 'TZ=America/New_York 0 2 * * ?', '2012-11-04T02:00:00-05:00'],
  ['2012-11-04T02:00:00-05:00', 'TZ=America/New_York 0 2 * * ?', '2012-11-05T02:00:00-05:00'],
  ['2012-11-04T00:00:00-04:00', 'TZ=America/New_York 0 3 * * ?', '2012-11-04T03:00:00-05:00'],
  ['2012-11-04T03:00:00-05:00', 'TZ=America/New_York 0 3 * * ?', '2012-11-05T03:00:00-05:00'],
  ['2012-11-04T00:00:00-04:00', 'TZ=America/New_York 0 3 3 * ?', '2012-12-03T03:00:00-05:00'],
  // Sao Paulo, where DST began at midnight (robfig issue #157).
  ['2018-10-17T05:00:00-04:00', 'TZ=America/Sao_Paulo 0 9 10 * ?', '2018-11-10T06:00:00-05:00'],
  ['2018-02-14T05:00:00-05:00', 'TZ=America/Sao_Paulo 0 9 22 * ?', '2018-02-22T07:00:00-05:00'],
  // Unsatisfiable: robfig's zero time.
  ['2012-07-09T23:35:00Z', '0 0 30 Feb ?', undefined],
  ['2012-07-09T23:35:00Z', '0 0 31 Apr ?', undefined],
];

/** robfig's TestActivation rows: does the schedule fire exactly at this instant? */
const ROBFIG_ACTIVATION: [instant: string, spec: string, fires: boolean][] = [
  ['2012-07-09T15:00:00Z', '0/15 * * * *', true],
  ['2012-07-09T15:45:00Z', '0/15 * * * *', true],
  ['2012-07-09T15:40:00Z', '0/15 * * * *', false],
  ['2012-07-09T15:05:00Z', '5/15 * * * *', true],
  ['2012-07-09T15:20:00Z', '5/15 * * * *', true],
  ['2012-07-09T15:50:00Z', '5/15 * * * *', true],
  ['2012-07-15T15:00:00Z', '0/15 * * Jul *', true],
  ['2012-07-15T15:00:00Z', '0/15 * * Jun *', false],
  ['2012-07-15T08:30:00Z', '30 08 ? Jul Sun', true],
  ['2012-07-15T08:30:00Z', '30 08 15 Jul ?', true],
  ['2012-07-16T08:30:00Z', '30 08 ? Jul Sun', false],
  ['2012-07-16T08:30:00Z', '30 08 15 Jul ?', false],
  ['2012-07-09T15:00:00Z', '@hourly', true],
  ['2012-07-09T15:04:00Z', '@hourly', false],
  ['2012-07-09T15:00:00Z', '@daily', false],
  ['2012-07-09T00:00:00Z', '@daily', true],
  ['2012-07-09T00:00:00Z', '@weekly', false],
  ['2012-07-08T00:00:00Z', '@weekly', true],
  ['2012-07-08T01:00:00Z', '@weekly', false],
  ['2012-07-08T00:00:00Z', '@monthly', false],
  ['2012-07-01T00:00:00Z', '@monthly', true],
  // Both day fields restricted: either one is enough.
  ['2012-07-15T00:00:00Z', '* * 1,15 * Sun', true],
  ['2012-06-15T00:00:00Z', '* * 1,15 * Sun', true],
  ['2012-08-01T00:00:00Z', '* * 1,15 * Sun', true],
  ['2012-07-15T00:00:00Z', '* * */10 * Sun', true],
  // One day field is a star: the other one decides.
  ['2012-07-15T00:00:00Z', '* * * * Mon', false],
  ['2012-07-09T00:00:00Z', '* * 1,15 * *', false],
  ['2012-07-15T00:00:00Z', '* * 1,15 * *', true],
  ['2012-07-15T00:00:00Z', '* * */2 * Sun', true],
];

describe('nextAfter: robfig/cron TestNext', () => {
  it.each(ROBFIG_NEXT)('from %s, %s → %s', (from, spec, expected) => {
    const parsed = parseStandard(spec);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(iso(nextAfter(parsed.schedule, at(from)))).toBe(
      expected === undefined ? undefined : iso(at(expected)),
    );
  });
});

describe('nextAfter: robfig/cron TestActivation', () => {
  it.each(ROBFIG_ACTIVATION)('%s, %s fires: %s', (instant, spec, fires) => {
    const parsed = parseStandard(spec);
    if (!parsed.ok) throw new Error(parsed.error);
    const t = at(instant);
    expect(nextAfter(parsed.schedule, t - 1000) === t).toBe(fires);
  });
});

describe('nextAfter: day of month and day of week', () => {
  // 2025-01-15 is a Wednesday.
  const wednesday = at('2025-01-15T10:00:00Z');
  it.each([
    // Both restricted: OR.
    ['0 0 1 * 1', ['2025-01-20', '2025-01-27', '2025-02-01', '2025-02-03']],
    // A full range is not a star: still OR, so every day.
    ['0 0 1-31 * 1', ['2025-01-16', '2025-01-17', '2025-01-18', '2025-01-19']],
    // `?` is a star: the other field alone decides.
    ['0 0 ? * 1', ['2025-01-20', '2025-01-27', '2025-02-03', '2025-02-10']],
    ['0 0 15 * ?', ['2025-02-15', '2025-03-15', '2025-04-15', '2025-05-15']],
    // `*/1` keeps the star.
    ['0 0 */1 * 5', ['2025-01-17', '2025-01-24', '2025-01-31', '2025-02-07']],
    // Sunday is 0 and `sun`.
    ['0 0 * * sun', ['2025-01-19', '2025-01-26', '2025-02-02', '2025-02-09']],
    // An empty day-of-month list with a restricted weekday: the weekday decides (OR).
    ['0 0 , * 3', ['2025-01-22', '2025-01-29', '2025-02-05', '2025-02-12']],
  ])('%s', (spec, days) => {
    expect(upcomingTimes(schedule(spec), wednesday, 4).map(iso)).toEqual(
      days.map((day) => `${day}T00:00:00.000Z`),
    );
  });

  it('never fires with an empty day list when the other day field is a star', () => {
    expect(nextAfter(schedule('0 0 , * *'), wednesday)).toBeUndefined();
    expect(nextAfter(schedule(', * * * *'), wednesday)).toBeUndefined();
  });
});

describe('nextAfter: named instants from the golden scenarios', () => {
  const createdAt095950 = at('2025-01-15T09:59:50Z');
  const justBeforeTheMinute = at('2025-01-15T09:59:59.999Z');
  const onTheMinute = at('2025-01-15T10:00:00Z');
  const createdAt100030 = at('2025-01-15T10:00:30Z');
  const clusterStart = at('2025-01-15T10:00:00Z');

  it('S18: */1 created 09:59:50 first runs at 10:00:00', () => {
    expect(iso(nextAfter(schedule('*/1 * * * *'), createdAt095950))).toBe(
      '2025-01-15T10:00:00.000Z',
    );
    expect(iso(nextAfter(schedule('*/1 * * * *'), justBeforeTheMinute))).toBe(
      '2025-01-15T10:00:00.000Z',
    );
  });

  it('is strictly after: from the minute itself it gives the following minute', () => {
    expect(iso(nextAfter(schedule('* * * * *'), onTheMinute))).toBe('2025-01-15T10:01:00.000Z');
    expect(iso(nextAfter(schedule('* * * * *'), createdAt100030))).toBe('2025-01-15T10:01:00.000Z');
  });

  it('S27: 0 3 * * * in Asia/Seoul first runs 2025-01-15T18:00:00Z', () => {
    expect(iso(nextAfter(schedule('0 3 * * *', 'Asia/Seoul'), clusterStart))).toBe(
      '2025-01-15T18:00:00.000Z',
    );
    expect(iso(nextAfter(schedule('0 3 * * *'), clusterStart))).toBe('2025-01-16T03:00:00.000Z');
  });

  it('@every counts from the given time, to the whole second', () => {
    const every = schedule('@every 90s');
    expect(iso(nextAfter(every, at('2025-01-15T10:00:00.750Z')))).toBe('2025-01-15T10:01:30.000Z');
    expect(upcomingTimes(every, clusterStart, 3).map(iso)).toEqual([
      '2025-01-15T10:01:30.000Z',
      '2025-01-15T10:03:00.000Z',
      '2025-01-15T10:04:30.000Z',
    ]);
  });
});

describe('nextAfter: DST in America/New_York (2024)', () => {
  const newYork = (spec: string) => schedule(spec, 'America/New_York');
  const springForwardEve = at('2024-03-09T12:00:00Z');
  const fallBackEve = at('2024-11-02T12:00:00Z');

  it('skips 02:30 on the spring-forward day (the time does not exist)', () => {
    expect(upcomingTimes(newYork('30 2 * * *'), springForwardEve, 2).map(iso)).toEqual([
      '2024-03-11T06:30:00.000Z',
      '2024-03-12T06:30:00.000Z',
    ]);
  });

  it('runs 01:30 twice on the fall-back day', () => {
    expect(upcomingTimes(newYork('30 1 * * *'), fallBackEve, 3).map(iso)).toEqual([
      '2024-11-03T05:30:00.000Z', // 01:30 EDT
      '2024-11-03T06:30:00.000Z', // 01:30 EST
      '2024-11-04T06:30:00.000Z',
    ]);
  });

  it('keeps */30 regular in absolute time across both changes', () => {
    const times = upcomingTimes(newYork('*/30 * * * *'), at('2024-11-03T04:00:00Z'), 8);
    expect(times.slice(1).map((t, i) => t - times[i])).toEqual(Array(7).fill(30 * 60_000));
    const spring = upcomingTimes(newYork('*/30 * * * *'), at('2024-03-10T05:00:00Z'), 6);
    expect(spring.slice(1).map((t, i) => t - spring[i])).toEqual(Array(5).fill(30 * 60_000));
  });

  it('runs a daily 09:00 at 09:00 local on both sides of each change', () => {
    expect(upcomingTimes(newYork('0 9 * * *'), springForwardEve, 3).map(iso)).toEqual([
      '2024-03-09T14:00:00.000Z',
      '2024-03-10T13:00:00.000Z',
      '2024-03-11T13:00:00.000Z',
    ]);
  });
});

describe('nextAfter: agrees with cron-parser away from DST changes', () => {
  // An independent implementation, for schedules whose DOM/DOW star semantics both read alike.
  const value = (min: number, max: number) => fc.integer({ min, max });
  const part = (min: number, max: number) =>
    fc.oneof(
      value(min, max).map(String),
      fc
        .tuple(value(min, max), value(min, max))
        .map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
      value(2, 7).map((step) => `*/${step}`),
      fc
        .tuple(value(min, max), value(min, max), value(2, 5))
        .map(([a, b, s]) => `${Math.min(a, b)}-${Math.max(a, b)}/${s}`),
    );
  const field = (min: number, max: number) =>
    fc
      .oneof(
        { weight: 2, arbitrary: fc.constant('*') },
        { weight: 3, arbitrary: fc.array(part(min, max), { minLength: 1, maxLength: 3 }) },
      )
      .map((f) => (Array.isArray(f) ? f.join(',') : f));
  const expression = fc
    .tuple(field(0, 59), field(0, 23), field(1, 28), field(1, 12), field(0, 6))
    .map((fields) => fields.join(' '));
  const zone = fc.constantFrom('UTC', 'Asia/Seoul', 'Asia/Kolkata', 'Asia/Tokyo');
  const start = fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2025-12-01T00:00:00Z') });

  it('on random schedules, zones and start times (seeded)', () => {
    fc.assert(
      fc.property(expression, zone, start, (spec, tz, from) => {
        let theirs: number[];
        try {
          theirs = CronExpressionParser.parse(spec, { currentDate: new Date(from), tz })
            .take(4)
            .map((d) => d.getTime());
        } catch (_error) {
          fc.pre(false); // cron-parser refuses lists with repeated values; robfig does not
          return;
        }
        expect(upcomingTimes(schedule(spec, tz), from, 4)).toEqual(theirs);
      }),
      { seed: 20250115, numRuns: 400 },
    );
  });
});

/** Wall-clock milliseconds a call takes (tests may read the host clock; the engine never does). */
function elapsedMs(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

describe('nextAfter: cost', () => {
  it('10,080 minutely next times (7 days) take well under 100 ms, in UTC and in a zone', () => {
    for (const tz of [undefined, 'Asia/Seoul', 'America/New_York']) {
      const everyMinute = schedule('* * * * *', tz);
      // Measure the steady state, as in a running simulation: let the JIT see the code first.
      upcomingTimes(everyMinute, at('2024-01-01T00:00:00Z'), 1000);
      let t = at('2025-03-05T00:00:00Z');
      const elapsed = elapsedMs(() => {
        for (let i = 0; i < 10_080; i++) t = nextAfter(everyMinute, t) as number;
      });
      expect(iso(t)).toBe('2025-03-12T00:00:00.000Z');
      expect(elapsed).toBeLessThan(100);
    }
  });

  it('gives up on an impossible date after searching five years, quickly', () => {
    let next: number | undefined = 0;
    const elapsed = elapsedMs(() => {
      next = nextAfter(schedule('0 0 31 2 *', 'Europe/Berlin'), at('2025-01-15T10:00:00Z'));
    });
    expect(next).toBeUndefined();
    expect(elapsed).toBeLessThan(100);
  });
});
