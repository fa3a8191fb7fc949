/**
 * The shell interpreter: one `Shell` per shell process (subshells, pipeline stages and command
 * substitutions are child processes running a copy of the parent's state, as after fork(2)).
 * It executes syntax trees as generators on the simulated kernel, yielding whenever it waits.
 *
 * Execution follows dash/busybox ash (shell/ash.c evaltree): `flags & EXIT` marks the last
 * command before the shell exits, which then runs external programs in place of the shell
 * (exec) when no trap is set; `flags & TESTED` marks conditions where `set -e` does not apply.
 */
import {
  FileDescription,
  SIGNALS,
  type Block,
  type Process,
  type Program,
  type SignalName,
} from '../kernel';
import { findExecutable } from '../exec';
import { resolvePath, ERRNO_TEXT, type Errno } from '../fs';
import { Pipe, stringReader } from '../streams';
import type { Assign, Dialect, Node, Redir, Word } from './ast';
import { evaluateArith, ArithAssignError } from './arith';
import { expandPattern, expandString, expandTarget, expandWords } from './expand';
import { openFile } from './files';
import { arithMessage, syntaxMessage } from './messages';
import { Parser, ParseError } from './parser';
import { matchPattern } from './pattern';
import { BUILTINS, type Builtin } from './builtins';

type Gen<T> = Generator<Block, T, void>;

/** The command is the last thing the shell does: it may exec in place. */
export const EV_EXIT = 1;
/** The command's status is tested (condition, `&&`/`||` left side, `!`): no `set -e` exit. */
export const EV_TESTED = 2;

/** A shell variable. */
export interface Var {
  value?: string;
  exported: boolean;
  readonly: boolean;
}

/** A fatal shell error (non-interactive shells exit with `status`). */
export class ShellError {
  constructor(
    readonly status: number,
    readonly messages: string[] = [],
  ) {}
}

/** bash: an expansion error that abandons the current top-level command only. */
export class CommandAbort {
  constructor(
    readonly status: number,
    readonly messages: string[] = [],
  ) {}
}

/** The `exit` builtin (or a fatal condition after its message was printed). */
export class ExitNow {
  constructor(readonly status: number) {}
}

/** `break`/`continue` unwinding to the right loop. */
export class LoopControl {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}

/** `return` from a function or sourced file. */
export class FunctionReturn {
  constructor(readonly status: number) {}
}

/** Ctrl-C in an interactive shell: back to the prompt. */
export class Interrupt {}

/** A background job. */
export interface Job {
  id: number;
  procs: Process[];
  text: string;
  pgid: number;
  reported?: boolean;
}

/** Shell options (`set -e` …). */
export interface ShellOptions {
  e: boolean;
  u: boolean;
  x: boolean;
  f: boolean;
  n: boolean;
  v: boolean;
  C: boolean;
  a: boolean;
  m: boolean;
  pipefail: boolean;
}

/** How the entry programs start a shell (see programs.ts). */
export interface ShellEntry {
  /** The program that runs a shell script file (used for ENOEXEC files). */
  program: Program;
}

const SIGNAL_NAMES = Object.keys(SIGNALS) as SignalName[];

/** strsignal() texts (glibc and musl agree on these). */
const SIGNAL_TEXT: Record<SignalName, string> = {
  HUP: 'Hangup',
  INT: 'Interrupt',
  QUIT: 'Quit',
  KILL: 'Killed',
  USR1: 'User defined signal 1',
  USR2: 'User defined signal 2',
  PIPE: 'Broken pipe',
  ALRM: 'Alarm clock',
  TERM: 'Terminated',
  CHLD: 'Child exited',
  CONT: 'Continued',
  STOP: 'Stopped (signal)',
  TSTP: 'Stopped',
  WINCH: 'Window changed',
};

/**
 * A finished job's state word in `jobs` and the completion notice: `Done`; a signal's text
 * (`Terminated`) when the process was killed; otherwise bash prints `Exit N` (jobs.c
 * printable_job_status, `Done(N)` only in POSIX mode) and busybox ash `Done(N)`.
 */
export function finishedJobState(dialect: Dialect, proc: Process): string {
  if (proc.killedBy) return SIGNAL_TEXT[proc.killedBy];
  if (proc.exitCode === 0) return 'Done';
  return dialect === 'bash' ? `Exit ${proc.exitCode}` : `Done(${proc.exitCode})`;
}

/** Looks up a signal by name (TERM, SIGTERM) or number; 0/EXIT is 'EXIT'. */
export function parseSignal(spec: string): SignalName | 'EXIT' | undefined {
  const up = spec.toUpperCase();
  if (up === 'EXIT' || up === '0' || up === 'SIGEXIT') return 'EXIT';
  if (/^[0-9]+$/.test(spec)) return SIGNAL_NAMES.find((n) => SIGNALS[n] === Number(spec));
  const name = up.startsWith('SIG') ? up.slice(3) : up;
  return SIGNAL_NAMES.find((n) => n === name);
}

/** The interpreter state of one shell process. */
export class Shell {
  proc: Process;
  readonly dialect: Dialect;
  vars = new Map<string, Var>();
  funcs = new Map<string, Node>();
  aliases = new Map<string, string>();
  positional: string[] = [];
  arg0: string;
  /** Script name (or -c name) used in messages. */
  commandName?: string;
  interactive = false;
  opts: ShellOptions = {
    e: false,
    u: false,
    x: false,
    f: false,
    n: false,
    v: false,
    C: false,
    a: false,
    m: false,
    pipefail: false,
  };
  /** `$?`. */
  status = 0;
  /** `$$`: the pid of the original shell, also in subshells. */
  rootPid: number;
  lastBg?: Process;
  jobs: Job[] = [];
  traps = new Map<string, string>();
  loopDepth = 0;
  funcDepth = 0;
  sourceDepth = 0;
  locals: Array<Map<string, Var | undefined>> = [];
  lineno = 0;
  umask = 0o022;
  /** The builtin currently running (named in its error messages). */
  currentBuiltin?: string;
  inSubshell = false;
  /** Set once the process image was replaced by exec. */
  execed = false;
  private exitTrapDone = false;
  /** Optional hook for the workstation: called with each interactive command line. */
  readonly entry: ShellEntry;
  /** Status of the last command substitution (for assignment-only commands). */
  lastSubstStatus = 0;

  constructor(proc: Process, dialect: Dialect, entry: ShellEntry, arg0: string) {
    this.proc = proc;
    this.dialect = dialect;
    this.entry = entry;
    this.arg0 = arg0;
    this.rootPid = proc.pid;
  }

  /** Initializes variables from the environment, as a new shell does. */
  initVars(): void {
    for (const [k, v] of this.proc.env) {
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
        this.vars.set(k, { value: v, exported: true, readonly: false });
    }
    if (!this.vars.has('IFS'))
      this.vars.set('IFS', { value: ' \t\n', exported: false, readonly: false });
    if (!this.vars.has('PS2'))
      this.vars.set('PS2', { value: '> ', exported: false, readonly: false });
    if (!this.vars.has('PS4'))
      this.vars.set('PS4', { value: '+ ', exported: false, readonly: false });
    this.vars.set('OPTIND', { value: '1', exported: false, readonly: false });
    this.vars.set('PPID', {
      value: String(this.proc.parent?.pid ?? 0),
      exported: false,
      readonly: false,
    });
    const pwd = this.proc.env.get('PWD');
    const cwd = this.proc.cwd;
    if (pwd === undefined || resolvePath('/', pwd) !== cwd) {
      this.vars.set('PWD', { value: cwd, exported: pwd !== undefined, readonly: false });
    }
    if (!this.vars.has('PATH')) {
      this.vars.set('PATH', {
        value: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        exported: false,
        readonly: false,
      });
    }
    if (this.dialect === 'bash') {
      if (!this.vars.has('HOSTNAME')) {
        this.vars.set('HOSTNAME', {
          value: this.proc.ns.hostname,
          exported: false,
          readonly: false,
        });
      }
      this.vars.set('BASH', { value: '/bin/bash', exported: false, readonly: false });
      if (!this.vars.has('SHLVL'))
        this.vars.set('SHLVL', { value: '1', exported: true, readonly: false });
    }
  }

  /** A copy for a forked child process (subshell, pipeline stage, command substitution). */
  fork(child: Process): Shell {
    const sh = new Shell(child, this.dialect, this.entry, this.arg0);
    for (const [k, v] of this.vars) sh.vars.set(k, { ...v });
    sh.funcs = new Map(this.funcs);
    sh.aliases = new Map(this.aliases);
    sh.positional = [...this.positional];
    sh.commandName = this.commandName;
    sh.opts = { ...this.opts, m: false };
    sh.status = this.status;
    sh.rootPid = this.rootPid;
    sh.lastBg = this.lastBg;
    sh.lineno = this.lineno;
    sh.umask = this.umask;
    sh.funcDepth = this.funcDepth;
    sh.loopDepth = this.loopDepth;
    sh.inSubshell = true;
    // Traps with commands are reset in a subshell; ignored signals stay ignored.
    for (const [sig, cmd] of this.traps) if (cmd === '' && sig !== 'EXIT') sh.traps.set(sig, '');
    return sh;
  }

  // ---- variables ----------------------------------------------------------------------------

  /** A variable's value (undefined when unset). */
  getVar(name: string): string | undefined {
    if (name === 'RANDOM') return String(this.proc.rng.int(32768));
    if (name === 'LINENO') return String(this.lineno);
    if (name === 'SECONDS' && this.dialect === 'bash')
      return String(Math.floor(this.proc.now() / 1000));
    if (name === 'BASHPID' && this.dialect === 'bash') return String(this.proc.pid);
    return this.vars.get(name)?.value;
  }

  /** Sets a variable; returns the shell's error message when it is read-only. */
  setVar(name: string, value: string, exported?: boolean): string | undefined {
    const v = this.vars.get(name);
    if (v?.readonly)
      return this.dialect === 'bash' ? `${name}: readonly variable` : `${name}: is read only`;
    if (v) {
      v.value = value;
      if (exported) v.exported = true;
    } else this.vars.set(name, { value, exported: exported ?? this.opts.a, readonly: false });
    if (name === 'PWD' && this.proc.cwd !== value) {
      // Only `cd` changes the directory; PWD is informational.
    }
    return undefined;
  }

  /** Assigns during expansion (`${x:=v}`); a read-only variable is a fatal error. */
  assignFromExpansion(name: string, value: string): void {
    if (/^[0-9@*#?$!-]/.test(name)) {
      throw new ShellError(this.dialect === 'bash' ? 1 : 2, [
        this.prefix() + `${name}: cannot assign in this way`,
      ]);
    }
    const err = this.setVar(name, value);
    if (err) throw new ShellError(this.dialect === 'bash' ? 1 : 2, [this.prefix() + err]);
  }

  /** The value of a parameter (special, positional or variable). */
  getParam(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.status);
      case '$':
        return String(this.rootPid);
      case '#':
        return String(this.positional.length);
      case '!':
        return this.lastBg ? String(this.lastBg.pid) : this.dialect === 'bash' ? undefined : '';
      case '-':
        return this.optionLetters();
      case '@':
      case '*': {
        if (this.positional.length === 0) return undefined;
        const ifs = this.getVar('IFS');
        const sep = ifs === undefined ? ' ' : ifs.slice(0, 1);
        return this.positional.join(sep);
      }
      case '0':
        return this.arg0;
    }
    if (/^[0-9]+$/.test(name)) return this.positional[Number(name) - 1];
    return this.getVar(name);
  }

  private optionLetters(): string {
    let s = '';
    if (this.dialect === 'bash') {
      // bash: flags in its own order, then hB, then c/s.
      if (this.opts.a) s += 'a';
      if (this.opts.e) s += 'e';
      if (this.opts.f) s += 'f';
      if (this.interactive) s += 'i';
      if (this.opts.m) s += 'm';
      if (this.opts.n) s += 'n';
      if (this.opts.u) s += 'u';
      if (this.opts.v) s += 'v';
      if (this.opts.x) s += 'x';
      s += 'hB';
      if (this.opts.C) s += 'C';
      if (this.runningC) s += 'c';
      if (this.readingStdin && !this.interactive) s += 's';
      return s;
    }
    // busybox ash lists set options last-to-first (checked against busybox 1.35).
    const order: Array<[string, boolean]> = [
      ['u', this.opts.u],
      ['a', this.opts.a],
      ['C', this.opts.C],
      ['v', this.opts.v],
      ['x', this.opts.x],
      ['c', this.runningC],
      ['s', this.readingStdin && !this.interactive],
      ['n', this.opts.n],
      ['m', this.opts.m],
      ['i', this.interactive],
      ['f', this.opts.f],
      ['e', this.opts.e],
    ];
    for (const [c, on] of order) if (on) s += c;
    return s;
  }

  /** Set by the entry program: the shell runs a -c string / reads stdin. */
  runningC = false;
  readingStdin = false;

  /** `set -u`: an unset parameter is a fatal error. */
  checkUnset(name: string): void {
    if (!this.opts.u || name === '@' || name === '*') return;
    const msg =
      this.dialect === 'bash' ? `${name}: unbound variable` : `${name}: parameter not set`;
    throw new ShellError(this.dialect === 'bash' ? 127 : 2, [this.prefix() + msg]);
  }

  /** `${x?msg}` failed. */
  parameterError(name: string, msg: string, colon: boolean): never {
    const text =
      msg ||
      (colon
        ? this.dialect === 'bash'
          ? 'parameter null or not set'
          : 'parameter not set or null'
        : 'parameter not set');
    throw new ShellError(this.dialect === 'bash' ? 127 : 2, [this.prefix() + `${name}: ${text}`]);
  }

  /** Evaluates arithmetic; errors are fatal (ash) or abort the command (bash). */
  arith(expr: string): bigint {
    const r = evaluateArith(
      expr,
      {
        get: (n) => this.getParam(n),
        set: (n, v) => this.setVar(n, v),
      },
      this.dialect,
    );
    if (r instanceof ArithAssignError)
      throw new ShellError(this.dialect === 'bash' ? 1 : 2, [this.prefix() + r.message]);
    if (r.ok) return r.value;
    const msg = this.prefix() + arithMessage(r.error, this.dialect);
    if (this.dialect === 'bash') throw new CommandAbort(1, [msg]);
    throw new ShellError(2, [msg]);
  }

  /** The environment for a child program: exported variables. */
  environment(extra?: ReadonlyMap<string, string>): Map<string, string> {
    const env = new Map<string, string>();
    for (const [k, v] of this.vars) if (v.exported && v.value !== undefined) env.set(k, v.value);
    if (extra) for (const [k, v] of extra) env.set(k, v);
    return env;
  }

  // ---- messages -------------------------------------------------------------------------------

  /** The prefix of an error message, per dialect (see messages.ts). */
  prefix(builtin = this.currentBuiltin): string {
    if (this.dialect === 'bash') {
      const line = this.interactive ? '' : `line ${this.lineno}: `;
      return `${this.arg0}: ${line}${builtin ? builtin + ': ' : ''}`;
    }
    const cmd = builtin ?? this.commandName;
    if (!cmd) return `${this.arg0}: `;
    const name = cmd !== this.arg0 ? `${cmd}: ` : '';
    const line = this.interactive ? '' : `line ${this.lineno}: `;
    return `${this.arg0}: ${name}${line}`;
  }

  /** Writes to stdout. */
  *out(text: string): Gen<boolean> {
    return yield* this.proc.write(1, text);
  }

  /** Writes raw text to stderr. */
  *err(text: string): Gen<void> {
    yield* this.proc.write(2, text);
  }

  /** Writes an error message with the shell's prefix. */
  *error(text: string, builtin = this.currentBuiltin): Gen<void> {
    yield* this.proc.write(2, this.prefix(builtin) + text + '\n');
  }

  /** Reports a syntax error from a parser. */
  *syntaxError(err: ParseError, parser: Parser, kind: 'c' | 'script' | 'stdin'): Gen<void> {
    this.lineno = err.line;
    const text = parser.lineText(err.token?.pos ?? 0);
    const lines = syntaxMessage(err, this.dialect, text);
    if (this.dialect === 'bash') {
      let line = err.line;
      if (err.kind === 'unexpected' && (!err.token || err.token.type === 'eof'))
        line = err.line + 1;
      const pre = this.interactive
        ? 'bash: '
        : kind === 'c'
          ? `${this.arg0 === 'bash' ? 'bash' : this.arg0}: -c: line ${line}: `
          : `${this.arg0}: line ${line}: `;
      for (const l of lines) yield* this.err(pre + l + '\n');
      return;
    }
    for (const l of lines) yield* this.error(l);
  }

  // ---- processes ------------------------------------------------------------------------------

  /** Spawns a child process with the shell's fds (or the given ones). */
  spawn(
    program: Program,
    argv: readonly string[],
    options: {
      fds?: Map<number, FileDescription>;
      env?: Map<string, string>;
      pgid?: number;
      background?: boolean;
    } = {},
  ): Process {
    const child = this.proc.spawn({
      program,
      argv,
      env: options.env ?? this.environment(),
      fds: options.fds ?? this.proc.fds,
      pgid: options.pgid,
    });
    for (const [sig, cmd] of this.traps) {
      if (cmd === '' && sig !== 'EXIT') child.setDisposition(sig as SignalName, 'ignore');
    }
    if (options.background && !this.opts.m) {
      child.setDisposition('INT', 'ignore');
      child.setDisposition('QUIT', 'ignore');
    }
    return child;
  }

  /** A program that runs `body` in a forked copy of this shell. */
  forkProgram(body: (child: Shell) => Gen<number>): Program {
    return (p: Process) => {
      const child = this.fork(p);
      return child.runChild(body);
    };
  }

  private *runChild(body: (child: Shell) => Gen<number>): Gen<number> {
    let status: number;
    try {
      status = yield* body(this);
    } catch (e) {
      status = yield* this.handleTopError(e);
    }
    if (this.execed) return status;
    return yield* this.exitShell(status);
  }

  /** Turns a control-flow exception at the top of a shell into an exit status. */
  *handleTopError(e: unknown): Gen<number> {
    if (e instanceof ExitNow) return e.status;
    if (e instanceof ShellError || e instanceof CommandAbort) {
      for (const m of e.messages) yield* this.err(m + '\n');
      return e.status;
    }
    if (e instanceof FunctionReturn) return e.status;
    if (e instanceof LoopControl) return 0;
    if (e instanceof Interrupt) return 130;
    throw e;
  }

  /** Runs the EXIT trap (once) and returns the final status. */
  *exitShell(status: number): Gen<number> {
    this.status = status;
    if (this.exitTrapDone) return status;
    this.exitTrapDone = true;
    const trap = this.traps.get('EXIT');
    if (trap) {
      this.traps.delete('EXIT');
      try {
        yield* this.evalString(trap, 0);
      } catch (e) {
        if (e instanceof ExitNow) return e.status;
        return yield* this.handleTopError(e);
      }
      return status;
    }
    return status;
  }

  /** Whether any trap with a command is set (then the shell never execs in place). */
  hasTraps(): boolean {
    for (const cmd of this.traps.values()) if (cmd !== '') return true;
    return false;
  }

  /** Runs handlers of signals that arrived (between commands). */
  *runTraps(): Gen<void> {
    for (;;) {
      const sig = this.proc.takeSignal();
      if (!sig) return;
      const cmd = this.traps.get(sig);
      if (cmd === undefined) {
        if (this.interactive && sig === 'INT') throw new Interrupt();
        continue;
      }
      if (cmd === '') continue;
      const saved = this.status;
      yield* this.evalString(cmd, 0);
      this.status = saved;
    }
  }

  /** Waits for foreground processes, giving them the terminal in an interactive shell. */
  *waitForeground(procs: Process[]): Gen<number[]> {
    const tty = this.proc.fd(0)?.tty;
    const jobControl = this.opts.m && tty && procs.length > 0;
    if (jobControl) tty!.foregroundPgid = procs[0].pgid;
    const statuses: number[] = [];
    for (const p of procs) statuses.push((yield* this.proc.wait(p)) ?? 0);
    if (jobControl) tty!.foregroundPgid = this.proc.pgid;
    if (this.interactive && procs.some((p) => p.killedBy === 'INT')) {
      // ash: a foreground job killed by Ctrl-C interrupts the shell's command line too.
      yield* this.err('\n');
      throw new Interrupt();
    }
    // @simplified: bash's report of a killed job names its pid and command; only ash's is made.
    if (this.dialect === 'ash') yield* this.reportSignalDeath(procs);
    return statuses;
  }

  /** Like ash, tells on stderr that a waited-for process was killed (except by INT or PIPE). */
  *reportSignalDeath(procs: Process[]): Gen<void> {
    const killed = procs.find((p) => p.killedBy && p.killedBy !== 'INT' && p.killedBy !== 'PIPE');
    if (!killed) return;
    yield* this.err(SIGNAL_TEXT[killed.killedBy!] + '\n');
  }

  /** Replaces the shell's process image with a program (exec). */
  *execInPlace(program: Program, argv: readonly string[], env: Map<string, string>): Gen<number> {
    this.execed = true;
    const proc = this.proc;
    // @simplified: the kernel has no exec call; the process keeps its pid and fds and switches
    // its argv, environment and program, and caught signals go back to their default action.
    (proc as { argv: readonly string[] }).argv = argv;
    proc.env = env;
    for (const sig of SIGNAL_NAMES)
      if (proc.disposition(sig) === 'catch') proc.setDisposition(sig, 'default');
    proc.pendingSignals.length = 0;
    return yield* program(proc);
  }

  /** Runs `$(…)`: a child shell writing into a pipe; returns its output minus trailing newlines. */
  *commandSubstitution(body: Node | undefined): Gen<string> {
    if (!body) {
      this.lastSubstStatus = 0;
      return '';
    }
    const pipe = new Pipe();
    const reader = new FileDescription(pipe.openReader());
    const writer = new FileDescription(undefined, pipe.openWriter());
    const fds = new Map(this.proc.fds);
    fds.set(1, writer);
    reader.retain();
    const child = this.spawn(
      this.forkProgram((sh) => sh.exec(body, EV_EXIT)),
      this.proc.argv,
      { fds },
    );
    let out = '';
    for (;;) {
      const data = reader.readEnd!.read(65536);
      if (data === null) break;
      if (data === undefined) {
        yield { on: [reader.readEnd!.readable] };
        continue;
      }
      out += data;
    }
    reader.release();
    const status = (yield* this.proc.wait(child)) ?? 0;
    this.lastSubstStatus = status;
    this.status = status;
    yield* this.runTraps();
    return out.replace(/\n+$/, '');
  }

  /** Yields to the scheduler when the CPU slice is used up. */
  *tick(): Gen<void> {
    if (this.proc.tick()) yield this.proc.preempt();
  }

  // ---- evaluation -----------------------------------------------------------------------------

  /** Aliases the parser expands: always in ash, only interactively in bash. */
  parserAliases(): ReadonlyMap<string, string> | undefined {
    return this.dialect === 'ash' || this.interactive ? this.aliases : undefined;
  }

  /** Parses and runs a string (eval, traps): command by command. */
  *evalString(src: string, flags: number): Gen<number> {
    const parser = new Parser(src, this.dialect, this.lineno);
    parser.aliases = this.parserAliases();
    let status = 0;
    let ran = false;
    for (;;) {
      const node = parser.next();
      if (node === null) break;
      if (node instanceof ParseError) {
        yield* this.syntaxError(node, parser, 'c');
        throw new ShellError(2);
      }
      status = yield* this.exec(node, flags & ~EV_EXIT);
      ran = true;
    }
    if (!ran) status = 0;
    this.status = status;
    return status;
  }

  /** Executes a node; returns its exit status (also stored in `$?`). */
  *exec(node: Node, flags: number): Gen<number> {
    let status: number;
    switch (node.t) {
      case 'simple':
        status = yield* this.execSimple(node, flags);
        break;
      case 'list':
        status = yield* this.execList(node, flags);
        return status;
      case 'andor': {
        status = yield* this.exec(node.first, node.rest.length ? flags | EV_TESTED : flags);
        for (let i = 0; i < node.rest.length; i++) {
          const { op, node: next } = node.rest[i];
          if ((op === '&&') !== (status === 0)) continue;
          const last = i === node.rest.length - 1;
          status = yield* this.exec(next, last ? flags : (flags & ~EV_EXIT) | EV_TESTED);
        }
        this.status = status;
        return status;
      }
      case 'pipeline':
        status = yield* this.execPipeline(node, flags);
        if (node.bang) {
          // A negated pipeline never triggers set -e.
          this.status = status;
          return status;
        }
        break;
      case 'subshell': {
        const run = (sh: Shell) => sh.withRedirs(node.redirs, () => sh.exec(node.body, EV_EXIT));
        if (flags & EV_EXIT && !this.hasTraps()) {
          status = yield* run(this);
        } else {
          const child = this.spawn(this.forkProgram(run), this.proc.argv);
          [status] = yield* this.waitForeground([child]);
        }
        break;
      }
      case 'group':
        status = yield* this.withRedirs(node.redirs, () => this.exec(node.body, flags));
        this.status = status;
        return status;
      case 'if':
        status = yield* this.withRedirs(node.redirs, () => this.execIf(node, flags));
        this.status = status;
        return status;
      case 'loop':
        status = yield* this.withRedirs(node.redirs, () => this.execLoop(node, flags));
        break;
      case 'for':
        status = yield* this.withRedirs(node.redirs, () => this.execFor(node, flags));
        this.status = status;
        return status;
      case 'case':
        status = yield* this.withRedirs(node.redirs, () => this.execCase(node, flags));
        this.status = status;
        return status;
      case 'func':
        this.funcs.set(node.name, node.body);
        status = 0;
        break;
      case 'cond':
        this.lineno = node.line;
        status = yield* this.withRedirs(node.redirs, () => this.execCond(node.words));
        break;
      case 'arithcmd': {
        this.lineno = node.line;
        const expr = node.expr;
        status = yield* this.withRedirs(
          node.redirs,
          function* (this: Shell) {
            const text = yield* expandString(this, expr, false);
            return this.arith(text) !== 0n ? 0 : 1;
          }.bind(this),
        );
        break;
      }
    }
    this.status = status;
    if (status !== 0 && this.opts.e && !(flags & EV_TESTED)) throw new ExitNow(status);
    if (this.proc.pendingSignals.length > 0) yield* this.runTraps();
    return status;
  }

  private *execList(node: Extract<Node, { t: 'list' }>, flags: number): Gen<number> {
    let status = this.status;
    const n = node.items.length;
    for (let i = 0; i < n; i++) {
      const { node: item, bg } = node.items[i];
      yield* this.tick();
      if (bg) {
        status = this.background(item);
      } else {
        status = yield* this.exec(item, i === n - 1 ? flags : flags & ~EV_EXIT);
      }
      this.status = status;
      yield* this.runTraps();
    }
    return status;
  }

  /** Starts `node` as a background job. */
  background(node: Node): number {
    const fds = new Map(this.proc.fds);
    if (!this.opts.m) {
      const devnull = openFile(this.proc, '/dev/null', 'read');
      if (devnull instanceof FileDescription) fds.set(0, devnull);
    }
    const pgid = this.opts.m ? this.proc.ns.nextPid : undefined;
    const child = this.spawn(
      this.forkProgram((sh) => sh.exec(node, EV_EXIT)),
      this.proc.argv,
      { fds, pgid, background: true },
    );
    this.lastBg = child;
    const id = this.jobs.length ? Math.max(...this.jobs.map((j) => j.id)) + 1 : 1;
    this.jobs.push({ id, procs: [child], text: nodeText(node), pgid: child.pgid });
    if (this.interactive) {
      this.proc.fd(2)?.writeEnd?.write(`[${id}] ${child.pid}\n`);
    }
    return 0;
  }

  private *execPipeline(node: Extract<Node, { t: 'pipeline' }>, flags: number): Gen<number> {
    let status: number;
    if (node.cmds.length === 1) {
      status = yield* this.exec(node.cmds[0], node.bang ? (flags & ~EV_EXIT) | EV_TESTED : flags);
    } else {
      const procs: Process[] = [];
      let prevRead: FileDescription | undefined;
      const pgid = this.opts.m ? this.proc.ns.nextPid : undefined;
      for (let i = 0; i < node.cmds.length; i++) {
        const fds = new Map(this.proc.fds);
        if (prevRead) fds.set(0, prevRead);
        let nextRead: FileDescription | undefined;
        if (i < node.cmds.length - 1) {
          const pipe = new Pipe();
          fds.set(1, new FileDescription(undefined, pipe.openWriter()));
          nextRead = new FileDescription(pipe.openReader());
        }
        const stage = node.cmds[i];
        const child = this.spawn(
          this.forkProgram((sh) => sh.exec(stage, EV_EXIT)),
          this.proc.argv,
          { fds, pgid: i === 0 ? pgid : procs[0].pgid },
        );
        procs.push(child);
        prevRead = nextRead;
      }
      const statuses = yield* this.waitForeground(procs);
      status = statuses[statuses.length - 1];
      if (this.opts.pipefail) {
        for (let i = statuses.length - 1; i >= 0; i--) {
          if (statuses[i] !== 0) {
            status = statuses[i];
            break;
          }
        }
      }
    }
    if (node.bang) {
      status = status === 0 ? 1 : 0;
      this.status = status;
      // A negated pipeline never triggers set -e.
      return status;
    }
    return status;
  }

  private *execIf(node: Extract<Node, { t: 'if' }>, flags: number): Gen<number> {
    for (const clause of node.clauses) {
      const c = yield* this.exec(clause.cond, (flags & ~EV_EXIT) | EV_TESTED);
      if (c === 0) return yield* this.exec(clause.body, flags);
    }
    if (node.otherwise) return yield* this.exec(node.otherwise, flags);
    return 0;
  }

  /** Runs a loop body, handling break/continue; returns 'break' to leave the loop. */
  private *loopBody(body: Node, flags: number): Gen<{ status: number; stop: boolean }> {
    try {
      const status = yield* this.exec(body, flags & ~EV_EXIT);
      return { status, stop: false };
    } catch (e) {
      if (e instanceof LoopControl) {
        if (e.levels > 1) {
          e.levels--;
          throw e;
        }
        return { status: 0, stop: e.kind === 'break' };
      }
      throw e;
    }
  }

  private *execLoop(node: Extract<Node, { t: 'loop' }>, flags: number): Gen<number> {
    let status = 0;
    this.loopDepth++;
    try {
      for (;;) {
        yield* this.tick();
        let c: number;
        try {
          c = yield* this.exec(node.cond, (flags & ~EV_EXIT) | EV_TESTED);
        } catch (e) {
          if (e instanceof LoopControl) {
            if (e.levels > 1) {
              e.levels--;
              throw e;
            }
            if (e.kind === 'break') break;
            continue;
          }
          throw e;
        }
        if ((c === 0) === node.until) break;
        const r = yield* this.loopBody(node.body, flags);
        status = r.status;
        if (r.stop) break;
        if (this.proc.pendingSignals.length > 0) yield* this.runTraps();
      }
    } finally {
      this.loopDepth--;
    }
    return status;
  }

  private *execFor(node: Extract<Node, { t: 'for' }>, flags: number): Gen<number> {
    this.lineno = node.line;
    const items = node.items ? yield* expandWords(this, node.items) : [...this.positional];
    let status = 0;
    this.loopDepth++;
    try {
      for (const item of items) {
        yield* this.tick();
        const err = this.setVar(node.name, item);
        if (err) throw new ShellError(this.dialect === 'bash' ? 1 : 2, [this.prefix() + err]);
        const r = yield* this.loopBody(node.body, flags);
        status = r.status;
        if (r.stop) break;
      }
    } finally {
      this.loopDepth--;
    }
    return status;
  }

  private *execCase(node: Extract<Node, { t: 'case' }>, flags: number): Gen<number> {
    this.lineno = node.line;
    const word = yield* expandString(this, node.word);
    let matched = false;
    let status = 0;
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i];
      if (!matched) {
        for (const p of item.patterns) {
          const pat = yield* expandPattern(this, p);
          if (matchPattern(pat, word)) {
            matched = true;
            break;
          }
        }
      }
      if (!matched) continue;
      status = item.body ? yield* this.exec(item.body, flags) : 0;
      if (!item.fallthrough) return status;
    }
    return status;
  }

  /** Applies redirections around `body` and restores the fds afterwards. */
  *withRedirs(redirs: Redir[], body: () => Gen<number>): Gen<number> {
    if (redirs.length === 0) return yield* body();
    const saved = yield* this.applyRedirs(redirs);
    if (typeof saved === 'string') {
      yield* this.err(saved + '\n');
      return 1;
    }
    try {
      return yield* body();
    } finally {
      this.restoreFds(saved);
    }
  }

  /**
   * Applies redirections to the shell's own fd table. Returns what to restore, or an error
   * message (then nothing stays changed).
   */
  *applyRedirs(redirs: readonly Redir[]): Gen<Map<number, FileDescription | undefined> | string> {
    const saved = new Map<number, FileDescription | undefined>();
    const save = (fd: number) => {
      if (saved.has(fd)) return;
      const d = this.proc.fd(fd);
      d?.retain();
      saved.set(fd, d);
    };
    for (const r of redirs) {
      let target: string;
      if (r.heredoc) target = r.op === '<<-' || r.op === '<<' ? '' : '';
      else target = yield* expandTarget(this, r.target);
      const fail = (msg: string) => {
        this.restoreFds(saved);
        return msg;
      };
      const openOrFail = (mode: 'read' | 'write' | 'append' | 'readwrite') => {
        const d = openFile(this.proc, target, mode, { noclobber: this.opts.C && r.op === '>' });
        if (d instanceof FileDescription) return d;
        return this.redirError(target, d, mode === 'read');
      };
      switch (r.op) {
        case '<':
        case '>':
        case '>>':
        case '>|':
        case '<>': {
          const mode =
            r.op === '<'
              ? 'read'
              : r.op === '>>'
                ? 'append'
                : r.op === '<>'
                  ? 'readwrite'
                  : 'write';
          const d = openOrFail(mode);
          if (typeof d === 'string') return fail(d);
          const fd = r.fd ?? (r.op === '<' || r.op === '<>' ? 0 : 1);
          save(fd);
          this.proc.setFd(fd, d);
          break;
        }
        case '&>':
        case '&>>': {
          const d = openOrFail(r.op === '&>' ? 'write' : 'append');
          if (typeof d === 'string') return fail(d);
          save(1);
          save(2);
          this.proc.setFd(1, d);
          this.proc.setFd(2, d);
          break;
        }
        case '<&':
        case '>&': {
          const fd = r.fd ?? (r.op === '<&' ? 0 : 1);
          if (target === '-') {
            save(fd);
            this.proc.closeFd(fd);
            break;
          }
          if (/^[0-9]+$/.test(target)) {
            const src = this.proc.fd(Number(target));
            if (!src) {
              return fail(
                this.dialect === 'bash'
                  ? `${this.prefix()}${target}: Bad file descriptor`
                  : `${this.prefix()}${target}: Bad file descriptor`,
              );
            }
            save(fd);
            this.proc.setFd(fd, src);
            break;
          }
          if (r.op === '>&' && r.fd === undefined) {
            const d = openOrFail('write');
            if (typeof d === 'string') return fail(d);
            save(1);
            save(2);
            this.proc.setFd(1, d);
            this.proc.setFd(2, d);
            break;
          }
          return fail(`${this.prefix()}${target}: ambiguous redirect`);
        }
        case '<<':
        case '<<-':
        case '<<<': {
          let body: string;
          if (r.op === '<<<') body = (yield* expandString(this, r.target)) + '\n';
          else body = yield* expandString(this, r.heredoc ?? { parts: [], raw: '' }, false);
          const d = new FileDescription(stringReader(body), undefined, 'heredoc');
          const fd = r.fd ?? 0;
          save(fd);
          this.proc.setFd(fd, d);
          break;
        }
      }
    }
    return saved;
  }

  private redirError(target: string, errno: Errno, reading: boolean): string {
    if (this.dialect === 'bash') return `${this.prefix(undefined)}${target}: ${ERRNO_TEXT[errno]}`;
    const pre = this.prefix(undefined);
    if (reading)
      return `${pre}can't open ${target}: ${errno === 'ENOENT' ? 'no such file' : ERRNO_TEXT[errno]}`;
    return `${pre}can't create ${target}: ${errno === 'ENOENT' ? 'nonexistent directory' : ERRNO_TEXT[errno]}`;
  }

  /** Puts back fds saved by applyRedirs. */
  restoreFds(saved: Map<number, FileDescription | undefined>): void {
    for (const [fd, d] of saved) {
      if (d) {
        this.proc.setFd(fd, d);
        d.release();
      } else this.proc.closeFd(fd);
    }
    saved.clear();
  }

  /** `set -x` output for a command. */
  private *trace(assigns: string[], argv: string[]): Gen<void> {
    if (!this.opts.x) return;
    const ps4 = this.getVar('PS4') ?? '+ ';
    const words = [...assigns.map(quoteAssign), ...argv.map((a) => shellQuote(a, this.dialect))];
    yield* this.err(ps4 + words.join(' ') + '\n');
  }

  private *execSimple(node: Extract<Node, { t: 'simple' }>, flags: number): Gen<number> {
    this.lineno = node.line;
    yield* this.tick();
    this.lastSubstStatus = 0;
    const before = this.status;
    const argv = yield* expandWords(this, node.words);
    if (argv.length === 0) {
      const traced: string[] = [];
      for (const a of node.assigns) {
        const v = yield* this.assignValue(a);
        traced.push(`${a.name}=${v}`);
        const err = this.setVar(a.name, v);
        if (err) throw new ShellError(this.dialect === 'bash' ? 1 : 2, [this.prefix() + err]);
      }
      if (this.opts.x && traced.length) yield* this.trace(traced, []);
      const substStatus =
        node.words.length || node.assigns.some((a) => hasSubst(a.value)) ? this.lastSubstStatus : 0;
      if (node.redirs.length) {
        const saved = yield* this.applyRedirs(node.redirs);
        if (typeof saved === 'string') {
          yield* this.err(saved + '\n');
          return 1;
        }
        this.restoreFds(saved);
      }
      void before;
      return substStatus;
    }
    const name = argv[0];
    const builtin = this.findBuiltin(name);
    const func = this.funcs.get(name);
    const special = builtin?.special === true;
    const assigns = new Map<string, string>();
    for (const a of node.assigns) assigns.set(a.name, yield* this.assignValue(a));
    if (this.opts.x)
      yield* this.trace(
        [...assigns].map(([k, v]) => `${k}=${v}`),
        argv,
      );

    const useFunc = func && !(special && this.dialect === 'ash');
    if (builtin && (special || !useFunc) && (this.dialect === 'ash' || !func)) {
      return yield* this.runBuiltin(builtin, name, argv, assigns, node.redirs, special);
    }
    if (func) return yield* this.callFunction(name, func, argv, assigns, node.redirs);
    return yield* this.runExternal(argv, assigns, node.redirs, flags);
  }

  private *assignValue(a: Assign): Gen<string> {
    const v = yield* expandString(this, a.value);
    if (a.append) return (this.getVar(a.name) ?? '') + v;
    return v;
  }

  /** The builtin called `name` in this dialect. */
  findBuiltin(name: string): Builtin | undefined {
    const b = BUILTINS[name];
    if (!b) return undefined;
    if (b.dialect && b.dialect !== this.dialect) return undefined;
    return b;
  }

  private *runBuiltin(
    builtin: Builtin,
    name: string,
    argv: string[],
    assigns: Map<string, string>,
    redirs: Redir[],
    special: boolean,
  ): Gen<number> {
    const temp = special ? undefined : this.pushTemp(assigns);
    if (special) {
      for (const [k, v] of assigns) {
        const err = this.setVar(k, v);
        if (err) throw new ShellError(this.dialect === 'bash' ? 1 : 2, [this.prefix() + err]);
      }
    }
    const saved = yield* this.applyRedirs(redirs);
    if (typeof saved === 'string') {
      if (temp) this.popTemp(temp);
      yield* this.err(saved + '\n');
      return 1;
    }
    const prevBuiltin = this.currentBuiltin;
    this.currentBuiltin = name;
    try {
      const status = yield* builtin.run(this, argv);
      return status;
    } finally {
      this.currentBuiltin = prevBuiltin;
      if (name !== 'exec' || argv.length > 1) this.restoreFds(saved);
      else for (const d of saved.values()) d?.release();
      if (temp) this.popTemp(temp);
    }
  }

  /** Temporarily sets variables for one command; returns what to restore. */
  pushTemp(assigns: Map<string, string>): Map<string, Var | undefined> | undefined {
    if (assigns.size === 0) return undefined;
    const saved = new Map<string, Var | undefined>();
    for (const [k, v] of assigns) {
      const old = this.vars.get(k);
      saved.set(k, old ? { ...old } : undefined);
      this.vars.set(k, { value: v, exported: true, readonly: false });
    }
    return saved;
  }

  /** Undoes pushTemp. */
  popTemp(saved: Map<string, Var | undefined>): void {
    for (const [k, v] of saved) {
      if (v) this.vars.set(k, v);
      else this.vars.delete(k);
    }
  }

  /** Calls a shell function. */
  *callFunction(
    _name: string,
    body: Node,
    argv: string[],
    assigns: Map<string, string>,
    redirs: Redir[],
  ): Gen<number> {
    const temp = this.pushTemp(assigns);
    const savedPositional = this.positional;
    this.positional = argv.slice(1);
    this.funcDepth++;
    const locals = new Map<string, Var | undefined>();
    this.locals.push(locals);
    const savedLoop = this.loopDepth;
    this.loopDepth = 0;
    try {
      return yield* this.withRedirs(
        redirs,
        function* (this: Shell) {
          try {
            return yield* this.exec(body, EV_TESTED & 0);
          } catch (e) {
            if (e instanceof FunctionReturn) return e.status;
            throw e;
          }
        }.bind(this),
      );
    } finally {
      this.loopDepth = savedLoop;
      this.locals.pop();
      for (const [k, v] of locals) {
        if (v) this.vars.set(k, v);
        else this.vars.delete(k);
      }
      this.funcDepth--;
      this.positional = savedPositional;
      if (temp) this.popTemp(temp);
    }
  }

  private *runExternal(
    argv: string[],
    assigns: Map<string, string>,
    redirs: Redir[],
    flags: number,
  ): Gen<number> {
    const env = this.environment(assigns);
    const pathVar = assigns.get('PATH') ?? this.getVar('PATH');
    const exe = findExecutable(this.proc.ns, this.proc.cwd, pathVar, argv);
    const saved = yield* this.applyRedirs(redirs);
    if (typeof saved === 'string') {
      yield* this.err(saved + '\n');
      return 1;
    }
    try {
      if (typeof exe === 'string') {
        if (exe === 'ENOEXEC') {
          const path = resolvePath(
            this.proc.cwd,
            argv[0].includes('/') ? argv[0] : (this.whichPath(argv[0], pathVar) ?? argv[0]),
          );
          const scriptArgv = [this.dialect === 'bash' ? 'bash' : 'sh', path, ...argv.slice(1)];
          if (flags & EV_EXIT && !this.hasTraps())
            return yield* this.execInPlace(this.entry.program, scriptArgv, env);
          const child = this.spawn(this.entry.program, scriptArgv, { env, pgid: this.jobPgid() });
          const [status] = yield* this.waitForeground([child]);
          return status;
        }
        const status = exe === 'ENOENT' ? 127 : 126;
        yield* this.error(this.execErrorText(argv[0], exe), undefined);
        return status;
      }
      if (flags & EV_EXIT && !this.hasTraps()) {
        return yield* this.execInPlace(exe.program, exe.argv, env);
      }
      const child = this.spawn(exe.program, exe.argv, { env, pgid: this.jobPgid() });
      const [status] = yield* this.waitForeground([child]);
      return status;
    } finally {
      if (!this.execed) this.restoreFds(saved);
    }
  }

  private jobPgid(): number | undefined {
    return this.opts.m ? this.proc.ns.nextPid : undefined;
  }

  /** The message for a command that cannot be run. */
  execErrorText(name: string, err: string): string {
    if (this.dialect === 'bash') {
      if (err === 'ENOENT')
        return name.includes('/')
          ? `${name}: No such file or directory`
          : `${name}: command not found`;
      if (err === 'EISDIR') return `${name}: Is a directory`;
      return `${name}: Permission denied`;
    }
    if (err === 'ENOENT') return `${name}: not found`;
    return `${name}: Permission denied`;
  }

  /** The path PATH lookup finds for a name, if any. */
  whichPath(name: string, pathVar = this.getVar('PATH')): string | undefined {
    const exe = findExecutable(this.proc.ns, this.proc.cwd, pathVar, [name]);
    return typeof exe === 'string' ? undefined : exe.path;
  }

  /** bash `[[ … ]]`. */
  private *execCond(words: Word[]): Gen<number> {
    let i = 0;
    const peekRaw = () => (i < words.length ? plainText(words[i]) : undefined);
    // The nested generators below need the shell; arrow functions cannot be generators.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    function* primary(): Gen<boolean> {
      const t = peekRaw();
      if (t === '!') {
        i++;
        return !(yield* primary());
      }
      if (t === '(') {
        i++;
        const v = yield* or();
        i++;
        return v;
      }
      const a = words[i++];
      const op = peekRaw();
      if (
        op &&
        [
          '==',
          '=',
          '!=',
          '=~',
          '<',
          '>',
          '-eq',
          '-ne',
          '-lt',
          '-le',
          '-gt',
          '-ge',
          '-nt',
          '-ot',
        ].includes(op)
      ) {
        i++;
        const b = words[i++];
        const left = yield* expandString(self, a);
        if (op === '==' || op === '=' || op === '!=') {
          const pat = yield* expandPattern(self, b);
          const m = matchPattern(pat, left);
          return op === '!=' ? !m : m;
        }
        const right = yield* expandString(self, b);
        if (op === '=~') {
          try {
            return new RegExp(right).test(left);
          } catch {
            return false;
          }
        }
        if (op === '<') return left < right;
        if (op === '>') return left > right;
        if (op === '-nt' || op === '-ot') return false;
        const x = self.arith(left);
        const y = self.arith(right);
        switch (op) {
          case '-eq':
            return x === y;
          case '-ne':
            return x !== y;
          case '-lt':
            return x < y;
          case '-le':
            return x <= y;
          case '-gt':
            return x > y;
          default:
            return x >= y;
        }
      }
      const at = plainText(a);
      if (at && /^-[a-zA-Z]$/.test(at) && i < words.length) {
        const arg = yield* expandString(self, words[i++]);
        const r = BUILTINS.test.run(self, ['test', at, arg]);
        const st = yield* r;
        return st === 0;
      }
      return (yield* expandString(self, a)) !== '';
    }
    function* and(): Gen<boolean> {
      let v = yield* primary();
      while (peekRaw() === '&&') {
        i++;
        const r = yield* primary();
        v = v && r;
      }
      return v;
    }
    function* or(): Gen<boolean> {
      let v = yield* and();
      while (peekRaw() === '||') {
        i++;
        const r = yield* and();
        v = v || r;
      }
      return v;
    }
    return (yield* or()) ? 0 : 1;
  }
}

function plainText(w: Word): string | undefined {
  return w.parts.length === 1 && w.parts[0].k === 'lit' ? w.parts[0].s : undefined;
}

function hasSubst(w: Word): boolean {
  const walk = (parts: Word['parts']): boolean =>
    parts.some((p) => p.k === 'cmd' || (p.k === 'dq' && walk(p.parts)));
  return walk(w.parts);
}

/** Quotes a word for `set -x` and `set` listings as the shells do. */
export function shellQuote(s: string, dialect: Dialect): string {
  if (s !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  if (dialect === 'bash' && [...s].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)) {
    return (
      "$'" +
      s
        .replace(/[\\']/g, (c) => '\\' + c)
        .replace(/\n/g, '\\n')
        .replace(/\t/g, '\\t') +
      "'"
    );
  }
  return "'" + s.replace(/'/g, `'"'"'`) + "'";
}

function quoteAssign(a: string): string {
  const eq = a.indexOf('=');
  const v = a.slice(eq + 1);
  return (
    a.slice(0, eq + 1) +
    (v === '' || !/^[A-Za-z0-9_@%+=:,./-]+$/.test(v) ? shellQuote(v, 'ash') : v)
  );
}

/**
 * A job's command text, as bash prints it in `jobs` and job notices (print_cmd.c
 * make_command_string): compound commands span lines, bodies indented by four spaces and ended
 * with `;`, e.g. `while true; do\n    sleep 1;\ndone`.
 */
export function nodeText(node: Node, indent = 0): string {
  const pad = ' '.repeat(indent);
  const inner = ' '.repeat(indent + 4);
  const body = (n: Node) => inner + withSemicolon(nodeText(n, indent + 4));
  switch (node.t) {
    case 'simple':
      return [
        ...node.assigns.map((a) => `${a.name}${a.append ? '+=' : '='}${a.value.raw}`),
        ...node.words.map((w) => w.raw),
        ...node.redirs.map(redirText),
      ].join(' ');
    case 'pipeline':
      return (node.bang ? '! ' : '') + node.cmds.map((c) => nodeText(c, indent)).join(' | ');
    case 'andor':
      return [
        nodeText(node.first, indent),
        ...node.rest.map((r) => `${r.op} ${nodeText(r.node, indent)}`),
      ].join(' ');
    case 'list':
      return node.items
        .map((it, i) =>
          i < node.items.length - 1 || it.bg
            ? nodeText(it.node, indent) + (it.bg ? ' &' : ';')
            : nodeText(it.node, indent),
        )
        .join(' ');
    case 'group':
      return `{ ${withSemicolon(nodeText(node.body, indent))} }`;
    case 'subshell':
      return `( ${nodeText(node.body, indent)} )`;
    case 'loop':
      return `${node.until ? 'until' : 'while'} ${withSemicolon(nodeText(node.cond, indent))} do\n${body(node.body)}\n${pad}done`;
    case 'for': {
      const items = node.items ? ` in ${node.items.map((w) => w.raw).join(' ')}` : '';
      return `for ${node.name}${items};\n${pad}do\n${body(node.body)}\n${pad}done`;
    }
    case 'if': {
      let text = '';
      node.clauses.forEach((c, i) => {
        text += `${i === 0 ? 'if' : `${pad}elif`} ${withSemicolon(nodeText(c.cond, indent))} then\n${body(c.body)}\n`;
      });
      if (node.otherwise) text += `${pad}else\n${body(node.otherwise)}\n`;
      return text + `${pad}fi`;
    }
    case 'cond':
      return `[[ ${node.words.map((w) => w.raw).join(' ')} ]]`;
    case 'arithcmd':
      return `(( ${node.expr.raw} ))`;
    default:
      return '...';
  }
}

/** print_cmd.c semicolon(): a `;` unless the text already ends with one or a newline. */
function withSemicolon(text: string): string {
  return /[;\n&]$/.test(text) ? text : text + ';';
}

function redirText(r: Redir): string {
  return `${r.fd !== undefined ? r.fd : ''}${r.op} ${r.target.raw}`;
}
