/**
 * Label selectors: parsing the kubectl `-l` string form, converting metav1.LabelSelector, and
 * matching (k8s.io/apimachinery/pkg/labels/selector.go).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

/** One requirement of a selector. */
export interface Requirement {
  key: string;
  operator:
    | 'Equals'
    | 'NotEquals'
    | 'In'
    | 'NotIn'
    | 'Exists'
    | 'DoesNotExist'
    | 'GreaterThan'
    | 'LessThan';
  values: string[];
}

/** A parsed selector: all requirements must hold. An empty list matches everything. */
export interface Selector {
  requirements: Requirement[];
  /** True for a selector that matches nothing (a nil LabelSelector in a controller spec). */
  matchesNothing?: boolean;
}

/** The selector that matches everything. */
export const EVERYTHING: Selector = { requirements: [] };
/** The selector that matches nothing. */
export const NOTHING: Selector = { requirements: [], matchesNothing: true };

/** Labels as stored in metadata. */
export type Labels = Readonly<Record<string, string>> | undefined;

/** Whether `labels` satisfy `selector`. */
export function matches(selector: Selector, labels: Labels): boolean {
  if (selector.matchesNothing) return false;
  for (const r of selector.requirements) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
    const value = has ? labels![r.key] : undefined;
    switch (r.operator) {
      case 'Equals':
      case 'In':
        if (!has || !r.values.includes(value!)) return false;
        break;
      case 'NotEquals':
      case 'NotIn':
        if (has && r.values.includes(value!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      case 'GreaterThan':
      case 'LessThan': {
        if (!has || !/^-?\d+$/.test(value!)) return false;
        const n = Number(value);
        const bound = Number(r.values[0]);
        if (r.operator === 'GreaterThan' ? !(n > bound) : !(n < bound)) return false;
        break;
      }
    }
  }
  return true;
}

/** The equality requirements (`k=v`) of a selector, usable with a label index. */
export function equalities(selector: Selector): Array<[string, string]> {
  return selector.requirements
    .filter((r) => (r.operator === 'Equals' || r.operator === 'In') && r.values.length === 1)
    .map((r) => [r.key, r.values[0]]);
}

/**
 * metav1.LabelSelectorAsSelector: nil matches nothing, `{}` matches everything; matchLabels
 * become equality requirements and matchExpressions map their operators.
 */
export function fromLabelSelector(ls: LabelSelector | null | undefined): Selector {
  if (!ls) return NOTHING;
  const requirements: Requirement[] = [];
  for (const [key, value] of Object.entries(ls.matchLabels ?? {})) {
    requirements.push({ key, operator: 'Equals', values: [value] });
  }
  for (const expr of ls.matchExpressions ?? []) {
    const op =
      expr.operator === 'In'
        ? 'In'
        : expr.operator === 'NotIn'
          ? 'NotIn'
          : expr.operator === 'Exists'
            ? 'Exists'
            : expr.operator === 'DoesNotExist'
              ? 'DoesNotExist'
              : undefined;
    if (!op) return NOTHING;
    requirements.push({ key: expr.key, operator: op, values: [...(expr.values ?? [])].sort() });
  }
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { requirements };
}

/** Whether `labels` satisfy a metav1.LabelSelector (nil matches nothing). */
export function matchesLabelSelector(
  ls: LabelSelector | null | undefined,
  labels: Labels,
): boolean {
  return matches(fromLabelSelector(ls), labels);
}

/** A selector that matches exactly these labels (labels.SelectorFromSet). */
export function fromSet(set: Readonly<Record<string, string>>): Selector {
  return {
    requirements: Object.keys(set)
      .sort()
      .map((key) => ({ key, operator: 'Equals' as const, values: [set[key]] })),
  };
}

/** The string form of a selector, as labels.Selector.String() (`a=b,c in (x,y),!d`). */
export function selectorString(selector: Selector): string {
  return selector.requirements
    .map((r) => {
      switch (r.operator) {
        case 'Equals':
          return `${r.key}=${r.values[0]}`;
        case 'NotEquals':
          return `${r.key}!=${r.values[0]}`;
        case 'In':
          return `${r.key} in (${r.values.join(',')})`;
        case 'NotIn':
          return `${r.key} notin (${r.values.join(',')})`;
        case 'Exists':
          return r.key;
        case 'DoesNotExist':
          return `!${r.key}`;
        case 'GreaterThan':
          return `${r.key}>${r.values[0]}`;
        case 'LessThan':
          return `${r.key}<${r.values[0]}`;
      }
    })
    .join(',');
}

/** A selector parse failure, worded as labels.Parse reports it. */
export interface SelectorError {
  error: string;
}

type Token =
  | { kind: 'id'; text: string }
  | { kind: 'op'; text: string }
  | { kind: 'open' | 'close' | 'comma' | 'not' | 'end'; text: string };

function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const special = new Set(['=', '!', '(', ')', ',', '>', '<', ' ', '\t', '\n']);
  while (i < input.length) {
    const c = input[i];
    if (c === ' ' || c === '\t' || c === '\n') {
      i++;
      continue;
    }
    if (c === '(') tokens.push({ kind: 'open', text: c });
    else if (c === ')') tokens.push({ kind: 'close', text: c });
    else if (c === ',') tokens.push({ kind: 'comma', text: c });
    else if (c === '=' && input[i + 1] === '=') {
      tokens.push({ kind: 'op', text: '==' });
      i++;
    } else if (c === '!' && input[i + 1] === '=') {
      tokens.push({ kind: 'op', text: '!=' });
      i++;
    } else if (c === '=' || c === '>' || c === '<') tokens.push({ kind: 'op', text: c });
    else if (c === '!') tokens.push({ kind: 'not', text: c });
    else {
      let j = i;
      while (j < input.length && !special.has(input[j])) j++;
      tokens.push({ kind: 'id', text: input.slice(i, j) });
      i = j;
      continue;
    }
    i++;
  }
  tokens.push({ kind: 'end', text: '' });
  return tokens;
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Parses the `-l` / `?labelSelector=` string form. */
export function parseSelector(input: string): Selector | SelectorError {
  const tokens = lex(input);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const requirements: Requirement[] = [];
  if (peek().kind === 'end') return EVERYTHING;
  for (;;) {
    let negated = false;
    if (peek().kind === 'not') {
      next();
      negated = true;
    }
    const keyTok = next();
    if (keyTok.kind !== 'id') {
      return { error: `unable to parse requirement: found '${keyTok.text}', expected: identifier` };
    }
    const key = keyTok.text;
    const keyError = validateKey(key);
    if (keyError) return { error: `unable to parse requirement: ${keyError}` };
    if (negated) {
      requirements.push({ key, operator: 'DoesNotExist', values: [] });
    } else {
      const t = peek();
      if (t.kind === 'comma' || t.kind === 'end') {
        requirements.push({ key, operator: 'Exists', values: [] });
      } else if (t.kind === 'op') {
        next();
        const v = peek().kind === 'id' ? next().text : '';
        if (!LABEL_VALUE.test(v) || v.length > 63) {
          return { error: `unable to parse requirement: ${invalidValue(v)}` };
        }
        const op =
          t.text === '!='
            ? 'NotEquals'
            : t.text === '>'
              ? 'GreaterThan'
              : t.text === '<'
                ? 'LessThan'
                : 'Equals';
        if ((op === 'GreaterThan' || op === 'LessThan') && !/^-?\d+$/.test(v)) {
          return {
            error: `unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer`,
          };
        }
        requirements.push({ key, operator: op, values: [v] });
      } else if (t.kind === 'id' && (t.text === 'in' || t.text === 'notin')) {
        next();
        if (next().kind !== 'open') {
          return {
            error: `unable to parse requirement: found '${tokens[pos - 1].text}', expected: '('`,
          };
        }
        const values: string[] = [];
        for (;;) {
          const v = peek();
          if (v.kind === 'close') {
            next();
            break;
          }
          if (v.kind === 'id') {
            next();
            values.push(v.text);
          } else if (v.kind === 'comma') {
            next();
          } else {
            return {
              error: `unable to parse requirement: found '${v.text}', expected: ',', ')' or identifier`,
            };
          }
        }
        requirements.push({
          key,
          operator: t.text === 'in' ? 'In' : 'NotIn',
          values: [...new Set(values)].sort(),
        });
      } else {
        return {
          error: `unable to parse requirement: found '${t.text}', expected: in, notin, =, ==, !=, gt, lt`,
        };
      }
    }
    const sep = next();
    if (sep.kind === 'end') break;
    if (sep.kind !== 'comma')
      return { error: `found '${sep.text}', expected: ',' or 'end of string'` };
  }
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { requirements };
}

/** Whether a parse result is an error. */
export function isSelectorError(s: Selector | SelectorError): s is SelectorError {
  return (s as SelectorError).error !== undefined;
}

function invalidValue(v: string): string {
  return (
    `values[0][${v}]: Invalid value: ${JSON.stringify(v)}: a valid label must be an empty string or consist of ` +
    `alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character ` +
    `(e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`
  );
}

function validateKey(key: string): string | undefined {
  const slash = key.indexOf('/');
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (!/^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(name) || name.length > 63) {
    return (
      `key: Invalid value: ${JSON.stringify(key)}: name part must consist of alphanumeric characters, '-', '_' ` +
      `or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or ` +
      `'123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`
    );
  }
  return undefined;
}
