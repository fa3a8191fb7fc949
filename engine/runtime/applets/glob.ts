/** fnmatch(3)-style shell patterns (`*`, `?`, `[...]`) as RegExps, for find -name and friends. */

/**
 * Compiles a pattern. With `pathname`, `*` and `?` do not match `/` (FNM_PATHNAME); a
 * malformed bracket is taken literally, as glibc does.
 */
export function globToRegExp(
  pattern: string,
  options: { icase?: boolean; pathname?: boolean } = {},
): RegExp {
  const any = options.pathname ? '[^/]' : '[\\s\\S]';
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      out += escape(pattern[++i]);
    } else if (c === '*') out += `${any}*`;
    else if (c === '?') out += any;
    else if (c === '[') {
      const end = bracketEnd(pattern, i);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      let negate = false;
      if (body.startsWith('!') || body.startsWith('^')) {
        negate = true;
        body = body.slice(1);
      }
      body = body
        .replace(/\[:(\w+):\]/g, (_, name: string) => CLASSES[name] ?? '')
        .replace(/[\\\]^]/g, (m) => `\\${m}`);
      out += `[${negate ? '^' : ''}${body}]`;
      i = end;
    } else out += escape(c);
  }
  return new RegExp(`^${out}$`, options.icase ? 'i' : '');
}

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: '0-9A-Za-z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  punct: '!-/:-@[-`{-~',
  xdigit: '0-9A-Fa-f',
};

function bracketEnd(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '!' || pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === '[' && pattern[i + 1] === ':') {
      const close = pattern.indexOf(':]', i + 2);
      if (close > 0) {
        i = close + 1;
        continue;
      }
    }
    if (pattern[i] === ']') return i;
  }
  return -1;
}

function escape(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}
