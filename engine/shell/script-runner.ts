/**
 * Runs a script as if its lines were typed at a workstation prompt (what `podlab run` does):
 * one interactive bash session, every command's stdout and stderr in the order written, `sleep N`
 * moving virtual time while the cluster runs. With `echo`, each line is shown after its prompt
 * (`$ ` for a new command, `> ` for a continuation line), like a terminal transcript.
 */
import type { Simulation } from '../simulation';
import { FileDescription, type Process } from '../runtime/kernel';
import { callbackWriter, emptyReader } from '../runtime/streams';
import { makeShellProgram } from '../runtime/sh';
import { utf8Decode, utf8Encode } from '../util/utf8';
import { HOME, type Workstation } from './workstation';

/** Options of a scripted session. */
export interface ScriptOptions {
  /** Print `$ COMMAND` before each command's output. */
  echo?: boolean;
  /** Working directory (default: the home folder). */
  cwd?: string;
  /** Give up after this much virtual time (default 7 days); the status is then 124. */
  maxSeconds?: number;
  /**
   * Called with each chunk of terminal bytes (one char per byte) as the session writes them, so
   * a host can stream a long run (e.g. a script ending in `watch`) instead of waiting for its end.
   */
  onOutput?: (bytes: string) => void;
}

/** What the session printed (decoded UTF-8) and its exit status. */
export interface ScriptResult {
  output: string;
  status: number;
}

/** Advances the simulation until `proc` exits or `deadline` passes; true if it exited. */
export function runUntilExit(sim: Simulation, proc: Process, deadline: number): boolean {
  sim.settle();
  while (!proc.done && sim.now < deadline) {
    const next = sim.timers.peekTime();
    if (next === undefined) break;
    sim.runUntil(Math.min(next, deadline));
  }
  return proc.done;
}

/** Runs `script` on the workstation `ws` of `sim`. */
export function runScript(
  sim: Simulation,
  ws: Workstation,
  script: string,
  options: ScriptOptions = {},
): ScriptResult {
  const lines = script.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  let next = 0;
  let output = '';
  const bash = makeShellProgram({
    dialect: 'bash',
    quietEof: true,
    *lineReader(sh, prompt) {
      if (next >= lines.length) return null;
      const line = lines[next++];
      if (options.echo) yield* sh.out(prompt + utf8Encode(line) + '\n');
      return utf8Encode(line);
    },
  });
  const sink = new FileDescription(
    undefined,
    callbackWriter((d) => {
      output += d;
      options.onOutput?.(d);
    }),
    'script output',
  );
  const env = new Map(ws.env);
  env.set('PS1', '$ ');
  env.set('PS2', '> ');
  const proc = sim.kernel.spawn({
    program: bash,
    argv: ['bash', '-i'],
    env,
    cwd: options.cwd ?? HOME,
    ns: ws.ns,
    fds: new Map([
      [0, new FileDescription(emptyReader(), undefined, '/dev/null')],
      [1, sink],
      [2, sink],
    ]),
  });
  const exited = runUntilExit(sim, proc, sim.now + (options.maxSeconds ?? 7 * 24 * 3600) * 1000);
  if (!exited) sim.kernel.terminate(proc, 'KILL');
  return { output: utf8Decode(output), status: exited ? proc.exitCode! : 124 };
}
