/**
 * Finding what a command runs: a PATH search or a path, then the file's program link (an
 * applet, a server) or, for a script, its `#!` interpreter. Shared by sh, bash and the kubelet.
 */
import { resolvePath } from './fs';
import type { Process, Program, ProcessNamespace } from './kernel';

/** What exec found: the program and the argv it should run with. */
export interface Executable {
  program: Program;
  /** The resolved path of the file. */
  path: string;
  /** argv to pass (differs from the request for `#!` scripts). */
  argv: string[];
}

/** Why exec failed: no such file, not executable, or a file Podlab cannot run. */
export type ExecError = 'ENOENT' | 'EACCES' | 'ENOEXEC' | 'EISDIR';

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * Looks up `argv[0]` in namespace `ns` (with `cwd` and `$PATH`) and returns how to run it.
 * A file without a program link and without `#!` yields ENOEXEC: shells then run it themselves.
 */
export function findExecutable(
  ns: ProcessNamespace,
  cwd: string,
  pathVar: string | undefined,
  argv: readonly string[],
): Executable | ExecError {
  const name = argv[0] ?? '';
  if (name === '') return 'ENOENT';
  const candidates = name.includes('/')
    ? [resolvePath(cwd, name)]
    : (pathVar ?? DEFAULT_PATH).split(':').map((dir) => resolvePath(cwd, `${dir || '.'}/${name}`));
  let firstError: ExecError = 'ENOENT';
  for (const path of candidates) {
    const found = resolveFile(ns, path, argv, 0);
    if (typeof found !== 'string') return found;
    if (found !== 'ENOENT' && firstError === 'ENOENT') firstError = found;
    if (name.includes('/')) return found;
  }
  return firstError;
}

function resolveFile(
  ns: ProcessNamespace,
  path: string,
  argv: readonly string[],
  depth: number,
): Executable | ExecError {
  const stat = ns.fs.stat(path);
  if (!stat.ok) return stat.errno === 'ENOENT' ? 'ENOENT' : 'EACCES';
  if (stat.value.type === 'dir') return 'EACCES';
  if ((stat.value.mode & 0o111) === 0) return 'EACCES';
  if (stat.value.program) {
    const program = ns.programs.get(stat.value.program);
    return program ? { program, path, argv: [...argv] } : 'ENOEXEC';
  }
  if (depth > 4) return 'ENOEXEC';
  const content = ns.fs.readFile(path);
  if (!content.ok) return 'EACCES';
  if (!content.value.startsWith('#!')) return 'ENOEXEC';
  const line = content.value.slice(2).split('\n', 1)[0].trim();
  const [interpreter, ...interpArgs] = line.split(/\s+/).filter(Boolean);
  if (!interpreter) return 'ENOEXEC';
  // Linux passes everything after the interpreter as one argument.
  const scriptArgv = [
    interpreter,
    ...(interpArgs.length ? [interpArgs.join(' ')] : []),
    path,
    ...argv.slice(1),
  ];
  const inner = resolveFile(ns, resolvePath('/', interpreter), scriptArgv, depth + 1);
  return inner;
}

/** The PATH a process would search. */
export function pathOf(proc: Process): string | undefined {
  return proc.env.get('PATH');
}
