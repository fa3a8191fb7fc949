/**
 * Compares a transcript with a golden expectation that names random values by placeholder, as
 * the golden file does (/work/shared/reference/golden-scenarios.md, "Conventions"):
 *
 * - `xxxxx`, `aaaaa`, `bbbbb`, … (one letter five times): a generated-name suffix, 5 characters
 *   of `bcdfghjklmnpqrstvwxz2456789` (apimachinery util/rand);
 * - `hhhhhhhhhh`: a controller-revision hash, 10 characters of `456789bcdf` (SafeEncodeString);
 * - `<uid>`, `<uid2>`, …: a v4 UUID;
 * - `…` (U+2026): any text within the line, only where the golden file itself allows an
 *   abbreviation (S15's Go value dump).
 *
 * Every other byte must be equal. A placeholder stands for the same value wherever it appears and
 * two placeholders never stand for the same value. Tables sort rows by name, and the order of
 * random suffixes is a matter of the seed, so a run of consecutive lines that name objects by
 * placeholder may match the same lines in any order.
 */

const ALPHABET = {
  suffix: '[bcdfghjklmnpqrstvwxz2456789]{5}',
  hash: '[456789bcdf]{10}',
  uid: '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}',
  any: '.*?',
} as const;

type Kind = keyof typeof ALPHABET;

type Part = { literal: string } | { placeholder: string; kind: Kind };

const TOKEN = /(?<![A-Za-z0-9])(h{10}|([a-z])\2{4}|<uid\d*>)(?![A-Za-z0-9])|(…)/g;

/** Splits one expected line into literal text and placeholders. */
export function parseTemplateLine(line: string): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const m of line.matchAll(TOKEN)) {
    if (m.index > at) parts.push({ literal: line.slice(at, m.index) });
    const token = m[0];
    const kind: Kind =
      token === '…'
        ? 'any'
        : token.startsWith('<')
          ? 'uid'
          : token.length === 10
            ? 'hash'
            : 'suffix';
    parts.push({ placeholder: token, kind });
    at = m.index + token.length;
  }
  if (at < line.length || parts.length === 0) parts.push({ literal: line.slice(at) });
  return parts;
}

type Bindings = ReadonlyMap<string, string>;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches one line; returns the bindings extended by it, or undefined. */
function matchLine(parts: Part[], actual: string, bindings: Bindings): Bindings | undefined {
  const groups: string[] = [];
  let source = '^';
  for (const p of parts) {
    if ('literal' in p) source += escape(p.literal);
    else if (p.kind === 'any') source += ALPHABET.any;
    else if (bindings.has(p.placeholder)) source += escape(bindings.get(p.placeholder)!);
    else {
      const i = groups.indexOf(p.placeholder);
      if (i >= 0) source += `\\${i + 1}`;
      else {
        groups.push(p.placeholder);
        source += `(${ALPHABET[p.kind]})`;
      }
    }
  }
  const m = new RegExp(source + '$').exec(actual);
  if (!m) return undefined;
  if (groups.length === 0) return bindings;
  const next = new Map(bindings);
  const taken = new Set(bindings.values());
  for (let i = 0; i < groups.length; i++) {
    if (taken.has(m[i + 1])) return undefined;
    taken.add(m[i + 1]);
    next.set(groups[i], m[i + 1]);
  }
  return next;
}

/**
 * True if the line names an object by placeholder in its first or second field: a table row
 * (`job-aaaaa   0/1 …`) or a per-object message (`pod "logd-aaaaa" deleted`). Such lines come in
 * name order, which for random suffixes is the seed's choice.
 */
function namesByPlaceholder(line: string): boolean {
  if (/^\s/.test(line)) return false;
  const [first = '', second = ''] = line.split(/\s+/);
  return new RegExp(TOKEN.source).test(first) || new RegExp(TOKEN.source).test(second);
}

function* permutations(n: number): Generator<number[]> {
  const a = [...Array(n).keys()];
  const c = new Array<number>(n).fill(0);
  yield [...a];
  let i = 0;
  while (i < n) {
    if (c[i] < i) {
      const j = i % 2 === 0 ? 0 : c[i];
      [a[j], a[i]] = [a[i], a[j]];
      yield [...a];
      c[i]++;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
}

/** The outcome of a comparison: the bindings found (as far as matching got) and the verdict. */
export interface MatchResult {
  ok: boolean;
  bindings: Map<string, string>;
}

/** Compares `actual` with the `expected` template. */
export function matchTranscript(expected: string, actual: string): MatchResult {
  const lines = expected.split('\n');
  const want = lines.map(parseTemplateLine);
  const got = actual.split('\n');
  // Runs of name-placeholder lines (at most 6 lines are permuted; longer runs keep their order).
  const runEnd: number[] = new Array<number>(want.length);
  for (let i = want.length - 1; i >= 0; i--)
    runEnd[i] = namesByPlaceholder(lines[i]) ? (runEnd[i + 1] ?? i + 1) : i;
  let best: Bindings = new Map();
  let bestLine = -1;
  const step = (i: number, b: Bindings): Bindings | undefined => {
    if (i > bestLine) [best, bestLine] = [b, i];
    if (i === want.length) return want.length === got.length ? b : undefined;
    if (i >= got.length) return undefined;
    const end = Math.min(runEnd[i] > i ? runEnd[i] : i + 1, got.length);
    const size = end - i;
    if (size <= 1 || size > 6) {
      const nb = matchLine(want[i], got[i], b);
      return nb && step(i + 1, nb);
    }
    for (const order of permutations(size)) {
      let nb: Bindings | undefined = b;
      for (let k = 0; k < size && nb; k++) nb = matchLine(want[i + order[k]], got[i + k], nb);
      const done = nb && step(end, nb);
      if (done) return done;
    }
    return undefined;
  };
  const result = step(0, new Map());
  return { ok: result !== undefined, bindings: new Map(result ?? best) };
}

/** The expectation with the bound placeholders filled in (for a readable diff on failure). */
export function renderExpected(expected: string, bindings: ReadonlyMap<string, string>): string {
  return expected.replace(TOKEN, (token: string) => bindings.get(token) ?? token);
}
