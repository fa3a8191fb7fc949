/** `basename` and `dirname`: path arithmetic on strings (busybox coreutils/basename.c, dirname.c). */
import { defineApplet } from './applet';

/** POSIX basename(1) of a string, with an optional suffix removed. */
export function posixBasename(path: string, suffix?: string): string {
  if (path === '') return '';
  let p = path.replace(/\/+$/, '');
  if (p === '') return '/';
  p = p.slice(p.lastIndexOf('/') + 1);
  if (suffix && p !== suffix && p.endsWith(suffix)) p = p.slice(0, -suffix.length);
  return p;
}

/** POSIX dirname(1) of a string. */
export function posixDirname(path: string): string {
  let p = path.replace(/\/+$/, '');
  if (p === '') return path.startsWith('/') ? '/' : '.';
  const slash = p.lastIndexOf('/');
  if (slash < 0) return '.';
  p = p.slice(0, slash).replace(/\/+$/, '');
  return p === '' ? '/' : p;
}

/** `basename FILE [SUFFIX]`, `-a FILE...`, `-s SUFFIX FILE...`. */
export const basename = defineApplet(
  {
    name: 'basename',
    busybox: { short: 'as:' },
    gnu: {
      short: 'as:z',
      long: {
        multiple: { key: 'a' },
        suffix: { key: 's', arg: 'required' },
        zero: { key: 'z' },
      },
    },
    usage: {
      synopsis: 'FILE [SUFFIX] | -a FILE... | -s SUFFIX FILE...',
      help: 'Print FILE without its leading directories and SUFFIX\n\n\t-a\t\tTreat every argument as a FILE\n\t-s SUFFIX\tStrip SUFFIX (implies -a)',
    },
    gnuSynopsis: 'NAME [SUFFIX]',
  },
  function* (a, opts) {
    const args = opts.operands;
    const suffix = opts.value('s');
    const multiple = opts.has('a') || suffix !== undefined;
    const end = opts.has('z') ? '\0' : '\n';
    if (args.length === 0) {
      return yield* a.usageError(a.gnu ? 'missing operand' : undefined);
    }
    if (!multiple && args.length > 2) {
      return yield* a.usageError(a.gnu ? `extra operand '${args[2]}'` : undefined);
    }
    const names = multiple ? args : [args[0]];
    const sfx = multiple ? suffix : args[1];
    yield* a.proc.out(names.map((n) => posixBasename(n, sfx) + end).join(''));
    return 0;
  },
);

/** `dirname FILENAME` (GNU accepts several). */
export const dirname = defineApplet(
  {
    name: 'dirname',
    // busybox dirname takes no options, only an optional leading `--` (single_argv).
    busybox: { short: '', none: true },
    gnu: { short: 'z', long: { zero: { key: 'z' } } },
    usage: { synopsis: 'FILENAME', help: 'Print FILENAME without its last component' },
    gnuSynopsis: '[OPTION] NAME...',
  },
  function* (a, opts) {
    const args = !a.gnu && opts.operands[0] === '--' ? opts.operands.slice(1) : opts.operands;
    if (args.length === 0) return yield* a.usageError(a.gnu ? 'missing operand' : undefined);
    if (!a.gnu && args.length > 1) return yield* a.usageError();
    const end = opts.has('z') ? '\0' : '\n';
    yield* a.proc.out(args.map((n) => posixDirname(n) + end).join(''));
    return 0;
  },
);
