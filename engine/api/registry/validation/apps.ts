/**
 * apps/v1 validation (k/k pkg/apis/apps/validation/validation.go): DaemonSet, Deployment,
 * ReplicaSet and ControllerRevision, plus the selector immutability the apps strategies add on
 * update (pkg/registry/apps/<kind>/strategy.go#ValidateUpdate).
 */
import type { FieldError } from '../../field-error';
import { errorValue, go } from '../go-value';
import { goDaemonSetUpdateStrategy, goDeploymentStrategy, goLabelSelector } from '../go-types';
import { isObj, lenOf, numAt, objAt, semanticEqual, strAt, strMapAt, type Obj } from '../json';
import {
  labelSelectorAsSelector,
  selectorIsEmpty,
  selectorMatches,
  type Selector,
} from '../label-selector';
import {
  fieldErrors,
  invalidGo,
  invalidNum,
  notSupportedStr,
  path,
  validateImmutableField,
  validateNonnegativeField,
} from './field';
import { isValidPercent } from './names';
import {
  nameIsDNSSubdomain,
  validateLabelSelector,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './object-meta';
import { validatePodTemplateSpec } from './pod-spec';

/** The annotation carrying a DaemonSet's template generation in apps/v1. */
export const DS_TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

const goIntOrString = go.intOrString();
const goLabelMap = go.map(go.str(), go.str());

function specOf(o: Obj): Obj {
  return isObj(o.spec) ? o.spec : {};
}

function templateLabels(spec: Obj): unknown {
  return objAt(objAt(spec, 'template'), 'metadata')?.labels;
}

function labelsMatch(selector: Selector, labels: unknown): boolean {
  return selectorMatches(selector, strMapAt({ l: labels }, 'l') ?? {});
}

function restartPolicyOf(spec: Obj): string {
  return strAt(objAt(objAt(spec, 'template'), 'spec'), 'restartPolicy') ?? '';
}

/** The percentage of an IntOrString (`"25%"` → 25), if it is a valid one. */
function percentValue(v: unknown): number | undefined {
  if (typeof v !== 'string' || isValidPercent(v).length > 0) return undefined;
  return Number(v.slice(0, -1));
}

/** getIntOrPercentValue: the int, the percentage number, or 0 for a malformed string. */
function intOrPercentValue(v: unknown): number {
  const percent = percentValue(v);
  if (percent !== undefined) return percent;
  return typeof v === 'number' ? v : 0;
}

/** ValidatePositiveIntOrPercent. */
function validatePositiveIntOrPercent(v: unknown, field: string): FieldError[] {
  if (typeof v === 'string')
    return isValidPercent(v).map((m) => invalidGo(field, goIntOrString, v, m));
  if (typeof v === 'number') return validateNonnegativeField(v, field);
  return [];
}

/** IsNotMoreThan100Percent. */
function isNotMoreThan100Percent(v: unknown, field: string): FieldError[] {
  const percent = percentValue(v);
  if (percent === undefined || percent <= 100) return [];
  return [invalidGo(field, goIntOrString, v, 'must not be greater than 100%')];
}

/** The restart policy and activeDeadlineSeconds rules of long-running pod templates. */
function validateLongRunningTemplate(spec: Obj, field: string, kind: string): FieldError[] {
  const errs: FieldError[] = [];
  const rp = restartPolicyOf(spec);
  if (rp !== 'Always')
    errs.push(notSupportedStr(path.child(field, 'spec', 'restartPolicy'), rp, ['Always']));
  if (numAt(objAt(objAt(spec, 'template'), 'spec'), 'activeDeadlineSeconds') !== undefined) {
    errs.push(
      fieldErrors.forbidden(
        path.child(field, 'spec', 'activeDeadlineSeconds'),
        `activeDeadlineSeconds in ${kind} is not Supported`,
      ),
    );
  }
  return errs;
}

function validateRollingUpdateDaemonSet(ru: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const mu = ru.maxUnavailable;
  const ms = ru.maxSurge;
  errs.push(...validatePositiveIntOrPercent(mu, path.child(field, 'maxUnavailable')));
  errs.push(...validatePositiveIntOrPercent(ms, path.child(field, 'maxSurge')));
  errs.push(...isNotMoreThan100Percent(mu, path.child(field, 'maxUnavailable')));
  errs.push(...isNotMoreThan100Percent(ms, path.child(field, 'maxSurge')));
  const hasUnavailable = intOrPercentValue(mu) !== 0;
  const hasSurge = intOrPercentValue(ms) !== 0;
  if (hasUnavailable && hasSurge) {
    errs.push(
      invalidGo(
        path.child(field, 'maxSurge'),
        goIntOrString,
        ms,
        'may not be set when maxUnavailable is non-zero',
      ),
    );
  } else if (!hasUnavailable && !hasSurge) {
    errs.push(
      fieldErrors.required(path.child(field, 'maxUnavailable'), 'cannot be 0 when maxSurge is 0'),
    );
  }
  return errs;
}

function validateDaemonSetUpdateStrategy(strategy: Obj, field: string): FieldError[] {
  const type = strAt(strategy, 'type') ?? '';
  if (type === 'OnDelete') return [];
  if (type === 'RollingUpdate') {
    const ru = objAt(strategy, 'rollingUpdate');
    if (!ru) return [fieldErrors.required(path.child(field, 'rollingUpdate'))];
    return validateRollingUpdateDaemonSet(ru, path.child(field, 'rollingUpdate'));
  }
  return [
    fieldErrors.notSupported(field, errorValue(goDaemonSetUpdateStrategy, strategy), [
      'RollingUpdate',
      'OnDelete',
    ]),
  ];
}

/** len(MatchLabels)+len(MatchExpressions) == 0 for a non-nil selector. */
function isEmptySelector(selector: unknown): boolean {
  return isObj(selector) && lenOf(selector.matchLabels) + lenOf(selector.matchExpressions) === 0;
}

/** The DaemonSet's template generation, kept in an annotation by apps/v1. */
export function templateGeneration(ds: Obj): number {
  const annotations = objAt(objAt(ds, 'metadata'), 'annotations');
  const v = annotations?.[DS_TEMPLATE_GENERATION_ANNOTATION];
  const n = typeof v === 'string' && /^-?[0-9]+$/.test(v) ? Number(v) : 0;
  return n;
}

/** ValidateDaemonSetSpec. */
function validateDaemonSetSpec(ds: Obj): FieldError[] {
  const spec = specOf(ds);
  const errs: FieldError[] = [];
  errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const selector = labelSelectorAsSelector(spec.selector);
  const labels = templateLabels(spec);
  if (selector && !labelsMatch(selector, labels)) {
    errs.push(
      invalidGo(
        'spec.template.metadata.labels',
        goLabelMap,
        labels,
        '`selector` does not match template `labels`',
      ),
    );
  }
  if (isEmptySelector(spec.selector)) {
    errs.push(
      invalidGo(
        'spec.selector',
        go.ptr(goLabelSelector),
        spec.selector,
        'empty selector is invalid for daemonset',
      ),
    );
  }
  errs.push(...validatePodTemplateSpec(spec.template, 'spec.template'));
  errs.push(...validateLongRunningTemplate(spec, 'spec.template', 'DaemonSet'));
  errs.push(
    ...validateNonnegativeField(numAt(spec, 'minReadySeconds') ?? 0, 'spec.minReadySeconds'),
  );
  errs.push(...validateNonnegativeField(templateGeneration(ds), 'spec.templateGeneration'));
  errs.push(
    ...validateDaemonSetUpdateStrategy(objAt(spec, 'updateStrategy') ?? {}, 'spec.updateStrategy'),
  );
  const rhl = numAt(spec, 'revisionHistoryLimit');
  if (rhl !== undefined) errs.push(...validateNonnegativeField(rhl, 'spec.revisionHistoryLimit'));
  return errs;
}

/** ValidateDaemonSet. */
export function validateDaemonSet(ds: Obj): FieldError[] {
  return [...validateObjectMeta(ds, true, nameIsDNSSubdomain), ...validateDaemonSetSpec(ds)];
}

/**
 * The DaemonSet strategy's ValidateUpdate: ValidateDaemonSet, then ValidateDaemonSetUpdate (which
 * validates the spec again, so spec errors appear twice upstream too) and selector immutability.
 */
export function validateDaemonSetUpdate(ds: Obj, old: Obj): FieldError[] {
  const errs = validateDaemonSet(ds);
  errs.push(...validateObjectMetaUpdate(ds, old));
  const now = templateGeneration(ds);
  const before = templateGeneration(old);
  const templateUpdated = !semanticEqual(specOf(ds).template, specOf(old).template);
  if (now < before)
    errs.push(invalidNum('spec.templateGeneration', now, 'must not be decremented'));
  if (now === before && templateUpdated) {
    errs.push(
      invalidNum('spec.templateGeneration', now, 'must be incremented upon template update'),
    );
  } else if (now > before && !templateUpdated) {
    errs.push(
      invalidNum('spec.templateGeneration', now, 'must not be incremented without template update'),
    );
  }
  errs.push(...validateDaemonSetSpec(ds));
  errs.push(
    ...validateImmutableField(
      specOf(ds).selector,
      specOf(old).selector,
      'spec.selector',
      go.ptr(goLabelSelector),
    ),
  );
  return errs;
}

/** ValidateDaemonSetStatusUpdate. */
export function validateDaemonSetStatusUpdate(ds: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(ds, old);
  const status = objAt(ds, 'status') ?? {};
  for (const k of [
    'currentNumberScheduled',
    'numberMisscheduled',
    'desiredNumberScheduled',
    'numberReady',
    'observedGeneration',
    'updatedNumberScheduled',
    'numberAvailable',
    'numberUnavailable',
    'collisionCount',
  ]) {
    errs.push(...validateNonnegativeField(numAt(status, k) ?? 0, path.child('status', k)));
  }
  errs.push(...collisionCountDecrement(status, objAt(old, 'status') ?? {}));
  return errs;
}

function collisionCountDecrement(status: Obj, oldStatus: Obj): FieldError[] {
  const now = numAt(status, 'collisionCount');
  const before = numAt(oldStatus, 'collisionCount');
  if (before !== undefined && (now === undefined || now < before)) {
    return [invalidNum('status.collisionCount', now ?? 0, 'cannot be decremented')];
  }
  return [];
}

/** ValidatePodTemplateSpecForReplicaSet (used by Deployments and ReplicaSets). */
function validateTemplateForReplicaSet(spec: Obj, selector: Selector, kind: string): FieldError[] {
  const errs: FieldError[] = [];
  const labels = templateLabels(spec);
  if (!selectorIsEmpty(selector) && !labelsMatch(selector, labels)) {
    errs.push(
      invalidGo(
        'spec.template.metadata.labels',
        goLabelMap,
        labels,
        '`selector` does not match template `labels`',
      ),
    );
  }
  errs.push(...validatePodTemplateSpec(spec.template, 'spec.template'));
  errs.push(...validateLongRunningTemplate(spec, 'spec.template', kind));
  return errs;
}

/** The selector checks shared by Deployment and ReplicaSet specs. */
function validateReplicatedSelector(spec: Obj, kind: string): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.selector === undefined || spec.selector === null) {
    errs.push(fieldErrors.required('spec.selector'));
  } else {
    errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
    // Upstream says "deployment" for ReplicaSets too.
    if (isEmptySelector(spec.selector)) {
      errs.push(
        invalidGo(
          'spec.selector',
          go.ptr(goLabelSelector),
          spec.selector,
          'empty selector is invalid for deployment',
        ),
      );
    }
  }
  const selector = labelSelectorAsSelector(spec.selector);
  if (!selector) {
    errs.push(
      invalidGo('spec.selector', go.ptr(goLabelSelector), spec.selector, 'invalid label selector'),
    );
  } else {
    errs.push(...validateTemplateForReplicaSet(spec, selector, kind));
  }
  return errs;
}

function validateRollingUpdateDeployment(ru: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(
    ...validatePositiveIntOrPercent(ru.maxUnavailable, path.child(field, 'maxUnavailable')),
  );
  errs.push(...validatePositiveIntOrPercent(ru.maxSurge, path.child(field, 'maxSurge')));
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    errs.push(
      invalidGo(
        path.child(field, 'maxUnavailable'),
        goIntOrString,
        ru.maxUnavailable,
        'may not be 0 when `maxSurge` is 0',
      ),
    );
  }
  errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, path.child(field, 'maxUnavailable')));
  return errs;
}

function validateDeploymentStrategy(strategy: Obj, field: string): FieldError[] {
  const type = strAt(strategy, 'type') ?? '';
  if (type === 'Recreate') {
    return isObj(strategy.rollingUpdate)
      ? [
          fieldErrors.forbidden(
            path.child(field, 'rollingUpdate'),
            "may not be specified when strategy `type` is 'Recreate'",
          ),
        ]
      : [];
  }
  if (type === 'RollingUpdate') {
    const ru = objAt(strategy, 'rollingUpdate');
    if (!ru)
      return [
        fieldErrors.required(
          path.child(field, 'rollingUpdate'),
          'this should be defaulted and never be nil',
        ),
      ];
    return validateRollingUpdateDeployment(ru, path.child(field, 'rollingUpdate'));
  }
  return [
    fieldErrors.notSupported(field, errorValue(goDeploymentStrategy, strategy), [
      'Recreate',
      'RollingUpdate',
    ]),
  ];
}

function validateDeploymentSpec(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateNonnegativeField(numAt(spec, 'replicas') ?? 0, 'spec.replicas'));
  errs.push(...validateReplicatedSelector(spec, 'Deployment'));
  errs.push(...validateDeploymentStrategy(objAt(spec, 'strategy') ?? {}, 'spec.strategy'));
  const minReady = numAt(spec, 'minReadySeconds') ?? 0;
  errs.push(...validateNonnegativeField(minReady, 'spec.minReadySeconds'));
  const rhl = numAt(spec, 'revisionHistoryLimit');
  if (rhl !== undefined) errs.push(...validateNonnegativeField(rhl, 'spec.revisionHistoryLimit'));
  const rollbackTo = objAt(spec, 'rollbackTo');
  if (rollbackTo)
    errs.push(
      ...validateNonnegativeField(numAt(rollbackTo, 'revision') ?? 0, 'spec.rollback.version'),
    );
  const pds = numAt(spec, 'progressDeadlineSeconds');
  if (pds !== undefined) {
    errs.push(...validateNonnegativeField(pds, 'spec.progressDeadlineSeconds'));
    if (pds <= minReady) {
      errs.push(
        invalidNum('spec.progressDeadlineSeconds', pds, 'must be greater than minReadySeconds'),
      );
    }
  }
  return errs;
}

/** ValidateDeployment. */
export function validateDeployment(d: Obj): FieldError[] {
  return [...validateObjectMeta(d, true, nameIsDNSSubdomain), ...validateDeploymentSpec(specOf(d))];
}

/** The Deployment strategy's ValidateUpdate: ValidateDeploymentUpdate plus selector immutability. */
export function validateDeploymentUpdate(d: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(d, old);
  errs.push(...validateDeploymentSpec(specOf(d)));
  errs.push(
    ...validateImmutableField(
      specOf(d).selector,
      specOf(old).selector,
      'spec.selector',
      go.ptr(goLabelSelector),
    ),
  );
  return errs;
}

/** ValidateDeploymentStatusUpdate. */
export function validateDeploymentStatusUpdate(d: Obj, old: Obj): FieldError[] {
  return validateReplicatedStatus(d, old, [
    'observedGeneration',
    'replicas',
    'updatedReplicas',
    'readyReplicas',
    'availableReplicas',
    'unavailableReplicas',
    'collisionCount',
  ]);
}

function validateReplicatedStatus(o: Obj, old: Obj, counters: string[]): FieldError[] {
  const errs = validateObjectMetaUpdate(o, old);
  const status = objAt(o, 'status') ?? {};
  for (const k of counters)
    errs.push(...validateNonnegativeField(numAt(status, k) ?? 0, path.child('status', k)));
  const replicas = numAt(status, 'replicas') ?? 0;
  for (const k of [
    'fullyLabeledReplicas',
    'updatedReplicas',
    'readyReplicas',
    'availableReplicas',
  ]) {
    const v = numAt(status, k);
    if (v !== undefined && v > replicas) {
      errs.push(invalidNum(path.child('status', k), v, 'cannot be greater than status.replicas'));
    }
  }
  const available = numAt(status, 'availableReplicas') ?? 0;
  if (available > (numAt(status, 'readyReplicas') ?? 0)) {
    errs.push(
      invalidNum('status.availableReplicas', available, 'cannot be greater than readyReplicas'),
    );
  }
  errs.push(...collisionCountDecrement(status, objAt(old, 'status') ?? {}));
  return errs;
}

function validateReplicaSetSpec(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateNonnegativeField(numAt(spec, 'replicas') ?? 0, 'spec.replicas'));
  errs.push(
    ...validateNonnegativeField(numAt(spec, 'minReadySeconds') ?? 0, 'spec.minReadySeconds'),
  );
  errs.push(...validateReplicatedSelector(spec, 'ReplicaSet'));
  return errs;
}

/** ValidateReplicaSet. */
export function validateReplicaSet(rs: Obj): FieldError[] {
  return [
    ...validateObjectMeta(rs, true, nameIsDNSSubdomain),
    ...validateReplicaSetSpec(specOf(rs)),
  ];
}

/** The ReplicaSet strategy's ValidateUpdate: ValidateReplicaSetUpdate plus selector immutability. */
export function validateReplicaSetUpdate(rs: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(rs, old);
  errs.push(...validateReplicaSetSpec(specOf(rs)));
  errs.push(
    ...validateImmutableField(
      specOf(rs).selector,
      specOf(old).selector,
      'spec.selector',
      go.ptr(goLabelSelector),
    ),
  );
  return errs;
}

/** ValidateReplicaSetStatusUpdate. */
export function validateReplicaSetStatusUpdate(rs: Obj, old: Obj): FieldError[] {
  return validateReplicatedStatus(rs, old, [
    'replicas',
    'fullyLabeledReplicas',
    'readyReplicas',
    'availableReplicas',
    'observedGeneration',
  ]);
}

/** ValidateControllerRevision. */
export function validateControllerRevision(cr: Obj): FieldError[] {
  const errs = validateObjectMeta(cr, true, nameIsDNSSubdomain);
  if (cr.data === undefined || cr.data === null)
    errs.push(fieldErrors.required('data', 'data is mandatory'));
  errs.push(...validateNonnegativeField(numAt(cr, 'revision') ?? 0, 'revision'));
  return errs;
}

/** ValidateControllerRevisionUpdate: data may not change. */
export function validateControllerRevisionUpdate(cr: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(cr, old);
  errs.push(...validateControllerRevision(cr));
  // @simplified: the RawExtension dump (its raw JSON as []uint8) is abbreviated to `{…}`.
  errs.push(
    ...validateImmutableField(cr.data, old.data, 'data', go.opaque('runtime.RawExtension')),
  );
  return errs;
}
