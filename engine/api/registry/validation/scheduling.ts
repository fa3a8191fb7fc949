/**
 * Scheduling fields of a pod spec (k/k pkg/apis/core/validation/validation.go#ValidateTolerations,
 * #validateAffinity, #ValidateNodeSelector, #validateTopologySpreadConstraints) and node taints
 * (#validateNodeTaints).
 */
import type { FieldError } from '../../field-error';
import { goTaint } from '../go-types';
import { isObj, numAt, objAt, objsAt, strAt, strsAt, type Obj } from '../json';
import {
  duplicateStr,
  fieldErrors,
  invalidGo,
  invalidNum,
  invalidStr,
  notSupportedStr,
  path,
} from './field';
import { validateLabelName, validateLabelSelector, nameIsDNSSubdomain } from './object-meta';
import { isDNS1123Label, isValidLabelValue } from './names';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** validateTaintEffect. */
function validateTaintEffect(effect: string, allowEmpty: boolean, field: string): FieldError[] {
  if (!allowEmpty && effect === '') return [fieldErrors.required(field)];
  return TAINT_EFFECTS.includes(effect) ? [] : [notSupportedStr(field, effect, TAINT_EFFECTS)];
}

/** ValidateTolerations. */
export function validateTolerations(tolerations: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [t, i] of objsAt({ tolerations }, 'tolerations')) {
    const p = path.index(field, i);
    const key = strAt(t, 'key') ?? '';
    const operator = strAt(t, 'operator') ?? '';
    const value = strAt(t, 'value') ?? '';
    const effect = strAt(t, 'effect') ?? '';
    if (key !== '') errs.push(...validateLabelName(key, path.child(p, 'key')));
    if (key === '' && operator !== 'Exists') {
      errs.push(
        invalidStr(
          path.child(p, 'operator'),
          operator,
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    }
    if (
      t.tolerationSeconds !== undefined &&
      t.tolerationSeconds !== null &&
      effect !== 'NoExecute'
    ) {
      errs.push(
        invalidStr(
          path.child(p, 'effect'),
          effect,
          "effect must be 'NoExecute' when `tolerationSeconds` is set",
        ),
      );
    }
    if (operator === 'Equal' || operator === '') {
      const msgs = isValidLabelValue(value);
      if (msgs.length > 0) errs.push(invalidStr(path.child(p, 'operator'), value, msgs.join(';')));
    } else if (operator === 'Exists') {
      if (value !== '') {
        errs.push(
          invalidStr(
            path.child(p, 'operator'),
            value,
            "value must be empty when `operator` is 'Exists'",
          ),
        );
      }
    } else {
      errs.push(notSupportedStr(path.child(p, 'operator'), operator, ['Equal', 'Exists']));
    }
    if (effect !== '') errs.push(...validateTaintEffect(effect, true, path.child(p, 'effect')));
  }
  return errs;
}

/** validateNodeTaints: valid key, value and effect, unique by key and effect. */
export function validateNodeTaints(taints: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Map<string, Set<string>>();
  for (const [t, i] of objsAt({ taints }, 'taints')) {
    const p = path.index(field, i);
    const key = strAt(t, 'key') ?? '';
    const value = strAt(t, 'value') ?? '';
    const effect = strAt(t, 'effect') ?? '';
    errs.push(...validateLabelName(key, path.child(p, 'key')));
    const msgs = isValidLabelValue(value);
    if (msgs.length > 0) errs.push(invalidStr(path.child(p, 'value'), value, msgs.join(';')));
    errs.push(...validateTaintEffect(effect, false, path.child(p, 'effect')));
    const keys = seen.get(effect) ?? new Set<string>();
    if (keys.has(key)) {
      const dup = invalidGo(p, goTaint, t, 'taints must be unique by key and effect pair');
      errs.push({ ...dup, type: 'FieldValueDuplicate' });
      continue;
    }
    keys.add(key);
    seen.set(effect, keys);
  }
  return errs;
}

/** ValidateNodeSelectorRequirement. */
function validateNodeSelectorRequirement(rq: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const op = strAt(rq, 'operator') ?? '';
  const values = strsAt(rq, 'values') ?? [];
  const vp = path.child(field, 'values');
  switch (op) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) {
        errs.push(fieldErrors.required(vp, "must be specified when `operator` is 'In' or 'NotIn'"));
      }
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        errs.push(
          fieldErrors.forbidden(
            vp,
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        );
      }
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) {
        errs.push(
          fieldErrors.required(
            vp,
            "must be specified single value when `operator` is 'Lt' or 'Gt'",
          ),
        );
      }
      break;
    default:
      errs.push(invalidStr(path.child(field, 'operator'), op, 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(strAt(rq, 'key') ?? '', path.child(field, 'key')));
  return errs;
}

/** ValidateNodeFieldSelectorRequirement: only `metadata.name` with In/NotIn of one value. */
function validateNodeFieldSelectorRequirement(rq: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const op = strAt(rq, 'operator') ?? '';
  const values = strsAt(rq, 'values') ?? [];
  if (op === 'In' || op === 'NotIn') {
    if (values.length !== 1) {
      errs.push(
        fieldErrors.required(
          path.child(field, 'values'),
          "must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
        ),
      );
    }
  } else {
    errs.push(invalidStr(path.child(field, 'operator'), op, 'not a valid selector operator'));
  }
  const key = strAt(rq, 'key') ?? '';
  if (key !== 'metadata.name') {
    errs.push(invalidStr(path.child(field, 'key'), key, 'not a valid field selector key'));
  } else {
    values.forEach((v, i) => {
      for (const m of nameIsDNSSubdomain(v, false)) {
        errs.push(invalidStr(path.index(path.child(field, 'values'), i), v, m));
      }
    });
  }
  return errs;
}

function validateNodeSelectorTerm(term: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [rq, j] of objsAt(term, 'matchExpressions')) {
    errs.push(
      ...validateNodeSelectorRequirement(rq, path.index(path.child(field, 'matchExpressions'), j)),
    );
  }
  for (const [rq, j] of objsAt(term, 'matchFields')) {
    errs.push(
      ...validateNodeFieldSelectorRequirement(rq, path.index(path.child(field, 'matchFields'), j)),
    );
  }
  return errs;
}

function validatePodAffinityTerm(term: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateLabelSelector(term.labelSelector, path.child(field, 'labelSelector')));
  errs.push(
    ...validateLabelSelector(term.namespaceSelector, path.child(field, 'namespaceSelector')),
  );
  for (const ns of strsAt(term, 'namespaces') ?? []) {
    for (const m of isDNS1123Label(ns))
      errs.push(invalidStr(path.child(field, 'namespace'), ns, m));
  }
  const topologyKey = strAt(term, 'topologyKey') ?? '';
  if (topologyKey === '')
    errs.push(fieldErrors.required(path.child(field, 'topologyKey'), 'can not be empty'));
  errs.push(...validateLabelName(topologyKey, path.child(field, 'topologyKey')));
  return errs;
}

function validatePodAffinityKind(affinity: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const required = 'requiredDuringSchedulingIgnoredDuringExecution';
  const preferred = 'preferredDuringSchedulingIgnoredDuringExecution';
  for (const [term, i] of objsAt(affinity, required)) {
    errs.push(...validatePodAffinityTerm(term, path.index(path.child(field, required), i)));
  }
  for (const [weighted, i] of objsAt(affinity, preferred)) {
    const p = path.index(path.child(field, preferred), i);
    const weight = numAt(weighted, 'weight') ?? 0;
    if (weight <= 0 || weight > 100) {
      errs.push(invalidNum(path.child(p, 'weight'), weight, 'must be in the range 1-100'));
    }
    const term = objAt(weighted, 'podAffinityTerm') ?? {};
    errs.push(...validatePodAffinityTerm(term, path.child(p, 'podAffinityTerm')));
  }
  return errs;
}

/** validateAffinity. */
export function validateAffinity(affinity: unknown, field: string): FieldError[] {
  if (!isObj(affinity)) return [];
  const errs: FieldError[] = [];
  const na = objAt(affinity, 'nodeAffinity');
  if (na) {
    const naPath = path.child(field, 'nodeAffinity');
    const required = objAt(na, 'requiredDuringSchedulingIgnoredDuringExecution');
    if (required) {
      const termsPath = path.child(
        naPath,
        'requiredDuringSchedulingIgnoredDuringExecution',
        'nodeSelectorTerms',
      );
      const terms = objsAt(required, 'nodeSelectorTerms');
      if (terms.length === 0) {
        errs.push(fieldErrors.required(termsPath, 'must have at least one node selector term'));
      }
      for (const [term, i] of terms)
        errs.push(...validateNodeSelectorTerm(term, path.index(termsPath, i)));
    }
    const prefPath = path.child(naPath, 'preferredDuringSchedulingIgnoredDuringExecution');
    for (const [pref, i] of objsAt(na, 'preferredDuringSchedulingIgnoredDuringExecution')) {
      const p = path.index(prefPath, i);
      const weight = numAt(pref, 'weight') ?? 0;
      if (weight <= 0 || weight > 100) {
        errs.push(invalidNum(path.child(p, 'weight'), weight, 'must be in the range 1-100'));
      }
      errs.push(
        ...validateNodeSelectorTerm(objAt(pref, 'preference') ?? {}, path.child(p, 'preference')),
      );
    }
  }
  for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
    const a = objAt(affinity, kind);
    if (a) errs.push(...validatePodAffinityKind(a, path.child(field, kind)));
  }
  return errs;
}

/** validateTopologySpreadConstraints. */
export function validateTopologySpreadConstraints(
  constraints: unknown,
  field: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const list = objsAt({ constraints }, 'constraints');
  list.forEach(([c, i], n) => {
    const p = path.index(field, i);
    const maxSkew = numAt(c, 'maxSkew') ?? 0;
    if (maxSkew <= 0)
      errs.push(invalidNum(path.child(p, 'maxSkew'), maxSkew, 'must be greater than zero'));
    const topologyKey = strAt(c, 'topologyKey') ?? '';
    if (topologyKey === '')
      errs.push(fieldErrors.required(path.child(p, 'topologyKey'), 'can not be empty'));
    const when = strAt(c, 'whenUnsatisfiable') ?? '';
    if (when !== 'DoNotSchedule' && when !== 'ScheduleAnyway') {
      errs.push(
        notSupportedStr(path.child(p, 'whenUnsatisfiable'), when, [
          'DoNotSchedule',
          'ScheduleAnyway',
        ]),
      );
    }
    const repeated = list
      .slice(n + 1)
      .some(
        ([o]) =>
          strAt(o, 'topologyKey') === topologyKey && (strAt(o, 'whenUnsatisfiable') ?? '') === when,
      );
    if (repeated) {
      errs.push(
        duplicateStr(
          path.child(p, '{topologyKey, whenUnsatisfiable}'),
          `{${topologyKey}, ${when}}`,
        ),
      );
    }
    errs.push(...validateLabelSelector(c.labelSelector, path.child(p, 'labelSelector')));
  });
  return errs;
}
