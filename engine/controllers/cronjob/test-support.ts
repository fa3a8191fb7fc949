/**
 * Test support for the CronJob controller: CronJob manifests as a client sends them, stored
 * CronJobs and Jobs for seeding a ReconcileHarness (../job/test-support.ts), and a scenario
 * cluster running the CronJob controller on the fake `tiny` userland.
 */
import type { CronJob, CronJobSpec, Job } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../api/object';
import { strategyFor } from '../../api/registry';
import { TestCluster } from '../../testing/test-cluster';
import { formatRFC3339, type Instant } from '../../time/instant';
import { jobUserland } from '../job/scenario-support';
import { storedJob } from '../job/test-support';
import { jobNameFor, scheduledTimestampAnnotation } from '../cron';
import { newCronJobControllerRef } from './job-from-template';

/** What a test CronJob is built from. */
export interface CronJobOptions extends Partial<Omit<CronJobSpec, 'jobTemplate'>> {
  /** Container command (default `sleep 1`). */
  command?: string[];
  restartPolicy?: 'Never' | 'OnFailure';
  backoffLimit?: number;
  /** jobTemplate.metadata. */
  templateLabels?: Record<string, string>;
  templateAnnotations?: Record<string, string>;
}

/** A CronJob manifest as a client sends it (`*` `*` `*` `*` `*` unless told). */
export function cronJobManifest(name: string, options: CronJobOptions = {}): KubeObject {
  const {
    command = ['sleep', '1'],
    restartPolicy = 'Never',
    backoffLimit,
    templateLabels,
    templateAnnotations,
    schedule = '* * * * *',
    ...spec
  } = options;
  const templateMeta = {
    ...(templateLabels ? { labels: templateLabels } : {}),
    ...(templateAnnotations ? { annotations: templateAnnotations } : {}),
  };
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name },
    spec: {
      schedule,
      ...spec,
      jobTemplate: {
        ...(Object.keys(templateMeta).length ? { metadata: templateMeta } : {}),
        spec: {
          ...(backoffLimit !== undefined ? { backoffLimit } : {}),
          template: {
            spec: { restartPolicy, containers: [{ name: 'c', image: 'tiny:1', command }] },
          },
        },
      },
    },
  };
}

/** A CronJob as the API server stores it (defaults filled, uid `uid-<name>`), with a status. */
export function storedCronJob(
  name: string,
  options: CronJobOptions & { created?: Instant; status?: CronJob['status'] } = {},
): KubeObject {
  const { created = 0, status, ...rest } = options;
  const cj = cronJobManifest(name, rest);
  strategyFor('CronJob')!.applyDefaults(cj);
  cj.metadata = {
    ...cj.metadata,
    namespace: 'default',
    uid: `uid-${name}`,
    generation: 1,
    resourceVersion: '1',
    creationTimestamp: formatRFC3339(created),
  };
  if (status) cj.status = status;
  return cj;
}

/** The state a child Job is in. */
export type ChildState =
  | { running: true; started: Instant }
  | { complete: Instant; started: Instant }
  | { failed: Instant; started: Instant };

/** A Job the controller created for `scheduled`, in a given state. */
export function childJob(
  cj: KubeObject,
  scheduled: Instant,
  state: ChildState,
  extra: { name?: string; uid?: string } = {},
): KubeObject {
  const name = extra.name ?? jobNameFor(cj.metadata.name!, scheduled);
  const iso = formatRFC3339;
  const status: Job['status'] = { startTime: iso(state.started), active: 0 };
  if ('running' in state) status.active = 1;
  if ('complete' in state) {
    status.succeeded = 1;
    status.completionTime = iso(state.complete);
    status.conditions = [
      { type: 'Complete', status: 'True', lastTransitionTime: iso(state.complete) },
    ];
  }
  if ('failed' in state) {
    status.failed = 1;
    status.conditions = [{ type: 'Failed', status: 'True', lastTransitionTime: iso(state.failed) }];
  }
  const job = storedJob(name, { uid: extra.uid ?? `uid-${name}`, created: scheduled, status });
  job.metadata.ownerReferences = [newCronJobControllerRef(cj as CronJob)];
  const stamp = scheduledTimestampAnnotation(scheduled);
  if (stamp.ok)
    job.metadata.annotations = { 'batch.kubernetes.io/cronjob-scheduled-timestamp': stamp.value };
  return job;
}

/** The ObjectReference the controller keeps in status.active for a Job. */
export function activeRef(job: KubeObject) {
  return {
    kind: 'Job',
    namespace: 'default',
    name: job.metadata.name!,
    uid: job.metadata.uid!,
    apiVersion: 'batch/v1',
    resourceVersion: job.metadata.resourceVersion,
  };
}

/** A four-node cluster with the fake userland, starting at `start` (RFC 3339). */
export function cronCluster(start = '2025-01-15T09:59:50Z', seed = 1): TestCluster {
  return TestCluster.seed(seed).start(start).userland(jobUserland()).build();
}
