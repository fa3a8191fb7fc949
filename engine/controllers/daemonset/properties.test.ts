import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod, Taint } from 'kubernetes-types/core/v1';
import { TestCluster } from '../../testing/test-cluster';
import { fakeUserland } from '../../testing/fake-userland';
import type { KubeObject } from '../../api/object';
import { nodeShouldRunDaemonPod } from './should-run';
import { daemonSetYaml } from './testing';

const TAINTS: Taint[] = [
  { key: 'dedicated', value: 'db', effect: 'NoSchedule' },
  { key: 'maint', value: 'true', effect: 'NoExecute' },
  { key: 'soft', effect: 'PreferNoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
];

const nodeState = fc.record({
  disk: fc.constantFrom(undefined, 'ssd', 'hdd'),
  taints: fc.subarray(TAINTS),
});

describe('DaemonSet property', () => {
  it('after quiescence runs exactly one pod on every eligible node and none elsewhere', () => {
    fc.assert(
      fc.property(
        fc.array(nodeState, { minLength: 4, maxLength: 4 }),
        fc.array(nodeState, { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        (initial, later, selectSsd) => {
          const c = TestCluster.seed(7).userland(fakeUserland()).build();
          const names = ['controlplane', 'node01', 'node02', 'node03'];
          const apply = (states: typeof initial) =>
            states.forEach((s, i) => {
              const n = c.get('Node', names[i], '') as unknown as Node;
              const labels = { ...n.metadata!.labels };
              if (s.disk) labels.disk = s.disk;
              else delete labels.disk;
              const keep = (n.spec?.taints ?? []).filter(
                (t) => t.key === 'node-role.kubernetes.io/control-plane',
              );
              const taints = [...keep, ...s.taints];
              const spec: Node['spec'] = { ...n.spec, taints };
              if (!taints.length) delete spec.taints;
              c.sim.server.update({
                ...n,
                metadata: { ...n.metadata, labels },
                spec,
              } as unknown as KubeObject);
              c.sim.settle();
            });
          apply(initial);
          c.apply(
            daemonSetYaml('prop', selectSsd ? { nodeSelector: { disk: 'ssd' } } : {}),
          ).advance('5s');
          apply(later);
          c.advance('60s');
          const ds = c.get<DaemonSet>('DaemonSet', 'prop')!;
          const pods = (
            c.sim.server.list('Pod', { namespace: 'default' }) as unknown as Pod[]
          ).filter((p) => !p.metadata?.deletionTimestamp);
          let desired = 0;
          for (const name of names) {
            const node = c.get('Node', name, '') as unknown as Node;
            const verdict = nodeShouldRunDaemonPod(node, ds);
            const here = pods.filter((p) => p.spec?.nodeName === name);
            if (verdict.shouldRun) {
              desired++;
              expect(here).toHaveLength(1);
            } else if (!verdict.shouldContinueRunning) {
              expect(here).toHaveLength(0);
            } else {
              expect(here.length).toBeLessThanOrEqual(1);
            }
          }
          expect(ds.status?.desiredNumberScheduled).toBe(desired);
          expect(c.sim.server.store.verifyIndexes()).toEqual([]);
        },
      ),
      { numRuns: 25, seed: 42 },
    );
  });
});
