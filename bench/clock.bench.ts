import type { Benchmark } from './harness';
import { createSimulation } from '../engine/simulation';

/** The event loop alone: a million self-rescheduling timers across a virtual week. */
export const clockBenchmark: Benchmark = {
  name: 'clock: 1,000 periodic timers for 7 virtual days',
  run() {
    const sim = createSimulation({ seed: 1, start: Date.UTC(2025, 0, 15, 10) });
    const week = 7 * 24 * 3600 * 1000;
    const period = 600_000;
    let fired = 0;
    for (let i = 0; i < 1000; i++) {
      const tick = () => {
        fired++;
        sim.after(period, 'tick', tick);
      };
      sim.after((i * 997) % period, 'tick', tick);
    }
    const started = performance.now();
    const { events } = sim.advance(week);
    const wall = performance.now() - started;
    return {
      events,
      fired,
      eventsPerSecond: Math.round(events / (wall / 1000)),
      virtualToWallRatio: Math.round(week / wall),
    };
  },
};
