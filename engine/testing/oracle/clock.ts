/**
 * Wall-clock alignment for oracle runs: the real kubectl computes ages from its own clock, so
 * fixtures are shifted to "now" and kubectl is started just after a whole second, making its
 * ages equal to the ones Podlab computes for `now` = that second.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { KubeObject } from '../../api/object';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A deep copy of the value with every RFC 3339 UTC timestamp moved by `deltaMs`. */
export function shiftTimes<T>(value: T, deltaMs: number): T {
  if (typeof value === 'string') {
    if (!RFC3339.test(value)) return value;
    const fraction = /\.(\d+)Z$/.exec(value)?.[1];
    const shifted = new Date(Date.parse(value) + deltaMs).toISOString();
    if (fraction === undefined) return shifted.replace(/\.\d+Z$/, 'Z') as T;
    return shifted.replace(
      /\.\d+Z$/,
      `.${fraction.padEnd(6, '0').slice(0, fraction.length)}Z`,
    ) as T;
  }
  if (Array.isArray(value)) return value.map((v) => shiftTimes(v, deltaMs)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = shiftTimes(v, deltaMs);
    return out as T;
  }
  return value;
}

/** Wall-clock milliseconds: the real kubectl computes ages from the real clock. */
export function wallClockMs(): number {
  // eslint-disable-next-line no-restricted-properties -- test-only oracle code, see above
  return Date.now();
}

/**
 * Waits until just after the next whole second and returns it (ms). A kubectl started right
 * then sees the same whole-second ages as `now` = the returned value, unless it takes a second.
 */
export async function nextSecond(): Promise<number> {
  const base = Math.ceil((wallClockMs() + 1) / 1000) * 1000;
  await sleep(Math.max(0, base - wallClockMs() + 20));
  return base;
}

/** Shifts fixtures written for `fixtureT0` so that `fixtureT0` becomes `base`. */
export function rebase(
  objects: readonly KubeObject[],
  fixtureT0: number,
  base: number,
): KubeObject[] {
  return objects.map((o) => shiftTimes(o, base - fixtureT0));
}
