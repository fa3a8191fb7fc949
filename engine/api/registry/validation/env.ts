/**
 * Container environment (k/k pkg/apis/core/validation/validation.go#ValidateEnv, #ValidateEnvFrom,
 * #validateEnvVarValueFrom, #validateObjectFieldSelector, #validateContainerResourceFieldSelector)
 * and the downward API field labels of pkg/api/pod#ConvertDownwardAPIFieldLabel.
 */
import type { FieldError } from '../../field-error';
import { objAt, objsAt, strAt, type Obj } from '../json';
import { formatQuantity, quantityFromJson } from '../quantity';
import { fieldErrors, invalidStr, notSupportedStr, path } from './field';
import { nameIsDNSSubdomain } from './object-meta';
import { isConfigMapKey, isQualifiedName, isRelaxedEnvVarName } from './names';

const ENV_DOWNWARD_API_PATHS = new Set([
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
]);

const RESOURCE_FIELD_PATHS = new Set([
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
]);
const HUGE_PAGE_PREFIXES = ['limits.hugepages-', 'requests.hugepages-'];

const CONVERTIBLE_LABELS = new Set([
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
]);

/** fieldpath.SplitMaybeSubscriptedPath: `metadata.labels['app']` → path and subscript. */
function splitSubscript(fieldPath: string): [string, string] | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const s = fieldPath.slice(0, -2);
  const at = s.indexOf("['");
  if (at <= 0) return undefined;
  return [s.slice(0, at), s.slice(at + 2)];
}

/** ConvertDownwardAPIFieldLabel: the internal field path, or the error text. */
function convertFieldLabel(apiVersion: string, label: string): { path: string } | string {
  if (apiVersion !== 'v1') return `unsupported pod version: ${apiVersion}`;
  const sub = splitSubscript(label);
  if (sub) {
    return sub[0] === 'metadata.annotations' || sub[0] === 'metadata.labels'
      ? { path: label }
      : `field label does not support subscript: ${label}`;
  }
  if (CONVERTIBLE_LABELS.has(label)) return { path: label };
  if (label === 'spec.host') return { path: 'spec.nodeName' };
  return `field label not supported: ${label}`;
}

/** validateObjectFieldSelector against the allowed `expressions`. */
export function validateObjectFieldSelector(
  fs: Obj,
  expressions: ReadonlySet<string>,
  field: string,
): FieldError[] {
  const apiVersion = strAt(fs, 'apiVersion') ?? '';
  const fieldPath = strAt(fs, 'fieldPath') ?? '';
  if (apiVersion === '') return [fieldErrors.required(path.child(field, 'apiVersion'))];
  if (fieldPath === '') return [fieldErrors.required(path.child(field, 'fieldPath'))];
  const converted = convertFieldLabel(apiVersion, fieldPath);
  if (typeof converted === 'string') {
    return [
      invalidStr(
        path.child(field, 'fieldPath'),
        fieldPath,
        `error converting fieldPath: ${converted}`,
      ),
    ];
  }
  const sub = splitSubscript(converted.path);
  if (sub) {
    const [p, subscript] = sub;
    if (p === 'metadata.annotations') {
      return isQualifiedName(subscript.toLowerCase()).map((m) =>
        invalidStr(field, subscript.toLowerCase(), m),
      );
    }
    if (p === 'metadata.labels') {
      return isQualifiedName(subscript).map((m) => invalidStr(field, subscript, m));
    }
    return [invalidStr(field, p, 'does not support subscript')];
  }
  if (!expressions.has(converted.path)) {
    return [
      notSupportedStr(path.child(field, 'fieldPath'), converted.path, [...expressions].sort()),
    ];
  }
  return [];
}

const CPU_DIVISORS = new Set(['1m', '1']);
const BYTE_DIVISORS = new Set([
  '1',
  '1k',
  '1M',
  '1G',
  '1T',
  '1P',
  '1E',
  '1Ki',
  '1Mi',
  '1Gi',
  '1Ti',
  '1Pi',
  '1Ei',
]);
const BYTE_DIVISOR_TEXT = '1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei';

function validateDivisor(resource: string, divisor: unknown, field: string): FieldError[] {
  if (divisor === undefined || divisor === null) return [];
  const q = quantityFromJson(divisor);
  if (typeof q === 'string' || q.mantissa === 0n) return [];
  const d = formatQuantity(q);
  const p = path.child(field, 'divisor');
  if (resource === 'limits.cpu' || resource === 'requests.cpu') {
    if (!CPU_DIVISORS.has(d)) {
      return [
        invalidStr(
          p,
          resource,
          "only divisor's values 1m and 1 are supported with the cpu resource",
        ),
      ];
    }
  } else if (resource === 'limits.memory' || resource === 'requests.memory') {
    if (!BYTE_DIVISORS.has(d)) {
      return [
        invalidStr(
          p,
          resource,
          `only divisor's values ${BYTE_DIVISOR_TEXT} are supported with the memory resource`,
        ),
      ];
    }
  } else if (resource.endsWith('.ephemeral-storage')) {
    if (!BYTE_DIVISORS.has(d)) {
      return [
        invalidStr(
          p,
          resource,
          `only divisor's values ${BYTE_DIVISOR_TEXT} are supported with the local ephemeral storage resource`,
        ),
      ];
    }
  }
  return [];
}

/** validateContainerResourceFieldSelector (`volume` requires a container name). */
export function validateResourceFieldSelector(
  fs: Obj,
  field: string,
  volume: boolean,
): FieldError[] {
  const errs: FieldError[] = [];
  const resource = strAt(fs, 'resource') ?? '';
  if (volume && (strAt(fs, 'containerName') ?? '') === '') {
    errs.push(fieldErrors.required(path.child(field, 'containerName')));
  } else if (resource === '') {
    errs.push(fieldErrors.required(path.child(field, 'resource')));
  } else if (!RESOURCE_FIELD_PATHS.has(resource)) {
    if (!HUGE_PAGE_PREFIXES.some((prefix) => resource.startsWith(prefix))) {
      errs.push(
        notSupportedStr(path.child(field, 'resource'), resource, [...RESOURCE_FIELD_PATHS].sort()),
      );
    }
  }
  errs.push(...validateDivisor(resource, fs.divisor, field));
  return errs;
}

function validateKeySelector(s: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = strAt(s, 'name') ?? '';
  for (const msg of nameIsDNSSubdomain(name, false)) {
    errs.push(invalidStr(path.child(field, 'name'), name, msg));
  }
  const key = strAt(s, 'key') ?? '';
  if (key === '') errs.push(fieldErrors.required(path.child(field, 'key')));
  else
    for (const msg of isConfigMapKey(key))
      errs.push(invalidStr(path.child(field, 'key'), key, msg));
  return errs;
}

function validateValueFrom(ev: Obj, field: string): FieldError[] {
  const from = objAt(ev, 'valueFrom');
  if (!from) return [];
  const errs: FieldError[] = [];
  let n = 0;
  const fieldRef = objAt(from, 'fieldRef');
  if (fieldRef) {
    n++;
    errs.push(
      ...validateObjectFieldSelector(
        fieldRef,
        ENV_DOWNWARD_API_PATHS,
        path.child(field, 'fieldRef'),
      ),
    );
  }
  const resourceFieldRef = objAt(from, 'resourceFieldRef');
  if (resourceFieldRef) {
    n++;
    errs.push(
      ...validateResourceFieldSelector(
        resourceFieldRef,
        path.child(field, 'resourceFieldRef'),
        false,
      ),
    );
  }
  for (const kind of ['configMapKeyRef', 'secretKeyRef'] as const) {
    const ref = objAt(from, kind);
    if (ref) {
      n++;
      errs.push(...validateKeySelector(ref, path.child(field, kind)));
    }
  }
  if (n === 0) {
    errs.push(
      invalidStr(
        field,
        '',
        'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      ),
    );
  } else if ((strAt(ev, 'value') ?? '') !== '') {
    errs.push(invalidStr(field, '', 'may not be specified when `value` is not empty'));
  } else if (n > 1) {
    errs.push(invalidStr(field, '', 'may not have more than one field specified at a time'));
  }
  return errs;
}

/** ValidateEnv (with the relaxed names of RelaxedEnvironmentVariableValidation). */
export function validateEnv(env: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [ev, i] of objsAt({ env }, 'env')) {
    const p = path.index(field, i);
    const name = strAt(ev, 'name') ?? '';
    if (name === '') errs.push(fieldErrors.required(path.child(p, 'name')));
    else
      for (const msg of isRelaxedEnvVarName(name))
        errs.push(invalidStr(path.child(p, 'name'), name, msg));
    errs.push(...validateValueFrom(ev, path.child(p, 'valueFrom')));
  }
  return errs;
}

/** ValidateEnvFrom. */
export function validateEnvFrom(envFrom: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [ev, i] of objsAt({ envFrom }, 'envFrom')) {
    const p = path.index(field, i);
    const prefix = strAt(ev, 'prefix') ?? '';
    if (prefix !== '') {
      for (const msg of isRelaxedEnvVarName(prefix))
        errs.push(invalidStr(path.child(p, 'prefix'), prefix, msg));
    }
    let n = 0;
    for (const kind of ['configMapRef', 'secretRef'] as const) {
      const ref = objAt(ev, kind);
      if (!ref) continue;
      n++;
      const name = strAt(ref, 'name') ?? '';
      const namePath = path.child(p, kind, 'name');
      if (name === '') errs.push(fieldErrors.required(namePath));
      else
        for (const msg of nameIsDNSSubdomain(name, true))
          errs.push(invalidStr(namePath, name, msg));
    }
    if (n === 0) {
      errs.push(invalidStr(field, '', 'must specify one of: `configMapRef` or `secretRef`'));
    } else if (n > 1) {
      errs.push(invalidStr(field, '', 'may not have more than one field specified at a time'));
    }
  }
  return errs;
}
