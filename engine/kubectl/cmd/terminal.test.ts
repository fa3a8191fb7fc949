import { describe, expect, it } from 'vitest';
import { createWorkstation, HOME } from '../../shell/workstation';
import { TestCluster } from '../../testing/test-cluster';
import { Tty } from '../../runtime/tty';

/** The learner's terminal: bash on a Tty, keys typed one chunk at a time. */
function terminal() {
  const tc = TestCluster.seed(1).apply(`
apiVersion: v1
kind: Pod
metadata: {name: box}
spec:
  containers:
  - {name: main, image: busybox, command: [sh, -c, 'while true; do echo tick; sleep 1; done']}
`);
  const ws = createWorkstation(tc.sim);
  let screen = '';
  const tty = new Tty(tc.sim.kernel, ws.ns, (d) => (screen += d));
  const bash = tc.sim.kernel.spawn({
    program: ws.bash,
    argv: ['-bash'],
    env: ws.env,
    cwd: HOME,
    ns: ws.ns,
    fds: new Map([
      [0, tty.description],
      [1, tty.description],
      [2, tty.description],
    ]),
  });
  tc.advance('30s');
  return {
    bash,
    tty,
    /** Types keys, lets time pass, and returns what appeared on the screen meanwhile. */
    type(keys: string, seconds = '2s'): string {
      const before = screen.length;
      tty.type(keys);
      tc.advance(seconds);
      return screen.slice(before);
    },
  };
}

describe('container verbs on the learner terminal', () => {
  it('exec -it gives a shell, and bash is back in cooked mode afterwards', () => {
    const t = terminal();
    t.type('kubectl exec -it box -- sh\r');
    expect(t.type('echo in-$((1+1))\r')).toContain('in-2');
    t.type('exit\r');
    expect(t.type('echo back\r')).toContain('back');
    // bash's line editor has the terminal now (raw, no echo), with Ctrl-C signalling again.
    expect(t.tty.isig).toBe(true);
  });

  it('Ctrl-C stops logs -f and the shell keeps reading', () => {
    const t = terminal();
    expect(t.type('kubectl logs -f box\r', '3s')).toContain('tick');
    t.type('\x03');
    expect(t.type('echo after-logs\r')).toContain('after-logs');
    expect(t.bash.done).toBe(false);
  });

  it('Ctrl-D ends cat in cooked mode without hanging up the terminal', () => {
    const t = terminal();
    t.type('cat\r');
    expect(t.type('abc\r')).toContain('abc');
    t.type('\x04');
    expect(t.type('echo still-here\r')).toContain('still-here');
    expect(t.bash.done).toBe(false);
  });
});
