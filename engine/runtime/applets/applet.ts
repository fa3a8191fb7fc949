/**
 * The frame every applet runs in: its flavour, its name for messages, stderr helpers, and
 * option parsing that prints the flavour's usage error (busybox's banner and usage, or GNU's
 * "Try '… --help'") by itself.
 */
import type { Block, Process, Program } from '../kernel';
import { COREUTILS_VERSION, progName, type Flavour, type SystemInfo } from './common';
import {
  busyboxUsageText,
  getopt,
  gnuTryHelp,
  isOptionError,
  optionErrorText,
  type BusyboxUsage,
  type OptionSpec,
  ParsedOptions,
} from './getopt';

/** Makes an applet's program for a flavour and the machine facts it reports. */
export type AppletFactory = (flavour: Flavour, sys: SystemInfo) => Program;

/** What an applet declares about itself for parsing and usage. */
export interface AppletInfo {
  /** Canonical name, e.g. 'cat'. */
  name: string;
  /** Options for the busybox flavour. */
  busybox?: OptionSpec;
  /** Options for the GNU flavour (long options included). */
  gnu?: OptionSpec;
  /** Busybox usage text. */
  usage: BusyboxUsage;
  /** GNU synopsis for --help, e.g. `[OPTION]... [FILE]...`. */
  gnuSynopsis?: string;
  /** GNU exit status for usage errors (ls, grep and sort use 2). */
  gnuUsageStatus?: number;
  /** What GNU --version prints after the name, `(GNU coreutils) 9.4` by default. */
  gnuVersion?: string;
  /** The body parses argv itself with `a.parse(args)` (old-style `head -5`, `seq -1 1`). */
  parseInBody?: boolean;
}

/** One running applet: the process, flavour and message helpers. */
export class Applet {
  /** The prefix of diagnostics. */
  readonly name: string;

  constructor(
    readonly proc: Process,
    readonly flavour: Flavour,
    readonly info: AppletInfo,
    /** Machine facts (kernel, boot time, credentials). */
    readonly sys: SystemInfo,
  ) {
    this.name = progName(proc, flavour, info.name);
  }

  /** True for the GNU flavour. */
  get gnu(): boolean {
    return this.flavour === 'gnu';
  }

  /** Writes `name: message` and a newline to stderr. */
  *error(message: string): Generator<Block, void, void> {
    yield* this.proc.err(`${this.name}: ${message}\n`);
  }

  /** Prints the flavour's usage error and returns the exit status to use. */
  *usageError(leading?: string): Generator<Block, number, void> {
    if (this.gnu) {
      if (leading) yield* this.proc.err(`${this.name}: ${leading}\n`);
      yield* this.proc.err(gnuTryHelp(this.proc.argv[0] ?? this.info.name));
      return this.info.gnuUsageStatus ?? 1;
    }
    if (leading) yield* this.proc.err(`${this.name}: ${leading}\n`);
    yield* this.proc.err(busyboxUsageText(this.info.name, this.info.usage));
    return 1;
  }

  /**
   * Parses argv with the flavour's option spec. On a usage error it prints the diagnostic and
   * returns the exit status; `--help` and `--version` (GNU) print and return 0.
   */
  *parse(
    args: readonly string[] = this.proc.argv.slice(1),
    flavourSpec?: OptionSpec,
  ): Generator<Block, ParsedOptions | number, void> {
    const spec = flavourSpec ??
      (this.gnu ? (this.info.gnu ?? this.info.busybox) : this.info.busybox) ?? { short: '' };
    const withHelp: OptionSpec = this.gnu
      ? {
          ...spec,
          long: {
            ...spec.long,
            help: { key: '--help' },
            version: { key: '--version' },
          },
        }
      : spec;
    const parsed = getopt(args, withHelp);
    if (isOptionError(parsed)) {
      const argv0 = this.proc.argv[0] ?? this.info.name;
      yield* this.proc.err(optionErrorText(this.flavour, argv0, parsed));
      return yield* this.usageError();
    }
    if (this.gnu && parsed.has('--help')) {
      const synopsis = this.info.gnuSynopsis ?? this.info.usage.synopsis;
      yield* this.proc.out(
        `Usage: ${this.proc.argv[0] ?? this.info.name} ${synopsis}\n` +
          helpBody(this.info.usage.help),
      );
      return 0;
    }
    if (this.gnu && parsed.has('--version')) {
      const version = this.info.gnuVersion ?? `(GNU coreutils) ${COREUTILS_VERSION}`;
      yield* this.proc.out(`${this.info.name} ${version}\n`);
      return 0;
    }
    return parsed;
  }
}

/** Re-indents busybox-style help (tab-separated) for GNU's --help. */
function helpBody(help: string): string {
  return (
    help
      .split('\n')
      .map((l) => (l.startsWith('\t') ? `  ${l.slice(1).replace('\t', '  ')}` : l))
      .join('\n') + '\n'
  );
}

/**
 * Defines an applet: `body` receives the frame and the parsed options (already checked).
 * Nothing a body throws escapes: the kernel turns it into an exit status.
 */
export function defineApplet(
  info: AppletInfo,
  body: (a: Applet, opts: ParsedOptions) => Generator<Block, number, void>,
): AppletFactory {
  return (flavour, sys) =>
    function* (proc) {
      const a = new Applet(proc, flavour, info, sys);
      const opts = info.parseInBody ? new ParsedOptions([], []) : yield* a.parse();
      if (typeof opts === 'number') return opts;
      return yield* body(a, opts);
    };
}
