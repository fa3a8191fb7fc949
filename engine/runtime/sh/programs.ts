/**
 * The shell entry programs: `sh` (busybox ash) and `bash`, with `-c CMD [name [args]]`, a script
 * file argument, commands from a non-terminal stdin, or an interactive session when stdin is a
 * terminal. Also the standalone `echo`, `printf`, `test` and `[` applets.
 */
import type { Block, Process, Program } from '../kernel';
import { resolvePath, ERRNO_TEXT } from '../fs';
import type { Dialect, Node } from './ast';
import { Parser, ParseError } from './parser';
import {
  Shell,
  EV_EXIT,
  Interrupt,
  ShellError,
  CommandAbort,
  ExitNow,
  finishedJobState,
} from './shell';
import { defaultDisposition, testFiles } from './builtins';
import { echoUtil, printfUtil, testUtil } from './utilities';

type Gen<T> = Generator<Block, T, void>;

/**
 * Reads one line of interactive input after showing `prompt`. Returns the line (without its
 * newline), null at end of input (Ctrl-D), or undefined when a signal (Ctrl-C) interrupted it.
 */
export type LineReader = (sh: Shell, prompt: string) => Gen<string | null | undefined>;

/** How to build a shell program. */
export interface ShellConfig {
  dialect: Dialect;
  /** Default PS1 when the environment has none. */
  ps1?: string;
  /** Interactive line input (the workstation plugs in history and completion). */
  lineReader?: LineReader;
  /** Called when an interactive shell starts (e.g. to print a banner or set variables). */
  onInteractiveStart?: (sh: Shell) => void;
  /** Leave out bash's `exit` line at end of input (scripted sessions that are not typed). */
  quietEof?: boolean;
}

/** The default line reader: prompt on stderr, then a cooked line from fd 0. */
export const terminalLineReader: LineReader = function* (sh, prompt) {
  yield* sh.err(prompt);
  return yield* sh.proc.readLine(0, true);
};

/** Expands a prompt string: backslash escapes (\w \W \u \h \H \$ \n \\) and `$VAR`. */
export function expandPrompt(sh: Shell, ps: string): string {
  const home = sh.getVar('HOME');
  const cwd = sh.getVar('PWD') ?? sh.proc.cwd;
  const user = sh.getVar('USER') ?? 'root';
  const isRoot = user === 'root';
  let out = '';
  for (let i = 0; i < ps.length; i++) {
    const c = ps[i];
    if (c === '\\' && i + 1 < ps.length) {
      const n = ps[++i];
      switch (n) {
        case 'w':
          out +=
            home && home !== '/' && (cwd === home || cwd.startsWith(home + '/'))
              ? '~' + cwd.slice(home.length)
              : cwd;
          break;
        case 'W':
          out +=
            cwd === '/' ? '/' : home && cwd === home ? '~' : cwd.slice(cwd.lastIndexOf('/') + 1);
          break;
        case 'u':
          out += user;
          break;
        case 'h':
          out += sh.proc.ns.hostname.split('.')[0];
          break;
        case 'H':
          out += sh.proc.ns.hostname;
          break;
        case '$':
          out += isRoot ? '#' : '$';
          break;
        case 'n':
          out += '\n';
          break;
        case 's':
          out += sh.dialect === 'bash' ? 'bash' : 'sh';
          break;
        case 'v':
          out += '5.2';
          break;
        case 'V':
          out += '5.2.15';
          break;
        case '[':
        case ']':
          break;
        case '\\':
          out += '\\';
          break;
        default:
          out += '\\' + n;
      }
      continue;
    }
    if (c === '$') {
      const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(ps.slice(i));
      if (m) {
        out += sh.getVar(m[1] ?? m[2]) ?? '';
        i += m[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}

/** Builds a shell entry program. */
export function makeShellProgram(config: ShellConfig): Program {
  const program: Program = (proc: Process) => shellMain(proc, config, program);
  return program;
}

function* shellMain(proc: Process, config: ShellConfig, self: Program): Gen<number> {
  const dialect = config.dialect;
  const argv = proc.argv;
  const sh = new Shell(
    proc,
    dialect,
    { program: self },
    argv[0] ?? (dialect === 'bash' ? 'bash' : 'sh'),
  );
  sh.initVars();
  let command: string | undefined;
  let forceInteractive = false;
  let readStdin = false;
  let i = 1;
  const shortOpts = (arg: string, on: boolean): string | undefined => {
    for (const ch of arg.slice(1)) {
      switch (ch) {
        case 'c':
          if (on) command = '';
          break;
        case 'i':
          forceInteractive = on;
          break;
        case 's':
          readStdin = on;
          break;
        case 'l':
          break;
        case 'e':
        case 'u':
        case 'x':
        case 'f':
        case 'n':
        case 'v':
        case 'C':
        case 'a':
        case 'm':
          sh.opts[ch] = on;
          break;
        default:
          return ch;
      }
    }
    return undefined;
  };
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--' || a === '-') {
      i++;
      break;
    }
    if (a === '--login' || a === '--norc' || a === '--noprofile' || a === '--posix') continue;
    if (a === '-o' || a === '+o') {
      const name = argv[++i];
      if (name === 'pipefail') sh.opts.pipefail = a === '-o';
      else if (name === 'errexit') sh.opts.e = a === '-o';
      else if (name === 'nounset') sh.opts.u = a === '-o';
      else if (name === 'xtrace') sh.opts.x = a === '-o';
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      const bad = shortOpts(a, a[0] === '-');
      if (bad) {
        if (dialect === 'bash') {
          yield* sh.err(`${sh.arg0}: ${a}: invalid option\n`);
          return 2;
        }
        yield* sh.err(`${sh.arg0}: illegal option -- ${bad}\n`);
        return 2;
      }
      continue;
    }
    break;
  }
  const rest = argv.slice(i);
  if (command !== undefined) {
    if (rest.length === 0) {
      yield* sh.err(
        dialect === 'bash'
          ? `${sh.arg0}: -c: option requires an argument\n`
          : `${sh.arg0}: -c requires an argument\n`,
      );
      return 2;
    }
    command = rest[0];
    if (rest.length > 1) {
      sh.arg0 = rest[1];
      sh.commandName = dialect === 'ash' ? rest[1] : undefined;
      sh.positional = rest.slice(2);
    }
    sh.runningC = true;
    return yield* runSource(sh, command, 'c');
  }
  if (rest.length > 0 && !readStdin) {
    const file = rest[0];
    sh.arg0 = file;
    sh.commandName = dialect === 'ash' ? file : undefined;
    sh.positional = rest.slice(1);
    let path = resolvePath(proc.cwd, file);
    if (dialect === 'bash' && !file.includes('/') && !proc.ns.fs.exists(path)) {
      path = sh.whichPath(file) ?? path;
    }
    const content = proc.ns.fs.readFile(path);
    if (!content.ok) {
      if (dialect === 'bash') {
        yield* sh.err(`bash: ${file}: ${ERRNO_TEXT[content.errno]}\n`);
        return content.errno === 'ENOENT' ? 127 : 126;
      }
      yield* sh.err(`${argv[0] ?? 'sh'}: can't open '${file}': ${ERRNO_TEXT[content.errno]}\n`);
      return content.errno === 'ENOENT' ? 127 : 2;
    }
    return yield* runSource(sh, content.value, 'script');
  }
  sh.positional = rest;
  sh.readingStdin = true;
  const interactive = forceInteractive || (proc.isatty(0) && proc.isatty(2));
  if (interactive) return yield* interactiveLoop(sh, config);
  return yield* stdinLoop(sh);
}

/** Runs a whole source text: a -c string or a script file. */
export function* runSource(sh: Shell, src: string, kind: 'c' | 'script'): Gen<number> {
  const firstLine = kind === 'c' && sh.dialect === 'ash' ? 0 : 1;
  const parser = new Parser(src, sh.dialect, firstLine);
  parser.aliases = sh.parserAliases();
  let status = 0;
  let pending: Node | null | ParseError = parser.next();
  for (;;) {
    const node = pending;
    if (node === null) break;
    if (node instanceof ParseError) {
      yield* sh.syntaxError(node, parser, kind);
      return yield* sh.exitShell(2);
    }
    const atEnd = kind === 'c' && parser.atEnd();
    const flags = atEnd ? EV_EXIT : 0;
    try {
      status = yield* sh.exec(node, flags);
      if (sh.execed) return status;
      yield* sh.runTraps();
    } catch (e) {
      if (e instanceof CommandAbort) {
        for (const m of e.messages) yield* sh.err(m + '\n');
        status = e.status;
        sh.status = status;
        // bash abandons the rest of this line only.
        pending = parser.next();
        continue;
      }
      status = yield* sh.handleTopError(e);
      if (sh.execed) return status;
      return yield* sh.exitShell(status);
    }
    pending = parser.next();
  }
  return yield* sh.exitShell(status);
}

/** Reads commands from a non-terminal stdin, executing each complete command as it arrives. */
function* stdinLoop(sh: Shell): Gen<number> {
  let buf = '';
  let line = 1;
  let status = 0;
  for (;;) {
    const input = yield* sh.proc.readLine(0);
    const eof = input === null || input === undefined;
    if (!eof) buf += input + '\n';
    if (buf === '' && eof) break;
    const parser = new Parser(buf, sh.dialect, line, 0, !eof);
    parser.aliases = sh.parserAliases();
    let consumed = 0;
    for (;;) {
      const node = parser.next();
      if (node === null) {
        consumed = buf.length;
        break;
      }
      if (node instanceof ParseError) {
        if (node.incomplete && !eof) break;
        yield* sh.syntaxError(node, parser, 'stdin');
        return yield* sh.exitShell(2);
      }
      try {
        status = yield* sh.exec(node, 0);
        yield* sh.runTraps();
      } catch (e) {
        if (e instanceof CommandAbort) {
          for (const m of e.messages) yield* sh.err(m + '\n');
          status = sh.status = e.status;
          continue;
        }
        status = yield* sh.handleTopError(e);
        return yield* sh.exitShell(status);
      }
      consumed = parser.offset;
    }
    line += countLines(buf.slice(0, consumed));
    buf = buf.slice(consumed);
    if (eof) break;
  }
  return yield* sh.exitShell(status);
}

function countLines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === '\n') n++;
  return n;
}

/** The interactive read-eval loop: prompts, Ctrl-C back to the prompt, `exit` or Ctrl-D ends. */
function* interactiveLoop(sh: Shell, config: ShellConfig): Gen<number> {
  sh.interactive = true;
  sh.opts.m = true;
  const proc = sh.proc;
  proc.setDisposition('INT', defaultDisposition(sh, 'INT'));
  proc.setDisposition('TERM', defaultDisposition(sh, 'TERM'));
  proc.setDisposition('QUIT', defaultDisposition(sh, 'QUIT'));
  const tty = proc.fd(0)?.tty;
  if (tty) tty.foregroundPgid = proc.pgid;
  if (sh.getVar('PS1') === undefined) {
    sh.vars.set('PS1', {
      value: config.ps1 ?? (sh.dialect === 'bash' ? '\\s-\\v\\$ ' : '\\w \\$ '),
      exported: false,
      readonly: false,
    });
  }
  config.onInteractiveStart?.(sh);
  const reader = config.lineReader ?? terminalLineReader;
  let buf = '';
  let line = 1;
  for (;;) {
    yield* reportJobs(sh);
    const ps = buf === '' ? (sh.getVar('PS1') ?? '') : (sh.getVar('PS2') ?? '> ');
    const input = yield* reader(sh, expandPrompt(sh, ps));
    if (input === undefined) {
      // Interrupted at the prompt: drop the partial command.
      while (proc.takeSignal()) {
        /* INT handled here; others have no trap at the prompt */
      }
      yield* sh.err('\n');
      buf = '';
      continue;
    }
    if (input === null) {
      if (!config.quietEof) yield* sh.err(sh.dialect === 'bash' ? 'exit\n' : '\n');
      break;
    }
    buf += input + '\n';
    const parser = new Parser(buf, sh.dialect, line, 0, true);
    parser.aliases = sh.parserAliases();
    let consumed = 0;
    for (;;) {
      const node = parser.next();
      if (node === null) {
        consumed = buf.length;
        break;
      }
      if (node instanceof ParseError) {
        if (node.incomplete) break;
        yield* sh.syntaxError(node, parser, 'stdin');
        sh.status = 2;
        consumed = buf.length;
        break;
      }
      try {
        yield* sh.exec(node, 0);
        yield* sh.runTraps();
      } catch (e) {
        if (e instanceof ExitNow) return yield* sh.exitShell(e.status);
        if (e instanceof Interrupt) {
          sh.status = 130;
          consumed = buf.length;
          break;
        }
        if (e instanceof ShellError || e instanceof CommandAbort) {
          for (const m of e.messages) yield* sh.err(m + '\n');
          sh.status = e.status;
          consumed = buf.length;
          break;
        }
        const status = yield* sh.handleTopError(e);
        sh.status = status;
      }
      consumed = parser.offset;
    }
    line += countLines(buf.slice(0, consumed));
    buf = buf.slice(consumed);
  }
  return yield* sh.exitShell(sh.status);
}

function* reportJobs(sh: Shell): Gen<void> {
  const done = sh.jobs.filter((j) => j.procs.every((p) => p.done));
  if (done.length === 0) return;
  const n = sh.jobs.length;
  for (const job of done) {
    const last = job.procs[job.procs.length - 1];
    const state = finishedJobState(sh.dialect, last);
    // The current job is `+`, the previous one `-`, as in `jobs`.
    const i = sh.jobs.indexOf(job);
    const mark = i === n - 1 ? '+' : i === n - 2 ? '-' : ' ';
    yield* sh.err(`[${job.id}]${mark}  ${state.padEnd(24)}${job.text}\n`);
  }
  sh.jobs = sh.jobs.filter((j) => !done.includes(j));
}

/** busybox ash as `/bin/sh`. */
export const shProgram: Program = makeShellProgram({ dialect: 'ash' });

/** bash, with the default prompt; the workstation builds its own with `makeShellProgram`. */
export const bashProgram: Program = makeShellProgram({ dialect: 'bash' });

/** Applet name for messages: the basename of argv[0]. */
function appletName(proc: Process, fallback: string): string {
  const a = proc.argv[0] ?? fallback;
  return a.slice(a.lastIndexOf('/') + 1) || fallback;
}

/** `/bin/echo` (busybox applet). */
export const echoProgram: Program = function* (proc) {
  yield* proc.out(echoUtil(proc.argv.slice(1), 'ash').out);
  return 0;
};

/** `/usr/bin/printf` (busybox applet). */
export const printfProgram: Program = function* (proc) {
  const r = printfUtil(proc.argv.slice(1), 'ash');
  yield* proc.out(r.out);
  const name = appletName(proc, 'printf');
  for (const e of r.errors) yield* proc.err(`${name}: ${e}\n`);
  return r.status;
};

/** `/usr/bin/test` and `/usr/bin/[` (busybox applets). */
export const testProgram: Program = function* (proc) {
  const name = appletName(proc, 'test');
  const r = testUtil(proc.argv.slice(1), testFiles(proc), name === '[', 'ash');
  for (const e of r.errors) yield* proc.err(`${name}: ${e}\n`);
  return r.status;
};
