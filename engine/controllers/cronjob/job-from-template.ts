/**
 * Jobs built from a CronJob's jobTemplate:
 *  - `getJobFromTemplate2` (k/k pkg/controller/cronjob/utils.go): what the controller creates for
 *    a scheduled time — name `<cronjob>-<minutes since epoch>`, the template's labels and
 *    annotations plus `batch.kubernetes.io/cronjob-scheduled-timestamp`, a controller
 *    reference to the CronJob and a copy of the template's spec;
 *  - `jobFromCronJob` (kubectl pkg/cmd/create/create_job.go#createJobFromCronJob): what
 *    `kubectl create job NAME --from=cronjob/X` sends.
 */
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { KubeObject, OwnerReference } from '../../api/object';
import { cloneJson } from '../../api/patch';
import type { Instant } from '../../time/instant';
import {
  CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION,
  jobNameFor,
  scheduledTimestampAnnotation,
} from '../cron';

/** The annotation kubectl puts on Jobs it instantiates from a CronJob. */
export const CRONJOB_INSTANTIATE_ANNOTATION = 'cronjob.kubernetes.io/instantiate';

/** metav1.NewControllerRef(cj, batch/v1 CronJob): controller and blockOwnerDeletion set. */
export function newCronJobControllerRef(cj: CronJob): OwnerReference {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    name: cj.metadata?.name ?? '',
    uid: cj.metadata?.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** What getJobFromTemplate2 returns: the Job, or the time-zone error that stops the sync. */
export type JobFromTemplate = { ok: true; job: Job & KubeObject } | { ok: false; error: string };

/** utils.go#getJobFromTemplate2: the Job the controller creates for `scheduledTime`. */
export function getJobFromTemplate2(cj: CronJob, scheduledTime: Instant): JobFromTemplate {
  const template = cj.spec?.jobTemplate;
  const labels = { ...(template?.metadata?.labels ?? {}) };
  const annotations: Record<string, string> = { ...(template?.metadata?.annotations ?? {}) };
  // CronJobsScheduledAnnotation is on by default in 1.32: the time in spec.timeZone.
  const stamp = scheduledTimestampAnnotation(scheduledTime, cj.spec?.timeZone);
  if (!stamp.ok) return { ok: false, error: stamp.error };
  annotations[CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION] = stamp.value;
  // Upstream also sets creationTimestamp to the scheduled time; the API server overwrites it.
  const job = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      labels,
      annotations,
      name: jobNameFor(cj.metadata?.name ?? '', scheduledTime),
      ownerReferences: [newCronJobControllerRef(cj)],
    },
    spec: cloneJson(template?.spec ?? {}),
  } as Job & KubeObject;
  return { ok: true, job };
}

/**
 * kubectl's createJobFromCronJob: the manual-instantiation annotation first, then the template's
 * annotations; the template's labels; an owner reference that is a controller reference but,
 * unlike NewControllerRef, leaves blockOwnerDeletion unset (it would need the
 * cronjobs/finalizers permission). The namespace is set only when kubectl enforces one.
 */
export function jobFromCronJob(cj: CronJob, name: string, namespace?: string): Job & KubeObject {
  const template = cj.spec?.jobTemplate;
  const annotations: Record<string, string> = { [CRONJOB_INSTANTIATE_ANNOTATION]: 'manual' };
  for (const [k, v] of Object.entries(template?.metadata?.annotations ?? {})) annotations[k] = v;
  const labels = template?.metadata?.labels;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      ...(namespace !== undefined ? { namespace } : {}),
      ...(labels ? { labels: { ...labels } } : {}),
      annotations,
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          name: cj.metadata?.name ?? '',
          uid: cj.metadata?.uid ?? '',
          controller: true,
        },
      ],
    },
    spec: cloneJson(template?.spec ?? {}),
  } as Job & KubeObject;
}
