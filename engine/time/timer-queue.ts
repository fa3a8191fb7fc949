import type { Instant } from './instant';

/** One scheduled callback. Ordered by due time, then by the order it was scheduled. */
export interface Timer {
  readonly dueAt: Instant;
  readonly seq: number;
  readonly label: string;
  cancelled: boolean;
  readonly run: () => void;
}

/**
 * A binary min-heap of timers keyed by (dueAt, seq). Every simulated thing that happens later
 * (a container start, a controller requeue, a process waking from sleep) is one timer, so the
 * cost of a run grows with the number of events, not with the virtual seconds that pass.
 */
export class TimerQueue {
  private heap: Timer[] = [];
  private nextSeq = 0;
  private live = 0;

  /** Number of timers still due to run. */
  get size(): number {
    return this.live;
  }

  /** Schedules `run` at `dueAt`; the returned timer can be cancelled. */
  schedule(dueAt: Instant, label: string, run: () => void): Timer {
    const timer: Timer = { dueAt, seq: this.nextSeq++, label, cancelled: false, run };
    this.heap.push(timer);
    this.up(this.heap.length - 1);
    this.live++;
    return timer;
  }

  /** Cancels a timer; cancelled timers are dropped lazily when they reach the top. */
  cancel(timer: Timer | undefined): void {
    if (timer && !timer.cancelled) {
      timer.cancelled = true;
      this.live--;
    }
  }

  /** The due time of the earliest live timer, if any. */
  peekTime(): Instant | undefined {
    this.dropCancelled();
    return this.heap[0]?.dueAt;
  }

  /** Removes and returns the earliest live timer due at or before `limit`. */
  popDue(limit: Instant): Timer | undefined {
    this.dropCancelled();
    const top = this.heap[0];
    if (!top || top.dueAt > limit) return undefined;
    this.removeTop();
    this.live--;
    return top;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0].cancelled) this.removeTop();
  }

  private removeTop(): void {
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
  }

  private less(a: Timer, b: Timer): boolean {
    return a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.seq < b.seq);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l], h[m])) m = l;
      if (r < h.length && this.less(h[r], h[m])) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}
