/**
 * The text controller.ComputeHash hashes: go-spew's `%#v` dump of a typed v1.PodTemplateSpec.
 * @simplified: the dump is stood in for by Go's JSON encoding of the typed template (same
 * information, deterministic, identical templates ⇒ identical hashes), so hash values have the
 * upstream form but are not the numbers a real cluster prints.
 */
import type { JsonValue } from '../../api/object';
import { goJsonMarshal } from './go-json';
import { typedTemplateJson } from './revision';

/** The bytes hashed for a pod template. */
export function spewPodTemplateSpec(template: unknown): string {
  return goJsonMarshal(typedTemplateJson(template) as JsonValue);
}
