/**
 * Pod QoS class (k/k pkg/apis/core/helper/qos/qos.go#ComputePodQOS): Guaranteed when every
 * container limits cpu and memory and requests equal limits, BestEffort when nothing is requested
 * or limited, Burstable otherwise. Ephemeral containers do not count.
 */
import { isObj, objsAt, type Obj } from './json';
import { addQuantity, compareQuantity, quantityFromJson, type Quantity } from './quantity';

/** The three QoS classes. */
export type PodQOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const QOS_RESOURCES = new Set(['cpu', 'memory']);

function positiveQuantities(list: unknown): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  if (!isObj(list)) return out;
  for (const [name, v] of Object.entries(list)) {
    if (!QOS_RESOURCES.has(name)) continue;
    const q = quantityFromJson(v);
    if (typeof q !== 'string' && q.mantissa > 0n) out.set(name, q);
  }
  return out;
}

function accumulate(into: Map<string, Quantity>, from: Map<string, Quantity>): void {
  for (const [name, q] of from) {
    const prev = into.get(name);
    into.set(name, prev ? addQuantity(q, prev) : q);
  }
}

/** ComputePodQOS for a pod spec. */
export function computePodQOS(spec: Obj): PodQOSClass {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const containers = [...objsAt(spec, 'containers'), ...objsAt(spec, 'initContainers')];
  for (const [c] of containers) {
    const resources = isObj(c.resources) ? c.resources : {};
    accumulate(requests, positiveQuantities(resources.requests));
    const containerLimits = positiveQuantities(resources.limits);
    accumulate(limits, containerLimits);
    if (!containerLimits.has('cpu') || !containerLimits.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || compareQuantity(lim, req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
