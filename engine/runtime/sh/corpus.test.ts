/**
 * The differential corpus: every script in corpus/<dialect>.cases runs on the simulated kernel
 * and must give exactly the stdout, stderr and exit status recorded from the real shell
 * (Debian's busybox 1.35 `sh -c` for ash, the host's bash 5.2 for bash) in
 * corpus/<dialect>.expected.json. When the real shell is present the recordings are re-checked
 * against it; `RECORD_SH_CORPUS=1` rewrites them.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import * as nodefs from 'node:fs';
import * as nodepath from 'node:path';
import { constants as osConstants } from 'node:os';
import { createSandbox } from './testing';
import { chmod } from '../applets/chmod';
import { defaultSystemInfo } from '../applets/common';

const CWD = '/tmp/podlab-sh-corpus';
const BIN = '/tmp/podlab-sh-corpus-bin';
const PATH = `${BIN}:/usr/bin:/bin`;
const ENV = { PATH, HOME: '/root', HOSTNAME: 'pod-1' };
const here = nodepath.dirname(new URL(import.meta.url).pathname);

interface Case {
  name: string;
  script: string;
}
interface Expected {
  stdout: string;
  stderr: string;
  status: number | undefined;
}

function loadCases(dialect: string): Case[] {
  const text = nodefs.readFileSync(nodepath.join(here, 'corpus', `${dialect}.cases`), 'latin1');
  const cases: Case[] = [];
  for (const block of text.split(/^### /m).slice(1)) {
    const nl = block.indexOf('\n');
    const name = block.slice(0, nl).trim();
    const script = block.slice(nl + 1).replace(/\n$/, '');
    cases.push({ name, script });
  }
  return cases;
}

/** Files every case starts with, in the same place on the host and in the sandbox. */
const FIXTURE: Array<[string, string, number]> = [
  ['a.log', 'alog\n', 0o644],
  ['b.log', 'blog\n', 0o644],
  ['c.txt', '', 0o644],
  ['dir/x', 'x\n', 0o644],
  ['.hidden', 'h\n', 0o644],
  ['script.sh', 'echo script $1\n', 0o755],
  ['noexec.sh', 'echo no\n', 0o644],
  ['var/log/h1.log', 'h1\n', 0o644],
  ['var/log/h2.log', 'h2\n', 0o644],
];

function runSimulated(dialect: string, script: string): Expected {
  const box = createSandbox({ isContainer: false });
  const fs = box.ns.fs;
  for (const [path, data, mode] of FIXTURE) {
    fs.mkdir(nodepath.posix.dirname(`${CWD}/${path}`), { parents: true });
    fs.writeFile(`${CWD}/${path}`, data, { mode });
  }
  const shell = dialect === 'ash' ? 'sh' : 'bash';
  for (const name of ['sh', 'seq', 'cat', 'sleep']) fs.installProgram(`${BIN}/${name}`, name);
  // The real busybox applet (not a double), to check the bits it sets against busybox's own.
  box.registry.add('chmod', chmod('busybox', defaultSystemInfo()));
  fs.installProgram(`${BIN}/chmod`, 'chmod');
  if (dialect === 'bash') fs.installProgram(`${BIN}/bash`, 'bash');
  const r = box.start([shell, '-c', script], { env: ENV, cwd: CWD });
  box.sim.advance(60_000);
  return { stdout: r.stdout(), stderr: r.stderr(), status: r.proc.exitCode };
}

function hasBinary(name: string): boolean {
  try {
    execFileSync(name, ['--help'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return (e as { code?: string }).code !== 'ENOENT';
  }
}

function prepareHost(): void {
  nodefs.rmSync(CWD, { recursive: true, force: true });
  for (const [path, data, mode] of FIXTURE) {
    nodefs.mkdirSync(nodepath.dirname(`${CWD}/${path}`), { recursive: true });
    nodefs.writeFileSync(`${CWD}/${path}`, data, { mode });
    nodefs.chmodSync(`${CWD}/${path}`, mode);
  }
  nodefs.mkdirSync(BIN, { recursive: true });
  const busybox = execFileSync('sh', ['-c', 'command -v busybox'], { encoding: 'utf8' }).trim();
  for (const name of ['sh', 'seq', 'cat', 'sleep', 'chmod']) {
    const link = `${BIN}/${name}`;
    nodefs.rmSync(link, { force: true });
    nodefs.symlinkSync(busybox, link);
  }
  nodefs.rmSync(`${BIN}/bash`, { force: true });
}

function runOracle(dialect: string, script: string): Expected {
  prepareHost();
  const argv = dialect === 'ash' ? ['busybox', 'sh', '-c', script] : ['bash', '-c', script];
  const r = spawnSync('env', ['-i', ...Object.entries(ENV).map(([k, v]) => `${k}=${v}`), ...argv], {
    cwd: CWD,
    encoding: 'latin1',
    input: '',
    timeout: 5000,
  });
  const signalled = r.signal ? 128 + osConstants.signals[r.signal] : undefined;
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? signalled };
}

for (const dialect of ['ash', 'bash']) {
  const casesFile = nodepath.join(here, 'corpus', `${dialect}.cases`);
  if (!nodefs.existsSync(casesFile)) continue;
  const cases = loadCases(dialect);
  const expectedFile = nodepath.join(here, 'corpus', `${dialect}.expected.json`);
  const oracle = dialect === 'ash' ? 'busybox' : 'bash';
  // The host fixture links seq/cat/sleep to busybox for both dialects.
  const hasOracle = hasBinary(oracle) && hasBinary('busybox');
  if (process.env.RECORD_SH_CORPUS === '1' && hasOracle) {
    const recorded: Record<string, Expected> = {};
    for (const c of cases) recorded[c.name] = runOracle(dialect, c.script);
    nodefs.writeFileSync(expectedFile, JSON.stringify(recorded, null, 1) + '\n', 'latin1');
  }
  const expected: Record<string, Expected> = nodefs.existsSync(expectedFile)
    ? JSON.parse(nodefs.readFileSync(expectedFile, 'latin1'))
    : {};

  describe(`${dialect} corpus (${cases.length} scripts)`, () => {
    it('has a recording for every script', () => {
      expect(cases.filter((c) => !(c.name in expected)).map((c) => c.name)).toEqual([]);
      expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    });
    for (const c of cases) {
      it(c.name, () => {
        expect(runSimulated(dialect, c.script)).toEqual(expected[c.name]);
      });
    }
  });

  describe.skipIf(!hasOracle)(`${dialect} corpus recordings match the real ${oracle}`, () => {
    it('every recording', () => {
      const mismatches: string[] = [];
      for (const c of cases) {
        const real = runOracle(dialect, c.script);
        if (JSON.stringify(real) !== JSON.stringify(expected[c.name])) mismatches.push(c.name);
      }
      expect(mismatches).toEqual([]);
    }, 120_000);
  });
}
