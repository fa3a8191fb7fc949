/** Virtual time: milliseconds since the Unix epoch, always an integer. */
export type Instant = number;
/** A span of virtual time in milliseconds. */
export type Duration = number;

export const SECOND: Duration = 1000;
export const MINUTE: Duration = 60 * SECOND;
export const HOUR: Duration = 60 * MINUTE;

const UNITS: Record<string, number> = { ms: 1, s: SECOND, m: MINUTE, h: HOUR, d: 24 * HOUR };

/**
 * Parses a Go-style duration ("30s", "1m30s", "1.5h", "250ms") into milliseconds.
 * Returns undefined for anything else, so callers can report their own error.
 */
export function parseDuration(text: string): Duration | undefined {
  const s = text.trim();
  if (s === '' || s === '0') return s === '0' ? 0 : undefined;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/y;
  let total = 0;
  let at = 0;
  while (at < s.length) {
    re.lastIndex = at;
    const m = re.exec(s);
    if (!m) return undefined;
    total += parseFloat(m[1]) * UNITS[m[2]];
    at = re.lastIndex;
  }
  return Math.round(total);
}

/** Drops the sub-second part: API timestamps have second precision. */
export function truncateToSecond(t: Instant): Instant {
  return Math.floor(t / SECOND) * SECOND;
}

let lastSecond = NaN;
let lastText = '';

/** RFC 3339 in UTC at second precision, as metav1.Time serialises: 2025-01-15T10:00:00Z. */
export function formatRFC3339(t: Instant): string {
  const second = truncateToSecond(t);
  // Many objects are stamped within the same second: reuse the last rendering.
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = new Date(second).toISOString().replace('.000Z', 'Z');
  }
  return lastText;
}

/** Parses RFC 3339 (any offset); undefined when the text is not a timestamp. */
export function parseRFC3339(text: string): Instant | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text))
    return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** Go's time.RFC1123Z in UTC ("Wed, 15 Jan 2025 10:00:00 +0000"), as kubectl describe prints. */
export function formatRFC1123Z(t: Instant): string {
  const d = new Date(t);
  return (
    `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`
  );
}

/** The weekday and month abbreviations, shared by date formatters. */
export const DAY_NAMES = DAYS;
export const MONTH_NAMES = MONTHS;
