/**
 * `sleep N[smhd]...` (busybox coreutils/sleep.c with FANCY and FLOAT sleep, as alpine builds it;
 * GNU coreutils sleep). The arguments are summed and slept in virtual time. Sleep installs no
 * signal handlers: TERM kills it, except as a container's PID 1, which ignores it.
 */
import { defineApplet } from './applet';
import { quoteLocale } from './common';
import { strtod } from './cnum';

const SUFFIX_SECONDS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** Parses one duration argument into milliseconds (Infinity for `inf`), or undefined. */
export function parseSleepArg(text: string): number | undefined {
  const p = strtod(text);
  if (!p.ok || Number.isNaN(p.value) || p.value < 0) return undefined;
  const factor = SUFFIX_SECONDS[p.rest];
  if (factor === undefined) return undefined;
  return p.value * factor * 1000;
}

export const sleep = defineApplet(
  {
    name: 'sleep',
    // busybox sleep does not call getopt: `sleep -1` is an invalid number, not an option.
    busybox: { short: '', none: true },
    gnu: { short: '' },
    usage: {
      synopsis: '[N]...',
      help: 'Wait for the sum of the N given; each N may end in s (seconds, the default), m (minutes),\nh (hours) or d (days) and may have a fraction',
    },
    gnuSynopsis: 'NUMBER[SUFFIX]...',
  },
  function* (a, opts) {
    if (opts.operands.length === 0)
      return yield* a.usageError(a.gnu ? 'missing operand' : undefined);
    let total = 0;
    let bad = false;
    for (const arg of opts.operands) {
      const ms = parseSleepArg(arg);
      if (ms === undefined) {
        if (!a.gnu) {
          yield* a.error(`invalid number '${arg}'`);
          return 1;
        }
        yield* a.error(`invalid time interval ${quoteLocale(arg)}`);
        bad = true;
        continue;
      }
      total += ms;
    }
    if (bad) return yield* a.usageError();
    if (total === Infinity) {
      for (;;) yield* a.proc.sleep(365 * 86_400_000);
    }
    yield* a.proc.sleep(Math.round(total));
    return 0;
  },
);
