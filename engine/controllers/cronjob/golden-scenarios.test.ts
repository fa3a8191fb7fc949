/**
 * The CronJob scenarios of the golden file (section B) that need no kubectl, on a real simulated
 * cluster under the reference timing model (containers start 2 s after the pod is created).
 * Wall clock: the cluster is created at 09:59:50 UTC on 2025-01-15; 10:00 is minute 28948920.
 */
import { describe, expect, it } from 'vitest';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { conditions, mustCreate } from '../job/scenario-support';
import type { TestCluster } from '../../testing/test-cluster';
import { cronCluster, cronJobManifest } from './test-support';

const jobNames = (c: TestCluster) =>
  c.sim.server
    .list('Job', { namespace: 'default' })
    .map((j) => j.metadata.name!)
    .sort();
const cronJob = (c: TestCluster, name: string) => c.get<CronJob>('CronJob', name)!;
const events = (c: TestCluster, name: string) =>
  c.events(name).map((e) => `${e.type} ${e.reason} ${e.message}`);

describe('S18 – create, first run, naming', () => {
  it('runs at 10:00:00 (not at creation), names jobs by minutes since the epoch', () => {
    const c = cronCluster();
    mustCreate(
      c,
      cronJobManifest('simple', { command: ['echo', 'Hello'], restartPolicy: 'OnFailure' }),
    );
    c.until('2025-01-15T09:59:59Z');
    expect(jobNames(c)).toEqual([]);
    c.until('2025-01-15T10:00:10Z');
    expect(jobNames(c)).toEqual(['simple-28948920']);
    const job = c.get<Job>('Job', 'simple-28948920')!;
    // Created 100 ms after the minute (nextScheduleDelta).
    expect(job.metadata?.creationTimestamp).toBe('2025-01-15T10:00:00Z');
    expect(job.metadata?.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe(
      '2025-01-15T10:00:00Z',
    );
    expect(job.metadata?.ownerReferences).toEqual([
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        name: 'simple',
        uid: cronJob(c, 'simple').metadata!.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(cronJob(c, 'simple').status?.lastScheduleTime).toBe('2025-01-15T10:00:00Z');
    expect(cronJob(c, 'simple').status?.active ?? []).toEqual([]);
    c.until('2025-01-15T10:01:05Z');
    expect(jobNames(c)).toEqual(['simple-28948920', 'simple-28948921']);
    for (const name of jobNames(c))
      expect(conditions(c.get<Job>('Job', name))).toContain('Complete=True/CompletionsReached');
    expect(cronJob(c, 'simple').status?.lastSuccessfulTime).toBe('2025-01-15T10:01:03Z');
    expect(events(c, 'simple')).toEqual([
      'Normal SuccessfulCreate Created job simple-28948920',
      'Normal SawCompletedJob Saw completed job: simple-28948920, condition: Complete',
      'Normal SuccessfulCreate Created job simple-28948921',
      'Normal SawCompletedJob Saw completed job: simple-28948921, condition: Complete',
    ]);
  });

  it('created at 10:00:30: first run at 10:01:00', () => {
    const c = cronCluster('2025-01-15T10:00:30Z');
    mustCreate(c, cronJobManifest('simple'));
    c.until('2025-01-15T10:00:59Z');
    expect(jobNames(c)).toEqual([]);
    expect(cronJob(c, 'simple').status?.lastScheduleTime).toBeUndefined();
    c.until('2025-01-15T10:01:01Z');
    expect(jobNames(c)).toEqual(['simple-28948921']);
  });
});
