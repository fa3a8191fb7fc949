import { describe, expect, it } from 'vitest';
import { pwd, physicalPath } from './pwd';
import { defaultSystemInfo, type Flavour } from './common';
import { createTestMachine } from './testkit';

function machine() {
  const m = createTestMachine();
  m.fs.mkdir('/tmp/real/sub', { parents: true });
  m.fs.symlink('real/sub', '/tmp/lnk');
  return m;
}

function run(flavour: Flavour, args: string[], env: Record<string, string> = {}, cwd = '/tmp/lnk') {
  const m = machine();
  return m.run(pwd(flavour, defaultSystemInfo()), ['pwd', ...args], {
    cwd,
    env: { PATH: '/bin', ...env },
  });
}

describe('pwd', () => {
  it('prints the physical directory by default (both flavours)', () => {
    for (const flavour of ['busybox', 'gnu'] as const) {
      const r = run(flavour, [], { PWD: '/tmp/lnk' });
      expect(r.stdout).toBe('/tmp/real/sub\n');
      expect(r.status).toBe(0);
    }
  });

  it('-L prints a valid $PWD and falls back otherwise', () => {
    expect(run('busybox', ['-L'], { PWD: '/tmp/lnk' }).stdout).toBe('/tmp/lnk\n');
    expect(run('busybox', ['-L'], { PWD: '/tmp/./lnk' }).stdout).toBe('/tmp/real/sub\n');
    expect(run('busybox', ['-L'], { PWD: 'tmp/lnk' }).stdout).toBe('/tmp/real/sub\n');
    expect(run('busybox', ['-L'], { PWD: '/tmp' }).stdout).toBe('/tmp/real/sub\n');
    expect(run('busybox', ['-L']).stdout).toBe('/tmp/real/sub\n');
  });

  it('busybox lets -L win; GNU takes the last of -L and -P', () => {
    const env = { PWD: '/tmp/lnk' };
    expect(run('busybox', ['-L', '-P'], env).stdout).toBe('/tmp/lnk\n');
    expect(run('busybox', ['-P', '-L'], env).stdout).toBe('/tmp/lnk\n');
    expect(run('gnu', ['-L', '-P'], env).stdout).toBe('/tmp/real/sub\n');
    expect(run('gnu', ['-P', '-L'], env).stdout).toBe('/tmp/lnk\n');
    expect(run('gnu', ['--logical'], env).stdout).toBe('/tmp/lnk\n');
    expect(run('gnu', [], { ...env, POSIXLY_CORRECT: '1' }).stdout).toBe('/tmp/lnk\n');
  });

  it('operands: ignored by busybox, warned about by GNU', () => {
    const b = run('busybox', ['x', 'y']);
    expect([b.stdout, b.stderr, b.status]).toEqual(['/tmp/real/sub\n', '', 0]);
    const g = run('gnu', ['x']);
    expect([g.stdout, g.stderr, g.status]).toEqual([
      '/tmp/real/sub\n',
      'pwd: ignoring non-option arguments\n',
      0,
    ]);
  });

  it('reports option errors the flavour way', () => {
    const b = run('busybox', ['-q']);
    expect(b.stderr.startsWith('pwd: unrecognized option: q\n')).toBe(true);
    expect(b.status).toBe(1);
    const g = run('gnu', ['-q']);
    expect(g.stderr).toBe("pwd: invalid option -- 'q'\nTry 'pwd --help' for more information.\n");
    expect(g.status).toBe(1);
  });

  it('fails when the working directory was removed', () => {
    const m = machine();
    m.fs.mkdir('/tmp/gone');
    const started = m.start(pwd('busybox', defaultSystemInfo()), ['pwd'], { cwd: '/tmp/gone' });
    m.fs.rmdir('/tmp/gone');
    m.sim.advance(1000);
    expect(started.stderr()).toBe('pwd: getcwd: No such file or directory\n');
    expect(started.proc.exitCode).toBe(1);
  });

  it('physicalPath resolves relative and absolute links, and loops', () => {
    const m = machine();
    m.fs.symlink('/tmp/real', '/tmp/abs');
    m.fs.symlink('loop', '/tmp/loop');
    expect(physicalPath(m.fs, '/tmp/abs/sub')).toBe('/tmp/real/sub');
    expect(physicalPath(m.fs, '/')).toBe('/');
    expect(physicalPath(m.fs, '/tmp/loop')).toBe('ELOOP');
    expect(physicalPath(m.fs, '/tmp/none')).toBe('ENOENT');
  });
});
