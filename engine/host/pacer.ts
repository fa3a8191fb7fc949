/**
 * Paces virtual time against the wall clock at a chosen speed. The wall clock is passed in,
 * so the pacing arithmetic is testable without waiting.
 */
import type { Simulation } from '../simulation';

/** Most timers one tick may run, so a fast-forward never blocks the worker for long. */
export const MAX_EVENTS_PER_TICK = 20_000;

/** Drives a simulation in real time × speed. */
export class Pacer {
  private anchorWall = 0;
  private anchorVirtual = 0;
  private speedValue = 1;
  private pausedValue = true;

  constructor(
    private readonly sim: Simulation,
    private readonly wallNow: () => number,
  ) {}

  get speed(): number {
    return this.speedValue;
  }

  get paused(): boolean {
    return this.pausedValue;
  }

  /** Starts (or continues) running at `speed` × real time. */
  play(speed: number): void {
    this.reanchor();
    this.speedValue = speed > 0 && Number.isFinite(speed) ? speed : 1;
    this.pausedValue = false;
  }

  /** Stops virtual time; the cluster keeps its state. */
  pause(): void {
    this.pausedValue = true;
  }

  /** Runs the simulation up to the virtual time the wall clock now calls for. */
  tick(): void {
    if (this.pausedValue) return;
    const target =
      this.anchorVirtual + Math.floor((this.wallNow() - this.anchorWall) * this.speedValue);
    const result = this.sim.runUntil(target, MAX_EVENTS_PER_TICK);
    // Behind schedule: drop the debt instead of racing to catch up, so the UI stays live.
    if (!result.caughtUp) this.reanchor();
  }

  private reanchor(): void {
    this.anchorWall = this.wallNow();
    this.anchorVirtual = this.sim.now;
  }
}
