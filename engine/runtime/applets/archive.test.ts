import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tar } from './tar';
import { gzip, gunzip, zcat } from './gzip';
import { defaultSystemInfo } from './common';
import { createTestMachine } from './testkit';
import { hasBusybox } from './host.oracle';
import { CASE_START } from './cases.oracle';
import { gunzipString, gzipString } from './gz';

const sys = defaultSystemInfo();
const T0 = Date.UTC(2024, 0, 22, 10, 0, 0);

/** A node's /var/log with two logs, as in the lesson's logCompressor DaemonSet. */
function node() {
  const m = createTestMachine({ start: CASE_START });
  m.write({
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\n',
    '/etc/group': 'root:x:0:root\n',
    '/var/log/kube-proxy.log': 'I0122 10:00:00.000000       1 server.go:846] "Version info"\n',
    '/var/log/client2-7c9b5d8f6-abcde.log':
      'Mon Jan 22 10:00:15 UTC 2024 - Greetings from client2-7c9b5d8f6-abcde\n',
  });
  m.fs.mkdir('/tmp', { parents: true });
  for (const f of ['/var/log/kube-proxy.log', '/var/log/client2-7c9b5d8f6-abcde.log']) {
    const n = m.fs.lookup(f);
    if (n.ok) n.value.mtime = T0;
  }
  return m;
}

describe('tar', () => {
  it('creates a gzip tar of /var/log/*.log that tar -tf lists (gzip autodetected)', () => {
    const m = node();
    const c = m.run(tar('busybox', sys), [
      'tar',
      'czf',
      '/var/log/all-logs-2024-01-22.tar.gz',
      '/var/log/client2-7c9b5d8f6-abcde.log',
      '/var/log/kube-proxy.log',
    ]);
    expect(c.stderr).toBe("tar: removing leading '/' from member names\n");
    expect(c.status).toBe(0);
    const t = m.run(tar('busybox', sys), ['tar', '-tf', '/var/log/all-logs-2024-01-22.tar.gz']);
    expect(t.stdout).toBe('var/log/client2-7c9b5d8f6-abcde.log\nvar/log/kube-proxy.log\n');
    const tv = m.run(tar('busybox', sys), ['tar', 'tvzf', '/var/log/all-logs-2024-01-22.tar.gz']);
    expect(tv.stdout).toBe(
      '-rw-r--r-- root/root        70 2024-01-22 10:00:00 var/log/client2-7c9b5d8f6-abcde.log\n' +
        '-rw-r--r-- root/root        60 2024-01-22 10:00:00 var/log/kube-proxy.log\n',
    );
  });

  it('reports a missing file, still writes the archive, and exits 1', () => {
    const m = node();
    const c = m.run(tar('busybox', sys), ['tar', 'czf', '/var/log/x.tar.gz', '/var/log/*.nomatch']);
    expect(c.stderr).toBe(
      'tar: /var/log/*.nomatch: No such file or directory\ntar: error exit delayed from previous errors\n',
    );
    expect(c.status).toBe(1);
    const t = m.run(tar('busybox', sys), ['tar', 'tzf', '/var/log/x.tar.gz']);
    expect(t.stdout).toBe('');
    expect(t.status).toBe(0);
  });

  it('extracts with -C and reports members not in the archive', () => {
    const m = node();
    m.run(tar('busybox', sys), ['tar', 'cf', '/tmp/a.tar', '-C', '/var', 'log']);
    m.fs.mkdir('/restore', { parents: true });
    const x = m.run(tar('busybox', sys), ['tar', 'xvf', '/tmp/a.tar', '-C', '/restore']);
    expect(x.stdout).toBe('log/\nlog/client2-7c9b5d8f6-abcde.log\nlog/kube-proxy.log\n');
    const data = m.fs.readFile('/restore/log/kube-proxy.log');
    expect(data.ok && data.value).toContain('Version info');
    const miss = m.run(tar('busybox', sys), ['tar', 'tf', '/tmp/a.tar', 'nothere']);
    expect(miss.stderr).toBe('tar: nothere: not found in archive\n');
    expect(miss.status).toBe(1);
    const nodir = m.run(tar('busybox', sys), ['tar', 'xf', '/tmp/a.tar', '-C', '/nope']);
    expect(nodir.stderr).toBe(
      "tar: can't change directory to '/nope': No such file or directory\n",
    );
    const noarchive = m.run(tar('busybox', sys), ['tar', 'tf', '/nope.tar']);
    expect(noarchive.stderr).toBe("tar: can't open '/nope.tar': No such file or directory\n");
  });

  it.skipIf(!hasBusybox)(
    'writes archives the real busybox tar reads, and reads what it writes',
    () => {
      const m = node();
      m.run(tar('busybox', sys), ['tar', 'czf', '/tmp/a.tgz', '-C', '/var', 'log']);
      const ours = m.fs.readFile('/tmp/a.tgz');
      const dir = mkdtempSync(join(tmpdir(), 'podlab-tar-'));
      try {
        writeFileSync(join(dir, 'a.tgz'), Buffer.from(ours.ok ? ours.value : '', 'latin1'));
        const listed = spawnSync('busybox', ['tar', 'tvzf', 'a.tgz'], {
          cwd: dir,
          encoding: 'latin1',
          env: { TZ: 'UTC' },
        });
        const mine = m.run(tar('busybox', sys), ['tar', 'tvzf', '/tmp/a.tgz']);
        expect(listed.stdout).toBe(mine.stdout);
        // And the other way round: busybox creates, we list and extract.
        mkdirSync(join(dir, 'src'));
        writeFileSync(join(dir, 'src', 'f.txt'), 'hello\n');
        utimesSync(join(dir, 'src', 'f.txt'), T0 / 1000, T0 / 1000);
        utimesSync(join(dir, 'src'), T0 / 1000, T0 / 1000);
        spawnSync('busybox', ['tar', 'czf', 'b.tgz', 'src'], { cwd: dir });
        const theirs = readFileSync(join(dir, 'b.tgz')).toString('latin1');
        m.fs.writeFile('/tmp/b.tgz', theirs);
        const t = m.run(tar('busybox', sys), ['tar', 'tvf', '/tmp/b.tgz']);
        const real = spawnSync('busybox', ['tar', 'tvzf', 'b.tgz'], {
          cwd: dir,
          encoding: 'latin1',
          env: { TZ: 'UTC' },
        });
        expect(t.stdout).toBe(real.stdout);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('gzip', () => {
  it('round-trips and writes busybox headers (no name, mtime 0)', () => {
    const gz = gzipString('hi\n');
    expect([...gz.slice(0, 10)].map((c) => c.charCodeAt(0))).toEqual([
      0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3,
    ]);
    const back = gunzipString(gz + gzipString('more\n'));
    expect(back).toEqual({ ok: true, data: 'hi\nmore\n' });
    expect(gunzipString('notgz')).toEqual({ ok: false, error: 'invalid magic' });
  });

  it('replaces files with .gz and back, and filters stdin', () => {
    const m = node();
    m.fs.writeFile('/tmp/b', 'hello\n');
    expect(m.run(gzip('busybox', sys), ['gzip', '/tmp/b']).status).toBe(0);
    expect(m.fs.exists('/tmp/b')).toBe(false);
    expect(m.fs.exists('/tmp/b.gz')).toBe(true);
    expect(m.run(zcat('busybox', sys), ['zcat', '/tmp/b.gz']).stdout).toBe('hello\n');
    expect(m.run(gunzip('busybox', sys), ['gunzip', '/tmp/b.gz']).status).toBe(0);
    expect(m.fs.readFile('/tmp/b')).toEqual({ ok: true, value: 'hello\n' });
    const piped = m.run(gzip('busybox', sys), ['gzip', '-c'], { stdin: 'data\n' });
    expect(gunzipString(piped.stdout)).toEqual({ ok: true, data: 'data\n' });
    m.fs.writeFile('/tmp/c.gz', 'notgz\n');
    const bad = m.run(gunzip('busybox', sys), ['gunzip', '/tmp/c.gz']);
    expect(bad.stderr).toBe('gunzip: invalid magic\n');
    expect(m.run(gzip('busybox', sys), ['gzip', '/nope']).stderr).toBe(
      'gzip: /nope: No such file or directory\n',
    );
  });

  it.skipIf(!hasBusybox)('produces streams the real gunzip accepts', () => {
    const text = 'Mon Jan 22 10:00:15 UTC 2024 - Greetings\n'.repeat(50);
    const r = spawnSync('busybox', ['gunzip', '-c'], {
      input: Buffer.from(gzipString(text), 'latin1'),
      encoding: 'latin1',
    });
    expect(r.stdout).toBe(text);
    const g = spawnSync('busybox', ['gzip', '-c'], { input: text, encoding: 'latin1' });
    expect(gunzipString(g.stdout)).toEqual({ ok: true, data: text });
  });
});
