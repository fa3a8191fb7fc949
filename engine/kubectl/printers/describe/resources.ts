/**
 * Pod resource arithmetic used by describe (k8s.io/component-helpers resource.PodRequestsAndLimits
 * and the QoS class of k/k pkg/apis/core/v1/helper/qos).
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { addQuantities, parseQuantity, type Quantity } from '../../format/quantity';

/** A resource list with exact quantities. */
export type QuantityList = Map<string, Quantity>;

function toList(map: Record<string, unknown> | undefined): QuantityList {
  const out: QuantityList = new Map();
  for (const [name, value] of Object.entries(map ?? {})) {
    const q = parseQuantity(String(value));
    if (q) out.set(name, q);
  }
  return out;
}

function addInto(target: QuantityList, list: QuantityList): void {
  for (const [name, q] of list) {
    const current = target.get(name);
    target.set(name, current ? addQuantities(current, q) : q);
  }
}

function maxInto(target: QuantityList, list: QuantityList): void {
  for (const [name, q] of list) {
    const current = target.get(name);
    if (!current || q.nanos > current.nanos) target.set(name, q);
  }
}

const isSidecar = (c: Container) => c.restartPolicy === 'Always';

function podResources(
  pod: Pod,
  pick: (c: Container) => Record<string, unknown> | undefined,
): QuantityList {
  const total: QuantityList = new Map();
  for (const c of pod.spec?.containers ?? []) addInto(total, toList(pick(c)));
  // Init containers run one at a time: the pod needs the largest of them, counting the
  // sidecars started before each one.
  const sidecars: QuantityList = new Map();
  const initMax: QuantityList = new Map();
  for (const c of pod.spec?.initContainers ?? []) {
    const own = toList(pick(c));
    if (isSidecar(c)) {
      addInto(total, own);
      addInto(sidecars, own);
    } else {
      const withSidecars: QuantityList = new Map(sidecars);
      addInto(withSidecars, own);
      maxInto(initMax, withSidecars);
    }
  }
  maxInto(total, initMax);
  addInto(total, toList(pod.spec?.overhead as Record<string, unknown> | undefined));
  return total;
}

/** resource.PodRequestsAndLimits. */
export function podRequestsAndLimits(pod: Pod): { requests: QuantityList; limits: QuantityList } {
  return {
    requests: podResources(
      pod,
      (c) => c.resources?.requests as Record<string, unknown> | undefined,
    ),
    limits: podResources(pod, (c) => c.resources?.limits as Record<string, unknown> | undefined),
  };
}

/** qos.GetPodQOS: Guaranteed, Burstable or BestEffort from cpu/memory requests and limits. */
export function podQOSClass(pod: Pod): string {
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  let anySet = false;
  let guaranteed = true;
  const requests: QuantityList = new Map();
  const limits: QuantityList = new Map();
  for (const c of containers) {
    const req = toList(c.resources?.requests as Record<string, unknown> | undefined);
    const lim = toList(c.resources?.limits as Record<string, unknown> | undefined);
    for (const name of ['cpu', 'memory']) {
      const r = req.get(name);
      const l = lim.get(name);
      if (r && r.nanos !== 0n) {
        anySet = true;
        addInto(requests, new Map([[name, r]]));
      }
      if (l && l.nanos !== 0n) {
        anySet = true;
        addInto(limits, new Map([[name, l]]));
      }
    }
    if (!lim.get('cpu') || !lim.get('memory')) guaranteed = false;
  }
  if (!anySet) return 'BestEffort';
  if (guaranteed) {
    for (const name of ['cpu', 'memory']) {
      if (requests.get(name)?.nanos !== limits.get(name)?.nanos) guaranteed = false;
    }
  }
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
