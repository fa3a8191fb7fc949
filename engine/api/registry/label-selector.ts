/**
 * metav1.LabelSelector semantics (apimachinery pkg/apis/meta/v1/helpers.go#LabelSelectorAsSelector
 * and pkg/labels): converting a selector, which can fail, and matching a label set.
 */
import { isObj, objsAt, strAt, strMapAt, strsAt } from './json';
import { isQualifiedName, isValidLabelValue } from './validation/names';

/** One requirement of a converted selector. */
interface Requirement {
  key: string;
  op: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

/**
 * A selector after LabelSelectorAsSelector: `nothing` for a nil selector, `everything` for an
 * empty one, otherwise requirements that must all hold.
 */
export type Selector =
  | { kind: 'nothing' }
  | { kind: 'everything' }
  | { kind: 'requirements'; requirements: Requirement[] };

/** LabelSelectorAsSelector: the selector, or undefined when upstream would return an error. */
export function labelSelectorAsSelector(sel: unknown): Selector | undefined {
  if (sel === undefined || sel === null) return { kind: 'nothing' };
  if (!isObj(sel)) return undefined;
  const matchLabels = strMapAt(sel, 'matchLabels') ?? {};
  const exprs = objsAt(sel, 'matchExpressions');
  if (Object.keys(matchLabels).length + exprs.length === 0) return { kind: 'everything' };
  const requirements: Requirement[] = [];
  for (const [k, v] of Object.entries(matchLabels)) {
    if (!validRequirement(k, [v])) return undefined;
    requirements.push({ key: k, op: 'In', values: [v] });
  }
  for (const [expr] of exprs) {
    const op = strAt(expr, 'operator');
    const key = strAt(expr, 'key') ?? '';
    const values = strsAt(expr, 'values') ?? [];
    if (op !== 'In' && op !== 'NotIn' && op !== 'Exists' && op !== 'DoesNotExist') {
      return undefined;
    }
    if ((op === 'In' || op === 'NotIn') && values.length === 0) return undefined;
    if ((op === 'Exists' || op === 'DoesNotExist') && values.length > 0) return undefined;
    if (!validRequirement(key, values)) return undefined;
    requirements.push({ key, op, values });
  }
  return { kind: 'requirements', requirements };
}

/** labels.NewRequirement's key and value checks. */
function validRequirement(key: string, values: string[]): boolean {
  return (
    isQualifiedName(key).length === 0 && values.every((v) => isValidLabelValue(v).length === 0)
  );
}

/** Selector.Matches for a label set. */
export function selectorMatches(selector: Selector, labels: Record<string, string>): boolean {
  switch (selector.kind) {
    case 'nothing':
      return false;
    case 'everything':
      return true;
    case 'requirements':
      return selector.requirements.every((r) => {
        const has = Object.prototype.hasOwnProperty.call(labels, r.key);
        switch (r.op) {
          case 'In':
            return has && r.values.includes(labels[r.key]);
          case 'NotIn':
            return !has || !r.values.includes(labels[r.key]);
          case 'Exists':
            return has;
          case 'DoesNotExist':
            return !has;
        }
        return false;
      });
  }
}

/** labels.Selector.Empty: true only for the match-everything selector. */
export function selectorIsEmpty(selector: Selector): boolean {
  return selector.kind === 'everything';
}
