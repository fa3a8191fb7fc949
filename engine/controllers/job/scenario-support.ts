/**
 * A TestCluster set up for Job scenarios: the fake `tiny` userland plus a few programs the
 * scenarios need, the test Job strategy, and the Job and TTL-after-finished controllers:
 *  - `coin N`: sleeps N s, exits 0 or 1 at random;
 *  - `sleepexit N CODE`: sleeps N s, exits CODE;
 *  - `failindex I`: exits 1 when JOB_COMPLETION_INDEX is I, else 0;
 *  - `winner I N`: index I sleeps N s and exits 0; other indexes wait for SIGTERM, then exit 0;
 *  - `randsleep N`: sleeps 1..N s at random, exits 0;
 *  - `flaky P N`: sleeps N s, then fails with probability P %.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import type { ImageSpec } from '../../runtime/image';
import type { Program } from '../../runtime/kernel';
import { MapRegistry } from '../../runtime/namespace';
import type { Userland } from '../../simulation';
import { fakeUserland } from '../../testing/fake-userland';
import { TestCluster } from '../../testing/test-cluster';
import { parseRFC3339 } from '../../time/instant';

// Programs of the scenario image. They only use what the kernel offers a process: sleeping,
// its argv, its environment, its random stream and signal handling.
const extra: Record<string, Program> = {
  coin: function* (p) {
    yield* p.sleep(Number(p.argv[1] ?? 0) * 1000);
    return p.rng.int(2);
  },
  sleepexit: function* (p) {
    yield* p.sleep(Number(p.argv[1] ?? 0) * 1000);
    return Number(p.argv[2] ?? 0);
  },
  failindex: function* (p) {
    return p.env.get('JOB_COMPLETION_INDEX') === p.argv[1] ? 1 : 0;
  },
  winner: function* (p) {
    if (p.env.get('JOB_COMPLETION_INDEX') === p.argv[1]) {
      yield* p.sleep(Number(p.argv[2] ?? 0) * 1000);
      return 0;
    }
    p.setDisposition('TERM', 'catch');
    while (p.pendingSignals.length === 0) yield* p.sleep(3_600_000, true);
    return 0;
  },
  flaky: function* (p) {
    yield* p.sleep(Number(p.argv[2] ?? 0) * 1000);
    return p.rng.int(100) < Number(p.argv[1] ?? 0) ? 1 : 0;
  },
  randsleep: function* (p) {
    yield* p.sleep((1 + p.rng.int(Number(p.argv[1] ?? 1))) * 1000);
    return 0;
  },
};

// The base image stays as it is; the extra programs are added to the registry and installed
// into each container's /bin when the image is unpacked.
/** The fake userland with `coin` and `sleepexit` added to the `tiny` image. */
export function jobUserland(): Userland {
  const base = fakeUserland();
  const registry = new MapRegistry();
  for (const [name, program] of Object.entries(extra)) registry.add(`tiny:${name}`, program);
  return {
    programs: { get: (name) => registry.get(name) ?? base.programs.get(name) },
    images: {
      lookup(ref) {
        const spec = base.images.lookup(ref);
        if (!spec) return undefined;
        const image: ImageSpec = {
          ...spec,
          populate(fs) {
            spec.populate(fs);
            for (const name of Object.keys(extra))
              fs.installProgram(`/bin/${name}`, `tiny:${name}`);
          },
        };
        return image;
      },
    },
  };
}

// Reference timing, cached images, nodes node01..node03 (the control plane is tainted).
/** A default four-node cluster running the Job and TTL controllers. */
export function jobCluster(seed = 1): TestCluster {
  return TestCluster.seed(seed).userland(jobUserland()).build();
}

/** Creates an object, failing the test on an API error. */
export function mustCreate(c: TestCluster, obj: KubeObject): KubeObject {
  const r = c.create(obj);
  if (!r.ok) throw new Error(`create ${obj.kind}/${obj.metadata.name}: ${r.error.message}`);
  return r.value;
}

/** Seconds from the simulation start to an RFC 3339 time. */
export function offset(c: TestCluster, time: string | undefined): number | undefined {
  if (!time) return undefined;
  return ((parseRFC3339(time) ?? 0) - c.sim.startedAt) / 1000;
}

// AGE and DURATION cells print whole seconds (HumanDuration truncates).
/** An object's age in whole seconds, as AGE columns compute it. */
export function age(c: TestCluster, obj: { metadata?: { creationTimestamp?: string } }): number {
  return Math.floor(c.elapsed - (offset(c, obj.metadata?.creationTimestamp) ?? 0));
}

/** A Job's DURATION in seconds: completion − start when complete, else now − start. */
export function duration(c: TestCluster, job: Job): number | undefined {
  const start = offset(c, job.status?.startTime);
  if (start === undefined) return undefined;
  const end = offset(c, job.status?.completionTime) ?? c.elapsed;
  return Math.floor(end - start);
}

// Enough of kubectl's STATUS column (printPod) for one-container pods: Terminating wins for
// pods being deleted, then the container's waiting or terminated reason, then Running.
/** The pod's STATUS-column word for the simple single-container cases the scenarios use. */
export function podStatus(pod: Pod): string {
  if (
    pod.metadata?.deletionTimestamp &&
    pod.status?.phase !== 'Succeeded' &&
    pod.status?.phase !== 'Failed'
  )
    return 'Terminating';
  const s = pod.status?.containerStatuses?.[0]?.state;
  if (s?.waiting) return s.waiting.reason ?? 'Waiting';
  if (s?.terminated) return s.terminated.reason ?? 'Terminated';
  if (s?.running) return 'Running';
  return pod.status?.phase ?? 'Pending';
}

/** The True conditions of a Job as `Type/Reason`. */
export function conditions(job: Job | undefined): string[] {
  return (job?.status?.conditions ?? []).map((x) => `${x.type}=${x.status}/${x.reason ?? ''}`);
}

/** Pod name pattern of a Job's pods: `<job>-` and five characters of the name alphabet. */
export function podNamePattern(job: string, index?: number): RegExp {
  return new RegExp(
    `^${job}-${index === undefined ? '' : `${index}-`}[bcdfghjklmnpqrstvwxz2456789]{5}$`,
  );
}
