import { describe, expect, it } from 'vitest';
import { Rng } from './random';

describe('Rng', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = Rng.seeded(1);
    const b = Rng.seeded(1);
    expect(Array.from({ length: 5 }, () => a.nextUint32())).toEqual(
      Array.from({ length: 5 }, () => b.nextUint32()),
    );
  });

  it('gives forks streams that do not depend on draws elsewhere', () => {
    const root1 = Rng.seeded(9);
    const root2 = Rng.seeded(9);
    root2.next();
    root2.fork('other').next();
    expect(root1.fork('names').chars('abc', 10)).toBe(root2.fork('names').chars('abc', 10));
    expect(root1.fork('names').next()).not.toBe(root1.fork('uids').next());
  });

  it('makes version-4 UUIDs', () => {
    const uuid = Rng.seeded(3).uuid();
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
