/**
 * A small harness that runs a shell command line in a fresh simulated namespace and collects
 * stdout, stderr and the exit status. Used by the tests; handy for the lead's own checks too.
 * It installs the shells and a few minimal test doubles (seq, cat, sleep, date) so scripts run
 * without the real applets.
 */
import { createSimulation, type Simulation } from '../../simulation';
import { FileDescription, Kernel, writerDescription, type Process, type Program } from '../kernel';
import { FileTree, Vfs, resolvePath, ERRNO_TEXT } from '../fs';
import { Network } from '../network';
import { MapRegistry, createNetNamespace, createProcessNamespace } from '../namespace';
import type { ProcessNamespace } from '../kernel';
import { emptyReader, stringReader } from '../streams';
import { bashProgram, echoProgram, printfProgram, shProgram, testProgram } from './programs';

/** `seq [FIRST] LAST` (test double). */
export const seqDouble: Program = function* (proc) {
  const args = proc.argv.slice(1).map(Number);
  const [first, last] = args.length >= 2 ? [args[0], args[1]] : [1, args[0]];
  let out = '';
  for (let i = first; i <= last; i++) out += `${i}\n`;
  yield* proc.out(out);
  return 0;
};

/** `cat [FILE…]` (test double with busybox's error text). */
export const catDouble: Program = function* (proc) {
  const files = proc.argv.slice(1);
  let status = 0;
  if (files.length === 0) files.push('-');
  for (const f of files) {
    if (f === '-') {
      for (;;) {
        const chunk = yield* proc.read(0);
        if (chunk === null || chunk === undefined) break;
        if (!(yield* proc.out(chunk))) return 1;
      }
      continue;
    }
    const r = proc.ns.fs.readFile(resolvePath(proc.cwd, f));
    if (!r.ok) {
      yield* proc.err(`cat: can't open '${f}': ${ERRNO_TEXT[r.errno]}\n`);
      status = 1;
      continue;
    }
    yield* proc.out(r.value);
  }
  return status;
};

/** `sleep SECONDS` with fractions, in virtual time (test double). */
export const sleepDouble: Program = function* (proc) {
  const s = Number(proc.argv[1] ?? '0');
  yield* proc.sleep(Math.round(s * 1000));
  return 0;
};

/** `date [+%S|+%F]` from virtual time, UTC (test double). */
export const dateDouble: Program = function* (proc) {
  const d = new Date(proc.now());
  const pad = (n: number) => String(n).padStart(2, '0');
  const fmt = proc.argv[1];
  let out: string;
  if (fmt === '+%S') out = pad(d.getUTCSeconds());
  else if (fmt === '+%F')
    out = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  else {
    const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const months = [
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
    ];
    out =
      `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ` +
      `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
  }
  yield* proc.out(out + '\n');
  return 0;
};

/** A namespace with the shells, applets and test doubles installed. */
export interface Sandbox {
  sim: Simulation;
  kernel: Kernel;
  ns: ProcessNamespace;
  registry: MapRegistry;
  /** Starts a program with separate stdout/stderr capture. */
  start(argv: string[], options?: SandboxRun): Running;
}

/** Options for one run. */
export interface SandboxRun {
  stdin?: string | FileDescription;
  env?: Record<string, string>;
  cwd?: string;
  program?: Program;
}

/** A started process and its captured output. */
export interface Running {
  proc: Process;
  stdout(): string;
  stderr(): string;
}

/** Creates a sandbox namespace (a container by default). */
export function createSandbox(
  options: { isContainer?: boolean; start?: number; seed?: number } = {},
): Sandbox {
  const sim = createSimulation({ seed: options.seed ?? 1, start: options.start ?? 0 });
  const kernel = new Kernel(sim);
  const fs = new Vfs(new FileTree('root'), () => sim.now);
  const network = new Network(sim.rng.fork('net'));
  const net = createNetNamespace(network, 'c1', ['10.0.0.2']);
  const registry = new MapRegistry()
    .add('sh', shProgram)
    .add('bash', bashProgram)
    .add('echo', echoProgram)
    .add('printf', printfProgram)
    .add('test', testProgram)
    .add('seq', seqDouble)
    .add('cat', catDouble)
    .add('sleep', sleepDouble)
    .add('date', dateDouble);
  const ns = createProcessNamespace({
    id: 'c1',
    hostname: 'c1',
    fs,
    net,
    isContainer: options.isContainer ?? true,
    programs: registry,
  });
  for (const dir of ['/root', '/tmp', '/etc', '/var/log']) fs.mkdir(dir, { parents: true });
  fs.installProgram('/bin/sh', 'sh');
  fs.installProgram('/bin/ash', 'sh');
  fs.installProgram('/bin/bash', 'bash');
  fs.installProgram('/bin/echo', 'echo');
  fs.installProgram('/usr/bin/printf', 'printf');
  fs.installProgram('/usr/bin/test', 'test');
  fs.installProgram('/usr/bin/[', 'test');
  fs.installProgram('/usr/bin/seq', 'seq');
  fs.installProgram('/bin/cat', 'cat');
  fs.installProgram('/bin/sleep', 'sleep');
  fs.installProgram('/bin/date', 'date');
  const start = (argv: string[], run: SandboxRun = {}): Running => {
    let out = '';
    let err = '';
    const stdin =
      run.stdin instanceof FileDescription
        ? run.stdin
        : new FileDescription(run.stdin === undefined ? emptyReader() : stringReader(run.stdin));
    const env = new Map(
      Object.entries(
        run.env ?? {
          PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
          HOME: '/root',
        },
      ),
    );
    const proc = kernel.spawn({
      program: run.program ?? registry.get(argv[0].slice(argv[0].lastIndexOf('/') + 1))!,
      argv,
      env,
      cwd: run.cwd ?? '/',
      ns,
      fds: new Map([
        [0, stdin],
        [1, writerDescription((d) => (out += d))],
        [2, writerDescription((d) => (err += d))],
      ]),
    });
    return { proc, stdout: () => out, stderr: () => err };
  };
  return { sim, kernel, ns, registry, start };
}

/** The result of `runScript`. */
export interface ScriptResult {
  stdout: string;
  stderr: string;
  /** Exit status, or undefined if still running when time ran out. */
  status?: number;
}

/** Runs `argv` (e.g. ['sh', '-c', script]) to completion within `maxMs` of virtual time. */
export function runScript(
  argv: string[],
  options: SandboxRun & { maxMs?: number } = {},
): ScriptResult {
  const box = createSandbox();
  const r = box.start(argv, options);
  box.sim.advance(options.maxMs ?? 60_000);
  return { stdout: r.stdout(), stderr: r.stderr(), status: r.proc.exitCode };
}
