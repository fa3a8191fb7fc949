/**
 * The RollingUpdate strategy (k/k pkg/controller/daemon/update.go#rollingUpdate): which old pods
 * to delete — and, with maxSurge, on which nodes to start new pods beside old ones — this sync.
 *
 * Without surge, nodes count as unavailable when they have no pod, two pods, or an unavailable
 * new pod; old pods that are not available are always replaced, and old available pods are
 * deleted only while fewer than maxUnavailable nodes are unavailable (manage then creates the
 * new pod once the old one is gone). With surge, a new pod starts beside an old one on up to
 * maxSurge nodes, and the old one goes once the new one is available.
 *
 * Upstream walks a Go map, so the nodes chosen are effectively random; the seeded rng shuffles.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Rng } from '../../random';
import type { Instant } from '../../time/instant';
import { isPodAvailable } from '../replicaset/controller-utils';
import { isPodUpdated, surgeCount, unavailableCount } from './daemonset-util';
import type { NodeVerdict } from './should-run';

/** What the rolling update decided. */
export interface RollingPlan {
  podsToDelete: Pod[];
  nodesToCreate: string[];
  maxUnavailable: number;
  maxSurge: number;
  numUnavailable: number;
  /** Old pods that must wait for the budget. */
  waiting: number;
  /** Invalid maxUnavailable / maxSurge, or a node that vanished: nothing is done. */
  error?: string;
}

/** update.go#findUpdatedPodsOnNode: the single new and old pod, or ok=false when doubled up. */
function findUpdatedPodsOnNode(
  pods: readonly Pod[],
  hash: string,
  generation: number | undefined,
): { newPod?: Pod; oldPod?: Pod; ok: boolean } {
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  for (const pod of pods) {
    if (pod.metadata?.deletionTimestamp) continue;
    if (isPodUpdated(pod, hash, generation)) {
      if (newPod) return { ok: false };
      newPod = pod;
    } else {
      if (oldPod) return { ok: false };
      oldPod = pod;
    }
  }
  return { newPod, oldPod, ok: true };
}

function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** rollingUpdate for one sync. */
export function planRollingUpdate(
  ds: DaemonSet,
  nodeToPods: ReadonlyMap<string, Pod[]>,
  verdicts: ReadonlyMap<string, NodeVerdict>,
  hash: string,
  generation: number | undefined,
  now: Instant,
  rng: Rng,
): RollingPlan {
  const plan: RollingPlan = {
    podsToDelete: [],
    nodesToCreate: [],
    maxUnavailable: 0,
    maxSurge: 0,
    numUnavailable: 0,
    waiting: 0,
  };
  // updatedDesiredNodeCounts: every node that should run a pod takes part, even without one.
  const entries = new Map<string, readonly Pod[]>(nodeToPods);
  let desired = 0;
  for (const [name, v] of verdicts) {
    if (!v.shouldRun) continue;
    desired++;
    if (!entries.has(name)) entries.set(name, []);
  }
  const mu = unavailableCount(ds, desired);
  if (typeof mu !== 'number')
    return { ...plan, error: `invalid value for MaxUnavailable: ${mu.error}` };
  const ms = surgeCount(ds, desired);
  if (typeof ms !== 'number') return { ...plan, error: `invalid value for MaxSurge: ${ms.error}` };
  let maxUnavailable = mu;
  const maxSurge = ms;
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  plan.maxUnavailable = maxUnavailable;
  plan.maxSurge = maxSurge;
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const available = (p: Pod) => isPodAvailable(p, minReady, now);
  const order = shuffle([...entries], rng);

  if (maxSurge === 0) {
    let numUnavailable = 0;
    const replacements: Pod[] = [];
    const candidates: Pod[] = [];
    for (const [, pods] of order) {
      const { newPod, oldPod, ok } = findUpdatedPodsOnNode(pods, hash, generation);
      if (!ok || (!oldPod && !newPod) || (oldPod && newPod)) {
        // Doubled up, empty or mid-replacement: manage handles it; it counts as unavailable.
        numUnavailable++;
      } else if (newPod) {
        if (!available(newPod)) numUnavailable++;
      } else if (!available(oldPod!)) {
        replacements.push(oldPod!);
        numUnavailable++;
      } else {
        candidates.push(oldPod!);
      }
    }
    const remaining = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length);
    plan.podsToDelete = [...replacements, ...candidates.slice(0, remaining)];
    plan.numUnavailable = numUnavailable;
    plan.waiting = candidates.length - remaining;
    return plan;
  }

  const shouldNotRun: Pod[] = [];
  const candidateNodes: string[] = [];
  const allowedNodes: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  for (const [name, pods] of order) {
    const { newPod, oldPod, ok } = findUpdatedPodsOnNode(pods, hash, generation);
    if (!ok) {
      numSurge++;
      continue;
    }
    if (oldPod) {
      if (available(oldPod)) numAvailable++;
    } else if (newPod && available(newPod)) numAvailable++;
    if (!oldPod) continue;
    if (!newPod) {
      const verdict = verdicts.get(name);
      if (!verdict) return { ...plan, error: `couldn't get node for nodeName "${name}"` };
      if (!available(oldPod)) {
        if (!verdict.shouldRun) plan.podsToDelete.push(oldPod);
        else allowedNodes.push(name);
      } else if (!verdict.shouldRun) {
        shouldNotRun.push(oldPod);
      } else if (numSurge < maxSurge) {
        candidateNodes.push(name);
      }
      continue;
    }
    // Already surged here: the old pod goes once the new one is available.
    if (!available(newPod)) numSurge++;
    else plan.podsToDelete.push(oldPod);
  }
  // Pods on nodes that no longer qualify go only while availability stays above desired.
  const deletable = Math.min(numAvailable - desired, shouldNotRun.length);
  if (deletable > 0) plan.podsToDelete.push(...shouldNotRun.slice(0, deletable));
  const remaining = Math.min(Math.max(0, maxSurge - numSurge), candidateNodes.length);
  plan.nodesToCreate = [...allowedNodes, ...candidateNodes.slice(0, remaining)];
  plan.numUnavailable = numSurge;
  plan.waiting = candidateNodes.length - remaining;
  return plan;
}
