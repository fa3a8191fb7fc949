/**
 * File operations: `mkdir`, `rmdir`, `rm`, `touch`, `cp` and `mv` (busybox coreutils; GNU
 * coreutils), over the process's Vfs with the errno texts each prints.
 */
import type { Block } from '../kernel';
import { baseName, resolvePath, type Errno, type INode, type Vfs } from '../fs';
import { defineApplet, type Applet } from './applet';
import { quoteAlways, quoteLocale, strerror } from './common';
import { parseBusyboxDate, parseGnuDate } from './date-parse';
import { timeZoneFromEnv } from './tz';
import { work } from './io';

function abs(a: Applet, path: string): string {
  return resolvePath(a.proc.cwd, path);
}

/** Parses a chmod-style octal mode (`-m 700`). */
function octalMode(text: string | undefined, fallback: number): number | undefined {
  if (text === undefined) return fallback;
  return /^[0-7]{1,4}$/.test(text) ? parseInt(text, 8) : undefined;
}

export const mkdir = defineApplet(
  {
    name: 'mkdir',
    busybox: { short: 'm:pv' },
    gnu: {
      short: 'm:pvZ',
      long: { mode: { key: 'm', arg: 'required' }, parents: { key: 'p' }, verbose: { key: 'v' } },
    },
    usage: {
      synopsis: '[-m MODE] [-p] DIRECTORY...',
      help: 'Create DIRECTORY\n\n\t-m MODE\tMode of the new directory\n\t-p\tNo error if it exists; create missing parents',
    },
    gnuSynopsis: '[OPTION]... DIRECTORY...',
  },
  function* (a, opts) {
    if (opts.operands.length === 0)
      return yield* a.usageError(a.gnu ? 'missing operand' : undefined);
    const mode = octalMode(opts.value('m'), 0o755);
    if (mode === undefined) {
      yield* a.error(
        a.gnu
          ? `invalid mode ${quoteLocale(opts.value('m')!)}`
          : `invalid mode '${opts.value('m')}'`,
      );
      return 1;
    }
    let status = 0;
    for (const dir of opts.operands) {
      const r = a.proc.ns.fs.mkdir(abs(a, dir), { parents: opts.has('p'), mode });
      if (!r.ok) {
        yield* a.error(
          a.gnu
            ? `cannot create directory ${quoteLocale(dir)}: ${strerror(r.errno)}`
            : `can't create directory '${dir}': ${strerror(r.errno)}`,
        );
        status = 1;
      } else if (opts.has('v')) {
        yield* a.proc.out(
          a.gnu
            ? `mkdir: created directory ${quoteAlways(dir)}\n`
            : `created directory: '${dir}'\n`,
        );
      }
    }
    return status;
  },
);

export const rmdir = defineApplet(
  {
    name: 'rmdir',
    busybox: { short: 'pv' },
    gnu: {
      short: 'pv',
      long: {
        parents: { key: 'p' },
        verbose: { key: 'v' },
        'ignore-fail-on-non-empty': { key: 'ignore' },
      },
    },
    usage: {
      synopsis: '[-p] DIRECTORY...',
      help: 'Remove empty DIRECTORYs\n\n\t-p\tAlso remove parent directories',
    },
    gnuSynopsis: '[OPTION]... DIRECTORY...',
  },
  function* (a, opts) {
    if (opts.operands.length === 0)
      return yield* a.usageError(a.gnu ? 'missing operand' : undefined);
    let status = 0;
    for (const dir of opts.operands) {
      let path = dir;
      for (;;) {
        const r = a.proc.ns.fs.rmdir(abs(a, path));
        if (!r.ok) {
          if (!(opts.has('ignore') && r.errno === 'ENOTEMPTY')) {
            yield* a.error(
              a.gnu
                ? `failed to remove ${quoteAlways(path)}: ${strerror(r.errno)}`
                : `'${path}': ${strerror(r.errno)}`,
            );
            status = 1;
          }
          break;
        }
        if (!opts.has('p')) break;
        const parent = path.replace(/\/+[^/]*\/*$/, '');
        if (parent === path || parent === '' || parent === '.') break;
        path = parent;
      }
    }
    return status;
  },
);

/** Removes a tree (rm -r). */
function removeTree(fs: Vfs, path: string): Errno | undefined {
  const node = fs.lookup(path, false);
  if (!node.ok) return node.errno;
  if (node.value.type === 'dir') {
    const names = fs.readdir(path);
    if (names.ok)
      for (const n of names.value) {
        const e = removeTree(fs, `${path === '/' ? '' : path}/${n}`);
        if (e) return e;
      }
    const r = fs.rmdir(path);
    return r.ok ? undefined : r.errno;
  }
  const r = fs.unlink(path);
  return r.ok ? undefined : r.errno;
}

export const rm = defineApplet(
  {
    name: 'rm',
    busybox: { short: 'fiRrv' },
    gnu: {
      short: 'fiIRrdv',
      long: {
        force: { key: 'f' },
        recursive: { key: 'r' },
        dir: { key: 'd' },
        verbose: { key: 'v' },
        'no-preserve-root': { key: 'no-preserve-root' },
        'preserve-root': { key: 'preserve-root', arg: 'optional' },
      },
    },
    usage: {
      synopsis: '[-irf] FILE...',
      help: 'Remove (unlink) FILEs\n\n\t-i\tAsk first\n\t-f\tNever ask, ignore missing files\n\t-R,-r\tRemove directories recursively',
    },
    gnuSynopsis: '[OPTION]... [FILE]...',
  },
  function* (a, opts) {
    const force = opts.has('f');
    const recursive = opts.has('r') || opts.has('R');
    if (opts.operands.length === 0) {
      if (force) return 0;
      return yield* a.usageError(a.gnu ? 'missing operand' : undefined);
    }
    const fs = a.proc.ns.fs;
    let status = 0;
    for (const name of opts.operands) {
      const path = abs(a, name);
      if (path === '/' && recursive) {
        yield* a.error(
          a.gnu ? `it is dangerous to operate recursively on '/'` : `can't remove '/'`,
        );
        status = 1;
        continue;
      }
      const st = fs.stat(path, false);
      if (!st.ok) {
        if (!force) {
          yield* a.error(
            a.gnu
              ? `cannot remove ${quoteAlways(name)}: ${strerror(st.errno)}`
              : `can't remove '${name}': ${strerror(st.errno)}`,
          );
          status = 1;
        }
        continue;
      }
      if (st.value.type === 'dir' && !recursive) {
        if (a.gnu && opts.has('d')) {
          const r = fs.rmdir(path);
          if (r.ok) continue;
          yield* a.error(`cannot remove ${quoteAlways(name)}: ${strerror(r.errno)}`);
        } else
          yield* a.error(
            a.gnu
              ? `cannot remove ${quoteAlways(name)}: Is a directory`
              : `'${name}' is a directory`,
          );
        status = 1;
        continue;
      }
      const e = removeTree(fs, path);
      if (e) {
        yield* a.error(
          a.gnu
            ? `cannot remove ${quoteAlways(name)}: ${strerror(e)}`
            : `can't remove '${name}': ${strerror(e)}`,
        );
        status = 1;
      } else if (opts.has('v')) {
        yield* a.proc.out(a.gnu ? `removed ${quoteAlways(name)}\n` : `removed '${name}'\n`);
      }
      yield* work(a.proc);
    }
    return status;
  },
);

export const touch = defineApplet(
  {
    name: 'touch',
    busybox: { short: 'cd:t:r:mah' },
    gnu: {
      short: 'acd:fhmr:t:',
      long: {
        'no-create': { key: 'c' },
        date: { key: 'd', arg: 'required' },
        reference: { key: 'r', arg: 'required' },
        'no-dereference': { key: 'h' },
        time: { key: 'time', arg: 'required' },
      },
    },
    usage: {
      synopsis: '[-c] [-d DATE] [-t DATE] [-r FILE] FILE...',
      help: "Update the modification time of FILEs, creating missing ones\n\n\t-c\tDo not create files\n\t-d DT\tUse date/time DT\n\t-t DT\tUse [[CC]YY]MMDDhhmm[.ss]\n\t-r FILE\tUse FILE's time",
    },
    gnuSynopsis: '[OPTION]... FILE...',
  },
  function* (a, opts) {
    if (opts.operands.length === 0)
      return yield* a.usageError(a.gnu ? 'missing file operand' : undefined);
    const fs = a.proc.ns.fs;
    const tz = timeZoneFromEnv(a.proc.env.get('TZ'));
    let when: number | undefined;
    const dateText = opts.value('d') ?? opts.value('t');
    if (dateText !== undefined) {
      when =
        a.gnu && opts.has('d')
          ? parseGnuDate(dateText, a.proc.now(), tz)
          : parseBusyboxDate(dateText, a.proc.now(), tz);
      if (when === undefined) {
        yield* a.error(
          a.gnu ? `invalid date format ${quoteLocale(dateText)}` : `invalid date '${dateText}'`,
        );
        return 1;
      }
    }
    if (opts.has('r')) {
      const ref = fs.stat(abs(a, opts.value('r')!));
      if (!ref.ok) {
        yield* a.error(
          a.gnu
            ? `failed to get attributes of ${quoteAlways(opts.value('r')!)}: ${strerror(ref.errno)}`
            : `${opts.value('r')}: ${strerror(ref.errno)}`,
        );
        return 1;
      }
      when = ref.value.mtime;
    }
    let status = 0;
    for (const name of opts.operands) {
      const path = abs(a, name);
      const found = fs.lookup(path);
      if (!found.ok) {
        if (opts.has('c')) continue;
        const w = fs.writeFile(path, '');
        if (!w.ok) {
          yield* a.error(
            a.gnu
              ? `cannot touch ${quoteAlways(name)}: ${strerror(w.errno)}`
              : `${name}: ${strerror(w.errno)}`,
          );
          status = 1;
          continue;
        }
        if (when !== undefined) w.value.mtime = when;
        continue;
      }
      found.value.mtime = when ?? a.proc.now();
    }
    return status;
  },
);

/** Deep-copies a node (cp -r), giving new files the copy time unless preserving. */
function cloneNode(node: INode, now: number, preserve: boolean): INode {
  const mtime = preserve ? node.mtime : now;
  if (node.type === 'file') return { ...node, mtime };
  if (node.type === 'symlink') return { ...node, mtime };
  const copy: INode = { ...node, mtime, entries: new Map() };
  for (const [name, child] of node.entries) copy.entries.set(name, cloneNode(child, now, preserve));
  return copy;
}

/** Shared by cp and mv: where `source` goes when the last operand is `target`. */
function destinationFor(source: string, target: string, intoDir: boolean): string {
  return intoDir ? `${target === '/' ? '' : target}/${baseName(source)}` : target;
}

export const cp = defineApplet(
  {
    name: 'cp',
    busybox: { short: 'aRrdPLHpvnfilsTut:' },
    gnu: {
      short: 'aRrdPLHpvnfilsTubt:S:x',
      long: {
        archive: { key: 'a' },
        recursive: { key: 'r' },
        force: { key: 'f' },
        'no-clobber': { key: 'n' },
        preserve: { key: 'p', arg: 'optional' },
        verbose: { key: 'v' },
        'target-directory': { key: 't', arg: 'required' },
        'no-target-directory': { key: 'T' },
        dereference: { key: 'L' },
        'no-dereference': { key: 'P' },
        update: { key: 'u', arg: 'optional' },
      },
    },
    usage: {
      synopsis:
        '[-arPLHpfinlsTu] SOURCE DEST\nor: cp [-arPLHpfinlsu] SOURCE... { -t DIRECTORY | DIRECTORY }',
      help:
        'Copy SOURCEs to DEST\n\n' +
        '\t-a\tSame as -dpR\n' +
        '\t-R,-r\tCopy directories recursively\n' +
        '\t-p\tKeep mode and times\n' +
        '\t-f\tOverwrite\n' +
        '\t-n\tDo not overwrite\n' +
        '\t-v\tVerbose\n' +
        '\t-t DIR\tCopy into DIR\n' +
        '\t-T\tDEST is a file, not a directory',
    },
    gnuSynopsis: '[OPTION]... [-T] SOURCE DEST',
  },
  function* (a, opts) {
    return yield* copyOrMove(a, opts.operands, {
      move: false,
      recursive: opts.has('r') || opts.has('R') || opts.has('a'),
      preserve: opts.has('p') || opts.has('a'),
      noClobber: opts.has('n'),
      verbose: opts.has('v'),
      targetDir: opts.value('t'),
      noTargetDir: opts.has('T'),
    });
  },
);

export const mv = defineApplet(
  {
    name: 'mv',
    busybox: { short: 'finTvt:' },
    gnu: {
      short: 'bfinTuvt:S:Z',
      long: {
        force: { key: 'f' },
        interactive: { key: 'i' },
        'no-clobber': { key: 'n' },
        verbose: { key: 'v' },
        'target-directory': { key: 't', arg: 'required' },
        'no-target-directory': { key: 'T' },
      },
    },
    usage: {
      synopsis: '[-finT] SOURCE DEST\nor: mv [-fin] SOURCE... { -t DIRECTORY | DIRECTORY }',
      help: 'Rename SOURCE to DEST, or move SOURCEs to DIRECTORY\n\n\t-f\tOverwrite\n\t-i\tAsk first\n\t-n\tDo not overwrite\n\t-T\tDEST is a file, not a directory\n\t-v\tVerbose',
    },
    gnuSynopsis: '[OPTION]... [-T] SOURCE DEST',
  },
  function* (a, opts) {
    return yield* copyOrMove(a, opts.operands, {
      move: true,
      recursive: true,
      preserve: true,
      noClobber: opts.has('n'),
      verbose: opts.has('v'),
      targetDir: opts.value('t'),
      noTargetDir: opts.has('T'),
    });
  },
);

function* copyOrMove(
  a: Applet,
  operands: string[],
  o: {
    move: boolean;
    recursive: boolean;
    preserve: boolean;
    noClobber: boolean;
    verbose: boolean;
    targetDir?: string;
    noTargetDir: boolean;
  },
): Generator<Block, number, void> {
  const fs = a.proc.ns.fs;
  let sources = operands;
  let target: string;
  if (o.targetDir !== undefined) target = o.targetDir;
  else {
    if (operands.length < 2) {
      if (a.gnu)
        return yield* a.usageError(
          operands.length === 0
            ? 'missing file operand'
            : `missing destination file operand after ${quoteAlways(operands[0])}`,
        );
      return yield* a.usageError();
    }
    target = operands[operands.length - 1];
    sources = operands.slice(0, -1);
  }
  const targetAbs = abs(a, target);
  const targetSt = fs.stat(targetAbs);
  let intoDir = !o.noTargetDir && targetSt.ok && targetSt.value.type === 'dir';
  if (sources.length > 1 && !intoDir) {
    // GNU checks the target first; busybox just tries TARGET/NAME for each source.
    if (a.gnu) {
      yield* a.error(
        `target ${quoteAlways(target)}: ${targetSt.ok ? 'Not a directory' : strerror(targetSt.errno)}`,
      );
      return 1;
    }
    intoDir = true;
  }
  let status = 0;
  for (const source of sources) {
    const srcAbs = abs(a, source);
    const dest = destinationFor(srcAbs, targetAbs, intoDir);
    const shownDest = intoDir ? `${target.replace(/\/$/, '')}/${baseName(source)}` : target;
    const st = fs.stat(srcAbs, false);
    if (!st.ok) {
      yield* a.error(
        a.gnu
          ? `cannot stat ${quoteAlways(source)}: ${strerror(st.errno)}`
          : o.move
            ? `can't rename '${source}': ${strerror(st.errno)}`
            : `can't stat '${source}': ${strerror(st.errno)}`,
      );
      status = 1;
      continue;
    }
    if (st.value.type === 'dir' && !o.recursive) {
      yield* a.error(
        a.gnu
          ? `-r not specified; omitting directory ${quoteAlways(source)}`
          : `omitting directory '${source}'`,
      );
      status = 1;
      continue;
    }
    if (srcAbs === dest) {
      yield* a.error(
        a.gnu
          ? `${quoteAlways(source)} and ${quoteAlways(shownDest)} are the same file`
          : `'${source}' and '${shownDest}' are the same file`,
      );
      status = 1;
      continue;
    }
    if (st.value.type === 'dir' && (dest + '/').startsWith(srcAbs + '/')) {
      yield* a.error(
        a.gnu
          ? `cannot ${o.move ? 'move' : 'copy a directory,'} ${quoteAlways(source)}${o.move ? ' to a subdirectory of itself,' : ', into itself,'} ${quoteAlways(shownDest)}`
          : o.move
            ? `can't rename '${source}': Invalid argument`
            : `can't copy a directory into itself`,
      );
      status = 1;
      continue;
    }
    const existing = fs.lookup(dest, false);
    if (!existing.ok && existing.errno === 'ENOTDIR' && !o.move && !a.gnu) {
      yield* a.error(`can't stat '${shownDest}': Not a directory`);
      status = 1;
      continue;
    }
    if (existing.ok && o.noClobber) continue;
    if (existing.ok && existing.value.type === 'dir' && st.value.type !== 'dir') {
      yield* a.error(
        a.gnu
          ? `cannot overwrite directory ${quoteAlways(shownDest)} with non-directory`
          : `'${shownDest}' is a directory`,
      );
      status = 1;
      continue;
    }
    if (o.move) {
      const r = fs.rename(srcAbs, dest);
      if (r.ok) {
        if (o.verbose) yield* a.proc.out(`renamed '${source}' -> '${shownDest}'\n`);
        continue;
      }
      if (r.errno !== 'EXDEV') {
        yield* a.error(
          a.gnu
            ? `cannot move ${quoteAlways(source)} to ${quoteAlways(shownDest)}: ${strerror(r.errno)}`
            : `can't rename '${source}': ${strerror(r.errno)}`,
        );
        status = 1;
        continue;
      }
      // Across mounts: copy, then remove the source (as rename(2) fails with EXDEV).
    }
    const node = fs.lookup(srcAbs, false);
    if (!node.ok) continue;
    const e = placeCopy(fs, cloneNode(node.value, a.proc.now(), o.preserve || o.move), dest);
    if (e) {
      yield* a.error(
        a.gnu
          ? `cannot create regular file ${quoteAlways(shownDest)}: ${strerror(e)}`
          : `can't create '${shownDest}': ${strerror(e)}`,
      );
      status = 1;
      continue;
    }
    if (o.move) removeTree(fs, srcAbs);
    if (o.verbose)
      yield* a.proc.out(
        o.move ? `renamed '${source}' -> '${shownDest}'\n` : `'${source}' -> '${shownDest}'\n`,
      );
    yield* work(a.proc);
  }
  return status;
}

/** Writes a copied node at `dest` through the Vfs (respecting mounts and read-only ones). */
function placeCopy(fs: Vfs, node: INode, dest: string): Errno | undefined {
  if (node.type === 'file') {
    const w = fs.writeFile(dest, node.data, { mode: node.mode });
    if (!w.ok) return w.errno;
    w.value.mtime = node.mtime;
    w.value.program = node.program;
    w.value.mode = node.mode;
    return undefined;
  }
  if (node.type === 'symlink') {
    fs.unlink(dest);
    const r = fs.symlink(node.target, dest);
    return r.ok ? undefined : r.errno;
  }
  const existing = fs.stat(dest);
  if (!existing.ok) {
    const r = fs.mkdir(dest, { mode: node.mode });
    if (!r.ok) return r.errno;
  }
  for (const [name, child] of node.entries) {
    const e = placeCopy(fs, child, `${dest === '/' ? '' : dest}/${name}`);
    if (e) return e;
  }
  const made = fs.lookup(dest);
  if (made.ok) made.value.mtime = node.mtime;
  return undefined;
}
