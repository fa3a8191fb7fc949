/**
 * `ps` over the processes of the caller's namespace (busybox procps/ps.c as alpine builds it:
 * PID, USER, TIME, COMMAND; GNU procps-ng ps for the workstation: the default, -e/-A, -f and BSD
 * `aux` forms). A program may set the title ps shows (nginx's "nginx: master process …").
 */
import type { Process } from '../kernel';
import { defineApplet, type Applet } from './applet';
import { userName } from './accounts';
import { breakDown, timeZoneFromEnv } from './tz';

const titles = new WeakMap<Process, string>();

/** Sets the command line `ps` shows for a process (setproctitle). */
export function setProcessTitle(proc: Process, title: string): void {
  titles.set(proc, title);
}

/** The command line `ps` shows. */
export function commandLine(proc: Process): string {
  return titles.get(proc) ?? (proc.argv.length ? proc.argv.join(' ') : `[${proc.argv[0] ?? '?'}]`);
}

const started = new WeakMap<Process, number>();

/** When a process was first seen by ps. */
// @simplified: the kernel keeps no start times, so STIME/START is when ps first saw a process.
function startOf(proc: Process): number {
  let t = started.get(proc);
  if (t === undefined) {
    t = proc.now();
    started.set(proc, t);
  }
  return t;
}

function ttyOf(p: Process): string {
  for (const fd of [0, 1, 2]) if (p.fd(fd)?.tty) return 'pts/0';
  return '?';
}

export const ps = defineApplet(
  {
    name: 'ps',
    // busybox ps accepts (and mostly ignores) BSD and SysV selection options.
    busybox: { short: 'o:Tefwlaxu' },
    gnu: {
      short: 'eAfFlaxuwHjo:p:C:U:u:g:G:t:',
      long: { forest: { key: 'forest' }, sort: { key: 'sort', arg: 'required' } },
    },
    usage: {
      synopsis: '[-o COL1,COL2=HEADER] [-T]',
      help: 'Show the list of processes\n\n\t-o COL1,COL2=HEADER\tSelect columns\n\t-T\t\t\tShow threads',
    },
    gnuSynopsis: '[options]',
    gnuVersion: 'from procps-ng 4.0.4',
  },
  function* (a, opts) {
    const procs = [...a.proc.ns.processes].sort((x, y) => x.pid - y.pid);
    const user = (p: Process) => {
      const { uid } = a.sys.credentials(p);
      return userName(p, uid) ?? String(uid);
    };
    let text = '';
    if (!a.gnu) {
      // @simplified: CPU time is not accounted (every process shows 0:00) and busybox's -o
      // column selection is accepted but the default columns are always printed.
      text += 'PID   USER     TIME  COMMAND\n';
      const tty = a.proc.fd(1)?.tty;
      for (const p of procs) {
        let line = `${String(p.pid).padStart(5)} ${user(p).slice(0, 8).padEnd(8)}  0:00 ${commandLine(p)}`;
        if (tty && line.length > tty.columns) line = line.slice(0, tty.columns);
        text += line + '\n';
      }
      yield* a.proc.out(text);
      return 0;
    }
    return yield* gnuPs(a, procs, user, opts.operands, opts.has.bind(opts));
  },
);

function* gnuPs(
  a: Applet,
  procs: Process[],
  user: (p: Process) => string,
  operands: string[],
  has: (k: string) => boolean,
) {
  const bsd = operands.some((o) => /^[auxwf]+$/.test(o));
  const all =
    has('e') || has('A') || (bsd && operands.some((o) => o.includes('a') || o.includes('x')));
  const myTty = ttyOf(a.proc);
  const shown = all ? procs : procs.filter((p) => ttyOf(p) === myTty && ttyOf(p) !== '?');
  const tz = timeZoneFromEnv(a.proc.env.get('TZ'));
  const two = (n: number) => String(n).padStart(2, '0');
  const stime = (p: Process) => {
    const t = breakDown(startOf(p), tz);
    return `${two(t.hour)}:${two(t.minute)}`;
  };
  let text = '';
  if (bsd && operands.some((o) => o.includes('u'))) {
    text += 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n';
    for (const p of shown) {
      text += `${user(p).padEnd(8)} ${String(p.pid).padStart(7)}  0.0  0.0   ${'0'.padStart(4)}  ${'0'.padStart(4)} ${ttyOf(p).padEnd(8)} ${p === a.proc ? 'R+' : 'S'.padEnd(2)}   ${stime(p)}   0:00 ${commandLine(p)}\n`;
    }
  } else if (has('f') || has('F')) {
    text += 'UID          PID    PPID  C STIME TTY          TIME CMD\n';
    for (const p of shown) {
      const ppid = p.parent && p.parent.ns === p.ns ? p.parent.pid : 0;
      text += `${user(p).padEnd(8)} ${String(p.pid).padStart(7)} ${String(ppid).padStart(7)}  0 ${stime(p)} ${ttyOf(p).padEnd(8)} 00:00:00 ${commandLine(p)}\n`;
    }
  } else {
    text += '    PID TTY          TIME CMD\n';
    for (const p of shown) {
      const comm = (p.argv[0] ?? '').split('/').pop() ?? '';
      text += `${String(p.pid).padStart(7)} ${ttyOf(p).padEnd(8)} 00:00:00 ${comm.slice(0, 15)}\n`;
    }
  }
  yield* a.proc.out(text);
  return 0;
}
