import { describe, expect, it } from 'vitest';
import {
  invalidScheduleEvent,
  missScheduleEvent,
  tooManyMissedTimesEvent,
  unknownTimeZoneEvent,
  unparseableCronJobScheduleEvent,
  unparseableScheduleEvent,
  unsupportedScheduleEvent,
} from './schedule-events';

describe('schedule event texts (cronjob_controllerv2.go, utils.go)', () => {
  it.each([
    [
      unsupportedScheduleEvent('CRON_TZ=UTC 0 3 * * *'),
      'UnsupportedSchedule',
      'CRON_TZ or TZ used in schedule "CRON_TZ=UTC 0 3 * * *" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details',
    ],
    [
      unknownTimeZoneEvent('Europe/Pariss', 'unknown time zone Europe/Pariss'),
      'UnknownTimeZone',
      'invalid timeZone: "Europe/Pariss": unknown time zone Europe/Pariss',
    ],
    [
      unparseableScheduleEvent('61 * * * *', 'end of range (61) above maximum (59): 61'),
      'UnparseableSchedule',
      'unparseable schedule: "61 * * * *" : end of range (61) above maximum (59): 61',
    ],
    [
      unparseableCronJobScheduleEvent('61 * * * *'),
      'UnParseableCronJobSchedule',
      'unparseable schedule for cronjob: 61 * * * *',
    ],
    [
      invalidScheduleEvent(
        '0 0 31 2 *',
        'time difference between two schedules is less than 1 second',
      ),
      'InvalidSchedule',
      'invalid schedule: 0 0 31 2 * : time difference between two schedules is less than 1 second',
    ],
    [
      tooManyMissedTimesEvent(),
      'TooManyMissedTimes',
      'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
    ],
    [
      missScheduleEvent(Date.parse('2025-01-15T10:00:00Z')),
      'MissSchedule',
      'Missed scheduled time to start a job: Wed, 15 Jan 2025 10:00:00 +0000',
    ],
  ])('%o', (event, reason, message) => {
    expect(event).toEqual({ type: 'Warning', reason, message });
  });

  it('quotes like Go %q', () => {
    expect(unparseableScheduleEvent('a"b\tc', 'x').message).toBe(
      'unparseable schedule: "a\\"b\\tc" : x',
    );
  });
});
