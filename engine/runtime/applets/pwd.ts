/**
 * `pwd` as a program (busybox coreutils/pwd.c, GNU src/pwd.c), for callers without a shell such
 * as `kubectl exec POD -- pwd`. Both print the physical directory by default; `-L` prints $PWD
 * when it is absolute, has no `.`/`..` components and names the same directory.
 */
import type { Block } from '../kernel';
import { normalize, resolvePath, type Errno, type Vfs } from '../fs';
import { defineApplet } from './applet';
import { quoteLocale, strerror } from './common';

/** The path of `path` with every symlink resolved (what getcwd() reports), or an errno. */
export function physicalPath(fs: Vfs, path: string): string | Errno {
  const pending = normalize(path);
  const done: string[] = [];
  let links = 0;
  while (pending.length > 0) {
    const part = pending.shift()!;
    const here = '/' + [...done, part].join('/');
    const node = fs.lookup(here, false);
    if (!node.ok) return node.errno;
    if (node.value.type === 'symlink') {
      if (++links > 40) return 'ELOOP';
      const target = resolvePath('/' + done.join('/'), node.value.target);
      pending.unshift(...normalize(target));
      done.length = 0;
      continue;
    }
    if (node.value.type !== 'dir' && pending.length > 0) return 'ENOTDIR';
    done.push(part);
  }
  return '/' + done.join('/');
}

/** $PWD when it may stand for the working directory (logical_getcwd in both programs). */
function logicalPath(fs: Vfs, cwd: string, pwd: string | undefined): string | undefined {
  if (!pwd || !pwd.startsWith('/')) return undefined;
  if (/\/\.\.?(\/|$)/.test(pwd)) return undefined;
  const a = fs.lookup(pwd);
  const b = fs.lookup(cwd);
  // Same node object: the same inode, as the stat comparison checks.
  return a.ok && b.ok && a.value === b.value ? pwd : undefined;
}

export const pwd = defineApplet(
  {
    name: 'pwd',
    busybox: { short: 'LP' },
    gnu: { short: 'LP', long: { logical: { key: 'L' }, physical: { key: 'P' } } },
    usage: { synopsis: '', help: 'Print the working directory' },
    gnuSynopsis: '[OPTION]...',
  },
  function* (a, opts): Generator<Block, number, void> {
    const fs = a.proc.ns.fs;
    // busybox: -L whenever given; GNU: the last of -L/-P, and -L by default under POSIXLY_CORRECT.
    const last = opts.list.filter((o) => o.key === 'L' || o.key === 'P').pop()?.key;
    const logical = a.gnu
      ? last === 'L' || (last === undefined && a.proc.env.has('POSIXLY_CORRECT'))
      : opts.has('L');
    if (a.gnu && opts.operands.length > 0) yield* a.error('ignoring non-option arguments');
    if (logical) {
      const wd = logicalPath(fs, a.proc.cwd, a.proc.env.get('PWD'));
      if (wd !== undefined) {
        yield* a.proc.out(wd + '\n');
        return 0;
      }
    }
    const path = physicalPath(fs, a.proc.cwd);
    if (path.startsWith('/')) {
      yield* a.proc.out(path + '\n');
      return 0;
    }
    // The working directory was removed.
    if (a.gnu) {
      yield* a.error(`couldn't find directory entry in ${quoteLocale('..')} with matching i-node`);
      return 1;
    }
    yield* a.error(`getcwd: ${strerror(path as Errno)}`);
    return 1;
  },
);
