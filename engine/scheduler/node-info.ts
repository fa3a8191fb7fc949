/**
 * The scheduler's cache (pkg/scheduler/framework/types.go NodeInfo): per node, the pods bound to
 * it that still hold resources, their summed requests, host ports and pod count, kept up to date
 * from watch events so a scheduling decision never re-sums every pod.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { bytes, milliCpu } from '../api/quantity';

/** Requests in scheduler units. */
export interface Resources {
  /** millicores */
  cpu: number;
  /** bytes */
  memory: number;
}

/** Defaults the scheduler assumes for scoring when a container requests nothing (schedutil). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** One node and what is scheduled on it. */
export interface NodeInfo {
  node: Node;
  pods: Map<string, Pod>;
  requested: Resources;
  /** Requests with the scoring defaults for containers that request nothing. */
  nonZeroRequested: Resources;
  podCount: number;
  hostPorts: Set<string>;
  allocatable: Resources & { pods: number };
  /** Pods per controller owner uid (for topology spreading). */
  ownerCounts: Map<string, number>;
}

/** A pod's effective requests: max(sum of containers, largest init container) (+ overhead). */
export function podRequests(pod: Pod, nonZero = false): Resources {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec?.containers ?? []) {
    const r = c.resources?.requests ?? {};
    let cCpu = milliCpu(r.cpu);
    let cMem = bytes(r.memory);
    if (nonZero) {
      if (r.cpu === undefined) cCpu = DEFAULT_MILLI_CPU_REQUEST;
      if (r.memory === undefined) cMem = DEFAULT_MEMORY_REQUEST;
    }
    cpu += cCpu;
    memory += cMem;
  }
  for (const c of pod.spec?.initContainers ?? []) {
    const r = c.resources?.requests ?? {};
    cpu = Math.max(cpu, milliCpu(r.cpu));
    memory = Math.max(memory, bytes(r.memory));
  }
  return { cpu, memory };
}

/** The uid of a pod's controller owner, if any. */
export function controllerUid(pod: Pod): string | undefined {
  const refs = pod.metadata?.ownerReferences;
  if (!refs) return undefined;
  for (const r of refs) if (r.controller) return r.uid;
  return undefined;
}

function podKey(pod: Pod): string {
  return `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
}

function holdsResources(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return !!pod.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}

/** The cache over all nodes. */
export class SchedulerCache {
  readonly nodes = new Map<string, NodeInfo>();
  /** Which node each cached pod is counted on. */
  private podNode = new Map<string, string>();
  private affinityPods = new Set<string>();

  /** Adds or refreshes a node. */
  setNode(node: Node): void {
    const name = node.metadata!.name!;
    const alloc = node.status?.allocatable ?? {};
    const existing = this.nodes.get(name);
    const info: NodeInfo = existing ?? {
      node,
      pods: new Map(),
      requested: { cpu: 0, memory: 0 },
      nonZeroRequested: { cpu: 0, memory: 0 },
      podCount: 0,
      hostPorts: new Set(),
      allocatable: { cpu: 0, memory: 0, pods: 0 },
      ownerCounts: new Map(),
    };
    info.node = node;
    info.allocatable = {
      cpu: milliCpu(alloc.cpu),
      memory: bytes(alloc.memory),
      pods: Number(alloc.pods ?? 110),
    };
    this.nodes.set(name, info);
  }

  /** Removes a node (its pods stay counted nowhere). */
  removeNode(name: string): void {
    this.nodes.delete(name);
  }

  /** Applies a pod's latest state (undefined = deleted). */
  updatePod(key: string, pod: Pod | undefined): void {
    const before = this.podNode.get(key);
    if (before !== undefined) this.removePod(key, before);
    if (pod && holdsResources(pod)) this.addPod(key, pod);
    const affinity = pod?.spec?.affinity;
    if (pod && (affinity?.podAntiAffinity || affinity?.podAffinity) && pod.spec?.nodeName)
      this.affinityPods.add(key);
    else this.affinityPods.delete(key);
  }

  /** Whether any scheduled pod has pod (anti-)affinity terms (then every node needs the check). */
  get hasAffinityPods(): boolean {
    return this.affinityPods.size > 0;
  }

  private addPod(key: string, pod: Pod): void {
    const info = this.nodes.get(pod.spec!.nodeName!);
    if (!info) return;
    info.pods.set(key, pod);
    const r = podRequests(pod);
    const nz = podRequests(pod, true);
    info.requested.cpu += r.cpu;
    info.requested.memory += r.memory;
    info.nonZeroRequested.cpu += nz.cpu;
    info.nonZeroRequested.memory += nz.memory;
    info.podCount++;
    for (const c of pod.spec?.containers ?? [])
      for (const p of c.ports ?? [])
        if (p.hostPort) info.hostPorts.add(`${p.protocol ?? 'TCP'}/${p.hostPort}`);
    this.podNode.set(key, info.node.metadata!.name!);
  }

  private removePod(key: string, nodeName: string): void {
    this.podNode.delete(key);
    const info = this.nodes.get(nodeName);
    const pod = info?.pods.get(key);
    if (!info || !pod) return;
    info.pods.delete(key);
    const r = podRequests(pod);
    const nz = podRequests(pod, true);
    info.requested.cpu -= r.cpu;
    info.requested.memory -= r.memory;
    info.nonZeroRequested.cpu -= nz.cpu;
    info.nonZeroRequested.memory -= nz.memory;
    info.podCount--;
    for (const c of pod.spec?.containers ?? [])
      for (const p of c.ports ?? [])
        if (p.hostPort) info.hostPorts.delete(`${p.protocol ?? 'TCP'}/${p.hostPort}`);
  }

  /** The cache key of a pod. */
  static key(pod: Pod): string {
    return podKey(pod);
  }
}
