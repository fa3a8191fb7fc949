/**
 * The simulated kernel: processes are generators that yield when they must wait (sleep, I/O,
 * a child), and the kernel resumes them on the simulation's timer queue. Everything is
 * deterministic: a process runs only inside a timer, in (time, sequence) order.
 *
 * Programs see a `Process` (the "Proc" API): argv, env, cwd, fds, the file system and network of
 * their namespace, and generator helpers (`read`, `write`, `sleep`, `wait`) to use with `yield*`.
 */
import type { Instant } from '../time/instant';
import type { Rng } from '../random';
import { Notifier } from './notifier';
import { callbackWriter, type ReadEnd, type WriteEnd } from './streams';
import type { Vfs } from './fs';
import type { NetNamespace } from './network';

/** Why a process is not running: it waits for a time, for notifiers, or both. */
export interface Block {
  /** Resume at this virtual time at the latest. */
  until?: Instant;
  /** Resume when any of these notify. */
  on?: readonly Notifier[];
  /** Whether a caught signal wakes the process early. */
  interruptible?: boolean;
  /** Set by `preempt()`: the process used up its CPU slice. */
  cpu?: boolean;
}

/** A program body: a generator that yields Blocks and returns an exit status. */
export type ProgramGen = Generator<Block, number, void>;
/** A program: given its process, returns its body. */
export type Program = (proc: Process) => ProgramGen;

/** Signal names the userland knows, with Linux numbers. */
export const SIGNALS = {
  HUP: 1,
  INT: 2,
  QUIT: 3,
  KILL: 9,
  USR1: 10,
  USR2: 12,
  PIPE: 13,
  ALRM: 14,
  TERM: 15,
  CHLD: 17,
  CONT: 18,
  STOP: 19,
  TSTP: 20,
  WINCH: 28,
} as const;

/** A signal name such as 'TERM'. */
export type SignalName = keyof typeof SIGNALS;

/** What a process does with a signal. */
export type Disposition = 'default' | 'ignore' | 'catch';

/** Signals whose default action is to do nothing. */
const DEFAULT_IGNORED: ReadonlySet<SignalName> = new Set(['CHLD', 'CONT', 'WINCH']);

/** Interpreter steps a process may take before it is preempted. */
export const SLICE_STEPS = 10_000;
/** Virtual CPU time one full slice stands for. */
export const SLICE_MS = 10;
/** Longest pause a CPU-bound process is given between slices once it has spun for a while. */
export const MAX_THROTTLE_MS = 10_000;

/** Where processes live: a container, a node's host namespace, or the learner's workstation. */
export interface ProcessNamespace {
  /** Stable id, e.g. "pod/default/x/c". */
  readonly id: string;
  /** What `hostname` prints. */
  hostname: string;
  readonly fs: Vfs;
  readonly net: NetNamespace;
  /** In a container, PID 1 ignores signals it has no handler for (Linux init protection). */
  readonly isContainer: boolean;
  /** Finds the program a file-system node or command name runs (see `exec.ts`). */
  readonly programs: ProgramRegistry;
  /** PIDs are per namespace: containers start at 1. */
  nextPid: number;
  /** Live processes in this namespace. */
  readonly processes: Set<Process>;
}

/** Named built-in programs (applets, servers, kubectl, shells). */
export interface ProgramRegistry {
  get(name: string): Program | undefined;
}

/** One open file description: a read end, a write end, or both (sockets), shared by dup'ed fds. */
export class FileDescription {
  private refs = 0;
  /** Bytes read but not consumed (line-buffered readers push the rest back here). */
  unread = '';

  constructor(
    readonly readEnd?: ReadEnd,
    readonly writeEnd?: WriteEnd,
    /** For `ls -l /proc/self/fd`-like listings and for isatty. */
    readonly describe: string = 'pipe',
    /** Set when this description is a terminal. */
    readonly tty?: Terminal,
  ) {}

  /** Takes a reference (a new fd pointing here). */
  retain(): this {
    this.refs++;
    return this;
  }

  /** Drops a reference; the ends close when the last one goes. */
  release(): void {
    if (--this.refs === 0) {
      this.readEnd?.close();
      this.writeEnd?.close();
    }
  }
}

/**
 * A terminal as the kernel sees it: the foreground process group receives INT on Ctrl-C, and
 * `isatty` is true. Line editing is the shells' job (they read raw keys).
 */
export interface Terminal {
  /** Foreground process group; Ctrl-C signals it. */
  foregroundPgid?: number;
  /** Terminal size, for programs that lay out output (watch, ls). */
  columns: number;
  rows: number;
}

/** How to start a process. */
export interface SpawnOptions {
  program: Program;
  argv: readonly string[];
  env: ReadonlyMap<string, string>;
  cwd: string;
  ns: ProcessNamespace;
  /** fds to install; each description is retained by the new process. */
  fds: ReadonlyMap<number, FileDescription>;
  parent?: Process;
  /** Process group; defaults to the parent's, or a new group led by this process. */
  pgid?: number;
  /** Randomness for this process (e.g. $RANDOM); defaults to a fork of the kernel's. */
  rng?: Rng;
}

/** The simulation services the kernel needs. */
export interface KernelHost {
  readonly now: Instant;
  after(delay: number, label: string, run: () => void): TimerHandle;
  cancel(timer: TimerHandle): void;
  readonly rng: Rng;
}

/** An opaque handle to a scheduled timer. */
export type TimerHandle = object;

/** A running (or finished) process; also the API programs use. */
export class Process {
  readonly pid: number;
  /** Kernel-wide process number (stable per simulation, unlike per-namespace PIDs). */
  readonly uid: number;
  readonly argv: readonly string[];
  env: Map<string, string>;
  cwd: string;
  readonly ns: ProcessNamespace;
  readonly fds = new Map<number, FileDescription>();
  readonly parent?: Process;
  pgid: number;
  private rngValue?: Rng;
  private readonly rngOption?: Rng;
  /** Exit status once finished (128+n when killed by signal n). */
  exitCode?: number;
  /** The signal that killed the process, if any. */
  killedBy?: SignalName;
  /** Notified when the process exits. */
  readonly exited = new Notifier();
  /** Caught signals not yet handled by the program, oldest first. */
  readonly pendingSignals: SignalName[] = [];
  private dispositions = new Map<SignalName, Disposition>();
  /** @internal */ gen?: ProgramGen;
  /** @internal */ steps = 0;
  /** @internal */ spinSlices = 0;
  /** @internal */ blocked?: { block: Block; cancel: () => void };
  /** @internal */ scheduled = false;

  constructor(
    readonly kernel: Kernel,
    options: SpawnOptions,
  ) {
    this.ns = options.ns;
    this.uid = kernel.nextUid++;
    this.pid = options.ns.nextPid++;
    this.argv = options.argv;
    this.env = new Map(options.env);
    this.cwd = options.cwd;
    this.parent = options.parent;
    this.pgid = options.pgid ?? options.parent?.pgid ?? this.pid;
    this.rngOption = options.rng;
    for (const [fd, desc] of options.fds) this.fds.set(fd, desc.retain());
  }

  /** This process's random stream (forked lazily: most programs never draw). */
  get rng(): Rng {
    return (this.rngValue ??= this.rngOption ?? this.kernel.host.rng.fork(`proc-${this.uid}`));
  }

  /** Whether the process has finished. */
  get done(): boolean {
    return this.exitCode !== undefined;
  }

  /** Current virtual time. */
  now(): Instant {
    return this.kernel.host.now;
  }

  /** Sets what happens when `sig` arrives. */
  setDisposition(sig: SignalName, disposition: Disposition): void {
    if (sig === 'KILL' || sig === 'STOP') return;
    this.dispositions.set(sig, disposition);
  }

  /** What happens when `sig` arrives. */
  disposition(sig: SignalName): Disposition {
    return this.dispositions.get(sig) ?? 'default';
  }

  /** Removes and returns the oldest caught signal. */
  takeSignal(): SignalName | undefined {
    return this.pendingSignals.shift();
  }

  /**
   * Counts interpreter steps; true once the CPU slice is used up, after which the program must
   * `yield this.preempt()` so other processes (and the rest of the cluster) can run.
   */
  tick(n = 1): boolean {
    this.steps += n;
    return this.steps >= SLICE_STEPS;
  }

  /**
   * The Block for a preempted process. A process that keeps spinning without ever waiting
   * for I/O is given its next slice later and later (virtual CPU throttling).
   */
  preempt(): Block {
    this.spinSlices++;
    // @simplified: a busy loop gets 10 ms slices at first, then exponentially sparser ones
    // (up to 10 s apart), so `while true; do :; done` cannot slow the cluster's fast-forward.
    const backoff =
      this.spinSlices <= 100
        ? SLICE_MS
        : Math.min(MAX_THROTTLE_MS, SLICE_MS * 2 ** Math.min(20, (this.spinSlices - 100) / 10));
    return { until: this.now() + Math.round(backoff), cpu: true };
  }

  /** The description behind an fd. */
  fd(n: number): FileDescription | undefined {
    return this.fds.get(n);
  }

  /** Installs `desc` at fd `n` (closing what was there), as dup2. */
  setFd(n: number, desc: FileDescription): void {
    const old = this.fds.get(n);
    if (old === desc) return;
    this.fds.set(n, desc.retain());
    old?.release();
  }

  /** Closes fd `n`. */
  closeFd(n: number): void {
    const old = this.fds.get(n);
    if (!old) return;
    this.fds.delete(n);
    old.release();
  }

  /** The lowest free fd number ≥ `from`. */
  freeFd(from = 3): number {
    let n = from;
    while (this.fds.has(n)) n++;
    return n;
  }

  /** Whether fd `n` is a terminal. */
  isatty(n: number): boolean {
    return this.fds.get(n)?.tty !== undefined;
  }

  /**
   * Reads from fd `n`: up to `max` bytes, '' never; null at EOF or when the fd cannot be read.
   * With `interruptible`, returns undefined when a caught signal arrives first.
   */
  *read(
    n: number,
    max = 65536,
    interruptible = false,
  ): Generator<Block, string | null | undefined, void> {
    for (;;) {
      const desc = this.fds.get(n);
      if (!desc?.readEnd) return null;
      if (desc.unread.length > 0) {
        const out = desc.unread.slice(0, max);
        desc.unread = desc.unread.slice(out.length);
        return out;
      }
      const data = desc.readEnd.read(max);
      if (data !== undefined) {
        this.spinSlices = 0;
        return data;
      }
      if (interruptible && this.pendingSignals.length > 0) return undefined;
      yield { on: [desc.readEnd.readable], interruptible };
    }
  }

  /** Reads one line (without its newline) from fd `n`; null at EOF with nothing read. */
  *readLine(n: number, interruptible = false): Generator<Block, string | null | undefined, void> {
    let line = '';
    for (;;) {
      const desc = this.fds.get(n);
      if (!desc) return line.length ? line : null;
      const chunk = yield* this.read(n, 65536, interruptible);
      if (chunk === undefined) {
        desc.unread = line + desc.unread;
        return undefined;
      }
      if (chunk === null) return line.length ? line : null;
      const nl = chunk.indexOf('\n');
      if (nl < 0) {
        line += chunk;
        continue;
      }
      line += chunk.slice(0, nl);
      desc.unread = chunk.slice(nl + 1) + desc.unread;
      return line;
    }
  }

  /** Reads fd `n` to EOF. */
  *readAll(n: number): Generator<Block, string, void> {
    let out = '';
    for (;;) {
      const chunk = yield* this.read(n);
      if (chunk === null || chunk === undefined) return out;
      out += chunk;
    }
  }

  /**
   * Writes all of `data` to fd `n`, waiting while a pipe is full. Returns false when the fd is
   * not writable or the reader went away (EPIPE: the process also gets SIGPIPE, as on Linux).
   */
  *write(n: number, data: string): Generator<Block, boolean, void> {
    let rest = data;
    while (rest.length > 0) {
      const desc = this.fds.get(n);
      if (!desc?.writeEnd) return false;
      const taken = desc.writeEnd.write(rest);
      if (taken === 'EPIPE') {
        this.kernel.signal(this, 'PIPE');
        return false;
      }
      rest = rest.slice(taken);
      if (rest.length > 0) yield { on: [desc.writeEnd.writable] };
    }
    return true;
  }

  /** Writes to stdout. */
  out(data: string): Generator<Block, boolean, void> {
    return this.write(1, data);
  }

  /** Writes to stderr. */
  err(data: string): Generator<Block, boolean, void> {
    return this.write(2, data);
  }

  /** Sleeps `ms` of virtual time; with `interruptible`, a caught signal ends it early (returns false). */
  *sleep(ms: number, interruptible = false): Generator<Block, boolean, void> {
    const until = this.now() + Math.max(0, ms);
    this.spinSlices = 0;
    while (this.now() < until) {
      if (interruptible && this.pendingSignals.length > 0) return false;
      yield { until, interruptible };
    }
    return true;
  }

  /** Starts a child process in this process's namespace, inheriting cwd, env and fds unless given. */
  spawn(options: Partial<SpawnOptions> & { program: Program; argv: readonly string[] }): Process {
    return this.kernel.spawn({
      ns: this.ns,
      cwd: this.cwd,
      env: this.env,
      fds: this.fds,
      parent: this,
      ...options,
    });
  }

  /** Waits for `child` to exit and returns its status; with `interruptible`, undefined on a caught signal. */
  *wait(child: Process, interruptible = false): Generator<Block, number | undefined, void> {
    while (!child.done) {
      if (interruptible && this.pendingSignals.length > 0) return undefined;
      yield { on: [child.exited], interruptible };
    }
    this.spinSlices = 0;
    return child.exitCode!;
  }
}

/** Schedules and signals processes on the simulation's timer queue. */
export class Kernel {
  /** @internal */ nextUid = 0;

  constructor(readonly host: KernelHost) {}

  /** Creates a process and schedules its first step in the current instant. */
  spawn(options: SpawnOptions): Process {
    const proc = new Process(this, options);
    options.ns.processes.add(proc);
    proc.gen = options.program(proc);
    this.schedule(proc);
    return proc;
  }

  /** Sends `sig` to a process, applying its disposition (and init protection in containers). */
  signal(proc: Process, sig: SignalName): void {
    if (proc.done) return;
    if (sig === 'KILL') return this.terminate(proc, sig);
    const disposition = proc.disposition(sig);
    if (disposition === 'ignore') return;
    if (disposition === 'catch') {
      proc.pendingSignals.push(sig);
      if (proc.blocked?.block.interruptible) this.wake(proc);
      return;
    }
    if (DEFAULT_IGNORED.has(sig)) return;
    // Linux: the init process of a PID namespace never gets default actions it did not ask for.
    if (proc.ns.isContainer && proc.pid === 1) return;
    this.terminate(proc, sig);
  }

  /** Sends `sig` to every live process of a group in a namespace. */
  signalGroup(ns: ProcessNamespace, pgid: number, sig: SignalName): void {
    for (const proc of [...ns.processes]) if (proc.pgid === pgid) this.signal(proc, sig);
  }

  /** Kills every process in a namespace (a container stopping). */
  killAll(ns: ProcessNamespace): void {
    for (const proc of [...ns.processes]) this.terminate(proc, 'KILL');
  }

  /** Ends a process at once with status 128+signal. */
  terminate(proc: Process, sig: SignalName): void {
    if (proc.done) return;
    proc.killedBy = sig;
    try {
      proc.gen?.return(128 + SIGNALS[sig]);
    } catch {
      // A program's cleanup that throws still ends the process.
    }
    this.finish(proc, 128 + SIGNALS[sig]);
  }

  private finish(proc: Process, code: number): void {
    if (proc.done) return;
    proc.exitCode = code;
    proc.blocked?.cancel();
    proc.blocked = undefined;
    proc.gen = undefined;
    for (const n of [...proc.fds.keys()]) proc.closeFd(n);
    proc.ns.processes.delete(proc);
    proc.exited.notify();
  }

  private schedule(proc: Process): void {
    if (proc.scheduled || proc.done) return;
    proc.scheduled = true;
    this.host.after(0, `proc ${proc.ns.id}#${proc.pid}`, () => this.step(proc));
  }

  private wake(proc: Process): void {
    const blocked = proc.blocked;
    if (!blocked) return;
    proc.blocked = undefined;
    blocked.cancel();
    this.schedule(proc);
  }

  /** Runs a process until it blocks or ends. */
  private step(proc: Process): void {
    proc.scheduled = false;
    if (proc.done || !proc.gen) return;
    proc.steps = 0;
    let result: IteratorResult<Block, number>;
    try {
      result = proc.gen.next();
    } catch (error) {
      this.crash(proc, error);
      return;
    }
    if (result.done) {
      this.finish(proc, typeof result.value === 'number' ? result.value & 255 : 0);
      return;
    }
    this.block(proc, result.value);
  }

  private block(proc: Process, block: Block): void {
    const unsubscribers: Array<() => void> = [];
    let timer: TimerHandle | undefined;
    let cancelled = false;
    const cancel = () => {
      cancelled = true;
      for (const u of unsubscribers) u();
      if (timer) this.host.cancel(timer);
    };
    proc.blocked = { block, cancel };
    const wake = () => {
      if (!cancelled) this.wake(proc);
    };
    for (const n of block.on ?? []) unsubscribers.push(n.subscribe(wake));
    if (block.until !== undefined) {
      const delay = Math.max(0, block.until - this.host.now);
      timer = this.host.after(delay, `wake ${proc.ns.id}#${proc.pid}`, wake);
    }
    if (block.until === undefined && (block.on ?? []).length === 0) {
      // A bare yield: run again later in this same instant.
      wake();
    }
  }

  /** A program threw: report it on its stderr and end it, so nothing escapes the engine. */
  private crash(proc: Process, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const stderr = proc.fds.get(2)?.writeEnd;
    stderr?.write(`${proc.argv[0] ?? 'program'}: internal error: ${message}\n`);
    this.finish(proc, 70);
  }
}

/** A FileDescription that forwards writes to a callback (terminal output, log capture). */
export function writerDescription(
  sink: (data: string) => void,
  describe = 'sink',
  tty?: Terminal,
): FileDescription {
  return new FileDescription(undefined, callbackWriter(sink), describe, tty);
}
