import { describe, expect, it } from 'vitest';
import { createWorkstation } from '../../shell/workstation';
import { runOnWorkstation } from '../../testing/run-command';
import { TestCluster } from '../../testing/test-cluster';

const COUNTER = `
apiVersion: v1
kind: Pod
metadata: {name: counter}
spec:
  containers:
  - name: count
    image: busybox
    command: [sh, -c, 'i=1; while [ $i -le 15 ]; do echo line $i; i=$((i+1)); sleep 1; done']
`;

function setup(manifest: string) {
  const tc = TestCluster.seed(1).apply(manifest);
  const ws = createWorkstation(tc.sim);
  const k = (...args: string[]) => runOnWorkstation(tc.sim, ws, ['kubectl', ...args]);
  return { tc, k };
}

describe('kubectl logs', () => {
  it('refuses a container that is still being created, then prints the log', () => {
    const { tc, k } = setup(COUNTER);
    expect(k('logs', 'counter')).toEqual({
      stdout: '',
      stderr:
        'Error from server (BadRequest): container "count" in pod "counter" is waiting to start: ContainerCreating\n',
      code: 1,
    });
    tc.advance('60s');
    const all = k('logs', 'counter');
    expect(all.code).toBe(0);
    expect(all.stdout.split('\n')[0]).toBe('line 1');
    expect(all.stdout).toContain('line 15\n');
    expect(k('logs', 'counter', '--tail=2').stdout).toBe('line 14\nline 15\n');
    expect(k('logs', 'counter', '--tail=1', '--prefix').stdout).toBe(
      '[pod/counter/count] line 15\n',
    );
    expect(k('logs', 'counter', '--tail=1', '--timestamps').stdout).toMatch(
      /^2025-01-15T10:00:\d\d\.\d{3}000000Z line 15\n$/,
    );
  });

  it('follows a log until the container ends', () => {
    const { tc, k } = setup(COUNTER);
    tc.advance('5s');
    const start = tc.now;
    const r = k('logs', '-f', 'counter');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(15);
    expect(tc.now - start).toBeGreaterThan(5000);
  });

  it('reports kubectl errors', () => {
    const { tc, k } = setup(COUNTER);
    tc.advance('10s');
    expect(k('logs', 'nope').stderr).toBe(
      'error: error from server (NotFound): pods "nope" not found in namespace "default"\n',
    );
    expect(k('logs', 'counter', '-c', 'x').stderr).toBe(
      'error: container x is not valid for pod counter out of: count\n',
    );
    expect(k('logs', 'counter', '-p').stderr).toBe(
      'Error from server (BadRequest): previous terminated container "count" in pod "counter" not found\n',
    );
    expect(k('logs', '-l', 'app=x', 'counter').stderr).toBe(
      "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n",
    );
  });

  it('asks for a container name by defaulting to the first, and picks a pod of a job', () => {
    const { tc, k } = setup(`
apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  parallelism: 2
  completions: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - {name: main, image: busybox, command: [sh, -c, 'echo hello; sleep 5']}
      - {name: side, image: busybox, command: [sh, -c, 'echo side; sleep 5']}
`);
    tc.advance('20s');
    const r = k('logs', 'job/pi');
    expect(r.stderr).toMatch(
      /^Found 2 pods, using pod\/pi-\w+\nDefaulted container "main" out of: main, side\n$/,
    );
    expect(r.stdout).toBe('hello\n');
    const all = k('logs', '-l', 'job-name=pi', '--all-containers', '--prefix');
    expect(all.stdout.split('\n').filter(Boolean)).toHaveLength(4);
  });

  it('reads the previous instance of a crashing container with -p', () => {
    const { tc, k } = setup(`
apiVersion: v1
kind: Pod
metadata: {name: crash}
spec:
  containers:
  - {name: main, image: busybox, command: [sh, -c, 'echo started at $(date +%s); exit 1']}
`);
    tc.advance('15s');
    const first = k('logs', 'crash');
    expect(first.stdout).toMatch(/^started at \d+\n$/);
    tc.advance('60s');
    const current = k('logs', 'crash');
    const previous = k('logs', 'crash', '-p');
    expect(current.code).toBe(0);
    expect(previous.code).toBe(0);
    expect(previous.stdout).toMatch(/^started at \d+\n$/);
  });
});
