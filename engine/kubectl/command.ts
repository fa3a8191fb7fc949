/**
 * The kubectl command tree and its dispatcher, with cobra's behaviour: find the subcommand
 * among the arguments (flags may come first), parse local + inherited flags, answer `-h/--help`,
 * and report unknown commands and flag errors as kubectl does.
 */
import type { Block, Process } from '../runtime/kernel';
import { readFileAt, type FileReadResult } from './files';
import type { StatusError } from '../api/errors';
import type { ClusterAccess } from './cluster-access';
import { formatPlainError, formatStatusError } from './errors';
import { Flags, isFlagError, parseFlags, type FlagDef } from './flags';
import { renderHelp } from './help';
import { utf8Encode } from '../util/utf8';

/** A command's body: a generator (it may wait) returning the exit status. */
export type CommandResult = Generator<Block, number, void>;

/** One kubectl command (or subcommand). */
export interface CommandSpec {
  name: string;
  aliases?: string[];
  /** The usage line after `kubectl …` in help, e.g. `job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]`. */
  usage: string;
  /** One line, shown in command lists. */
  short: string;
  /** The help's description (defaults to `short`). Our own words. */
  long?: string;
  /** Examples block (already indented with two spaces), our own words. */
  examples?: string;
  flags?: FlagDef[];
  /** Root help group title, e.g. `Basic Commands (Beginner):`. */
  group?: string;
  subcommands?: CommandSpec[];
  hidden?: boolean;
  run?: (ctx: CommandContext) => CommandResult;
}

/** What a running command gets. */
export interface CommandContext {
  proc: Process;
  cluster: ClusterAccess;
  flags: Flags;
  args: string[];
  /** Positional arguments before `--` (-1 when there was no `--`). */
  argsLenAtDash: number;
  /** Namespace from -n/--namespace, else `default`. */
  namespace: string;
  namespaceExplicit: boolean;
  /** `kubectl create job` */
  commandPath: string;
  spec: CommandSpec;
  /** Writes text (UTF-16) to stdout as UTF-8. */
  out(text: string): Generator<Block, boolean, void>;
  /** Writes text to stderr as UTF-8. */
  err(text: string): Generator<Block, boolean, void>;
  /** Prints `error: <message>` (adding the prefix unless present) and returns exit status 1. */
  fail(message: string): CommandResult;
  /** kubectl's UsageErrorf: the message plus `See '<path> -h' for help and examples`. */
  usageError(message: string): CommandResult;
  /** Prints an API error as kubectl does and returns 1. */
  statusError(error: StatusError): CommandResult;
  /** Reads a file relative to the working directory (`-` = stdin). */
  readFile(path: string): Generator<Block, FileReadResult, void>;
}

/** kubectl's global (persistent) flags; only --namespace changes behaviour in Podlab. */
export const GLOBAL_FLAGS: FlagDef[] = [
  {
    name: 'namespace',
    short: 'n',
    type: 'string',
    usage: 'If present, the namespace scope for this CLI request',
  },
  {
    name: 'kubeconfig',
    type: 'string',
    usage: 'Path to the kubeconfig file to use for CLI requests.',
  },
  { name: 'context', type: 'string', usage: 'The name of the kubeconfig context to use' },
  { name: 'cluster', type: 'string', usage: 'The name of the kubeconfig cluster to use' },
  { name: 'user', type: 'string', usage: 'The name of the kubeconfig user to use' },
  {
    name: 'server',
    short: 's',
    type: 'string',
    usage: 'The address and port of the Kubernetes API server',
  },
  { name: 'token', type: 'string', usage: 'Bearer token for authentication to the API server' },
  {
    name: 'request-timeout',
    type: 'string',
    default: '0',
    usage: 'How long to wait for a single server request before giving up (0 means no timeout).',
  },
  { name: 'v', short: 'v', type: 'int', usage: 'Log level verbosity.' },
  { name: 'as', type: 'string', usage: 'User to impersonate for the operation.' },
  {
    name: 'as-group',
    type: 'stringArray',
    usage: 'Group to impersonate for the operation; may be repeated.',
  },
  { name: 'as-uid', type: 'string', usage: 'UID to impersonate for the operation.' },
  {
    name: 'insecure-skip-tls-verify',
    type: 'bool',
    usage: 'Skip checking the server certificate (insecure).',
  },
  { name: 'certificate-authority', type: 'string', usage: 'Path to a CA certificate file.' },
  {
    name: 'client-certificate',
    type: 'string',
    usage: 'Path to a client certificate file for TLS.',
  },
  { name: 'client-key', type: 'string', usage: 'Path to a client key file for TLS.' },
  {
    name: 'cache-dir',
    type: 'string',
    default: '$HOME/.kube/cache',
    usage: 'Default cache directory',
  },
  {
    name: 'match-server-version',
    type: 'bool',
    usage: 'Require the server version to match the client version',
  },
  {
    name: 'password',
    type: 'string',
    usage: 'Password for basic authentication to the API server',
  },
  {
    name: 'username',
    type: 'string',
    usage: 'Username for basic authentication to the API server',
  },
  {
    name: 'tls-server-name',
    type: 'string',
    usage: 'Server name used to validate the server certificate',
  },
  {
    name: 'warnings-as-errors',
    type: 'bool',
    usage: 'Treat warnings from the server as errors and exit non-zero',
  },
  {
    name: 'disable-compression',
    type: 'bool',
    usage: 'Do not ask the server for compressed responses',
  },
  {
    name: 'log-flush-frequency',
    type: 'duration',
    default: '5s',
    usage: 'Maximum seconds between log flushes',
  },
  { name: 'profile', type: 'string', default: 'none', usage: 'Profile to capture.' },
  {
    name: 'profile-output',
    type: 'string',
    default: 'profile.pprof',
    usage: 'File to write the profile to',
  },
];

const HELP_FLAG: FlagDef = {
  name: 'help',
  short: 'h',
  type: 'bool',
  usage: 'help for the command',
  hidden: true,
};

/** Levenshtein distance, for "Did you mean this?". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return d[a.length][b.length];
}

function findSub(cmd: CommandSpec, name: string): CommandSpec | undefined {
  return cmd.subcommands?.find((s) => s.name === name || s.aliases?.includes(name));
}

/** Splits off the command path: returns the chain of commands and the remaining arguments. */
function resolveCommand(
  root: CommandSpec,
  argv: readonly string[],
): { chain: CommandSpec[]; rest: string[]; unknown?: string } {
  const chain = [root];
  let rest = [...argv];
  for (;;) {
    const cmd = chain[chain.length - 1];
    if (!cmd.subcommands?.length) break;
    const flags = [...GLOBAL_FLAGS, ...chain.flatMap((c) => c.flags ?? [])];
    let found = -1;
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i];
      if (a === '--') break;
      if (a.startsWith('--')) {
        const name = a.slice(2).split('=')[0];
        const def = flags.find((f) => f.name === name);
        if (def && def.type !== 'bool' && !a.includes('=') && def.noOptDefault === undefined) i++;
        continue;
      }
      if (a.startsWith('-') && a.length > 1) {
        const def = flags.find((f) => f.short === a[1]);
        if (def && def.type !== 'bool' && a.length === 2 && def.noOptDefault === undefined) i++;
        continue;
      }
      found = i;
      break;
    }
    if (found < 0) break;
    const sub = findSub(cmd, rest[found]);
    if (!sub) {
      if (!cmd.run) return { chain, rest, unknown: rest[found] };
      break;
    }
    chain.push(sub);
    rest = [...rest.slice(0, found), ...rest.slice(found + 1)];
  }
  return { chain, rest };
}

/** Runs kubectl with `argv` (without the program name) as process `proc`. */
export function* dispatch(
  root: CommandSpec,
  proc: Process,
  cluster: ClusterAccess,
  argv: readonly string[],
): CommandResult {
  const write = (fd: number, text: string) => proc.write(fd, utf8Encode(text));
  const { chain, rest, unknown } = resolveCommand(root, argv);
  const cmd = chain[chain.length - 1];
  const path = chain.map((c) => c.name).join(' ');
  if (unknown !== undefined && chain.length === 1) {
    const candidates = (cmd.subcommands ?? []).filter(
      (s) => !s.hidden && (distance(unknown, s.name) <= 2 || s.name.startsWith(unknown)),
    );
    let text = `error: unknown command "${unknown}" for "${path}"\n`;
    if (candidates.length)
      text += `\nDid you mean this?\n${candidates.map((c) => `\t${c.name}\n`).join('')}`;
    yield* write(2, text);
    return 1;
  }
  const defs = [...GLOBAL_FLAGS, ...chain.flatMap((c) => c.flags ?? []), HELP_FLAG];
  const parsed = parseFlags(rest, defs);
  if (isFlagError(parsed)) {
    if (parsed.flagError === 'help requested') {
      yield* write(1, renderHelp(chain));
      return 0;
    }
    yield* write(2, `error: ${parsed.flagError}\nSee '${path} --help' for usage.\n`);
    return 1;
  }
  const flags = new Flags(parsed);
  if (flags.bool('help') || (!cmd.run && chain.length === 1)) {
    yield* write(1, renderHelp(chain));
    return 0;
  }
  if (!cmd.run) {
    // cmdutil.DefaultSubCommandRun: a group like `kubectl top` or `kubectl rollout` rejects
    // arguments and otherwise prints its help on stderr, exiting 1.
    if (parsed.args.length > 0) {
      const unknownArgs = parsed.args.join(' ');
      yield* write(
        2,
        `error: unknown command "${unknownArgs}"\nSee '${path} -h' for help and examples\n`,
      );
      return 1;
    }
    yield* write(2, renderHelp(chain));
    return 1;
  }
  const ctx: CommandContext = {
    proc,
    cluster,
    flags,
    args: parsed.args,
    argsLenAtDash: parsed.argsLenAtDash,
    namespace: flags.string('namespace') || 'default',
    namespaceExplicit: flags.changed('namespace'),
    commandPath: path,
    spec: cmd,
    out: (text) => write(1, text),
    err: (text) => write(2, text),
    *fail(message) {
      const text = formatPlainError(message);
      yield* write(2, text.endsWith('\n') ? text : `${text}\n`);
      return 1;
    },
    *usageError(message) {
      yield* write(2, `error: ${message}\nSee '${path} -h' for help and examples\n`);
      return 1;
    },
    *statusError(error) {
      yield* write(2, `${formatStatusError(error)}\n`);
      return 1;
    },
    readFile: (p) => readFileAt(proc, p),
  };
  return yield* cmd.run!(ctx);
}
