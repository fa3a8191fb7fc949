import { describe, expect, it } from 'vitest';
import { createWorkstation } from '../../shell/workstation';
import { runOnWorkstation } from '../../testing/run-command';
import { TestCluster } from '../../testing/test-cluster';

describe('kubectl events', () => {
  it('lists the events of the namespace, of one object, of some types', () => {
    const tc = TestCluster.seed(1).apply(`
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - {name: main, image: busybox, command: [sleep, '3600']}
`);
    const ws = createWorkstation(tc.sim);
    const k = (...args: string[]) => runOnWorkstation(tc.sim, ws, ['kubectl', ...args]);
    expect(k('events', '-n', 'empty')).toEqual({
      stdout: '',
      stderr: 'No events found in empty namespace.\n',
      code: 0,
    });
    tc.advance('30s');
    const all = k('events');
    const lines = all.stdout.split('\n');
    expect(lines[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(all.stdout).toMatch(
      /Normal\s+Scheduled\s+Pod\/web\s+Successfully assigned default\/web to node0\d/,
    );
    expect(all.stdout).toMatch(/Normal\s+Started\s+Pod\/web\s+Started container main/);
    const forPod = k('events', '--for', 'pod/web');
    expect(forPod.stdout.split('\n').filter(Boolean).length).toBe(lines.filter(Boolean).length);
    expect(k('events', '--for', 'pod/nope').stderr).toBe('No events found in default namespace.\n');
    expect(k('events', '--types=Warning').stderr).toBe('No events found in default namespace.\n');
    expect(k('events', '--types=Bad').stderr).toBe('error: valid --types are Normal or Warning\n');
    expect(k('events', '--for', 'web').stderr).toBe('error: --for must be in resource/name form\n');
    expect(k('events', '-A').stdout.split('\n')[0]).toMatch(/^NAMESPACE\s+LAST SEEN\s+TYPE/);
  });

  it('watches new events', () => {
    const tc = TestCluster.seed(1).build();
    const ws = createWorkstation(tc.sim);
    tc.apply(`
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - {name: main, image: busybox, command: [sleep, '3600']}
`);
    const r = runOnWorkstation(tc.sim, ws, ['kubectl', 'events', '-w'], { maxSeconds: 30 });
    expect(r.code).toBe(124);
    expect(r.stdout).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n/);
    expect(r.stdout).toContain('Started container main');
  });
});
