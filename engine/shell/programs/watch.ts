/**
 * procps-ng `watch` (4.0.x, Debian 12): runs a command through `sh -c` every N seconds of virtual
 * time and redraws the screen with the `Every N.Ns: CMD` header and `host: time` at the right.
 */
import type { Program } from '../../runtime/kernel';
import { FileDescription } from '../../runtime/kernel';
import { Pipe } from '../../runtime/streams';
import { findExecutable } from '../../runtime/exec';
import { DAY_NAMES, MONTH_NAMES } from '../../time/instant';
import { utf8Decode, utf8Encode } from '../../util/utf8';
import { charWidth } from '../readline';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `%a %b %e %H:%M:%S %Y` in UTC (the workstation's zone). */
export function watchTime(t: number): string {
  const d = new Date(t);
  return `${DAY_NAMES[d.getUTCDay()]} ${MONTH_NAMES[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

function columns(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/** Cuts text to `max` terminal columns. */
function clip(text: string, max: number): string {
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = charWidth(ch);
    if (w + cw > max) break;
    out += ch;
    w += cw;
  }
  return out;
}

/**
 * The title line, clipped to the terminal width by procps' rules: header and command at the left,
 * `host: time` at the right; a command that does not fit is cut and ends in `...`.
 */
export function watchHeader(
  interval: number,
  command: string,
  host: string,
  time: string,
  width: number,
): string {
  const header = `Every ${interval.toFixed(1)}s: `;
  const right = `${host}: ${time}`;
  const rh = columns(right);
  const hl = columns(header);
  if (width < rh) return '';
  if (width < rh + hl + 1) return ' '.repeat(width - rh) + right;
  const room = width - rh - hl - 1;
  let left = header;
  if (columns(command) <= room) left += command;
  else if (room >= 4) left += clip(command, room - 3) + '...';
  return left + ' '.repeat(Math.max(1, width - columns(left) - rh)) + right;
}

const USAGE = `
Usage:
 watch [options] command

Options:
  -b, --beep             beep if command has a non-zero exit
  -c, --color            interpret ANSI color and style sequences
  -d, --differences[=<permanent>]
                         highlight changes between updates
  -e, --errexit          exit if command has a non-zero exit
  -g, --chgexit          exit when output from command changes
  -n, --interval <secs>  seconds to wait between updates
  -p, --precise          attempt run command in precise intervals
  -t, --no-title         turn off header
  -w, --no-wrap          turn off line wrapping
  -x, --exec             pass command to exec instead of "sh -c"

 -h, --help     display this help and exit
 -v, --version  output version information and exit

For more details see watch(1).
`;

/** The `watch` program. */
export const watchProgram: Program = function* watch(proc) {
  const args = proc.argv.slice(1);
  let interval = 2;
  let title = true;
  let wrap = true;
  let errexit = false;
  let execMode = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const take = () => {
      const eq = a.indexOf('=');
      if (a.startsWith('--') && eq > 0) return a.slice(eq + 1);
      if (!a.startsWith('--') && a.length > 2) return a.slice(2);
      return args[++i];
    };
    if (a === '-n' || a.startsWith('--interval') || /^-n./.test(a)) {
      const v = take();
      const n = Number(v);
      if (v === undefined || !Number.isFinite(n)) {
        yield* proc.err(`watch: failed to parse argument: '${v ?? ''}'\n`);
        return 1;
      }
      interval = Math.max(0.1, n);
    } else if (a === '-t' || a === '--no-title') title = false;
    else if (a === '-w' || a === '--no-wrap') wrap = false;
    else if (a === '-e' || a === '--errexit') errexit = true;
    else if (a === '-x' || a === '--exec') execMode = true;
    else if (
      [
        '-b',
        '--beep',
        '-c',
        '--color',
        '-d',
        '--differences',
        '-g',
        '--chgexit',
        '-p',
        '--precise',
      ].includes(a)
    )
      continue;
    else if (a === '-h' || a === '--help') {
      yield* proc.out(USAGE.slice(1));
      return 0;
    } else if (a === '-v' || a === '--version') {
      yield* proc.out('watch from procps-ng 4.0.2\n');
      return 0;
    } else if (/^-[btwex]+$/.test(a)) {
      for (const c of a.slice(1)) {
        if (c === 't') title = false;
        if (c === 'w') wrap = false;
        if (c === 'e') errexit = true;
        if (c === 'x') execMode = true;
      }
    } else {
      yield* proc.err(`watch: invalid option -- '${a.replace(/^-+/, '')[0]}'\n${USAGE}`);
      return 1;
    }
  }
  const command = args.slice(i);
  if (command.length === 0) {
    yield* proc.err(USAGE);
    return 1;
  }
  const text = command.join(' ');
  const tty = proc.fd(1)?.tty;
  const width = () => tty?.columns ?? 80;
  const rows = () => tty?.rows ?? 24;
  // watch.c: SIGINT, SIGTERM and SIGHUP run die(), which leaves curses and exits 0.
  for (const sig of ['HUP', 'INT', 'TERM'] as const) proc.setDisposition(sig, 'catch');
  yield* proc.out('\x1b[?1049h');
  try {
    for (;;) {
      const pipe = new Pipe(1 << 20);
      const out = new FileDescription(undefined, pipe.openWriter());
      const argv = execMode ? command : ['sh', '-c', text];
      const exe = findExecutable(proc.ns, proc.cwd, proc.env.get('PATH'), argv);
      let status = 127;
      let output = '';
      if (typeof exe !== 'string') {
        const child = proc.spawn({
          program: exe.program,
          argv: exe.argv,
          fds: new Map([
            [0, proc.fd(0)!],
            [1, out],
            [2, out],
          ]),
        });
        const reader = new FileDescription(pipe.openReader());
        out.retain().release();
        const r = proc.spawn({
          program: function* (p) {
            output = yield* p.readAll(3);
            return 0;
          },
          argv: ['watch-reader'],
          fds: new Map([[3, reader]]),
        });
        reader.retain().release();
        status = (yield* proc.wait(child)) ?? 1;
        yield* proc.wait(r);
      }
      let screen = '\x1b[H\x1b[2J';
      const lines: string[] = [];
      if (title) {
        lines.push(watchHeader(interval, text, proc.ns.hostname, watchTime(proc.now()), width()));
        lines.push('');
      }
      for (const raw of utf8Decode(output).replace(/\n$/, '').split('\n')) {
        if (!wrap) lines.push(clip(raw, width()));
        else {
          let rest = raw;
          do {
            const part = clip(rest, width());
            lines.push(part);
            rest = rest.slice(part.length);
          } while (rest.length > 0);
        }
      }
      screen += lines.slice(0, rows()).join('\r\n');
      yield* proc.out(utf8Encode(screen));
      if (errexit && status !== 0) return 8;
      if (proc.takeSignal() !== undefined) return 0;
      if (!(yield* proc.sleep(interval * 1000, true))) {
        proc.takeSignal();
        return 0;
      }
    }
  } finally {
    // Leaving curses restores the screen the shell had.
    proc.fd(1)?.writeEnd?.write('\x1b[?1049l');
  }
};
