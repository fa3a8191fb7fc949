import type { Benchmark } from './harness';
import { createSimulation } from '../engine/simulation';
import { workerCluster } from '../engine/cluster/topology';
import { fakeUserland } from '../engine/testing/fake-userland';

/** Bare pods at scale: N nodes × M pods created, scheduled, run (`sleep 30`) and completed. */
export function clusterBenchmark(nodes: number, podsPerNode: number): Benchmark {
  return {
    name: `cluster: ${nodes.toLocaleString('en')} nodes × ${podsPerNode} pods run to completion`,
    run() {
      const started = performance.now();
      const sim = createSimulation({
        seed: 1,
        start: Date.UTC(2025, 0, 15, 10),
        cluster: workerCluster(nodes),
        userland: fakeUserland(),
      });
      const bootMs = performance.now() - started;
      const virtualStart = sim.now;
      const total = nodes * podsPerNode;
      let events = 0;
      for (let i = 0; i < total; i++) {
        sim.server.create(
          {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { name: `p-${i}` },
            spec: {
              restartPolicy: 'Never',
              containers: [{ name: 'c', image: 'tiny:1', command: ['sleep', '30'] }],
            },
          },
          { fromClient: true },
        );
        // Let the scheduler keep up in batches, as pods arrive over a few virtual seconds.
        if (i % 1000 === 999) events += sim.advance(10).events;
      }
      events += sim.advance(120_000).events;
      const wall = performance.now() - started;
      const succeeded = sim.server
        .list('Pod', { sorted: false })
        .filter((p) => (p.status as { phase?: string }).phase === 'Succeeded').length;
      return {
        pods: total,
        succeeded,
        bootMs: Math.round(bootMs),
        events,
        eventsPerSecond: Math.round(events / (wall / 1000)),
        virtualToWallRatio: Math.round((sim.now - virtualStart) / wall),
      };
    },
  };
}
