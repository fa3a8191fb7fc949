/**
 * Local time for applets: the `TZ` environment variable as the C library reads it. POSIX rule
 * strings (`UTC`, `JST-9`, `<+09>-9`, `EST5EDT,M3.2.0,M11.1.0`) are evaluated exactly; zone names
 * (`Europe/Paris`) use the JavaScript runtime's time-zone database. Unset TZ is UTC, as in a
 * container without /etc/localtime.
 */

/** A broken-down time, as `struct tm` plus the zone facts strftime needs. */
export interface BrokenTime {
  year: number;
  /** 0–11. */
  month: number;
  /** 1–31. */
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Milliseconds within the second. */
  ms: number;
  /** 0 = Sunday. */
  weekday: number;
  /** 0–365. */
  yearDay: number;
  /** Seconds east of UTC. */
  offset: number;
  /** Zone abbreviation (`UTC`, `CEST`, `+09`). */
  zone: string;
  /** The instant, ms since the epoch. */
  epochMs: number;
}

/** A time zone: maps an instant to its UTC offset and abbreviation. */
export interface TimeZone {
  at(epochMs: number): { offset: number; zone: string };
}

/** UTC. */
export const UTC: TimeZone = { at: () => ({ offset: 0, zone: 'UTC' }) };

/** Breaks `epochMs` down in `tz`. */
export function breakDown(epochMs: number, tz: TimeZone): BrokenTime {
  const { offset, zone } = tz.at(epochMs);
  const d = new Date(epochMs + offset * 1000);
  const startOfYear = Date.UTC(d.getUTCFullYear(), 0, 1);
  const dayStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
    yearDay: Math.round((dayStart - startOfYear) / 86_400_000),
    offset,
    zone,
    epochMs,
  };
}

/**
 * The instant of a local wall-clock time in `tz` (mktime). For times in a DST gap or overlap
 * the offset in force just before is used, as glibc does for tm_isdst = -1 in most cases.
 */
export function fromLocal(
  tz: TimeZone,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  const naive = Date.UTC(year, month, day, hour, minute, second);
  let guess = naive - tz.at(naive).offset * 1000;
  guess = naive - tz.at(guess).offset * 1000;
  return guess;
}

/** The zone `TZ` names; undefined or empty means UTC. */
export function timeZoneFromEnv(tzVar: string | undefined): TimeZone {
  if (tzVar === undefined || tzVar === '') return UTC;
  const spec = tzVar.startsWith(':') ? tzVar.slice(1) : tzVar;
  const posix = parsePosixTz(spec);
  if (posix) return posix;
  const named = ianaZone(spec);
  if (named) return named;
  // glibc: an unknown name is taken as a zone abbreviation with offset 0 (letters only).
  const abbr = /^[A-Za-z]+/.exec(spec)?.[0] ?? 'UTC';
  return { at: () => ({ offset: 0, zone: abbr }) };
}

interface DstRule {
  kind: 'M' | 'J' | 'N';
  month: number;
  week: number;
  weekday: number;
  day: number;
  /** Seconds after local midnight. */
  time: number;
}

/** Parses a POSIX TZ string (std offset [dst [offset] [,rule,rule]]). */
function parsePosixTz(spec: string): TimeZone | undefined {
  let i = 0;
  const name = (): string | undefined => {
    if (spec[i] === '<') {
      const end = spec.indexOf('>', i);
      if (end < 0) return undefined;
      const n = spec.slice(i + 1, end);
      i = end + 1;
      return n;
    }
    const m = /^[A-Za-z]{3,}/.exec(spec.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    return m[0];
  };
  const offset = (): number | undefined => {
    const m = /^([+-]?)(\d{1,2})(?::(\d{1,2})(?::(\d{1,2}))?)?/.exec(spec.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    const secs = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
    // POSIX offsets are west of UTC: EST5 is UTC-5.
    return m[1] === '-' ? secs : -secs;
  };
  const std = name();
  if (!std) return undefined;
  const stdOff = offset();
  if (stdOff === undefined) {
    if (i === spec.length && (std === 'UTC' || std === 'GMT' || std === 'UCT'))
      return { at: () => ({ offset: 0, zone: std }) };
    return undefined;
  }
  if (i === spec.length) return { at: () => ({ offset: stdOff, zone: std }) };
  const dst = name();
  if (!dst) return undefined;
  let dstOff = stdOff + 3600;
  if (spec[i] !== ',' && i < spec.length) {
    const o = offset();
    if (o === undefined) return undefined;
    dstOff = o;
  }
  let startRule: DstRule = { kind: 'M', month: 3, week: 2, weekday: 0, day: 0, time: 7200 };
  let endRule: DstRule = { kind: 'M', month: 11, week: 1, weekday: 0, day: 0, time: 7200 };
  if (spec[i] === ',') {
    i++;
    const a = parseRule(spec, i);
    if (!a) return undefined;
    i = a.next;
    if (spec[i] !== ',') return undefined;
    const b = parseRule(spec, i + 1);
    if (!b) return undefined;
    i = b.next;
    startRule = a.rule;
    endRule = b.rule;
  }
  if (i !== spec.length) return undefined;
  return {
    at(epochMs) {
      const year = new Date(epochMs + stdOff * 1000).getUTCFullYear();
      // Transition instants in UTC: the start is given in standard time, the end in DST.
      const start = ruleLocalMs(startRule, year) - stdOff * 1000;
      const end = ruleLocalMs(endRule, year) - dstOff * 1000;
      const inDst =
        start < end ? epochMs >= start && epochMs < end : !(epochMs >= end && epochMs < start);
      return inDst ? { offset: dstOff, zone: dst } : { offset: stdOff, zone: std };
    },
  };
}

function parseRule(spec: string, at: number): { rule: DstRule; next: number } | undefined {
  const m =
    /^(?:M(\d{1,2})\.(\d)\.(\d)|J(\d{1,3})|(\d{1,3}))(?:\/([+-]?\d{1,3})(?::(\d{1,2})(?::(\d{1,2}))?)?)?/.exec(
      spec.slice(at),
    );
  if (!m) return undefined;
  const time =
    m[6] !== undefined ? Number(m[6]) * 3600 + Number(m[7] ?? 0) * 60 + Number(m[8] ?? 0) : 7200;
  const rule: DstRule = m[1]
    ? { kind: 'M', month: Number(m[1]), week: Number(m[2]), weekday: Number(m[3]), day: 0, time }
    : m[4]
      ? { kind: 'J', month: 0, week: 0, weekday: 0, day: Number(m[4]), time }
      : { kind: 'N', month: 0, week: 0, weekday: 0, day: Number(m[5]), time };
  return { rule, next: at + m[0].length };
}

/** The local wall-clock instant (as if UTC) a rule names in `year`. */
function ruleLocalMs(rule: DstRule, year: number): number {
  let dayMs: number;
  if (rule.kind === 'M') {
    const first = Date.UTC(year, rule.month - 1, 1);
    const firstWeekday = new Date(first).getUTCDay();
    let day = 1 + ((rule.weekday - firstWeekday + 7) % 7) + (rule.week - 1) * 7;
    const daysInMonth = new Date(Date.UTC(year, rule.month, 0)).getUTCDate();
    while (day > daysInMonth) day -= 7;
    dayMs = Date.UTC(year, rule.month - 1, day);
  } else if (rule.kind === 'J') {
    // Jn counts 1–365 and never includes February 29.
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const n = leap && rule.day >= 60 ? rule.day : rule.day - 1;
    dayMs = Date.UTC(year, 0, 1) + n * 86_400_000;
  } else {
    dayMs = Date.UTC(year, 0, 1) + rule.day * 86_400_000;
  }
  return dayMs + rule.time * 1000;
}

/** Abbreviations of common zones, as the tz database gives them: [standard, daylight]. */
const ABBREVIATIONS: Record<string, [string, string]> = {
  'Europe/London': ['GMT', 'BST'],
  'Europe/Dublin': ['GMT', 'IST'],
  'Europe/Lisbon': ['WET', 'WEST'],
  'America/New_York': ['EST', 'EDT'],
  'America/Chicago': ['CST', 'CDT'],
  'America/Denver': ['MST', 'MDT'],
  'America/Phoenix': ['MST', 'MST'],
  'America/Los_Angeles': ['PST', 'PDT'],
  'America/Anchorage': ['AKST', 'AKDT'],
  'America/Toronto': ['EST', 'EDT'],
  'America/Vancouver': ['PST', 'PDT'],
  'Pacific/Honolulu': ['HST', 'HST'],
  'Asia/Seoul': ['KST', 'KST'],
  'Asia/Tokyo': ['JST', 'JST'],
  'Asia/Shanghai': ['CST', 'CST'],
  'Asia/Hong_Kong': ['HKT', 'HKT'],
  'Asia/Taipei': ['CST', 'CST'],
  'Asia/Kolkata': ['IST', 'IST'],
  'Asia/Jerusalem': ['IST', 'IDT'],
  'Australia/Sydney': ['AEST', 'AEDT'],
  'Australia/Melbourne': ['AEST', 'AEDT'],
  'Australia/Brisbane': ['AEST', 'AEST'],
  'Australia/Perth': ['AWST', 'AWST'],
  'Pacific/Auckland': ['NZST', 'NZDT'],
  'Africa/Johannesburg': ['SAST', 'SAST'],
  'Etc/UTC': ['UTC', 'UTC'],
  UTC: ['UTC', 'UTC'],
};

const CENTRAL_EUROPE =
  /^Europe\/(Paris|Berlin|Madrid|Rome|Amsterdam|Brussels|Vienna|Zurich|Stockholm|Oslo|Copenhagen|Prague|Warsaw|Budapest|Belgrade)$/;
const EASTERN_EUROPE = /^Europe\/(Athens|Helsinki|Kiev|Kyiv|Bucharest|Sofia|Riga|Tallinn|Vilnius)$/;

/** A zone from the runtime's tz database, or undefined when the name is unknown. */
function ianaZone(name: string): TimeZone | undefined {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return undefined;
  }
  const offsetAt = (ms: number): number => {
    const parts: Record<string, number> = {};
    for (const p of format.formatToParts(new Date(ms)))
      if (p.type !== 'literal') parts[p.type] = Number(p.value);
    const local = Date.UTC(
      parts.year,
      parts.month - 1,
      parts.day,
      parts.hour,
      parts.minute,
      parts.second,
    );
    return Math.round((local - Math.floor(ms / 1000) * 1000) / 1000);
  };
  const names =
    ABBREVIATIONS[name] ??
    (CENTRAL_EUROPE.test(name)
      ? ['CET', 'CEST']
      : EASTERN_EUROPE.test(name)
        ? ['EET', 'EEST']
        : undefined);
  return {
    at(ms) {
      const offset = offsetAt(ms);
      const year = new Date(ms).getUTCFullYear();
      const jan = offsetAt(Date.UTC(year, 0, 1));
      const jul = offsetAt(Date.UTC(year, 6, 1));
      const isDst = jan !== jul && offset === Math.max(jan, jul);
      if (names) return { offset, zone: isDst ? names[1] : names[0] };
      // The tz database names zones without an abbreviation by their numeric offset.
      const sign = offset < 0 ? '-' : '+';
      const abs = Math.abs(offset);
      const hh = String(Math.floor(abs / 3600)).padStart(2, '0');
      const mm = Math.floor(abs / 60) % 60;
      return { offset, zone: `${sign}${hh}${mm ? String(mm).padStart(2, '0') : ''}` };
    },
  };
}
