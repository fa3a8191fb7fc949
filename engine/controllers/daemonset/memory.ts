/**
 * What the DaemonSet controller remembers between syncs, as the real one keeps it in process
 * memory: the per-node back-off for deleting failed daemon pods (flowcontrol.Backoff, 1 s
 * doubling to 15 min, as kube-controller-manager builds it) and which node verdicts were already
 * narrated. It is kept per cluster view, so two simulations never share it.
 */
import type { ClusterView } from '../framework';
import { MINUTE, SECOND, type Duration, type Instant } from '../../time/instant';

/** Initial and maximum back-off for failed daemon pods (controllermanager: NewBackOff(1s, 15m)). */
export const FAILED_POD_BACKOFF_INITIAL: Duration = SECOND;
export const FAILED_POD_BACKOFF_MAX: Duration = 15 * MINUTE;

interface BackoffEntry {
  backoff: Duration;
  lastUpdate: Instant;
}

/** flowcontrol.Backoff, reduced to what the DaemonSet controller calls. */
export class Backoff {
  private entries = new Map<string, BackoffEntry>();

  constructor(
    private readonly initial: Duration,
    private readonly max: Duration,
  ) {}

  /** IsInBackOffSinceUpdate: less than the current back-off has passed since the last Next. */
  isInBackOffSinceUpdate(key: string, now: Instant): boolean {
    const e = this.entries.get(key);
    return e !== undefined && now - e.lastUpdate < e.backoff;
  }

  /** Get: the current back-off (0 when none). */
  get(key: string): Duration {
    return this.entries.get(key)?.backoff ?? 0;
  }

  /** Next: starts at the initial delay, doubles up to the maximum; resets after 2×max idle. */
  next(key: string, now: Instant): void {
    const e = this.entries.get(key);
    if (!e || now - e.lastUpdate > 2 * this.max) {
      this.entries.set(key, { backoff: this.initial, lastUpdate: now });
      return;
    }
    e.backoff = Math.min(2 * e.backoff, this.max);
    e.lastUpdate = now;
  }
}

/** The controller's memory for one cluster. */
export interface DaemonSetMemory {
  failedPods: Backoff;
  /** Per DaemonSet uid: node → the reason last narrated for it getting no pod. */
  narratedNodes: Map<string, Map<string, string>>;
  /** Per DaemonSet uid: the rolling-update wait last narrated. */
  narratedWait: Map<string, string>;
  /**
   * DaemonSet uids with a controlled pod whose labels stopped matching (seen by the informer):
   * only their syncs walk every dependent to release such pods, sparing the others a full scan.
   */
  releaseHints: Set<string>;
}

const memories = new WeakMap<ClusterView, DaemonSetMemory>();

/** The memory of the controller running against `view`. */
export function memoryFor(view: ClusterView): DaemonSetMemory {
  let m = memories.get(view);
  if (!m) {
    m = {
      failedPods: new Backoff(FAILED_POD_BACKOFF_INITIAL, FAILED_POD_BACKOFF_MAX),
      narratedNodes: new Map(),
      narratedWait: new Map(),
      releaseHints: new Set(),
    };
    memories.set(view, m);
  }
  return m;
}
