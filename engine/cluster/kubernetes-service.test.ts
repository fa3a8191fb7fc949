import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { createWorkstation } from '../shell/workstation';
import { runOnWorkstation } from '../testing/run-command';

// The default cluster was created 3 d 1 h before 10:00:00, so the apiserver's 10-s ticks fall on
// :00, :10, :20 …; the tests start acting at 10:00:03.
const START = Date.UTC(2025, 0, 15, 10, 0, 0);

function setup() {
  const sim = createSimulation({ seed: 1, start: START });
  sim.advance(3_000);
  const ws = createWorkstation(sim);
  const k = (...args: string[]) => runOnWorkstation(sim, ws, ['kubectl', ...args]);
  return { sim, k };
}

describe('the apiserver recreates the kubernetes Service', () => {
  it('brings it back at the next 10-s tick after kubectl delete all --all', () => {
    const { sim, k } = setup();
    const uid = sim.server.get('Service', 'default', 'kubernetes')!.metadata.uid;
    expect(k('delete', 'all', '--all').stdout).toBe('service "kubernetes" deleted\n');
    expect(sim.server.get('Service', 'default', 'kubernetes')).toBeUndefined();
    sim.advance(6_999);
    expect(k('get', 'svc').stderr).toBe('No resources found in default namespace.\n');
    sim.advance(1);
    const back = sim.server.get('Service', 'default', 'kubernetes')!;
    expect(back.metadata.uid).not.toBe(uid);
    expect(back.metadata.creationTimestamp).toBe('2025-01-15T10:00:10Z');
    expect(k('get', 'svc').stdout).toBe(
      'NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n' +
        'kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   0s\n',
    );
    const ep = sim.server.get('Endpoints', 'default', 'kubernetes') as unknown as {
      subsets: unknown;
    };
    expect(ep.subsets).toEqual([
      {
        addresses: [{ ip: expect.any(String) }],
        ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
      },
    ]);
  });

  it('recreates only what is missing and stays idle otherwise', () => {
    const { sim, k } = setup();
    const svcUid = sim.server.get('Service', 'default', 'kubernetes')!.metadata.uid;
    expect(k('delete', 'endpoints', 'kubernetes').code).toBe(0);
    sim.advance(7_000);
    expect(sim.server.get('Endpoints', 'default', 'kubernetes')).toBeDefined();
    expect(sim.server.get('Service', 'default', 'kubernetes')!.metadata.uid).toBe(svcUid);
    // No polling timer is left behind once the objects are back.
    expect(sim.timers.peekTime()).toBeUndefined();
  });
});
