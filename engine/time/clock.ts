import type { Instant } from './instant';

/** The simulation's clock. It only moves forward, and only when the engine moves it. */
export class VirtualClock {
  private current: Instant;

  constructor(start: Instant) {
    this.current = Math.floor(start);
  }

  /** The current virtual time. */
  get now(): Instant {
    return this.current;
  }

  /** Moves the clock to `t`; a time in the past leaves it where it is (time never goes back). */
  advanceTo(t: Instant): void {
    if (t > this.current) this.current = Math.floor(t);
  }
}
