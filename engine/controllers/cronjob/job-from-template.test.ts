/**
 * Jobs from a CronJob's template: the controller's getJobFromTemplate2 and kubectl's
 * createJobFromCronJob (`kubectl create job NAME --from=cronjob/X`).
 */
import { describe, expect, it } from 'vitest';
import type { CronJob } from 'kubernetes-types/batch/v1';
import { getJobFromTemplate2, jobFromCronJob } from './job-from-template';
import { storedCronJob } from './test-support';

const cj = storedCronJob('backup', {
  templateLabels: { app: 'backup' },
  templateAnnotations: { team: 'ops', 'cronjob.kubernetes.io/instantiate': 'template-wins' },
  backoffLimit: 2,
}) as CronJob;

describe('jobFromCronJob (kubectl create job --from=cronjob/…)', () => {
  it('copies labels, annotations and spec; marks it manual; a controller ref without blockOwnerDeletion', () => {
    const job = jobFromCronJob(cj, 'backup-manual', 'default');
    expect(job).toEqual({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: 'backup-manual',
        namespace: 'default',
        labels: { app: 'backup' },
        // kubectl sets `manual` first and then copies the template's annotations over it.
        annotations: { 'cronjob.kubernetes.io/instantiate': 'template-wins', team: 'ops' },
        ownerReferences: [
          {
            apiVersion: 'batch/v1',
            kind: 'CronJob',
            name: 'backup',
            uid: 'uid-backup',
            controller: true,
          },
        ],
      },
      spec: cj.spec!.jobTemplate.spec,
    });
    // A copy: editing the Job leaves the CronJob alone.
    job.spec!.backoffLimit = 9;
    expect(cj.spec!.jobTemplate.spec!.backoffLimit).toBe(2);
  });

  it('without template metadata: only the manual annotation, no labels, no namespace', () => {
    const plain = storedCronJob('plain') as CronJob;
    const job = jobFromCronJob(plain, 'p');
    expect(job.metadata).toEqual({
      name: 'p',
      annotations: { 'cronjob.kubernetes.io/instantiate': 'manual' },
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          name: 'plain',
          uid: 'uid-plain',
          controller: true,
        },
      ],
    });
  });
});

describe('getJobFromTemplate2', () => {
  it('names the Job by minutes since the epoch and stamps the scheduled time', () => {
    const r = getJobFromTemplate2(cj, Date.UTC(2025, 0, 15, 10, 0));
    expect(r.ok && r.job.metadata.name).toBe('backup-28948920');
    expect(r.ok && r.job.metadata.annotations).toEqual({
      team: 'ops',
      'cronjob.kubernetes.io/instantiate': 'template-wins',
      'batch.kubernetes.io/cronjob-scheduled-timestamp': '2025-01-15T10:00:00Z',
    });
  });

  it('a time zone that does not load fails the construction', () => {
    const bad = { ...cj, spec: { ...cj.spec!, timeZone: 'Mars/Olympus' } } as CronJob;
    expect(getJobFromTemplate2(bad, 0)).toEqual({
      ok: false,
      error: 'unknown time zone Mars/Olympus',
    });
  });
});
