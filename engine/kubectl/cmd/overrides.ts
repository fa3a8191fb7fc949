/**
 * `--overrides` of run and expose (kubectl pkg/cmd/util/override_options.go): inline JSON applied
 * over the generated object as a JSON merge patch (default), a strategic merge patch, or a JSON
 * patch.
 */
import type { KubeObject } from '../../api/object';
import { jsonPatch, mergePatch, strategicMergePatch } from '../../api/patch';

/** Applies `overrides` to `obj`; the error is worded as kubectl reports it. */
export function applyOverrides(
  obj: KubeObject,
  overrides: string,
  type: string,
): { object: KubeObject } | { error: string } {
  let patch: unknown;
  try {
    patch = JSON.parse(overrides);
  } catch (e) {
    // @simplified: the JSON error text is JavaScript's, not Go's.
    return { error: `unable to parse "${overrides}": ${(e as Error).message}` };
  }
  const target = JSON.parse(JSON.stringify(obj)) as never;
  let result: unknown;
  switch (type) {
    case 'merge':
      result = mergePatch(target, patch as never);
      break;
    case 'strategic':
      result = strategicMergePatch(target, patch as never);
      break;
    case 'json':
      result = jsonPatch(target, patch as never);
      break;
    default:
      return { error: `invalid override type: ${type}` };
  }
  const failed = result as { error?: unknown };
  if (
    failed &&
    typeof failed === 'object' &&
    typeof failed.error === 'string' &&
    Object.keys(failed).length === 1
  )
    return { error: failed.error };
  return { object: result as KubeObject };
}
