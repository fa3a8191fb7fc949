/** Running a command "in place" for entrypoint scripts that end with `exec "$@"`. */
import type { Block, Process } from '../kernel';
import { findExecutable } from '../exec';

/**
 * Runs argv as a child and returns its status, forwarding termination signals; prints the
 * shell's "not found" message (status 127) when there is no such command.
 */
// @simplified: the kernel has no exec(), so the command runs as a child of the entrypoint.
export function* execLike(
  proc: Process,
  argv: string[],
  shellName = '/docker-entrypoint.sh',
): Generator<Block, number, void> {
  const exe = findExecutable(proc.ns, proc.cwd, proc.env.get('PATH'), argv);
  if (typeof exe === 'string') {
    yield* proc.err(`${shellName}: exec: line 47: ${argv[0] ?? ''}: not found\n`);
    return 127;
  }
  for (const sig of ['TERM', 'INT', 'QUIT', 'HUP'] as const) proc.setDisposition(sig, 'catch');
  const child = proc.spawn({ program: exe.program, argv: exe.argv });
  for (;;) {
    const code = yield* proc.wait(child, true);
    if (code !== undefined) return code;
    for (let sig = proc.takeSignal(); sig; sig = proc.takeSignal()) proc.kernel.signal(child, sig);
  }
}
