/**
 * Differential-test helpers (Node only): run the host's busybox or GNU tools on the same files
 * and inputs as a simulated case, so recorded expectations can be checked against the real
 * programs when they are installed. Tests using them skip cleanly when the binary is missing.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  lutimesSync,
  mkdtempSync,
  mkdirSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Whether a host binary runs. */
export function hasBinary(name: string, args: string[] = ['--help']): boolean {
  const r = spawnSync(name, args, { encoding: 'latin1' });
  return !r.error;
}

/** Busybox on this machine (Debian's 1.35 in the dev container). */
export const hasBusybox = hasBinary('busybox', []);

/** What a host run printed. */
export interface HostResult {
  stdout: string;
  stderr: string;
  status: number | null;
}

/** Runs `argv` on the host in a temporary directory holding `files` (mtimes set to `mtime`). */
export function runOnHost(
  argv: string[],
  options: {
    files?: Record<string, string>;
    dirs?: string[];
    symlinks?: Record<string, string>;
    modes?: Record<string, number>;
    stdin?: string;
    env?: Record<string, string>;
    mtime?: number;
  } = {},
): HostResult {
  const root = mkdtempSync(join(tmpdir(), 'podlab-oracle-'));
  // The case's working directory, so that `..` is ours too.
  const dir = join(root, 'work');
  mkdirSync(dir);
  try {
    for (const [name, data] of Object.entries(options.files ?? {})) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, Buffer.from(data, 'latin1'));
    }
    for (const d of options.dirs ?? []) mkdirSync(join(dir, d), { recursive: true });
    for (const [path, target] of Object.entries(options.symlinks ?? {}))
      symlinkSync(target, join(dir, path));
    for (const [path, mode] of Object.entries(options.modes ?? {}))
      chmodSync(join(dir, path), mode);
    if (options.mtime !== undefined) setTreeTimes(dir, options.mtime / 1000);
    const r = spawnSync(argv[0], argv.slice(1), {
      cwd: dir,
      input: options.stdin !== undefined ? Buffer.from(options.stdin, 'latin1') : '',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', TZ: 'UTC', ...options.env },
      encoding: 'latin1',
      timeout: 20_000,
    });
    return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Sets every mtime in a tree, children before their directory. */
function setTreeTimes(path: string, seconds: number): void {
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) setTreeTimes(child, seconds);
    else if (entry.isSymbolicLink()) lutimesSync(child, seconds, seconds);
    else utimesSync(child, seconds, seconds);
  }
  utimesSync(path, seconds, seconds);
}

/**
 * Turns Debian busybox output into what alpine's busybox prints: the banner line, and glibc's
 * getopt wording into musl's.
 */
export function toAlpineBusybox(text: string): string {
  return text
    .replace(/^BusyBox v[^\n]*multi-call binary\.$/m, '@BANNER@')
    .replace(/^(\S+): invalid option -- '(.)'$/m, '$1: unrecognized option: $2');
}
