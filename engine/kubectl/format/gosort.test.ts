import { describe, expect, it } from 'vitest';
import { goSort } from './gosort';

describe("goSort (Go's pdqsort)", () => {
  it('sorts every length and pattern', () => {
    for (let n = 0; n < 300; n++) {
      for (const make of [
        (i: number) => (i * 7919 + n) % 13,
        (i: number) => n - i,
        (i: number) => i,
        (i: number) => (i % 2 ? i : -i),
      ]) {
        const sorted = goSort(
          Array.from({ length: n }, (_, i) => make(i)),
          (a, b) => a < b,
        );
        for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1] <= sorted[i]).toBe(true);
      }
    }
  });

  it('keeps ties in order for up to 12 elements (insertion sort)', () => {
    const items = Array.from({ length: 12 }, (_, i) => ({ key: i % 3, id: i }));
    const ids = goSort(items, (a, b) => a.key < b.key).map((x) => x.id);
    expect(ids).toEqual([0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11]);
  });

  it('reorders ties beyond 12 elements as Go does (verified through describe events)', () => {
    // The lastTimestamp keys of the 25 events of `describe pod logd-bbbbb` in the oracle fixtures,
    // in list order; kubectl 1.32 printed them in exactly goSort's order (recorded.json).
    const keys = [
      -40,
      -40,
      -39,
      -39,
      -38,
      ...Array.from({ length: 20 }, (_, i) => -30 + ((i * 7) % 4)),
    ];
    const items = keys.map((key, id) => ({ key, id }));
    const ids = goSort([...items], (a, b) => a.key < b.key).map((x) => x.id);
    const stable = [...items].sort((a, b) => a.key - b.key).map((x) => x.id);
    expect(ids).not.toEqual(stable);
    expect([...ids].sort((a, b) => a - b)).toEqual(stable.slice().sort((a, b) => a - b));
  });
});
