/**
 * POSIX regular expressions (basic and extended, with the GNU extensions grep users know:
 * `\+ \? \|` in BREs, `\< \> \b \w \W \s \S`, back-references) translated to JavaScript
 * RegExp source. Errors are returned as values with glibc's regerror() wording.
 */

/** A translated expression, or the error regcomp would report. */
export type RegexResult = { ok: true; source: string } | { ok: false; error: string };

/** glibc regerror() texts. */
export const REGEX_ERRORS = {
  paren: 'Unmatched ( or \\(',
  closeParen: 'Unmatched ) or \\)',
  bracket: 'Unmatched [, [^, [:, [., or [=',
  brace: 'Unmatched \\{',
  badBrace: 'Invalid content of \\{\\}',
  backref: 'Invalid back reference',
  preceding: 'Invalid preceding regular expression',
  trailingBackslash: 'Trailing backslash',
  class: 'Invalid character class name',
  range: 'Invalid range end',
};

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: '0-9A-Za-z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f',
};

function escapeChar(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

/** Escapes a literal string for a RegExp. */
export function escapeLiteral(text: string): string {
  let out = '';
  for (const c of text) out += escapeChar(c);
  return out;
}

/** Parses a bracket expression starting after `[`; returns the JS class and the next index. */
function bracket(re: string, start: number): { source: string; next: number } | { error: string } {
  let i = start;
  let negate = false;
  if (re[i] === '^') {
    negate = true;
    i++;
  }
  const items: string[] = [];
  let first = true;
  for (;;) {
    if (i >= re.length) return { error: REGEX_ERRORS.bracket };
    const c = re[i];
    if (c === ']' && !first) {
      i++;
      break;
    }
    first = false;
    if (c === '[' && (re[i + 1] === ':' || re[i + 1] === '=' || re[i + 1] === '.')) {
      const kind = re[i + 1];
      const end = re.indexOf(`${kind}]`, i + 2);
      if (end < 0) return { error: REGEX_ERRORS.bracket };
      const name = re.slice(i + 2, end);
      i = end + 2;
      if (kind === ':') {
        const cls = CLASSES[name];
        if (cls === undefined) return { error: REGEX_ERRORS.class };
        items.push(cls);
      } else items.push(escapeLiteral(name));
      continue;
    }
    // A range a-z (a '-' first, last, or after a range is literal).
    if (re[i + 1] === '-' && re[i + 2] !== undefined && re[i + 2] !== ']') {
      const lo = c;
      const hi = re[i + 2];
      if (hi < lo) return { error: REGEX_ERRORS.range };
      items.push(`${escapeChar(lo)}-${escapeChar(hi)}`);
      i += 3;
      continue;
    }
    items.push(escapeChar(c));
    i++;
  }
  return { source: `[${negate ? '^' : ''}${items.join('')}]`, next: i };
}

/**
 * Translates a POSIX regular expression. In a BRE, `( ) { } + ? |` are literal unless escaped;
 * in an ERE they are operators and escaping makes them literal.
 */
export function translatePosix(re: string, extended: boolean): RegexResult {
  let out = '';
  let depth = 0;
  let groups = 0;
  // Whether the previous element can take a repetition operator.
  let canRepeat = false;
  // At the start of the expression or of a group/alternative (BRE: `*` is literal there).
  let atStart = true;
  const closedGroups: number[] = [];
  const open: number[] = [];
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    let op: string | undefined;
    let esc = false;
    if (c === '\\') {
      if (i + 1 >= re.length) return { ok: false, error: REGEX_ERRORS.trailingBackslash };
      esc = true;
      op = re[++i];
    } else op = c;

    const isOp = (sym: string) => (extended ? !esc && op === sym : esc && op === sym);
    if (isOp('(')) {
      groups++;
      depth++;
      open.push(groups);
      out += '(';
      atStart = true;
      canRepeat = false;
      continue;
    }
    if (isOp(')')) {
      if (depth === 0) {
        if (extended) {
          out += '\\)';
          canRepeat = true;
          atStart = false;
          continue;
        }
        return { ok: false, error: REGEX_ERRORS.closeParen };
      }
      depth--;
      closedGroups.push(open.pop()!);
      out += ')';
      canRepeat = true;
      atStart = false;
      continue;
    }
    if (isOp('|')) {
      out += '|';
      atStart = true;
      canRepeat = false;
      continue;
    }
    if (isOp('{')) {
      const close = extended ? re.indexOf('}', i + 1) : re.indexOf('\\}', i + 1);
      const body = close < 0 ? undefined : re.slice(i + 1, close);
      if (body === undefined || !/^\d*(,\d*)?$/.test(body) || body === '' || body === ',') {
        if (extended && body === undefined) {
          // GNU ERE: a `{` that cannot start an interval is literal.
          out += '\\{';
          canRepeat = true;
          atStart = false;
          continue;
        }
        return { ok: false, error: close < 0 ? REGEX_ERRORS.brace : REGEX_ERRORS.badBrace };
      }
      if (!canRepeat) {
        if (atStart && !extended) {
          out += '\\{';
          continue;
        }
        return { ok: false, error: REGEX_ERRORS.preceding };
      }
      const [lo, hi] = body.split(',');
      if (hi !== undefined && hi !== '' && Number(hi) < Number(lo || 0))
        return { ok: false, error: REGEX_ERRORS.badBrace };
      out += `{${lo || '0'}${hi === undefined ? '' : `,${hi}`}}`;
      i = extended ? close : close + 1;
      canRepeat = false;
      continue;
    }
    if (isOp('+') || isOp('?')) {
      if (!canRepeat) {
        if (extended && !atStart) return { ok: false, error: REGEX_ERRORS.preceding };
        out += `\\${op}`;
        canRepeat = true;
        atStart = false;
        continue;
      }
      out += op;
      continue;
    }
    if (!esc && c === '*') {
      if (!canRepeat) {
        // A leading `*` is literal (BRE); GNU ERE also treats it as literal there.
        out += '\\*';
        canRepeat = true;
        atStart = false;
        continue;
      }
      out += '*';
      continue;
    }
    if (!esc && c === '^') {
      // In a BRE `^` anchors only at the start; in an ERE anywhere.
      if (extended || atStart) {
        out += '^';
        canRepeat = false;
        continue;
      }
      out += '\\^';
      canRepeat = true;
      atStart = false;
      continue;
    }
    if (!esc && c === '$') {
      const next = re.slice(i + 1);
      const atEnd = next === '' || next.startsWith('\\)') || next.startsWith('\\|');
      if (extended || atEnd) {
        out += '$';
        canRepeat = false;
        atStart = false;
        continue;
      }
      out += '\\$';
      canRepeat = true;
      atStart = false;
      continue;
    }
    if (!esc && c === '[') {
      const b = bracket(re, i + 1);
      if ('error' in b) return { ok: false, error: b.error };
      out += b.source;
      i = b.next - 1;
      canRepeat = true;
      atStart = false;
      continue;
    }
    if (!esc && c === '.') {
      out += '.';
      canRepeat = true;
      atStart = false;
      continue;
    }
    if (esc) {
      if (/[1-9]/.test(op)) {
        if (!closedGroups.includes(Number(op))) return { ok: false, error: REGEX_ERRORS.backref };
        out += `\\${op}`;
      } else if (op === '<') out += '\\b(?=\\w)';
      else if (op === '>') out += '\\b(?<=\\w)';
      else if (op === 'b' || op === 'B' || op === 'w' || op === 'W' || op === 's' || op === 'S')
        out += `\\${op}`;
      else out += escapeChar(op);
      canRepeat = op !== '<' && op !== '>' && op !== 'b' && op !== 'B';
      atStart = false;
      continue;
    }
    out += escapeChar(c);
    canRepeat = true;
    atStart = false;
  }
  if (depth > 0) return { ok: false, error: REGEX_ERRORS.paren };
  return { ok: true, source: out };
}
