/**
 * `kubectl get --sort-by` (kubectl pkg/cmd/get/sorter.go): objects ordered by the first value a
 * JSONPath finds in each; numbers numerically, quantities by size, other strings in natural
 * order (github.com/fvbommel/sortorder NaturalLess). Go's unstable sort.Sort order is kept.
 */
import type { KubeObject } from '../../api/object';
import { goSort } from '../format/gosort';
import { milliValue, parseQuantity } from '../format/quantity';
import { findJsonPathResults, parseJsonPath, relaxedJsonPathExpression } from '../printers';

const isDigit = (c: string) => c >= '0' && c <= '9';

/** sortorder.NaturalLess: digit runs compare as numbers, everything else bytewise. */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const c1 = a[i];
    const c2 = b[j];
    const d1 = isDigit(c1);
    const d2 = isDigit(c2);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (c1 !== c2) return c1 < c2;
      i++;
      j++;
      continue;
    }
    while (i < a.length && a[i] === '0') i++;
    while (j < b.length && b[j] === '0') j++;
    const nz1 = i;
    const nz2 = j;
    while (i < a.length && isDigit(a[i])) i++;
    while (j < b.length && isDigit(b[j])) j++;
    if (i - nz1 !== j - nz2) return i - nz1 < j - nz2;
    const n1 = a.slice(nz1, i);
    const n2 = b.slice(nz2, j);
    if (n1 !== n2) return n1 < n2;
    if (nz1 !== nz2) return nz1 < nz2;
  }
  return a.length < b.length;
}

/** sorter.go#isLess for unstructured values; undefined when the values cannot be ordered. */
function isLess(a: unknown, b: unknown): boolean | undefined {
  if (a === null && b === null) return false;
  if (a === null) return true;
  if (b === null) return false;
  if (typeof a === 'number') return typeof b === 'number' ? a < b : false;
  if (typeof a === 'string') {
    if (typeof b !== 'string') return false;
    const qa = parseQuantity(a);
    const qb = parseQuantity(b);
    if (qa && qb) return milliValue(qa) < milliValue(qb);
    return naturalLess(a, b);
  }
  if (typeof a === 'boolean') return false;
  return undefined;
}

/** The field spec kubectl reports in sort errors: `{.metadata.name}`. */
export function sortField(sortBy: string): string {
  const r = relaxedJsonPathExpression(sortBy);
  return r.ok ? r.value : sortBy;
}

/**
 * Sorts objects by `sortBy` (TableSorter / RuntimeSort). Returns the error kubectl prints when
 * the expression is bad or no object has the field.
 */
export function sortObjects(
  objects: readonly KubeObject[],
  sortBy: string,
): { ok: true; objects: KubeObject[] } | { ok: false; error: string } {
  const field = sortField(sortBy);
  if (objects.length === 0) return { ok: true, objects: [] };
  const parsed = parseJsonPath(field);
  if (!parsed.ok) return { ok: false, error: `sorting error: ${parsed.error}` };
  const keyed: Array<{ object: KubeObject; value: unknown; present: boolean }> = [];
  let foundOnce = false;
  for (const object of objects) {
    const r = findJsonPathResults(parsed.value, object, { allowMissingKeys: true });
    if (!r.ok) return { ok: false, error: r.error };
    const present = r.value.length > 0 && r.value[0].length > 0;
    if (present) foundOnce = true;
    keyed.push({ object, value: present ? r.value[0][0] : undefined, present });
  }
  if (!foundOnce)
    return {
      ok: false,
      error: `couldn't find any field with path ${JSON.stringify(field)} in the list of objects`,
    };
  let unsortable: string | undefined;
  goSort(keyed, (x, y) => {
    if (!x.present) return true;
    if (!y.present) return false;
    const less = isLess(x.value, y.value);
    if (less === undefined) {
      unsortable ??= `Field ${field} in *v1.Table is an unsortable type: ${Array.isArray(x.value) ? 'slice' : 'map'}`;
      return false;
    }
    return less;
  });
  if (unsortable) return { ok: false, error: unsortable };
  return { ok: true, objects: keyed.map((k) => k.object) };
}
