/**
 * Shell pattern matching (`case`, `${x%pat}`, `[[ == ]]`) and pathname expansion against the Vfs.
 * A pattern is a string where a backslash quotes the next character (expansion escapes quoted
 * text that way), so `"*"` never matches as a wildcard.
 */
import type { Vfs } from '../fs';
import { resolvePath } from '../fs';

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  word: 'A-Za-z0-9_',
};

const cache = new Map<string, RegExp>();

/** Whether the pattern has an unquoted wildcard. */
export function hasGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?') return true;
    else if (c === '[' && bracketEnd(pattern, i) > 0) return true;
  }
  return false;
}

/** Escapes text so that it matches only itself as a pattern. */
export function quotePattern(text: string): string {
  return text.replace(/[\\*?[\]]/g, (c) => '\\' + c);
}

/** Removes pattern backslashes (the literal text a non-matching glob stands for). */
export function unquotePattern(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\' && i + 1 < pattern.length) i++;
    out += pattern[i];
  }
  return out;
}

function bracketEnd(p: string, start: number): number {
  let i = start + 1;
  if (p[i] === '!' || p[i] === '^') i++;
  if (p[i] === ']') i++;
  while (i < p.length) {
    if (p[i] === '\\') {
      i += 2;
      continue;
    }
    if (p[i] === '[' && p[i + 1] === ':') {
      const close = p.indexOf(':]', i + 2);
      if (close > 0) {
        i = close + 2;
        continue;
      }
    }
    if (p[i] === ']') return i;
    i++;
  }
  return -1;
}

const reEscape = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, (m) => '\\' + m);

/** Compiles a pattern into a regular expression source (without anchors). */
function compile(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      if (i + 1 < p.length) out += reEscape(p[++i]);
      else out += '\\\\';
    } else if (c === '*') out += '[\\s\\S]*';
    else if (c === '?') out += '[\\s\\S]';
    else if (c === '[') {
      const end = bracketEnd(p, i);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let j = i + 1;
      let neg = false;
      if (p[j] === '!' || p[j] === '^') {
        neg = true;
        j++;
      }
      let set = '';
      let first = true;
      while (j < end) {
        const d = p[j];
        if (d === '[' && p[j + 1] === ':') {
          const close = p.indexOf(':]', j + 2);
          const name = p.slice(j + 2, close);
          set += CLASSES[name] ?? '';
          j = close + 2;
          first = false;
          continue;
        }
        let ch = d;
        if (d === '\\' && j + 1 < end) ch = p[++j];
        if (d === ']' && !first) break;
        set += reEscape(ch);
        j++;
        first = false;
        if (p[j] === '-' && j + 1 < end) {
          let hi = p[j + 1];
          j += 2;
          if (hi === '\\' && j < end) hi = p[j++];
          set = set.slice(0, set.length - reEscape(ch).length) + reEscape(ch) + '-' + reEscape(hi);
        }
      }
      out += neg ? `[^${set}]` : set ? `[${set}]` : '(?!)';
      i = end;
    } else out += reEscape(c);
  }
  return out;
}

function regex(pattern: string, flags: 'full' | 'prefix' | 'suffix'): RegExp {
  const key = flags + '\0' + pattern;
  let re = cache.get(key);
  if (!re) {
    const body = compile(pattern);
    re = new RegExp(
      flags === 'full' ? `^(?:${body})$` : flags === 'prefix' ? `^(?:${body})` : `(?:${body})$`,
    );
    if (cache.size > 2000) cache.clear();
    cache.set(key, re);
  }
  return re;
}

/** Whether `text` matches the whole pattern. */
export function matchPattern(pattern: string, text: string): boolean {
  return regex(pattern, 'full').test(text);
}

/**
 * `${x#p}`/`${x##p}` (prefix) and `${x%p}`/`${x%%p}` (suffix) removal: returns the text with the
 * shortest or longest matching prefix or suffix removed.
 */
export function removeAffix(
  text: string,
  pattern: string,
  suffix: boolean,
  longest: boolean,
): string {
  const re = regex(pattern, 'full');
  const n = text.length;
  if (!suffix) {
    if (longest) {
      for (let i = n; i >= 0; i--) if (re.test(text.slice(0, i))) return text.slice(i);
    } else {
      for (let i = 0; i <= n; i++) if (re.test(text.slice(0, i))) return text.slice(i);
    }
  } else if (longest) {
    for (let i = 0; i <= n; i++) if (re.test(text.slice(i))) return text.slice(0, i);
  } else {
    for (let i = n; i >= 0; i--) if (re.test(text.slice(i))) return text.slice(0, i);
  }
  return text;
}

/** Finds the first (longest at that position) match of a pattern in text, for `${x/p/r}`. */
export function findPattern(
  text: string,
  pattern: string,
  from: number,
  anchor: 'any' | 'start' | 'end',
): { start: number; end: number } | undefined {
  const re = regex(pattern, 'full');
  const starts =
    anchor === 'start' ? [0] : [...Array(text.length - from + 1).keys()].map((k) => k + from);
  for (const s of starts) {
    if (anchor === 'end') {
      if (re.test(text.slice(s))) return { start: s, end: text.length };
      continue;
    }
    for (let e = text.length; e >= s; e--) {
      if (re.test(text.slice(s, e))) {
        if (e === s && pattern !== '') continue;
        return { start: s, end: e };
      }
    }
  }
  return undefined;
}

/**
 * Pathname expansion: the sorted paths matching the pattern, or an empty list (the caller then
 * keeps the word as it was). Hidden names need an explicit leading dot.
 */
export function expandPathname(vfs: Vfs, cwd: string, pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const comps = pattern.split('/');
  let results: string[] = [absolute ? '/' : ''];
  for (let ci = absolute ? 1 : 0; ci < comps.length; ci++) {
    const comp = comps[ci];
    const last = ci === comps.length - 1;
    if (comp === '') {
      // Trailing slash or doubled slash: keep directories only.
      results = results
        .filter((r) => {
          const st = vfs.stat(resolvePath(cwd, r || '.'));
          return st.ok && st.value.type === 'dir';
        })
        .map((r) => (r.endsWith('/') ? r : r + '/'));
      continue;
    }
    const next: string[] = [];
    for (const base of results) {
      const join = (name: string) =>
        base === '' ? name : base.endsWith('/') ? base + name : base + '/' + name;
      if (!hasGlob(comp)) {
        const path = join(unquotePattern(comp));
        if (
          last ? vfs.lookup(resolvePath(cwd, path), false).ok : isDir(vfs, resolvePath(cwd, path))
        ) {
          next.push(path);
        }
        continue;
      }
      const dir = resolvePath(cwd, base || '.');
      const listing = vfs.readdir(dir);
      if (!listing.ok) continue;
      const re = regex(comp, 'full');
      for (const name of listing.value) {
        if (name.startsWith('.') && !comp.startsWith('.') && !comp.startsWith('\\.')) continue;
        if (!re.test(name)) continue;
        const path = join(name);
        if (!last && !isDir(vfs, resolvePath(cwd, path))) continue;
        next.push(path);
      }
    }
    results = next;
    if (results.length === 0) return [];
  }
  return results.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function isDir(vfs: Vfs, path: string): boolean {
  const st = vfs.stat(path);
  return st.ok && st.value.type === 'dir';
}
