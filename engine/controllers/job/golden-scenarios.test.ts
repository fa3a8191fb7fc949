/**
 * The Job scenarios of the golden file (section A), on a real simulated cluster under the
 * reference timing model: pods Running 2 s after creation, the job controller reacting within
 * the one-second batch. Pod names have random suffixes, so they are matched by pattern.
 */
import { describe, expect, it } from 'vitest';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import {
  age,
  conditions,
  duration,
  jobCluster,
  mustCreate,
  offset,
  podNamePattern,
  podStatus,
} from './scenario-support';
import { jobManifest } from './test-support';

describe('S1 – imperative single job', () => {
  it('runs one pod to completion: ContainerCreating at +1 s, Complete 1/1 with DURATION 3s', () => {
    const c = jobCluster();
    mustCreate(c, jobManifest('two-times', { command: ['echo', '2', '4', '6'] }));
    c.at(1);
    const [pod] = c.pods('two-times-*');
    expect(pod.metadata!.name).toMatch(podNamePattern('two-times'));
    expect(podStatus(pod)).toBe('ContainerCreating');
    expect(age(c, pod)).toBe(1);
    c.at(30);
    const job = c.get<Job>('Job', 'two-times')!;
    expect(conditions(job)).toEqual([
      'SuccessCriteriaMet=True/CompletionsReached',
      'Complete=True/CompletionsReached',
    ]);
    expect(job.status?.conditions?.[1].message).toBe('Reached expected number of succeeded pods');
    expect(job.status?.succeeded).toBe(1);
    expect(duration(c, job)).toBe(3);
    expect(age(c, job)).toBe(30);
    const done = c.pods('two-times-*');
    expect(done).toHaveLength(1);
    expect(podStatus(done[0])).toBe('Completed');
    expect(age(c, done[0])).toBe(30);
    // The finished pod is counted and kept: no finalizer left, no TTL.
    expect(done[0].metadata?.finalizers).toBeUndefined();
    expect(job.status).toEqual({
      conditions: job.status!.conditions,
      startTime: '2025-01-15T10:00:00Z',
      completionTime: '2025-01-15T10:00:03Z',
      succeeded: 1,
      ready: 0,
      terminating: 0,
      uncountedTerminatedPods: {},
    });
    expect(c.events('two-times').map((e) => `${e.reason} ${e.message}`)).toEqual([
      `SuccessfulCreate Created pod: ${pod.metadata!.name}`,
      'Completed Job completed',
    ]);
  });

  it('creates the pod from the template: labels, controller reference, tracking finalizer', () => {
    const c = jobCluster();
    const job = mustCreate(c, jobManifest('two-times', { command: ['sleep', '5'] }));
    const pod = c.pods('two-times-*')[0];
    expect(pod.metadata?.generateName).toBe('two-times-');
    expect(pod.metadata?.labels).toEqual({
      'batch.kubernetes.io/controller-uid': job.metadata.uid,
      'batch.kubernetes.io/job-name': 'two-times',
      'controller-uid': job.metadata.uid,
      'job-name': 'two-times',
    });
    expect(pod.metadata?.ownerReferences).toEqual([
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        name: 'two-times',
        uid: job.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(pod.metadata?.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
  });
});

describe('S3 – declarative job with OnFailure (sleep 20)', () => {
  it('is Running 0/1 at +14 s and Complete 1/1 with DURATION 23s at +29 s', () => {
    const c = jobCluster();
    mustCreate(
      c,
      jobManifest('testapp-job', {
        command: ['sleep', '20'],
        restartPolicy: 'OnFailure',
        labels: { app: 'testapp-job' },
      }),
    );
    c.at(6);
    const [pod] = c.pods('testapp-job-*');
    expect(podStatus(pod)).toBe('Running');
    expect(pod.status?.containerStatuses?.[0].ready).toBe(true);
    c.at(14);
    let job = c.get<Job>('Job', 'testapp-job')!;
    expect(conditions(job)).toEqual([]);
    expect(job.status).toMatchObject({ active: 1, ready: 1 });
    expect(duration(c, job)).toBe(14);
    c.at(25);
    expect(podStatus(c.pods('testapp-job-*')[0])).toBe('Completed');
    c.at(29);
    job = c.get<Job>('Job', 'testapp-job')!;
    expect(conditions(job)).toContain('Complete=True/CompletionsReached');
    expect(duration(c, job)).toBe(23);
    expect(age(c, job)).toBe(29);
    expect(job.metadata?.labels).toMatchObject({ app: 'testapp-job', 'job-name': 'testapp-job' });
  });
});

describe('S4 – sequential completions (completions 3, sleep 15)', () => {
  it('runs one pod at a time, each created a second after the previous one succeeded', () => {
    const c = jobCluster();
    mustCreate(c, jobManifest('testapp-job-comp', { completions: 3, command: ['sleep', '15'] }));
    c.at(15);
    let pods = c.pods('testapp-job-comp-*');
    expect(pods).toHaveLength(1);
    expect(podStatus(pods[0])).toBe('Running');
    expect(age(c, pods[0])).toBe(15);
    c.at(18);
    pods = byAge(c.pods('testapp-job-comp-*'));
    expect(pods.map((p) => [podStatus(p), age(c, p)])).toEqual([
      ['Completed', 18],
      ['ContainerCreating', 0],
    ]);
    c.at(60);
    pods = byAge(c.pods('testapp-job-comp-*'));
    expect(pods.map((p) => [podStatus(p), age(c, p)])).toEqual([
      ['Completed', 60],
      ['Completed', 42],
      ['Completed', 24],
    ]);
    const job = c.get<Job>('Job', 'testapp-job-comp')!;
    expect(conditions(job)).toContain('Complete=True/CompletionsReached');
    expect(job.status?.succeeded).toBe(3);
    // The timing model gives 2 s start + 15 s + 1 s per pod: the last success is counted at
    // +54 s. (The golden file's "55s" contradicts its own ages 60/42/24.)
    expect(duration(c, job)).toBe(54);
    expect(c.events('testapp-job-comp').map((e) => e.reason)).toEqual([
      'SuccessfulCreate',
      'SuccessfulCreate',
      'SuccessfulCreate',
      'Completed',
    ]);
  });
});

describe('S5 – completions 3, parallelism 2 (sleep 10)', () => {
  it('runs two pods, then exactly one more', () => {
    const c = jobCluster();
    mustCreate(
      c,
      jobManifest('testapp-job-para', { completions: 3, parallelism: 2, command: ['sleep', '10'] }),
    );
    c.at(5);
    expect(c.pods('testapp-job-para-*').map(podStatus)).toEqual(['Running', 'Running']);
    c.at(13);
    const pods = byAge(c.pods('testapp-job-para-*'));
    expect(pods.map((p) => [podStatus(p), age(c, p)])).toEqual([
      ['Completed', 13],
      ['Completed', 13],
      ['ContainerCreating', 0],
    ]);
    c.at(40);
    expect(c.pods('testapp-job-para-*').map(podStatus)).toEqual([
      'Completed',
      'Completed',
      'Completed',
    ]);
    const job = c.get<Job>('Job', 'testapp-job-para')!;
    expect(conditions(job)).toContain('Complete=True/CompletionsReached');
    expect(job.status?.succeeded).toBe(3);
  });
});

describe('S7 – random failures with completions 6, parallelism 2', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`keeps the Pods Statuses invariants every second (seed ${seed})`, () => {
      const c = jobCluster(seed);
      mustCreate(
        c,
        jobManifest('even-seconds', { completions: 6, parallelism: 2, command: ['coin', '1'] }),
      );
      let lastS = 0;
      let lastF = 0;
      let job: Job | undefined;
      for (let t = 1; t <= 1200; t++) {
        c.at(t);
        job = c.get<Job>('Job', 'even-seconds')!;
        const a = job.status?.active ?? 0;
        const s = job.status?.succeeded ?? 0;
        const f = job.status?.failed ?? 0;
        expect(a).toBeLessThanOrEqual(2);
        expect(a).toBeLessThanOrEqual(6 - s);
        expect(s).toBeGreaterThanOrEqual(lastS);
        expect(f).toBeGreaterThanOrEqual(lastF);
        lastS = s;
        lastF = f;
        if (conditions(job).some((x) => x.startsWith('Complete=') || x.startsWith('Failed=')))
          break;
      }
      const pods = c.pods('even-seconds-*');
      const failedPods = pods.filter((p) => p.status?.phase === 'Failed').length;
      const succeededPods = pods.filter((p) => p.status?.phase === 'Succeeded').length;
      expect(job!.status?.failed ?? 0).toBe(failedPods);
      if (conditions(job).includes('Complete=True/CompletionsReached')) {
        expect(succeededPods).toBe(6);
        expect(job!.status?.succeeded).toBe(6);
      } else {
        expect(conditions(job)).toContain('Failed=True/BackoffLimitExceeded');
        expect(failedPods).toBe(7);
      }
      expectBackoffRespected(c, pods);
    });
  }
});

describe('S8 – restartPolicy Never, always failing, backoffLimit 2', () => {
  it('creates pods at +0, +12 s and +34 s and fails the Job at +37 s', () => {
    const c = jobCluster();
    mustCreate(c, jobManifest('fail-never', { backoffLimit: 2, command: ['exit', '1'] }));
    c.at(50);
    const pods = byAge(c.pods('fail-never-*'));
    expect(
      pods.map((p) => [podStatus(p), age(c, p), p.status?.containerStatuses?.[0].restartCount]),
    ).toEqual([
      ['Error', 50, 0],
      ['Error', 38, 0],
      ['Error', 16, 0],
    ]);
    for (const p of pods) expect(p.metadata?.name).toMatch(podNamePattern('fail-never'));
    const job = c.get<Job>('Job', 'fail-never')!;
    expect(conditions(job)).toEqual([
      'FailureTarget=True/BackoffLimitExceeded',
      'Failed=True/BackoffLimitExceeded',
    ]);
    for (const cond of job.status!.conditions!) {
      expect(cond.message).toBe('Job has reached the specified backoff limit');
      expect(offset(c, cond.lastTransitionTime)).toBe(37);
    }
    expect(job.status?.failed).toBe(3);
    expect(job.status?.active ?? 0).toBe(0);
    expect(job.status?.ready).toBe(0);
    expect(job.status?.completionTime).toBeUndefined();
    // No completionTime: DURATION keeps growing with the Job's age.
    expect(duration(c, job)).toBe(50);
    const events = c.sim.server
      .list('Event', { namespace: 'default' })
      .filter((e) => (e.involvedObject as { name: string }).name === 'fail-never')
      .map((e) => [e.type, e.reason, offset(c, e.firstTimestamp as string), e.message]);
    expect(events).toEqual([
      ['Normal', 'SuccessfulCreate', 0, `Created pod: ${pods[0].metadata!.name}`],
      ['Normal', 'SuccessfulCreate', 12, `Created pod: ${pods[1].metadata!.name}`],
      ['Normal', 'SuccessfulCreate', 34, `Created pod: ${pods[2].metadata!.name}`],
      ['Warning', 'BackoffLimitExceeded', 37, 'Job has reached the specified backoff limit'],
    ]);
    // Nothing more happens later.
    c.at(600);
    expect(c.pods('fail-never-*')).toHaveLength(3);
  });
});

describe('S11 – ttlSecondsAfterFinished', () => {
  it('deletes the Job and its pod 5 s after it completed', () => {
    const c = jobCluster();
    mustCreate(c, jobManifest('ttl', { ttlSecondsAfterFinished: 5, command: ['echo', 'done'] }));
    c.at(5);
    const job = c.get<Job>('Job', 'ttl')!;
    expect(conditions(job)).toContain('Complete=True/CompletionsReached');
    expect(duration(c, job)).toBe(3);
    expect(age(c, job)).toBe(5);
    c.at(7.9);
    expect(c.get('Job', 'ttl')).toBeDefined();
    c.at(8);
    expect(c.get('Job', 'ttl')).toBeUndefined();
    c.at(10);
    expect(c.get('Job', 'ttl')).toBeUndefined();
    expect(c.pods('ttl-*')).toHaveLength(0);
    // The TTL controller records no event.
    expect(c.events('ttl').map((e) => e.reason)).toEqual(['SuccessfulCreate', 'Completed']);
  });
});

describe('S12 – suspend / resume', () => {
  it('stays Suspended without pods, then runs from the resume time', () => {
    const c = jobCluster();
    mustCreate(
      c,
      jobManifest('paused', { suspend: true, completions: 1, command: ['sleep', '5'] }),
    );
    c.at(10);
    let job = c.get<Job>('Job', 'paused')!;
    expect(conditions(job)).toEqual(['Suspended=True/JobSuspended']);
    expect(job.status?.conditions?.[0].message).toBe('Job suspended');
    expect(job.status?.startTime).toBeUndefined();
    expect(job.status?.succeeded ?? 0).toBe(0);
    expect(c.pods()).toHaveLength(0);
    c.at(20);
    const patched = c.sim.server.patch('Job', 'default', 'paused', 'strategic', {
      spec: { suspend: false },
    });
    expect(patched.ok).toBe(true);
    c.at(21);
    const [pod] = c.pods('paused-*');
    expect(podStatus(pod)).toBe('ContainerCreating');
    expect(age(c, pod)).toBe(1);
    c.at(40);
    job = c.get<Job>('Job', 'paused')!;
    expect(conditions(job)).toEqual([
      'Suspended=False/JobResumed',
      'SuccessCriteriaMet=True/CompletionsReached',
      'Complete=True/CompletionsReached',
    ]);
    expect(offset(c, job.status?.startTime)).toBe(20);
    expect(duration(c, job)).toBe(8);
    expect(age(c, job)).toBe(40);
    // Upstream records SuccessfulCreate (in manageJob) before Resumed, in the same second.
    expect(c.events('paused').map((e) => `${e.type} ${e.reason} ${e.message}`)).toEqual([
      'Normal Suspended Job suspended',
      `Normal SuccessfulCreate Created pod: ${pod.metadata!.name}`,
      'Normal Resumed Job resumed',
      'Normal Completed Job completed',
    ]);
  });
});

describe('S16 – deleting a Job', () => {
  it('lets the garbage collector remove the completed pod with it', () => {
    const c = jobCluster();
    mustCreate(c, jobManifest('two-times', { command: ['echo', 'x'] }));
    c.at(30);
    expect(c.pods('two-times-*')).toHaveLength(1);
    expect(
      c.sim.server.delete('Job', 'default', 'two-times', { propagationPolicy: 'Background' }).ok,
    ).toBe(true);
    c.at(31);
    expect(c.get('Job', 'two-times')).toBeUndefined();
    expect(c.pods()).toHaveLength(0);
  });
});

describe('S17 – podFailurePolicy FailJob', () => {
  it('fails the Job on exit code 42 without a replacement pod', () => {
    const c = jobCluster();
    const manifest = jobManifest('pfp', {
      command: ['sleepexit', '2', '42'],
      podFailurePolicy: {
        rules: [
          { action: 'FailJob', onExitCodes: { containerName: 'c', operator: 'In', values: [42] } },
        ],
      },
    });
    // The golden scenario names the container `main`.
    const spec = (manifest.spec as Job['spec'])!;
    spec.template.spec!.containers[0].name = 'main';
    spec.podFailurePolicy!.rules[0].onExitCodes!.containerName = 'main';
    mustCreate(c, manifest);
    c.at(60);
    const pods = c.pods('pfp-*');
    expect(pods).toHaveLength(1);
    expect(podStatus(pods[0])).toBe('Error');
    const message = `Container main for pod default/${pods[0].metadata!.name} failed with exit code 42 matching FailJob rule at index 0`;
    const job = c.get<Job>('Job', 'pfp')!;
    expect(conditions(job)).toEqual([
      'FailureTarget=True/PodFailurePolicy',
      'Failed=True/PodFailurePolicy',
    ]);
    expect(job.status?.conditions?.map((x) => x.message)).toEqual([message, message]);
    expect(job.status?.failed).toBe(1);
    expect(c.events('pfp').map((e) => `${e.type} ${e.reason} ${e.message}`)).toEqual([
      `Normal SuccessfulCreate Created pod: ${pods[0].metadata!.name}`,
      `Warning PodFailurePolicy ${message}`,
    ]);
  });
});

/** Pods oldest first. */
function byAge(pods: Pod[]): Pod[] {
  return [...pods].sort((a, b) =>
    String(a.metadata?.creationTimestamp).localeCompare(String(b.metadata?.creationTimestamp)),
  );
}

/**
 * Every pod created after a failure (with no success finishing in between or at the same second)
 * waited at least the back-off after that failure: 10 s × 2^(n−1) for the n-th failure in a row.
 */
function expectBackoffRespected(c: ReturnType<typeof jobCluster>, pods: Pod[]): void {
  const finished = pods
    .filter((p) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed')
    .map((p) => ({
      failed: p.status?.phase === 'Failed',
      at: offset(c, p.status?.containerStatuses?.[0].state?.terminated?.finishedAt)!,
    }))
    // A success at the same second as a failure resets the streak: only failures strictly after
    // the last success count (newBackoffRecord).
    .sort((a, b) => a.at - b.at || Number(b.failed) - Number(a.failed));
  for (const pod of pods) {
    const created = offset(c, pod.metadata?.creationTimestamp)!;
    // Outcomes the controller had counted before this creation (seen at least a second later).
    const seen = finished.filter((f) => f.at + 1 <= created);
    let streak = 0;
    for (const f of seen) streak = f.failed ? streak + 1 : 0;
    if (streak === 0) continue;
    const last = seen[seen.length - 1];
    expect(created - last.at).toBeGreaterThanOrEqual(10 * 2 ** (streak - 1));
  }
}
