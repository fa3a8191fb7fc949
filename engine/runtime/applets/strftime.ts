/**
 * strftime(3) in the C locale, with the GNU extensions `date` users rely on: flags (`-` no pad,
 * `_` space pad, `0` zero pad, `^` upper case, `#` swap case), field widths, `%N` nanoseconds
 * and `%:z`. Unknown conversions are copied through as glibc does.
 */
import type { BrokenTime } from './tz';

/** Abbreviated weekday names, Sunday first. */
export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WEEKDAYS_FULL = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];
/** Abbreviated month names. */
export const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];
const MONTHS_FULL = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Options for dialect differences. */
export interface StrftimeOptions {
  /** Whether `%N` is supported (GNU date; busybox only with FEATURE_DATE_NANO, off on alpine). */
  nanoseconds?: boolean;
  /** Whether `%:z`, `%::z` are supported (GNU date). */
  colonZ?: boolean;
  /** Whether `%q` (quarter) is supported (GNU date). */
  quarter?: boolean;
}

/** ISO 8601 week-based year and week number. */
function isoWeek(t: BrokenTime): { year: number; week: number } {
  const wday = (t.weekday + 6) % 7; // Monday = 0
  const thursdayYday = t.yearDay - wday + 3;
  let year = t.year;
  const daysIn = (y: number) => ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365);
  if (thursdayYday < 0) {
    year--;
    const yday = thursdayYday + daysIn(year);
    return { year, week: Math.floor(yday / 7) + 1 };
  }
  if (thursdayYday >= daysIn(year)) return { year: year + 1, week: 1 };
  return { year, week: Math.floor(thursdayYday / 7) + 1 };
}

function zoneOffset(offset: number, colons: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 3600)).padStart(2, '0');
  const mm = String(Math.floor(abs / 60) % 60).padStart(2, '0');
  const ss = String(abs % 60).padStart(2, '0');
  if (colons === 0) return `${sign}${hh}${mm}`;
  if (colons === 1) return `${sign}${hh}:${mm}`;
  return `${sign}${hh}:${mm}:${ss}`;
}

/** Formats `t` with a strftime format string. */
export function strftime(format: string, t: BrokenTime, options: StrftimeOptions = {}): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const start = i;
    let j = i + 1;
    let flag = '';
    let upper = false;
    let swap = false;
    while (j < format.length && '-_0^#'.includes(format[j])) {
      if (format[j] === '^') upper = true;
      else if (format[j] === '#') swap = true;
      else flag = format[j];
      j++;
    }
    let widthText = '';
    while (j < format.length && format[j] >= '0' && format[j] <= '9') widthText += format[j++];
    let colons = 0;
    while (options.colonZ && format[j] === ':' && colons < 3) {
      colons++;
      j++;
    }
    const conv = format[j];
    if (conv === undefined) {
      out += format.slice(start);
      break;
    }
    i = j;
    const width = widthText ? Number(widthText) : undefined;
    const r = convert(conv, t, colons, options, width);
    if (r === undefined || (colons > 0 && conv !== 'z')) {
      out += format.slice(start, j + 1);
      continue;
    }
    const [converted, kind, defaultWidth] = r;
    let text = converted;
    if (upper) text = text.toUpperCase();
    else if (swap)
      text =
        kind === 'text' ? (/[a-z]/.test(text) ? text.toUpperCase() : text.toLowerCase()) : text;
    out += pad(text, kind, defaultWidth, flag, width);
  }
  return out;
}

type Kind = 'num' | 'space' | 'text';

/** Applies GNU padding rules to a converted field. */
function pad(text: string, kind: Kind, defaultWidth: number, flag: string, width?: number): string {
  if (kind === 'text') {
    if (width === undefined || text.length >= width) return text;
    return (flag === '0' ? '0' : ' ').repeat(width - text.length) + text;
  }
  let digits = text;
  let sign = '';
  if (digits.startsWith('-') || digits.startsWith('+')) {
    sign = digits[0];
    digits = digits.slice(1);
  }
  // Strip the default padding, then pad again as asked.
  const bare = digits.replace(/^[0 ]+(?=\d)/, '');
  if (flag === '-') return sign + bare;
  const w = width ?? defaultWidth;
  const padChar = flag === '_' ? ' ' : flag === '0' ? '0' : kind === 'space' ? ' ' : '0';
  const body =
    bare.length >= w - sign.length ? bare : padChar.repeat(w - sign.length - bare.length) + bare;
  return padChar === ' ' ? (sign + body).padStart(w) : sign + body;
}

function convert(
  conv: string,
  t: BrokenTime,
  colons: number,
  options: StrftimeOptions,
  width?: number,
): [string, Kind, number] | undefined {
  const two = (n: number) => String(n).padStart(2, '0');
  const hour12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
  switch (conv) {
    case 'a':
      return [WEEKDAYS[t.weekday], 'text', 0];
    case 'A':
      return [WEEKDAYS_FULL[t.weekday], 'text', 0];
    case 'b':
    case 'h':
      return [MONTHS[t.month], 'text', 0];
    case 'B':
      return [MONTHS_FULL[t.month], 'text', 0];
    case 'c':
      return [
        `${WEEKDAYS[t.weekday]} ${MONTHS[t.month]} ${String(t.day).padStart(2)} ${two(t.hour)}:${two(t.minute)}:${two(t.second)} ${t.year}`,
        'text',
        0,
      ];
    case 'C':
      return [two(Math.floor(t.year / 100)), 'num', 2];
    case 'd':
      return [two(t.day), 'num', 2];
    case 'D':
      return [`${two(t.month + 1)}/${two(t.day)}/${two(t.year % 100)}`, 'text', 0];
    case 'e':
      return [String(t.day).padStart(2), 'space', 2];
    case 'F':
      return [`${String(t.year).padStart(4, '0')}-${two(t.month + 1)}-${two(t.day)}`, 'text', 0];
    case 'g':
      return [two(isoWeek(t).year % 100), 'num', 2];
    case 'G':
      return [String(isoWeek(t).year), 'num', 4];
    case 'H':
      return [two(t.hour), 'num', 2];
    case 'I':
      return [two(hour12), 'num', 2];
    case 'j':
      return [String(t.yearDay + 1).padStart(3, '0'), 'num', 3];
    case 'k':
      return [String(t.hour).padStart(2), 'space', 2];
    case 'l':
      return [String(hour12).padStart(2), 'space', 2];
    case 'm':
      return [two(t.month + 1), 'num', 2];
    case 'M':
      return [two(t.minute), 'num', 2];
    case 'n':
      return ['\n', 'text', 0];
    case 'N': {
      if (!options.nanoseconds) return undefined;
      const ns = String(t.ms * 1_000_000).padStart(9, '0');
      // A width truncates the fraction (%3N = milliseconds).
      return [width !== undefined ? ns.slice(0, width).padEnd(width, '0') : ns, 'text', 0];
    }
    case 'p':
      return [t.hour < 12 ? 'AM' : 'PM', 'text', 0];
    case 'P':
      return [t.hour < 12 ? 'am' : 'pm', 'text', 0];
    case 'q':
      return options.quarter ? [String(Math.floor(t.month / 3) + 1), 'num', 1] : undefined;
    case 'r':
      return [
        `${two(hour12)}:${two(t.minute)}:${two(t.second)} ${t.hour < 12 ? 'AM' : 'PM'}`,
        'text',
        0,
      ];
    case 'R':
      return [`${two(t.hour)}:${two(t.minute)}`, 'text', 0];
    case 's':
      return [String(Math.floor(t.epochMs / 1000)), 'num', 1];
    case 'S':
      return [two(t.second), 'num', 2];
    case 't':
      return ['\t', 'text', 0];
    case 'T':
      return [`${two(t.hour)}:${two(t.minute)}:${two(t.second)}`, 'text', 0];
    case 'u':
      return [String(t.weekday === 0 ? 7 : t.weekday), 'num', 1];
    case 'U':
      return [two(Math.floor((t.yearDay + 7 - t.weekday) / 7)), 'num', 2];
    case 'V':
      return [two(isoWeek(t).week), 'num', 2];
    case 'w':
      return [String(t.weekday), 'num', 1];
    case 'W':
      return [two(Math.floor((t.yearDay + 7 - ((t.weekday + 6) % 7)) / 7)), 'num', 2];
    case 'x':
      return [`${two(t.month + 1)}/${two(t.day)}/${two(t.year % 100)}`, 'text', 0];
    case 'X':
      return [`${two(t.hour)}:${two(t.minute)}:${two(t.second)}`, 'text', 0];
    case 'y':
      return [two(t.year % 100), 'num', 2];
    case 'Y':
      return [String(t.year), 'num', 4];
    case 'z':
      return [zoneOffset(t.offset, colons), 'text', 0];
    case 'Z':
      return [t.zone, 'text', 0];
    case '%':
      return ['%', 'text', 0];
    case '+':
      return undefined;
    default:
      return undefined;
  }
}
