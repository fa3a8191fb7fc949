import { describe, expect, it } from 'vitest';
import { createWorkstation } from '../../shell/workstation';
import { runOnWorkstation } from '../../testing/run-command';
import { TestCluster } from '../../testing/test-cluster';
import { kubectlOnTerminal } from './terminal-testing';

const SLEEPER = `
apiVersion: v1
kind: Pod
metadata: {name: box}
spec:
  containers:
  - {name: main, image: busybox, command: [sleep, '3600']}
`;

function setup(manifest = SLEEPER) {
  const tc = TestCluster.seed(1).apply(manifest);
  const ws = createWorkstation(tc.sim);
  tc.advance('30s');
  const k = (args: string[], stdin?: string) =>
    runOnWorkstation(tc.sim, ws, ['kubectl', ...args], { stdin });
  /** Runs kubectl on a terminal; returns the screen and a way to type. */
  const onTerminal = (args: string[]) => {
    const t = kubectlOnTerminal(tc, ws, args);
    tc.sim.settle();
    return t;
  };
  return { tc, ws, k, onTerminal };
}

describe('kubectl exec', () => {
  it('runs a command in the container and propagates its exit code', () => {
    const { k } = setup();
    expect(k(['exec', 'box', '--', 'echo', 'hi'])).toEqual({ stdout: 'hi\n', stderr: '', code: 0 });
    expect(k(['exec', 'box', '--', 'hostname']).stdout).toBe('box\n');
    expect(k(['exec', 'box', '--', 'sh', '-c', 'echo oops >&2; exit 3'])).toEqual({
      stdout: '',
      stderr: 'oops\ncommand terminated with exit code 3\n',
      code: 3,
    });
    expect(k(['exec', '-i', 'box', '--', 'cat'], 'piped\n').stdout).toBe('piped\n');
    expect(k(['exec', 'box', '--', 'nosuchcmd']).stderr).toMatch(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuchcmd": executable file not found in \$PATH: unknown\n$/,
    );
  });

  it('finds the pod of a manifest given with -f', () => {
    const tc = TestCluster.seed(1).apply(SLEEPER);
    const ws = createWorkstation(tc.sim, { files: { 'box.yaml': SLEEPER } });
    tc.advance('30s');
    const r = runOnWorkstation(tc.sim, ws, ['kubectl', 'exec', '-f', 'box.yaml', '--', 'hostname']);
    expect(r).toEqual({ stdout: 'box\n', stderr: '', code: 0 });
  });

  it('reports argument errors and pods it cannot exec into', () => {
    const { k } = setup();
    expect(k(['exec', 'box']).stderr).toBe(
      'error: you must specify at least one command for the container\n',
    );
    expect(k(['exec', 'nope', '--', 'ls']).stderr).toBe(
      'Error from server (NotFound): pods "nope" not found\n',
    );
    expect(k(['exec', 'box', '-c', 'x', '--', 'ls']).stderr).toBe(
      'error: container x not found in pod box\n',
    );
    expect(k(['exec', '-it', 'box', '--', 'true']).stderr).toBe(
      'Unable to use a TTY - input is not a terminal or the right kind of file\n',
    );
  });

  it('gives an interactive shell on a terminal; Ctrl-C goes to the container, exit ends it', () => {
    const { onTerminal } = setup();
    const t = onTerminal(['exec', '-it', 'box', '--', 'sh']);
    t.type('echo $((40+2))\r');
    expect(t.screen()).toContain('42');
    expect(t.proc.done).toBe(false);
    t.type('sleep 100\r');
    t.type('\x03');
    expect(t.proc.done).toBe(false);
    t.type('exit 5\r');
    expect(t.proc.done).toBe(true);
    expect(t.proc.exitCode).toBe(5);
    expect(t.screen()).toContain('command terminated with exit code 5');
    // The workstation terminal is back in its original mode.
    expect([t.tty.canonical, t.tty.echo, t.tty.isig]).toEqual([true, true, true]);
  });

  it('ends the remote shell on Ctrl-D', () => {
    const { onTerminal } = setup();
    const t = onTerminal(['exec', '-ti', 'box', '--', 'sh']);
    t.type('\x04');
    expect(t.proc.done).toBe(true);
    expect(t.proc.exitCode).toBe(0);
  });
});
