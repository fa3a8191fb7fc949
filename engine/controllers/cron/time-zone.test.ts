import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TIME_ZONE_NAMES } from './time-zone-names';
import {
  addDate,
  dateIn,
  formatRFC3339In,
  loadLocation,
  wallClock,
  type Location,
} from './time-zone';

function zone(name: string): Location {
  const loaded = loadLocation(name);
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.value;
}
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('loadLocation (time.LoadLocation)', () => {
  it.each([
    ['', 'UTC'],
    ['UTC', 'UTC'],
    ['Local', 'Local'],
    ['Asia/Seoul', 'Asia/Seoul'],
    ['US/Eastern', 'US/Eastern'],
    ['Factory', 'Factory'],
  ])('%j loads', (name, loaded) => {
    expect(zone(name).name).toBe(loaded);
  });

  it.each([
    ['Europe/Pariss', 'unknown time zone Europe/Pariss'],
    ['utc', 'unknown time zone utc'],
    ['Foo..Bar', 'time: invalid location name'],
    ['/etc/localtime', 'time: invalid location name'],
    ['\\x', 'time: invalid location name'],
  ])('%j fails', (name, error) => {
    expect(loadLocation(name)).toEqual({ ok: false, error });
  });

  it('knows every listed name through Intl (Factory is a fixed UTC zone)', () => {
    const unknownToIntl = [...TIME_ZONE_NAMES].filter((name) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: name });
        return false;
      } catch (_error) {
        return true;
      }
    });
    expect(unknownToIntl).toEqual(['Factory']);
  });

  const zi = '/usr/share/zoneinfo/tzdata.zi';
  const ziVersion = existsSync(zi) ? readFileSync(zi, 'utf8').split('\n')[0] : '';
  it.skipIf(ziVersion !== '# version 2025b')('matches the names of the system tzdata 2025b', () => {
    const names = new Set<string>();
    for (const line of readFileSync(zi, 'utf8').split('\n')) {
      const fields = line.split(' ');
      if (fields[0] === 'Z') names.add(fields[1]);
      if (fields[0] === 'L') names.add(fields[2]);
    }
    expect([...TIME_ZONE_NAMES].sort()).toEqual([...names].sort());
  });

  it('does not depend on Intl.supportedValuesOf, which lacks names Go accepts', () => {
    // Node lists CLDR ids only (e.g. Asia/Calcutta, no UTC); Go takes every IANA name.
    expect(TIME_ZONE_NAMES.has('UTC') && TIME_ZONE_NAMES.has('Asia/Kolkata')).toBe(true);
    expect(TIME_ZONE_NAMES.has('Asia/Calcutta') && TIME_ZONE_NAMES.has('Etc/UTC')).toBe(true);
  });
});

describe('wallClock', () => {
  it('reads fields and offsets on both sides of a DST change', () => {
    const newYork = zone('America/New_York');
    expect(wallClock(newYork, at('2024-03-10T06:59:59Z'))).toEqual({
      year: 2024,
      month: 3,
      day: 10,
      hour: 1,
      minute: 59,
      second: 59,
      weekday: 0,
      offset: -5 * 3_600_000,
    });
    expect(wallClock(newYork, at('2024-03-10T07:00:00Z'))).toMatchObject({
      hour: 3,
      minute: 0,
      offset: -4 * 3_600_000,
    });
    expect(wallClock(zone('Asia/Seoul'), at('2025-01-15T18:00:00Z'))).toMatchObject({
      year: 2025,
      month: 1,
      day: 16,
      hour: 3,
      weekday: 4,
      offset: 9 * 3_600_000,
    });
  });

  it('handles dates before 1970 and leap days', () => {
    expect(wallClock(zone('UTC'), at('1969-12-31T23:59:59Z'))).toMatchObject({
      year: 1969,
      month: 12,
      day: 31,
      hour: 23,
      weekday: 3,
    });
    expect(wallClock(zone('UTC'), at('2024-02-29T12:00:00Z'))).toMatchObject({
      month: 2,
      day: 29,
      weekday: 4,
    });
  });

  it('agrees with Date for many instants', () => {
    const utc = zone('UTC');
    for (let t = at('1999-12-25T00:00:00Z'); t < at('2101-01-01T00:00:00Z'); t += 7_777_777_777) {
      const d = new Date(t);
      expect(wallClock(utc, t)).toEqual({
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        second: d.getUTCSeconds(),
        weekday: d.getUTCDay(),
        offset: 0,
      });
    }
  });
});

describe('dateIn (time.Date) and addDate', () => {
  const newYork = zone('America/New_York');
  it('maps a wall time in the spring-forward gap as Go does (02:30 → 01:30 EST)', () => {
    expect(iso(dateIn(newYork, 2024, 3, 10, 2, 30, 0))).toBe('2024-03-10T06:30:00.000Z');
  });

  it('takes the first of two fall-back wall times in New York, the second in London', () => {
    expect(iso(dateIn(newYork, 2024, 11, 3, 1, 30, 0))).toBe('2024-11-03T05:30:00.000Z');
    // Go's lookup starts from the wall time read as UTC, which in London lies in GMT already.
    expect(iso(dateIn(zone('Europe/London'), 2024, 10, 27, 1, 30, 0))).toBe(
      '2024-10-27T01:30:00.000Z',
    );
  });

  it('normalises out-of-range fields (October 32 is November 1)', () => {
    expect(iso(dateIn(zone('UTC'), 2025, 10, 32, 0, 0, 0))).toBe('2025-11-01T00:00:00.000Z');
    expect(iso(dateIn(zone('UTC'), 2025, 13, 1, 24, 60, 0))).toBe('2026-01-02T01:00:00.000Z');
    expect(iso(dateIn(zone('UTC'), 2025, 0, 0, 0, 0, -1))).toBe('2024-11-29T23:59:59.000Z');
  });

  it('AddDate overflows like Go: 31 January plus a month is 3 March', () => {
    expect(iso(addDate(zone('UTC'), at('2025-01-31T10:00:00Z'), 0, 1, 0))).toBe(
      '2025-03-03T10:00:00.000Z',
    );
  });
});

describe('formatRFC3339In', () => {
  it.each([
    ['UTC', '2025-01-15T10:00:00Z'],
    ['Local', '2025-01-15T10:00:00Z'],
    ['Etc/UTC', '2025-01-15T10:00:00Z'],
    ['Asia/Seoul', '2025-01-15T19:00:00+09:00'],
    ['Asia/Kathmandu', '2025-01-15T15:45:00+05:45'],
    ['America/New_York', '2025-01-15T05:00:00-05:00'],
    ['Etc/GMT+5', '2025-01-15T05:00:00-05:00'],
  ])('%s', (name, text) => {
    expect(formatRFC3339In(zone(name), at('2025-01-15T10:00:00Z'))).toBe(text);
  });
});

// Differential check against the system's zoneinfo through GNU date, when present.
const hasDate = (() => {
  try {
    return execFileSync('date', ['--version'], { encoding: 'utf8' }).includes('GNU');
  } catch (_error) {
    return false;
  }
})();
describe('offsets against GNU date (oracle)', () => {
  it.skipIf(!hasDate)('matches `date +%z` around DST changes in several zones', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Sao_Paulo'];
    const instants = [
      '2018-11-04T02:59:59Z',
      '2018-11-04T03:00:00Z',
      '2024-03-10T07:00:00Z',
      '2024-10-06T15:00:00Z',
      '2024-10-27T00:59:59Z',
      '2024-10-27T01:00:00Z',
      '2025-04-06T15:00:00Z',
    ];
    for (const name of zones) {
      for (const instant of instants) {
        const out = execFileSync('date', ['-u', '-d', instant, '+%s'], { encoding: 'utf8' }).trim();
        const z = execFileSync('date', ['-d', `@${out}`, '+%z'], {
          encoding: 'utf8',
          env: { ...process.env, TZ: name },
        }).trim();
        const sign = z[0] === '-' ? -1 : 1;
        const minutes = sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
        expect([name, instant, zone(name).offsetAt(at(instant)) / 60_000]).toEqual([
          name,
          instant,
          minutes,
        ]);
      }
    }
  });
});
