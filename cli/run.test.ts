import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = new URL('../bin/podlab.js', import.meta.url).pathname;

function podlab(args: string[], files: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'podlab-cli-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return spawnSync('node', [bin, ...args], { cwd: dir, encoding: 'utf8' });
}

describe('podlab run', () => {
  it('prints the transcript of a script run in the workstation shell, with --echo', () => {
    const r = podlab(['run', 'demo.sh', '--echo'], {
      'demo.sh': 'cat note.txt\nsleep 61\ndate\nexit 3\n',
      'note.txt': 'beside the script\n',
    });
    expect(r.stdout).toBe(
      '$ cat note.txt\nbeside the script\n$ sleep 61\n$ date\nWed Jan 15 10:01:01 UTC 2025\n$ exit 3\nexit\n',
    );
    expect(r.status).toBe(3);
  });

  it('honours --start and --seed, and is deterministic', () => {
    const files = { 's.sh': 'date +%F\necho $RANDOM $RANDOM\n' };
    const a = podlab(['run', 's.sh', '--start', '2026-02-03T04:05:06Z', '--seed', '9'], files);
    const b = podlab(['run', 's.sh', '--start=2026-02-03T04:05:06Z', '--seed=9'], files);
    expect(a.stdout.split('\n')[0]).toBe('2026-02-03');
    expect(a.stdout).toBe(b.stdout);
  });

  it('reads a --cluster file and rejects bad input with one line', () => {
    const ok = podlab(['run', 's.sh', '--cluster', 'c.yaml'], {
      's.sh': 'true\n',
      'c.yaml': 'nodes: [{name: a, controlPlane: true}, {name: b}]\n',
    });
    expect(ok.status).toBe(0);
    for (const [args, files, message] of [
      [['run', 'missing.sh'], {}, 'podlab: cannot read missing.sh: no such file\n'],
      [['run'], {}, "podlab: run needs a SCRIPT; see 'podlab --help'\n"],
      [
        ['run', 's.sh', '--seed', 'x'],
        { 's.sh': '' },
        'podlab: --seed must be an integer, not "x"\n',
      ],
      [
        ['run', 's.sh', '--start', 'yesterday'],
        { 's.sh': '' },
        'podlab: --start must be an ISO-8601 time such as 2025-01-15T10:00:00Z, not "yesterday"\n',
      ],
      [
        ['run', 's.sh', '--cluster', 'c.yaml'],
        { 's.sh': '', 'c.yaml': 'nodes: []\n' },
        'podlab: c.yaml: nodes: expected a non-empty list\n',
      ],
      [
        ['run', 's.sh', '--frobnicate'],
        { 's.sh': '' },
        'podlab: unknown option "--frobnicate"; see \'podlab --help\'\n',
      ],
    ] as const) {
      const r = podlab([...args], { ...files });
      expect(r.stderr).toBe(message);
      expect(r.status).toBe(2);
    }
  });
});
