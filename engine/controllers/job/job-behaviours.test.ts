/**
 * Job controller behaviours beyond the golden scenarios, on a real simulated cluster: failure
 * handling with OnFailure, activeDeadlineSeconds, suspending a running Job, scaling down,
 * work-queue Jobs, Indexed Jobs (with backoffLimitPerIndex and successPolicy),
 * podReplacementPolicy, and tracking-finalizer cleanup when a Job goes away.
 */
import { describe, expect, it } from 'vitest';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import {
  conditions,
  jobCluster,
  mustCreate,
  offset,
  podNamePattern,
  podStatus,
} from './scenario-support';
import { jobManifest } from './test-support';

const TRACKING = 'batch.kubernetes.io/job-tracking';

function events(c: ReturnType<typeof jobCluster>, name: string): string[] {
  return c.events(name).map((e) => `${e.reason} ${e.message}`);
}

describe('restartPolicy OnFailure', () => {
  it('fails the Job when container restarts reach backoffLimit, deleting the pod', () => {
    const c = jobCluster();
    mustCreate(
      c,
      jobManifest('crash', { backoffLimit: 3, restartPolicy: 'OnFailure', command: ['false'] }),
    );
    // The kubelet restarts in place: at once, then after 10 s and 20 s of crash-loop back-off.
    c.at(33);
    const [pod] = c.pods('crash-*');
    expect(pod.status?.containerStatuses?.[0].restartCount).toBe(3);
    expect(c.get<Job>('Job', 'crash')!.status?.failed ?? 0).toBe(0);
    c.at(40);
    expect(c.pods('crash-*')).toHaveLength(0);
    const job = c.get<Job>('Job', 'crash')!;
    expect(conditions(job)).toEqual([
      'FailureTarget=True/BackoffLimitExceeded',
      'Failed=True/BackoffLimitExceeded',
    ]);
    // The deleted active pod counts as the one failure.
    expect(job.status?.failed).toBe(1);
    expect(events(c, 'crash')).toEqual([
      `SuccessfulCreate Created pod: ${pod.metadata!.name}`,
      `SuccessfulDelete Deleted pod: ${pod.metadata!.name}`,
      'BackoffLimitExceeded Job has reached the specified backoff limit',
    ]);
    expect(offset(c, job.status?.conditions?.[0].lastTransitionTime)).toBe(34);
  });

  it('with backoffLimit 0 fails at the first restart', () => {
    const c = jobCluster();
    mustCreate(
      c,
      jobManifest('once', { backoffLimit: 0, restartPolicy: 'OnFailure', command: ['false'] }),
    );
    c.at(10);
    expect(conditions(c.get<Job>('Job', 'once'))).toContain('Failed=True/BackoffLimitExceeded');
  });
});

describe('activeDeadlineSeconds', () => {
  it('fails the Job exactly at the deadline and waits for the terminating pod', () => {
    const c = jobCluster();
    mustCreate(c, jobManifest('slow', { activeDeadlineSeconds: 10, command: ['sleep', '3600'] }));
    c.at(9.999);
    expect(conditions(c.get<Job>('Job', 'slow'))).toEqual([]);
    c.at(10);
    let job = c.get<Job>('Job', 'slow')!;
    expect(conditions(job)).toEqual(['FailureTarget=True/DeadlineExceeded']);
    expect(job.status?.conditions?.[0].message).toBe(
      'Job was active longer than specified deadline',
    );
    // The pod was deleted and counted as failed at once; it stays Terminating for 30 s.
    expect(job.status).toMatchObject({ failed: 1, terminating: 1, ready: 0 });
    expect(podStatus(c.pods('slow-*')[0])).toBe('Terminating');
    expect(c.pods('slow-*')[0].metadata?.finalizers).toBeUndefined();
    c.at(39);
    expect(conditions(c.get<Job>('Job', 'slow'))).not.toContain('Failed=True/DeadlineExceeded');
    c.at(45);
    job = c.get<Job>('Job', 'slow')!;
    expect(c.pods('slow-*')).toHaveLength(0);
    expect(conditions(job)).toEqual([
      'FailureTarget=True/DeadlineExceeded',
      'Failed=True/DeadlineExceeded',
    ]);
    expect(offset(c, job.status?.conditions?.[1].lastTransitionTime)).toBe(41);
    expect(job.status).toMatchObject({ failed: 1, terminating: 0, ready: 0 });
    expect(events(c, 'slow').slice(1)).toEqual([
      expect.stringMatching(/^SuccessfulDelete Deleted pod: slow-/),
      'DeadlineExceeded Job was active longer than specified deadline',
    ]);
  });

  it('finishes at once when the pod handles SIGTERM', () => {
    const c = jobCluster();
    mustCreate(c, jobManifest('quick', { activeDeadlineSeconds: 5, command: ['graceful'] }));
    c.at(7);
    expect(conditions(c.get<Job>('Job', 'quick'))).toContain('Failed=True/DeadlineExceeded');
  });

  it('re-arms the deadline when activeDeadlineSeconds is changed', () => {
    const c = jobCluster();
    mustCreate(c, jobManifest('rearm', { activeDeadlineSeconds: 100, command: ['graceful'] }));
    c.at(5);
    c.sim.server.patch('Job', 'default', 'rearm', 'merge', { spec: { activeDeadlineSeconds: 20 } });
    c.at(19.9);
    expect(conditions(c.get<Job>('Job', 'rearm'))).toEqual([]);
    c.at(20);
    expect(conditions(c.get<Job>('Job', 'rearm'))).toEqual(['FailureTarget=True/DeadlineExceeded']);
  });
});

describe('suspend', () => {
  it('deletes running pods without counting them as failures, and restarts the clock on resume', () => {
    const c = jobCluster();
    mustCreate(
      c,
      jobManifest('pausable', { parallelism: 2, completions: 4, command: ['sleep', '100'] }),
    );
    c.at(10);
    c.sim.server.patch('Job', 'default', 'pausable', 'merge', { spec: { suspend: true } });
    c.at(10.5);
    let job = c.get<Job>('Job', 'pausable')!;
    expect(conditions(job)).toEqual(['Suspended=True/JobSuspended']);
    expect(job.status).toMatchObject({ ready: 0, terminating: 2 });
    expect(job.status?.failed ?? 0).toBe(0);
    expect(job.status?.active ?? 0).toBe(0);
    expect(c.pods('pausable-*').map(podStatus)).toEqual(['Terminating', 'Terminating']);
    for (const p of c.pods('pausable-*')) expect(p.metadata?.finalizers).toBeUndefined();
    c.at(50);
    expect(c.pods('pausable-*')).toHaveLength(0);
    job = c.get<Job>('Job', 'pausable')!;
    expect(job.status?.failed ?? 0).toBe(0);
    c.sim.server.patch('Job', 'default', 'pausable', 'merge', { spec: { suspend: false } });
    c.at(51);
    job = c.get<Job>('Job', 'pausable')!;
    expect(conditions(job)).toEqual(['Suspended=False/JobResumed']);
    expect(offset(c, job.status?.startTime)).toBe(50);
    expect(c.pods('pausable-*')).toHaveLength(2);
    expect(events(c, 'pausable').filter((e) => !e.startsWith('SuccessfulCreate'))).toEqual([
      expect.stringMatching(/^SuccessfulDelete Deleted pod: pausable-/),
      expect.stringMatching(/^SuccessfulDelete Deleted pod: pausable-/),
      'Suspended Job suspended',
      'Resumed Job resumed',
    ]);
  });
});

describe('scaling', () => {
  it('deletes surplus pods when parallelism is lowered, not ready and unscheduled ones first', () => {
    const c = jobCluster();
    mustCreate(
      c,
      jobManifest('wide', { parallelism: 3, completions: 10, command: ['sleep', '100'] }),
    );
    c.at(10);
    const ages = new Map(c.pods('wide-*').map((p) => [p.metadata!.name!, p]));
    expect(ages.size).toBe(3);
    c.sim.server.patch('Job', 'default', 'wide', 'merge', { spec: { parallelism: 1 } });
    c.at(10.5);
    const job = c.get<Job>('Job', 'wide')!;
    expect(job.status).toMatchObject({ active: 1, terminating: 2 });
    expect(job.status?.failed ?? 0).toBe(0);
    expect(c.pods('wide-*').filter((p) => !p.metadata?.deletionTimestamp)).toHaveLength(1);
  });

  it('raises the number of pods when parallelism goes up', () => {
    const c = jobCluster();
    mustCreate(
      c,
      jobManifest('grow', { parallelism: 1, completions: 10, command: ['sleep', '100'] }),
    );
    c.at(5);
    c.sim.server.patch('Job', 'default', 'grow', 'merge', { spec: { parallelism: 4 } });
    c.at(5);
    expect(c.pods('grow-*')).toHaveLength(4);
  });
});

describe('work queue (parallelism without completions)', () => {
  it('starts parallelism pods, none after the first success, and completes when all are done', () => {
    const c = jobCluster(3);
    mustCreate(c, jobManifest('queue', { parallelism: 3, command: ['randsleep', '20'] }));
    c.at(1);
    expect(c.pods('queue-*')).toHaveLength(3);
    let job: Job | undefined;
    for (let t = 2; t <= 40; t++) {
      c.at(t);
      job = c.get<Job>('Job', 'queue')!;
      expect(c.pods('queue-*')).toHaveLength(3);
    }
    expect(conditions(job)).toContain('Complete=True/CompletionsReached');
    expect(job!.status?.succeeded).toBe(3);
    const lastFinish = Math.max(
      ...c
        .pods('queue-*')
        .map((p) => offset(c, p.status?.containerStatuses?.[0].state?.terminated?.finishedAt)!),
    );
    expect(offset(c, job!.status?.completionTime)).toBe(lastFinish + 1);
  });
});

describe('Indexed Jobs', () => {
  it('gives each pod its index: name, hostname, annotation, label and JOB_COMPLETION_INDEX', () => {
    const c = jobCluster();
    mustCreate(
      c,
      jobManifest('idx', {
        completionMode: 'Indexed',
        completions: 5,
        parallelism: 2,
        command: ['sleep', '3'],
      }),
    );
    const first = c.pods('idx-*');
    expect(
      first.map((p) => p.metadata!.annotations!['batch.kubernetes.io/job-completion-index']).sort(),
    ).toEqual(['0', '1']);
    for (const p of first) {
      const i = Number(p.metadata!.annotations!['batch.kubernetes.io/job-completion-index']);
      expect(p.metadata!.name).toMatch(podNamePattern('idx', i));
      expect(p.metadata!.generateName).toBe(`idx-${i}-`);
      expect(p.metadata!.labels!['batch.kubernetes.io/job-completion-index']).toBe(String(i));
      expect(p.spec!.hostname).toBe(`idx-${i}`);
      expect(p.spec!.containers[0].env).toEqual([
        {
          name: 'JOB_COMPLETION_INDEX',
          valueFrom: {
            // The API server's defaulting adds fieldRef.apiVersion.
            fieldRef: {
              apiVersion: 'v1',
              fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']",
            },
          },
        },
      ]);
    }
    c.at(7);
    expect(c.get<Job>('Job', 'idx')!.status?.completedIndexes).toBe('0,1');
    c.at(60);
    const job = c.get<Job>('Job', 'idx')!;
    expect(job.status?.completedIndexes).toBe('0-4');
    expect(job.status?.succeeded).toBe(5);
    expect(conditions(job)).toContain('Complete=True/CompletionsReached');
  });

  it('records failed indexes with backoffLimitPerIndex and fails with FailedIndexes', () => {
    const c = jobCluster();
    mustCreate(
      c,
      jobManifest('perindex', {
        completionMode: 'Indexed',
        completions: 3,
        parallelism: 3,
        backoffLimitPerIndex: 1,
        command: ['failindex', '1'],
      }),
    );
    c.at(60);
    const job = c.get<Job>('Job', 'perindex')!;
    expect(job.status?.completedIndexes).toBe('0,2');
    expect(job.status?.failedIndexes).toBe('1');
    expect(job.status?.failed).toBe(2);
    expect(conditions(job)).toEqual([
      'FailureTarget=True/FailedIndexes',
      'Failed=True/FailedIndexes',
    ]);
    expect(job.status?.conditions?.[0].message).toBe('Job has failed indexes');
    // Index 1 ran twice: its replacement inherited the failure count, 10 s after the failure.
    const index1 = c
      .pods('perindex-1-*')
      .sort((a, b) =>
        String(a.metadata!.creationTimestamp).localeCompare(String(b.metadata!.creationTimestamp)),
      );
    expect(
      index1.map((p) => p.metadata!.annotations!['batch.kubernetes.io/job-index-failure-count']),
    ).toEqual(['0', '1']);
    expect(index1.map((p) => offset(c, p.metadata!.creationTimestamp))).toEqual([0, 12]);
  });

  it('succeeds early with a successPolicy and deletes the lingering pods', () => {
    const c = jobCluster();
    mustCreate(
      c,
      jobManifest('leader', {
        completionMode: 'Indexed',
        completions: 3,
        parallelism: 3,
        successPolicy: { rules: [{ succeededIndexes: '0' }] },
        command: ['winner', '0', '5'],
      }),
    );
    c.at(9);
    const job = c.get<Job>('Job', 'leader')!;
    expect(conditions(job)).toEqual([
      'SuccessCriteriaMet=True/SuccessPolicy',
      'Complete=True/SuccessPolicy',
    ]);
    expect(job.status?.conditions?.[0].message).toBe('Matched rules at index 0');
    expect(job.status?.completedIndexes).toBe('0');
    expect(job.status?.succeeded).toBe(1);
    expect(
      c
        .pods('leader-*')
        .filter((p) => !p.metadata?.deletionTimestamp)
        .map(podStatus),
    ).toEqual(['Completed']);
  });
});

describe('podReplacementPolicy', () => {
  function deleteRunningPod(policy?: 'Failed' | 'TerminatingOrFailed') {
    const c = jobCluster();
    mustCreate(
      c,
      jobManifest('repl', {
        command: ['sleep', '3600'],
        ...(policy ? { podReplacementPolicy: policy } : {}),
      }),
    );
    c.at(10);
    const [pod] = c.pods('repl-*');
    c.sim.server.delete('Pod', 'default', pod.metadata!.name!);
    return { c, first: pod.metadata!.name! };
  }

  it('TerminatingOrFailed (default) replaces a terminating pod after the back-off, counting it failed', () => {
    const { c, first } = deleteRunningPod();
    c.at(11);
    expect(c.get<Job>('Job', 'repl')!.status).toMatchObject({ failed: 1, terminating: 1 });
    c.at(19.9);
    expect(c.pods('repl-*')).toHaveLength(1);
    c.at(20);
    const pods = c.pods('repl-*');
    expect(pods).toHaveLength(2);
    expect(podStatus(pods.find((p) => p.metadata!.name === first)!)).toBe('Terminating');
  });

  it('Failed waits until the old pod is terminal before replacing it', () => {
    const { c } = deleteRunningPod('Failed');
    c.at(11);
    expect(c.get<Job>('Job', 'repl')!.status).toMatchObject({ terminating: 1 });
    expect(c.get<Job>('Job', 'repl')!.status?.failed ?? 0).toBe(0);
    c.at(39);
    expect(c.pods('repl-*')).toHaveLength(1);
    c.at(60);
    const pods = c.pods('repl-*');
    expect(pods).toHaveLength(1);
    expect(offset(c, pods[0].metadata!.creationTimestamp)).toBe(50);
    expect(c.get<Job>('Job', 'repl')!.status?.failed).toBe(1);
  });
});

describe('tracking finalizers when the Job goes away', () => {
  it('removes the finalizer of running pods when the Job is deleted, so they can go', () => {
    const c = jobCluster();
    mustCreate(
      c,
      jobManifest('gone', { parallelism: 2, completions: 2, command: ['sleep', '3600'] }),
    );
    c.at(5);
    c.sim.server.delete('Job', 'default', 'gone', { propagationPolicy: 'Background' });
    c.at(6);
    const pods = c.pods('gone-*');
    expect(pods.map(podStatus)).toEqual(['Terminating', 'Terminating']);
    for (const p of pods) expect(p.metadata?.finalizers ?? []).not.toContain(TRACKING);
    c.at(40);
    expect(c.pods('gone-*')).toHaveLength(0);
  });

  it('removes the finalizer of pods orphaned by an Orphan deletion; they keep running', () => {
    const c = jobCluster();
    mustCreate(c, jobManifest('left', { command: ['sleep', '3600'] }));
    c.at(5);
    c.sim.server.delete('Job', 'default', 'left', { propagationPolicy: 'Orphan' });
    c.at(6);
    expect(c.get('Job', 'left')).toBeUndefined();
    const [pod] = c.pods('left-*');
    expect(pod.metadata?.ownerReferences).toBeUndefined();
    expect(pod.metadata?.finalizers).toBeUndefined();
    expect(podStatus(pod)).toBe('Running');
  });

  it('lets a foreground deletion of a running Job finish once its pods are gone', () => {
    const c = jobCluster();
    mustCreate(c, jobManifest('fg', { command: ['sleep', '3600'] }));
    c.at(5);
    c.sim.server.delete('Job', 'default', 'fg', { propagationPolicy: 'Foreground' });
    c.at(6);
    // The Job waits (foregroundDeletion) while its pod terminates; the pod no longer waits for
    // the Job's controller, which counted it as failed and dropped its finalizer.
    expect(c.get<Job>('Job', 'fg')?.metadata?.deletionTimestamp).toBeDefined();
    expect(c.pods('fg-*')[0].metadata?.finalizers).toBeUndefined();
    expect(c.get<Job>('Job', 'fg')!.status?.failed).toBe(1);
    c.at(40);
    expect(c.pods('fg-*')).toHaveLength(0);
    expect(c.get('Job', 'fg')).toBeUndefined();
  });

  it('does not let a re-created Job adopt the pods an Orphan deletion left behind', () => {
    const c = jobCluster();
    mustCreate(c, jobManifest('again', { command: ['sleep', '3600'] }));
    c.at(5);
    const [old] = c.pods('again-*');
    c.sim.server.delete('Job', 'default', 'again', { propagationPolicy: 'Orphan' });
    c.at(6);
    mustCreate(c, jobManifest('again', { command: ['sleep', '3600'] }));
    c.at(10);
    // The generated selector matches the new uid only: the old pod stays an orphan.
    const pods = c.pods('again-*');
    expect(pods).toHaveLength(2);
    expect(
      pods.find((p) => p.metadata!.name === old.metadata!.name)!.metadata?.ownerReferences,
    ).toBeUndefined();
    expect(c.get<Job>('Job', 'again')!.status?.active).toBe(1);
  });

  it('removes a leftover finalizer from a pod whose Job already finished', () => {
    const c = jobCluster();
    mustCreate(c, jobManifest('done', { command: ['echo'] }));
    c.at(10);
    const [pod] = c.pods('done-*');
    // Someone puts the finalizer back on a counted pod of a finished Job.
    c.sim.server.update({
      ...(pod as never as Pod & { kind: string; apiVersion: string; metadata: object }),
      metadata: { ...pod.metadata, finalizers: [TRACKING] },
    } as never);
    c.sim.server.delete('Pod', 'default', pod.metadata!.name!);
    c.at(11);
    expect(c.pods('done-*')).toHaveLength(0);
  });
});
