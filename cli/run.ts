/**
 * `podlab run SCRIPT [--seed N] [--start ISO-8601] [--cluster FILE] [--echo]`: runs the script's
 * lines in the workstation shell of a fresh simulated cluster and prints the terminal transcript.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createSimulation } from '../engine/simulation';
import { parseClusterFile } from '../engine/cluster/cluster-file';
import { DEFAULT_CLUSTER, type ClusterSpec } from '../engine/cluster/topology';
import { createWorkstation } from '../engine/shell/workstation';
import { runScript, type ScriptResult } from '../engine/shell/script-runner';
import { parseRFC3339 } from '../engine/time/instant';

/** The defaults of PRODUCT.md §6. */
export const DEFAULT_SEED = 1;
export const DEFAULT_START = '2025-01-15T10:00:00Z';

/** Options shared by `run` and the interactive shell. */
export interface SessionOptions {
  seed: number;
  start: number;
  cluster: ClusterSpec;
  echo: boolean;
}

/** A usage problem: one line for stderr, exit status 2. */
export class UsageError extends Error {}

/** Parses the options of `run` (and of the interactive shell); returns them and the positional args. */
export function parseSessionArgs(args: string[]): {
  options: SessionOptions;
  positional: string[];
} {
  const options: SessionOptions = {
    seed: DEFAULT_SEED,
    start: parseRFC3339(DEFAULT_START)!,
    cluster: DEFAULT_CLUSTER,
    echo: false,
  };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= args.length) throw new UsageError(`option ${flag} needs a value`);
      return args[++i];
    };
    switch (flag) {
      case '--seed': {
        const v = value();
        if (!/^-?\d+$/.test(v)) throw new UsageError(`--seed must be an integer, not "${v}"`);
        options.seed = Number(v);
        break;
      }
      case '--start': {
        const v = value();
        const t = parseRFC3339(v);
        if (t === undefined)
          throw new UsageError(
            `--start must be an ISO-8601 time such as ${DEFAULT_START}, not "${v}"`,
          );
        options.start = t;
        break;
      }
      case '--cluster': {
        const path = value();
        let text: string;
        try {
          text = readFileSync(path, 'utf8');
        } catch (e) {
          throw new UsageError(
            `cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
          );
        }
        const spec = parseClusterFile(text);
        if ('error' in spec) throw new UsageError(`${path}: ${spec.error}`);
        options.cluster = spec;
        break;
      }
      case '--echo':
        if (inline !== undefined) throw new UsageError('--echo takes no value');
        options.echo = true;
        break;
      default:
        if (a.startsWith('-') && a !== '-')
          throw new UsageError(`unknown option "${a}"; see 'podlab --help'`);
        positional.push(a);
    }
  }
  return { options, positional };
}

const SKIP = new Set(['node_modules', '.git']);
const MAX_BYTES = 32 * 1024 * 1024;

/** The files of a folder (recursively, skipping node_modules and .git), by absolute path. */
export function folderFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  let total = 0;
  const walk = (d: string, depth: number) => {
    if (depth > 6) return;
    for (const name of readdirSync(d).sort()) {
      if (SKIP.has(name)) continue;
      const path = join(d, name);
      const st = statSync(path, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) walk(path, depth + 1);
      else if (st.isFile() && st.size <= 4 * 1024 * 1024 && total + st.size <= MAX_BYTES) {
        total += st.size;
        files[path] = readFileSync(path, 'utf8');
      }
    }
  };
  walk(dir, 0);
  return files;
}

/** Runs `podlab run`; returns the exit status. */
export function runCommand(args: string[]): number {
  const { options, positional } = parseSessionArgs(args);
  if (positional.length === 0) throw new UsageError("run needs a SCRIPT; see 'podlab --help'");
  if (positional.length > 1) throw new UsageError(`run takes one SCRIPT, got ${positional.length}`);
  const scriptPath = resolve(positional[0]);
  let script: string;
  try {
    script = readFileSync(scriptPath, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      `cannot read ${positional[0]}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`,
    );
  }
  // Stream the transcript as the script runs: a long script (or one ending in `watch`) shows
  // its progress instead of printing everything at the end.
  const result = runScriptText(scriptPath, script, options, (bytes) =>
    process.stdout.write(Buffer.from(bytes, 'latin1')),
  );
  return result.status;
}

/**
 * The body of `podlab run` once SCRIPT is read: a fresh cluster, the script's folder as the
 * working directory. The golden transcripts (cli/golden/) run through here too.
 */
export function runScriptText(
  scriptPath: string,
  script: string,
  options: SessionOptions,
  onOutput?: (bytes: string) => void,
): ScriptResult {
  const folder = dirname(scriptPath);
  const sim = createSimulation({
    seed: options.seed,
    start: options.start,
    cluster: options.cluster,
  });
  const ws = createWorkstation(sim, { files: folderFiles(folder) });
  return runScript(sim, ws, script, { echo: options.echo, cwd: folder, onOutput });
}
