import { describe, expect, it } from 'vitest';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { Rng } from '../../random';
import { planRollingUpdate } from './rolling-update';
import type { NodeVerdict } from './should-run';

/** Named instants of the table. */
const T0 = Date.UTC(2025, 0, 15, 10, 0, 0);
const READY_AT = '2025-01-15T10:00:00Z';
const T_PLUS_5 = T0 + 5000;

const pod = (name: string, node: string, hash: string, ready: boolean, deleting = false): Pod => ({
  metadata: {
    name,
    labels: { 'controller-revision-hash': hash },
    ...(deleting ? { deletionTimestamp: READY_AT } : {}),
  },
  spec: { nodeName: node, containers: [] },
  status: {
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: READY_AT }],
  },
});

const ds = (
  maxUnavailable: number | string,
  maxSurge: number | string = 0,
  minReadySeconds = 0,
): DaemonSet => ({
  metadata: { name: 'd' },
  spec: {
    selector: {},
    template: {},
    minReadySeconds,
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable, maxSurge } },
  },
});

const run: NodeVerdict = { shouldRun: true, shouldContinueRunning: true };
const verdicts = (n: number) =>
  new Map([...Array(n)].map((_, i) => [`n${i}`, run] as [string, NodeVerdict]));

describe('planRollingUpdate', () => {
  const cases: Array<{
    name: string;
    ds: DaemonSet;
    pods: Pod[];
    now: number;
    deletes: number;
    creates?: number;
  }> = [
    {
      name: 'maxUnavailable 1, all old and available: one deletion',
      ds: ds(1),
      pods: [pod('a', 'n0', 'old', true), pod('b', 'n1', 'old', true), pod('c', 'n2', 'old', true)],
      now: T_PLUS_5,
      deletes: 1,
    },
    {
      name: 'one node already terminating: wait',
      ds: ds(1),
      pods: [
        pod('a', 'n0', 'old', true, true),
        pod('b', 'n1', 'old', true),
        pod('c', 'n2', 'old', true),
      ],
      now: T_PLUS_5,
      deletes: 0,
    },
    {
      name: 'new pod not ready yet: wait',
      ds: ds(1),
      pods: [
        pod('a', 'n0', 'new', false),
        pod('b', 'n1', 'old', true),
        pod('c', 'n2', 'old', true),
      ],
      now: T_PLUS_5,
      deletes: 0,
    },
    {
      name: 'unavailable old pods are replaced regardless of the budget',
      ds: ds(1),
      pods: [
        pod('a', 'n0', 'old', false),
        pod('b', 'n1', 'old', false),
        pod('c', 'n2', 'old', true),
      ],
      now: T_PLUS_5,
      deletes: 2,
    },
    {
      name: '50 % of 3 rounds up to 2',
      ds: ds('50%'),
      pods: [pod('a', 'n0', 'old', true), pod('b', 'n1', 'old', true), pod('c', 'n2', 'old', true)],
      now: T_PLUS_5,
      deletes: 2,
    },
    {
      name: 'minReadySeconds 10 at +5 s: old pods are not available yet, so they are replaced',
      ds: ds(1, 0, 10),
      pods: [pod('a', 'n0', 'new', true), pod('b', 'n1', 'old', true), pod('c', 'n2', 'old', true)],
      now: T_PLUS_5,
      deletes: 2,
    },
    {
      name: 'maxSurge 1: a new pod beside one old pod',
      ds: ds(0, 1),
      pods: [pod('a', 'n0', 'old', true), pod('b', 'n1', 'old', true), pod('c', 'n2', 'old', true)],
      now: T_PLUS_5,
      deletes: 0,
      creates: 1,
    },
    {
      name: 'maxSurge 1: old pod goes once the new one is available, the next node surges',
      ds: ds(0, 1),
      pods: [
        pod('a', 'n0', 'old', true),
        pod('a2', 'n0', 'new', true),
        pod('b', 'n1', 'old', true),
        pod('c', 'n2', 'old', true),
      ],
      now: T_PLUS_5,
      deletes: 1,
      creates: 1,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const byNode = new Map<string, Pod[]>();
      for (const p of c.pods)
        byNode.set(p.spec!.nodeName!, [...(byNode.get(p.spec!.nodeName!) ?? []), p]);
      const plan = planRollingUpdate(
        c.ds,
        byNode,
        verdicts(3),
        'new',
        undefined,
        c.now,
        Rng.seeded(1),
      );
      expect(plan.error).toBeUndefined();
      expect(plan.podsToDelete).toHaveLength(c.deletes);
      expect(
        plan.podsToDelete.every((p) => p.metadata?.labels?.['controller-revision-hash'] === 'old'),
      ).toBe(true);
      expect(plan.nodesToCreate).toHaveLength(c.creates ?? 0);
    });
  }
});
