/**
 * Benchmark: a DaemonSet on 5,000 workers — creation until every pod is available, then a
 * rolling update to a new image (maxUnavailable 10 %) until every node runs the new pod. The
 * harness measures wall time; the figures report the simulated work.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import { createSimulation } from '../../simulation';
import { workerCluster } from '../../cluster/topology';
import { fakeUserland } from '../../testing/fake-userland';
import type { KubeObject } from '../../api/object';
import { parseAllDocuments } from 'yaml';
import { daemonSetYaml } from './testing';

/** The shape bench/harness.ts expects (kept structural: the engine compiles without Node types). */
interface Benchmark {
  name: string;
  goalWallMs?: number;
  run(): Record<string, number | string | boolean>;
}

const NODES = Number((globalThis as { BENCH_NODES?: number }).BENCH_NODES ?? 5000);

/** 5,000-node DaemonSet create and rolling update. */
export const daemonSetBenchmark: Benchmark = {
  name: 'daemonset: 5,000-node create + rolling update',
  goalWallMs: 1000,
  run() {
    const sim = createSimulation({
      seed: 1,
      start: Date.UTC(2025, 0, 15, 10),
      cluster: workerCluster(NODES),
      userland: fakeUserland(),
    });
    const manifest = daemonSetYaml('agent', {
      updateStrategy: '{type: RollingUpdate, rollingUpdate: {maxUnavailable: 10%}}',
    });
    const ds = parseAllDocuments(manifest)[0].toJS() as KubeObject;
    sim.server.create(ds, { namespace: 'default', fromClient: true });
    const status = () => sim.server.get('DaemonSet', 'default', 'agent') as unknown as DaemonSet;
    let events = 0;
    for (let i = 0; i < 120 && (status().status?.numberAvailable ?? 0) < NODES; i++)
      events += sim.advance(1000).events;
    const created = status().status?.numberAvailable ?? 0;
    const createdAt = (sim.now - sim.startedAt) / 1000;
    const current = sim.server.get('DaemonSet', 'default', 'agent')!;
    const spec = current.spec as DaemonSet['spec'];
    const template = spec!.template;
    const containers = template.spec!.containers.map((c) => ({ ...c, image: 'tiny:latest' }));
    sim.server.update({
      ...current,
      spec: { ...spec, template: { ...template, spec: { ...template.spec, containers } } },
    });
    const done = () => {
      const s = status().status;
      return (
        (s?.updatedNumberScheduled ?? 0) === NODES &&
        (s?.numberAvailable ?? 0) === NODES &&
        (s?.observedGeneration ?? 0) === (status().metadata?.generation ?? -1)
      );
    };
    for (let i = 0; i < 3600 && !done(); i++) events += sim.advance(1000).events;
    return {
      nodes: NODES,
      availableAfterCreate: created,
      createVirtualSeconds: createdAt,
      rolloutVirtualSeconds: (sim.now - sim.startedAt) / 1000 - createdAt,
      rolledOut: done(),
      timerEvents: events,
      daemonSetSyncs: sim.controllers.syncCounts.get('daemonset-controller') ?? 0,
      pods: sim.server.store.count('Pod'),
    };
  },
};
