import { describe, expect, it } from 'vitest';
import {
  type CronFieldError,
  validateCronJobScheduleFields,
  validateSchedule,
  validateTimeZone,
} from './schedule-validation';

const invalid = (field: string, value: string, detail: string): CronFieldError => ({
  field,
  type: 'Invalid',
  value,
  detail,
});
const schedule = (value: string, detail: string) => invalid('spec.schedule', value, detail);
const timeZone = (value: string, detail: string) => invalid('spec.timeZone', value, detail);

describe('validateSchedule (create)', () => {
  it.each([
    // S27.1 and S27.2
    ['61 * * * *', [schedule('61 * * * *', 'end of range (61) above maximum (59): 61')]],
    ['* * * *', [schedule('* * * *', 'expected exactly 5 fields, found 4: [* * * *]')]],
    // S27.3: parses (CRON_TZ is robfig syntax) but is rejected on create.
    [
      'CRON_TZ=UTC 0 3 * * *',
      [
        schedule(
          'CRON_TZ=UTC 0 3 * * *',
          'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
        ),
      ],
    ],
    // Both errors, parse error first.
    [
      'TZ=Bogus * * * * *',
      [
        schedule('TZ=Bogus * * * * *', 'provided bad location Bogus: unknown time zone Bogus'),
        schedule(
          'TZ=Bogus * * * * *',
          'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
        ),
      ],
    ],
    [
      '@every 1hTZ',
      [
        schedule(
          '@every 1hTZ',
          'failed to parse duration @every 1hTZ: time: unknown unit "hTZ" in duration "1hTZ"',
        ),
        schedule('@every 1hTZ', 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'),
      ],
    ],
    ['*/5 * * * *', []],
    ['@hourly', []],
  ] as [string, CronFieldError[]][])('%j', (value, errors) => {
    expect(validateSchedule(value, undefined)).toEqual(errors);
  });

  it('an empty schedule is Required, with nothing else checked', () => {
    expect(validateSchedule('', 'Bad/Zone')).toEqual([
      { field: 'spec.schedule', type: 'Required', detail: '' },
    ]);
  });

  it('marks the input on which Go panics', () => {
    expect(validateSchedule('CRON_TZ=UTC', undefined)).toEqual([
      { ...schedule('CRON_TZ=UTC', 'runtime error: slice bounds out of range [:-1]'), panic: true },
      schedule('CRON_TZ=UTC', 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'),
    ]);
  });
});

describe('validateSchedule (update)', () => {
  it('lets a CronJob that already had TZ in its schedule keep it', () => {
    expect(validateSchedule('TZ=UTC 0 4 * * *', undefined, 'TZ=UTC 0 3 * * *')).toEqual([]);
  });

  it('but not together with spec.timeZone', () => {
    expect(validateSchedule('TZ=UTC 0 4 * * *', 'Asia/Seoul', 'TZ=UTC 0 3 * * *')).toEqual([
      schedule('TZ=UTC 0 4 * * *', 'cannot use both timeZone field and TZ or CRON_TZ in schedule'),
    ]);
  });

  it('rejects adding TZ to a schedule that had none', () => {
    expect(validateSchedule('TZ=UTC 0 4 * * *', undefined, '0 3 * * *')).toEqual([
      schedule(
        'TZ=UTC 0 4 * * *',
        'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      ),
    ]);
  });
});

describe('validateTimeZone', () => {
  it.each([
    [undefined, []],
    [null, []],
    ['Asia/Seoul', []],
    ['UTC', []],
    ['Etc/UTC', []],
    ['US/Eastern', []],
    ['Asia/Kolkata', []],
    ['Asia/Calcutta', []],
    ['Etc/GMT+5', []],
    ['America/Argentina/ComodRivadavia', []],
    // S27.4
    ['Europe/Pariss', [timeZone('Europe/Pariss', 'unknown time zone Europe/Pariss')]],
    ['', [timeZone('', 'timeZone must be nil or non-empty string')]],
    [
      'Local',
      [
        timeZone(
          'Local',
          'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
        ),
      ],
    ],
    // EqualFold catches "local", then LoadLocation does not know it either.
    [
      'local',
      [
        timeZone(
          'local',
          'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
        ),
        timeZone('local', 'unknown time zone local'),
      ],
    ],
    // Go's zone names are case-sensitive file names.
    ['utc', [timeZone('utc', 'unknown time zone utc')]],
    ['asia/seoul', [timeZone('asia/seoul', 'unknown time zone asia/seoul')]],
    // Name-shape rule: empty parts, `.`/`..` parts, a leading `-`, more than 14 characters.
    ['Asia//Seoul', [timeZone('Asia//Seoul', 'unknown time zone Asia//Seoul')]],
    ['/UTC', [timeZone('/UTC', 'unknown time zone /UTC')]],
    ['Asia/../UTC', [timeZone('Asia/../UTC', 'unknown time zone Asia/../UTC')]],
    ['-Seoul', [timeZone('-Seoul', 'unknown time zone -Seoul')]],
    [
      'Asia/Fifteen_Letters',
      [timeZone('Asia/Fifteen_Letters', 'unknown time zone Asia/Fifteen_Letters')],
    ],
    ['Asia/Seoul ', [timeZone('Asia/Seoul ', 'unknown time zone Asia/Seoul ')]],
    // Passes the shape rule but LoadLocation refuses any `..`.
    ['Foo..Bar', [timeZone('Foo..Bar', 'time: invalid location name')]],
  ] as [string | null | undefined, CronFieldError[]][])('%j', (value, errors) => {
    expect(validateTimeZone(value)).toEqual(errors);
  });
});

describe('validateCronJobScheduleFields', () => {
  it('validates both on create', () => {
    expect(
      validateCronJobScheduleFields({ schedule: '0 3 * * *', timeZone: 'Europe/Pariss' }),
    ).toEqual({
      schedule: [],
      timeZone: [timeZone('Europe/Pariss', 'unknown time zone Europe/Pariss')],
    });
  });

  it('skips an unchanged timeZone on update', () => {
    const spec = { schedule: '0 4 * * *', timeZone: 'Bad/Zone' };
    expect(
      validateCronJobScheduleFields(spec, { schedule: '0 3 * * *', timeZone: 'Bad/Zone' }),
    ).toEqual({
      schedule: [],
      timeZone: [],
    });
    expect(validateCronJobScheduleFields(spec, { schedule: '0 3 * * *' }).timeZone).toEqual([
      timeZone('Bad/Zone', 'unknown time zone Bad/Zone'),
    ]);
  });

  it('requires a schedule', () => {
    expect(validateCronJobScheduleFields({}).schedule).toEqual([
      { field: 'spec.schedule', type: 'Required', detail: '' },
    ]);
  });
});
