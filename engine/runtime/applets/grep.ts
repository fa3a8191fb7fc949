/**
 * `grep [-HhnlLoqvscFEiwxr] [-m N] [-A N] [-B N] [-C N] [-e PAT]... [-f FILE] PATTERN [FILE]...`
 * (busybox findutils/grep.c; GNU grep 3.11). Input is matched line by line as it streams in,
 * so `kubectl get -w | grep x` prints as lines arrive. Exit status: 0 when a line was selected,
 * 1 when none was, 2 on an error.
 */
import type { Block } from '../kernel';
import { resolvePath } from '../fs';
import { defineApplet, type Applet } from './applet';
import { quoteGnu, strerror } from './common';
import { absPath, dataSource, fdSource, LineSplitter, Output, work, type Source } from './io';
import { escapeLiteral, translatePosix } from './posix-regex';

interface Matcher {
  /** Whether the line is selected (before -v). */
  test(line: string): boolean;
  /** The matched parts of a line, for -o. */
  parts(line: string): string[];
}

function buildMatcher(
  patterns: string[],
  mode: 'basic' | 'extended' | 'fixed',
  icase: boolean,
  word: boolean,
  whole: boolean,
): Matcher | { error: string; pattern: string } {
  const sources: string[] = [];
  for (const p of patterns) {
    if (mode === 'fixed') {
      sources.push(escapeLiteral(p));
      continue;
    }
    const t = translatePosix(p, mode === 'extended');
    if (!t.ok) return { error: t.error, pattern: p };
    sources.push(t.source);
  }
  let body = sources.map((s) => `(?:${s})`).join('|');
  if (whole) body = `^(?:${body})$`;
  else if (word) body = `(?<![A-Za-z0-9_])(?:${body})(?![A-Za-z0-9_])`;
  const flags = icase ? 'i' : '';
  let re: RegExp;
  let global: RegExp;
  try {
    re = new RegExp(body, flags);
    global = new RegExp(body, flags + 'g');
  } catch {
    return { error: 'Invalid regular expression', pattern: patterns[0] };
  }
  // An empty pattern matches every line.
  const matchesAll = patterns.some((p) => p === '') && !whole && !word;
  return {
    test: (line) => matchesAll || re.test(line),
    parts: (line) => {
      const out: string[] = [];
      global.lastIndex = 0;
      for (let m = global.exec(line); m; m = global.exec(line)) {
        if (m[0] === '') {
          global.lastIndex++;
          continue;
        }
        out.push(m[0]);
      }
      return out;
    },
  };
}

const GNU_LONG = {
  'extended-regexp': { key: 'E' },
  'fixed-strings': { key: 'F' },
  'basic-regexp': { key: 'G' },
  regexp: { key: 'e', arg: 'required' as const },
  file: { key: 'f', arg: 'required' as const },
  'ignore-case': { key: 'i' },
  'no-ignore-case': { key: 'no-ignore-case' },
  'word-regexp': { key: 'w' },
  'line-regexp': { key: 'x' },
  'invert-match': { key: 'v' },
  count: { key: 'c' },
  color: { key: 'color', arg: 'optional' as const },
  colour: { key: 'color', arg: 'optional' as const },
  'files-without-match': { key: 'L' },
  'files-with-matches': { key: 'l' },
  'max-count': { key: 'm', arg: 'required' as const },
  'only-matching': { key: 'o' },
  quiet: { key: 'q' },
  silent: { key: 'q' },
  'no-messages': { key: 's' },
  'line-number': { key: 'n' },
  'with-filename': { key: 'H' },
  'no-filename': { key: 'h' },
  recursive: { key: 'r' },
  'dereference-recursive': { key: 'R' },
  'after-context': { key: 'A', arg: 'required' as const },
  'before-context': { key: 'B', arg: 'required' as const },
  context: { key: 'C', arg: 'required' as const },
  'null-data': { key: 'z' },
};

/** Makes grep, or egrep/fgrep (busybox applets that preset -E or -F). */
function makeGrep(name: string, preset: '' | 'E' | 'F') {
  return defineApplet(
    {
      name,
      busybox: { short: 'HhnlLoqvscFEiwxrRm:A:B:C:e:f:z' },
      gnu: { short: 'HhnlLoqvscFEGiywxrRm:A:B:C:e:f:zabIUZT', long: GNU_LONG },
      usage: {
        synopsis:
          '[-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...',
        help:
          'Print the lines of FILEs (or stdin) that match PATTERN\n\n' +
          '\t-H\tPrefix lines with the file name\n' +
          '\t-h\tNever prefix the file name\n' +
          '\t-n\tPrefix line numbers\n' +
          '\t-l\tOnly the names of files that match\n' +
          '\t-L\tOnly the names of files that do not match\n' +
          '\t-c\tOnly a count of matching lines\n' +
          '\t-o\tOnly the matching parts\n' +
          '\t-q\tNo output; exit 0 on the first match\n' +
          '\t-v\tSelect lines that do not match\n' +
          '\t-s\tNo messages about unreadable files\n' +
          '\t-r\tSearch directories recursively\n' +
          '\t-i\tIgnore case\n' +
          '\t-w\tMatch whole words\n' +
          '\t-x\tMatch whole lines\n' +
          '\t-F\tPATTERN is a literal string\n' +
          '\t-E\tPATTERN is an extended regular expression\n' +
          '\t-m N\tStop after N matching lines\n' +
          '\t-A N\tAlso print N lines after each match\n' +
          '\t-B N\tAlso print N lines before each match\n' +
          '\t-C N\tBoth -A N and -B N\n' +
          '\t-e PTRN\tA pattern (may be repeated)\n' +
          '\t-f FILE\tRead patterns from FILE',
      },
      gnuSynopsis: '[OPTION]... PATTERNS [FILE]...',
      gnuUsageStatus: 2,
      gnuVersion: '(GNU grep) 3.11',
    },
    function* (a, opts) {
      const proc = a.proc;
      const operands = [...opts.operands];
      let patterns: string[] = [];
      for (const e of opts.values('e')) patterns.push(...e.split('\n'));
      for (const f of opts.values('f')) {
        const r = f === '-' ? undefined : proc.ns.fs.readFile(absPath(proc, f));
        if (!r || !r.ok) {
          yield* a.error(
            `${a.gnu ? quoteGnu(f) : f}: ${strerror(r && !r.ok ? r.errno : 'ENOENT')}`,
          );
          return 2;
        }
        patterns.push(...r.value.replace(/\n$/, '').split('\n'));
      }
      if (!opts.has('e') && !opts.has('f')) {
        if (operands.length === 0) return yield* a.usageError();
        patterns = operands.shift()!.split('\n');
      }
      const mode =
        preset === 'F' || opts.has('F')
          ? 'fixed'
          : preset === 'E' || opts.has('E')
            ? 'extended'
            : 'basic';
      const built = buildMatcher(
        patterns,
        mode,
        opts.has('i') || opts.has('y'),
        opts.has('w'),
        opts.has('x'),
      );
      let matcher: Matcher;
      let pendingError: string | undefined;
      if ('error' in built) {
        if (a.gnu) {
          yield* a.error(built.error);
          return 2;
        }
        // busybox compiles a pattern when it first needs it: with no input there is no error.
        pendingError = `bad regex '${built.pattern}'`;
        matcher = { test: () => false, parts: () => [] };
      } else matcher = built;
      const recursive = opts.has('r') || opts.has('R');
      let files = operands;
      if (files.length === 0) files = recursive && a.gnu ? ['.'] : ['-'];
      const implicitDot =
        opts.operands.length === 0 ||
        (files.length === 1 && files[0] === '.' && operands.length === 0);
      const showNames = opts.has('H') || (!opts.has('h') && (files.length > 1 || recursive));
      const ctx = {
        a,
        matcher,
        invert: opts.has('v'),
        count: opts.has('c'),
        listMatching: opts.has('l'),
        listMissing: opts.has('L'),
        only: opts.has('o'),
        quiet: opts.has('q'),
        numbers: opts.has('n'),
        max: opts.has('m') ? Number(opts.value('m')) : Infinity,
        after: Number(opts.value('A') ?? opts.value('C') ?? 0),
        before: Number(opts.value('B') ?? opts.value('C') ?? 0),
        // GNU separates groups with "--" whenever a context option was given, even 0.
        separators: a.gnu ? opts.has('A') || opts.has('B') || opts.has('C') : false,
        pendingError,
        showNames,
        out: new Output(proc),
        selectedAny: false,
        lastPrinted: 0,
        printedAny: false,
      };
      let errors = false;
      for (const file of files) {
        if (file === '-') {
          const done = yield* searchSource(ctx, fdSource(proc, 0), '(standard input)');
          if (done === 'quit') return 0;
          if (done === 'fatal') return 2;
          continue;
        }
        const targets = recursive
          ? yield* walk(a, file, implicitDot && a.gnu)
          : [{ path: file, shown: file }];
        for (const target of targets) {
          const r = proc.ns.fs.readFile(absPath(proc, target.path));
          if (!r.ok) {
            if (r.errno === 'EISDIR') {
              if (!recursive) {
                if (!opts.has('s'))
                  yield* a.error(
                    `${a.gnu ? quoteGnu(target.shown) : target.shown}: Is a directory`,
                  );
                // GNU grep 3.x skips directories silently with a status of 2 only when told to read them.
                if (!a.gnu) errors = true;
              }
              continue;
            }
            if (!opts.has('s'))
              yield* a.error(
                `${a.gnu ? quoteGnu(target.shown) : target.shown}: ${strerror(r.errno)}`,
              );
            errors = true;
            continue;
          }
          const done = yield* searchSource(ctx, dataSource(r.value), target.shown);
          if (done === 'quit') return 0;
          if (done === 'fatal') return 2;
        }
      }
      if (!(yield* ctx.out.flush())) return 2;
      if (errors && !(ctx.quiet && ctx.selectedAny && a.gnu)) return 2;
      return ctx.selectedAny ? 0 : 1;
    },
  );
}

/** Files under `root` for -r, in name order; GNU drops a leading "./" when it chose "." itself. */
function* walk(
  a: Applet,
  root: string,
  stripDot: boolean,
): Generator<Block, Array<{ path: string; shown: string }>, void> {
  const out: Array<{ path: string; shown: string }> = [];
  const visit = (path: string, shown: string) => {
    const st = a.proc.ns.fs.stat(resolvePath(a.proc.cwd, path), false);
    if (!st.ok) {
      out.push({ path, shown });
      return;
    }
    // -r follows a symlink only when it is an operand (GNU grep; -R follows all).
    if (st.value.type === 'symlink' && path !== root) return;
    const target = a.proc.ns.fs.stat(resolvePath(a.proc.cwd, path));
    if (!target.ok || target.value.type !== 'dir') {
      out.push({ path, shown });
      return;
    }
    const entries = a.proc.ns.fs.readdir(resolvePath(a.proc.cwd, path));
    if (!entries.ok) return;
    for (const e of entries.value) {
      const child = path.endsWith('/') ? `${path}${e}` : `${path}/${e}`;
      const childShown =
        stripDot && shown === '.' ? e : shown.endsWith('/') ? `${shown}${e}` : `${shown}/${e}`;
      visit(child, childShown);
    }
  };
  visit(root, root);
  yield* work(a.proc, Math.ceil(out.length / 20));
  return out;
}

interface SearchContext {
  a: Applet;
  matcher: Matcher;
  invert: boolean;
  count: boolean;
  listMatching: boolean;
  listMissing: boolean;
  only: boolean;
  quiet: boolean;
  numbers: boolean;
  max: number;
  after: number;
  before: number;
  showNames: boolean;
  separators: boolean;
  pendingError?: string;
  out: Output;
  selectedAny: boolean;
  lastPrinted: number;
  printedAny: boolean;
}

/**
 * Searches one input; 'quit' when -q found a match and grep should exit at once, 'fatal' when
 * a deferred pattern error surfaced.
 */
function* searchSource(
  c: SearchContext,
  source: Source,
  name: string,
): Generator<Block, 'quit' | 'ok' | 'fatal', void> {
  const split = new LineSplitter();
  let lineNo = 0;
  let selected = 0;
  let afterLeft = 0;
  const before: Array<[number, string]> = [];
  const prefix = (n: number, sep: string) =>
    (c.showNames ? `${name}${sep}` : '') + (c.numbers ? `${n}${sep}` : '');
  const silent = c.quiet || c.count || c.listMatching || c.listMissing;
  let stop = false;
  const handle = (line: string): void => {
    lineNo++;
    const hit = c.matcher.test(line) !== c.invert;
    if (hit && selected < c.max) {
      selected++;
      c.selectedAny = true;
      if (silent) {
        if (c.quiet || c.listMatching || c.listMissing) stop = true;
        if (c.count && selected >= c.max) stop = true;
        return;
      }
      if (
        (c.before || c.after || c.separators) &&
        c.printedAny &&
        lineNo - before.length > c.lastPrinted + 1
      )
        c.out.write('--\n');
      for (const [n, l] of before) c.out.write(`${prefix(n, '-')}${l}\n`);
      before.length = 0;
      if (c.only) {
        if (!c.invert)
          for (const part of c.matcher.parts(line)) c.out.write(`${prefix(lineNo, ':')}${part}\n`);
      } else c.out.write(`${prefix(lineNo, ':')}${line}\n`);
      c.lastPrinted = lineNo;
      c.printedAny = true;
      afterLeft = c.after;
      if (selected >= c.max && c.after === 0) stop = true;
      return;
    }
    if (silent) return;
    if (afterLeft > 0) {
      afterLeft--;
      c.out.write(`${prefix(lineNo, '-')}${line}\n`);
      c.lastPrinted = lineNo;
      if (selected >= c.max && afterLeft === 0) stop = true;
      return;
    }
    if (selected >= c.max) {
      stop = true;
      return;
    }
    if (c.before > 0) {
      before.push([lineNo, line]);
      if (before.length > c.before) before.shift();
    }
  };
  c.lastPrinted = 0;
  for (let chunk = yield* source.next(); chunk !== null && !stop; chunk = yield* source.next()) {
    if (c.pendingError) {
      yield* c.a.error(c.pendingError);
      return 'fatal';
    }
    for (const line of split.push(chunk)) {
      handle(line);
      if (stop) break;
    }
    if (c.quiet && c.selectedAny) return 'quit';
    if (!(yield* c.out.flush())) return 'quit';
    yield* work(c.a.proc, Math.ceil(chunk.length / 512));
  }
  if (!stop) {
    const last = split.end();
    if (last !== undefined) handle(last);
  }
  if (c.quiet && c.selectedAny) return 'quit';
  if (c.count) c.out.write(`${c.showNames ? `${name}:` : ''}${selected}\n`);
  if (c.listMatching && selected > 0) c.out.write(`${name}\n`);
  if (c.listMissing && selected === 0) c.out.write(`${name}\n`);
  yield* c.out.flush();
  return 'ok';
}

export const grep = makeGrep('grep', '');
/** busybox `egrep` (grep -E). */
export const egrep = makeGrep('egrep', 'E');
/** busybox `fgrep` (grep -F). */
export const fgrep = makeGrep('fgrep', 'F');
