/**
 * Job and CronJob validation (k/k pkg/apis/batch/validation/validation.go): ValidateJob,
 * validateJobSpec, pod failure and success policies, ValidateJobUpdate's immutability rules,
 * job status updates, ValidateCronJobCreate/Update. Schedule parsing and time-zone lookup are an
 * injected dependency (see schedule-validator.ts).
 */
import type { FieldError } from '../../field-error';
import { go, goQuote } from '../go-value';
import {
  goLabelSelector,
  goPodFailurePolicy,
  goPodTemplateSpec,
  goSuccessPolicy,
} from '../go-types';
import {
  clone,
  isObj,
  numAt,
  objAt,
  objsAt,
  semanticEqual,
  strAt,
  strMapAt,
  type Obj,
} from '../json';
import { labelSelectorAsSelector, selectorMatches } from '../label-selector';
import { scheduleValidator } from '../schedule-validator';
import {
  fieldErrors,
  invalidGo,
  invalidNoValue,
  invalidNum,
  invalidStr,
  notSupportedStr,
  path,
  validateImmutableField,
  validateNonnegativeField,
} from './field';
import { isDNS1123Label, isQualifiedName, regexError } from './names';
import {
  nameIsDNSSubdomain,
  validateHasLabel,
  validateLabelSelector,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './object-meta';
import { validatePodTemplateSpec } from './pod-spec';

/** Labels the Job API adds to pod templates (pkg/apis/batch/types.go). */
export const JobLabels = {
  legacyControllerUid: 'controller-uid',
  legacyJobName: 'job-name',
  controllerUid: 'batch.kubernetes.io/controller-uid',
  jobName: 'batch.kubernetes.io/job-name',
} as const;

const MAX_PARALLELISM_INDEXED = 100000;
const MAX_FAILED_INDEXES = 100_000;
const COMPLETIONS_SOFT_LIMIT = 100_000;
const PARALLELISM_LIMIT_HIGH_COMPLETIONS = 10_000;
const MAX_FAILED_INDEXES_HIGH_COMPLETIONS = 10_000;
const MAX_POD_FAILURE_POLICY_RULES = 20;
const MAX_EXIT_CODE_VALUES = 255;
const MAX_POD_CONDITION_PATTERNS = 20;
const MAX_MANAGED_BY_LENGTH = 63;
const MAX_SUCCEEDED_INDEXES_LENGTH = 64 * 1024;
const MAX_SUCCESS_POLICY_RULES = 20;

const FAILURE_ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const EXIT_CODE_OPERATORS = ['In', 'NotIn'];
const CONDITION_STATUSES = ['False', 'True', 'Unknown'];

/** Options upstream derives in the Job strategy (validationOptionsForJob). */
export interface JobValidationOptions {
  /** Suspended, never-started jobs may change scheduling directives of the template. */
  allowMutableSchedulingDirectives?: boolean;
  /** Require the batch.kubernetes.io/ labels (false only for jobs created before they existed). */
  requirePrefixedLabels?: boolean;
}

function specOf(o: Obj): Obj {
  return isObj(o.spec) ? o.spec : {};
}

function metaOf(o: Obj): Obj {
  return isObj(o.metadata) ? o.metadata : {};
}

/** A `%q` of a string list, as `fmt.Sprintf("valid values: %q", list)` prints a slice. */
const quotedList = (values: string[]) => `[${values.map(goQuote).join(' ')}]`;

/** validateGeneratedSelector. */
function validateGeneratedSelector(job: Obj, validateBatchLabels: boolean): FieldError[] {
  const spec = specOf(job);
  if (spec.manualSelector === true) return [];
  if (!isObj(spec.selector)) return [];
  const meta = metaOf(job);
  const errs: FieldError[] = [];
  const uid = strAt(meta, 'uid') ?? '';
  const name = strAt(meta, 'name') ?? '';
  if (uid === '') errs.push(fieldErrors.required('metadata.uid'));
  const templateMeta = objAt(objAt(spec, 'template'), 'metadata') ?? {};
  const tp = 'spec.template.metadata';
  errs.push(...validateHasLabel(templateMeta, tp, JobLabels.legacyControllerUid, uid));
  errs.push(...validateHasLabel(templateMeta, tp, JobLabels.legacyJobName, name));
  const expected: Record<string, string> = {};
  if (validateBatchLabels) {
    errs.push(...validateHasLabel(templateMeta, tp, JobLabels.controllerUid, uid));
    errs.push(...validateHasLabel(templateMeta, tp, JobLabels.jobName, name));
    expected[JobLabels.controllerUid] = uid;
    expected[JobLabels.jobName] = name;
  }
  expected[JobLabels.legacyControllerUid] = uid;
  expected[JobLabels.legacyJobName] = name;
  const selector = labelSelectorAsSelector(spec.selector);
  if (selector && !selectorMatches(selector, expected)) {
    errs.push(
      invalidGo('spec.selector', goLabelSelector, spec.selector, '`selector` not auto-generated'),
    );
  }
  return errs;
}

function validatePodFailurePolicyRule(
  spec: Obj,
  rule: Obj,
  field: string,
  containerNames: Set<string>,
): FieldError[] {
  const errs: FieldError[] = [];
  const actionPath = path.child(field, 'action');
  const action = strAt(rule, 'action') ?? '';
  if (action === '') {
    errs.push(fieldErrors.required(actionPath, `valid values: ${quotedList(FAILURE_ACTIONS)}`));
  } else if (action === 'FailIndex') {
    if (spec.backoffLimitPerIndex === undefined || spec.backoffLimitPerIndex === null) {
      errs.push(invalidStr(actionPath, action, 'requires the backoffLimitPerIndex to be set'));
    }
  } else if (!FAILURE_ACTIONS.includes(action)) {
    errs.push(notSupportedStr(actionPath, action, FAILURE_ACTIONS));
  }
  const onExitCodes = objAt(rule, 'onExitCodes');
  if (onExitCodes) {
    const p = path.child(field, 'onExitCodes');
    const op = strAt(onExitCodes, 'operator') ?? '';
    if (op === '') {
      errs.push(
        fieldErrors.required(
          path.child(p, 'operator'),
          `valid values: ${quotedList(EXIT_CODE_OPERATORS)}`,
        ),
      );
    } else if (!EXIT_CODE_OPERATORS.includes(op)) {
      errs.push(notSupportedStr(path.child(p, 'operator'), op, EXIT_CODE_OPERATORS));
    }
    const containerName = strAt(onExitCodes, 'containerName');
    if (containerName !== undefined && !containerNames.has(containerName)) {
      errs.push(
        invalidStr(
          path.child(p, 'containerName'),
          containerName,
          'must be one of the container or initContainer names in the pod template',
        ),
      );
    }
    const valuesPath = path.child(p, 'values');
    const values = (Array.isArray(onExitCodes.values) ? onExitCodes.values : []).filter(
      (v): v is number => typeof v === 'number',
    );
    const goInts = go.slice(go.int('int32'));
    if (values.length === 0) {
      errs.push(
        invalidGo(valuesPath, goInts, onExitCodes.values ?? null, 'at least one value is required'),
      );
    } else if (values.length > MAX_EXIT_CODE_VALUES) {
      errs.push(fieldErrors.tooMany(valuesPath, values.length, MAX_EXIT_CODE_VALUES));
    }
    const seen = new Set<number>();
    let ordered = true;
    values.forEach((v, j) => {
      const vp = path.index(valuesPath, j);
      if (op === 'In' && v === 0) errs.push(invalidNum(vp, v, 'must not be 0 for the In operator'));
      if (seen.has(v)) errs.push(fieldErrors.duplicate(vp, String(v)));
      else seen.add(v);
      if (j > 0 && values[j - 1] > v) ordered = false;
    });
    if (!ordered) errs.push(invalidGo(valuesPath, goInts, values, 'must be ordered'));
  }
  const conditions = objsAt(rule, 'onPodConditions');
  if (conditions.length > 0) {
    const p = path.child(field, 'onPodConditions');
    if (conditions.length > MAX_POD_CONDITION_PATTERNS) {
      errs.push(fieldErrors.tooMany(p, conditions.length, MAX_POD_CONDITION_PATTERNS));
    }
    for (const [pattern, j] of conditions) {
      const pp = path.index(p, j);
      const type = strAt(pattern, 'type') ?? '';
      for (const m of isQualifiedName(type)) errs.push(invalidStr(path.child(pp, 'type'), type, m));
      const status = strAt(pattern, 'status') ?? '';
      if (status === '') {
        errs.push(
          fieldErrors.required(
            path.child(pp, 'status'),
            `valid values: ${quotedList(CONDITION_STATUSES)}`,
          ),
        );
      } else if (!CONDITION_STATUSES.includes(status)) {
        errs.push(notSupportedStr(path.child(pp, 'status'), status, CONDITION_STATUSES));
      }
    }
  }
  if (onExitCodes && conditions.length > 0) {
    errs.push(
      invalidNoValue(field, 'specifying both OnExitCodes and OnPodConditions is not supported'),
    );
  }
  if (!onExitCodes && conditions.length === 0) {
    errs.push(
      invalidNoValue(field, 'specifying one of OnExitCodes and OnPodConditions is required'),
    );
  }
  return errs;
}

function validatePodFailurePolicy(spec: Obj, field: string): FieldError[] {
  const policy = objAt(spec, 'podFailurePolicy') ?? {};
  const errs: FieldError[] = [];
  const rulesPath = path.child(field, 'rules');
  const rules = objsAt(policy, 'rules');
  if (rules.length > MAX_POD_FAILURE_POLICY_RULES) {
    errs.push(fieldErrors.tooMany(rulesPath, rules.length, MAX_POD_FAILURE_POLICY_RULES));
  }
  const podSpec = objAt(objAt(spec, 'template'), 'spec') ?? {};
  const names = new Set(
    [...objsAt(podSpec, 'containers'), ...objsAt(podSpec, 'initContainers')].map(
      ([c]) => strAt(c, 'name') ?? '',
    ),
  );
  for (const [rule, i] of rules) {
    errs.push(...validatePodFailurePolicyRule(spec, rule, path.index(rulesPath, i), names));
  }
  return errs;
}

/** parseIndexInterval / validateIndexesFormat: the number of indexes, or the error text. */
export function validateIndexesFormat(indexes: string, completions: number): number | string {
  if (indexes === '') return 0;
  let last: number | undefined;
  let total = 0;
  for (const interval of indexes.split(',')) {
    const limits = interval.split('-');
    if (limits.length > 2) {
      return `the fragment ${goQuote(interval)} violates the requirement that an index interval can have at most two parts separated by '-'`;
    }
    const parse = (s: string) => (/^[+-]?[0-9]+$/.test(s) ? Number(s) : NaN);
    const x = parse(limits[0]);
    if (Number.isNaN(x)) return `cannot convert string to integer for index: ${goQuote(limits[0])}`;
    if (x >= completions) return `too large index: ${goQuote(limits[0])}`;
    let y = x;
    if (limits.length > 1) {
      y = parse(limits[1]);
      if (Number.isNaN(y))
        return `cannot convert string to integer for index: ${goQuote(limits[1])}`;
      if (y >= completions) return `too large index: ${goQuote(limits[1])}`;
      if (x >= y) return `non-increasing order, previous: ${x}, current: ${y}`;
    }
    if (last !== undefined && last >= x)
      return `non-increasing order, previous: ${last}, current: ${x}`;
    total += y - x + 1;
    last = y;
  }
  return total;
}

function validateSuccessPolicy(spec: Obj, field: string): FieldError[] {
  const policy = objAt(spec, 'successPolicy') ?? {};
  const errs: FieldError[] = [];
  const rulesPath = path.child(field, 'rules');
  const rules = objsAt(policy, 'rules');
  if (rules.length === 0) {
    errs.push(
      fieldErrors.required(
        rulesPath,
        'at least one rules must be specified when the successPolicy is specified',
      ),
    );
  }
  if (rules.length > MAX_SUCCESS_POLICY_RULES) {
    errs.push(fieldErrors.tooMany(rulesPath, rules.length, MAX_SUCCESS_POLICY_RULES));
  }
  const completions = numAt(spec, 'completions') ?? 0;
  for (const [rule, i] of rules) {
    const p = path.index(rulesPath, i);
    const count = numAt(rule, 'succeededCount');
    const indexes = strAt(rule, 'succeededIndexes');
    if (count === undefined && indexes === undefined) {
      errs.push(
        fieldErrors.required(
          p,
          'at least one of succeededCount or succeededIndexes must be specified',
        ),
      );
    }
    let total = 0;
    if (indexes !== undefined) {
      const ip = path.child(p, 'succeededIndexes');
      if (indexes.length > MAX_SUCCEEDED_INDEXES_LENGTH) {
        errs.push(fieldErrors.tooLong(ip, MAX_SUCCEEDED_INDEXES_LENGTH));
      }
      const r = validateIndexesFormat(indexes, completions);
      if (typeof r === 'string')
        errs.push(invalidStr(ip, indexes, `error parsing succeededIndexes: ${r}`));
      else total = r;
    }
    if (count !== undefined) {
      const cp = path.child(p, 'succeededCount');
      errs.push(...validateNonnegativeField(count, cp));
      if (count > completions) {
        errs.push(
          invalidNum(
            cp,
            count,
            `must be less than or equal to ${completions} (the number of specified completions)`,
          ),
        );
      }
      if (indexes !== undefined && count > total) {
        errs.push(
          invalidNum(
            cp,
            count,
            `must be less than or equal to ${total} (the number of indexes in the specified succeededIndexes field)`,
          ),
        );
      }
    }
  }
  return errs;
}

const NONNEGATIVE_JOB_FIELDS = [
  'parallelism',
  'completions',
  'activeDeadlineSeconds',
  'backoffLimit',
  'ttlSecondsAfterFinished',
  'backoffLimitPerIndex',
] as const;

/** validateJobSpec: everything but the selector (shared with CronJob job templates). */
function validateJobSpecCommon(spec: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of NONNEGATIVE_JOB_FIELDS) {
    const v = numAt(spec, k);
    if (v !== undefined) errs.push(...validateNonnegativeField(v, path.child(field, k)));
  }
  const parallelism = numAt(spec, 'parallelism');
  const completions = numAt(spec, 'completions');
  const backoffLimitPerIndex = numAt(spec, 'backoffLimitPerIndex');
  const maxFailedIndexes = numAt(spec, 'maxFailedIndexes');
  if (maxFailedIndexes !== undefined) {
    errs.push(...validateNonnegativeField(maxFailedIndexes, path.child(field, 'maxFailedIndexes')));
    if (backoffLimitPerIndex === undefined) {
      errs.push(
        fieldErrors.required(
          path.child(field, 'backoffLimitPerIndex'),
          'when maxFailedIndexes is specified',
        ),
      );
    }
  }
  const managedBy = strAt(spec, 'managedBy');
  if (managedBy !== undefined) {
    errs.push(...validateDomainPrefixedPath(managedBy, path.child(field, 'managedBy')));
    if (managedBy.length > MAX_MANAGED_BY_LENGTH) {
      errs.push(fieldErrors.tooLong(path.child(field, 'managedBy'), MAX_MANAGED_BY_LENGTH));
    }
  }
  const mode = strAt(spec, 'completionMode');
  if (mode !== undefined) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') {
      errs.push(
        notSupportedStr(path.child(field, 'completionMode'), mode, ['NonIndexed', 'Indexed']),
      );
    }
    if (mode === 'Indexed') {
      if (completions === undefined) {
        errs.push(
          fieldErrors.required(path.child(field, 'completions'), 'when completion mode is Indexed'),
        );
      }
      if (parallelism !== undefined && parallelism > MAX_PARALLELISM_INDEXED) {
        errs.push(
          invalidNum(
            path.child(field, 'parallelism'),
            parallelism,
            `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`,
          ),
        );
      }
      if (
        completions !== undefined &&
        maxFailedIndexes !== undefined &&
        maxFailedIndexes > completions
      ) {
        errs.push(
          invalidNum(
            path.child(field, 'maxFailedIndexes'),
            maxFailedIndexes,
            'must be less than or equal to completions',
          ),
        );
      }
      if (maxFailedIndexes !== undefined && maxFailedIndexes > MAX_FAILED_INDEXES) {
        errs.push(
          invalidNum(
            path.child(field, 'maxFailedIndexes'),
            maxFailedIndexes,
            `must be less than or equal to ${MAX_FAILED_INDEXES}`,
          ),
        );
      }
      if (
        completions !== undefined &&
        completions > COMPLETIONS_SOFT_LIMIT &&
        backoffLimitPerIndex !== undefined
      ) {
        const suffix = `when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`;
        if (maxFailedIndexes === undefined) {
          errs.push(
            fieldErrors.required(
              path.child(field, 'maxFailedIndexes'),
              `must be specified when completions is above ${COMPLETIONS_SOFT_LIMIT}`,
            ),
          );
        }
        if (parallelism !== undefined && parallelism > PARALLELISM_LIMIT_HIGH_COMPLETIONS) {
          errs.push(
            invalidNum(
              path.child(field, 'parallelism'),
              parallelism,
              `must be less than or equal to ${PARALLELISM_LIMIT_HIGH_COMPLETIONS} ${suffix}`,
            ),
          );
        }
        if (
          maxFailedIndexes !== undefined &&
          maxFailedIndexes > MAX_FAILED_INDEXES_HIGH_COMPLETIONS
        ) {
          errs.push(
            invalidNum(
              path.child(field, 'maxFailedIndexes'),
              maxFailedIndexes,
              `must be less than or equal to ${MAX_FAILED_INDEXES_HIGH_COMPLETIONS} ${suffix}`,
            ),
          );
        }
      }
    }
  }
  if (mode === undefined || mode === 'NonIndexed') {
    if (backoffLimitPerIndex !== undefined) {
      errs.push(
        invalidNum(
          path.child(field, 'backoffLimitPerIndex'),
          backoffLimitPerIndex,
          'requires indexed completion mode',
        ),
      );
    }
    if (maxFailedIndexes !== undefined) {
      errs.push(
        invalidNum(
          path.child(field, 'maxFailedIndexes'),
          maxFailedIndexes,
          'requires indexed completion mode',
        ),
      );
    }
  }
  const hasPodFailurePolicy = isObj(spec.podFailurePolicy);
  if (hasPodFailurePolicy)
    errs.push(...validatePodFailurePolicy(spec, path.child(field, 'podFailurePolicy')));
  if (isObj(spec.successPolicy)) {
    if (mode !== 'Indexed') {
      errs.push(
        invalidGo(
          path.child(field, 'successPolicy'),
          goSuccessPolicy,
          spec.successPolicy,
          'requires indexed completion mode',
        ),
      );
    } else {
      errs.push(...validateSuccessPolicy(spec, path.child(field, 'successPolicy')));
    }
  }
  const replacement = strAt(spec, 'podReplacementPolicy');
  if (replacement !== undefined) {
    const p = path.child(field, 'podReplacementPolicy');
    if (hasPodFailurePolicy) {
      if (replacement !== 'Failed') errs.push(notSupportedStr(p, replacement, ['Failed']));
    } else if (replacement !== 'Failed' && replacement !== 'TerminatingOrFailed') {
      errs.push(notSupportedStr(p, replacement, ['Failed', 'TerminatingOrFailed']));
    }
  }
  errs.push(...validatePodTemplateSpec(spec.template, path.child(field, 'template')));
  const restartPolicy = strAt(objAt(objAt(spec, 'template'), 'spec'), 'restartPolicy') ?? '';
  const rpPath = path.child(field, 'template', 'spec', 'restartPolicy');
  // Defaulting turns an omitted policy into Always, so both mean "not set" for a Job.
  if (restartPolicy === 'Always' || restartPolicy === '') {
    errs.push(fieldErrors.required(rpPath, 'valid values: "OnFailure", "Never"'));
  } else if (restartPolicy !== 'OnFailure' && restartPolicy !== 'Never') {
    errs.push(notSupportedStr(rpPath, restartPolicy, ['OnFailure', 'Never']));
  } else if (hasPodFailurePolicy && restartPolicy !== 'Never') {
    errs.push(
      invalidStr(
        rpPath,
        restartPolicy,
        'only "Never" is supported when podFailurePolicy is specified',
      ),
    );
  }
  return errs;
}

/** IsDomainPrefixedPath: `<DNS subdomain>/<HTTP path>` (managedBy). */
function validateDomainPrefixedPath(value: string, field: string): FieldError[] {
  if (value === '') return [fieldErrors.required(field)];
  const slash = value.indexOf('/');
  const host = slash < 0 ? value : value.slice(0, slash);
  const rest = slash < 0 ? '' : value.slice(slash + 1);
  if (slash < 0 || host === '' || rest === '') {
    return [invalidStr(field, value, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  }
  const errs = nameIsDNSSubdomain(host, false).map((m) => invalidStr(field, host, m));
  const httpPathFmt = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
  if (!new RegExp(`^(?:${httpPathFmt})$`).test(rest)) {
    errs.push(invalidStr(field, rest, regexError('Invalid path', httpPathFmt)));
  }
  return errs;
}

/** ValidateJobSpec: the common checks plus the selector and its match with template labels. */
function validateJobSpec(spec: Obj, field: string): FieldError[] {
  const errs = validateJobSpecCommon(spec, field);
  if (spec.selector === undefined || spec.selector === null) {
    errs.push(fieldErrors.required(path.child(field, 'selector')));
  } else {
    errs.push(...validateLabelSelector(spec.selector, path.child(field, 'selector')));
  }
  const selector = labelSelectorAsSelector(spec.selector);
  const templateLabels = objAt(objAt(spec, 'template'), 'metadata')?.labels;
  if (selector && !selectorMatches(selector, strMapAt({ l: templateLabels }, 'l') ?? {})) {
    errs.push(
      invalidGo(
        path.child(field, 'template', 'metadata', 'labels'),
        go.map(go.str(), go.str()),
        templateLabels,
        '`selector` does not match template `labels`',
      ),
    );
  }
  return errs;
}

/** ValidateJob. */
export function validateJob(job: Obj, opts: JobValidationOptions = {}): FieldError[] {
  const errs = validateObjectMeta(job, true, nameIsDNSSubdomain);
  errs.push(...validateGeneratedSelector(job, opts.requirePrefixedLabels ?? true));
  const spec = specOf(job);
  errs.push(...validateJobSpec(spec, 'spec'));
  const completions = numAt(spec, 'completions');
  if (strAt(spec, 'completionMode') === 'Indexed' && completions !== undefined && completions > 0) {
    const name = strAt(metaOf(job), 'name') ?? '';
    const hostname = `${name}-${completions - 1}`;
    if (isDNS1123Label(hostname).length > 0) {
      errs.push(
        invalidStr(
          'metadata.name',
          name,
          `will not able to create pod with invalid DNS label: ${hostname}`,
        ),
      );
    }
  }
  return errs;
}

/** Scheduling directives a suspended, never-started job may still change in its template. */
function mutableSchedulingTemplate(template: Obj, oldTemplate: Obj): Obj {
  const old = clone(oldTemplate);
  const oldSpec: Obj = isObj(old.spec) ? old.spec : (old.spec = {});
  const spec: Obj = isObj(template.spec) ? template.spec : {};
  const affinity = objAt(spec, 'affinity');
  const oldAffinity = objAt(oldSpec, 'affinity');
  if (!affinity && oldAffinity) {
    delete oldAffinity.nodeAffinity;
    if (Object.keys(oldAffinity).length === 0) delete oldSpec.affinity;
  } else if (affinity && !oldAffinity) {
    oldSpec.affinity = { nodeAffinity: affinity.nodeAffinity };
  } else if (affinity && oldAffinity) {
    oldAffinity.nodeAffinity = affinity.nodeAffinity;
  }
  oldSpec.nodeSelector = spec.nodeSelector;
  oldSpec.tolerations = spec.tolerations;
  oldSpec.schedulingGates = spec.schedulingGates;
  const meta: Obj = isObj(template.metadata) ? template.metadata : {};
  const oldMeta: Obj = isObj(old.metadata) ? old.metadata : (old.metadata = {});
  oldMeta.annotations = meta.annotations;
  oldMeta.labels = meta.labels;
  return old;
}

/** ValidateJobSpecUpdate: immutability of the selector, template, completions and policies. */
function validateJobSpecUpdate(spec: Obj, oldSpec: Obj, opts: JobValidationOptions): FieldError[] {
  const errs = validateJobSpec(spec, 'spec');
  // ElasticIndexedJob is GA: Indexed jobs may change completions together with parallelism.
  const completions = spec.completions;
  if (strAt(spec, 'completionMode') !== 'Indexed') {
    errs.push(
      ...validateImmutableField(
        completions,
        oldSpec.completions,
        'spec.completions',
        go.ptr(go.int('int32')),
        true,
      ),
    );
  } else if (!semanticEqual(completions, oldSpec.completions) && typeof completions === 'number') {
    if (completions !== numAt(spec, 'parallelism')) {
      errs.push(
        invalidNum(
          'spec.completions',
          completions,
          'can only be modified in tandem with spec.parallelism',
        ),
      );
    }
  }
  errs.push(
    ...validateImmutableField(
      spec.selector,
      oldSpec.selector,
      'spec.selector',
      go.ptr(goLabelSelector),
    ),
  );
  const template: Obj = isObj(spec.template) ? spec.template : {};
  let oldTemplate: Obj = isObj(oldSpec.template) ? oldSpec.template : {};
  if (opts.allowMutableSchedulingDirectives)
    oldTemplate = mutableSchedulingTemplate(template, oldTemplate);
  errs.push(...validateImmutableField(template, oldTemplate, 'spec.template', goPodTemplateSpec));
  errs.push(
    ...validateImmutableField(
      spec.completionMode,
      oldSpec.completionMode,
      'spec.completionMode',
      go.ptr(go.str('batch.CompletionMode')),
      true,
    ),
  );
  errs.push(
    ...validateImmutableField(
      spec.podFailurePolicy,
      oldSpec.podFailurePolicy,
      'spec.podFailurePolicy',
      go.ptr(goPodFailurePolicy),
    ),
  );
  errs.push(
    ...validateImmutableField(
      spec.backoffLimitPerIndex,
      oldSpec.backoffLimitPerIndex,
      'spec.backoffLimitPerIndex',
      go.ptr(go.int('int32')),
      true,
    ),
  );
  errs.push(
    ...validateImmutableField(
      spec.managedBy,
      oldSpec.managedBy,
      'spec.managedBy',
      go.ptr(go.str()),
      true,
    ),
  );
  errs.push(
    ...validateImmutableField(
      spec.successPolicy,
      oldSpec.successPolicy,
      'spec.successPolicy',
      go.ptr(goSuccessPolicy),
    ),
  );
  return errs;
}

/** ValidateJobUpdate. */
export function validateJobUpdate(
  job: Obj,
  old: Obj,
  opts: JobValidationOptions = {},
): FieldError[] {
  const errs = validateObjectMetaUpdate(job, old);
  errs.push(...validateJobSpecUpdate(specOf(job), specOf(old), opts));
  return errs;
}

function conditionTrue(job: Obj, type: string): boolean {
  return objsAt(objAt(job, 'status'), 'conditions').some(
    ([c]) => strAt(c, 'type') === type && strAt(c, 'status') === 'True',
  );
}

/** ValidateJobUpdateStatus: counters and the terminal-condition rules the controller must keep. */
export function validateJobStatusUpdate(job: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(job, old);
  const status = objAt(job, 'status') ?? {};
  const oldStatus = objAt(old, 'status') ?? {};
  for (const k of ['active', 'succeeded', 'failed', 'ready', 'terminating']) {
    const v = numAt(status, k);
    if (v !== undefined) errs.push(...validateNonnegativeField(v, path.child('status', k)));
  }
  const complete = conditionTrue(job, 'Complete');
  const failed = conditionTrue(job, 'Failed');
  if (complete && failed) {
    errs.push(
      invalidNoValue('status.conditions', 'cannot set Complete=True and Failed=true conditions'),
    );
  }
  if (failed && !conditionTrue(job, 'FailureTarget')) {
    errs.push(
      invalidNoValue(
        'status.conditions',
        'cannot set Failed=True condition without the FailureTarget=true condition',
      ),
    );
  }
  if (complete && !conditionTrue(job, 'SuccessCriteriaMet')) {
    errs.push(
      invalidNoValue(
        'status.conditions',
        'cannot set Complete=True condition without the SuccessCriteriaMet=true condition',
      ),
    );
  }
  if (complete && status.completionTime === undefined) {
    errs.push(
      fieldErrors.required('status.completionTime', 'completionTime is required for Complete jobs'),
    );
  }
  if ((complete || failed) && (numAt(status, 'active') ?? 0) > 0) {
    errs.push(
      invalidNum(
        'status.active',
        numAt(status, 'active') ?? 0,
        'active>0 is invalid for finished job',
      ),
    );
  }
  for (const type of ['Failed', 'Complete', 'FailureTarget']) {
    if (conditionTrue(old, type) && !conditionTrue(job, type)) {
      errs.push(
        invalidNoValue('status.conditions', `cannot disable the terminal ${type}=True condition`),
      );
    }
  }
  for (const k of ['failed', 'succeeded'] as const) {
    const now = numAt(status, k) ?? 0;
    if (now < (numAt(oldStatus, k) ?? 0)) {
      errs.push(invalidNum(path.child('status', k), now, `cannot decrease the ${k} counter`));
    }
  }
  return errs;
}

/** ValidateJobTemplateSpec (a CronJob's jobTemplate): the selector is generated later. */
function validateJobTemplateSpec(jobTemplate: Obj, field: string): FieldError[] {
  const spec = specOf(jobTemplate);
  const errs = validateJobSpecCommon(spec, path.child(field, 'spec'));
  if (spec.selector !== undefined && spec.selector !== null) {
    errs.push(
      invalidGo(
        path.child(field, 'spec', 'selector'),
        go.ptr(goLabelSelector),
        spec.selector,
        '`selector` will be auto-generated',
      ),
    );
  }
  if (spec.manualSelector === true) {
    errs.push(
      fieldErrors.notSupported(path.child(field, 'spec', 'manualSelector'), 'true', [
        'nil',
        'false',
      ]),
    );
  }
  return errs;
}

const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace'];
const TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** validateTimeZone: the syntactic checks, then the injected IANA lookup. */
function validateTimeZone(timeZone: unknown, lookupErrors: FieldError[]): FieldError[] {
  if (typeof timeZone !== 'string') return [];
  const field = 'spec.timeZone';
  if (timeZone === '')
    return [invalidStr(field, timeZone, 'timeZone must be nil or non-empty string')];
  for (const part of timeZone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TIME_ZONE_PART.test(part)) {
      return [invalidStr(field, timeZone, `unknown time zone ${timeZone}`)];
    }
  }
  const errs: FieldError[] = [];
  if (timeZone.toLowerCase() === 'local') {
    errs.push(
      invalidStr(
        field,
        timeZone,
        'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
      ),
    );
  }
  errs.push(...lookupErrors);
  return errs;
}

/** validateCronJobSpec (`old` is the previous spec on update). */
function validateCronJobSpec(spec: Obj, old: Obj | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const schedule = strAt(spec, 'schedule') ?? '';
  const timeZone = typeof spec.timeZone === 'string' ? spec.timeZone : undefined;
  const parsed = scheduleValidator()(schedule, timeZone, 'spec.schedule');
  const scheduleErrors = parsed.filter((e) => e.field === 'spec.schedule');
  const zoneErrors = parsed.filter((e) => e.field === 'spec.timeZone');
  if (schedule === '') {
    errs.push(fieldErrors.required('spec.schedule'));
  } else {
    errs.push(...scheduleErrors);
    const allowTZ = old !== undefined && (strAt(old, 'schedule') ?? '').includes('TZ');
    if (allowTZ && schedule.includes('TZ') && timeZone !== undefined) {
      errs.push(
        invalidStr(
          'spec.schedule',
          schedule,
          'cannot use both timeZone field and TZ or CRON_TZ in schedule',
        ),
      );
    } else if (!allowTZ && schedule.includes('TZ')) {
      errs.push(
        invalidStr(
          'spec.schedule',
          schedule,
          'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
        ),
      );
    }
  }
  const sds = numAt(spec, 'startingDeadlineSeconds');
  if (sds !== undefined)
    errs.push(...validateNonnegativeField(sds, 'spec.startingDeadlineSeconds'));
  if (old === undefined || old.timeZone !== spec.timeZone) {
    errs.push(...validateTimeZone(spec.timeZone, zoneErrors));
  }
  const policy = strAt(spec, 'concurrencyPolicy') ?? '';
  if (policy === '') errs.push(fieldErrors.required('spec.concurrencyPolicy'));
  else if (!CONCURRENCY_POLICIES.includes(policy)) {
    errs.push(notSupportedStr('spec.concurrencyPolicy', policy, CONCURRENCY_POLICIES));
  }
  errs.push(...validateJobTemplateSpec(objAt(spec, 'jobTemplate') ?? {}, 'spec.jobTemplate'));
  for (const k of ['successfulJobsHistoryLimit', 'failedJobsHistoryLimit'] as const) {
    const v = numAt(spec, k);
    if (v !== undefined) errs.push(...validateNonnegativeField(v, path.child('spec', k)));
  }
  return errs;
}

/** ValidateCronJobCreate, including the 52-character name limit. */
export function validateCronJobCreate(cronJob: Obj): FieldError[] {
  const errs = validateObjectMeta(cronJob, true, nameIsDNSSubdomain);
  errs.push(...validateCronJobSpec(specOf(cronJob), undefined));
  const name = strAt(metaOf(cronJob), 'name') ?? '';
  // The controller appends `-<minutes since epoch>` (11 chars) and Job names are DNS-1035 labels.
  if (name.length > 63 - 11) {
    errs.push(invalidStr('metadata.name', name, 'must be no more than 52 characters'));
  }
  return errs;
}

/** ValidateCronJobUpdate (no name-length rule, so old long names stay editable). */
export function validateCronJobUpdate(cronJob: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(cronJob, old);
  errs.push(...validateCronJobSpec(specOf(cronJob), specOf(old)));
  return errs;
}
