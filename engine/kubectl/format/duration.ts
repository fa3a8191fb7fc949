/**
 * Human-readable durations, re-implemented from apimachinery pkg/util/duration
 * (HumanDuration, ShortHumanDuration) and the printers' translateTimestampSince.
 */
import { parseRFC3339 } from '../../time/instant';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** apimachinery duration.HumanDuration of a span in milliseconds: `6s`, `3m49s`, `3d1h`, `2y10d`. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  // Up to 2 s in the future is tolerated as clock skew and shown as 0s.
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  const years = Math.trunc(hours / 24 / 365);
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/** apimachinery duration.ShortHumanDuration: one unit only (`5s`, `3m`, `2h`, `4d`, `1y`). */
export function shortHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(ms / HOUR / 24 / 365)}y`;
}

/** Parses an API timestamp (metav1.Time / MicroTime); undefined when absent or malformed. */
export function parseTime(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  return parseRFC3339(value);
}

/** printers.go#translateTimestampSince: `<unknown>` for a zero time, else HumanDuration(now − t). */
export function translateTimestampSince(value: string | null | undefined, now: number): string {
  const t = parseTime(value);
  if (t === undefined) return '<unknown>';
  return humanDuration(now - t);
}
