/**
 * `chmod`: busybox's (coreutils/chmod.c over libbb/recursive_action.c) and GNU coreutils'
 * (src/chmod.c over fts), each with its own mode syntax, walk and messages.
 */
import type { Block } from '../kernel';
import { resolvePath, type FsResult, type Stat, type Vfs } from '../fs';
import { defineApplet, type Applet } from './applet';
import { quoteAlways, quoteGnu, quoteLocale, strerror } from './common';
import { gnuTryHelp, type OptionSpec } from './getopt';
import {
  DEFAULT_UMASK,
  busyboxParseMode,
  gnuAdjustMode,
  gnuCompileMode,
  gnuReferenceMode,
  permString,
  type GnuMode,
} from './mode';
import { work } from './io';

const BUSYBOX_SPEC: OptionSpec = { short: 'Rvcf' };

const GNU_SPEC: OptionSpec = {
  short: 'Rcfv',
  long: {
    changes: { key: 'c' },
    recursive: { key: 'R' },
    quiet: { key: 'f' },
    silent: { key: 'f' },
    verbose: { key: 'v' },
    reference: { key: 'reference', arg: 'required' },
    'preserve-root': { key: 'preserve-root' },
    'no-preserve-root': { key: 'no-preserve-root' },
  },
};

/**
 * stat or lstat of an operand as written: a trailing slash makes the kernel resolve the name
 * as a directory, so `file/` is ENOTDIR even for lstat.
 */
function statName(fs: Vfs, cwd: string, name: string, follow: boolean): FsResult<Stat> {
  const path = resolvePath(cwd, name);
  if (name.length > 1 && name.endsWith('/')) {
    const st = fs.stat(path, true);
    if (st.ok && st.value.type !== 'dir') return { ok: false, errno: 'ENOTDIR' };
    return st;
  }
  return fs.stat(path, follow);
}

/** A child's name as both walkers build it: no doubled slash after an operand ending in one. */
function childName(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

// @simplified: directories are walked in name order (the Vfs's readdir), not in on-disk order.
function childrenOf(fs: Vfs, cwd: string, dir: string): string[] {
  const names = fs.readdir(resolvePath(cwd, dir));
  return names.ok ? names.value.map((n) => childName(dir, n)) : [];
}

export const chmod = defineApplet(
  {
    name: 'chmod',
    busybox: BUSYBOX_SPEC,
    gnu: GNU_SPEC,
    usage: {
      synopsis: '[-Rcvf] MODE[,MODE]... FILE...',
      help:
        'Change the permission bits of FILEs\n\n' +
        'MODE is an octal number or [ugoa]{+|-|=}[rwxXst] clauses\n\n' +
        '\t-R\tDescend into directories\n\t-c\tReport changed files\n' +
        '\t-v\tReport every file\n\t-f\tQuiet about files it cannot change',
    },
    gnuSynopsis: '[OPTION]... MODE[,MODE]... FILE...',
    parseInBody: true,
  },
  function* (a) {
    return a.gnu ? yield* gnuChmod(a) : yield* busyboxChmod(a);
  },
);

/** busybox chmod_main. */
function* busyboxChmod(a: Applet): Generator<Block, number, void> {
  const args = a.proc.argv.slice(1);
  // A mode such as `-x` looks like an option: the first dash argument that is not one of
  // chmod's own options is hidden from getopt (busybox turns `-x` into `ax` for the parse).
  let hidden = -1;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-')) break;
    if (arg.length > 1 && !'-Rvcf'.includes(arg[1])) {
      hidden = i;
      break;
    }
  }
  const forParse = args.map((arg, i) => (i === hidden ? `a${arg.slice(1)}` : arg));
  const opts = yield* a.parse(forParse);
  if (typeof opts === 'number') return opts;
  const operands = [...opts.operands];
  if (hidden >= 0) {
    const at = operands.indexOf(forParse[hidden]);
    if (at >= 0) operands[at] = args[hidden];
  }
  if (operands.length < 2) return yield* a.usageError();
  const [mode, ...files] = operands;
  const fs = a.proc.ns.fs;
  const cwd = a.proc.cwd;
  const recurse = opts.has('R');
  let status = 0;

  // recursive_action: lstat the name, act on it, then (with -R) on a directory's entries.
  const visit = function* (name: string, depth: number): Generator<Block, boolean | 'die', void> {
    const lst = statName(fs, cwd, name, false);
    if (!lst.ok) {
      yield* a.error(`${name}: ${strerror(lst.errno)}`);
      return false;
    }
    // fileAction: operands are followed, links met while recursing are left alone.
    let st = lst.value;
    if (depth === 0) {
      const followed = statName(fs, cwd, name, true);
      if (!followed.ok) {
        if (!opts.has('f')) yield* a.error(`${name}: ${strerror(followed.errno)}`);
        return false;
      }
      st = followed.value;
    } else if (st.type === 'symlink') return true;
    const next = busyboxParseMode(mode, st.mode, st.type === 'dir');
    if (next === undefined) {
      yield* a.error(`invalid mode '${mode}'`);
      return 'die';
    }
    const r = fs.chmod(resolvePath(cwd, name), next);
    let ok = true;
    if (!r.ok) {
      if (!opts.has('f')) yield* a.error(`${name}: ${strerror(r.errno)}`);
      ok = false;
    } else if (opts.has('v') || (opts.has('c') && (st.mode & 0o7777) !== next)) {
      const octal = next.toString(8).padStart(4, '0');
      yield* a.proc.out(`mode of '${name}' changed to ${octal} (${permString(next)})\n`);
    }
    if (recurse && lst.value.type === 'dir') {
      for (const child of childrenOf(fs, cwd, name)) {
        const c = yield* visit(child, depth + 1);
        if (c === 'die') return c;
        if (!c) ok = false;
      }
    }
    yield* work(a.proc);
    return ok;
  };

  for (const file of files) {
    const ok = yield* visit(file, 0);
    if (ok === 'die') return 1;
    if (!ok) status = 1;
  }
  return status;
}

/** Whether an argument is a GNU mode written as an option (`-w`, `-rwx`, `-022`…). */
function isModeOption(arg: string): boolean {
  return arg.length > 1 && arg[0] === '-' && 'rwxXstugoa,+=01234567'.includes(arg[1]);
}

/** GNU chmod main and process_file. */
function* gnuChmod(a: Applet): Generator<Block, number, void> {
  const argv0 = a.proc.argv[0] ?? 'chmod';
  const all = a.proc.argv.slice(1);
  const end = all.indexOf('--');
  // getopt hands `-w`-style arguments over whole; they are joined with commas into one mode.
  const modeParts: string[] = [];
  const rest: string[] = [];
  all.forEach((arg, i) => {
    if ((end < 0 || i < end) && isModeOption(arg)) modeParts.push(arg);
    else rest.push(arg);
  });
  const opts = yield* a.parse(rest);
  if (typeof opts === 'number') return opts;
  const operands = [...opts.operands];
  const reference = opts.value('reference');
  const diagnoseSurprises = modeParts.length > 0;
  let mode: string | undefined = modeParts.length ? modeParts.join(',') : undefined;
  const usage = function* (message: string): Generator<Block, number, void> {
    yield* a.error(message);
    yield* a.proc.err(gnuTryHelp(argv0));
    return 1;
  };
  let modeFromOperand = false;
  if (reference !== undefined) {
    if (mode !== undefined) return yield* usage('cannot combine mode and --reference options');
  } else if (mode === undefined && operands.length > 0) {
    mode = operands.shift();
    modeFromOperand = true;
  }
  if (operands.length === 0) {
    return yield* usage(
      modeFromOperand && mode !== undefined
        ? `missing operand after ${quoteLocale(mode)}`
        : 'missing operand',
    );
  }
  const fs = a.proc.ns.fs;
  const cwd = a.proc.cwd;
  let change: GnuMode | undefined;
  if (reference !== undefined) {
    const st = fs.stat(resolvePath(cwd, reference));
    if (!st.ok) {
      yield* a.error(
        `failed to get attributes of ${quoteAlways(reference)}: ${strerror(st.errno)}`,
      );
      return 1;
    }
    change = gnuReferenceMode(st.value.mode);
  } else {
    change = gnuCompileMode(mode ?? '');
    if (!change) return yield* usage(`invalid mode: ${quoteLocale(mode ?? '')}`);
  }
  const compiled = change;
  const recurse = opts.has('R');
  const preserveRoot =
    opts.list.filter((o) => o.key === 'preserve-root' || o.key === 'no-preserve-root').pop()
      ?.key === 'preserve-root';
  const quiet = opts.has('f');
  const verbosity = opts.list
    .filter((o) => o.key === 'v' || o.key === 'c')
    .map((o) => o.key)
    .pop();
  const describe = function* (line: string): Generator<Block, void, void> {
    yield* a.proc.out(line);
  };
  const modeText = (m: number) => `${m.toString(8).padStart(4, '0')} (${permString(m)})`;

  // One fts entry; returns whether it succeeded and whether to descend.
  const processFile = function* (
    name: string,
    level: number,
  ): Generator<Block, { ok: boolean; dir: boolean; stop?: boolean }, void> {
    // Operands are followed (FTS_COMFOLLOW); entries met while recursing are not.
    const st = statName(fs, cwd, name, level === 0);
    if (!st.ok) {
      const lst = level === 0 ? statName(fs, cwd, name, false) : st;
      const dangling = lst.ok && lst.value.type === 'symlink' && st.errno === 'ENOENT';
      if (!quiet)
        yield* a.error(
          dangling
            ? `cannot operate on dangling symlink ${quoteAlways(name)}`
            : `cannot access ${quoteAlways(name)}: ${strerror(st.errno)}`,
        );
      if (verbosity === 'v') yield* describe(`${quoteAlways(name)} could not be accessed\n`);
      return { ok: false, dir: false };
    }
    const stat = st.value;
    if (level > 0 && stat.type === 'symlink') {
      // fchmodat(AT_SYMLINK_NOFOLLOW) is not supported for links: nothing is applied.
      if (verbosity === 'v')
        yield* describe(
          `neither symbolic link ${quoteAlways(name)} nor referent has been changed\n`,
        );
      return { ok: true, dir: false };
    }
    const isDir = stat.type === 'dir';
    if (recurse && preserveRoot && isDir && resolvePath(cwd, name) === '/') {
      yield* a.error(
        name === '/'
          ? `it is dangerous to operate recursively on ${quoteAlways(name)}`
          : `it is dangerous to operate recursively on ${quoteAlways(name)} (same as '/')`,
      );
      yield* a.error('use --no-preserve-root to override this failsafe');
      return { ok: false, dir: false, stop: true };
    }
    const old = stat.mode & 0o7777;
    const next = gnuAdjustMode(old, isDir, DEFAULT_UMASK, compiled);
    const r = fs.chmod(resolvePath(cwd, name), next);
    let ok = true;
    if (!r.ok) {
      if (!quiet)
        yield* a.error(`changing permissions of ${quoteAlways(name)}: ${strerror(r.errno)}`);
      if (verbosity)
        yield* describe(
          `failed to change mode of ${quoteAlways(name)} from ${modeText(old)} to ${modeText(next)}\n`,
        );
      return { ok: false, dir: isDir };
    }
    if (old !== next && verbosity)
      yield* describe(
        `mode of ${quoteAlways(name)} changed from ${modeText(old)} to ${modeText(next)}\n`,
      );
    else if (verbosity === 'v')
      yield* describe(`mode of ${quoteAlways(name)} retained as ${modeText(next)}\n`);
    if (diagnoseSurprises) {
      const naive = gnuAdjustMode(old, isDir, 0, compiled);
      if (next & ~naive) {
        yield* a.error(
          `${quoteGnu(name)}: new permissions are ${permString(next)}, not ${permString(naive)}`,
        );
        ok = false;
      }
    }
    return { ok, dir: isDir };
  };

  const walk = function* (name: string, level: number): Generator<Block, boolean, void> {
    const r = yield* processFile(name, level);
    let ok = r.ok;
    if (recurse && r.dir && !r.stop) {
      for (const child of childrenOf(fs, cwd, name))
        if (!(yield* walk(child, level + 1))) ok = false;
    }
    yield* work(a.proc);
    return ok;
  };

  let status = 0;
  for (const file of operands) if (!(yield* walk(file, 0))) status = 1;
  return status;
}
