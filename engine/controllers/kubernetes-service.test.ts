/**
 * The apiserver keeps the `kubernetes` Service and Endpoints in `default`: deleting them (as
 * `kubectl delete all --all` does the Service) brings them back at the next 10 s tick.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { GOLDEN_START } from '../testing/test-cluster';
import { SECOND } from '../time/instant';

describe('kubernetes Service reconciler', () => {
  it('recreates the Service and its Endpoints within 10 s of their deletion', () => {
    const sim = createSimulation({ seed: 1, start: GOLDEN_START });
    const before = sim.server.get('Service', 'default', 'kubernetes');
    expect(sim.server.delete('Service', 'default', 'kubernetes', {}).ok).toBe(true);
    sim.runUntil(sim.now + SECOND);
    expect(sim.server.get('Service', 'default', 'kubernetes')).toBeUndefined();
    sim.runUntil(sim.now + 10 * SECOND);
    const after = sim.server.get('Service', 'default', 'kubernetes');
    expect(after?.metadata.uid).not.toBe(before?.metadata.uid);
    expect(after?.spec).toMatchObject({ clusterIP: '10.96.0.1', type: 'ClusterIP' });
    const ep = sim.server.get('Endpoints', 'default', 'kubernetes') as unknown as {
      subsets: { addresses: { ip: string }[] }[];
    };
    expect(ep.subsets[0].addresses[0].ip).toBe('172.18.0.2');
  });
});
