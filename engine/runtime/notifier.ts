/**
 * A one-shot wake-up list: a blocked process registers interest, the stream or process it waits
 * on calls `notify()` when something changed, and the process re-checks its condition.
 */
export class Notifier {
  private waiters: Array<() => void> = [];

  /** Registers `wake`; the returned function unregisters it. */
  subscribe(wake: () => void): () => void {
    this.waiters.push(wake);
    return () => {
      const i = this.waiters.indexOf(wake);
      if (i >= 0) this.waiters.splice(i, 1);
    };
  }

  /** Wakes every current subscriber (each subscription is used once). */
  notify(): void {
    if (this.waiters.length === 0) return;
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }

  /** Whether anybody is waiting. */
  get hasWaiters(): boolean {
    return this.waiters.length > 0;
  }
}
