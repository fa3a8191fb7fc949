/**
 * `podlab` with no command: a practice terminal on a simulated cluster that runs in real time.
 * The process's terminal becomes the workstation pane (raw keys in, screen bytes out); the
 * cluster is paced against the wall clock here, outside the engine.
 */
import { createSimulation } from '../engine/simulation';
import { createWorkstation, HOME } from '../engine/shell/workstation';
import { runScript } from '../engine/shell/script-runner';
import { Tty } from '../engine/runtime/tty';
import { parseSessionArgs, UsageError } from './run';

const TICK_MS = 50;

/** Runs the practice shell; resolves to its exit status. */
export function interactiveCommand(args: string[]): Promise<number> {
  const { options, positional } = parseSessionArgs(args);
  if (positional.length > 0)
    throw new UsageError(`unknown command "${positional[0]}"; see 'podlab --help'`);
  const sim = createSimulation({ seed: options.seed, start: Date.now(), cluster: options.cluster });
  const ws = createWorkstation(sim);
  if (!process.stdin.isTTY) {
    // Not a terminal: run what arrives on stdin as a script, at simulation speed.
    return new Promise((done) => {
      const chunks: Buffer[] = [];
      process.stdin.on('data', (c: Buffer) => chunks.push(c));
      process.stdin.on('end', () => {
        const r = runScript(sim, ws, Buffer.concat(chunks).toString('utf8'), {
          echo: options.echo,
        });
        process.stdout.write(r.output);
        done(r.status);
      });
    });
  }
  const tty = new Tty(sim.kernel, ws.ns, (bytes) =>
    process.stdout.write(Buffer.from(bytes, 'latin1')),
  );
  const resize = () => {
    tty.columns = process.stdout.columns ?? 80;
    tty.rows = process.stdout.rows ?? 24;
  };
  resize();
  process.stdout.on('resize', resize);
  process.stdout.write(
    'Podlab practice terminal: a simulated Kubernetes 1.32 cluster (controlplane, node01..node03).\r\n' +
      'Type kubectl commands; `exit` or Ctrl-D leaves.\r\n\r\n',
  );
  const shell = sim.kernel.spawn({
    program: ws.bash,
    argv: ['-bash'],
    env: ws.env,
    cwd: HOME,
    ns: ws.ns,
    fds: new Map([
      [0, tty.description],
      [1, tty.description],
      [2, tty.description],
    ]),
  });
  process.stdin.setRawMode(true);
  process.stdin.on('data', (data: Buffer) => {
    tty.type(data.toString('latin1'));
    sim.settle();
  });
  const wallStart = Date.now();
  const virtualStart = sim.now;
  return new Promise((done) => {
    const timer = setInterval(() => {
      sim.runUntil(virtualStart + (Date.now() - wallStart), 50_000);
      if (shell.done) {
        clearInterval(timer);
        process.stdin.setRawMode(false);
        process.stdin.pause();
        done(shell.exitCode ?? 0);
      }
    }, TICK_MS);
  });
}
