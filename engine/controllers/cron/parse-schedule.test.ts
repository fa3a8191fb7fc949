import { describe, expect, it } from 'vitest';
import { formatSchedule, parseSchedule, parseStandard } from './parse-schedule';
import { type CronField, type SpecSchedule, fieldValues } from './schedule';

/** Expected robfig/cron v3 ParseStandard error texts (parser.go), by schedule. */
const INVALID: [schedule: string, error: string][] = [
  ['', 'empty spec string'],
  ['61 * * * *', 'end of range (61) above maximum (59): 61'],
  ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
  ['* * * * * *', 'expected exactly 5 fields, found 6: [* * * * * *]'],
  ['@foo', 'unrecognized descriptor: @foo'],
  ['abc * * * *', 'failed to parse int from abc: strconv.Atoi: parsing "abc": invalid syntax'],
  ['0 0 * * 7', 'end of range (7) above maximum (6): 7'],
  ['0 24 * * *', 'end of range (24) above maximum (23): 24'],
  ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
  ['0 0 32 * *', 'end of range (32) above maximum (31): 32'],
  ['0 0 * 13 *', 'end of range (13) above maximum (12): 13'],
  ['0 0 * 0 *', 'beginning of range (0) below minimum (1): 0'],
  ['0-70 * * * *', 'end of range (70) above maximum (59): 0-70'],
  ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
  ['59-2 * * * *', 'beginning of range (59) beyond end of range (2): 59-2'],
  ['*/0 * * * *', 'step of range should be a positive number: */0'],
  ['0 0 * * ?/0', 'step of range should be a positive number: ?/0'],
  ['*/-5 * * * *', 'negative number (-5) not allowed: -5'],
  ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
  ['0-0-0 * * * *', 'too many hyphens: 0-0-0'],
  ['*/5/5 * * * *', 'too many slashes: */5/5'],
  ['-5 * * * *', 'failed to parse int from : strconv.Atoi: parsing "": invalid syntax'],
  ['7,-0 * * * *', 'failed to parse int from : strconv.Atoi: parsing "": invalid syntax'],
  ['** * * * *', 'failed to parse int from **: strconv.Atoi: parsing "**": invalid syntax'],
  [
    '0 0 * * sunday',
    'failed to parse int from sunday: strconv.Atoi: parsing "sunday": invalid syntax',
  ],
  ['0 0 * * XYZ', 'failed to parse int from XYZ: strconv.Atoi: parsing "XYZ": invalid syntax'],
  ['0 0 * * mon-sun', 'beginning of range (1) beyond end of range (0): mon-sun'],
  [
    '0 0 * constructor *',
    'failed to parse int from constructor: strconv.Atoi: parsing "constructor": invalid syntax',
  ],
  [
    '99999999999999999999 * * * *',
    'failed to parse int from 99999999999999999999: strconv.Atoi: parsing "99999999999999999999": value out of range',
  ],
  [
    '9223372036854775807 * * * *',
    'end of range (9223372036854775807) above maximum (59): 9223372036854775807',
  ],
  [
    'a\u200b * * * *',
    'failed to parse int from a\u200b: strconv.Atoi: parsing "a\\u200b": invalid syntax',
  ],
  ['1\u00a02 * * * *', 'expected exactly 5 fields, found 6: [1 2 * * * *]'],
  // Minute errors win over hour errors: fields are parsed left to right.
  ['61 24 * * *', 'end of range (61) above maximum (59): 61'],
  ['@every', 'unrecognized descriptor: @every'],
  ['@every ', 'failed to parse duration @every : time: invalid duration ""'],
  ['@every 5', 'failed to parse duration @every 5: time: missing unit in duration "5"'],
  ['@every 5x', 'failed to parse duration @every 5x: time: unknown unit "x" in duration "5x"'],
  ['@every abc', 'failed to parse duration @every abc: time: invalid duration "abc"'],
  ['@daily ', 'unrecognized descriptor: @daily '],
  [' @daily', 'expected exactly 5 fields, found 1: [@daily]'],
  ['TZ=Bogus * * * * *', 'provided bad location Bogus: unknown time zone Bogus'],
  ['CRON_TZ=UTC 0 3 * * * *', 'expected exactly 5 fields, found 6: [0 3 * * * *]'],
];

const minutesOf = (s: string) => fieldValues(spec(s).minute);
function spec(schedule: string): SpecSchedule {
  const parsed = parseStandard(schedule);
  if (!parsed.ok) throw new Error(parsed.error);
  if (parsed.schedule.kind !== 'spec') throw new Error('not a crontab spec');
  return parsed.schedule;
}
const all = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);
const shape = (field: CronField) => ({ values: fieldValues(field), star: field.star });

describe('parseStandard errors (robfig/cron v3 texts)', () => {
  it.each(INVALID)('%j → %s', (schedule, error) => {
    expect(parseStandard(schedule)).toEqual({ ok: false, error });
  });

  it('flags the Go panic on a TZ= prefix without a space', () => {
    expect(parseStandard('TZ=UTC')).toEqual({
      ok: false,
      error: 'runtime error: slice bounds out of range [:-1]',
      panic: true,
    });
  });
});

describe('parseStandard accepted forms', () => {
  it.each([
    ['*/5 * * * *', [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55]],
    ['5/15 * * * *', [5, 20, 35, 50]],
    ['20-35/15 * * * *', [20, 35]],
    ['1,,2 * * * *', [1, 2]],
    ['+5 * * * *', [5]],
    ['005 * * * *', [5]],
  ] as [string, number[]][])('%s minutes', (schedule, minutes) => {
    expect(minutesOf(schedule)).toEqual(minutes);
  });

  it('reads * and ? as stars, and keeps the star for a step of 1 only', () => {
    expect(shape(spec('* * * * *').minute)).toEqual({ values: all(0, 59), star: true });
    expect(shape(spec('? ? ? ? ?').dayOfWeek)).toEqual({ values: all(0, 6), star: true });
    expect(spec('*/1 * * * *').minute.star).toBe(true);
    expect(spec('*/2 * * * *').minute.star).toBe(false);
    expect(spec('* * 1-31 * *').dayOfMonth.star).toBe(false);
    expect(spec('* * 5,* * *').dayOfMonth.star).toBe(true);
  });

  it('ignores what follows a star and a hyphen, as robfig does', () => {
    expect(shape(spec('*-5 * * * *').minute)).toEqual({ values: all(0, 59), star: true });
  });

  it('accepts month and weekday names in any case', () => {
    const s = spec('0 9 * JAN,mar sun');
    expect(fieldValues(s.month)).toEqual([1, 3]);
    expect(fieldValues(s.dayOfWeek)).toEqual([0]);
    expect(fieldValues(spec('0 0 * * Mon/2').dayOfWeek)).toEqual([1, 3, 5]);
    expect(fieldValues(spec('0 0 * Apr-Oct *').month)).toEqual(all(4, 10));
  });

  it('accepts an empty list, which never matches', () => {
    expect(spec(', * * * *').minute.empty).toBe(true);
  });

  it('splits on Go whitespace, including tabs and surrounding spaces', () => {
    expect(fieldValues(spec('  0\t3 * * *\t').hour)).toEqual([3]);
  });

  it('always sets second 0 for the five-field form', () => {
    expect(fieldValues(spec('* * * * *').second)).toEqual([0]);
  });

  it.each([
    ['@yearly', [0], [1], [1], { values: all(0, 6), star: true }],
    ['@annually', [0], [1], [1], { values: all(0, 6), star: true }],
    ['@monthly', [0], [1], all(1, 12), { values: all(0, 6), star: true }],
    ['@weekly', [0], all(1, 31), all(1, 12), { values: [0], star: false }],
    ['@daily', [0], all(1, 31), all(1, 12), { values: all(0, 6), star: true }],
    ['@midnight', [0], all(1, 31), all(1, 12), { values: all(0, 6), star: true }],
    ['@hourly', all(0, 23), all(1, 31), all(1, 12), { values: all(0, 6), star: true }],
  ] as const)('%s', (descriptor, hours, days, months, dayOfWeek) => {
    const s = spec(descriptor);
    expect(fieldValues(s.minute)).toEqual([0]);
    expect(fieldValues(s.hour)).toEqual(hours);
    expect(fieldValues(s.dayOfMonth)).toEqual(days);
    expect(fieldValues(s.month)).toEqual(months);
    expect(shape(s.dayOfWeek)).toEqual(dayOfWeek);
  });

  it.each([
    ['@every 5m', 300_000],
    ['@every 1h30m', 5_400_000],
    ['@every 1.5s', 1_000], // only whole seconds count
    ['@every 500ms', 1_000], // at least one second
    ['@every -5m', 1_000],
    ['@every 0', 1_000],
    ['TZ=America/New_York @every 1h', 3_600_000],
  ])('%s → every %i ms', (schedule, delay) => {
    expect(parseStandard(schedule)).toEqual({ ok: true, schedule: { kind: 'every', delay } });
  });

  it('takes the location from a TZ= or CRON_TZ= prefix, Local otherwise', () => {
    expect(spec('TZ=Asia/Seoul 0 3 * * *').location.name).toBe('Asia/Seoul');
    expect(spec('CRON_TZ=UTC 0 3 * * *').location.name).toBe('UTC');
    expect(spec('TZ= 0 3 * * *').location.name).toBe('UTC'); // LoadLocation("") is UTC
    expect(spec('0 3 * * *').location.name).toBe('Local');
  });

  it('parses a grammatically valid but impossible date', () => {
    expect(parseStandard('59 23 31 2 *').ok).toBe(true);
  });
});

describe('formatSchedule / parseSchedule (controller)', () => {
  it('prefixes a loadable spec.timeZone', () => {
    expect(formatSchedule('0 3 * * *', 'Asia/Seoul')).toEqual({
      spec: 'TZ=Asia/Seoul 0 3 * * *',
      tzInSchedule: false,
    });
    const parsed = parseSchedule('0 3 * * *', 'Asia/Seoul');
    expect(parsed.ok && parsed.schedule.kind === 'spec' && parsed.schedule.location.name).toBe(
      'Asia/Seoul',
    );
  });

  it('leaves an unloadable zone out and keeps a schedule that has its own TZ', () => {
    expect(formatSchedule('0 3 * * *', 'Europe/Pariss').spec).toBe('0 3 * * *');
    expect(formatSchedule('CRON_TZ=UTC 0 3 * * *', 'Asia/Seoul')).toEqual({
      spec: 'CRON_TZ=UTC 0 3 * * *',
      tzInSchedule: true,
    });
    expect(formatSchedule('0 3 * * *').spec).toBe('0 3 * * *');
  });

  it('trims around a descriptor only when a zone was prefixed (TrimSpace after TZ=)', () => {
    expect(parseSchedule('@daily ', 'UTC').ok).toBe(true);
    expect(parseSchedule('@daily ').ok).toBe(false);
  });

  it('reports schedule errors unchanged under a prefixed zone', () => {
    expect(parseSchedule('* * * *', 'Asia/Seoul')).toEqual({
      ok: false,
      error: 'expected exactly 5 fields, found 4: [* * * *]',
    });
  });
});
