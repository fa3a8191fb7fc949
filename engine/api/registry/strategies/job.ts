/**
 * The Job strategy (k/k pkg/registry/batch/job/strategy.go): selector generation on create, the
 * Job-labels rule of SetDefaults_Job, generation bumps, and the validation options derived from
 * the old object on update.
 */
import type { KubeObject } from '../../object';
import { admitNamespaceLifecycle } from '../admission';
import { defaultJob } from '../defaults/workloads';
import { ensureObj, isObj, objAt, strAt, type Obj } from '../json';
import type { Strategy } from '../strategy';
import {
  JobLabels,
  validateJob,
  validateJobStatusUpdate,
  validateJobUpdate,
  type JobValidationOptions,
} from '../validation/batch';
import { asObj, bumpGeneration, keepOldSpec, keepOldStatus, metaOf, specChanged } from './common';

/**
 * generateSelector: the template gets job-name and controller-uid labels (legacy and
 * batch.kubernetes.io/ forms) unless the user set them, and the selector matches the uid label.
 * Conflicting user values are left for validation to reject.
 */
export function generateJobSelector(job: Obj): void {
  const meta = isObj(job.metadata) ? job.metadata : {};
  const name = strAt(meta, 'name') ?? '';
  const uid = strAt(meta, 'uid') ?? '';
  const spec = ensureObj(job, 'spec');
  const templateMeta = ensureObj(ensureObj(spec, 'template'), 'metadata');
  const labels = ensureObj(templateMeta, 'labels');
  for (const key of [JobLabels.legacyJobName, JobLabels.jobName])
    if (!(key in labels)) labels[key] = name;
  for (const key of [JobLabels.legacyControllerUid, JobLabels.controllerUid]) {
    if (!(key in labels)) labels[key] = uid;
  }
  const selector = ensureObj(spec, 'selector');
  const matchLabels = ensureObj(selector, 'matchLabels');
  if (!(JobLabels.controllerUid in matchLabels)) matchLabels[JobLabels.controllerUid] = uid;
}

function templateLabelsOf(job: Obj): Obj | undefined {
  return objAt(objAt(objAt(job, 'spec'), 'template'), 'metadata')?.labels as Obj | undefined;
}

/** validationOptionsForJob. */
function validationOptions(old: Obj | undefined): JobValidationOptions {
  if (!old) return { requirePrefixedLabels: true };
  const labels = templateLabelsOf(old);
  const suspended = objAt(old, 'spec')?.suspend === true;
  const started =
    objAt(old, 'status')?.startTime !== undefined && objAt(old, 'status')?.startTime !== null;
  return {
    allowMutableSchedulingDirectives: suspended && !started,
    requirePrefixedLabels:
      isObj(labels) && JobLabels.jobName in labels && JobLabels.controllerUid in labels,
  };
}

/** The Job strategy. */
export const jobStrategy: Strategy = {
  kind: 'Job',
  namespaced: true,
  applyDefaults: (obj) => defaultJob(asObj(obj)),
  admit: (obj, ctx, old) =>
    admitNamespaceLifecycle('jobs.batch', asObj(obj), ctx, old === undefined),
  prepareForCreate(obj: KubeObject) {
    const job = asObj(obj);
    const meta = metaOf(obj);
    const templateLabels = templateLabelsOf(job);
    // SetDefaults_Job made an unlabeled Job share its template's label map; a Job whose template
    // had no labels gets them when it is next read. Either way it ends up with the template's
    // labels including the generated ones.
    const labels = meta.labels;
    const unlabeled =
      labels === templateLabels || !isObj(labels) || Object.keys(labels).length === 0;
    if (objAt(job, 'spec')?.manualSelector !== true) generateJobSelector(job);
    const finalLabels = templateLabelsOf(job);
    if (unlabeled && isObj(finalLabels)) meta.labels = { ...finalLabels };
    job.status = {};
    meta.generation = 1;
  },
  prepareForUpdate(obj, old) {
    keepOldStatus(obj, old);
    bumpGeneration(obj, old, specChanged(obj, old));
    // Defaulting may have shared the template's label map again; store separate copies.
    const meta = metaOf(obj);
    const templateLabels = templateLabelsOf(asObj(obj));
    if (isObj(meta.labels) && meta.labels === templateLabels) meta.labels = { ...templateLabels };
  },
  prepareForStatusUpdate: keepOldSpec,
  validate: (obj) => validateJob(asObj(obj), validationOptions(undefined)),
  validateUpdate(obj, old) {
    const opts = validationOptions(asObj(old));
    return [...validateJob(asObj(obj), opts), ...validateJobUpdate(asObj(obj), asObj(old), opts)];
  },
  validateStatusUpdate: (obj, old) => validateJobStatusUpdate(asObj(obj), asObj(old)),
};
