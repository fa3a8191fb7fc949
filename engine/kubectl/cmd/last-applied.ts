/**
 * The `kubectl.kubernetes.io/last-applied-configuration` annotation of client-side apply
 * (kubectl pkg/util/apply.go#GetModifiedConfiguration, #CreateApplyAnnotation): the object is
 * encoded without the annotation (an emptied annotation map stays as `{}`), and that JSON, with
 * the encoder's trailing newline, becomes the annotation.
 */
import type { KubeObject } from '../../api/object';
import { cloneJson } from '../../api/patch';
import { marshalJson } from '../printers';

/** The annotation key. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The object without the annotation, encoded as the annotation stores it. */
export function lastAppliedText(obj: KubeObject, sortKeys = true): string {
  const copy = cloneJson(obj) as KubeObject;
  const annotations = { ...(copy.metadata?.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata = { ...copy.metadata, annotations };
  // A typed object's empty map is omitted (omitempty); an unstructured one keeps `{}`.
  if (!sortKeys && Object.keys(annotations).length === 0) delete copy.metadata.annotations;
  return marshalJson(copy, { indent: '', sortKeys }) + '\n';
}

/**
 * A copy of `obj` carrying the annotation (GetModifiedConfiguration with annotate=true).
 * `typed` objects (generators) encode in Go field order, unstructured ones with sorted keys.
 */
export function lastAppliedAnnotated(obj: KubeObject, sortKeys = true): KubeObject {
  const text = lastAppliedText(obj, sortKeys);
  const copy = cloneJson(obj) as KubeObject;
  copy.metadata = {
    ...copy.metadata,
    annotations: { ...(copy.metadata?.annotations ?? {}), [LAST_APPLIED]: text },
  };
  return copy;
}

/** The last applied configuration stored on a live object, parsed; undefined when absent. */
export function lastAppliedOf(obj: KubeObject): Record<string, unknown> | undefined {
  const text = obj.metadata?.annotations?.[LAST_APPLIED];
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
