import { describe, expect, it } from 'vitest';
import { type ScheduleLocale, describeSchedule } from './describe-schedule';

const NARRATIONS: [schedule: string, en: string, ko: string, zh: string][] = [
  ['*/5 * * * *', 'Every 5 minutes', '5분마다', '每隔 5 分钟'],
  ['* * * * *', 'Every minute', '1분마다', '每分钟'],
  ['0 3 * * *', 'At 03:00', '03:00', '在03:00'],
  ['@daily', 'At 00:00', '00:00', '在00:00'],
  ['@weekly', 'At 00:00, only on Sunday', '00:00, 일요일에만', '在00:00, 仅星期日'],
  ['@every 5m', 'Every 5 minutes', '5분마다', '每隔 5 分钟'],
  ['@every 1h', 'Every hour', '1시간마다', '每小时'],
  ['@every 30s', 'Every 30 seconds', '30초마다', '每隔 30 秒'],
  ['@every 90m', 'Every 90 minutes', '90분마다', '每隔 90 分钟'],
  [
    '0 0 1 * 1',
    'At 00:00, on day 1 of the month, and on Monday',
    '00:00, 매월 1일, 월요일에',
    '在00:00, 限每月 1 号, 或者为星期一',
  ],
  [
    '0 9 * JAN,mar sun',
    'At 09:00, only on Sunday, only in January and March',
    '09:00, 일요일에만, 1월, 3월에만',
    '在09:00, 仅星期日, 仅于一月 和 三月份',
  ],
];

describe('describeSchedule', () => {
  it.each(NARRATIONS)('%s', (schedule, en, ko, zh) => {
    const say = (locale: ScheduleLocale) => describeSchedule(schedule, locale);
    expect([say('en'), say('ko'), say('zh_CN')]).toEqual([en, ko, zh]);
  });

  it('defaults to English', () => {
    expect(describeSchedule('*/5 * * * *')).toBe('Every 5 minutes');
  });

  it('narrates robfig-only forms by what robfig makes of them', () => {
    expect(describeSchedule('? * * * ?')).toBe('Every minute'); // cronstrue rejects `?`
    expect(describeSchedule('*-5 * * * *')).toBe('Every minute'); // not "minutes * through 5"
    expect(describeSchedule('+5 * * * *')).toBe('At 5 minutes past the hour');
    expect(describeSchedule('*/1 * * * mon-fri')).toBe('Every minute, Monday through Friday');
    // An empty day-of-month list: the weekday alone decides.
    expect(describeSchedule('0 0 , * 3')).toBe('At 00:00, only on Wednesday');
  });

  it('ignores a TZ prefix (the caller shows the zone)', () => {
    expect(describeSchedule('CRON_TZ=Asia/Seoul 0 3 * * *')).toBe('At 03:00');
  });

  it('has nothing to say for invalid or never-running schedules', () => {
    expect(describeSchedule('61 * * * *')).toBeUndefined();
    expect(describeSchedule('0 0 , * *')).toBeUndefined();
    expect(describeSchedule(', * * * *')).toBeUndefined();
  });
});
