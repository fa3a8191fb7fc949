import { describe, expect, it } from 'vitest';
import { createWorkstation } from '../../shell/workstation';
import { runOnWorkstation } from '../../testing/run-command';
import { TestCluster } from '../../testing/test-cluster';
import { kubectlOnTerminal } from './terminal-testing';

const PODS = `
apiVersion: v1
kind: Pod
metadata: {name: shell}
spec:
  containers:
  - {name: sh, image: busybox, command: [sh], stdin: true, tty: true}
---
apiVersion: v1
kind: Pod
metadata: {name: ticker}
spec:
  containers:
  - {name: main, image: busybox, command: [sh, -c, 'for i in 1 2 3; do echo tick $i; sleep 2; done; sleep 3600']}
`;

function setup() {
  const tc = TestCluster.seed(1).apply(PODS);
  const ws = createWorkstation(tc.sim);
  tc.advance('20s');
  const onTerminal = (args: string[]) => {
    const t = kubectlOnTerminal(tc, ws, args);
    tc.advance('1s');
    return t;
  };
  return { tc, ws, onTerminal };
}

describe('kubectl attach', () => {
  it("attaches to a container's terminal and says how to come back", () => {
    const { onTerminal } = setup();
    const t = onTerminal(['attach', '-it', 'shell']);
    expect(t.screen()).toContain("If you don't see a command prompt, try pressing enter.");
    t.type('echo attached-$((3*3))\r');
    expect(t.screen()).toContain('attached-9');
    t.type('exit\r');
    expect(t.proc.done).toBe(true);
    expect(t.screen()).toContain(
      "Session ended, resume using 'kubectl attach shell -c sh -i -t' command when the pod is running",
    );
  });

  it('streams the output of a running container', () => {
    const { tc, ws } = setup();
    const r = runOnWorkstation(tc.sim, ws, ['kubectl', 'attach', 'ticker'], { maxSeconds: 10 });
    expect(r.code).toBe(124);
    expect(r.stderr).toBe("If you don't see a command prompt, try pressing enter.\n");
  });

  it('reports argument errors', () => {
    const { tc, ws } = setup();
    const k = (...args: string[]) => runOnWorkstation(tc.sim, ws, ['kubectl', ...args]);
    expect(k('attach').stderr).toBe('error: at least 1 argument is required for attach\n');
    expect(k('attach', 'ticker', '-c', 'x').stderr).toBe(
      'error: cannot attach to the container: container x not found in pod ticker\n',
    );
    expect(k('attach', 'nope').stderr).toBe(
      'Error from server (NotFound): pods "nope" not found\n',
    );
  });
});
