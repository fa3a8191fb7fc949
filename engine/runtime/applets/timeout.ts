/**
 * `timeout DURATION COMMAND [ARG]...` (GNU coreutils timeout.c on the workstation; busybox
 * coreutils/timeout.c in containers): runs COMMAND and signals it when DURATION of virtual time
 * has passed. It lets a script bound a command that never ends on its own (`watch`,
 * `kubectl get -w`). GNU exits 124 on a timeout (137 after `-k`), busybox with the signalled
 * command's status (128 + signal), as its PROG is the exec'd process itself.
 */
import { findExecutable } from '../exec';
import { SIGNALS, type Process, type SignalName } from '../kernel';
import { defineApplet } from './applet';
import { quoteLocale, strerror } from './common';
import { parseSignal } from './kill';
import { parseSleepArg } from './sleep';

/** GNU's exit status when the command timed out (and its own failures). */
const TIMED_OUT = 124;
const TIMEOUT_FAILED = 125;

export const timeout = defineApplet(
  {
    name: 'timeout',
    busybox: { short: 's:k:', stopAtOperand: true },
    gnu: {
      short: 's:k:v',
      stopAtOperand: true,
      long: {
        signal: { key: 's', arg: 'required' },
        'kill-after': { key: 'k', arg: 'required' },
        'preserve-status': { key: 'preserve-status' },
        foreground: { key: 'foreground' },
        verbose: { key: 'v' },
      },
    },
    usage: {
      synopsis: '[-s SIG] [-k KILL_SECS] SECS PROG ARGS',
      help: 'Run PROG; send it SIG (TERM by default) after SECS seconds, and KILL after\nKILL_SECS more if it is still running',
    },
    gnuSynopsis: '[OPTION] DURATION COMMAND [ARG]...',
    gnuUsageStatus: TIMEOUT_FAILED,
  },
  function* (a, opts) {
    const gnu = a.gnu;
    const [durationText, ...command] = opts.operands;
    if (durationText === undefined || command.length === 0)
      return yield* a.usageError(gnu ? 'missing operand' : undefined);
    const badDuration = function* (text: string) {
      if (!gnu) {
        yield* a.error(`invalid number '${text}'`);
        return 1;
      }
      return yield* a.usageError(`invalid time interval ${quoteLocale(text)}`);
    };
    const duration = parseSleepArg(durationText);
    if (duration === undefined) return yield* badDuration(durationText);
    const killAfterText = opts.value('k');
    const killAfter = killAfterText === undefined ? 0 : parseSleepArg(killAfterText);
    if (killAfter === undefined) return yield* badDuration(killAfterText!);
    const signalText = opts.value('s');
    const parsed = signalText === undefined ? 'TERM' : parseSignal(signalText);
    if (parsed === undefined || parsed === 0) {
      if (!gnu) {
        yield* a.error(`bad signal name '${signalText}'`);
        return 1;
      }
      return yield* a.usageError(`${signalText}: invalid signal`);
    }
    const signal: SignalName = parsed;

    const proc = a.proc;
    const exe = findExecutable(proc.ns, proc.cwd, proc.env.get('PATH'), command);
    if (typeof exe === 'string') {
      const why = strerror(exe === 'ENOENT' ? 'ENOENT' : 'EACCES');
      yield* a.error(
        gnu
          ? `failed to run command ${quoteLocale(command[0])}: ${why}`
          : `can't execute '${command[0]}': ${why}`,
      );
      return exe === 'ENOENT' ? 127 : 126;
    }
    // Signals sent to timeout itself go on to the command, as timeout.c's handler does.
    const forwarded = ['TERM', 'INT', 'HUP', 'QUIT'] as const;
    for (const sig of forwarded) proc.setDisposition(sig, 'catch');
    const child: Process = proc.spawn({ program: exe.program, argv: exe.argv });

    const send = function* (sig: SignalName) {
      if (gnu && opts.has('v'))
        yield* proc.err(`timeout: sending signal ${sig} to command ${quoteLocale(command[0])}\n`);
      proc.kernel.signal(child, sig);
    };
    // A zero duration disables the timeout (both implementations).
    let deadline = duration > 0 && duration !== Infinity ? proc.now() + duration : undefined;
    let timedOut = false;
    let killed = false;
    while (!child.done) {
      if (deadline !== undefined && proc.now() >= deadline) {
        if (!timedOut) {
          timedOut = true;
          yield* send(signal);
          deadline = killAfter > 0 && killAfter !== Infinity ? proc.now() + killAfter : undefined;
        } else {
          killed = true;
          yield* send('KILL');
          deadline = undefined;
        }
        continue;
      }
      yield { on: [child.exited], until: deadline, interruptible: true };
      for (let sig = proc.takeSignal(); sig; sig = proc.takeSignal())
        proc.kernel.signal(child, sig);
    }
    const status = child.exitCode!;
    if (!gnu || !timedOut || opts.has('preserve-status')) return status;
    return killed ? 128 + SIGNALS.KILL : TIMED_OUT;
  },
);
