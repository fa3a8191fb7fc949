/**
 * Table-driven applet tests: each case runs in the simulation and must match its recorded
 * output; when the host has the real program (busybox, or GNU coreutils for the GNU flavour),
 * the same case also runs there and must match the same record. Help texts are our own words,
 * so usage errors are compared by their first line only (`stderrStart`).
 */
import { describe, expect, it } from 'vitest';
import type { Program } from '../kernel';
import { BUSYBOX_BANNER, defaultSystemInfo, type Flavour } from './common';
import type { AppletFactory } from './applet';
import { createTestMachine } from './testkit';
import type { Vfs } from '../fs';
import { hasBinary, hasBusybox, runOnHost, toAlpineBusybox } from './host.oracle';

/** One recorded case. */
export interface AppletCase {
  /** Arguments after the applet name. */
  args: string[];
  /** Files relative to the working directory. */
  files?: Record<string, string>;
  /** Empty directories to create. */
  dirs?: string[];
  /** Symbolic links: path → target. */
  symlinks?: Record<string, string>;
  /** Permission bits for some paths. */
  modes?: Record<string, number>;
  /** Modification time of everything created (default: the machine's start). */
  mtime?: number;
  /** Make stdout a terminal of this many columns. */
  tty?: number;
  stdin?: string;
  env?: Record<string, string>;
  stdout: string;
  /** Exact stderr, when it matters. */
  stderr?: string;
  /** A prefix of stderr (for usage errors, whose help text is ours). */
  stderrStart?: string;
  status?: number;
  /** False when the host cannot reproduce the case (e.g. alpine-only behaviour). */
  oracle?: boolean;
}

/** The simulated machine's start: 2024-01-22 10:01:00 UTC, also the files' mtime on the host. */
export const CASE_START = Date.UTC(2024, 0, 22, 10, 1, 0);

/** Runs a case in the simulation. */
export function runCase(program: Program, name: string, c: AppletCase) {
  const m = createTestMachine({ start: CASE_START });
  m.fs.mkdir('/work', { parents: true });
  // The accounts every image has, so that owners show as names.
  const files: Record<string, string> = {
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\n',
    '/etc/group': 'root:x:0:root\n',
  };
  for (const [path, data] of Object.entries(c.files ?? {})) files[`/work/${path}`] = data;
  m.write(files);
  for (const d of c.dirs ?? []) m.fs.mkdir(`/work/${d}`, { parents: true });
  for (const [path, target] of Object.entries(c.symlinks ?? {}))
    m.fs.symlink(target, `/work/${path}`);
  for (const [path, mode] of Object.entries(c.modes ?? {})) m.fs.chmod(`/work/${path}`, mode);
  if (c.mtime !== undefined) setMtimes(m.fs, '/work', c.mtime);
  return m.run(program, [name, ...c.args], {
    cwd: '/work',
    stdin: c.stdin,
    env: { PATH: '/usr/bin:/bin', ...c.env },
    tty: c.tty ? { columns: c.tty } : undefined,
  });
}

/** Sets the mtime of a tree (without following symlinks). */
function setMtimes(fs: Vfs, path: string, mtime: number): void {
  const node = fs.lookup(path, false);
  if (!node.ok) return;
  node.value.mtime = mtime;
  if (node.value.type === 'dir')
    for (const [name] of node.value.entries) setMtimes(fs, `${path}/${name}`, mtime);
}

function check(
  actual: { stdout: string; stderr: string; status: number | null | undefined },
  c: AppletCase,
) {
  expect(actual.stdout).toBe(c.stdout);
  if (c.stderr !== undefined) expect(actual.stderr).toBe(c.stderr);
  if (c.stderrStart !== undefined) expect(actual.stderr.startsWith(c.stderrStart)).toBe(true);
  expect(actual.status).toBe(c.status ?? 0);
}

/** Declares the tests of an applet's cases for one flavour. */
export function appletCases(
  flavour: Flavour,
  name: string,
  factory: AppletFactory,
  cases: AppletCase[],
  hostCommand: string[] = flavour === 'busybox' ? ['busybox', name] : [name],
): void {
  const program = factory(flavour, defaultSystemInfo());
  const hostAvailable =
    flavour === 'busybox' ? hasBusybox : hasBinary(hostCommand[0], ['--version']);
  describe(`${flavour} ${name}`, () => {
    it.each(cases)('$args', (c) => {
      const r = runCase(program, name, c);
      check({ ...r, stderr: r.stderr.split(BUSYBOX_BANNER).join('@BANNER@') }, c);
    });
    // A terminal cannot be given to the host program; those cases are recorded only.
    const oracleCases = cases.filter((c) => c.oracle !== false && !c.tty);
    if (oracleCases.length > 0)
      it.skipIf(!hostAvailable).each(oracleCases)('matches the host program: $args', (c) => {
        const host = runOnHost([...hostCommand, ...c.args], {
          files: c.files,
          dirs: c.dirs,
          symlinks: c.symlinks,
          modes: c.modes,
          stdin: c.stdin,
          env: c.env,
          mtime: c.mtime ?? CASE_START,
        });
        const stderr = flavour === 'busybox' ? toAlpineBusybox(host.stderr) : host.stderr;
        check({ ...host, stderr }, c);
      });
  });
}
