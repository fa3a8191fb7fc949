/** kubectl describe node (kubectl pkg/describe/describe.go#describeNode, #describeNodeResource). */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/object';
import { translateTimestampSince } from '../../format/duration';
import { compareStrings } from '../../format/labels';
import {
  formatQuantity,
  milliValue,
  parseQuantity,
  quantityValue,
  zeroQuantity,
  type Quantity,
} from '../../format/quantity';
import { findNodeRoles } from '../tables/node';
import {
  describeEvents,
  goBool,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTaintsMultiline,
  rfc1123z,
  sortByNamespaceAndName,
  type DescribeContext,
} from './helpers';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer';
import { podRequestsAndLimits, type QuantityList } from './resources';

interface Lease {
  spec?: { holderIdentity?: string; acquireTime?: string; renewTime?: string };
}

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

/** The non-terminated pods bound to a node, as describe lists them. */
export function nodeNonTerminatedPods(node: KubeObject, ctx: DescribeContext): KubeObject[] {
  const pods = ctx.list('Pod').filter((p) => {
    const pod = p as unknown as Pod;
    const phase = pod.status?.phase;
    return pod.spec?.nodeName === node.metadata.name && phase !== 'Succeeded' && phase !== 'Failed';
  });
  return sortByNamespaceAndName(pods);
}

function quantityOf(list: Record<string, unknown> | undefined, name: string): Quantity {
  const q = list && list[name] !== undefined ? parseQuantity(String(list[name])) : undefined;
  return q ?? zeroQuantity();
}

/**
 * int64(float64(a)/float64(b)*100) as Go computes it; a zero allocatable gives NaN/Inf, which
 * Go on amd64 converts to the minimum int64.
 */
function percent(a: number, b: number): string {
  const f = (a / b) * 100;
  if (!Number.isFinite(f)) return '-9223372036854775808';
  return String(Math.trunc(f));
}

function describeNodeResource(
  pods: readonly KubeObject[],
  node: Node,
  w: PrefixWriter,
  now: number,
): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(
    LEVEL_1,
    'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n',
  );
  w.write(
    LEVEL_1,
    '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n',
  );
  const capacity = (node.status?.capacity ?? {}) as Record<string, unknown>;
  const alloc = (node.status?.allocatable ?? {}) as Record<string, unknown>;
  const allocatable = Object.keys(alloc).length > 0 ? alloc : capacity;
  const allocCpu = milliValue(quantityOf(allocatable, 'cpu'));
  const allocMem = quantityValue(quantityOf(allocatable, 'memory'));
  const totalReq: QuantityList = new Map();
  const totalLim: QuantityList = new Map();
  const zero = zeroQuantity();
  for (const obj of pods) {
    const pod = obj as unknown as Pod;
    const { requests, limits } = podRequestsAndLimits(pod);
    for (const [name, q] of requests) {
      const cur = totalReq.get(name);
      totalReq.set(name, cur ? { nanos: cur.nanos + q.nanos, format: cur.format } : q);
    }
    for (const [name, q] of limits) {
      const cur = totalLim.get(name);
      totalLim.set(name, cur ? { nanos: cur.nanos + q.nanos, format: cur.format } : q);
    }
    const cpuReq = requests.get('cpu') ?? zero;
    const cpuLim = limits.get('cpu') ?? zero;
    const memReq = requests.get('memory') ?? zero;
    const memLim = limits.get('memory') ?? zero;
    w.write(
      LEVEL_1,
      `${obj.metadata.namespace ?? ''}\t${obj.metadata.name}\t\t` +
        `${formatQuantity(cpuReq)} (${percent(milliValue(cpuReq), allocCpu)}%)\t` +
        `${formatQuantity(cpuLim)} (${percent(milliValue(cpuLim), allocCpu)}%)\t` +
        `${formatQuantity(memReq)} (${percent(quantityValue(memReq), allocMem)}%)\t` +
        `${formatQuantity(memLim)} (${percent(quantityValue(memLim), allocMem)}%)\t` +
        `${translateTimestampSince(obj.metadata.creationTimestamp, now)}\n`,
    );
  }
  w.write(
    LEVEL_0,
    'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n',
  );
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const row = (name: string, useMilli: boolean) => {
    const req = totalReq.get(name) ?? zero;
    const lim = totalLim.get(name) ?? zero;
    const a = useMilli
      ? milliValue(quantityOf(allocatable, name))
      : quantityValue(quantityOf(allocatable, name));
    const value = (q: Quantity) => (useMilli ? milliValue(q) : quantityValue(q));
    const fr = a !== 0 ? percent(value(req), a) : 0;
    const fl = a !== 0 ? percent(value(lim), a) : 0;
    w.write(LEVEL_1, `${name}\t${formatQuantity(req)} (${fr}%)\t${formatQuantity(lim)} (${fl}%)\n`);
  };
  row('cpu', true);
  row('memory', false);
  row('ephemeral-storage', false);
  const names = Object.keys(allocatable).sort(compareStrings);
  for (const name of names.filter((n) => n.startsWith('hugepages-'))) row(name, false);
  for (const name of names) {
    if (name.startsWith('hugepages-') || name === 'pods' || STANDARD_CONTAINER_RESOURCES.has(name))
      continue;
    if (!name.includes('/') && !name.startsWith('requests.')) continue;
    const req = totalReq.get(name) ?? zero;
    const lim = totalLim.get(name) ?? zero;
    w.write(LEVEL_1, `${name}\t${formatQuantity(req)}\t${formatQuantity(lim)}\n`);
  }
}

/** The describe text of a node. */
export function describeNode(
  obj: KubeObject,
  ctx: DescribeContext,
  events: readonly KubeObject[] | undefined,
  now: number,
): string {
  const node = obj as unknown as Node;
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  const info = status.nodeInfo;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    const roles = findNodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${goBool(spec.unschedulable)}\n`);
    const lease = ctx
      .list('Lease')
      .find(
        (l) => l.metadata.name === obj.metadata.name && l.metadata.namespace === 'kube-node-lease',
      ) as (KubeObject & Lease) | undefined;
    if (lease) {
      w.write(LEVEL_0, 'Lease:\n');
      w.write(LEVEL_1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
      w.write(
        LEVEL_1,
        `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`,
      );
      w.write(
        LEVEL_1,
        `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`,
      );
    } else {
      w.write(
        LEVEL_0,
        `Lease:\tFailed to get lease: leases.coordination.k8s.io "${obj.metadata.name}" not found\n`,
      );
    }
    const conditions = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(
        LEVEL_0,
        'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n',
      );
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        );
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    const printResourceList = (list: Record<string, unknown>) => {
      for (const name of Object.keys(list).sort(compareStrings)) {
        const q = parseQuantity(String(list[name]));
        w.write(LEVEL_0, `  ${name}:\t${q ? formatQuantity(q) : String(list[name])}\n`);
      }
    };
    const capacity = (status.capacity ?? {}) as Record<string, unknown>;
    const allocatable = (status.allocatable ?? {}) as Record<string, unknown>;
    if (Object.keys(capacity).length > 0) {
      w.write(LEVEL_0, 'Capacity:\n');
      printResourceList(capacity);
    }
    if (Object.keys(allocatable).length > 0) {
      w.write(LEVEL_0, 'Allocatable:\n');
      printResourceList(allocatable);
    }
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
    if (info?.kubeProxyVersion)
      w.write(LEVEL_0, `  Kube-Proxy Version:\t${info.kubeProxyVersion}\n`);
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
    if (spec.podCIDRs && spec.podCIDRs.length > 0)
      w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
    describeNodeResource(nodeNonTerminatedPods(obj, ctx), node, w, now);
    if (events) describeEvents(events, w, now);
  });
}
