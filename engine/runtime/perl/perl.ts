/**
 * A `perl` that runs the one-liners the lessons use: `perl -Mbignum=bpi -wle 'print bpi(N)'`
 * (and `-MMath::BigFloat -le 'print Math::BigFloat->bpi(N)'`), `print` of string and number
 * literals, and the official image's default command `perl -de0` (the debugger, which exits at
 * the end of its input). Anything else is refused with one clear line and perl's die status 255.
 *
 * Perl 5.36's Math::BigInt::Calc fails inside bpi for more than 1000 digits; the `perl5.36`
 * variant reproduces that failure (the "unpinned perl image" trap of the Kubernetes docs).
 */
import type { Block, Process, Program } from '../kernel';
import { bpi } from './bigpi';

/** How a perl installation behaves. */
export interface PerlVersion {
  /** e.g. '5.34.0'. */
  version: string;
  /** perl5db.pl's version line for `perl -de0`. */
  debuggerVersion: string;
  /** Math::BigFloat bpi dies above 1000 digits (perl 5.36's bundled Math::BigInt). */
  brokenBpiAbove1000: boolean;
}

/** The perl of `perl:5.34.0` (the version the Kubernetes Job example pins). */
export const PERL_5_34: PerlVersion = {
  version: '5.34.0',
  debuggerVersion: '1.60',
  brokenBpiAbove1000: false,
};
/** The perl of `perl:5.36.x`, whose bpi(2000) dies. */
export const PERL_5_36: PerlVersion = {
  version: '5.36.0',
  debuggerVersion: '1.73',
  brokenBpiAbove1000: true,
};
/** The perl of `perl:5.40` / `latest`. */
// @simplified: whether Math::BigInt in 5.38+ still fails is not verified here; Podlab treats
// 5.40 as working and offers the 5.36 behaviour as the "unpinned image fails" variant.
export const PERL_5_40: PerlVersion = {
  version: '5.40.0',
  debuggerVersion: '1.80',
  brokenBpiAbove1000: false,
};

interface Invocation {
  warnings: boolean;
  autoNewline: boolean;
  code: string[];
  modules: Array<{ name: string; imports: string[] }>;
  debugger: boolean;
  versionFlag: boolean;
}

function parseArgs(argv: readonly string[]): Invocation | string {
  const inv: Invocation = {
    warnings: false,
    autoNewline: false,
    code: [],
    modules: [],
    debugger: false,
    versionFlag: false,
  };
  let i = 1;
  while (i < argv.length) {
    const arg = argv[i];
    // `--` and the first non-option end the switches (a script file name would follow).
    if (arg === '--' || !arg.startsWith('-') || arg === '-') break;
    i++;
    let j = 1;
    while (j < arg.length) {
      const c = arg[j++];
      if (c === 'w' || c === 'W') inv.warnings = true;
      else if (c === 'l') inv.autoNewline = true;
      else if (c === 'v') inv.versionFlag = true;
      else if (c === 'd') inv.debugger = true;
      else if (c === 'e' || c === 'E') {
        const rest = arg.slice(j);
        if (rest) inv.code.push(rest);
        else if (i < argv.length) inv.code.push(argv[i++]);
        else return 'No code specified for -e.';
        break;
      } else if (c === 'M' || c === 'm') {
        const spec = arg.slice(j) || argv[i++] || '';
        const [name, imports] = spec.split('=');
        inv.modules.push({ name, imports: imports ? imports.split(',') : [] });
        break;
      } else if (c === 'I') {
        if (j >= arg.length) i++;
        break;
      } else return `Unrecognized switch: -${c}${arg.slice(j)}  (-h will show valid options).`;
    }
  }
  if (inv.code.length === 0 && !inv.versionFlag) return 'PROGRAM';
  return inv;
}

type Value = { kind: 'text'; text: string } | { kind: 'die'; message: string };

/** Evaluates one print argument. */
function evaluate(expr: string, inv: Invocation, version: PerlVersion): Value | undefined {
  const e = expr.trim();
  let m = /^"((?:[^"\\]|\\.)*)"$/.exec(e);
  if (m) {
    const map: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      '\\': '\\',
      '"': '"',
      $: '$',
      '@': '@',
      '0': '\0',
      e: '\x1b',
      a: '\x07',
    };
    if (/[$@][A-Za-z_{]/.test(m[1].replace(/\\./g, ''))) return undefined;
    return { kind: 'text', text: m[1].replace(/\\(.)/g, (_, c: string) => map[c] ?? c) };
  }
  m = /^'((?:[^'\\]|\\.)*)'$/.exec(e);
  if (m) return { kind: 'text', text: m[1].replace(/\\(['\\])/g, '$1') };
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(e)) {
    // Perl prints numbers with %.15g.
    return { kind: 'text', text: String(Number(Number(e).toPrecision(15))) };
  }
  const usesBignum = inv.modules.some((mod) => mod.name === 'bignum' || mod.name === 'bigfloat');
  const bpiImported = inv.modules.some(
    (mod) => (mod.name === 'bignum' || mod.name === 'bigfloat') && mod.imports.includes('bpi'),
  );
  const floatLoaded = usesBignum || inv.modules.some((mod) => mod.name === 'Math::BigFloat');
  m = /^(?:(Math::BigFloat)\s*->\s*)?bpi\s*\(\s*(\d*)\s*\)$/.exec(e);
  if (m) {
    if (m[1] ? !floatLoaded : !bpiImported) {
      if (m[1])
        return {
          kind: 'die',
          message:
            'Can\'t locate object method "bpi" via package "Math::BigFloat" (perhaps you forgot to load "Math::BigFloat"?) at -e line 1.',
        };
      return { kind: 'die', message: 'Undefined subroutine &main::bpi called at -e line 1.' };
    }
    if (m[2] === '' && !m[1])
      return {
        kind: 'die',
        message:
          'Not enough arguments for bignum::bpi at -e line 1, near "()"\nExecution of -e aborted due to compilation errors.',
      };
    const n = m[2] === '' || Number(m[2]) === 0 ? 40 : Number(m[2]);
    if (version.brokenBpiAbove1000 && n > 1000) {
      return {
        kind: 'die',
        message: `Can't use an undefined value as an ARRAY reference at /usr/local/lib/perl5/${version.version}/Math/BigInt/Calc.pm line 1049.`,
      };
    }
    return { kind: 'text', text: bpi(n) };
  }
  return undefined;
}

/** Splits `a, "b, c", d` on top-level commas. */
function splitList(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Runs the program text: `print LIST;` statements only. Returns output, or an error line. */
function run(
  code: string,
  inv: Invocation,
  version: PerlVersion,
): { out: string; die?: string } | undefined {
  let out = '';
  const statements = code
    .split(/;\s*(?=(?:[^"']|"[^"]*"|'[^']*')*$)/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (statements.length === 0) return { out };
  for (const stmt of statements) {
    const m = /^print\s*(?:\((.*)\)|(.*))$/s.exec(stmt);
    if (!m) return undefined;
    const list = (m[1] ?? m[2] ?? '').trim();
    let line = '';
    for (const item of list ? splitList(list) : []) {
      const v = evaluate(item, inv, version);
      if (!v) return undefined;
      if (v.kind === 'die') return { out, die: v.message };
      line += v.text;
    }
    out += line + (inv.autoNewline ? '\n' : '');
  }
  return { out };
}

const UNSUPPORTED =
  "Podlab's perl only runs `perl -Mbignum=bpi -wle 'print bpi(N)'` and print of literals.\n";

function* debuggerSession(proc: Process, version: PerlVersion): Generator<Block, number, void> {
  yield* proc.out(
    `\nLoading DB routines from perl5db.pl version ${version.debuggerVersion}\nEditor support available.\n\n` +
      "Enter h or 'h h' for help, or 'man perldebug' for more help.\n\nmain::(-e:1):\t0\n",
  );
  for (let n = 1; ; n++) {
    yield* proc.out(`  DB<${n}> `);
    const line = yield* proc.readLine(0);
    if (line === null || line === undefined || line.trim() === 'q') return 0;
    // @simplified: no debugger commands; each line is acknowledged as unsupported.
    yield* proc.out("Podlab's perl debugger only understands q.\n");
  }
}

/** Makes the perl program of a given version. */
export function createPerl(version: PerlVersion): Program {
  return function* (proc) {
    const inv = parseArgs(proc.argv);
    if (typeof inv === 'string') {
      yield* proc.err(inv === 'PROGRAM' ? UNSUPPORTED : `${inv}\n`);
      return inv === 'PROGRAM' ? 255 : 25;
    }
    if (inv.versionFlag && inv.code.length === 0) {
      const [, minor, patch] = version.version.split('.');
      yield* proc.out(
        `\nThis is perl 5, version ${minor}, subversion ${patch} (v${version.version}) built for x86_64-linux-gnu\n`,
      );
      return 0;
    }
    if (inv.debugger && inv.code.join('\n').trim() === '0')
      return yield* debuggerSession(proc, version);
    const result = run(inv.code.join('\n'), inv, version);
    if (!result) {
      yield* proc.err(UNSUPPORTED);
      return 255;
    }
    if (result.out) yield* proc.out(result.out);
    if (result.die !== undefined) {
      yield* proc.err(`${result.die}\n`);
      return 255;
    }
    return 0;
  };
}
