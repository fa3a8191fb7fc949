/**
 * Shell builtins. The set and their messages follow busybox ash 1.35 (`help` lists them) for
 * the ash dialect, and bash's for the bash dialect; `dialect` restricts a builtin to one shell.
 */
import type { Block, Process, SignalName } from '../kernel';
import { SIGNALS } from '../kernel';
import { resolvePath, ERRNO_TEXT } from '../fs';
import { Parser, ParseError } from './parser';
import {
  ExitNow,
  FunctionReturn,
  LoopControl,
  ShellError,
  parseSignal,
  finishedJobState,
  shellQuote,
  EV_EXIT,
  type Shell,
} from './shell';
import { echoUtil, printfUtil, testUtil, type TestFiles } from './utilities';
import { findExecutable } from '../exec';

type Gen<T> = Generator<Block, T, void>;

/** A builtin: runs in the shell process with the shell's fds. */
export interface Builtin {
  run(sh: Shell, argv: string[]): Gen<number>;
  /** POSIX special builtin: assignments before it persist, found before functions (ash). */
  special?: boolean;
  /** Only in this dialect. */
  dialect?: 'ash' | 'bash';
}

/** `test` file access through the process's namespace. */
export function testFiles(proc: Process): TestFiles {
  return {
    stat: (path, follow) => {
      if (path === '') return undefined;
      const st = proc.ns.fs.stat(resolvePath(proc.cwd, path), follow);
      if (!st.ok) return undefined;
      return {
        type: st.value.type,
        mode: st.value.mode,
        size: st.value.size,
        mtime: st.value.mtime,
      };
    },
    isatty: (fd) => proc.isatty(fd),
  };
}

function* echo(sh: Shell, argv: string[]): Gen<number> {
  const r = echoUtil(argv.slice(1), sh.dialect);
  return yield* writeOut(sh, r.out);
}

function* printf(sh: Shell, argv: string[]): Gen<number> {
  let args = argv.slice(1);
  let target: string | undefined;
  if (sh.dialect === 'bash' && args[0] === '-v') {
    target = args[1];
    args = args.slice(2);
  }
  const r = printfUtil(args, sh.dialect);
  if (target !== undefined) sh.setVar(target, r.out);
  else {
    // busybox prints what it has before each error message.
    if (sh.dialect === 'ash' && r.errors.length) {
      if ((yield* writeOut(sh, r.out)) !== 0) return 1;
      for (const e of r.errors) yield* sh.err(`${sh.arg0}: ${e}\n`);
      return r.status;
    }
    if ((yield* writeOut(sh, r.out)) !== 0) return 1;
  }
  for (const e of r.errors) yield* errorMsg(sh, e);
  return r.status;
}

/** Writes builtin output; a closed stdout is busybox's "write error". */
function* writeOut(sh: Shell, text: string): Gen<number> {
  if (text === '') return 0;
  if (sh.proc.fd(1)?.writeEnd) {
    yield* sh.out(text);
    return 0;
  }
  if (sh.dialect === 'bash') yield* sh.error('write error: Bad file descriptor');
  else yield* sh.err(`${sh.arg0}: write error: Bad file descriptor\n`);
  return 1;
}

/** Prints a builtin's error: ash builtins that use bb_error_msg print "sh: msg". */
function* errorMsg(sh: Shell, msg: string): Gen<void> {
  if (sh.dialect === 'bash') yield* sh.error(msg);
  else yield* sh.err(`${sh.arg0}: ${msg}\n`);
}

function* test(sh: Shell, argv: string[]): Gen<number> {
  const name = argv[0];
  const bracket = name === '[' || name === '[[';
  let args = argv.slice(1);
  if (name === '[[' && sh.dialect === 'ash') {
    if (args[args.length - 1] !== ']]') {
      yield* sh.err(`${sh.arg0}: missing ]]\n`);
      return 2;
    }
    args = [...args.slice(0, -1), ']'];
  }
  const r = testUtil(args, testFiles(sh.proc), bracket, sh.dialect);
  for (const e of r.errors) yield* errorMsg(sh, e);
  return r.status;
}

function* cd(sh: Shell, argv: string[]): Gen<number> {
  let args = argv.slice(1);
  while (args[0] === '-L' || args[0] === '-P') args = args.slice(1);
  if (args[0] === '--') args = args.slice(1);
  let dir: string | undefined = args[0];
  let print = false;
  if (dir === undefined) {
    dir = sh.getVar('HOME');
    if (dir === undefined) {
      if (sh.dialect === 'bash') {
        yield* sh.error('HOME not set');
        return 1;
      }
      dir = '/';
    }
  } else if (dir === '-') {
    dir = sh.getVar('OLDPWD') ?? (sh.dialect === 'bash' ? undefined : sh.proc.cwd);
    if (dir === undefined) {
      yield* sh.error('OLDPWD not set');
      return 1;
    }
    print = true;
  }
  const base = sh.getVar('PWD') ?? sh.proc.cwd;
  const target = resolvePath(base.startsWith('/') ? base : sh.proc.cwd, dir);
  const st = sh.proc.ns.fs.stat(target);
  const errno = !st.ok ? st.errno : st.value.type !== 'dir' ? 'ENOTDIR' : undefined;
  if (errno) {
    if (sh.dialect === 'bash') {
      yield* sh.error(`${dir}: ${ERRNO_TEXT[errno]}`);
      return 1;
    }
    yield* sh.error(`can't cd to ${dir}: ${ERRNO_TEXT[errno]}`);
    return 2;
  }
  sh.setVar('OLDPWD', sh.getVar('PWD') ?? sh.proc.cwd);
  sh.proc.cwd = target;
  sh.setVar('PWD', target);
  if (print) yield* sh.out(target + '\n');
  return 0;
}

function* pwd(sh: Shell): Gen<number> {
  const p = sh.getVar('PWD');
  yield* sh.out((p && resolvePath('/', p) === sh.proc.cwd ? p : sh.proc.cwd) + '\n');
  return 0;
}

function validName(n: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(n);
}

function* exportOrReadonly(sh: Shell, argv: string[], readonly: boolean): Gen<number> {
  const cmd = readonly ? 'readonly' : 'export';
  let args = argv.slice(1);
  let unexport = false;
  let list = args.length === 0;
  while (args[0]?.startsWith('-') && args[0].length > 1) {
    if (args[0] === '-p') list = true;
    else if (args[0] === '-n') unexport = true;
    else if (args[0] === '--') {
      args = args.slice(1);
      break;
    }
    args = args.slice(1);
  }
  if (list && args.length === 0) {
    const names = [...sh.vars.keys()].sort();
    let out = '';
    for (const n of names) {
      const v = sh.vars.get(n)!;
      if (readonly ? !v.readonly : !v.exported) continue;
      if (sh.dialect === 'bash') {
        const flag = readonly ? (v.exported ? '-rx' : '-r') : v.readonly ? '-rx' : '-x';
        out += `declare ${flag} ${n}${v.value === undefined ? '' : `="${v.value.replace(/(["\\$`])/g, '\\$1')}"`}\n`;
      } else out += `${cmd} ${n}${v.value === undefined ? '' : '=' + ashQuote(v.value)}\n`;
    }
    yield* sh.out(out);
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!validName(name)) {
      if (sh.dialect === 'bash') yield* sh.error(`\`${a}': not a valid identifier`);
      else throw new ShellError(2, [sh.prefix() + `${name}: bad variable name`]);
      status = 1;
      continue;
    }
    if (eq >= 0) {
      const err = sh.setVar(name, a.slice(eq + 1));
      if (err) {
        if (sh.dialect === 'bash') {
          yield* sh.error(err);
          status = 1;
          continue;
        }
        throw new ShellError(2, [sh.prefix() + err]);
      }
    }
    let v = sh.vars.get(name);
    if (!v) {
      v = { value: undefined, exported: false, readonly: false };
      sh.vars.set(name, v);
    }
    if (readonly) v.readonly = true;
    else v.exported = !unexport;
  }
  return status;
}

/** Single-quotes a value as ash's `set`/`export -p` print it. */
export function ashQuote(v: string): string {
  return "'" + v.replace(/'/g, `'"'"'`) + "'";
}

function* unset(sh: Shell, argv: string[]): Gen<number> {
  let args = argv.slice(1);
  let funcs = false;
  if (args[0] === '-f' || args[0] === '-v') {
    funcs = args[0] === '-f';
    args = args.slice(1);
  }
  for (const n of args) {
    if (funcs) {
      sh.funcs.delete(n);
      continue;
    }
    const v = sh.vars.get(n);
    if (v?.readonly) {
      if (sh.dialect === 'bash') {
        yield* sh.error(`${n}: cannot unset: readonly variable`);
        return 1;
      }
      throw new ShellError(2, [sh.prefix() + `${n}: is read only`]);
    }
    if (v) sh.vars.delete(n);
    else if (sh.dialect === 'bash' && !args.includes('-v')) sh.funcs.delete(n);
  }
  return 0;
}

const LONG_OPTIONS: Array<[string, keyof Shell['opts'] | undefined]> = [
  ['errexit', 'e'],
  ['noglob', 'f'],
  ['ignoreeof', undefined],
  ['monitor', 'm'],
  ['noexec', 'n'],
  ['xtrace', 'x'],
  ['verbose', 'v'],
  ['noclobber', 'C'],
  ['allexport', 'a'],
  ['notify', undefined],
  ['nounset', 'u'],
  ['errtrace', undefined],
  ['vi', undefined],
  ['pipefail', 'pipefail'],
];

function* set(sh: Shell, argv: string[]): Gen<number> {
  const args = argv.slice(1);
  if (args.length === 0) {
    const names = [...sh.vars.keys()].sort();
    let out = '';
    for (const n of names) {
      const v = sh.vars.get(n)!;
      if (v.value === undefined) continue;
      out += `${n}=${sh.dialect === 'bash' ? shellQuote(v.value, 'bash') : ashQuote(v.value)}\n`;
    }
    yield* sh.out(out);
    return 0;
  }
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      sh.positional = args.slice(i + 1);
      return 0;
    }
    if (a === '-') {
      sh.opts.x = false;
      sh.opts.v = false;
      i++;
      break;
    }
    if (!/^[-+]/.test(a)) break;
    const on = a[0] === '-';
    if (a.slice(1) === 'o') {
      const name = args[i + 1];
      if (name === undefined) {
        let out = '';
        for (const [n, k] of LONG_OPTIONS) {
          const v = k ? sh.opts[k] : false;
          out += on ? `${n.padEnd(16)}${v ? 'on' : 'off'}\n` : `set ${v ? '-' : '+'}o ${n}\n`;
        }
        yield* sh.out(out);
        return 0;
      }
      const opt = LONG_OPTIONS.find(([n]) => n === name);
      if (!opt) {
        if (sh.dialect === 'bash') {
          yield* sh.error(`${name}: invalid option name`);
          return 2;
        }
        throw new ShellError(2, [sh.prefix() + `illegal option -o ${name}`]);
      }
      if (opt[1]) sh.opts[opt[1]] = on;
      i++;
      continue;
    }
    for (const ch of a.slice(1)) {
      const key = ch as keyof Shell['opts'];
      if (['e', 'u', 'x', 'f', 'n', 'v', 'C', 'a', 'm'].includes(ch)) sh.opts[key] = on;
      else if (ch === 'h' || ch === 'B' || ch === 'b') continue;
      else {
        if (sh.dialect === 'bash') {
          yield* sh.error(`${a[0]}${ch}: invalid option`);
          return 2;
        }
        throw new ShellError(2, [sh.prefix() + `illegal option ${a[0]}${ch}`]);
      }
    }
  }
  if (i < args.length) sh.positional = args.slice(i);
  return 0;
}

function* shift(sh: Shell, argv: string[]): Gen<number> {
  const n = argv[1] === undefined ? 1 : Number(argv[1]);
  if (!Number.isInteger(n) || n < 0) {
    if (sh.dialect === 'bash') {
      yield* sh.error(`${argv[1]}: numeric argument required`);
      return 1;
    }
    throw new ShellError(2, [sh.prefix() + `Illegal number: ${argv[1]}`]);
  }
  if (n > sh.positional.length) {
    if (sh.dialect === 'bash') return 1;
    return 1;
  }
  sh.positional = sh.positional.slice(n);
  return 0;
}

function statusArg(sh: Shell, arg: string | undefined, cmd: string): number | ShellError {
  if (arg === undefined) return sh.status;
  if (/^-?[0-9]+$/.test(arg)) return Number(arg) & 255;
  if (sh.dialect === 'bash')
    return new ShellError(2, [sh.prefix() + `${arg}: numeric argument required`]);
  void cmd;
  return new ShellError(2, [sh.prefix() + `Illegal number: ${arg}`]);
}

function* exit(sh: Shell, argv: string[]): Gen<number> {
  const s = statusArg(sh, argv[1], 'exit');
  if (s instanceof ShellError) {
    if (sh.dialect === 'bash') {
      for (const m of s.messages) yield* sh.err(m + '\n');
      throw new ExitNow(2);
    }
    throw s;
  }
  if (sh.interactive && sh.dialect === 'bash' && !sh.inSubshell) yield* sh.err('exit\n');
  throw new ExitNow(s);
}

function* doReturn(sh: Shell, argv: string[]): Gen<number> {
  const s = statusArg(sh, argv[1], 'return');
  if (s instanceof ShellError) throw s;
  if (sh.funcDepth === 0 && sh.sourceDepth === 0) {
    if (sh.dialect === 'bash') {
      yield* sh.error("can only `return' from a function or sourced script");
      return 2;
    }
    throw new ExitNow(s);
  }
  throw new FunctionReturn(s);
}

function* loopControl(sh: Shell, argv: string[]): Gen<number> {
  const kind = argv[0] === 'break' ? 'break' : 'continue';
  let n = 1;
  if (argv[1] !== undefined) {
    n = Number(argv[1]);
    if (!Number.isInteger(n) || n < 1) {
      if (sh.dialect === 'bash') {
        yield* sh.error(`${argv[1]}: loop count out of range`);
        return 1;
      }
      throw new ShellError(2, [sh.prefix() + `Illegal number: ${argv[1]}`]);
    }
  }
  if (sh.loopDepth === 0) {
    if (sh.dialect === 'bash')
      yield* sh.error("only meaningful in a `for', `while', or `until' loop");
    return 0;
  }
  throw new LoopControl(kind, Math.min(n, sh.loopDepth));
}

function* evalBuiltin(sh: Shell, argv: string[]): Gen<number> {
  const src = argv.slice(1).join(' ');
  if (src.trim() === '') return 0;
  return yield* sh.evalString(src, 0);
}

function* execBuiltin(sh: Shell, argv: string[]): Gen<number> {
  const args = argv.slice(1);
  if (args.length === 0) return 0;
  const exe = findExecutable(sh.proc.ns, sh.proc.cwd, sh.getVar('PATH'), args);
  if (typeof exe === 'string') {
    if (sh.dialect === 'bash') {
      yield* sh.error(`${args[0]}: ${exe === 'ENOENT' ? 'not found' : 'Permission denied'}`);
      throw new ExitNow(exe === 'ENOENT' ? 127 : 126);
    }
    throw new ShellError(exe === 'ENOENT' ? 127 : 126, [
      `${sh.prefix()}${sh.execErrorText(args[0], exe)}`,
    ]);
  }
  const status = yield* sh.execInPlace(exe.program, exe.argv, sh.environment());
  throw new ExitNow(status);
}

function* source(sh: Shell, argv: string[]): Gen<number> {
  const file = argv[1];
  if (file === undefined) {
    if (sh.dialect === 'bash') {
      yield* sh.error('filename argument required');
      return 2;
    }
    return 0;
  }
  let path = resolvePath(sh.proc.cwd, file);
  if (!file.includes('/')) {
    for (const dir of (sh.getVar('PATH') ?? '').split(':')) {
      const cand = resolvePath(sh.proc.cwd, `${dir || '.'}/${file}`);
      const st = sh.proc.ns.fs.stat(cand);
      if (st.ok && st.value.type === 'file') {
        path = cand;
        break;
      }
    }
  }
  const content = sh.proc.ns.fs.readFile(path);
  if (!content.ok) {
    if (sh.dialect === 'bash') {
      yield* sh.error(`${file}: ${ERRNO_TEXT[content.errno]}`);
      return 1;
    }
    throw new ShellError(2, [sh.prefix() + `can't open '${file}': ${ERRNO_TEXT[content.errno]}`]);
  }
  const savedPositional = sh.positional;
  if (argv.length > 2) sh.positional = argv.slice(2);
  sh.sourceDepth++;
  try {
    const parser = new Parser(content.value, sh.dialect, 1);
    parser.aliases = sh.parserAliases();
    let status = 0;
    for (;;) {
      const node = parser.next();
      if (node === null) break;
      if (node instanceof ParseError) {
        yield* sh.syntaxError(node, parser, 'script');
        throw new ShellError(2);
      }
      status = yield* sh.exec(node, 0);
    }
    return status;
  } catch (e) {
    if (e instanceof FunctionReturn) return e.status;
    throw e;
  } finally {
    sh.sourceDepth--;
    if (argv.length > 2) sh.positional = savedPositional;
  }
}

function* trap(sh: Shell, argv: string[]): Gen<number> {
  let args = argv.slice(1);
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0 || args[0] === '-p') {
    let out = '';
    const order = (k: string) => (k === 'EXIT' ? 0 : SIGNALS[k as SignalName]);
    for (const k of [...sh.traps.keys()].sort((a, b) => order(a) - order(b))) {
      const name = sh.dialect === 'bash' && k !== 'EXIT' ? 'SIG' + k : k;
      out += `trap -- ${ashQuote(sh.traps.get(k)!)} ${name}\n`;
    }
    yield* sh.out(out);
    return 0;
  }
  if (args[0] === '-l') return yield* killList(sh, []);
  let action: string | undefined = args[0];
  let sigs = args.slice(1);
  if (parseSignal(action) !== undefined && /^[0-9]+$/.test(action)) {
    // `trap 15`: a bare number means reset.
    sigs = args;
    action = undefined;
  } else if (action === '-') action = undefined;
  if (sigs.length === 0) {
    if (action !== undefined && parseSignal(action) !== undefined) {
      sigs = [action];
      action = undefined;
    }
  }
  let status = 0;
  for (const s of sigs) {
    const sig = parseSignal(s);
    if (!sig) {
      yield* sh.error(`${s}: invalid signal specification`);
      status = 1;
      continue;
    }
    if (action === undefined) {
      sh.traps.delete(sig);
      if (sig !== 'EXIT') sh.proc.setDisposition(sig, defaultDisposition(sh, sig));
    } else {
      sh.traps.set(sig, action);
      if (sig !== 'EXIT') sh.proc.setDisposition(sig, action === '' ? 'ignore' : 'catch');
    }
  }
  return status;
}

/** The disposition a shell keeps for a signal without a trap. */
export function defaultDisposition(sh: Shell, sig: SignalName): 'default' | 'ignore' | 'catch' {
  if (sh.interactive && !sh.inSubshell) {
    if (sig === 'INT') return 'catch';
    if (sig === 'TERM' || sig === 'QUIT') return 'ignore';
  }
  return 'default';
}

const ALL_SIGNALS = [
  'HUP',
  'INT',
  'QUIT',
  'ILL',
  'TRAP',
  'ABRT',
  'BUS',
  'FPE',
  'KILL',
  'USR1',
  'SEGV',
  'USR2',
  'PIPE',
  'ALRM',
  'TERM',
  'STKFLT',
  'CHLD',
  'CONT',
  'STOP',
  'TSTP',
  'TTIN',
  'TTOU',
  'URG',
  'XCPU',
  'XFSZ',
  'VTALRM',
  'PROF',
  'WINCH',
  'POLL',
  'PWR',
  'SYS',
];

function* killList(sh: Shell, args: string[]): Gen<number> {
  if (args.length === 0) {
    let out = '';
    if (sh.dialect === 'bash') {
      ALL_SIGNALS.forEach((n, i) => {
        out += `${String(i + 1).padStart(2)}) SIG${n}` + ((i + 1) % 5 === 0 ? '\n' : '\t');
      });
      out = out.replace(/\t$/, '\n');
    } else ALL_SIGNALS.forEach((n, i) => (out += `${String(i + 1).padStart(2)}) ${n}\n`));
    yield* sh.out(out);
    return 0;
  }
  for (const a of args) {
    if (/^[0-9]+$/.test(a)) {
      let n = Number(a);
      if (n > 128) n -= 128;
      const name = ALL_SIGNALS[n - 1];
      if (!name) {
        yield* errorMsg(
          sh,
          sh.dialect === 'bash' ? `${a}: invalid signal specification` : `bad signal name '${a}'`,
        );
        return 1;
      }
      yield* sh.out(name + '\n');
    } else {
      const up = a.toUpperCase().replace(/^SIG/, '');
      const i = ALL_SIGNALS.indexOf(up);
      if (i < 0) {
        yield* errorMsg(
          sh,
          sh.dialect === 'bash' ? `${a}: invalid signal specification` : `bad signal name '${a}'`,
        );
        return 1;
      }
      yield* sh.out(`${i + 1}\n`);
    }
  }
  return 0;
}

function* kill(sh: Shell, argv: string[]): Gen<number> {
  let args = argv.slice(1);
  let sig: SignalName | undefined = 'TERM';
  let sigNumber = 15;
  if (args[0] === '-l' || args[0] === '-L') return yield* killList(sh, args.slice(1));
  if (args[0] === '-s' || args[0] === '-n') {
    const s = parseSignal(args[1] ?? '');
    if (!s || s === 'EXIT') {
      yield* errorMsg(
        sh,
        sh.dialect === 'bash'
          ? `${args[1]}: invalid signal specification`
          : `bad signal name '${args[1]}'`,
      );
      return 1;
    }
    sig = s;
    args = args.slice(2);
  } else if (
    args[0]?.startsWith('-') &&
    args[0] !== '--' &&
    !/^-[0-9]+$/.test(args[0] ?? '') === true
  ) {
    const spec = args[0].slice(1);
    const s = parseSignal(spec);
    if (spec === '0') {
      sig = undefined;
      sigNumber = 0;
    } else if (!s || s === 'EXIT') {
      yield* errorMsg(
        sh,
        sh.dialect === 'bash'
          ? `${spec}: invalid signal specification`
          : `bad signal name '${spec}'`,
      );
      return 1;
    } else sig = s;
    args = args.slice(1);
  } else if (/^-[0-9]+$/.test(args[0] ?? '')) {
    const n = Number(args[0].slice(1));
    const s = parseSignal(String(n));
    if (n === 0) sig = undefined;
    else if (!s || s === 'EXIT') {
      yield* errorMsg(sh, `bad signal name '${n}'`);
      return 1;
    } else sig = s;
    args = args.slice(1);
  }
  if (args[0] === '--') args = args.slice(1);
  void sigNumber;
  if (args.length === 0) {
    if (sh.dialect === 'bash') {
      yield* sh.err(
        'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n',
      );
      return 2;
    }
    yield* sh.err(`${sh.arg0}: usage: kill [-s SIGNAL | -SIGNAL] PID...\n`);
    return 1;
  }
  let status = 0;
  const kernel = sh.proc.kernel;
  for (const a of args) {
    let targets: Process[];
    if (a.startsWith('%')) {
      const job = findJob(sh, a);
      if (!job) {
        yield* errorMsg(
          sh,
          sh.dialect === 'bash' ? `${a}: no such job` : `kill: ${a}: no such job`,
        );
        status = 1;
        continue;
      }
      targets = job.procs.filter((p) => !p.done);
    } else if (/^-?[0-9]+$/.test(a)) {
      const n = Number(a);
      const live = [...sh.proc.ns.processes];
      targets =
        n > 0
          ? live.filter((p) => p.pid === n)
          : n === 0
            ? live.filter((p) => p.pgid === sh.proc.pgid)
            : live.filter((p) => p.pgid === -n);
      if (targets.length === 0) {
        if (sh.dialect === 'bash') yield* sh.error(`(${a}) - No such process`);
        else yield* sh.err(`${sh.arg0}: can't kill pid ${a}: No such process\n`);
        status = 1;
        continue;
      }
    } else {
      if (sh.dialect === 'bash') yield* sh.error(`${a}: arguments must be process or job IDs`);
      else yield* sh.err(`${sh.arg0}: invalid number '${a}'\n`);
      status = 1;
      continue;
    }
    if (sig) for (const t of targets) kernel.signal(t, sig);
  }
  return status;
}

function findJob(sh: Shell, spec: string): Shell['jobs'][number] | undefined {
  const body = spec.slice(1);
  if (body === '' || body === '%' || body === '+') return sh.jobs[sh.jobs.length - 1];
  if (body === '-') return sh.jobs[sh.jobs.length - 2];
  if (/^[0-9]+$/.test(body)) return sh.jobs.find((j) => j.id === Number(body));
  return sh.jobs.find((j) => j.text.startsWith(body));
}

function* wait(sh: Shell, argv: string[]): Gen<number> {
  const args = argv.slice(1);
  const waitOne = function* (p: Process): Gen<number | undefined> {
    return yield* sh.proc.wait(p, true);
  };
  if (args.length === 0) {
    for (const job of [...sh.jobs]) {
      for (const p of job.procs) {
        const r = yield* waitOne(p);
        if (r === undefined) return 128 + SIGNALS[sh.proc.pendingSignals[0] ?? 'INT'];
      }
    }
    sh.jobs = sh.jobs.filter((j) => j.procs.some((p) => !p.done));
    return 0;
  }
  let status = 0;
  for (const a of args) {
    let procs: Process[] | undefined;
    if (a.startsWith('%')) procs = findJob(sh, a)?.procs;
    else {
      const n = Number(a);
      const job = sh.jobs.find((j) => j.procs.some((p) => p.pid === n));
      procs = job?.procs.filter((p) => p.pid === n);
      if (!procs && sh.lastBg?.pid === n) procs = [sh.lastBg];
    }
    if (!procs || procs.length === 0) {
      if (sh.dialect === 'bash') yield* sh.error(`pid ${a} is not a child of this shell`);
      status = 127;
      continue;
    }
    for (const p of procs) {
      const r = yield* waitOne(p);
      if (r === undefined) return 128 + SIGNALS[sh.proc.pendingSignals[0] ?? 'INT'];
      status = r;
    }
    if (sh.dialect === 'ash') yield* sh.reportSignalDeath(procs);
  }
  return status;
}

function* jobs(sh: Shell): Gen<number> {
  let out = '';
  const n = sh.jobs.length;
  sh.jobs.forEach((job, i) => {
    const done = job.procs.every((p) => p.done);
    const mark = i === n - 1 ? '+' : i === n - 2 ? '-' : ' ';
    const last = job.procs[job.procs.length - 1];
    const state = done ? finishedJobState(sh.dialect, last) : 'Running';
    // bash (jobs.c pretty_print_job): the state in 24 columns, ` &` after a running job;
    // busybox ash lines the command up at column 33 and leaves it out here.
    out +=
      sh.dialect === 'bash'
        ? `[${job.id}]${mark}  ${state.padEnd(24)}${job.text}${done ? '' : ' &'}\n`
        : `[${job.id}]${mark}  ${state.padEnd(27)}\n`;
  });
  sh.jobs = sh.jobs.filter((j) => j.procs.some((p) => !p.done));
  yield* sh.out(out);
  return 0;
}

const KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'case',
  'esac',
  'while',
  'until',
  'for',
  '{',
  '}',
  '!',
  'in',
]);

/** What a name would run, for `type` and `command -v/-V`. */
function describe(sh: Shell, name: string): { kind: string; path?: string } | undefined {
  if (sh.aliases.has(name)) return { kind: 'alias', path: sh.aliases.get(name) };
  if (
    KEYWORDS.has(name) ||
    (sh.dialect === 'bash' && (name === '[[' || name === ']]' || name === 'function'))
  ) {
    return { kind: 'keyword' };
  }
  const b = sh.findBuiltin(name);
  if (b?.special && sh.dialect === 'ash') return { kind: 'special' };
  if (sh.funcs.has(name)) return { kind: 'function' };
  if (b) return { kind: b.special && sh.dialect === 'ash' ? 'special' : 'builtin' };
  const path = name.includes('/') ? name : sh.whichPath(name);
  if (path) {
    const exe = findExecutable(sh.proc.ns, sh.proc.cwd, sh.getVar('PATH'), [name]);
    if (typeof exe !== 'string' || exe === 'ENOEXEC') return { kind: 'file', path };
  }
  return undefined;
}

function* type(sh: Shell, argv: string[]): Gen<number> {
  let status = 0;
  for (const name of argv.slice(1)) {
    const d = describe(sh, name);
    let line: string;
    if (!d) {
      if (sh.dialect === 'bash') {
        yield* sh.error(`${name}: not found`);
        status = 1;
        continue;
      }
      line = `${name}: not found`;
      status = 127;
    } else if (d.kind === 'alias')
      line =
        sh.dialect === 'bash'
          ? `${name} is aliased to \`${d.path}'`
          : `${name} is an alias for ${d.path}`;
    else if (d.kind === 'keyword') line = `${name} is a shell keyword`;
    else if (d.kind === 'special') line = `${name} is a special shell builtin`;
    else if (d.kind === 'function') line = `${name} is a function`;
    else if (d.kind === 'builtin') line = `${name} is a shell builtin`;
    else line = `${name} is ${d.path}`;
    yield* sh.out(line + '\n');
  }
  return status;
}

function* command(sh: Shell, argv: string[]): Gen<number> {
  let args = argv.slice(1);
  let mode: 'v' | 'V' | undefined;
  while (args[0]?.startsWith('-') && args[0].length > 1) {
    if (args[0] === '--') {
      args = args.slice(1);
      break;
    }
    for (const c of args[0].slice(1)) {
      if (c === 'v') mode = 'v';
      else if (c === 'V') mode = 'V';
    }
    args = args.slice(1);
  }
  if (args.length === 0) return 0;
  if (mode) {
    let status = 0;
    let found = false;
    for (const name of sh.dialect === 'ash' ? args.slice(0, 1) : args) {
      const d = describe(sh, name);
      if (!d) {
        status = sh.dialect === 'ash' ? 127 : 1;
        if (mode === 'V') {
          if (sh.dialect === 'bash') yield* sh.error(`${name}: not found`);
          else yield* sh.out(`${name}: not found\n`);
        }
        continue;
      }
      found = true;
      if (mode === 'v') {
        if (d.kind === 'alias') yield* sh.out(`alias ${name}=${ashQuote(d.path!)}\n`);
        else yield* sh.out((d.kind === 'file' ? d.path : name) + '\n');
      } else yield* type(sh, ['type', name]);
    }
    return sh.dialect === 'bash' && found ? 0 : status;
  }
  const b = sh.findBuiltin(args[0]);
  if (b) {
    const prev = sh.currentBuiltin;
    sh.currentBuiltin = args[0];
    try {
      return yield* b.run(sh, args);
    } finally {
      sh.currentBuiltin = prev;
    }
  }
  const exe = findExecutable(sh.proc.ns, sh.proc.cwd, sh.getVar('PATH'), args);
  if (typeof exe === 'string') {
    const saved = sh.currentBuiltin;
    sh.currentBuiltin = undefined;
    yield* sh.error(sh.execErrorText(args[0], exe));
    sh.currentBuiltin = saved;
    return exe === 'ENOENT' ? 127 : 126;
  }
  const child = sh.spawn(exe.program, exe.argv);
  const [status] = yield* sh.waitForeground([child]);
  return status;
}

function* read(sh: Shell, argv: string[]): Gen<number> {
  let args = argv.slice(1);
  let raw = false;
  let prompt: string | undefined;
  let timeout: number | undefined;
  let fd = 0;
  let nchars: number | undefined;
  let delim = '\n';
  let arrayName: string | undefined;
  while (args[0]?.startsWith('-') && args[0].length > 1) {
    const opt = args[0];
    if (opt === '--') {
      args = args.slice(1);
      break;
    }
    const takeArg = (): string | undefined => {
      if (opt.length > 2) return opt.slice(2);
      const v = args[1];
      args = args.slice(1);
      return v;
    };
    const c = opt[1];
    if (c === 'r' || c === 's') {
      for (const f of opt.slice(1)) {
        if (f === 'r') raw = true;
      }
    } else if (c === 'p') prompt = takeArg();
    else if (c === 't') timeout = Number(takeArg());
    else if (c === 'u') fd = Number(takeArg());
    else if (c === 'n' || c === 'N') nchars = Number(takeArg());
    else if (c === 'd') delim = (takeArg() ?? '\n').slice(0, 1) || '\0';
    else if (c === 'a' && sh.dialect === 'bash') arrayName = takeArg();
    args = args.slice(1);
  }
  void arrayName;
  const names = args.length ? args : ['REPLY'];
  if (prompt !== undefined && sh.proc.isatty(fd)) yield* sh.err(prompt);
  const proc = sh.proc;
  const desc = proc.fd(fd);
  let line = '';
  let eof = false;
  let timedOut = false;
  const deadline = timeout !== undefined ? proc.now() + Math.round(timeout * 1000) : undefined;
  outer: for (;;) {
    if (!desc?.readEnd) {
      eof = true;
      break;
    }
    let chunk: string | null | undefined;
    if (desc.unread.length) {
      chunk = desc.unread;
      desc.unread = '';
    } else chunk = desc.readEnd.read(65536);
    if (chunk === null) {
      eof = true;
      break;
    }
    if (chunk === undefined) {
      if (deadline !== undefined && proc.now() >= deadline) {
        timedOut = true;
        break;
      }
      if (proc.pendingSignals.length > 0) return 128 + SIGNALS[proc.pendingSignals[0]];
      yield { on: [desc.readEnd.readable], until: deadline, interruptible: true };
      continue;
    }
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i];
      if (!raw && ch === '\\') {
        const next = chunk[i + 1];
        if (next === undefined) {
          // The escaped character is in the next chunk: keep the backslash pending.
          desc.unread = '\\' + desc.unread;
          continue outer;
        }
        i++;
        if (next === '\n') continue;
        line += '\\' + next;
        continue;
      }
      if (ch === delim || (nchars !== undefined && line.replace(/\\(.)/g, '$1').length >= nchars)) {
        const restStart = ch === delim ? i + 1 : i;
        desc.unread = chunk.slice(restStart) + desc.unread;
        break outer;
      }
      line += ch;
    }
  }
  if (timedOut) {
    if (sh.dialect === 'bash') return 142;
    return 1;
  }
  // Split into fields on IFS; the last name gets the rest of the line.
  const ifsVar = sh.getVar('IFS');
  const ifs = ifsVar === undefined ? ' \t\n' : ifsVar;
  const wsIfs = [...ifs].filter((c) => c === ' ' || c === '\t' || c === '\n').join('');
  const isIfs = (c: string) => ifs.includes(c);
  const isWs = (c: string) => wsIfs.includes(c);
  // Work on (char, escaped) pairs so escaped IFS characters do not split.
  const chars: Array<[string, boolean]> = [];
  for (let i = 0; i < line.length; i++) {
    if (!raw && line[i] === '\\' && i + 1 < line.length) {
      chars.push([line[i + 1], true]);
      i++;
    } else chars.push([line[i], false]);
  }
  let p = 0;
  while (p < chars.length && !chars[p][1] && isWs(chars[p][0])) p++;
  for (let n = 0; n < names.length; n++) {
    const name = names[n];
    let value = '';
    if (n === names.length - 1) {
      let end = chars.length;
      while (end > p && !chars[end - 1][1] && isWs(chars[end - 1][0])) end--;
      value = chars
        .slice(p, end)
        .map((c) => c[0])
        .join('');
      p = chars.length;
    } else {
      while (p < chars.length && (chars[p][1] || !isIfs(chars[p][0]))) value += chars[p++][0];
      // Skip one delimiter (with surrounding IFS whitespace).
      while (p < chars.length && !chars[p][1] && isWs(chars[p][0])) p++;
      if (p < chars.length && !chars[p][1] && isIfs(chars[p][0]) && !isWs(chars[p][0])) p++;
      while (p < chars.length && !chars[p][1] && isWs(chars[p][0])) p++;
    }
    const err = sh.setVar(name, value);
    if (err) {
      yield* sh.error(err);
      return 2;
    }
  }
  return eof ? 1 : 0;
}

function* local(sh: Shell, argv: string[]): Gen<number> {
  if (sh.funcDepth === 0 || sh.locals.length === 0) {
    if (sh.dialect === 'bash') {
      yield* sh.error('can only be used in a function');
      return 1;
    }
    throw new ShellError(2, [sh.prefix() + 'not in a function']);
  }
  const frame = sh.locals[sh.locals.length - 1];
  for (const a of argv.slice(1)) {
    if (a.startsWith('-')) continue;
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!validName(name)) {
      yield* sh.error(
        sh.dialect === 'bash' ? `\`${a}': not a valid identifier` : `${name}: bad variable name`,
      );
      return 1;
    }
    if (!frame.has(name)) {
      const old = sh.vars.get(name);
      frame.set(name, old ? { ...old } : undefined);
    }
    if (eq >= 0) sh.setVar(name, a.slice(eq + 1));
    else if (sh.dialect === 'ash') {
      const v = sh.vars.get(name);
      if (v) v.value = undefined;
    } else {
      const v = sh.vars.get(name);
      if (v) v.value = undefined;
    }
  }
  return 0;
}

function* umask(sh: Shell, argv: string[]): Gen<number> {
  const args = argv.slice(1);
  const symbolic = args[0] === '-S';
  const rest = symbolic ? args.slice(1) : args;
  if (rest.length === 0) {
    if (symbolic) {
      const perm = (shift: number) => {
        const bits = (~sh.umask >> shift) & 7;
        return (bits & 4 ? 'r' : '') + (bits & 2 ? 'w' : '') + (bits & 1 ? 'x' : '');
      };
      yield* sh.out(`u=${perm(6)},g=${perm(3)},o=${perm(0)}\n`);
    } else yield* sh.out(sh.umask.toString(8).padStart(4, '0') + '\n');
    return 0;
  }
  if (/^[0-7]+$/.test(rest[0])) sh.umask = parseInt(rest[0], 8) & 0o777;
  else {
    yield* sh.error(
      sh.dialect === 'bash'
        ? `${rest[0]}: invalid symbolic mode operator`
        : `Illegal mode: ${rest[0]}`,
    );
    return 1;
  }
  return 0;
}

function* getopts(sh: Shell, argv: string[]): Gen<number> {
  const optstring = argv[1] ?? '';
  const name = argv[2];
  if (!name) {
    yield* sh.err(
      sh.dialect === 'bash'
        ? `${sh.prefix()}usage: getopts optstring name [arg ...]\n`
        : `${sh.arg0}: usage: getopts optstring var [arg]\n`,
    );
    return 2;
  }
  const params = argv.length > 3 ? argv.slice(3) : sh.positional;
  const silent = optstring.startsWith(':');
  const spec = silent ? optstring.slice(1) : optstring;
  let optind = Number(sh.getVar('OPTIND') ?? '1') || 1;
  // Position inside a bundle of options (-abc), kept like ash in a private variable.
  let sub = Number(sh.getVar('__getopts_sub') ?? '0');
  if (sh.getVar('__getopts_ind') !== String(optind)) sub = 0;
  const arg = params[optind - 1];
  const finish = (status: number, opt: string) => {
    sh.setVar(name, opt);
    sh.setVar('OPTIND', String(optind));
    sh.setVar('__getopts_ind', String(optind));
    sh.setVar('__getopts_sub', String(sub));
    return status;
  };
  if (sub === 0) {
    if (arg === undefined || arg === '-' || !arg.startsWith('-')) {
      sh.vars.delete('OPTARG');
      return finish(1, '?');
    }
    if (arg === '--') {
      optind++;
      sh.vars.delete('OPTARG');
      return finish(1, '?');
    }
    sub = 1;
  }
  const c = arg[sub];
  sub++;
  const advance = () => {
    if (sub >= arg.length) {
      optind++;
      sub = 0;
    }
  };
  const idx = spec.indexOf(c);
  if (idx < 0 || c === ':') {
    advance();
    if (silent) {
      sh.setVar('OPTARG', c);
      return finish(0, '?');
    }
    yield* sh.err(
      sh.dialect === 'bash' ? `${sh.arg0}: illegal option -- ${c}\n` : `Illegal option -${c}\n`,
    );
    sh.vars.delete('OPTARG');
    return finish(0, '?');
  }
  if (spec[idx + 1] === ':') {
    let value: string | undefined;
    if (sub < arg.length) {
      value = arg.slice(sub);
      optind++;
      sub = 0;
    } else {
      optind++;
      sub = 0;
      value = params[optind - 1];
      if (value !== undefined) optind++;
    }
    if (value === undefined) {
      if (silent) {
        sh.setVar('OPTARG', c);
        return finish(0, ':');
      }
      yield* sh.err(
        sh.dialect === 'bash'
          ? `${sh.arg0}: option requires an argument -- ${c}\n`
          : `No arg for -${c} option\n`,
      );
      sh.vars.delete('OPTARG');
      return finish(0, '?');
    }
    sh.setVar('OPTARG', value);
    return finish(0, c);
  }
  advance();
  sh.setVar('OPTARG', '');
  if (sh.dialect === 'bash') sh.vars.delete('OPTARG');
  return finish(0, c);
}

function* alias(sh: Shell, argv: string[]): Gen<number> {
  const args = argv.slice(1);
  if (args.length === 0) {
    let out = '';
    for (const k of [...sh.aliases.keys()].sort())
      out += `${sh.dialect === 'bash' ? 'alias ' : ''}${k}=${ashQuote(sh.aliases.get(k)!)}\n`;
    yield* sh.out(out);
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) sh.aliases.set(a.slice(0, eq), a.slice(eq + 1));
    else if (sh.aliases.has(a))
      yield* sh.out(
        `${sh.dialect === 'bash' ? 'alias ' : ''}${a}=${ashQuote(sh.aliases.get(a)!)}\n`,
      );
    else {
      yield* sh.error(`${a}: not found`);
      status = 1;
    }
  }
  return status;
}

function* unalias(sh: Shell, argv: string[]): Gen<number> {
  for (const a of argv.slice(1)) {
    if (a === '-a') sh.aliases.clear();
    else if (!sh.aliases.delete(a)) {
      yield* sh.error(`${a}: not found`);
      return 1;
    }
  }
  return 0;
}

function* letBuiltin(sh: Shell, argv: string[]): Gen<number> {
  if (argv.length < 2) {
    if (sh.dialect === 'bash') {
      yield* sh.error('expression expected');
      return 1;
    }
    return 1;
  }
  let v = 0n;
  for (const a of argv.slice(1)) v = sh.arith(a);
  return v !== 0n ? 0 : 1;
}

function* declare(sh: Shell, argv: string[]): Gen<number> {
  const args = argv.slice(1);
  const flags = new Set<string>();
  const names: string[] = [];
  for (const a of args) {
    if (/^[-+][a-zA-Z]+$/.test(a))
      for (const f of a.slice(1)) flags.add((a[0] === '+' ? '+' : '') + f);
    else names.push(a);
  }
  if (names.length === 0) {
    if (flags.has('x')) return yield* exportOrReadonly(sh, ['export'], false);
    if (flags.has('r')) return yield* exportOrReadonly(sh, ['readonly'], true);
    if (flags.has('f') || flags.has('F')) {
      let out = '';
      for (const k of [...sh.funcs.keys()].sort()) out += `declare -f ${k}\n`;
      yield* sh.out(out);
      return 0;
    }
    return yield* set(sh, ['set']);
  }
  for (const a of names) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!validName(name)) {
      yield* sh.error(`\`${a}': not a valid identifier`);
      return 1;
    }
    if (sh.funcDepth > 0 && !flags.has('g') && sh.locals.length) {
      const frame = sh.locals[sh.locals.length - 1];
      if (!frame.has(name)) {
        const old = sh.vars.get(name);
        frame.set(name, old ? { ...old } : undefined);
      }
    }
    if (eq >= 0) {
      let value = a.slice(eq + 1);
      if (flags.has('i')) value = sh.arith(value).toString();
      const err = sh.setVar(name, value);
      if (err) {
        yield* sh.error(err);
        return 1;
      }
    } else if (!sh.vars.has(name))
      sh.vars.set(name, { value: undefined, exported: false, readonly: false });
    const v = sh.vars.get(name)!;
    if (flags.has('x')) v.exported = true;
    if (flags.has('+x')) v.exported = false;
    if (flags.has('r')) v.readonly = true;
  }
  return 0;
}

function* times(sh: Shell): Gen<number> {
  // @simplified: the kernel keeps no CPU accounting, so shell and children report zero time.
  yield* sh.out(
    sh.dialect === 'bash'
      ? '0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n'
      : '0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n',
  );
  return 0;
}

function* ulimit(sh: Shell, argv: string[]): Gen<number> {
  // @simplified: no resource limits exist in the simulation; every limit reads as unlimited
  // (open files as 1048576, the containerd default) and setting one is accepted and ignored.
  const args = argv.slice(1);
  if (args.includes('-a')) {
    yield* sh.out(
      [
        '-f: file size (blocks)             unlimited',
        '-t: cpu time (seconds)             unlimited',
        '-d: data seg size (kb)             unlimited',
        '-s: stack size (kb)                8192',
        '-c: core file size (blocks)        unlimited',
        '-m: resident set size (kb)         unlimited',
        '-l: locked memory (kb)             64',
        '-p: processes                      unlimited',
        '-n: file descriptors               1048576',
        '-v: address space (kb)             unlimited',
        '-w: locks                          unlimited',
        '-e: scheduling priority            0',
        '-r: real-time priority             0',
      ].join('\n') + '\n',
    );
    return 0;
  }
  const value = args.find((a) => !a.startsWith('-'));
  if (value !== undefined) return 0;
  yield* sh.out(args.includes('-n') ? '1048576\n' : args.includes('-s') ? '8192\n' : 'unlimited\n');
  return 0;
}

function* help(sh: Shell): Gen<number> {
  const names = Object.keys(BUILTINS)
    .filter((n) => !BUILTINS[n].dialect || BUILTINS[n].dialect === sh.dialect)
    .sort();
  let out = 'Built-in commands:\n------------------\n';
  let line = '';
  for (const n of names) {
    if (line.length + n.length + 1 > 60) {
      out += '\t' + line.trimEnd() + '\n';
      line = '';
    }
    line += n + ' ';
  }
  if (line) out += '\t' + line.trimEnd() + '\n';
  yield* sh.out(out);
  return 0;
}

function* fg(sh: Shell, argv: string[]): Gen<number> {
  const job = findJob(sh, argv[1] ?? '%');
  if (!job) {
    yield* sh.error(`${argv[1] ?? 'current'}: no such job`);
    return 1;
  }
  yield* sh.out(job.text + '\n');
  const statuses = yield* sh.waitForeground(job.procs);
  sh.jobs = sh.jobs.filter((j) => j !== job);
  return statuses[statuses.length - 1] ?? 0;
}

const noop = function* (): Gen<number> {
  return 0;
};

/** Every builtin by name. */
export const BUILTINS: Record<string, Builtin> = {
  '.': { run: source, special: true },
  ':': { run: noop, special: true },
  '[': { run: test },
  '[[': { run: test, dialect: 'ash' },
  alias: { run: alias },
  bg: { run: noop },
  break: { run: loopControl, special: true },
  cd: { run: cd },
  chdir: { run: cd, dialect: 'ash' },
  command: { run: command },
  continue: { run: loopControl, special: true },
  declare: { run: declare, dialect: 'bash' },
  typeset: { run: declare, dialect: 'bash' },
  echo: { run: echo },
  eval: { run: evalBuiltin, special: true },
  exec: { run: execBuiltin, special: true },
  exit: { run: exit, special: true },
  export: { run: (sh, argv) => exportOrReadonly(sh, argv, false), special: true },
  false: {
    run: function* () {
      return 1;
    },
  },
  fg: { run: fg },
  getopts: { run: getopts },
  hash: { run: noop },
  help: { run: help },
  jobs: { run: jobs },
  kill: { run: kill },
  let: { run: letBuiltin },
  local: { run: local },
  printf: { run: printf },
  pwd: { run: pwd },
  read: { run: read },
  readonly: { run: (sh, argv) => exportOrReadonly(sh, argv, true), special: true },
  return: { run: doReturn, special: true },
  set: { run: set, special: true },
  shift: { run: shift, special: true },
  source: { run: source },
  test: { run: test },
  times: { run: times, special: true },
  trap: { run: trap, special: true },
  true: { run: noop },
  type: { run: type },
  ulimit: { run: ulimit },
  umask: { run: umask },
  unalias: { run: unalias },
  unset: { run: unset, special: true },
  wait: { run: wait },
};

/** Re-exported for programs.ts. */
export { EV_EXIT };
