import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { Pacer } from './pacer';

describe('Pacer', () => {
  it('moves virtual time at speed x wall time, and not at all while paused', () => {
    let wall = 0;
    const sim = createSimulation({ seed: 1, start: 1_000_000 });
    const pacer = new Pacer(sim, () => wall);
    wall = 500;
    pacer.tick();
    expect(sim.now).toBe(1_000_000);
    pacer.play(10);
    wall = 1500;
    pacer.tick();
    expect(sim.now).toBe(1_010_000);
    pacer.pause();
    wall = 9000;
    pacer.tick();
    expect(sim.now).toBe(1_010_000);
    pacer.play(1);
    wall = 9250;
    pacer.tick();
    expect(sim.now).toBe(1_010_250);
  });

  it('runs timers that fall due while it paces', () => {
    let wall = 0;
    const sim = createSimulation({ seed: 1, start: 0 });
    const seen: number[] = [];
    sim.after(3000, 'probe', () => seen.push(sim.now));
    const pacer = new Pacer(sim, () => wall);
    pacer.play(100);
    wall = 40;
    pacer.tick();
    expect(seen).toEqual([3000]);
    expect(sim.now).toBe(4000);
  });
});
