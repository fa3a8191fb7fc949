import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimerQueue } from './timer-queue';
import { parseDuration, formatRFC1123Z, formatRFC3339 } from './instant';

describe('TimerQueue', () => {
  it('runs timers by due time, then by scheduling order', () => {
    const q = new TimerQueue();
    const order: string[] = [];
    q.schedule(20, 'b', () => order.push('b'));
    q.schedule(10, 'a1', () => order.push('a1'));
    q.schedule(10, 'a2', () => order.push('a2'));
    for (let t = q.popDue(100); t; t = q.popDue(100)) t.run();
    expect(order).toEqual(['a1', 'a2', 'b']);
  });

  it('skips cancelled timers and stops at the limit', () => {
    const q = new TimerQueue();
    const x = q.schedule(5, 'x', () => {});
    q.schedule(50, 'y', () => {});
    q.cancel(x);
    expect(q.size).toBe(1);
    expect(q.popDue(10)).toBeUndefined();
    expect(q.peekTime()).toBe(50);
  });

  it('pops any schedule in sorted (dueAt, seq) order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 200 }), (times) => {
        const q = new TimerQueue();
        times.forEach((t, i) => q.schedule(t, String(i), () => {}));
        const popped: [number, number][] = [];
        for (let t = q.popDue(Infinity); t; t = q.popDue(Infinity)) popped.push([t.dueAt, t.seq]);
        const sorted = [...popped].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(popped).toEqual(sorted);
        expect(popped.length).toBe(times.length);
      }),
      { seed: 42 },
    );
  });
});

describe('instants', () => {
  it('parses Go-style durations', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('1m30s')).toBe(90_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('soon')).toBeUndefined();
  });

  it('formats RFC 3339 and RFC 1123Z as the API and describe do', () => {
    const t = Date.UTC(2025, 0, 15, 10, 0, 0, 999);
    expect(formatRFC3339(t)).toBe('2025-01-15T10:00:00Z');
    expect(formatRFC1123Z(t)).toBe('Wed, 15 Jan 2025 10:00:00 +0000');
  });
});
