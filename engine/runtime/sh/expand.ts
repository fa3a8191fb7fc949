/**
 * Word expansion in POSIX order: (bash) brace expansion, tilde expansion, parameter expansion,
 * command substitution and arithmetic expansion, then field splitting on IFS, pathname
 * expansion and quote removal. Expansions that run commands are generators (they wait).
 */
import type { Block } from '../kernel';
import type { Part, Word } from './ast';
import { evaluateArith, ArithAssignError } from './arith';
import { expandPathname, hasGlob, quotePattern, removeAffix, findPattern } from './pattern';
import type { Shell } from './shell';

/** A piece of expanded text: quoted text is neither split nor globbed. */
type Chunk = { text: string; quoted: boolean; split: boolean } | { brk: true };

type Gen<T> = Generator<Block, T, void>;

/** Expands command words into fields (the full POSIX sequence). */
export function* expandWords(sh: Shell, words: readonly Word[]): Gen<string[]> {
  const out: string[] = [];
  for (const w0 of words) {
    const list = sh.dialect === 'bash' ? braceExpand(w0) : [w0];
    for (const w of list) {
      const chunks = yield* expandParts(sh, w.parts, false, true);
      for (const f of splitFields(sh, chunks)) {
        if (f.glob && !sh.opts.f) {
          const matches = expandPathname(sh.proc.ns.fs, sh.proc.cwd, f.pat);
          if (matches.length > 0) {
            out.push(...matches);
            continue;
          }
        }
        out.push(f.s);
      }
    }
  }
  return out;
}

/** Expands a word to one string without field splitting or globbing (assignments, here-docs). */
export function* expandString(sh: Shell, word: Word, tilde = true): Gen<string> {
  const chunks = yield* expandParts(sh, word.parts, false, tilde);
  let s = '';
  let first = true;
  for (const c of chunks) {
    if ('brk' in c) {
      if (!first) s += ' ';
      continue;
    }
    s += c.text;
    first = false;
  }
  return s;
}

/** Expands a redirection target: one field; bash globs it if that gives exactly one name. */
export function* expandTarget(sh: Shell, word: Word): Gen<string> {
  const chunks = yield* expandParts(sh, word.parts, false, true);
  const fields = splitFields(sh, chunks);
  if (fields.length === 1) {
    const f = fields[0];
    if (sh.dialect === 'bash' && f.glob && !sh.opts.f) {
      const m = expandPathname(sh.proc.ns.fs, sh.proc.cwd, f.pat);
      if (m.length === 1) return m[0];
    }
    return f.s;
  }
  return yield* expandString(sh, word);
}

/** Expands a word as a pattern: quoted characters are escaped so they match literally. */
export function* expandPattern(sh: Shell, word: Word): Gen<string> {
  const chunks = yield* expandParts(sh, word.parts, false, true);
  let pat = '';
  for (const c of chunks) {
    if ('brk' in c) {
      pat += ' ';
      continue;
    }
    pat += c.quoted ? quotePattern(c.text) : c.text;
  }
  return pat;
}

interface Field {
  s: string;
  pat: string;
  glob: boolean;
  started: boolean;
}

function splitFields(sh: Shell, chunks: Chunk[]): Field[] {
  const ifsVar = sh.getVar('IFS');
  const ifs = ifsVar === undefined ? ' \t\n' : ifsVar;
  const fields: Field[] = [];
  let cur: Field = { s: '', pat: '', glob: false, started: false };
  let sep: 'none' | 'ws' | 'hard' = 'none';
  const emit = () => {
    fields.push(cur);
    cur = { s: '', pat: '', glob: false, started: false };
  };
  for (const c of chunks) {
    if ('brk' in c) {
      emit();
      sep = 'none';
      continue;
    }
    if (c.quoted) {
      cur.s += c.text;
      cur.pat += quotePattern(c.text);
      cur.started = true;
      sep = 'none';
      continue;
    }
    if (!c.split) {
      cur.s += c.text;
      cur.pat += c.text;
      if (hasGlob(c.text)) cur.glob = true;
      cur.started = true;
      sep = 'none';
      continue;
    }
    for (const ch of c.text) {
      if (!ifs.includes(ch)) {
        cur.s += ch;
        cur.pat += ch;
        if (ch === '*' || ch === '?' || ch === '[') cur.glob = true;
        cur.started = true;
        sep = 'none';
        continue;
      }
      const ws = ch === ' ' || ch === '\t' || ch === '\n';
      if (ws) {
        if (sep === 'none' && cur.started) {
          emit();
          sep = 'ws';
        }
      } else if (sep === 'ws') sep = 'hard';
      else if (sep === 'hard') emit();
      else {
        emit();
        sep = 'hard';
      }
    }
  }
  if (cur.started) fields.push(cur);
  // Re-check glob flags on unquoted literal text that spans chunks ("[" then "a]").
  for (const f of fields) if (!f.glob && hasGlob(f.pat)) f.glob = true;
  return fields;
}

function containsAt(parts: Part[]): boolean {
  return parts.some((p) => p.k === 'param' && p.name === '@');
}

/** Expands parts into chunks. `quoted` is true inside double quotes. */
function* expandParts(
  sh: Shell,
  parts: readonly Part[],
  quoted: boolean,
  tilde: boolean,
): Gen<Chunk[]> {
  const out: Chunk[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    switch (p.k) {
      case 'lit': {
        let s = p.s;
        if (i === 0 && tilde && s.startsWith('~')) {
          const slash = s.indexOf('/');
          const user = slash < 0 ? s.slice(1) : s.slice(1, slash);
          const home = user === '' ? sh.getVar('HOME') : user === 'root' ? '/root' : undefined;
          const onlyPart = slash >= 0 || parts.length === 1 || parts[1].k === 'lit';
          if (home !== undefined && onlyPart) {
            out.push({ text: home, quoted: true, split: false });
            s = slash < 0 ? '' : s.slice(slash);
          }
        }
        if (s) out.push({ text: s, quoted, split: false });
        break;
      }
      case 'sq':
        out.push({ text: p.s, quoted: true, split: false });
        break;
      case 'dq': {
        if (!containsAt(p.parts)) out.push({ text: '', quoted: true, split: false });
        out.push(...(yield* expandParts(sh, p.parts, true, false)));
        break;
      }
      case 'param':
        out.push(...(yield* expandParam(sh, p, quoted)));
        break;
      case 'cmd': {
        const text = yield* sh.commandSubstitution(p.body);
        out.push({ text, quoted, split: !quoted });
        break;
      }
      case 'arith': {
        const expr = yield* expandString(sh, p.expr, false);
        const v = sh.arith(expr);
        out.push({ text: v.toString(), quoted, split: !quoted });
        break;
      }
    }
  }
  return out;
}

function* expandParam(sh: Shell, p: Extract<Part, { k: 'param' }>, quoted: boolean): Gen<Chunk[]> {
  const name = p.name;
  const op = p.op;
  if (name === '@' || (name === '*' && !quoted)) {
    if (op === undefined) return listChunks(sh.positional, quoted, name === '@');
  }
  let value = sh.getParam(name);
  const isSet = value !== undefined;
  if (op === 'len') {
    if (value === undefined) sh.checkUnset(name);
    return [{ text: String((value ?? '').length), quoted, split: !quoted }];
  }
  const useArg = (colonOp: boolean, wantSet: boolean) => {
    const present = colonOp ? isSet && value !== '' : isSet;
    return wantSet ? present : !present;
  };
  switch (op) {
    case '-':
    case ':-':
      if (useArg(op === ':-', false)) return yield* argChunks(sh, p, quoted);
      break;
    case '+':
    case ':+':
      if (useArg(op === ':+', true)) return yield* argChunks(sh, p, quoted);
      return quoted ? [{ text: '', quoted: true, split: false }] : [];
    case '=':
    case ':=':
      if (useArg(op === ':=', false)) {
        const v = yield* expandString(sh, p.arg!);
        sh.assignFromExpansion(name, v);
        value = v;
      }
      break;
    case '?':
    case ':?':
      if (useArg(op === ':?', false)) {
        const msg = p.arg && p.arg.parts.length ? yield* expandString(sh, p.arg) : '';
        sh.parameterError(name, msg, op === ':?');
      }
      break;
    case '%':
    case '%%':
    case '#':
    case '##': {
      if (value === undefined) sh.checkUnset(name);
      const pat = yield* expandPattern(sh, p.arg!);
      const v = name === '@' || name === '*' ? sh.positional.join(' ') : (value ?? '');
      return [
        { text: removeAffix(v, pat, op[0] === '%', op.length === 2), quoted, split: !quoted },
      ];
    }
    case '/':
    case '//':
    case '/#':
    case '/%': {
      const arg = p.arg!;
      const raw = arg.parts;
      // Split the argument at the first unquoted slash: pattern/replacement.
      const { pattern, replacement } = splitReplace(raw);
      const pat = yield* expandPattern(sh, { parts: pattern, raw: '' });
      const rep = replacement ? yield* expandString(sh, { parts: replacement, raw: '' }) : '';
      let v = value ?? '';
      const anchor = op === '/#' ? 'start' : op === '/%' ? 'end' : 'any';
      let from = 0;
      let result = '';
      for (;;) {
        const m = findPattern(v, pat, from, anchor);
        if (!m) break;
        result += v.slice(from, m.start) + rep;
        from = m.end === m.start ? m.end + 1 : m.end;
        if (m.end === m.start) result += v.slice(m.start, m.start + 1);
        if (op !== '//') break;
        if (from > v.length) break;
      }
      v = result + v.slice(from);
      return [{ text: v, quoted, split: !quoted }];
    }
    case ':': {
      const spec = yield* expandString(sh, p.arg!);
      const [offText, lenText] = splitColon(spec);
      const v = name === '@' || name === '*' ? sh.positional.join(' ') : (value ?? '');
      let off = Number(sh.arith(offText));
      if (off < 0) off = Math.max(0, v.length + off);
      let end = v.length;
      if (lenText !== undefined) {
        const len = Number(sh.arith(lenText));
        end = len < 0 ? v.length + len : off + len;
      }
      return [{ text: v.slice(off, Math.max(off, end)), quoted, split: !quoted }];
    }
    case '^^':
    case ',,':
    case '^':
    case ',': {
      const v = value ?? '';
      const up = op[0] === '^';
      const conv = (s: string) => (up ? s.toUpperCase() : s.toLowerCase());
      const text = op.length === 2 ? conv(v) : conv(v.slice(0, 1)) + v.slice(1);
      return [{ text, quoted, split: !quoted }];
    }
  }
  if (value === undefined) {
    sh.checkUnset(name);
    return [];
  }
  if (name === '*' && quoted) return [{ text: value, quoted, split: false }];
  return [{ text: value, quoted, split: !quoted }];
}

function listChunks(params: readonly string[], quoted: boolean, at: boolean): Chunk[] {
  const out: Chunk[] = [];
  params.forEach((v, i) => {
    if (i > 0) out.push({ brk: true });
    out.push({ text: v, quoted, split: !quoted });
  });
  if (!quoted && !at) return out;
  return out;
}

function* argChunks(sh: Shell, p: Extract<Part, { k: 'param' }>, quoted: boolean): Gen<Chunk[]> {
  if (!p.arg) return [];
  const chunks = yield* expandParts(sh, p.arg.parts, quoted, true);
  return chunks;
}

function splitReplace(parts: Part[]): { pattern: Part[]; replacement?: Part[] } {
  const pattern: Part[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.k === 'lit') {
      const slash = p.s.indexOf('/');
      if (slash >= 0) {
        if (slash > 0) pattern.push({ k: 'lit', s: p.s.slice(0, slash) });
        const rest: Part[] = [];
        if (slash + 1 < p.s.length) rest.push({ k: 'lit', s: p.s.slice(slash + 1) });
        rest.push(...parts.slice(i + 1));
        return { pattern, replacement: rest };
      }
    }
    pattern.push(p);
  }
  return { pattern };
}

function splitColon(spec: string): [string, string | undefined] {
  const i = spec.indexOf(':');
  return i < 0 ? [spec, undefined] : [spec.slice(0, i), spec.slice(i + 1)];
}

/** bash brace expansion: `a{b,c}d` and `{1..5}` / `{a..e}` sequences on unquoted text. */
export function braceExpand(word: Word): Word[] {
  for (let pi = 0; pi < word.parts.length; pi++) {
    const part = word.parts[pi];
    if (part.k !== 'lit') continue;
    const s = part.s;
    for (let i = 0; i < s.length; i++) {
      if (s[i] !== '{') continue;
      if (s[i + 1] === '}') continue;
      let depth = 0;
      let end = -1;
      const commas: number[] = [];
      for (let j = i; j < s.length; j++) {
        if (s[j] === '{') depth++;
        else if (s[j] === '}') {
          depth--;
          if (depth === 0) {
            end = j;
            break;
          }
        } else if (s[j] === ',' && depth === 1) commas.push(j);
      }
      if (end < 0) break;
      const inner = s.slice(i + 1, end);
      let alternatives: string[] | undefined;
      if (commas.length > 0) {
        alternatives = [];
        let prev = i + 1;
        for (const c of [...commas, end]) {
          alternatives.push(s.slice(prev, c));
          prev = c + 1;
        }
      } else {
        const m = /^(-?[0-9]+)\.\.(-?[0-9]+)(?:\.\.(-?[0-9]+))?$/.exec(inner);
        const a = /^([A-Za-z])\.\.([A-Za-z])$/.exec(inner);
        if (m) {
          const from = Number(m[1]);
          const to = Number(m[2]);
          const step = Math.abs(Number(m[3] ?? 1)) || 1;
          const width =
            /^-?0[0-9]/.test(m[1]) || /^-?0[0-9]/.test(m[2])
              ? Math.max(m[1].length, m[2].length)
              : 0;
          alternatives = [];
          for (let v = from; from <= to ? v <= to : v >= to; v += from <= to ? step : -step) {
            const t = String(Math.abs(v)).padStart(width - (v < 0 ? 1 : 0), '0');
            alternatives.push((v < 0 ? '-' : '') + t);
          }
        } else if (a) {
          const from = a[1].charCodeAt(0);
          const to = a[2].charCodeAt(0);
          alternatives = [];
          for (let v = from; from <= to ? v <= to : v >= to; v += from <= to ? 1 : -1) {
            alternatives.push(String.fromCharCode(v));
          }
        }
      }
      if (!alternatives) continue;
      const before = word.parts.slice(0, pi);
      const after = word.parts.slice(pi + 1);
      const result: Word[] = [];
      for (const alt of alternatives) {
        const text = s.slice(0, i) + alt + s.slice(end + 1);
        const parts: Part[] = [
          ...before,
          ...(text ? [{ k: 'lit' as const, s: text }] : []),
          ...after,
        ];
        result.push(...braceExpand({ parts, raw: word.raw }));
      }
      return result;
    }
  }
  return [word];
}

/** Re-exported for the shell's `arith` wrapper. */
export { evaluateArith, ArithAssignError };
