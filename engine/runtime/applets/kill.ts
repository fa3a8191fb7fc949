/**
 * `kill [-SIG | -s SIG] PID...` and `kill -l` as a program (/bin/kill: busybox procps/kill.c;
 * procps-ng kill on the workstation). PIDs are those of the caller's namespace; a negative PID
 * names a process group, -1 every process but init and the caller.
 */
import { SIGNALS, type Process, type SignalName } from '../kernel';
import { defineApplet } from './applet';

const NAMES = Object.keys(SIGNALS) as SignalName[];

/** Resolves `TERM`, `SIGTERM`, `15` to a signal name the kernel knows; 0 is the existence check. */
export function parseSignal(text: string): SignalName | 0 | undefined {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (n === 0) return 0;
    return NAMES.find((name) => SIGNALS[name] === n);
  }
  const upper = text.toUpperCase().replace(/^SIG/, '');
  return NAMES.find((name) => name === upper);
}

export const kill = defineApplet(
  {
    name: 'kill',
    busybox: { short: '', none: true },
    gnu: { short: '', none: true },
    usage: {
      synopsis: '[-l] [-SIG] PID...',
      help: 'Send a signal (default: TERM) to the given PIDs\n\n\t-l\tList signal names\n\t-s SIG\tSignal to send',
    },
    gnuSynopsis: '[options] <pid> [...]',
    gnuVersion: 'from procps-ng 4.0.4',
  },
  function* (a, opts) {
    const args = [...opts.operands];
    if (args[0] === '-l' || args[0] === '-L') {
      if (args.length > 1) {
        const out: string[] = [];
        for (const x of args.slice(1)) {
          let name: string | undefined;
          if (/^\d+$/.test(x)) {
            // An exit status 128+N names signal N, as shells report it.
            const n = Number(x) > 128 ? Number(x) - 128 : Number(x);
            name = NAMES.find((sig) => SIGNALS[sig] === n);
          } else {
            const sig = parseSignal(x);
            name = sig ? String(SIGNALS[sig]) : undefined;
          }
          if (name === undefined) {
            yield* a.error(a.gnu ? `unknown signal name ${x}` : `bad signal name '${x}'`);
            return 1;
          }
          out.push(name);
        }
        yield* a.proc.out(out.join('\n') + '\n');
        return 0;
      }
      const list = [...NAMES].sort((x, y) => SIGNALS[x] - SIGNALS[y]);
      yield* a.proc.out(
        a.gnu
          ? list.join(' ') + '\n'
          : list.map((n) => `${String(SIGNALS[n]).padStart(2)}) ${n}`).join('\n') + '\n',
      );
      return 0;
    }
    let sig: SignalName | 0 = 'TERM';
    if (args[0] === '-s' || args[0] === '-n') {
      args.shift();
      const s = args.shift();
      const parsed = s === undefined ? undefined : parseSignal(s);
      if (parsed === undefined) {
        yield* a.error(a.gnu ? `unknown signal name ${s ?? ''}` : `bad signal name '${s ?? ''}'`);
        return 1;
      }
      sig = parsed;
    } else if (args.length > 0 && args[0].startsWith('-') && args[0] !== '--') {
      // `kill -9 PID`, `kill -TERM PID`: a leading dash argument is the signal.
      const s = args.shift()!.slice(1);
      const parsed = parseSignal(s);
      if (parsed === undefined) {
        yield* a.error(a.gnu ? `unknown signal name ${s}` : `bad signal name '${s}'`);
        return 1;
      }
      sig = parsed;
    }
    if (args[0] === '--') args.shift();
    if (args.length === 0) return yield* a.usageError();
    let status = 0;
    const procs = [...a.proc.ns.processes];
    for (const target of args) {
      if (!/^-?\d+$/.test(target)) {
        yield* a.error(a.gnu ? `cannot find process "${target}"` : `bad pid '${target}'`);
        status = 1;
        continue;
      }
      const pid = Number(target);
      let victims: Process[];
      if (pid === -1) victims = procs.filter((p) => p.pid !== 1 && p !== a.proc);
      else if (pid < 0) victims = procs.filter((p) => p.pgid === -pid);
      else if (pid === 0) victims = procs.filter((p) => p.pgid === a.proc.pgid);
      else victims = procs.filter((p) => p.pid === pid);
      if (victims.length === 0) {
        yield* a.error(
          a.gnu ? `(${pid}): No such process` : `can't kill pid ${pid}: No such process`,
        );
        status = 1;
        continue;
      }
      if (sig !== 0) for (const v of victims) a.proc.kernel.signal(v, sig);
    }
    return status;
  },
);
