/**
 * Sets of completion indexes as sorted, non-overlapping intervals (k/k pkg/controller/job/
 * indexed_job_utils.go: orderedIntervals, withOrderedIndexes, merge, total, String, has,
 * parseIndexesFromString).
 *
 * This is the representation behind status.completedIndexes and status.failedIndexes: "1,3-5,7"
 * lists 1, 3, 4, 5 and 7. Two neighbours print with a comma ("0,1"); three or more as a range.
 */

/** An inclusive range of indexes. */
export interface Interval {
  first: number;
  last: number;
}

/** Sorted, non-adjacent intervals. */
export type OrderedIntervals = readonly Interval[];

/** The union of `intervals` and `newIndexes` (given in increasing order). */
export function withOrderedIndexes(
  intervals: OrderedIntervals,
  newIndexes: readonly number[],
): Interval[] {
  return merge(
    intervals,
    newIndexes.map((i) => ({ first: i, last: i })),
  );
}

/** The union of two interval lists, merging overlapping and adjacent intervals. */
export function merge(a: OrderedIntervals, b: OrderedIntervals): Interval[] {
  const result: Interval[] = [];
  const push = (iv: Interval) => {
    const last = result[result.length - 1];
    if (!last || iv.first > last.last + 1) result.push({ first: iv.first, last: iv.last });
    else if (last.last < iv.last) last.last = iv.last;
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i].first < b[j].first) push(a[i++]);
    else push(b[j++]);
  }
  while (i < a.length) push(a[i++]);
  while (j < b.length) push(b[j++]);
  return result;
}

/** How many indexes the intervals hold. */
export function total(intervals: OrderedIntervals): number {
  let count = 0;
  for (const iv of intervals) count += iv.last - iv.first + 1;
  return count;
}

/** The text form used in status: "0-2,4,6,7". */
export function intervalsString(intervals: OrderedIntervals): string {
  let out = '';
  for (const iv of intervals) {
    if (out.length > 0) out += ',';
    out += String(iv.first);
    if (iv.last > iv.first) out += (iv.last === iv.first + 1 ? ',' : '-') + String(iv.last);
  }
  return out;
}

/** Whether `ix` is in the intervals (binary search). */
export function has(intervals: OrderedIntervals | undefined, ix: number): boolean {
  if (!intervals) return false;
  let lo = 0;
  let hi = intervals.length;
  while (hi > lo) {
    const mid = lo + ((hi - lo) >> 1);
    if (intervals[mid].last >= ix) hi = mid;
    else lo = mid + 1;
  }
  return hi < intervals.length && intervals[hi].first <= ix;
}

/**
 * Parses the text form, ignoring corrupt pieces and indexes at or above `completions` (a
 * range reaching past it is cut at completions − 1), as upstream does with stored status.
 */
export function parseIndexesFromString(text: string | undefined, completions: number): Interval[] {
  if (!text) return [];
  const result: Interval[] = [];
  for (const piece of text.split(',')) {
    const limits = piece.split('-');
    const first = parseDecimal(limits[0]);
    if (first === undefined) continue;
    if (first >= completions) break;
    let last = first;
    if (limits.length > 1) {
      const parsed = parseDecimal(limits[1]);
      if (parsed === undefined) continue;
      last = parsed >= completions ? completions - 1 : parsed;
    }
    const previous = result[result.length - 1];
    if (previous && previous.last === first - 1) previous.last = last;
    else result.push({ first, last });
  }
  return result;
}

/** strconv.Atoi for the plain decimal numbers the status holds. */
function parseDecimal(text: string): number | undefined {
  return /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}
