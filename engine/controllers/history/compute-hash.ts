/**
 * controller.ComputeHash (k/k pkg/controller/controller_utils.go): the template hash behind
 * DaemonSet `controller-revision-hash` and Deployment `pod-template-hash`. Upstream feeds FNV-1a
 * with hashutil.DeepHashObject — go-spew's `%#v` dump of the typed v1.PodTemplateSpec — then the
 * collisionCount as 8 little-endian bytes, and safe-encodes the decimal sum.
 */
import { Fnv32, safeEncodeString } from './hash';
import { spewPodTemplateSpec } from './spew';

/** ComputeHash(template, collisionCount). */
export function computeHash(template: unknown, collisionCount?: number | null): string {
  const h = new Fnv32('1a').writeString(spewPodTemplateSpec(template));
  if (collisionCount !== undefined && collisionCount !== null)
    h.writeCollisionCount(collisionCount);
  return safeEncodeString(String(h.sum32()));
}
