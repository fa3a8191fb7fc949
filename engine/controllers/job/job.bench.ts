/**
 * Benchmark: one Job with completions 100,000 and parallelism 1,000 on 500 worker nodes, every
 * pod running the fake userland's `sleep 1`, until the Job is Complete — the controller, the
 * scheduler and the kubelets together. The harness (bench/harness.ts) measures the wall time;
 * this reports the virtual duration and the work done.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import { workerCluster } from '../../cluster/topology';
import { createSimulation } from '../../simulation';
import { fakeUserland } from '../../testing/fake-userland';
import { GOLDEN_START } from '../../testing/test-cluster';
import { SECOND } from '../../time/instant';
import { JOB_CONTROLLER } from './job-controller';
import { jobManifest } from './test-support';

/** The shape of bench/harness.ts's Benchmark (kept structural: the engine cannot import bench/). */
interface EngineBenchmark {
  name: string;
  goalWallMs?: number;
  run(): Record<string, number | string | boolean>;
}

/** Parameters of the run (smaller ones make a quick smoke test). */
export interface JobBenchOptions {
  completions: number;
  parallelism: number;
  nodes: number;
}

/**
 * Runs a big Job to completion and reports what it took in virtual time and work.
 * Nodes take 250 pods each so that 1,000 pods fit however the scheduler spreads them; finished
 * pods stay (no TTL), as they would in a real cluster, and are counted in `pods`.
 */
export function runJobBenchmark(o: JobBenchOptions): Record<string, number | string | boolean> {
  const sim = createSimulation({
    seed: 1,
    start: GOLDEN_START,
    cluster: workerCluster(o.nodes, { pods: 250 }),
    userland: fakeUserland(),
  });
  const created = sim.server.create(
    jobManifest('big', {
      completions: o.completions,
      parallelism: o.parallelism,
      command: ['sleep', '1'],
    }),
    { namespace: 'default', fromClient: true },
  );
  if (!created.ok) throw new Error(created.error.message);
  // Timer events are the simulation's unit of work: every kubelet step, sync and API reaction.
  let events = 0;
  let complete = false;
  // Advance a minute at a time until the Job reports Complete (or a generous horizon passes).
  const horizon = sim.now + Math.ceil(o.completions / o.parallelism) * 20 * SECOND + 600 * SECOND;
  while (!complete && sim.now < horizon) {
    events += sim.advance(60 * SECOND).events;
    const job = sim.server.get('Job', 'default', 'big') as unknown as Job;
    complete =
      job.status?.conditions?.some((c) => c.type === 'Complete' && c.status === 'True') ?? false;
  }
  // DURATION as kubectl prints it: completionTime − startTime.
  const job = sim.server.get('Job', 'default', 'big') as unknown as Job;
  const start = Date.parse(job.status?.startTime ?? '');
  const end = Date.parse(job.status?.completionTime ?? '');
  return {
    complete,
    succeeded: job.status?.succeeded ?? 0,
    pods: sim.server.store.count('Pod'),
    virtualSeconds: Number.isNaN(end - start) ? -1 : (end - start) / SECOND,
    timerEvents: events,
    jobSyncs: sim.controllers.syncCounts.get(JOB_CONTROLLER) ?? 0,
  };
}

/** completions 100,000, parallelism 1,000, 500 nodes, `sleep 1` pods. */
export const jobBenchmark: EngineBenchmark = {
  name: 'job: 100,000 completions, parallelism 1,000 on 500 nodes',
  goalWallMs: 3000,
  run: () => runJobBenchmark({ completions: 100_000, parallelism: 1000, nodes: 500 }),
};
