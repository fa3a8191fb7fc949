import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from './simulation';
import { fakeUserland } from './testing/fake-userland';
import { GOLDEN_START } from './testing/test-cluster';
import type { KubeObject } from './api/object';

/** Records every API change as one line, for byte-for-byte comparison of runs. */
function trace(sim: Simulation): string[] {
  const lines: string[] = [];
  sim.server.watch('*', (e) => lines.push(`${sim.now} ${e.type} ${JSON.stringify(e.object)}`));
  return lines;
}

function pod(
  name: string,
  command: string[],
  restartPolicy = 'Never',
  owner?: KubeObject,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(name.endsWith('-') ? { generateName: name } : { name }),
      ...(owner
        ? {
            ownerReferences: [
              {
                apiVersion: owner.apiVersion,
                kind: owner.kind,
                name: owner.metadata.name!,
                uid: owner.metadata.uid!,
                blockOwnerDeletion: true,
              },
            ],
          }
        : {}),
    },
    spec: { restartPolicy, containers: [{ name: 'c', image: 'tiny:1', command }] },
  };
}

function scenario(
  seed: number,
  steps: Array<{ kind: 'sleep' | 'crash' | 'delete'; n: number }>,
): string[] {
  const sim = createSimulation({ seed, start: GOLDEN_START, userland: fakeUserland() });
  const lines = trace(sim);
  for (const [i, step] of steps.entries()) {
    if (step.kind === 'sleep')
      sim.server.create(pod('worker-', ['sleep', String(step.n)]), { fromClient: true });
    if (step.kind === 'crash')
      sim.server.create(pod(`crash-${i}`, ['exit', String(step.n)], 'Always'), {
        fromClient: true,
      });
    if (step.kind === 'delete') {
      const pods = sim.server.list('Pod', { namespace: 'default' });
      const victim = pods[step.n % Math.max(1, pods.length)];
      if (victim) sim.server.delete('Pod', 'default', victim.metadata.name!);
    }
    sim.advance(7000);
  }
  sim.advance(120_000);
  return lines;
}

const steps = fc.array(
  fc.record({
    kind: fc.constantFrom<'sleep' | 'crash' | 'delete'>('sleep', 'crash', 'delete'),
    n: fc.integer({ min: 0, max: 30 }),
  }),
  { minLength: 1, maxLength: 8 },
);

describe('determinism', () => {
  it('gives byte-identical traces for the same seed and inputs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), steps, (seed, s) => {
        expect(scenario(seed, s)).toEqual(scenario(seed, s));
      }),
      { seed: 7, numRuns: 15 },
    );
  });

  it('draws different names and uids for different seeds', () => {
    const a = scenario(1, [{ kind: 'sleep', n: 1 }]).join('\n');
    const b = scenario(2, [{ kind: 'sleep', n: 1 }]).join('\n');
    expect(a).not.toBe(b);
  });
});

describe('garbage collection and indexes', () => {
  it('leaves no orphans and keeps indexes equal to a recomputation', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            children: fc.integer({ min: 0, max: 4 }),
            policy: fc.constantFrom('Background', 'Foreground', 'Orphan') as fc.Arbitrary<
              'Background' | 'Foreground' | 'Orphan'
            >,
            remove: fc.boolean(),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (owners) => {
          const sim = createSimulation({
            seed: 3,
            start: GOLDEN_START,
            userland: fakeUserland(),
            freezeObjects: true,
          });
          const created = owners.map((o, i) => {
            const r = sim.server.create(
              { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `owner-${i}` } },
              { fromClient: true },
            );
            if (!r.ok) throw new Error(r.error.message);
            for (let c = 0; c < o.children; c++)
              sim.server.create(pod('child-', ['sleep', '3600'], 'Never', r.value), {
                fromClient: true,
              });
            return r.value;
          });
          sim.advance(5000);
          owners.forEach((o, i) => {
            if (o.remove)
              sim.server.delete('ConfigMap', 'default', created[i].metadata.name!, {
                propagationPolicy: o.policy,
              });
          });
          sim.advance(120_000);
          for (const p of sim.server.list('Pod')) {
            for (const ref of p.metadata.ownerReferences ?? [])
              expect(sim.server.store.getByUid(ref.uid)).toBeDefined();
          }
          owners.forEach((o, i) => {
            const kids = sim.server
              .list('Pod')
              .filter((p) =>
                p.metadata.ownerReferences?.some((r) => r.uid === created[i].metadata.uid),
              );
            if (o.remove) {
              expect(kids).toHaveLength(0);
              expect(sim.server.get('ConfigMap', 'default', `owner-${i}`)).toBeUndefined();
            } else expect(kids).toHaveLength(o.children);
          });
          const orphaned = owners
            .filter((o) => o.remove && o.policy === 'Orphan')
            .reduce((n, o) => n + o.children, 0);
          expect(sim.server.list('Pod').filter((p) => !p.metadata.ownerReferences).length).toBe(
            orphaned,
          );
          expect(sim.server.store.verifyIndexes()).toEqual([]);
        },
      ),
      { seed: 11, numRuns: 25 },
    );
  });
});
