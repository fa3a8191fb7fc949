/** Timestamps in the formats the simulated servers log with, in the container's TZ. */
import type { Process } from '../kernel';
import { breakDown, timeZoneFromEnv, type BrokenTime } from '../applets/tz';
import { MONTHS } from '../applets/strftime';

const two = (n: number) => String(n).padStart(2, '0');

function localNow(proc: Process): BrokenTime {
  return breakDown(proc.now(), timeZoneFromEnv(proc.env.get('TZ')));
}

function offset(t: BrokenTime): string {
  const sign = t.offset < 0 ? '-' : '+';
  const abs = Math.abs(t.offset);
  return `${sign}${two(Math.floor(abs / 3600))}${two(Math.floor(abs / 60) % 60)}`;
}

/** nginx error log and Go's log package: `2025/01/15 10:00:02`. */
export function slashTime(proc: Process): string {
  const t = localNow(proc);
  return `${t.year}/${two(t.month + 1)}/${two(t.day)} ${two(t.hour)}:${two(t.minute)}:${two(t.second)}`;
}

/** nginx access log `$time_local`: `15/Jan/2025:10:00:05 +0000`. */
export function nginxLocalTime(proc: Process): string {
  const t = localNow(proc);
  return `${two(t.day)}/${MONTHS[t.month]}/${t.year}:${two(t.hour)}:${two(t.minute)}:${two(t.second)} ${offset(t)}`;
}

/** fluentd's logger: `2025-01-15 10:00:02 +0000`. */
export function fluentTime(proc: Process): string {
  const t = localNow(proc);
  return `${t.year}-${two(t.month + 1)}-${two(t.day)} ${two(t.hour)}:${two(t.minute)}:${two(t.second)} ${offset(t)}`;
}
