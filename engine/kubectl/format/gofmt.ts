/**
 * Go fmt renderings that appear inside Kubernetes messages: strconv.Quote, `%v` and `%#v` of
 * string maps, and `%#v` of a metav1.LabelSelector (validation errors print it).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { sortedKeys } from './labels';

const SIMPLE_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
  '"': '\\"',
};

/** Whether Go's strconv.IsPrint would keep the rune as is (approximation for non-ASCII). */
function isPrintable(cp: number): boolean {
  if (cp < 0x20 || cp === 0x7f) return false;
  if (cp >= 0x80 && cp < 0xa0) return false;
  if (cp === 0xad) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  if (cp === 0xfeff || cp === 0xfffe || cp === 0xffff) return false;
  // Line/paragraph separators and other format characters are escaped by Go.
  if (cp === 0x2028 || cp === 0x2029 || (cp >= 0x200b && cp <= 0x200f)) return false;
  return true;
}

/** strconv.Quote: a double-quoted Go string literal with Go's escapes. */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const simple = SIMPLE_ESCAPES[ch];
    if (simple) {
      out += simple;
      continue;
    }
    const cp = ch.codePointAt(0)!;
    if (isPrintable(cp)) out += ch;
    else if (cp < 0x80) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return out + '"';
}

/** `%#v` of a map[string]string: `map[string]string{"a":"b", "c":"d"}`, nil as `(nil)`. */
export function goMapStringStringSyntax(
  map: Readonly<Record<string, string>> | null | undefined,
): string {
  if (map === null || map === undefined) return 'map[string]string(nil)';
  const parts = sortedKeys(map).map((k) => `${goQuote(k)}:${goQuote(map[k])}`);
  return `map[string]string{${parts.join(', ')}}`;
}

/** `%v` of a map[string]string: `map[a:b c:d]`. */
export function goMapStringStringValue(
  map: Readonly<Record<string, string>> | null | undefined,
): string {
  const parts = sortedKeys(map).map((k) => `${k}:${map![k]}`);
  return `map[${parts.join(' ')}]`;
}

/** `%#v` of a []string: `[]string{"a", "b"}`, nil as `[]string(nil)`. */
export function goStringSliceSyntax(values: readonly string[] | null | undefined): string {
  if (values === null || values === undefined) return '[]string(nil)';
  return `[]string{${values.map(goQuote).join(', ')}}`;
}

/**
 * `%#v` of a v1.LabelSelector value, as validation messages print it:
 * `v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`.
 */
export function goLabelSelectorSyntax(selector: LabelSelector): string {
  const expressions = selector.matchExpressions;
  let exprText: string;
  if (expressions === undefined || expressions === null) {
    exprText = '[]v1.LabelSelectorRequirement(nil)';
  } else {
    const items = expressions.map(
      (e) =>
        `v1.LabelSelectorRequirement{Key:${goQuote(e.key)}, Operator:${goQuote(e.operator)}, ` +
        `Values:${goStringSliceSyntax(e.values)}}`,
    );
    exprText = `[]v1.LabelSelectorRequirement{${items.join(', ')}}`;
  }
  return (
    `v1.LabelSelector{MatchLabels:${goMapStringStringSyntax(selector.matchLabels)}, ` +
    `MatchExpressions:${exprText}}`
  );
}
