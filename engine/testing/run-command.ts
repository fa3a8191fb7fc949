/**
 * Runs one program on the workstation for tests: argv in, stdout / stderr / exit status out,
 * advancing virtual time only as far as the program needs (it may wait, e.g. `kubectl delete`).
 */
import type { Simulation } from '../simulation';
import { FileDescription } from '../runtime/kernel';
import { callbackWriter, stringReader } from '../runtime/streams';
import { findExecutable } from '../runtime/exec';
import type { Workstation } from '../shell/workstation';
import { HOME } from '../shell/workstation';
import { utf8Decode, utf8Encode } from '../util/utf8';

/** What a command printed and returned. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs `argv` on the workstation; gives up (code 124) after `maxSeconds` of virtual time. */
export function runOnWorkstation(
  sim: Simulation,
  ws: Workstation,
  argv: string[],
  options: { stdin?: string; cwd?: string; maxSeconds?: number } = {},
): CommandOutput {
  let stdout = '';
  let stderr = '';
  const cwd = options.cwd ?? HOME;
  const exe = findExecutable(ws.ns, cwd, ws.env.get('PATH'), argv);
  if (typeof exe === 'string')
    return { stdout: '', stderr: `${argv[0]}: command not found\n`, code: 127 };
  const proc = sim.kernel.spawn({
    program: exe.program,
    argv: exe.argv,
    env: ws.env,
    cwd,
    ns: ws.ns,
    fds: new Map([
      [0, new FileDescription(stringReader(utf8Encode(options.stdin ?? '')))],
      [
        1,
        new FileDescription(
          undefined,
          callbackWriter((d) => (stdout += d)),
        ),
      ],
      [
        2,
        new FileDescription(
          undefined,
          callbackWriter((d) => (stderr += d)),
        ),
      ],
    ]),
  });
  const deadline = sim.now + (options.maxSeconds ?? 600) * 1000;
  sim.settle();
  while (!proc.done && sim.now < deadline) {
    const next = sim.timers.peekTime();
    if (next === undefined) break;
    sim.runUntil(Math.min(next, deadline));
  }
  if (!proc.done) sim.kernel.terminate(proc, 'KILL');
  return {
    stdout: utf8Decode(stdout),
    stderr: utf8Decode(stderr),
    code: proc.done && proc.killedBy !== 'KILL' ? proc.exitCode! : 124,
  };
}
