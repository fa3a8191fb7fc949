/**
 * Container resource requirements (k/k pkg/apis/core/validation/validation.go
 * #validateResourceRequirements, #validateContainerResourceName, #ValidateResourceQuantityValue)
 * and the resource-name helpers of pkg/apis/core/helper.
 */
import type { FieldError } from '../../field-error';
import { go } from '../go-value';
import { isObj, type Obj } from '../json';
import {
  compareQuantity,
  formatQuantity,
  milliValue,
  quantityFromJson,
  type Quantity,
} from '../quantity';
import { fieldErrors, invalidGo, invalidStr, path, q as q_, IS_NEGATIVE_ERROR_MSG } from './field';
import { isQualifiedName } from './names';

const STANDARD_RESOURCES = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'requests.storage',
]);
const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const INTEGER_RESOURCES = new Set([
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
]);

/** IsHugePageResourceName. */
export const isHugePageResourceName = (name: string): boolean => name.startsWith('hugepages-');

/** IsNativeResource: unprefixed or in the kubernetes.io domain. */
export const isNativeResource = (name: string): boolean =>
  !name.includes('/') || name.includes('kubernetes.io/');

/** IsExtendedResourceName: a fully qualified, non-native name such as `nvidia.com/gpu`. */
export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false;
  return isQualifiedName(`requests.${name}`).length === 0;
}

/** IsOvercommitAllowed: native resources except huge pages. */
export const isOvercommitAllowed = (name: string): boolean =>
  isNativeResource(name) && !isHugePageResourceName(name);

function isStandardResourceName(name: string): boolean {
  return STANDARD_RESOURCES.has(name) || isHugePageResourceName(name);
}

/** validateContainerResourceName. */
function validateContainerResourceName(name: string, field: string): FieldError[] {
  const errs = isQualifiedName(name).map((msg) => invalidStr(field, name, msg));
  if (errs.length > 0) return errs;
  const unqualified = !name.includes('/');
  if (unqualified && !isStandardResourceName(name)) {
    errs.push(invalidStr(field, name, 'must be a standard resource type or fully qualified'));
  }
  if (unqualified) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePageResourceName(name)) {
      errs.push(invalidStr(field, name, 'must be a standard resource for containers'));
    }
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errs.push(invalidStr(field, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

/**
 * A quantity of a resource list, or its parse error.
 * @simplified: upstream rejects an unparseable quantity while decoding the request (400
 * BadRequest); here it becomes an Invalid field error with the same parser message.
 */
export function quantityOrError(
  v: unknown,
  field: string,
  errs: FieldError[],
): Quantity | undefined {
  const q = quantityFromJson(v);
  if (typeof q === 'string') {
    errs.push(fieldErrors.invalid(field, typeof v === 'string' ? q_(v) : String(v), q));
    return undefined;
  }
  return q;
}

/** ValidateResourceQuantityValue: non-negative, and whole for integer resources. */
export function validateResourceQuantityValue(
  name: string,
  q: Quantity,
  field: string,
): FieldError[] {
  const errs: FieldError[] = [];
  if (q.mantissa < 0n) errs.push(invalidStr(field, formatQuantity(q), IS_NEGATIVE_ERROR_MSG));
  if (INTEGER_RESOURCES.has(name) || isExtendedResourceName(name)) {
    if (milliValue(q) % 1000n !== 0n) {
      // The bad value is a resource.Quantity struct, which is not a fmt.Stringer by value.
      errs.push(invalidGo(field, go.quantity(), formatQuantity(q), 'must be an integer'));
    }
  }
  return errs;
}

/**
 * validateResourceRequirements for a container. @simplified: Go visits the maps in random
 * order; names are visited sorted. Huge-page divisibility is not checked.
 */
export function validateContainerResourceRequirements(
  resources: unknown,
  field: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const r: Obj = isObj(resources) ? resources : {};
  const limits = isObj(r.limits) ? r.limits : {};
  const requests = isObj(r.requests) ? r.requests : {};
  const limPath = path.child(field, 'limits');
  const reqPath = path.child(field, 'requests');
  let limCpuMem = false;
  let reqCpuMem = false;
  let limHuge = false;
  let reqHuge = false;
  const limitQuantities = new Map<string, Quantity>();
  for (const name of Object.keys(limits).sort()) {
    const p = path.key(limPath, name);
    errs.push(...validateContainerResourceName(name, p));
    const q = quantityOrError(limits[name], p, errs);
    if (!q) continue;
    limitQuantities.set(name, q);
    errs.push(...validateResourceQuantityValue(name, q, p));
    if (isHugePageResourceName(name)) limHuge = true;
    if (name === 'cpu' || name === 'memory') limCpuMem = true;
  }
  for (const name of Object.keys(requests).sort()) {
    const p = path.key(reqPath, name);
    errs.push(...validateContainerResourceName(name, p));
    const q = quantityOrError(requests[name], p, errs);
    if (!q) continue;
    errs.push(...validateResourceQuantityValue(name, q, p));
    const limit = limitQuantities.get(name);
    if (limit) {
      const cmp = compareQuantity(q, limit);
      if (cmp !== 0 && !isOvercommitAllowed(name)) {
        errs.push(
          invalidStr(
            reqPath,
            formatQuantity(q),
            `must be equal to ${name} limit of ${formatQuantity(limit)}`,
          ),
        );
      } else if (cmp > 0) {
        errs.push(
          invalidStr(
            reqPath,
            formatQuantity(q),
            `must be less than or equal to ${name} limit of ${formatQuantity(limit)}`,
          ),
        );
      }
    } else if (!isOvercommitAllowed(name) && !(name in limits)) {
      errs.push(
        fieldErrors.required(limPath, 'Limit must be set for non overcommitable resources'),
      );
    }
    if (isHugePageResourceName(name)) reqHuge = true;
    if (name === 'cpu' || name === 'memory') reqCpuMem = true;
  }
  if (!limCpuMem && !reqCpuMem && (reqHuge || limHuge)) {
    errs.push(fieldErrors.forbidden(field, 'HugePages require cpu or memory'));
  }
  return errs;
}
