/**
 * Validation of the cluster-scoped core kinds (k/k pkg/apis/core/validation/validation.go
 * #ValidateNamespace, #ValidateNamespaceUpdate, #ValidateNode, #ValidateNodeUpdate).
 */
import type { FieldError } from '../../field-error';
import { isObj, objAt, strAt, strsAt, type Obj } from '../json';
import { fieldErrors, invalidStr, path } from './field';
import {
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  validateKubeFinalizerName,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './object-meta';
import { quantityOrError, validateResourceQuantityValue } from './resources';
import { validateNodeTaints } from './scheduling';
import { isQualifiedName } from './names';

/** ValidateNamespace. */
export function validateNamespace(ns: Obj): FieldError[] {
  const errs = validateObjectMeta(ns, false, nameIsDNSLabel);
  for (const f of strsAt(objAt(ns, 'spec'), 'finalizers') ?? []) {
    // Upstream reports spec finalizers at the list path without an index.
    for (const msg of isQualifiedName(f)) {
      errs.push(invalidStr('spec.finalizers', f, msg));
    }
    errs.push(...validateKubeFinalizerName(f, 'spec.finalizers'));
  }
  return errs;
}

/** ValidateNamespaceUpdate. */
export function validateNamespaceUpdate(ns: Obj, old: Obj): FieldError[] {
  return validateObjectMetaUpdate(ns, old);
}

/** ValidateNamespaceStatusUpdate: the phase follows the deletion timestamp. */
export function validateNamespaceStatusUpdate(ns: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(ns, old);
  const deleting = objAt(ns, 'metadata')?.deletionTimestamp;
  const phase = strAt(objAt(ns, 'status'), 'phase') ?? '';
  if (deleting === undefined || deleting === null) {
    if (phase !== 'Active') {
      errs.push(
        invalidStr('status.Phase', phase, "may only be 'Active' if `deletionTimestamp` is empty"),
      );
    }
  } else if (phase !== 'Terminating') {
    errs.push(
      invalidStr(
        'status.Phase',
        phase,
        "may only be 'Terminating' if `deletionTimestamp` is not empty",
      ),
    );
  }
  return errs;
}

function validateNodeResources(node: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const status = objAt(node, 'status') ?? {};
  for (const kind of ['capacity', 'allocatable'] as const) {
    const list = objAt(status, kind) ?? {};
    for (const name of Object.keys(list).sort()) {
      const p = path.child('status', kind, name);
      const q = quantityOrError(list[name], p, errs);
      if (q) errs.push(...validateResourceQuantityValue(name, q, p));
    }
  }
  return errs;
}

/** ValidateNode. Taints are reported under `metadata.taints`, as upstream does. */
export function validateNode(node: Obj): FieldError[] {
  const errs = validateObjectMeta(node, false, nameIsDNSSubdomain);
  const spec = isObj(node.spec) ? node.spec : {};
  if (Array.isArray(spec.taints) && spec.taints.length > 0) {
    errs.push(...validateNodeTaints(spec.taints, 'metadata.taints'));
  }
  errs.push(...validateNodeResources(node));
  return errs;
}

/** ValidateNodeUpdate. */
export function validateNodeUpdate(node: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(node, old);
  errs.push(...validateNodeResources(node));
  const spec = objAt(node, 'spec') ?? {};
  const oldSpec = objAt(old, 'spec') ?? {};
  const oldCidrs = strsAt(oldSpec, 'podCIDRs') ?? [];
  const cidrs = strsAt(spec, 'podCIDRs') ?? [];
  if (
    oldCidrs.length > 0 &&
    (oldCidrs.length !== cidrs.length || oldCidrs.some((c, i) => c !== cidrs[i]))
  ) {
    errs.push(
      fieldErrors.forbidden(
        'spec.podCIDRs',
        'node updates may not change podCIDR except from "" to valid',
      ),
    );
  }
  const oldProvider = strAt(oldSpec, 'providerID') ?? '';
  if (oldProvider !== '' && oldProvider !== (strAt(spec, 'providerID') ?? '')) {
    errs.push(
      fieldErrors.forbidden(
        'spec.providerID',
        'node updates may not change providerID except from "" to valid',
      ),
    );
  }
  if (Array.isArray(spec.taints) && spec.taints.length > 0) {
    errs.push(...validateNodeTaints(spec.taints, 'metadata.taints'));
  }
  return errs;
}
