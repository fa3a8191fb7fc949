/** `env` and `printenv` (busybox coreutils/env.c, printenv.c; GNU coreutils). */
import type { Block, Process } from '../kernel';
import { findExecutable } from '../exec';
import { defineApplet, type Applet } from './applet';
import { quoteAlways, strerror } from './common';

/**
 * Runs argv as a child with `env` and waits for it, passing TERM/INT/HUP/QUIT on. Used where
 * a real program would exec (env, nice-like wrappers): exit status 127 when not found, 126 when
 * not executable.
 */
// @simplified: the kernel has no exec(); the wrapper stays as the parent of the command and
// forwards the usual termination signals, so PID numbering and `ps` differ from real exec.
export function* runAsChild(
  a: Applet,
  argv: string[],
  env: Map<string, string>,
  notFound: (name: string, errno: string) => string,
): Generator<Block, number, void> {
  const proc = a.proc;
  const exe = findExecutable(proc.ns, proc.cwd, env.get('PATH'), argv);
  if (typeof exe === 'string') {
    const errno = exe === 'ENOENT' ? 'ENOENT' : 'EACCES';
    yield* proc.err(notFound(argv[0], strerror(errno)));
    return errno === 'ENOENT' ? 127 : 126;
  }
  const forwarded = ['TERM', 'INT', 'HUP', 'QUIT'] as const;
  for (const sig of forwarded) proc.setDisposition(sig, 'catch');
  const child: Process = proc.spawn({ program: exe.program, argv: exe.argv, env });
  for (;;) {
    const code = yield* proc.wait(child, true);
    if (code !== undefined) return code;
    for (let sig = proc.takeSignal(); sig; sig = proc.takeSignal()) proc.kernel.signal(child, sig);
  }
}

export const env = defineApplet(
  {
    name: 'env',
    busybox: { short: 'iu:0', stopAtOperand: true },
    gnu: {
      short: 'iu:0C:S:v',
      stopAtOperand: true,
      long: {
        'ignore-environment': { key: 'i' },
        unset: { key: 'u', arg: 'required' },
        null: { key: '0' },
        chdir: { key: 'C', arg: 'required' },
      },
    },
    usage: {
      synopsis: '[-i] [-u NAME]... [-] [NAME=VALUE]... [PROG ARGS]',
      help: 'Run PROG with a changed environment, or print the environment\n\n\t-, -i\tStart with an empty environment\n\t-u NAME\tRemove NAME\n\t-0\tEnd each output line with NUL',
    },
    gnuSynopsis: '[OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]',
  },
  function* (a, opts) {
    let operands = opts.operands;
    let clear = opts.has('i');
    if (operands[0] === '-') {
      clear = true;
      operands = operands.slice(1);
    }
    const vars = new Map(clear ? [] : a.proc.env);
    for (const name of opts.values('u')) vars.delete(name);
    while (operands.length && operands[0].includes('=')) {
      const assign = operands.shift()!;
      const eq = assign.indexOf('=');
      vars.set(assign.slice(0, eq), assign.slice(eq + 1));
    }
    if (operands.length === 0) {
      const end = opts.has('0') ? '\0' : '\n';
      let text = '';
      for (const [k, v] of vars) text += `${k}=${v}${end}`;
      yield* a.proc.out(text);
      return 0;
    }
    const cwd = opts.value('C');
    if (cwd !== undefined) a.proc.cwd = cwd.startsWith('/') ? cwd : `${a.proc.cwd}/${cwd}`;
    return yield* runAsChild(a, operands, vars, (name, why) =>
      a.gnu ? `env: ${quoteAlways(name)}: ${why}\n` : `env: can't execute '${name}': ${why}\n`,
    );
  },
);

export const printenv = defineApplet(
  {
    name: 'printenv',
    busybox: { short: '0' },
    gnu: { short: '0', long: { null: { key: '0' } } },
    usage: { synopsis: '[VARIABLE]...', help: 'Print the environment, or the values of VARIABLEs' },
    gnuSynopsis: '[OPTION]... [VARIABLE]...',
  },
  function* (a, opts) {
    const end = opts.has('0') ? '\0' : '\n';
    if (opts.operands.length === 0) {
      let text = '';
      for (const [k, v] of a.proc.env) text += `${k}=${v}${end}`;
      yield* a.proc.out(text);
      return 0;
    }
    let status = 0;
    let text = '';
    for (const name of opts.operands) {
      const v = a.proc.env.get(name);
      if (v === undefined) status = 1;
      else text += v + end;
    }
    yield* a.proc.out(text);
    return status;
  },
);
