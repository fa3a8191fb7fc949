/**
 * The default scheduler (pkg/scheduler): one pod at a time from the active queue, filter plugins
 * on a rotating sample of nodes (numFeasibleNodesToFind), score the feasible ones, bind the best
 * (ties broken at random, as selectHost's reservoir sampling). Unschedulable pods get a
 * `FailedScheduling` event and a PodScheduled=False condition, and are retried when the cluster
 * changes or after podMaxInUnschedulablePodsDuration (5 min).
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { ApiServer, WatchEvent } from '../api/apiserver';
import type { EventRecorder } from '../api/events';
import type { KubeObject } from '../api/object';
import type { Rng } from '../random';
import { formatRFC3339, MINUTE, SECOND, type Instant } from '../time/instant';
import type { NarrationLog } from '../narration';
import { describeObject } from '../narration';
import { filterNode, pinnedNodeNames, preparePod, type FilterFailure } from './predicates';
import { SchedulerCache, controllerUid, podRequests, type NodeInfo } from './node-info';

/** Scheduler component name (event source). */
export const SCHEDULER_NAME = 'default-scheduler';
const MAX_UNSCHEDULABLE = 5 * MINUTE;
const INITIAL_BACKOFF = SECOND;
const MAX_BACKOFF = 10 * SECOND;

/** What the scheduler needs from the simulation. */
export interface SchedulerDeps {
  server: ApiServer;
  recorder: EventRecorder;
  narration: NarrationLog;
  rng: Rng;
  now(): Instant;
  after(delay: number, label: string, run: () => void): object;
  cancel(timer: object): void;
}

/** The simulated kube-scheduler. */
export class Scheduler {
  readonly cache = new SchedulerCache();
  private queued = new Map<string, object>();
  private attempts = new Map<string, number>();
  private unschedulable = new Set<string>();
  private flushTimer?: object;
  private nextStartNodeIndex = 0;

  constructor(private readonly deps: SchedulerDeps) {
    deps.server.watch('Pod', (e) => this.onPod(e));
    deps.server.watch('Node', (e) => this.onNode(e));
  }

  private onNode(event: WatchEvent): void {
    const node = event.object as Node;
    if (event.type === 'DELETED') this.cache.removeNode(node.metadata!.name!);
    else this.cache.setNode(node);
    if (event.type !== 'MODIFIED') this.allNodes = undefined;
    // Node changes may make waiting pods schedulable.
    this.retryUnschedulable();
  }

  private onPod(event: WatchEvent): void {
    const pod = event.object as Pod;
    const key = SchedulerCache.key(pod);
    this.cache.updatePod(key, event.type === 'DELETED' ? undefined : pod);
    if (event.type === 'DELETED') {
      this.forget(key);
      this.retryUnschedulable();
      return;
    }
    const phase = pod.status?.phase;
    if (
      event.old &&
      (phase === 'Succeeded' || phase === 'Failed') &&
      (event.old as Pod).status?.phase !== phase
    ) {
      this.retryUnschedulable();
    }
    if (
      !pod.spec?.nodeName &&
      (pod.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME &&
      !pod.metadata?.deletionTimestamp
    ) {
      if (!this.unschedulable.has(key)) this.enqueue(key, 0);
    }
  }

  private forget(key: string): void {
    const timer = this.queued.get(key);
    if (timer) this.deps.cancel(timer);
    this.queued.delete(key);
    this.attempts.delete(key);
    this.unschedulable.delete(key);
  }

  private enqueue(key: string, delay: number): void {
    if (this.queued.has(key)) return;
    const timer = this.deps.after(delay, `schedule ${key}`, () => {
      this.queued.delete(key);
      this.scheduleOne(key);
    });
    this.queued.set(key, timer);
  }

  /** Moves every unschedulable pod back to the active queue (after its backoff). */
  private retryUnschedulable(): void {
    if (this.unschedulable.size === 0) return;
    for (const key of [...this.unschedulable]) {
      this.unschedulable.delete(key);
      const n = this.attempts.get(key) ?? 1;
      this.enqueue(key, Math.min(MAX_BACKOFF, INITIAL_BACKOFF * 2 ** (n - 1)));
    }
  }

  private scheduleOne(key: string): void {
    const [ns, name] = key.split('/');
    const pod = this.deps.server.get('Pod', ns, name) as Pod | undefined;
    if (!pod || pod.spec?.nodeName || pod.metadata?.deletionTimestamp) return;
    const nodes = this.cache.nodes;
    const prepared = preparePod(pod);
    const candidates = this.candidateNodes(pod);
    const feasible: NodeInfo[] = [];
    const failures = new Map<string, FilterFailure>();
    const want = numFeasibleNodesToFind(nodes.size);
    const total = candidates.length;
    let processed = 0;
    for (let i = 0; i < total && feasible.length < want; i++) {
      const info = candidates[(this.nextStartNodeIndex + i) % total];
      processed++;
      const failure = filterNode(prepared, info, nodes, this.cache.hasAffinityPods);
      if (failure) failures.set(info.node.metadata!.name!, failure);
      else feasible.push(info);
    }
    if (candidates === this.allNodes)
      this.nextStartNodeIndex = (this.nextStartNodeIndex + processed) % Math.max(1, total);
    if (feasible.length === 0) {
      this.fail(pod, key, failures, nodes.size);
      return;
    }
    const chosen = feasible.length === 1 ? feasible[0] : this.pickBest(pod, feasible);
    const nodeName = chosen.node.metadata!.name!;
    const bound = this.deps.server.bind(ns, name, nodeName);
    if (!bound.ok) return;
    this.attempts.delete(key);
    this.deps.recorder.record(
      { component: SCHEDULER_NAME },
      {
        object: bound.value,
        type: 'Normal',
        reason: 'Scheduled',
        message: `Successfully assigned ${ns}/${name} to ${nodeName}`,
      },
    );
  }

  private allNodes?: NodeInfo[];

  private candidateNodes(pod: Pod): NodeInfo[] {
    const pinned = pod.spec?.nodeName ? [pod.spec.nodeName] : pinnedNodeNames(pod);
    if (pinned)
      return pinned
        .map((n) => this.cache.nodes.get(n))
        .filter((x): x is NodeInfo => x !== undefined);
    this.allNodes ??= [...this.cache.nodes.values()];
    return this.allNodes;
  }

  /** Scores feasible nodes and picks the best, ties at random (selectHost). */
  private pickBest(pod: Pod, feasible: NodeInfo[]): NodeInfo {
    const req = podRequests(pod, true);
    const owner = controllerUid(pod);
    // PodTopologySpread's default constraint (hostname, maxSkew 3), weight 2: fewer siblings is better.
    // @simplified: siblings are pods with the same controller owner, not Service selectors.
    let maxSpread = 0;
    if (owner)
      for (const info of feasible)
        maxSpread = Math.max(maxSpread, info.ownerCounts.get(owner) ?? 0);
    let best = feasible[0];
    let bestScore = -Infinity;
    let ties = 0;
    for (let i = 0; i < feasible.length; i++) {
      const info = feasible[i];
      const cpuCap = info.allocatable.cpu || 1;
      const memCap = info.allocatable.memory || 1;
      const cpuFrac = Math.min(1, (info.nonZeroRequested.cpu + req.cpu) / cpuCap);
      const memFrac = Math.min(1, (info.nonZeroRequested.memory + req.memory) / memCap);
      // NodeResourcesFit LeastAllocated and NodeResourcesBalancedAllocation, integer scores 0–100.
      const least = Math.floor(((1 - cpuFrac) * 100 + (1 - memFrac) * 100) / 2);
      const balanced = Math.floor((1 - Math.abs(cpuFrac - memFrac)) * 100);
      const count = owner ? (info.ownerCounts.get(owner) ?? 0) : 0;
      const spreadScore =
        maxSpread === 0 ? 100 : Math.floor(((maxSpread - count) * 100) / maxSpread);
      const score = least + balanced + 2 * spreadScore;
      if (score > bestScore) {
        bestScore = score;
        best = info;
        ties = 1;
      } else if (score === bestScore) {
        ties++;
        if (this.deps.rng.int(ties) === 0) best = info;
      }
    }
    return best;
  }

  private fail(
    pod: Pod,
    key: string,
    failures: Map<string, FilterFailure>,
    totalNodes: number,
  ): void {
    const message = fitErrorMessage(failures, totalNodes);
    const attempts = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempts);
    this.unschedulable.add(key);
    const obj = pod as unknown as KubeObject;
    this.deps.recorder.record(
      { component: SCHEDULER_NAME },
      { object: obj, type: 'Warning', reason: 'FailedScheduling', message },
    );
    this.deps.narration.add({
      at: this.deps.now(),
      source: SCHEDULER_NAME,
      object: describeObject('Pod', pod.metadata?.namespace, pod.metadata!.name!),
      message: `Pod stays Pending: ${message}`,
      field: 'spec',
    });
    const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    const previous = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    conditions.push({
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null as unknown as string,
      lastTransitionTime:
        previous?.status === 'False' ? previous.lastTransitionTime : formatRFC3339(this.deps.now()),
      reason: 'Unschedulable',
      message,
    });
    this.deps.server.updateStatus({
      ...obj,
      status: { ...(pod.status ?? {}), phase: pod.status?.phase ?? 'Pending', conditions },
    });
    if (!this.flushTimer) {
      this.flushTimer = this.deps.after(MAX_UNSCHEDULABLE, 'scheduler flush', () => {
        this.flushTimer = undefined;
        this.retryUnschedulable();
      });
    }
  }
}

/** numFeasibleNodesToFind with the default adaptive percentageOfNodesToScore. */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < 100) return numAllNodes;
  let pct = 50 - Math.floor(numAllNodes / 125);
  if (pct < 5) pct = 5;
  const n = Math.floor((numAllNodes * pct) / 100);
  return n < 100 ? 100 : n;
}

/**
 * The FitError text: `0/4 nodes are available: 1 node(s) had untolerated taint {…}, 3 node(s)
 * didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption
 * is not helpful for scheduling.` (reasons as "count reason", sorted as strings).
 */
export function fitErrorMessage(failures: Map<string, FilterFailure>, totalNodes: number): string {
  const histogram = new Map<string, number>();
  let unresolvable = 0;
  for (const f of failures.values()) {
    histogram.set(f.reason, (histogram.get(f.reason) ?? 0) + 1);
    if (f.unresolvable) unresolvable++;
  }
  const reasons = [...histogram].map(([reason, n]) => `${n} ${reason}`).sort();
  let text = `0/${totalNodes} nodes are available`;
  if (reasons.length) text += `: ${reasons.join(', ')}`;
  text += '.';
  const preemption: string[] = [];
  if (unresolvable > 0) preemption.push(`${unresolvable} Preemption is not helpful for scheduling`);
  const resolvable = failures.size - unresolvable;
  if (resolvable > 0) preemption.push(`${resolvable} No preemption victims found for incoming pod`);
  if (preemption.length)
    text += ` preemption: 0/${totalNodes} nodes are available: ${preemption.sort().join(', ')}.`;
  return text;
}
