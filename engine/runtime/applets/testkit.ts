/**
 * A small machine for exercising programs without a cluster: one simulation, one kernel, one
 * process namespace with a file system and network address. Used by the userland tests; pure
 * engine code, so it also serves the lead's integration tests.
 */
import { createSimulation, type Simulation } from '../../simulation';
import {
  FileDescription,
  Kernel,
  writerDescription,
  type Process,
  type Program,
  type ProcessNamespace,
  type Terminal,
} from '../kernel';
import { FileTree, Vfs, dirName } from '../fs';
import { Network, type NetNamespace } from '../network';
import { MapRegistry, createNetNamespace, createProcessNamespace } from '../namespace';
import { emptyReader, stringReader } from '../streams';

/** How to start a test program. */
export interface RunOptions {
  stdin?: string;
  /** Make stdout (and stderr) a terminal of this width. */
  tty?: boolean | { columns: number };
  cwd?: string;
  env?: Record<string, string>;
  /** Virtual time to run for at most (default one hour). */
  maxMs?: number;
}

/** A started program and what it has printed so far. */
export interface Started {
  proc: Process;
  stdout(): string;
  stderr(): string;
}

/** A finished program. */
export interface RunResult {
  stdout: string;
  stderr: string;
  status: number | undefined;
  proc: Process;
}

/** A test machine. */
export interface TestMachine {
  sim: Simulation;
  kernel: Kernel;
  network: Network;
  ns: ProcessNamespace;
  fs: Vfs;
  registry: MapRegistry;
  /** Writes files (creating parent directories). */
  write(files: Record<string, string>): void;
  /** Starts a program without advancing time. */
  start(program: Program, argv: string[], options?: RunOptions): Started;
  /** Runs a program until it exits (or maxMs of virtual time passes). */
  run(program: Program, argv: string[], options?: RunOptions): RunResult;
  /** Another namespace on the same kernel and network (another pod). */
  peer(id: string, ip: string, hostname?: string): TestMachine;
}

/** Options for a test machine. */
export interface MachineOptions {
  /** Virtual start time (default 2024-01-22T10:01:00Z). */
  start?: number;
  hostname?: string;
  ip?: string;
  /** Name resolution for this namespace. */
  resolve?: (name: string) => string | undefined;
  registry?: MapRegistry;
  isContainer?: boolean;
}

/** Creates a test machine. */
export function createTestMachine(options: MachineOptions = {}): TestMachine {
  const sim = createSimulation({
    seed: 1,
    start: options.start ?? Date.UTC(2024, 0, 22, 10, 1, 0),
  });
  const kernel = new Kernel(sim);
  const network = new Network(sim.rng.fork('net'));
  return machineOn(sim, kernel, network, 'test', options.ip ?? '10.244.1.5', options);
}

function machineOn(
  sim: Simulation,
  kernel: Kernel,
  network: Network,
  id: string,
  ip: string,
  options: MachineOptions,
): TestMachine {
  const fs = new Vfs(new FileTree(`root:${id}`, sim.now), () => sim.now);
  const registry = options.registry ?? new MapRegistry();
  const net: NetNamespace = createNetNamespace(
    network,
    id,
    [ip],
    options.resolve ?? (() => undefined),
  );
  const ns = createProcessNamespace({
    id,
    hostname: options.hostname ?? id,
    fs,
    net,
    isContainer: options.isContainer ?? true,
    programs: registry,
  });
  const machine: TestMachine = {
    sim,
    kernel,
    network,
    ns,
    fs,
    registry,
    write(files) {
      for (const [path, data] of Object.entries(files)) {
        fs.mkdir(dirName(path), { parents: true });
        fs.writeFile(path, data);
      }
    },
    start(program, argv, opts = {}) {
      let out = '';
      let err = '';
      const tty: Terminal | undefined = opts.tty
        ? { columns: typeof opts.tty === 'object' ? opts.tty.columns : 80, rows: 24 }
        : undefined;
      const stdout = writerDescription((d) => (out += d), tty ? 'tty' : 'pipe', tty);
      const stderr = writerDescription((d) => (err += d), tty ? 'tty' : 'pipe', tty);
      const stdin = new FileDescription(
        opts.stdin !== undefined ? stringReader(opts.stdin) : emptyReader(),
      );
      const proc = kernel.spawn({
        program,
        argv,
        env: new Map(
          Object.entries(
            opts.env ?? { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
          ),
        ),
        cwd: opts.cwd ?? '/',
        ns,
        fds: new Map([
          [0, stdin],
          [1, stdout],
          [2, stderr],
        ]),
      });
      return { proc, stdout: () => out, stderr: () => err };
    },
    run(program, argv, opts = {}) {
      const started = machine.start(program, argv, opts);
      const limit = sim.now + (opts.maxMs ?? 3_600_000);
      while (!started.proc.done && sim.now < limit) {
        const next = sim.timers.peekTime();
        if (next === undefined || next > limit) break;
        sim.runUntil(next);
      }
      return {
        stdout: started.stdout(),
        stderr: started.stderr(),
        status: started.proc.exitCode,
        proc: started.proc,
      };
    },
    peer(peerId, peerIp, hostname) {
      return machineOn(sim, kernel, network, peerId, peerIp, {
        ...options,
        hostname: hostname ?? peerId,
        registry,
      });
    },
  };
  return machine;
}
