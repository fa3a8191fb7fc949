import { describe, expect, it } from 'vitest';
import { createTestMachine } from './testkit';
import { date } from './date';
import { defaultSystemInfo } from './common';
import { hasBinary, hasBusybox, runOnHost } from './host.oracle';

const sys = defaultSystemInfo();
const START = Date.UTC(2024, 0, 22, 10, 1, 0);

interface Case {
  args: string[];
  tz?: string;
  out: string;
  status?: number;
}

// Expectations recorded from Debian's busybox 1.35 and GNU coreutils 9.1 (TZ as given).
const COMMON: Case[] = [
  { args: [], out: 'Mon Jan 22 10:01:00 UTC 2024\n' },
  { args: ['+%S'], out: '00\n' },
  { args: ['+%F'], out: '2024-01-22\n' },
  { args: ['-u'], out: 'Mon Jan 22 10:01:00 UTC 2024\n' },
  {
    args: ['-d', '2024-01-02 03:04:05', '+%Y-%m-%d %H:%M:%S %a %b %Z %z %s %T'],
    out: '2024-01-02 03:04:05 Tue Jan UTC +0000 1704164645 03:04:05\n',
  },
  {
    args: [
      '-d',
      '2024-01-02 03:04:05',
      '+%e|%k|%l|%P|%p|%C|%g|%G|%V|%U|%W|%j|%u|%w|%c|%x|%X|%r|%D|%h|%-d|%_m|%05Y|%^a|%#Z|%10A',
    ],
    out: ' 2| 3| 3|am|AM|20|24|2024|01|00|01|002|2|2|Tue Jan  2 03:04:05 2024|01/02/24|03:04:05|03:04:05 AM|01/02/24|Jan|2| 1|02024|TUE|utc|   Tuesday\n',
  },
  { args: ['-d', '2024-01-02 03:04:05', '-I'], out: '2024-01-02\n' },
  { args: ['-d', '2024-01-02 03:04:05', '-Iseconds'], out: '2024-01-02T03:04:05+00:00\n' },
  { args: ['-d', '2024-01-02 03:04:05', '-Iminutes'], out: '2024-01-02T03:04+00:00\n' },
  { args: ['-d', '2024-01-02 03:04:05', '-Ihours'], out: '2024-01-02T03+00:00\n' },
  { args: ['-d', '2024-01-02 03:04:05', '-Ins'], out: '2024-01-02T03:04:05,000000000+00:00\n' },
  { args: ['-d', '2024-01-02 03:04:05', '-R'], out: 'Tue, 02 Jan 2024 03:04:05 +0000\n' },
  { args: ['-d', '2024-07-02 03:04:05'], tz: 'EST5EDT', out: 'Tue Jul  2 03:04:05 EDT 2024\n' },
  {
    args: ['-d', '2024-07-02 03:04:05', '+%c %Z %z'],
    tz: 'CET-1CEST,M3.5.0,M10.5.0/3',
    out: 'Tue Jul  2 03:04:05 2024 CEST +0200\n',
  },
  {
    args: ['-d', '2024-01-02 03:04:05', '+%c %Z %z'],
    tz: 'CET-1CEST,M3.5.0,M10.5.0/3',
    out: 'Tue Jan  2 03:04:05 2024 CET +0100\n',
  },
  { args: ['-d', '2024-07-02 03:04:05', '+%Z %z'], tz: '<+09>-9', out: '+09 +0900\n' },
  { args: ['-d', '2024-07-02 03:04:05', '+%Z %z'], tz: 'JST-9', out: 'JST +0900\n' },
  { args: ['-d', '2024-07-02 03:04:05', '+%Z %z'], tz: 'Europe/Paris', out: 'CEST +0200\n' },
  { args: ['-d', '2024-07-02 03:04:05', '+%Z %z'], tz: 'Asia/Seoul', out: 'KST +0900\n' },
  { args: ['-d', '2024-07-02 03:04:05', '+%Z %z'], tz: 'America/New_York', out: 'EDT -0400\n' },
  { args: ['-d', '@1700000000'], out: 'Tue Nov 14 22:13:20 UTC 2023\n' },
  { args: ['-d', '10:00'], out: 'Mon Jan 22 10:00:00 UTC 2024\n' },
  { args: ['-d', '10:00:30'], out: 'Mon Jan 22 10:00:30 UTC 2024\n' },
  { args: ['-d', '2024-01-02'], out: 'Tue Jan  2 00:00:00 UTC 2024\n' },
  { args: ['-d', '2024-01-02 03'], out: 'Tue Jan  2 03:00:00 UTC 2024\n' },
  { args: ['-d', 'Jan 2 03:04:05 2024'], out: 'Tue Jan  2 03:04:05 UTC 2024\n' },
  { args: ['-d', '2024-03-31 12:00', '+%G-%V %U %W'], out: '2024-13 13 13\n' },
  { args: ['-d', '2021-01-01 12:00', '+%G-%V %g %U %W %j'], out: '2020-53 20 00 00 001\n' },
];

const BUSYBOX_ONLY: Case[] = [
  { args: ['-d', '01020304'], out: 'Tue Jan  2 03:04:00 UTC 2024\n' },
  { args: ['-d', '202401020304.05'], out: 'Tue Jan  2 03:04:05 UTC 2024\n' },
  { args: ['-d', '1.2-03:04'], out: 'Tue Jan  2 03:04:00 UTC 2024\n' },
  { args: ['-d', '2024-01-02T03:04:05'], out: '', status: 1 },
  { args: ['-d', 'x'], out: '', status: 1 },
  { args: ['-d', '2024-01-02 03:04:05', '+%N|%:z|%q'], out: '%N|%:z|%q\n' },
];

const GNU_ONLY: Case[] = [
  { args: ['-d', '2024-01-02T03:04:05'], out: 'Tue Jan  2 03:04:05 UTC 2024\n' },
  { args: ['-d', '2024-01-02T03:04:05Z', '+%s'], out: '1704164645\n' },
  { args: ['-d', '2024-01-02 03:04:05 +02:00', '+%F %T'], out: '2024-01-02 01:04:05\n' },
  {
    args: ['-d', '2024-01-02 03:04:05', '+%N|%:z|%::z|%q|%3N'],
    out: '000000000|+00:00|+00:00:00|1|000\n',
  },
  { args: ['-d', 'yesterday', '+%F'], out: '2024-01-21\n' },
  { args: ['-d', 'tomorrow', '+%F'], out: '2024-01-23\n' },
  { args: ['-d', '2 hours ago', '+%F %T'], out: '2024-01-22 08:01:00\n' },
  { args: ['-d', '+1 day', '+%F %T'], out: '2024-01-23 10:01:00\n' },
  { args: ['-d', '3 days', '+%F'], out: '2024-01-25\n' },
  { args: ['-d', '1 month ago', '+%F'], out: '2023-12-22\n' },
  { args: ['-d', 'next friday', '+%F %T'], out: '2024-01-26 00:00:00\n' },
  { args: ['-d', 'Jan 5', '+%F %T'], out: '2024-01-05 00:00:00\n' },
  { args: ['-d', '5 Feb 2023 10:00', '+%F %T'], out: '2023-02-05 10:00:00\n' },
  { args: ['-d', 'now', '+%F %T'], out: '2024-01-22 10:01:00\n' },
  { args: ['--rfc-3339=seconds', '-d', '2024-01-02 03:04:05'], out: '2024-01-02 03:04:05+00:00\n' },
  { args: ['--iso-8601=seconds', '-d', '2024-01-02 03:04:05'], out: '2024-01-02T03:04:05+00:00\n' },
  { args: ['-d', 'garbage text'], out: '', status: 1 },
];

function runOurs(flavour: 'busybox' | 'gnu', c: Case) {
  const m = createTestMachine({ start: START });
  return m.run(date(flavour, sys), ['date', ...c.args], { env: c.tz ? { TZ: c.tz } : {} });
}

describe('date', () => {
  for (const [flavour, cases] of [
    ['busybox', [...COMMON, ...BUSYBOX_ONLY]],
    ['gnu', [...COMMON, ...GNU_ONLY]],
  ] as const) {
    it.each(cases)(`${flavour} date %j`, (c) => {
      const r = runOurs(flavour, c);
      expect(r.stdout).toBe(c.out);
      expect(r.status).toBe(c.status ?? 0);
    });
  }

  it('prints the invalid-date messages of each flavour', () => {
    expect(runOurs('busybox', { args: ['-d', 'x'], out: '' }).stderr).toBe(
      "date: invalid date 'x'\n",
    );
    expect(runOurs('gnu', { args: ['-d', 'x y'], out: '' }).stderr).toBe(
      "date: invalid date 'x y'\n",
    );
  });

  it('refuses to set the clock', () => {
    const r = runOurs('busybox', { args: ['-s', '10:00'], out: '' });
    expect(r.stderr).toBe('date: cannot set date: Operation not permitted\n');
    expect(r.status).toBe(1);
  });

  // Dates relative to "now" cannot be compared with the host, whose clock is real.
  const fixed = (c: Case) =>
    c.args.includes('-d') &&
    !/now|yesterday|tomorrow|ago|day|next|^\d\d:\d\d|Jan 5|0102|1\.2-/.test(c.args.join(' ')) &&
    !(c.args.includes('-d') && /^\d{2}:\d{2}/.test(c.args[c.args.indexOf('-d') + 1]));

  it.skipIf(!hasBusybox).each([...COMMON, ...BUSYBOX_ONLY].filter(fixed))(
    'busybox oracle %j',
    (c) => {
      const host = runOnHost(['busybox', 'date', ...c.args], { env: { TZ: c.tz ?? 'UTC' } });
      expect(host.stdout).toBe(c.out);
      expect(host.status).toBe(c.status ?? 0);
    },
  );

  it.skipIf(!hasBinary('date')).each([...COMMON, ...GNU_ONLY].filter(fixed))(
    'GNU oracle %j',
    (c) => {
      const host = runOnHost(['date', ...c.args], { env: { TZ: c.tz ?? 'UTC' } });
      expect(host.stdout).toBe(c.out);
      expect(host.status).toBe(c.status ?? 0);
    },
  );
});
