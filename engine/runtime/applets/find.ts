/**
 * `find [-HL] [PATH]... [EXPRESSION]` (busybox findutils/find.c; GNU findutils find). Tests:
 * -name -iname -path -ipath -type -maxdepth -mindepth -newer -mtime -mmin -size -empty, actions
 * -print -print0 -prune -delete -exec, operators ! -not -a -and -o -or ( ). Without an action
 * the whole expression is followed by -print. Walks depth first, entries in name order.
 */
import type { Block } from '../kernel';
import { resolvePath, type Stat } from '../fs';
import { findExecutable } from '../exec';
import { defineApplet, type Applet } from './applet';
import { quoteLocale, strerror } from './common';
import { globToRegExp } from './glob';
import { Output, work } from './io';

interface Visit {
  path: string;
  name: string;
  st: Stat;
  depth: number;
}

type Node =
  | { op: 'and' | 'or'; left: Node; right: Node }
  | { op: 'not'; expr: Node }
  | { op: 'test'; name: string; test: (v: Visit) => boolean }
  | { op: 'action'; name: string; run: (v: Visit) => Generator<Block, Result, void> };

/** What an expression yields for a file: false, true, or true and "do not descend" (-prune). */
type Result = boolean | 'prune';

interface Parsed {
  expr: Node | undefined;
  hasAction: boolean;
  maxdepth: number;
  mindepth: number;
  depthFirst: boolean;
  follow: boolean;
}

class FindError {
  constructor(readonly message: string) {}
}

export const find = defineApplet(
  {
    name: 'find',
    // find parses its own expression; only -H/-L come before the paths.
    busybox: { short: '', none: true },
    gnu: { short: '', none: true },
    usage: {
      synopsis: '[-HL] [PATH]... [OPTIONS] [ACTIONS]',
      help:
        'Search for files under each PATH (. by default) and act on them (-print by default)\n\n' +
        '\t-L\t\tFollow symlinks\n' +
        '\t-maxdepth N\tGo at most N levels down\n' +
        '\t-mindepth N\tAct only N or more levels down\n' +
        '\t-depth\t\tAct on a directory after its contents\n' +
        'Tests:\n' +
        '\t-name PATTERN\tFile name matches PATTERN\n' +
        '\t-iname PATTERN\tThe same, ignoring case\n' +
        '\t-path PATTERN\tPath matches PATTERN\n' +
        '\t-type X\t\tFile type is X (f, d, l)\n' +
        '\t-newer FILE\tModified after FILE\n' +
        '\t-mtime DAYS\tModified DAYS days ago (+ more, - less)\n' +
        '\t-mmin MINS\tModified MINS minutes ago\n' +
        '\t-size N[bck]\tSize is N (+ more, - less)\n' +
        '\t-empty\t\tEmpty file or directory\n' +
        'Actions:\n' +
        '\t! EXPR\t\tNot\n' +
        '\tEXPR1 -o EXPR2\tOr\n' +
        '\t-print\t\tPrint the name\n' +
        '\t-print0\t\tPrint the name and a NUL\n' +
        '\t-exec CMD ARG ;\tRun CMD with {} replaced by the name\n' +
        '\t-delete\t\tDelete the file',
    },
    gnuSynopsis: '[-H] [-L] [-P] [-Olevel] [-D debugopts] [path...] [expression]',
  },
  function* (a, opts) {
    let args = opts.operands;
    let follow = false;
    while (args[0] === '-L' || args[0] === '-H' || args[0] === '-P') {
      follow = args[0] === '-L';
      args = args.slice(1);
    }
    const paths: string[] = [];
    while (args.length && !args[0].startsWith('-') && args[0] !== '!' && args[0] !== '(') {
      paths.push(args[0]);
      args = args.slice(1);
    }
    if (paths.length === 0) paths.push('.');
    const out = new Output(a.proc);
    let parsed: Parsed;
    try {
      parsed = parseExpression(a, args, out);
    } catch (e) {
      if (!(e instanceof FindError)) throw e;
      if (e.message.startsWith('unrecognized:') && !a.gnu) {
        yield* a.error(e.message);
        return yield* a.usageError();
      }
      yield* a.error(e.message);
      return 1;
    }
    parsed.follow ||= follow;
    let status = 0;
    const fs = a.proc.ns.fs;
    const visit = function* (path: string, depth: number): Generator<Block, boolean, void> {
      const abs = resolvePath(a.proc.cwd, path);
      const st = parsed.follow || depth === 0 ? fs.stat(abs) : fs.stat(abs, false);
      const lst = st.ok ? st : fs.stat(abs, false);
      if (!lst.ok) {
        yield* a.error(
          a.gnu
            ? `${quoteLocale(path)}: ${strerror(lst.errno)}`
            : `${path}: ${strerror(lst.errno)}`,
        );
        status = 1;
        return true;
      }
      const v: Visit = {
        path,
        name: path.replace(/\/+$/, '').split('/').pop() || path,
        st: lst.value,
        depth,
      };
      let prune = false;
      const act = function* () {
        if (depth >= parsed.mindepth && parsed.expr) {
          const r = yield* evaluate(parsed.expr, v);
          if (r === 'prune') prune = true;
        }
      };
      if (!parsed.depthFirst) yield* act();
      if (v.st.type === 'dir' && depth < parsed.maxdepth && !prune) {
        const names = fs.readdir(abs);
        if (!names.ok) {
          yield* a.error(
            a.gnu
              ? `${quoteLocale(path)}: ${strerror(names.errno)}`
              : `${path}: ${strerror(names.errno)}`,
          );
          status = 1;
        } else {
          for (const n of names.value) {
            yield* visit(path.endsWith('/') ? `${path}${n}` : `${path}/${n}`, depth + 1);
            if (out.full && !(yield* out.flush())) return false;
          }
        }
      }
      if (parsed.depthFirst) yield* act();
      yield* work(a.proc);
      return true;
    };
    for (const p of paths) if (!(yield* visit(p, 0))) return 1;
    if (!(yield* out.flush())) return 1;
    return status;
  },
);

function* evaluate(node: Node, v: Visit): Generator<Block, Result, void> {
  switch (node.op) {
    case 'test':
      return node.test(v);
    case 'action':
      return yield* node.run(v);
    case 'not':
      return !(yield* evaluate(node.expr, v));
    case 'and': {
      const l = yield* evaluate(node.left, v);
      if (!l) return false;
      const r = yield* evaluate(node.right, v);
      return l === 'prune' || r === 'prune' ? (r ? 'prune' : false) : r;
    }
    case 'or': {
      const l = yield* evaluate(node.left, v);
      if (l) return l;
      return yield* evaluate(node.right, v);
    }
  }
}

/** Parses the expression (operators by precedence: ! > -a > -o), adding the implicit -print. */
function parseExpression(a: Applet, args: string[], out: Output): Parsed {
  const parsed: Parsed = {
    expr: undefined,
    hasAction: false,
    maxdepth: Infinity,
    mindepth: 0,
    depthFirst: false,
    follow: false,
  };
  let i = 0;
  const fs = a.proc.ns.fs;
  const need = (name: string): string => {
    if (i >= args.length)
      throw new FindError(
        a.gnu ? `missing argument to \`${name}'` : `${name} requires an argument`,
      );
    return args[i++];
  };
  const numeric = (text: string, name: string): { cmp: -1 | 0 | 1; n: number } => {
    const m = /^([+-]?)(\d+)$/.exec(text);
    if (!m)
      throw new FindError(
        a.gnu ? `invalid argument \`${text}' to \`${name}'` : `invalid number '${text}'`,
      );
    return { cmp: m[1] === '+' ? 1 : m[1] === '-' ? -1 : 0, n: Number(m[2]) };
  };
  const compare = (value: number, c: { cmp: -1 | 0 | 1; n: number }) =>
    c.cmp === 1 ? value > c.n : c.cmp === -1 ? value < c.n : value === c.n;

  const primary = (): Node => {
    const tok = args[i++];
    switch (tok) {
      case '(': {
        const e = orExpr();
        if (args[i++] !== ')')
          throw new FindError(
            a.gnu
              ? "invalid expression; I was expecting to find a ')' somewhere but did not see one."
              : 'unrecognized: (',
          );
        return e;
      }
      case '!':
      case '-not':
        return { op: 'not', expr: primary() };
      case '-name':
      case '-iname': {
        const re = globToRegExp(need(tok), { icase: tok === '-iname' });
        return { op: 'test', name: tok, test: (v) => re.test(v.name) };
      }
      case '-path':
      case '-wholename':
      case '-ipath': {
        const re = globToRegExp(need(tok), { icase: tok === '-ipath' });
        return { op: 'test', name: tok, test: (v) => re.test(v.path) };
      }
      case '-type': {
        const t = need(tok);
        const map: Record<string, Stat['type']> = { f: 'file', d: 'dir', l: 'symlink' };
        const types = t.split(',').map((x) => map[x]);
        if (types.some((x) => x === undefined))
          throw new FindError(a.gnu ? `Unknown argument to -type: ${t}` : `unrecognized: ${t}`);
        return { op: 'test', name: tok, test: (v) => types.includes(v.st.type) };
      }
      case '-maxdepth':
        parsed.maxdepth = numeric(need(tok), tok).n;
        return { op: 'test', name: tok, test: () => true };
      case '-mindepth':
        parsed.mindepth = numeric(need(tok), tok).n;
        return { op: 'test', name: tok, test: () => true };
      case '-depth':
        parsed.depthFirst = true;
        return { op: 'test', name: tok, test: () => true };
      case '-xdev':
      case '-follow':
        if (tok === '-follow') parsed.follow = true;
        return { op: 'test', name: tok, test: () => true };
      case '-newer': {
        const ref = need(tok);
        const st = fs.stat(resolvePath(a.proc.cwd, ref));
        if (!st.ok)
          throw new FindError(
            a.gnu ? `${quoteLocale(ref)}: ${strerror(st.errno)}` : `${ref}: ${strerror(st.errno)}`,
          );
        const t = st.value.mtime;
        return { op: 'test', name: tok, test: (v) => v.st.mtime > t };
      }
      case '-mtime':
      case '-mmin': {
        const c = numeric(need(tok), tok);
        const unit = tok === '-mtime' ? 86_400_000 : 60_000;
        return {
          op: 'test',
          name: tok,
          test: (v) => compare(Math.floor((a.proc.now() - v.st.mtime) / unit), c),
        };
      }
      case '-size': {
        const text = need(tok);
        const m = /^([+-]?\d+)([bckwMG]?)$/.exec(text);
        if (!m)
          throw new FindError(
            a.gnu ? `invalid argument \`${text}' to \`-size'` : `invalid number '${text}'`,
          );
        const c = numeric(m[1], tok);
        const unit = { b: 512, c: 1, k: 1024, w: 2, M: 1048576, G: 1073741824, '': 512 }[m[2]]!;
        // GNU rounds sizes up to whole units; busybox divides and truncates.
        const round = a.gnu ? Math.ceil : Math.floor;
        return { op: 'test', name: tok, test: (v) => compare(round(v.st.size / unit), c) };
      }
      case '-empty':
        return {
          op: 'test',
          name: tok,
          test: (v) => {
            if (v.st.type === 'dir') {
              const r = fs.readdir(resolvePath(a.proc.cwd, v.path));
              return r.ok && r.value.length === 0;
            }
            return v.st.type === 'file' && v.st.size === 0;
          },
        };
      case '-true':
        return { op: 'test', name: tok, test: () => true };
      case '-false':
        return { op: 'test', name: tok, test: () => false };
      case '-print':
      case '-print0': {
        parsed.hasAction = true;
        const end = tok === '-print' ? '\n' : '\0';
        return {
          op: 'action',
          name: tok,
          run: function* (v) {
            out.write(v.path + end);
            return true;
          },
        };
      }
      case '-prune':
        return {
          op: 'action',
          name: tok,
          run: function* (): Generator<Block, Result, void> {
            return 'prune';
          },
        };
      case '-delete':
        parsed.hasAction = true;
        parsed.depthFirst = true;
        return {
          op: 'action',
          name: tok,
          *run(v) {
            const abs = resolvePath(a.proc.cwd, v.path);
            const r = v.st.type === 'dir' ? fs.rmdir(abs) : fs.unlink(abs);
            if (!r.ok && v.depth > 0) {
              yield* a.error(
                a.gnu
                  ? `cannot delete ${quoteLocale(v.path)}: ${strerror(r.errno)}`
                  : `${v.path}: ${strerror(r.errno)}`,
              );
              return false;
            }
            return true;
          },
        };
      case '-exec':
      case '-ok': {
        parsed.hasAction = true;
        const cmd: string[] = [];
        while (i < args.length && args[i] !== ';' && args[i] !== '+') cmd.push(args[i++]);
        if (i >= args.length || cmd.length === 0)
          throw new FindError(
            a.gnu ? `missing argument to \`${tok}'` : `${tok} requires an argument`,
          );
        i++;
        return {
          op: 'action',
          name: tok,
          *run(v) {
            if (!(yield* out.flush())) return false;
            const argv = cmd.map((x) => x.split('{}').join(v.path));
            const exe = findExecutable(a.proc.ns, a.proc.cwd, a.proc.env.get('PATH'), argv);
            if (typeof exe === 'string') {
              yield* a.error(
                a.gnu
                  ? `‘${argv[0]}’: ${strerror(exe === 'ENOEXEC' ? 'EACCES' : exe)}`
                  : `can't execute '${argv[0]}': ${strerror(exe === 'ENOEXEC' ? 'EACCES' : exe)}`,
              );
              return false;
            }
            const child = a.proc.spawn({ program: exe.program, argv: exe.argv });
            const code = yield* a.proc.wait(child);
            return code === 0;
          },
        };
      }
      default:
        if (tok === undefined)
          throw new FindError(a.gnu ? 'invalid expression' : 'unrecognized: (end)');
        throw new FindError(a.gnu ? `unknown predicate \`${tok}'` : `unrecognized: ${tok}`);
    }
  };
  const andExpr = (): Node => {
    let left = primary();
    while (i < args.length && args[i] !== '-o' && args[i] !== '-or' && args[i] !== ')') {
      if (args[i] === '-a' || args[i] === '-and') i++;
      left = { op: 'and', left, right: primary() };
    }
    return left;
  };
  const orExpr = (): Node => {
    let left = andExpr();
    while (args[i] === '-o' || args[i] === '-or') {
      i++;
      left = { op: 'or', left, right: andExpr() };
    }
    return left;
  };
  if (args.length > 0) {
    parsed.expr = orExpr();
    if (i < args.length)
      throw new FindError(
        a.gnu ? `paths must precede expression: \`${args[i]}'` : `unrecognized: ${args[i]}`,
      );
  }
  if (!parsed.hasAction) {
    // The implicit action: ( EXPR ) -print.
    const printer: Node = {
      op: 'action',
      name: '-print',
      run: function* (v) {
        out.write(`${v.path}\n`);
        return true;
      },
    };
    parsed.expr = parsed.expr ? { op: 'and', left: parsed.expr, right: printer } : printer;
  }
  return parsed;
}
