/**
 * Go's sort.Sort / sort.Slice (pattern-defeating quicksort, Go ≥ 1.19), re-implemented so that
 * elements comparing equal end up in exactly the order kubectl prints them. Go's sort is not
 * stable: for more than 12 elements, ties (events of the same second, tolerations with the same
 * key) are reordered deterministically, and Podlab reproduces that order.
 */

/** Number of bits needed to represent n (Go's bits.Len). */
function bitsLen(n: number): number {
  let bits = 0;
  while (n > 0) {
    bits++;
    n = Math.floor(n / 2);
  }
  return bits;
}

const MASK64 = (1n << 64n) - 1n;

/** Sorts `data` in place with Go's pdqsort using `less(a, b)`. */
export function goSort<T>(data: T[], less: (a: T, b: T) => boolean): T[] {
  const n = data.length;
  if (n <= 1) return data;
  const lessAt = (i: number, j: number) => less(data[i], data[j]);
  const swap = (i: number, j: number) => {
    const t = data[i];
    data[i] = data[j];
    data[j] = t;
  };

  const insertionSort = (a: number, b: number) => {
    for (let i = a + 1; i < b; i++) {
      for (let j = i; j > a && lessAt(j, j - 1); j--) swap(j, j - 1);
    }
  };

  const siftDown = (lo: number, hi: number, first: number) => {
    let root = lo;
    for (;;) {
      let child = 2 * root + 1;
      if (child >= hi) return;
      if (child + 1 < hi && lessAt(first + child, first + child + 1)) child++;
      if (!lessAt(first + root, first + child)) return;
      swap(first + root, first + child);
      root = child;
    }
  };

  const heapSort = (a: number, b: number) => {
    const first = a;
    const hi = b - a;
    for (let i = Math.floor((hi - 1) / 2); i >= 0; i--) siftDown(i, hi, first);
    for (let i = hi - 1; i >= 0; i--) {
      swap(first, first + i);
      siftDown(0, i, first);
    }
  };

  const breakPatterns = (a: number, b: number) => {
    const length = b - a;
    if (length < 8) return;
    let random = BigInt(length);
    const modulus = BigInt(2 ** bitsLen(length));
    const idx = a + Math.floor(length / 4) * 2 - 1;
    for (let i = 0; i < 3; i++) {
      random ^= (random << 13n) & MASK64;
      random ^= random >> 7n;
      random ^= (random << 17n) & MASK64;
      let other = Number(random & (modulus - 1n));
      if (other >= length) other -= length;
      swap(idx - 1 + i, a + other);
    }
  };

  let swaps = 0;
  const order2 = (a: number, b: number): [number, number] => {
    if (lessAt(b, a)) {
      swaps++;
      return [b, a];
    }
    return [a, b];
  };
  const median = (a: number, b: number, c: number): number => {
    const [a1, b1] = order2(a, b);
    const [b2] = order2(b1, c);
    return order2(a1, b2)[1];
  };
  const medianAdjacent = (a: number) => median(a - 1, a, a + 1);

  const INCREASING = 1;
  const DECREASING = 2;
  const UNKNOWN = 0;
  const choosePivot = (a: number, b: number): [number, number] => {
    const l = b - a;
    swaps = 0;
    let i = a + Math.floor(l / 4) * 1;
    let j = a + Math.floor(l / 4) * 2;
    let k = a + Math.floor(l / 4) * 3;
    if (l >= 8) {
      if (l >= 50) {
        i = medianAdjacent(i);
        j = medianAdjacent(j);
        k = medianAdjacent(k);
      }
      j = median(i, j, k);
    }
    if (swaps === 0) return [j, INCREASING];
    if (swaps === 12) return [j, DECREASING];
    return [j, UNKNOWN];
  };

  const reverseRange = (a: number, b: number) => {
    for (let i = a, j = b - 1; i < j; i++, j--) swap(i, j);
  };

  const partialInsertionSort = (a: number, b: number): boolean => {
    const maxSteps = 5;
    const shortestShifting = 50;
    let i = a + 1;
    for (let step = 0; step < maxSteps; step++) {
      while (i < b && !lessAt(i, i - 1)) i++;
      if (i === b) return true;
      if (b - a < shortestShifting) return false;
      swap(i, i - 1);
      if (i - a >= 2) {
        for (let j = i - 1; j >= 1; j--) {
          if (!lessAt(j, j - 1)) break;
          swap(j, j - 1);
        }
      }
      if (b - i >= 2) {
        for (let j = i + 1; j < b; j++) {
          if (!lessAt(j, j - 1)) break;
          swap(j, j - 1);
        }
      }
    }
    return false;
  };

  const partitionEqual = (a: number, b: number, pivot: number): number => {
    swap(a, pivot);
    let i = a + 1;
    let j = b - 1;
    for (;;) {
      while (i <= j && !lessAt(a, i)) i++;
      while (i <= j && lessAt(a, j)) j--;
      if (i > j) break;
      swap(i, j);
      i++;
      j--;
    }
    return i;
  };

  const partition = (a: number, b: number, pivot: number): [number, boolean] => {
    swap(a, pivot);
    let i = a + 1;
    let j = b - 1;
    while (i <= j && lessAt(i, a)) i++;
    while (i <= j && !lessAt(j, a)) j--;
    if (i > j) {
      swap(j, a);
      return [j, true];
    }
    swap(i, j);
    i++;
    j--;
    for (;;) {
      while (i <= j && lessAt(i, a)) i++;
      while (i <= j && !lessAt(j, a)) j--;
      if (i > j) break;
      swap(i, j);
      i++;
      j--;
    }
    swap(j, a);
    return [j, false];
  };

  const pdqsort = (a: number, b: number, limit: number) => {
    const maxInsertion = 12;
    let wasBalanced = true;
    let wasPartitioned = true;
    for (;;) {
      const length = b - a;
      if (length <= maxInsertion) {
        insertionSort(a, b);
        return;
      }
      if (limit === 0) {
        heapSort(a, b);
        return;
      }
      if (!wasBalanced) {
        breakPatterns(a, b);
        limit--;
      }
      let [pivot, hint] = choosePivot(a, b);
      if (hint === DECREASING) {
        reverseRange(a, b);
        pivot = b - 1 - (pivot - a);
        hint = INCREASING;
      }
      if (wasBalanced && wasPartitioned && hint === INCREASING) {
        if (partialInsertionSort(a, b)) return;
      }
      if (a > 0 && !lessAt(a - 1, pivot)) {
        a = partitionEqual(a, b, pivot);
        continue;
      }
      const [mid, alreadyPartitioned] = partition(a, b, pivot);
      wasPartitioned = alreadyPartitioned;
      const leftLen = mid - a;
      const rightLen = b - mid;
      const balanceThreshold = Math.floor(length / 8);
      if (leftLen < rightLen) {
        wasBalanced = leftLen >= balanceThreshold;
        pdqsort(a, mid, limit);
        a = mid + 1;
      } else {
        wasBalanced = rightLen >= balanceThreshold;
        pdqsort(mid + 1, b, limit);
        b = mid;
      }
    }
  };

  pdqsort(0, n, bitsLen(n));
  return data;
}
