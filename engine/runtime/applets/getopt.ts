/**
 * Command-line option parsing as the two C libraries do it: short option clusters (`-lah`),
 * attached or separate arguments (`-n5`, `-n 5`), `--` to end options, GNU long options with
 * unambiguous prefixes (`--lines=5`), and argument permutation (options after operands), which
 * both glibc's and musl's getopt_long perform unless the applet asks to stop at the first operand.
 */
import { BUSYBOX_BANNER, type Flavour } from './common';

/** How a long option takes its argument. */
export type LongArg = 'none' | 'required' | 'optional';

/** The options a program accepts. */
export interface OptionSpec {
  /** getopt-style letters; a letter followed by ':' takes an argument. */
  short: string;
  /** Long options (GNU and a few busybox ones): name → key it sets and whether it takes a value. */
  long?: Readonly<Record<string, { key: string; arg?: LongArg }>>;
  /** Stop at the first operand (getopt's leading '+'), as `env` and `nc -e` need. */
  stopAtOperand?: boolean;
  /** The program parses no options at all: every argument is an operand (busybox yes, true). */
  none?: boolean;
}

/** One parsed option occurrence. */
export interface OptionHit {
  key: string;
  value?: string;
}

/** A successful parse. */
export class ParsedOptions {
  constructor(
    /** Options in command-line order. */
    readonly list: readonly OptionHit[],
    /** Non-option arguments, in order. */
    readonly operands: string[],
  ) {}

  /** Whether `key` was given. */
  has(key: string): boolean {
    return this.list.some((o) => o.key === key);
  }

  /** How many times `key` was given (`-vv`). */
  count(key: string): number {
    return this.list.filter((o) => o.key === key).length;
  }

  /** The last value given for `key`. */
  value(key: string): string | undefined {
    for (let i = this.list.length - 1; i >= 0; i--)
      if (this.list[i].key === key) return this.list[i].value;
    return undefined;
  }

  /** Every value given for `key`, in order. */
  values(key: string): string[] {
    return this.list.filter((o) => o.key === key).map((o) => o.value ?? '');
  }
}

/** Why parsing failed. */
export interface OptionError {
  kind: 'unknown' | 'missing' | 'ambiguous' | 'unexpected-arg';
  /** The option letter, or the long option name without dashes. */
  option: string;
  long: boolean;
  /** For ambiguous long options: the candidates. */
  candidates?: string[];
}

/** Parses `args` (argv without argv[0]) against `spec`. */
export function getopt(args: readonly string[], spec: OptionSpec): ParsedOptions | OptionError {
  if (spec.none) return new ParsedOptions([], [...args]);
  // 'x' takes no argument, 'x:' requires one, 'x::' takes an optional attached one.
  const takesArg = new Map<string, false | 'required' | 'optional'>();
  for (let i = 0; i < spec.short.length; i++) {
    const c = spec.short[i];
    if (c === ':') continue;
    const mode =
      spec.short[i + 1] !== ':' ? false : spec.short[i + 2] === ':' ? 'optional' : 'required';
    takesArg.set(c, mode);
  }
  const list: OptionHit[] = [];
  const operands: string[] = [];
  let i = 0;
  while (i < args.length) {
    const arg = args[i];
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') && spec.long) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      const found = findLong(spec.long, name);
      if (typeof found !== 'string') return { ...found, option: name, long: true };
      const def = spec.long[found];
      const mode = def.arg ?? 'none';
      if (eq >= 0) {
        if (mode === 'none') return { kind: 'unexpected-arg', option: found, long: true };
        list.push({ key: def.key, value: arg.slice(eq + 1) });
      } else if (mode === 'required') {
        if (i + 1 >= args.length) return { kind: 'missing', option: found, long: true };
        list.push({ key: def.key, value: args[++i] });
      } else {
        list.push({ key: def.key });
      }
      i++;
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j];
        const needs = takesArg.get(c);
        if (needs === undefined) return { kind: 'unknown', option: c, long: false };
        if (!needs) {
          list.push({ key: c });
          continue;
        }
        if (j + 1 < arg.length) {
          list.push({ key: c, value: arg.slice(j + 1) });
        } else if (needs === 'optional') {
          list.push({ key: c });
        } else {
          if (i + 1 >= args.length) return { kind: 'missing', option: c, long: false };
          list.push({ key: c, value: args[++i] });
        }
        break;
      }
      i++;
      continue;
    }
    if (spec.stopAtOperand) {
      operands.push(...args.slice(i));
      break;
    }
    operands.push(arg);
    i++;
  }
  return new ParsedOptions(list, operands);
}

function findLong(
  long: Readonly<Record<string, { key: string; arg?: LongArg }>>,
  name: string,
): string | Omit<OptionError, 'option' | 'long'> {
  if (name in long) return name;
  const candidates = Object.keys(long).filter((n) => n.startsWith(name));
  if (candidates.length === 1) return candidates[0];
  // Prefixes naming options that all mean the same thing are not ambiguous (getopt_long).
  const keys = new Set(candidates.map((c) => long[c].key));
  if (candidates.length > 1 && keys.size === 1) return candidates[0];
  if (candidates.length === 0) return { kind: 'unknown' };
  return { kind: 'ambiguous', candidates };
}

/** Whether a parse result is an error. */
export function isOptionError(r: ParsedOptions | OptionError): r is OptionError {
  return !(r instanceof ParsedOptions);
}

/**
 * The diagnostic a C library's getopt prints for `error`, prefixed with `argv0` as given.
 * musl (alpine's busybox) and glibc (GNU coreutils) word these differently.
 */
export function optionErrorText(flavour: Flavour, argv0: string, error: OptionError): string {
  const name = error.long ? `--${error.option}` : error.option;
  if (flavour === 'busybox') {
    // musl src/misc/getopt.c and getopt_long.c
    if (error.kind === 'missing')
      return `${argv0}: option requires an argument: ${error.long ? error.option : name}\n`;
    if (error.kind === 'ambiguous') return `${argv0}: option is ambiguous: ${error.option}\n`;
    if (error.kind === 'unexpected-arg')
      return `${argv0}: option does not take an argument: ${error.option}\n`;
    return `${argv0}: unrecognized option: ${error.long ? error.option : name}\n`;
  }
  // glibc posix/getopt.c
  switch (error.kind) {
    case 'missing':
      return error.long
        ? `${argv0}: option '${name}' requires an argument\n`
        : `${argv0}: option requires an argument -- '${name}'\n`;
    case 'ambiguous':
      return `${argv0}: option '${name}' is ambiguous; possibilities:${(error.candidates ?? []).map((c) => ` '--${c}'`).join('')}\n`;
    case 'unexpected-arg':
      return `${argv0}: option '${name}' doesn't allow an argument\n`;
    default:
      return error.long
        ? `${argv0}: unrecognized option '${name}'\n`
        : `${argv0}: invalid option -- '${name}'\n`;
  }
}

/** A busybox applet's usage text: the synopsis line and its option list (our own wording). */
export interface BusyboxUsage {
  /** What follows the applet name on the `Usage:` line, e.g. `[-n] [FILE]...`. */
  synopsis: string;
  /** Description and option lines, already laid out with tabs. */
  help: string;
}

/** What busybox prints on stderr for a usage error (bb_show_usage), ending with the help text. */
export function busyboxUsageText(applet: string, usage: BusyboxUsage): string {
  return `${BUSYBOX_BANNER}\n\nUsage: ${applet} ${usage.synopsis}\n\n${usage.help}\n`;
}

/** GNU's pointer to --help after a usage error. */
export function gnuTryHelp(argv0: string): string {
  return `Try '${argv0} --help' for more information.\n`;
}
