/**
 * Defaulting of the workload kinds: batch/v1 (k/k pkg/apis/batch/v1/defaults.go#SetDefaults_Job,
 * #SetDefaults_CronJob) and apps/v1 (pkg/apis/apps/v1/defaults.go#SetDefaults_DaemonSet,
 * #SetDefaults_Deployment, #SetDefaults_ReplicaSet), each followed by the pod-template defaults
 * the generated SetObjectDefaults_* functions apply.
 */
import { ensureObj, isObj, isUnset, objAt, objsAt, strAt, type Obj } from '../json';
import { defaultPodTemplate } from './pod-spec';

const MAX_INT32 = 2147483647;

/** SetDefaults_Job. */
export function defaultJob(job: Obj): void {
  const spec = ensureObj(job, 'spec');
  if (isUnset(spec, 'completions') && isUnset(spec, 'parallelism')) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  if (isUnset(spec, 'parallelism')) spec.parallelism = 1;
  if (isUnset(spec, 'backoffLimit')) {
    spec.backoffLimit = isUnset(spec, 'backoffLimitPerIndex') ? 6 : MAX_INT32;
  }
  const template = ensureObj(spec, 'template');
  defaultPodTemplate(template);
  // An unlabeled Job shares its template's label map (the same Go map, not a copy), so the
  // labels the strategy generates into the template later show on the Job as well.
  const templateLabels = objAt(objAt(template, 'metadata'), 'labels');
  const meta = ensureObj(job, 'metadata');
  if (templateLabels && (!isObj(meta.labels) || Object.keys(meta.labels).length === 0)) {
    meta.labels = templateLabels;
  }
  if (isUnset(spec, 'completionMode')) spec.completionMode = 'NonIndexed';
  if (isUnset(spec, 'suspend')) spec.suspend = false;
  for (const [rule] of objsAt(objAt(spec, 'podFailurePolicy'), 'rules')) {
    for (const [pattern] of objsAt(rule, 'onPodConditions')) {
      if ((strAt(pattern, 'status') ?? '') === '') pattern.status = 'True';
    }
  }
  if (isUnset(spec, 'podReplacementPolicy')) {
    spec.podReplacementPolicy = isObj(spec.podFailurePolicy) ? 'Failed' : 'TerminatingOrFailed';
  }
  if (isUnset(spec, 'manualSelector')) spec.manualSelector = false;
}

/**
 * SetDefaults_CronJob. The job template's spec gets only pod-template defaults: SetDefaults_Job
 * runs when the controller creates each Job.
 */
export function defaultCronJob(cronJob: Obj): void {
  const spec = ensureObj(cronJob, 'spec');
  if ((strAt(spec, 'concurrencyPolicy') ?? '') === '') spec.concurrencyPolicy = 'Allow';
  if (isUnset(spec, 'suspend')) spec.suspend = false;
  if (isUnset(spec, 'successfulJobsHistoryLimit')) spec.successfulJobsHistoryLimit = 3;
  if (isUnset(spec, 'failedJobsHistoryLimit')) spec.failedJobsHistoryLimit = 1;
  const jobTemplate = ensureObj(spec, 'jobTemplate');
  const meta = ensureObj(jobTemplate, 'metadata');
  if (!('creationTimestamp' in meta)) meta.creationTimestamp = null;
  defaultPodTemplate(ensureObj(ensureObj(jobTemplate, 'spec'), 'template'));
}

/** SetDefaults_DaemonSet. */
export function defaultDaemonSet(ds: Obj): void {
  const spec = ensureObj(ds, 'spec');
  const strategy = ensureObj(spec, 'updateStrategy');
  if ((strAt(strategy, 'type') ?? '') === '') strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = ensureObj(strategy, 'rollingUpdate');
    if (isUnset(ru, 'maxUnavailable')) ru.maxUnavailable = 1;
    if (isUnset(ru, 'maxSurge')) ru.maxSurge = 0;
  }
  if (isUnset(spec, 'revisionHistoryLimit')) spec.revisionHistoryLimit = 10;
  defaultPodTemplate(ensureObj(spec, 'template'));
}

/** SetDefaults_Deployment. */
export function defaultDeployment(d: Obj): void {
  const spec = ensureObj(d, 'spec');
  if (isUnset(spec, 'replicas')) spec.replicas = 1;
  const strategy = ensureObj(spec, 'strategy');
  if ((strAt(strategy, 'type') ?? '') === '') strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = ensureObj(strategy, 'rollingUpdate');
    if (isUnset(ru, 'maxUnavailable')) ru.maxUnavailable = '25%';
    if (isUnset(ru, 'maxSurge')) ru.maxSurge = '25%';
  }
  if (isUnset(spec, 'revisionHistoryLimit')) spec.revisionHistoryLimit = 10;
  if (isUnset(spec, 'progressDeadlineSeconds')) spec.progressDeadlineSeconds = 600;
  defaultPodTemplate(ensureObj(spec, 'template'));
}

/** SetDefaults_ReplicaSet. */
export function defaultReplicaSet(rs: Obj): void {
  const spec = ensureObj(rs, 'spec');
  if (isUnset(spec, 'replicas')) spec.replicas = 1;
  defaultPodTemplate(ensureObj(spec, 'template'));
}
