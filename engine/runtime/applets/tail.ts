/**
 * `tail [-n N|+N] [-c N|+N] [-fF] [-s SECS] [-qv] [FILE]...` (busybox coreutils/tail.c with
 * FANCY_TAIL; GNU coreutils tail). `-f` follows files as they grow by polling them every
 * `-s` seconds (1 by default) of virtual time, as busybox does; a truncated file is reported
 * and read again from its start.
 */
import { defineApplet } from './applet';
import { quoteGnu, quoteLocale } from './common';
import { parseCount, type CountArg } from './count-arg';
import { lastOf, obsoleteCount, openForReading } from './head';
import { absPath, Output, readSource, work } from './io';
import { parseSleepArg } from './sleep';

/** The tail of `data` as asked: the last N lines/bytes, or from line/byte N on. */
export function tailOf(data: string, count: CountArg, bytes: boolean): string {
  const fromStart = count.sign === '+';
  if (bytes) {
    if (fromStart) return data.slice(Math.max(0, count.n - 1));
    return count.n === 0 ? '' : data.slice(-count.n);
  }
  if (fromStart) {
    let at = 0;
    for (let line = 1; line < count.n && at < data.length; line++) {
      const nl = data.indexOf('\n', at);
      if (nl < 0) return '';
      at = nl + 1;
    }
    return data.slice(at);
  }
  if (count.n === 0) return '';
  // Walk back over N newlines, ignoring a final newline.
  let end = data.length;
  if (data.endsWith('\n')) end--;
  let at = end;
  for (let k = 0; k < count.n; k++) {
    const nl = data.lastIndexOf('\n', at - 1);
    if (nl < 0) return data;
    at = nl;
  }
  return data.slice(at + 1);
}

export const tail = defineApplet(
  {
    name: 'tail',
    busybox: { short: 'fFs:n:c:qv' },
    gnu: {
      short: 'fFs:n:c:qvz',
      long: {
        follow: { key: 'f', arg: 'optional' },
        lines: { key: 'n', arg: 'required' },
        bytes: { key: 'c', arg: 'required' },
        'sleep-interval': { key: 's', arg: 'required' },
        quiet: { key: 'q' },
        silent: { key: 'q' },
        verbose: { key: 'v' },
        retry: { key: 'retry' },
        pid: { key: 'pid', arg: 'required' },
      },
    },
    usage: {
      synopsis: '[OPTIONS] [FILE]...',
      help:
        'Print the last 10 lines of FILEs (or stdin).\nWith more than one FILE, precede each with a name header.\n\n' +
        '\t-f\t\tKeep printing what is appended\n' +
        '\t-F\t\tAs -f, and reopen FILE when it is replaced\n' +
        '\t-s SECS\t\tWith -f, wait SECS between checks\n' +
        '\t-n N[bkm]\tLast N lines, or from line N with +N\n' +
        '\t-c [+]N[bkm]\tLast N bytes, or from byte N with +N\n' +
        '\t-q\t\tNever print headers\n' +
        '\t-v\t\tAlways print headers',
    },
    gnuSynopsis: '[OPTION]... [FILE]...',
    parseInBody: true,
  },
  function* (a) {
    const opts = yield* a.parse(obsoleteCount(a.proc.argv, true));
    if (typeof opts === 'number') return opts;
    const bytes = lastOf(opts.list, ['c', 'n']) === 'c';
    const text = bytes ? opts.value('c')! : (opts.value('n') ?? '10');
    const count = parseCount(text, a.gnu);
    if (!count) {
      yield* a.error(
        a.gnu
          ? `invalid number of ${bytes ? 'bytes' : 'lines'}: ${quoteLocale(text)}`
          : `invalid number '${text}'`,
      );
      return 1;
    }
    const follow = opts.has('f') || opts.has('F');
    const retry = opts.has('F') || opts.has('retry');
    let interval = 1000;
    if (opts.has('s')) {
      const ms = parseSleepArg(opts.value('s')!);
      if (ms === undefined) {
        yield* a.error(
          a.gnu
            ? `invalid number of seconds: ${quoteLocale(opts.value('s')!)}`
            : `invalid number '${opts.value('s')}'`,
        );
        return 1;
      }
      interval = Math.max(1, ms);
    }
    const names = opts.operands.length ? opts.operands : ['-'];
    const out = new Output(a.proc);
    let status = 0;
    // busybox decides on headers after opening: only the files it could open count.
    const opened: Array<{ name: string; data: string | undefined }> = [];
    for (const name of names) {
      const source = yield* openForReading(a, name, 'open');
      if (!source) {
        status = 1;
        if (a.gnu || retry) opened.push({ name, data: undefined });
        continue;
      }
      opened.push({ name, data: yield* readSource(a.proc, source) });
    }
    const countForHeaders = a.gnu ? names.length : opened.length;
    const headers = opts.has('v') || (countForHeaders > 1 && !opts.has('q'));
    let first = true;
    let current: string | undefined;
    const header = (name: string) => {
      if (!headers || current === name) return;
      out.write(`${first ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`);
      first = false;
      current = name;
    };
    for (const f of opened) {
      if (f.data === undefined) continue;
      header(f.name);
      out.write(tailOf(f.data, count, bytes));
    }
    if (!(yield* out.flush())) return 1;
    if (!follow) return status;

    // Follow: poll each named file; stdin (a pipe) is only read on, busybox-style.
    // @simplified: GNU tail follows with inotify (at once); here both flavours poll every -s
    // seconds (1 by default) of virtual time.
    const sizes = new Map<string, number>(opened.map((f) => [f.name, f.data?.length ?? -1]));
    const files = opened.filter((f) => f.name !== '-');
    if (files.length === 0) {
      if (a.gnu) return status;
      for (;;) {
        const chunk = yield* a.proc.read(0);
        if (chunk === null || chunk === undefined) {
          yield* a.proc.sleep(interval);
          continue;
        }
        out.write(chunk);
        if (!(yield* out.flush())) return 1;
      }
    }
    for (;;) {
      yield* a.proc.sleep(interval);
      for (const f of files) {
        const read = a.proc.ns.fs.readFile(absPath(a.proc, f.name));
        const old = sizes.get(f.name) ?? -1;
        if (!read.ok) {
          if (old >= 0 && retry) {
            yield* a.error(
              a.gnu
                ? `${quoteLocale(f.name)} has become inaccessible: No such file or directory`
                : `${f.name} has been replaced; following new file`,
            );
          }
          sizes.set(f.name, -1);
          continue;
        }
        const data = read.value;
        if (old < 0) {
          if (old === -1 && retry && sizes.has(f.name)) {
            yield* a.error(
              a.gnu
                ? `${quoteGnu(f.name)} has appeared;  following new file`
                : `${f.name} has appeared; following new file`,
            );
          }
          header(f.name);
          out.write(data);
        } else if (data.length < old) {
          yield* a.error(`${a.gnu ? quoteGnu(f.name) : f.name}: file truncated`);
          header(f.name);
          out.write(data);
        } else if (data.length > old) {
          header(f.name);
          out.write(data.slice(old));
        }
        sizes.set(f.name, data.length);
      }
      if (!(yield* out.flush())) return 1;
      yield* work(a.proc);
    }
  },
);
