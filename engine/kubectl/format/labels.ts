/**
 * Label and selector rendering: apimachinery labels.FormatLabels, metav1.FormatLabelSelector
 * and the map formatting kubectl uses for node selectors.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

/** Go's sort.Strings order: byte-wise on UTF-8, which equals code-point order. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  // UTF-16 order differs from code-point order only for astral vs. U+E000..U+FFFF; fine here.
  return a < b ? -1 : 1;
}

/** Keys of a string map sorted as Go sorts them. */
export function sortedKeys(map: Readonly<Record<string, unknown>> | null | undefined): string[] {
  return map ? Object.keys(map).sort(compareStrings) : [];
}

/** labels.FormatLabels: `k=v,k2=v2` sorted by key, `<none>` when empty. */
export function formatLabels(map: Readonly<Record<string, string>> | null | undefined): string {
  const keys = sortedKeys(map);
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${map![k]}`).join(',');
}

/** labels.SelectorFromSet(m).String(): like formatLabels, but empty for an empty map. */
export function formatSelectorSet(
  map: Readonly<Record<string, string>> | null | undefined,
): string {
  return sortedKeys(map)
    .map((k) => `${k}=${map![k]}`)
    .join(',');
}

/**
 * metav1.FormatLabelSelector: `<none>` for nil, `<none>` for a selector that converts to an
 * empty string, else the requirements (`app=x,tier in (a,b),!gone`) sorted by key.
 */
export function formatLabelSelector(selector: LabelSelector | null | undefined): string {
  if (!selector) return '<none>';
  const text = labelSelectorString(selector);
  if (text === undefined) return '<error>';
  return text.length === 0 ? '<none>' : text;
}

/**
 * metav1.LabelSelectorAsSelector(...).String(): requirements sorted by key (stable), each as
 * `k=v`, `k in (a,b)`, `k notin (a,b)`, `k` or `!k`; values of in/notin sorted.
 * Returns `''` for an empty selector and undefined for an invalid operator.
 */
export function labelSelectorString(selector: LabelSelector): string | undefined {
  const requirements: { key: string; text: string }[] = [];
  for (const key of sortedKeys(selector.matchLabels)) {
    requirements.push({ key, text: `${key}=${selector.matchLabels![key]}` });
  }
  for (const expr of selector.matchExpressions ?? []) {
    const values = [...(expr.values ?? [])].sort(compareStrings);
    let text: string;
    switch (expr.operator) {
      case 'In':
        text = `${expr.key} in (${values.join(',')})`;
        break;
      case 'NotIn':
        text = `${expr.key} notin (${values.join(',')})`;
        break;
      case 'Exists':
        text = expr.key;
        break;
      case 'DoesNotExist':
        text = `!${expr.key}`;
        break;
      default:
        return undefined;
    }
    requirements.push({ key: expr.key, text });
  }
  // labels.internalSelector sorts requirements by key with a stable sort.
  requirements.sort((a, b) => compareStrings(a.key, b.key));
  return requirements.map((r) => r.text).join(',');
}
