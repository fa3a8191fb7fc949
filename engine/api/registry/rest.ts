/**
 * The generic steps around a strategy, after k8s.io/apiserver/pkg/registry/rest/create.go
 * (BeforeCreate) and update.go (BeforeUpdate, validateCommonFields). The API server calls:
 *
 *   create: applyDefaults → admit → (uid, creationTimestamp, generateName) → beforeCreate
 *   update: applyDefaults → admit(old) → beforeUpdate
 *   status: beforeStatusUpdate
 *
 * and turns a non-empty error list into `invalid(group, kind, name, errors)`.
 */
import type { FieldError } from '../field-error';
import type { KubeObject } from '../object';
import { isObj, jsonEqual, type Obj } from './json';
import type { Strategy, StrategyContext } from './strategy';
import {
  validateObjectMetaAccessor,
  validateObjectMetaAccessorUpdate,
  validatePathSegmentName,
} from './validation/object-meta';

function meta(obj: KubeObject): Obj {
  const o = obj as Obj;
  if (!isObj(o.metadata)) o.metadata = {};
  return o.metadata as Obj;
}

/** Metadata equal apart from the resourceVersion (which every write changes). */
function sameMetadata(a: Obj, b: Obj): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if (k === 'resourceVersion') continue;
    if (!jsonEqual(a[k], b[k])) return false;
  }
  return true;
}

/**
 * BeforeCreate: PrepareForCreate, the strategy's Validate, then (only when that passed) the
 * generic metadata checks with path-segment name rules.
 */
export function beforeCreate(
  strategy: Strategy,
  obj: KubeObject,
  ctx: StrategyContext,
): FieldError[] {
  const m = meta(obj);
  delete m.deletionTimestamp;
  delete m.deletionGracePeriodSeconds;
  strategy.prepareForCreate(obj, ctx);
  const errs = strategy.validate(obj, ctx);
  if (errs.length > 0) return errs;
  return validateObjectMetaAccessor(m, strategy.namespaced, validatePathSegmentName);
}

/**
 * The fields an update can never change (BeforeUpdate): the generation (before
 * PrepareForUpdate), an omitted uid, the creation and deletion timestamps, the grace period.
 */
function restoreSystemFields(obj: KubeObject, old: KubeObject, prepare: () => void): void {
  const m = meta(obj);
  const o = meta(old);
  if (o.generation === undefined) delete m.generation;
  else m.generation = o.generation;
  prepare();
  if (typeof m.uid !== 'string' || m.uid === '') m.uid = o.uid;
  if (o.creationTimestamp !== undefined && o.creationTimestamp !== null)
    m.creationTimestamp = o.creationTimestamp;
  if (o.deletionTimestamp !== undefined && o.deletionTimestamp !== null)
    m.deletionTimestamp = o.deletionTimestamp;
  if (o.deletionGracePeriodSeconds !== undefined && m.deletionGracePeriodSeconds === undefined) {
    m.deletionGracePeriodSeconds = o.deletionGracePeriodSeconds;
  }
}

/**
 * validateCommonFields then the strategy's ValidateUpdate. Upstream does not de-duplicate here,
 * so metadata errors can appear twice among the causes (kubectl drops repeated causes when it
 * prints them; field.ErrorList.ToAggregate drops them from the message).
 */
function validateUpdateWith(
  strategy: Strategy,
  obj: KubeObject,
  old: KubeObject,
  specific: FieldError[],
): FieldError[] {
  // Validation is a pure function of the data: metadata identical to the stored (already
  // validated) version cannot produce errors, so the common status write skips the work.
  if (sameMetadata(meta(obj), meta(old))) return specific;
  return [
    ...validateObjectMetaAccessor(meta(obj), strategy.namespaced, validatePathSegmentName),
    ...validateObjectMetaAccessorUpdate(meta(obj), meta(old)),
    ...specific,
  ];
}

/** BeforeUpdate for the main resource. `obj` must carry the resourceVersion it updates. */
export function beforeUpdate(
  strategy: Strategy,
  obj: KubeObject,
  old: KubeObject,
  ctx: StrategyContext,
): FieldError[] {
  restoreSystemFields(obj, old, () => strategy.prepareForUpdate(obj, old, ctx));
  return validateUpdateWith(strategy, obj, old, strategy.validateUpdate(obj, old, ctx));
}

/** BeforeUpdate for the status subresource. */
export function beforeStatusUpdate(
  strategy: Strategy,
  obj: KubeObject,
  old: KubeObject,
): FieldError[] {
  restoreSystemFields(obj, old, () => strategy.prepareForStatusUpdate(obj, old));
  const specific = strategy.validateStatusUpdate?.(obj, old) ?? [];
  return validateUpdateWith(strategy, obj, old, specific);
}
