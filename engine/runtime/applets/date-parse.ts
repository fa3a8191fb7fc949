/**
 * Parsing `date -d` strings. Busybox accepts the fixed forms of libbb parse_datestr (HH:MM[:SS],
 * [YYYY.]MM.DD-HH:MM[:SS], YYYY-MM-DD [HH[:MM[:SS]]], `Mon DD HH:MM:SS YYYY`, @EPOCH and the
 * touch-style digit strings). GNU date's grammar (parse-datetime.y) is much larger; we accept its
 * everyday subset: ISO 8601 dates and times with `T`, zones (`Z`, `UTC`, ±hh:mm), @EPOCH,
 * now/today/yesterday/tomorrow, month-name dates, weekdays and relative items ("2 hours ago",
 * "+1 day", "next week").
 */
import { MONTHS } from './strftime';
import { breakDown, fromLocal, type TimeZone } from './tz';

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function nowFields(nowMs: number, tz: TimeZone): Fields {
  const t = breakDown(nowMs, tz);
  return {
    year: t.year,
    month: t.month,
    day: t.day,
    hour: t.hour,
    minute: t.minute,
    second: t.second,
  };
}

function toMs(f: Fields, tz: TimeZone): number {
  return fromLocal(tz, f.year, f.month, f.day, f.hour, f.minute, f.second);
}

/** Busybox's parse_datestr (libbb/time.c): the instant, or undefined for "invalid date". */
export function parseBusyboxDate(text: string, nowMs: number, tz: TimeZone): number | undefined {
  const f = nowFields(nowMs, tz);
  const num = (s: string) => Number(s);
  let m: RegExpExecArray | null;
  if (text.includes(':')) {
    const lastColon = text.lastIndexOf(':');
    let rest: string;
    if ((m = /^(\d+):(\d+)(?!\d)(.*)$/.exec(text))) {
      f.hour = num(m[1]);
      f.minute = num(m[2]);
      rest = m[3];
    } else if ((m = /^(\d+)\.(\d+)-(\d+):(\d+)(?!\d)(.*)$/.exec(text))) {
      f.month = num(m[1]) - 1;
      f.day = num(m[2]);
      f.hour = num(m[3]);
      f.minute = num(m[4]);
      rest = m[5];
    } else if (
      (m = /^(\d+)\.(\d+)\.(\d+)-(\d+):(\d+)(?!\d)(.*)$/.exec(text)) ||
      (m = /^(\d+)-(\d+)-(\d+)(?!\d)\s*(\d+):(\d+)(?!\d)(.*)$/.exec(text))
    ) {
      f.year = num(m[1]);
      f.month = num(m[2]) - 1;
      f.day = num(m[3]);
      f.hour = num(m[4]);
      f.minute = num(m[5]);
      rest = m[6];
    } else if (
      (m = /^([A-Za-z]{3})[a-z]*\s+(\d{1,2})\s+(\d{1,2}):(\d{1,2}):(\d{1,2})\s+(\d{4})$/.exec(text))
    ) {
      const month = MONTHS.findIndex((n) => n.toLowerCase() === m![1].toLowerCase());
      if (month < 0) return undefined;
      return toMs(
        {
          year: num(m[6]),
          month,
          day: num(m[2]),
          hour: num(m[3]),
          minute: num(m[4]),
          second: num(m[5]),
        },
        tz,
      );
    } else {
      return undefined;
    }
    // The seconds default to 0 once a time is given (date.c clears tm_sec).
    f.second = 0;
    if (rest !== '') {
      if (!rest.startsWith(':')) return undefined;
      const secs = /^\d+$/.exec(text.slice(lastColon + 1));
      if (!secs) return undefined;
      f.second = num(secs[0]);
    }
    return toMs(f, tz);
  }
  if (text.includes('-')) {
    if ((m = /^(\d+)-(\d+)-(\d+)(?!\d)\s*(\d+)$/.exec(text))) {
      return toMs(
        {
          year: num(m[1]),
          month: num(m[2]) - 1,
          day: num(m[3]),
          hour: num(m[4]),
          minute: 0,
          second: 0,
        },
        tz,
      );
    }
    if ((m = /^(\d+)-(\d+)-(\d+)$/.exec(text))) {
      return toMs(
        { year: num(m[1]), month: num(m[2]) - 1, day: num(m[3]), hour: 0, minute: 0, second: 0 },
        tz,
      );
    }
    return undefined;
  }
  if (text.startsWith('@')) {
    if (!/^@[+-]?\d+$/.test(text)) return undefined;
    return Number(text.slice(1)) * 1000;
  }
  // touch-style digits: [[[[[YY]YY]MM]DD]hh]mm[.ss]
  m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return undefined;
  const d = m[1];
  const pairs = (s: string) => s.match(/\d\d/g)!.map(Number);
  switch (d.length) {
    case 2:
      f.minute = num(d);
      break;
    case 4:
      [f.hour, f.minute] = pairs(d);
      break;
    case 6:
      [f.day, f.hour, f.minute] = pairs(d);
      break;
    case 8: {
      const p = pairs(d);
      [f.month, f.day, f.hour, f.minute] = [p[0] - 1, p[1], p[2], p[3]];
      break;
    }
    case 10: {
      const p = pairs(d);
      const century = Math.floor(f.year / 100) * 100;
      let year = century + p[0];
      if (year < f.year - 50) year += 100;
      if (year > f.year + 50) year -= 100;
      [f.year, f.month, f.day, f.hour, f.minute] = [year, p[1] - 1, p[2], p[3], p[4]];
      break;
    }
    case 12: {
      const p = pairs(d.slice(4));
      [f.year, f.month, f.day, f.hour, f.minute] = [num(d.slice(0, 4)), p[0] - 1, p[1], p[2], p[3]];
      break;
    }
    default:
      return undefined;
  }
  f.second = m[2] !== undefined ? num(m[2]) : 0;
  return toMs(f, tz);
}

const UNITS: Record<string, number> = {
  second: 1,
  sec: 1,
  minute: 60,
  min: 60,
  hour: 3600,
  day: 86400,
  week: 604800,
  fortnight: 1209600,
};
const WEEKDAY_NAMES = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];

function unitOf(word: string): string | undefined {
  const w = word.toLowerCase().replace(/s$/, '');
  if (w in UNITS || w === 'month' || w === 'year') return w;
  return undefined;
}

/** GNU date's everyday subset: the instant, or undefined for "invalid date". */
export function parseGnuDate(text: string, nowMs: number, tz: TimeZone): number | undefined {
  let s = text.trim().toLowerCase();
  if (s.startsWith('@')) {
    const m = /^@([+-]?\d+)(?:\.(\d+))?$/.exec(s);
    if (!m) return undefined;
    return Number(m[1]) * 1000 + (m[2] ? Math.round(Number(`0.${m[2]}`) * 1000) : 0);
  }
  const f = nowFields(nowMs, tz);
  let dateSet = false;
  let timeSet = false;
  let zoneOffset: number | undefined;
  const rel = { seconds: 0, months: 0, years: 0, days: 0 };
  let weekday: number | undefined;
  let ordinal = 0;
  let m: RegExpExecArray | null;
  const take = (re: RegExp, accept: (r: RegExpExecArray) => boolean = () => true) => {
    const r = re.exec(s);
    if (!r || !accept(r)) return null;
    s = s.slice(r[0].length).trimStart();
    return r;
  };
  while (s.length > 0) {
    if ((m = take(/^(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[\st])t?/))) {
      f.year = Number(m[1]);
      f.month = Number(m[2]) - 1;
      f.day = Number(m[3]);
      dateSet = true;
    } else if ((m = take(/^(\d{1,2})\/(\d{1,2})\/(\d{2,4})\b/))) {
      f.month = Number(m[1]) - 1;
      f.day = Number(m[2]);
      f.year =
        m[3].length === 2 ? 2000 + Number(m[3]) - (Number(m[3]) >= 69 ? 100 : 0) : Number(m[3]);
      dateSet = true;
    } else if ((m = take(/^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(am|pm)?/))) {
      let hour = Number(m[1]);
      if (m[5] === 'pm' && hour < 12) hour += 12;
      if (m[5] === 'am' && hour === 12) hour = 0;
      f.hour = hour;
      f.minute = Number(m[2]);
      f.second = m[3] ? Number(m[3]) : 0;
      timeSet = true;
      const z = /^([+-])(\d{2}):?(\d{2})?\b/.exec(s);
      if (z) {
        s = s.slice(z[0].length).trimStart();
        zoneOffset = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 3600 + Number(z[3] ?? 0) * 60);
      }
    } else if ((m = take(/^(z|utc|gmt|ut)\b/))) {
      zoneOffset = 0;
    } else if (
      (m = take(
        /^([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?\b/,
        (r) => monthIndex(r[1]) >= 0,
      ))
    ) {
      f.month = monthIndex(m[1]);
      f.day = Number(m[2]);
      if (m[3]) f.year = Number(m[3]);
      dateSet = true;
    } else if (
      (m = take(/^(\d{1,2})\s+([a-z]{3})[a-z]*\.?(?:\s+(\d{4}))?\b/, (r) => monthIndex(r[2]) >= 0))
    ) {
      f.day = Number(m[1]);
      f.month = monthIndex(m[2]);
      if (m[3]) f.year = Number(m[3]);
      dateSet = true;
    } else if (take(/^now\b/) || take(/^today\b/)) {
      // Relative to now: nothing to change.
    } else if (take(/^yesterday\b/)) {
      rel.days -= 1;
    } else if (take(/^tomorrow\b/)) {
      rel.days += 1;
    } else if ((m = take(/^(next|last|this)\s+([a-z]+)\b/))) {
      const n = m[1] === 'next' ? 1 : m[1] === 'last' ? -1 : 0;
      const wd = WEEKDAY_NAMES.findIndex((w) => w.startsWith(m![2]) && m![2].length >= 3);
      if (wd >= 0) {
        weekday = wd;
        ordinal = n;
      } else {
        const unit = unitOf(m[2]);
        if (!unit) return undefined;
        addRel(rel, unit, n);
      }
    } else if (
      (m = take(/^([+-]?\d+)\s*([a-z]+)\b(\s+ago\b)?/, (r) => unitOf(r[2]) !== undefined))
    ) {
      addRel(rel, unitOf(m[2])!, Number(m[1]) * (m[3] ? -1 : 1));
    } else if ((m = take(/^(\d{1,2})\b/, () => dateSet && !timeSet))) {
      // A one- or two-digit number after a date is an hour.
      f.hour = Number(m[1]);
      f.minute = 0;
      f.second = 0;
      timeSet = true;
    } else if ((m = take(/^(\d{4})\b/))) {
      // A lone four-digit number is a year after a date, and HHMM otherwise.
      if (dateSet) f.year = Number(m[1]);
      else {
        f.hour = Number(m[1].slice(0, 2));
        f.minute = Number(m[1].slice(2));
        f.second = 0;
        timeSet = true;
      }
    } else if ((m = take(/^([a-z]+)\b(\s+ago\b)?/))) {
      const unit = unitOf(m[1]);
      const wd = WEEKDAY_NAMES.findIndex((w) => w.startsWith(m![1]) && m![1].length >= 3);
      if (unit) addRel(rel, unit, m[2] ? -1 : 1);
      else if (wd >= 0) weekday = wd;
      else return undefined;
    } else {
      return undefined;
    }
  }
  // A date without a time means midnight; a bare weekday too.
  if ((dateSet || weekday !== undefined) && !timeSet) {
    f.hour = 0;
    f.minute = 0;
    f.second = 0;
  }
  let ms: number;
  if (zoneOffset !== undefined) {
    ms = Date.UTC(f.year, f.month, f.day, f.hour, f.minute, f.second) - zoneOffset * 1000;
  } else {
    ms = toMs(f, tz);
  }
  if (weekday !== undefined && !dateSet) {
    // parse-datetime.c: the next such weekday, shifted by whole weeks for next/last.
    const current = breakDown(ms, tz).weekday;
    const shift = ordinal - (ordinal > 0 && current !== weekday ? 1 : 0);
    rel.days += ((weekday - current + 7) % 7) + 7 * shift;
  }
  if (rel.years || rel.months) {
    const t = breakDown(ms, tz);
    ms = fromLocal(tz, t.year + rel.years, t.month + rel.months, t.day, t.hour, t.minute, t.second);
  }
  if (rel.days) {
    const t = breakDown(ms, tz);
    ms = fromLocal(tz, t.year, t.month, t.day + rel.days, t.hour, t.minute, t.second);
  }
  return ms + rel.seconds * 1000;
}

function monthIndex(name: string): number {
  return MONTHS.findIndex((mo) => mo.toLowerCase() === name.slice(0, 3));
}

function addRel(
  rel: { seconds: number; months: number; years: number; days: number },
  unit: string,
  n: number,
) {
  if (unit === 'month') rel.months += n;
  else if (unit === 'year') rel.years += n;
  else if (unit === 'day') rel.days += n;
  else rel.seconds += UNITS[unit] * n;
}
