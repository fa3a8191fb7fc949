/**
 * `date [-u] [-d TIME] [-r FILE] [-R] [-I[SPEC]] [+FORMAT]` (busybox coreutils/date.c, GNU
 * coreutils date). Time is the simulation's virtual clock; the zone is `TZ` (UTC when unset).
 * Setting the clock is refused as in an unprivileged container.
 */
import { defineApplet, type Applet } from './applet';
import { quoteLocale } from './common';
import { parseBusyboxDate, parseGnuDate } from './date-parse';
import { absPath } from './io';
import { strftime } from './strftime';
import { breakDown, timeZoneFromEnv, UTC, type TimeZone } from './tz';

/** The default output format of both implementations in the C locale. */
// @simplified: the C locale's format; GNU date in an en_US.UTF-8 locale adds AM/PM.
export const DATE_DEFAULT_FORMAT = '%a %b %e %H:%M:%S %Z %Y';

const ISO_FORMATS: Record<string, string> = {
  date: '%Y-%m-%d',
  hours: '%Y-%m-%dT%H%:z',
  minutes: '%Y-%m-%dT%H:%M%:z',
  seconds: '%Y-%m-%dT%H:%M:%S%:z',
  ns: '%Y-%m-%dT%H:%M:%S,%N%:z',
};
const RFC3339_FORMATS: Record<string, string> = {
  date: '%Y-%m-%d',
  seconds: '%Y-%m-%d %H:%M:%S%:z',
  ns: '%Y-%m-%d %H:%M:%S.%N%:z',
};

/** Accepts an abbreviation of one of `choices`, as GNU's argmatch does. */
function pick(value: string, choices: Record<string, string>): string | undefined {
  if (value in choices) return choices[value];
  const found = Object.keys(choices).filter((k) => k.startsWith(value));
  return found.length === 1 ? choices[found[0]] : undefined;
}

export const date = defineApplet(
  {
    name: 'date',
    busybox: {
      short: 'Rs:ud:r:D:I::',
      long: {
        'rfc-822': { key: 'R' },
        'rfc-2822': { key: 'R' },
        set: { key: 's', arg: 'required' },
        utc: { key: 'u' },
        date: { key: 'd', arg: 'required' },
        reference: { key: 'r', arg: 'required' },
        'iso-8601': { key: 'I', arg: 'optional' },
      },
    },
    gnu: {
      short: 'd:f:I::r:Rs:u',
      long: {
        date: { key: 'd', arg: 'required' },
        file: { key: 'f', arg: 'required' },
        'iso-8601': { key: 'I', arg: 'optional' },
        reference: { key: 'r', arg: 'required' },
        'rfc-email': { key: 'R' },
        'rfc-2822': { key: 'R' },
        'rfc-3339': { key: 'rfc-3339', arg: 'required' },
        set: { key: 's', arg: 'required' },
        utc: { key: 'u' },
        universal: { key: 'u' },
        debug: { key: 'debug' },
      },
    },
    usage: {
      synopsis: '[OPTIONS] [+FMT] [[-s] TIME]',
      help:
        'Show the time, formatted by +FMT, or set it\n\n' +
        '\t-u\t\tUse UTC instead of local time\n' +
        '\t[-s] TIME\tSet the clock to TIME\n' +
        '\t-d TIME\t\tShow TIME instead of now\n' +
        '\t-D FMT\t\tRead TIME with strptime format FMT\n' +
        '\t-r FILE\t\tShow the modification time of FILE\n' +
        '\t-R\t\tRFC 2822 format\n' +
        '\t-I[SPEC]\tISO 8601 format; SPEC is date (default), hours, minutes, seconds or ns\n' +
        'TIME forms:\n' +
        '\t@SECONDS\n' +
        '\thh:mm[:ss]\n' +
        '\t[YYYY.]MM.DD-hh:mm[:ss]\n' +
        '\tYYYY-MM-DD hh:mm[:ss]\n' +
        '\t[[[[[YY]YY]MM]DD]hh]mm[.ss]',
    },
    gnuSynopsis: '[OPTION]... [+FORMAT]',
  },
  function* (a, opts) {
    const proc = a.proc;
    const tz: TimeZone = opts.has('u') ? UTC : timeZoneFromEnv(proc.env.get('TZ'));
    let format: string | undefined;
    let setText = opts.value('s');
    for (const operand of opts.operands) {
      if (operand.startsWith('+') && format === undefined) format = operand.slice(1);
      else if (setText === undefined && !operand.startsWith('+')) setText = operand;
      else return yield* a.usageError(a.gnu ? `extra operand ${quoteLocale(operand)}` : undefined);
    }
    let when = proc.now();
    const dateText = opts.value('d');
    if (dateText !== undefined || setText !== undefined) {
      const text = (dateText ?? setText)!;
      const parsed = a.gnu ? parseGnuDate(text, when, tz) : parseBusyboxDate(text, when, tz);
      if (parsed === undefined) {
        yield* a.error(`invalid date ${a.gnu ? quoteLocale(text) : `'${text}'`}`);
        return 1;
      }
      when = parsed;
    }
    if (opts.has('r')) {
      const file = opts.value('r')!;
      const st = proc.ns.fs.stat(absPath(proc, file));
      if (!st.ok) {
        yield* a.error(
          a.gnu
            ? `${file}: No such file or directory`
            : `can't stat '${file}': No such file or directory`,
        );
        return 1;
      }
      when = st.value.mtime;
    }
    if (setText !== undefined) {
      // Containers run without CAP_SYS_TIME.
      yield* a.error('cannot set date: Operation not permitted');
      if (a.gnu) yield* proc.out(render(a, DATE_DEFAULT_FORMAT, when, tz));
      return 1;
    }
    let fmt = format ?? DATE_DEFAULT_FORMAT;
    if (opts.has('R')) fmt = '%a, %d %b %Y %H:%M:%S %z';
    if (opts.has('I')) {
      const spec = opts.value('I') ?? 'date';
      const iso = pick(spec, ISO_FORMATS);
      if (iso === undefined) return yield* badArgument(a, spec, '--iso-8601');
      fmt = iso;
    }
    if (opts.has('rfc-3339')) {
      const spec = opts.value('rfc-3339')!;
      const rfc = pick(spec, RFC3339_FORMATS);
      if (rfc === undefined) return yield* badArgument(a, spec, '--rfc-3339');
      fmt = rfc;
    }
    yield* proc.out(render(a, fmt, when, tz));
    return 0;
  },
);

function render(a: Applet, fmt: string, when: number, tz: TimeZone): string {
  const t = breakDown(when, tz);
  const isoBuiltIn = fmt.includes('%:z') && Object.values(ISO_FORMATS).includes(fmt);
  return (
    strftime(fmt, t, {
      // busybox formats -I itself (with its own %N and zone colon); +FMT goes to libc strftime.
      nanoseconds: a.gnu || isoBuiltIn,
      colonZ: a.gnu || isoBuiltIn,
      quarter: a.gnu,
    }) + '\n'
  );
}

function* badArgument(a: Applet, value: string, option: string) {
  if (!a.gnu) return yield* a.usageError();
  yield* a.error(`invalid argument ${quoteLocale(value)} for ${quoteLocale(option)}`);
  return yield* a.usageError();
}
