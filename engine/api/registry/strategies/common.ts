/**
 * Pieces most strategies share: metadata access, the generation rule (bump on spec changes) and
 * status handling on create and update.
 */
import type { KubeObject } from '../../object';
import { ensureObj, semanticEqual, type Obj } from '../json';

/** The object's metadata as a plain JSON object (created when missing). */
export function metaOf(obj: KubeObject): Obj {
  return ensureObj(obj as Obj, 'metadata');
}

/** The current generation (0 when unset). */
export function generationOf(obj: KubeObject): number {
  const g = metaOf(obj).generation;
  return typeof g === 'number' ? g : 0;
}

/**
 * Upstream's update rule for kinds with a generation: start from the old generation (clients
 * cannot set it) and add one when `changed`.
 */
export function bumpGeneration(obj: KubeObject, old: KubeObject, changed: boolean): void {
  metaOf(obj).generation = generationOf(old) + (changed ? 1 : 0);
}

/** True when the spec differs semantically. */
export function specChanged(obj: KubeObject, old: KubeObject): boolean {
  return !semanticEqual(obj.spec, old.spec);
}

/**
 * Keeps the old status on a main-resource update (status is written through /status only).
 * The value is shared, not copied: stored objects are treated as immutable.
 */
export function keepOldStatus(obj: KubeObject, old: KubeObject): void {
  if (old.status === undefined) delete obj.status;
  else obj.status = old.status;
}

/** Keeps the old spec on a status update. */
export function keepOldSpec(obj: KubeObject, old: KubeObject): void {
  if (old.spec === undefined) delete obj.spec;
  else obj.spec = old.spec;
}

/** A JSON object view of a KubeObject. */
export const asObj = (obj: KubeObject): Obj => obj as Obj;
