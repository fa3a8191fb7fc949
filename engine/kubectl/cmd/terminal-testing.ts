/** Test harness for the verbs that use a terminal (attach, exec, run -it): kubectl on a Tty. */
import { HOME, type Workstation } from '../../shell/workstation';
import type { TestCluster } from '../../testing/test-cluster';
import { Tty } from '../../runtime/tty';
import { findExecutable } from '../../runtime/exec';

/**
 * Spawns `kubectl args…` with the workstation's Tty as stdin/stdout/stderr and in the terminal's
 * foreground; returns the process, the Tty, the screen so far and a way to type keys (then let
 * `seconds` of virtual time pass).
 */
export function kubectlOnTerminal(tc: TestCluster, ws: Workstation, args: string[]) {
  let screen = '';
  const tty = new Tty(tc.sim.kernel, ws.ns, (d) => (screen += d));
  const exe = findExecutable(ws.ns, HOME, ws.env.get('PATH'), ['kubectl', ...args]);
  if (typeof exe === 'string') throw new Error(exe);
  const proc = tc.sim.kernel.spawn({
    program: exe.program,
    argv: exe.argv,
    env: ws.env,
    cwd: HOME,
    ns: ws.ns,
    fds: new Map([
      [0, tty.description],
      [1, tty.description],
      [2, tty.description],
    ]),
  });
  tty.foregroundPgid = proc.pgid;
  return {
    proc,
    tty,
    screen: () => screen,
    type(keys: string, seconds = '1s') {
      tty.type(keys);
      tc.advance(seconds);
    },
  };
}
