/**
 * Command-line flags with spf13/pflag's semantics and messages, as kubectl parses them: `--f=v`,
 * `--f v`, bool `--f` / `--f=false`, shorthands `-n v`, `-nv`, `-n=v`, combined bool shorthands
 * `-ti`, `--` ending flag parsing (its position is kept, as cobra's ArgsLenAtDash), and flags
 * anywhere among the arguments.
 */

/** Flag value types kubectl uses. */
export type FlagType =
  'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice' | 'duration' | 'stringToString';

/** One flag definition. */
export interface FlagDef {
  name: string;
  short?: string;
  type: FlagType;
  /** Default value (shown in help as `--name=default:`). */
  default?: string | number | boolean | string[];
  /** Value used when the flag is given without `=value` (pflag NoOptDefVal). */
  noOptDefault?: string;
  usage: string;
  /** Kept out of help output. */
  hidden?: boolean;
}

/** Parsed flag values. */
export type FlagValue = string | number | boolean | string[] | Record<string, string>;

/** The result of parsing. */
export interface ParsedFlags {
  values: Map<string, FlagValue>;
  /** Flags the user actually set (cobra's Changed). */
  changed: Set<string>;
  /** Positional arguments, in order. */
  args: string[];
  /** Number of positional arguments before `--`, or -1 when there was no `--`. */
  argsLenAtDash: number;
}

/** A parse failure, worded as pflag reports it. */
export interface FlagError {
  flagError: string;
}

/** Whether a parse result is an error. */
export function isFlagError(x: ParsedFlags | FlagError): x is FlagError {
  return (x as FlagError).flagError !== undefined;
}

function flagTitle(def: FlagDef): string {
  return def.short ? `-${def.short}, --${def.name}` : `--${def.name}`;
}

/** Go's strconv.ParseBool. */
export function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** Go's strconv.ParseInt(s, 0, 64) (decimal, 0x, 0o, 0b, leading 0 octal, underscores). */
export function parseGoInt(s: string): number | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(s);
  if (!m) return undefined;
  const body = m[2].replace(/_/g, '');
  let n: number;
  if (/^0[xX]/.test(body)) n = parseInt(body.slice(2), 16);
  else if (/^0[oO]/.test(body)) n = parseInt(body.slice(2), 8);
  else if (/^0[bB]/.test(body)) n = parseInt(body.slice(2), 2);
  else if (body.length > 1 && body.startsWith('0')) n = parseInt(body.slice(1), 8);
  else n = parseInt(body, 10);
  return m[1] === '-' ? -n : n;
}

/** Go's time.ParseDuration, in milliseconds. */
export function parseGoDuration(s: string): number | undefined {
  if (s === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  const units: Record<string, number> = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
  };
  let rest = s;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '') return undefined;
  let total = 0;
  let at = 0;
  while (at < rest.length) {
    re.lastIndex = at;
    const m = re.exec(rest);
    if (!m) return undefined;
    total += parseFloat(m[1]) * units[m[2]];
    at = re.lastIndex;
  }
  return sign * total;
}

/** Splits a stringSlice value as encoding/csv reads one record. */
function parseCsv(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur === '') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function convert(
  def: FlagDef,
  raw: string,
  previous: FlagValue | undefined,
  changed: boolean,
): FlagValue | FlagError {
  const bad = (detail: string): FlagError => ({
    flagError: `invalid argument "${raw}" for "${flagTitle(def)}" flag: ${detail}`,
  });
  switch (def.type) {
    case 'bool': {
      const b = parseGoBool(raw);
      return b === undefined ? bad(`strconv.ParseBool: parsing "${raw}": invalid syntax`) : b;
    }
    case 'int': {
      const n = parseGoInt(raw);
      return n === undefined ? bad(`strconv.ParseInt: parsing "${raw}": invalid syntax`) : n;
    }
    case 'duration': {
      const d = parseGoDuration(raw);
      return d === undefined ? bad(`time: invalid duration "${raw}"`) : d;
    }
    case 'stringArray':
      return [...(changed && Array.isArray(previous) ? previous : []), raw];
    case 'stringSlice':
      return [
        ...(changed && Array.isArray(previous) ? previous : []),
        ...(raw === '' ? [] : parseCsv(raw)),
      ];
    case 'stringToString': {
      const out: Record<string, string> =
        changed && previous && typeof previous === 'object' && !Array.isArray(previous)
          ? { ...previous }
          : {};
      for (const pair of raw === '' ? [] : parseCsv(raw)) {
        const eq = pair.indexOf('=');
        if (eq < 0) return bad(`${pair} must be formatted as key=value`);
        out[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
      return out;
    }
    default:
      return raw;
  }
}

function defaultValue(def: FlagDef): FlagValue {
  if (def.default !== undefined) return Array.isArray(def.default) ? [...def.default] : def.default;
  switch (def.type) {
    case 'bool':
      return false;
    case 'int':
    case 'duration':
      return 0;
    case 'stringArray':
    case 'stringSlice':
      return [];
    case 'stringToString':
      return {};
    default:
      return '';
  }
}

/** Parses `argv` against `defs`. */
export function parseFlags(
  argv: readonly string[],
  defs: readonly FlagDef[],
): ParsedFlags | FlagError {
  const byName = new Map(defs.map((d) => [d.name, d]));
  const byShort = new Map(defs.filter((d) => d.short).map((d) => [d.short!, d]));
  const values = new Map<string, FlagValue>(defs.map((d) => [d.name, defaultValue(d)]));
  const changed = new Set<string>();
  const args: string[] = [];
  let argsLenAtDash = -1;
  const set = (def: FlagDef, raw: string): FlagError | undefined => {
    const v = convert(def, raw, values.get(def.name), changed.has(def.name));
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && 'flagError' in v)
      return v as FlagError;
    values.set(def.name, v as FlagValue);
    changed.add(def.name);
    return undefined;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      argsLenAtDash = args.length;
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const body = a.slice(2);
      if (body.startsWith('-') || body.startsWith('='))
        return { flagError: `bad flag syntax: ${a}` };
      const eq = body.indexOf('=');
      const name = eq < 0 ? body : body.slice(0, eq);
      const def = byName.get(name);
      if (!def) return { flagError: `unknown flag: --${name}` };
      let raw: string;
      if (eq >= 0) raw = body.slice(eq + 1);
      else if (def.type === 'bool') raw = 'true';
      else if (def.noOptDefault !== undefined) raw = def.noOptDefault;
      else if (i + 1 < argv.length) raw = argv[++i];
      else return { flagError: `flag needs an argument: --${name}` };
      const e = set(def, raw);
      if (e) return e;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      const shorts = a.slice(1);
      for (let j = 0; j < shorts.length; j++) {
        const c = shorts[j];
        const def = byShort.get(c);
        if (!def) {
          if (c === 'h') return { flagError: 'help requested' };
          return { flagError: `unknown shorthand flag: '${c}' in -${shorts}` };
        }
        const rest = shorts.slice(j + 1);
        let raw: string;
        if (rest.startsWith('=')) {
          raw = rest.slice(1);
        } else if (def.type === 'bool') {
          raw = 'true';
          const e = set(def, raw);
          if (e) return e;
          continue;
        } else if (rest.length > 0) {
          raw = rest;
        } else if (def.noOptDefault !== undefined) {
          raw = def.noOptDefault;
        } else if (i + 1 < argv.length) {
          raw = argv[++i];
        } else {
          return { flagError: `flag needs an argument: '${c}' in -${shorts}` };
        }
        const e = set(def, raw);
        if (e) return e;
        break;
      }
      continue;
    }
    args.push(a);
  }
  return { values, changed, args, argsLenAtDash };
}

/** Typed accessors over parsed flags. */
export class Flags {
  constructor(readonly parsed: ParsedFlags) {}

  string(name: string): string {
    const v = this.parsed.values.get(name);
    return typeof v === 'string' ? v : v === undefined ? '' : String(v);
  }

  bool(name: string): boolean {
    return this.parsed.values.get(name) === true;
  }

  int(name: string): number {
    const v = this.parsed.values.get(name);
    return typeof v === 'number' ? v : 0;
  }

  strings(name: string): string[] {
    const v = this.parsed.values.get(name);
    return Array.isArray(v) ? v : [];
  }

  map(name: string): Record<string, string> {
    const v = this.parsed.values.get(name);
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
  }

  /** Whether the user set the flag. */
  changed(name: string): boolean {
    return this.parsed.changed.has(name);
  }
}
