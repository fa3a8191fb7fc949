/**
 * The default scheduler's filter plugins, in the 1.32 default order, each returning the reason
 * text the FitError message shows (pkg/scheduler/framework/plugins/*): NodeUnschedulable,
 * NodeName, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit, InterPodAffinity.
 */
import type {
  Node,
  Pod,
  Taint,
  Toleration,
  NodeSelectorTerm,
  PodAffinityTerm,
} from 'kubernetes-types/core/v1';
import { matchesLabelSelector } from '../api/labels';
import type { NodeInfo } from './node-info';
import { podRequests } from './node-info';

/** A filter failure: the reason text and whether preemption could ever help. */
export interface FilterFailure {
  reason: string;
  unresolvable: boolean;
}

/** Whether a toleration tolerates a taint (v1helper.TolerationsTolerateTaint). */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (!t.key) return t.operator === 'Exists';
  if (t.key !== taint.key) return false;
  if ((t.operator ?? 'Equal') === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

/** The first taint with one of `effects` that no toleration tolerates. */
export function untoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
  effects: readonly string[],
): Taint | undefined {
  for (const taint of taints ?? []) {
    if (!effects.includes(taint.effect)) continue;
    if (!(tolerations ?? []).some((t) => tolerates(t, taint))) return taint;
  }
  return undefined;
}

/** Whether a node satisfies one NodeSelectorTerm (matchExpressions on labels, matchFields on name). */
function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  for (const e of term.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const v = labels[e.key];
    switch (e.operator) {
      case 'In':
        if (!has || !(e.values ?? []).includes(v)) return false;
        break;
      case 'NotIn':
        if (has && (e.values ?? []).includes(v)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      case 'Gt':
      case 'Lt': {
        const n = Number(v);
        const bound = Number((e.values ?? [])[0]);
        if (!has || !Number.isInteger(n) || !(e.operator === 'Gt' ? n > bound : n < bound))
          return false;
        break;
      }
      default:
        return false;
    }
  }
  for (const f of term.matchFields ?? []) {
    if (f.key !== 'metadata.name') return false;
    const name = node.metadata?.name ?? '';
    const inValues = (f.values ?? []).includes(name);
    if (f.operator === 'In' ? !inValues : f.operator === 'NotIn' ? inValues : true) return false;
  }
  return (term.matchExpressions?.length ?? 0) + (term.matchFields?.length ?? 0) > 0;
}

/** nodeSelector plus required node affinity (nodeaffinity.GetRequiredNodeAffinity(pod).Match). */
export function matchesNodeAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec?.nodeSelector ?? {}))
    if (labels[k] !== v) return false;
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required) return required.nodeSelectorTerms.some((t) => termMatches(t, node));
  return true;
}

/** The node names a pod is pinned to by `matchFields metadata.name In [...]` (NodeAffinity PreFilter). */
export function pinnedNodeNames(pod: Pod): string[] | undefined {
  const terms =
    pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
      ?.nodeSelectorTerms;
  if (!terms || terms.length === 0) return undefined;
  const names = new Set<string>();
  for (const term of terms) {
    const field = term.matchFields?.find((f) => f.key === 'metadata.name' && f.operator === 'In');
    if (!field) return undefined;
    for (const v of field.values ?? []) names.add(v);
  }
  return [...names];
}

function formatTaint(t: Taint): string {
  return `{${t.key}: ${t.value ?? ''}}`;
}

/** Inter-pod (anti-)affinity check of `pod` against the pods already in each topology domain. */
function podAffinityFailure(
  pod: Pod,
  node: Node,
  nodes: ReadonlyMap<string, NodeInfo>,
): FilterFailure | undefined {
  const ns = pod.metadata?.namespace ?? 'default';
  const domainValue = (n: Node, key: string) => n.metadata?.labels?.[key];
  const podsInDomain = (key: string) => {
    const value = domainValue(node, key);
    if (value === undefined) return [];
    const out: Pod[] = [];
    for (const info of nodes.values())
      if (domainValue(info.node, key) === value) out.push(...info.pods.values());
    return out;
  };
  const matchesTerm = (term: PodAffinityTerm, candidate: Pod, termNs: string) => {
    const namespaces = term.namespaces?.length ? term.namespaces : [termNs];
    return (
      namespaces.includes(candidate.metadata?.namespace ?? 'default') &&
      matchesLabelSelector(term.labelSelector ?? {}, candidate.metadata?.labels)
    );
  };
  // InterPodAffinity.Filter order: the pod's affinity, its anti-affinity, then existing pods'
  // anti-affinity terms against the incoming pod (symmetry).
  for (const term of pod.spec?.affinity?.podAffinity
    ?.requiredDuringSchedulingIgnoredDuringExecution ?? []) {
    const found = podsInDomain(term.topologyKey).some((p) => matchesTerm(term, p, ns));
    if (!found) {
      // A pod matching its own affinity term may go first anywhere, if no pod matches anywhere.
      const anyMatch = [...nodes.values()].some((info) =>
        [...info.pods.values()].some((p) => matchesTerm(term, p, ns)),
      );
      const selfMatch = matchesTerm(term, pod, ns);
      if (anyMatch || !selfMatch)
        return { reason: "node(s) didn't match pod affinity rules", unresolvable: true };
    }
  }
  for (const term of pod.spec?.affinity?.podAntiAffinity
    ?.requiredDuringSchedulingIgnoredDuringExecution ?? []) {
    if (podsInDomain(term.topologyKey).some((p) => matchesTerm(term, p, ns))) {
      return { reason: "node(s) didn't match pod anti-affinity rules", unresolvable: false };
    }
  }
  for (const info of nodes.values()) {
    for (const existing of info.pods.values()) {
      for (const term of existing.spec?.affinity?.podAntiAffinity
        ?.requiredDuringSchedulingIgnoredDuringExecution ?? []) {
        const v = domainValue(info.node, term.topologyKey);
        if (
          v !== undefined &&
          v === domainValue(node, term.topologyKey) &&
          matchesTerm(term, pod, existing.metadata?.namespace ?? 'default')
        ) {
          return {
            reason: "node(s) didn't satisfy existing pods anti-affinity rules",
            unresolvable: false,
          };
        }
      }
    }
  }
  return undefined;
}

/** What filtering needs of a pod, computed once per scheduling attempt (the PreFilter state). */
export interface PreparedPod {
  pod: Pod;
  tolerations: readonly Toleration[];
  toleratesUnschedulable: boolean;
  nodeName?: string;
  hasNodeAffinity: boolean;
  hostPorts: string[];
  cpu: number;
  memory: number;
  hasPodAffinity: boolean;
}

/** Computes the per-pod state of the filters. */
export function preparePod(pod: Pod): PreparedPod {
  const tolerations = pod.spec?.tolerations ?? [];
  const hostPorts: string[] = [];
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    for (const p of c.ports ?? [])
      if (p.hostPort) hostPorts.push(`${p.protocol ?? 'TCP'}/${p.hostPort}`);
  }
  const req = podRequests(pod);
  return {
    pod,
    tolerations,
    toleratesUnschedulable: tolerations.some((t) =>
      tolerates(t, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }),
    ),
    nodeName: pod.spec?.nodeName,
    hasNodeAffinity:
      Object.keys(pod.spec?.nodeSelector ?? {}).length > 0 ||
      !!pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
    hostPorts,
    cpu: req.cpu,
    memory: req.memory,
    hasPodAffinity: !!(pod.spec?.affinity?.podAffinity || pod.spec?.affinity?.podAntiAffinity),
  };
}

/** Runs the filters on one node; the first failing plugin's reason, or undefined if the pod fits. */
export function filterNode(
  p: PreparedPod,
  info: NodeInfo,
  nodes: ReadonlyMap<string, NodeInfo>,
  clusterHasAffinityPods: boolean,
): FilterFailure | undefined {
  const node = info.node;
  const spec = node.spec;
  if (spec?.unschedulable && !p.toleratesUnschedulable) {
    return { reason: 'node(s) were unschedulable', unresolvable: true };
  }
  if (p.nodeName && p.nodeName !== node.metadata?.name) {
    return { reason: "node(s) didn't match the requested node name", unresolvable: true };
  }
  if (spec?.taints?.length) {
    const taint = untoleratedTaint(spec.taints, p.tolerations, ['NoSchedule', 'NoExecute']);
    if (taint)
      return { reason: `node(s) had untolerated taint ${formatTaint(taint)}`, unresolvable: true };
  }
  if (p.hasNodeAffinity && !matchesNodeAffinity(p.pod, node))
    return { reason: "node(s) didn't match Pod's node affinity/selector", unresolvable: true };
  for (const key of p.hostPorts) {
    if (info.hostPorts.has(key))
      return {
        reason: "node(s) didn't have free ports for the requested pod ports",
        unresolvable: false,
      };
  }
  if (info.podCount + 1 > info.allocatable.pods)
    return { reason: 'Too many pods', unresolvable: false };
  if (p.cpu > 0 && info.requested.cpu + p.cpu > info.allocatable.cpu)
    return { reason: 'Insufficient cpu', unresolvable: false };
  if (p.memory > 0 && info.requested.memory + p.memory > info.allocatable.memory)
    return { reason: 'Insufficient memory', unresolvable: false };
  if (clusterHasAffinityPods || p.hasPodAffinity) {
    const failure = podAffinityFailure(p.pod, node, nodes);
    if (failure) return failure;
  }
  return undefined;
}
