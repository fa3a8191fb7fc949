import { describe, expect, it } from 'vitest';
import { appletCases, runCase } from './cases.oracle';
import { chmod } from './chmod';
import { ls } from './ls';
import { defaultSystemInfo } from './common';
import { busyboxParseMode, gnuAdjustMode, gnuCompileMode, permString } from './mode';
import { createTestMachine } from './testkit';
import { FileTree } from '../fs';

const tree = {
  files: { f: '', 'd/g': '', 'd/e/h': '' },
  symlinks: { 'd/lf': '../f' },
};

appletCases('busybox', 'chmod', chmod, [
  {
    files: { f: '' },
    args: ['-v', '755', 'f'],
    stdout: "mode of 'f' changed to 0755 (rwxr-xr-x)\n",
  },
  {
    files: { f: '' },
    args: ['-v', '+x', 'f'],
    stdout: "mode of 'f' changed to 0755 (rwxr-xr-x)\n",
  },
  {
    files: { f: '' },
    args: ['-v', '-r', 'f'],
    stdout: "mode of 'f' changed to 0200 (-w-------)\n",
  },
  {
    files: { f: '' },
    args: ['-v', 'u=rwx,g=rx,o=', 'f'],
    stdout: "mode of 'f' changed to 0750 (rwxr-x---)\n",
  },
  {
    files: { f: '' },
    args: ['-v', 'go=u-w', 'f'],
    stdout: "mode of 'f' changed to 0644 (rw-r--r--)\n",
  },
  {
    files: { f: '' },
    args: ['-v', 'a+X', 'f'],
    stdout: "mode of 'f' changed to 0644 (rw-r--r--)\n",
  },
  {
    dirs: ['d'],
    args: ['-v', 'a-x,a+X', 'd'],
    stdout: "mode of 'd' changed to 0755 (rwxr-xr-x)\n",
  },
  {
    files: { f: '' },
    args: ['-v', '4755', 'f'],
    stdout: "mode of 'f' changed to 4755 (rwsr-xr-x)\n",
  },
  {
    files: { f: '' },
    args: ['-v', 'ug+s,+t', 'f'],
    stdout: "mode of 'f' changed to 7644 (rwSr-Sr-T)\n",
  },
  { files: { f: '' }, args: ['-c', '644', 'f'], stdout: '' },
  {
    files: { f: '' },
    args: ['-c', 'u+x', 'f'],
    stdout: "mode of 'f' changed to 0744 (rwxr--r--)\n",
  },
  { files: { f: '' }, args: ['', 'f'], stdout: '' },
  {
    files: { f: '' },
    args: ['644', 'f', '-v'],
    stdout: "mode of 'f' changed to 0644 (rw-r--r--)\n",
  },
  {
    ...tree,
    args: ['-Rv', '700', 'd/'],
    stdout:
      "mode of 'd/' changed to 0700 (rwx------)\nmode of 'd/e' changed to 0700 (rwx------)\n" +
      "mode of 'd/e/h' changed to 0700 (rwx------)\nmode of 'd/g' changed to 0700 (rwx------)\n",
    // The host walks directories in on-disk order.
    oracle: false,
  },
  { ...tree, args: ['-v', '600', 'd/lf'], stdout: "mode of 'd/lf' changed to 0600 (rw-------)\n" },
  {
    args: ['644', 'nofile'],
    stdout: '',
    stderr: 'chmod: nofile: No such file or directory\n',
    status: 1,
  },
  {
    files: { f: '' },
    args: ['-v', 'u+x', 'nofile', 'f'],
    stdout: "mode of 'f' changed to 0744 (rwxr--r--)\n",
    stderr: 'chmod: nofile: No such file or directory\n',
    status: 1,
  },
  {
    args: ['-f', '644', 'nofile'],
    stdout: '',
    stderr: 'chmod: nofile: No such file or directory\n',
    status: 1,
  },
  {
    files: { f: '' },
    args: ['zz', 'f'],
    stdout: '',
    stderr: "chmod: invalid mode 'zz'\n",
    status: 1,
  },
  {
    files: { f: '' },
    args: ['8', 'f'],
    stdout: '',
    stderr: "chmod: invalid mode '8'\n",
    status: 1,
  },
  {
    files: { f: '' },
    args: ['17777', 'f'],
    stdout: '',
    stderr: "chmod: invalid mode '17777'\n",
    status: 1,
  },
  {
    files: { f: '' },
    args: ['u', 'f'],
    stdout: '',
    stderr: "chmod: invalid mode 'u'\n",
    status: 1,
  },
  {
    args: ['zz', 'nofile'],
    stdout: '',
    stderr: 'chmod: nofile: No such file or directory\n',
    status: 1,
  },
  {
    files: { f: '' },
    args: ['-q', '644', 'f'],
    stdout: '',
    stderr: "chmod: 644: No such file or directory\nchmod: invalid mode '-q'\n",
    status: 1,
  },
  {
    files: { 'd/g': '' },
    args: ['644', 'd/g/'],
    stdout: '',
    stderr: 'chmod: d/g/: Not a directory\n',
    status: 1,
  },
  { args: ['644'], stdout: '', stderrStart: '@BANNER@\n', status: 1 },
  { args: [], stdout: '', stderrStart: '@BANNER@\n', status: 1 },
  {
    files: { f: '' },
    args: ['644', '-q', 'f'],
    stdout: '',
    stderrStart: 'chmod: unrecognized option: q\n@BANNER@\n',
    status: 1,
  },
]);

appletCases('gnu', 'chmod', chmod, [
  {
    files: { f: '' },
    args: ['-v', '755', 'f'],
    stdout: "mode of 'f' changed from 0644 (rw-r--r--) to 0755 (rwxr-xr-x)\n",
  },
  {
    files: { f: '' },
    args: ['-v', '644', 'f'],
    stdout: "mode of 'f' retained as 0644 (rw-r--r--)\n",
  },
  { files: { f: '' }, args: ['-c', '644', 'f'], stdout: '' },
  {
    files: { f: '' },
    args: ['-c', 'u+x,g=u', 'f'],
    stdout: "mode of 'f' changed from 0644 (rw-r--r--) to 0774 (rwxrwxr--)\n",
  },
  {
    files: { f: '' },
    args: ['-v', '+X', 'f'],
    stdout: "mode of 'f' retained as 0644 (rw-r--r--)\n",
  },
  {
    files: { f: '' },
    args: ['-w', 'f'],
    stdout: '',
  },
  {
    files: { f: '' },
    args: ['--verbose', 'a=r', 'f'],
    stdout: "mode of 'f' changed from 0644 (rw-r--r--) to 0444 (r--r--r--)\n",
  },
  {
    files: { f: '' },
    dirs: ['d'],
    args: ['--reference=f', 'd', '-v'],
    stdout: "mode of 'd' changed from 0755 (rwxr-xr-x) to 0644 (rw-r--r--)\n",
  },
  {
    ...tree,
    args: ['-Rc', 'go-x', 'd'],
    stdout:
      "mode of 'd' changed from 0755 (rwxr-xr-x) to 0744 (rwxr--r--)\n" +
      "mode of 'd/e' changed from 0755 (rwxr-xr-x) to 0744 (rwxr--r--)\n",
    oracle: false,
  },
  {
    ...tree,
    args: ['-Rv', 'u+x', 'd/e', 'd/lf'],
    stdout:
      "mode of 'd/e' retained as 0755 (rwxr-xr-x)\n" +
      "mode of 'd/e/h' changed from 0644 (rw-r--r--) to 0744 (rwxr--r--)\n" +
      "mode of 'd/lf' changed from 0644 (rw-r--r--) to 0744 (rwxr--r--)\n",
  },
  {
    ...tree,
    args: ['-Rv', '700', 'd/g', 'd'],
    stdout:
      "mode of 'd/g' changed from 0644 (rw-r--r--) to 0700 (rwx------)\n" +
      "mode of 'd' changed from 0755 (rwxr-xr-x) to 0700 (rwx------)\n" +
      "mode of 'd/e' changed from 0755 (rwxr-xr-x) to 0700 (rwx------)\n" +
      "mode of 'd/e/h' changed from 0644 (rw-r--r--) to 0700 (rwx------)\n" +
      "mode of 'd/g' retained as 0700 (rwx------)\n" +
      "neither symbolic link 'd/lf' nor referent has been changed\n",
    oracle: false,
  },
  {
    args: ['644', 'nofile'],
    stdout: '',
    stderr: "chmod: cannot access 'nofile': No such file or directory\n",
    status: 1,
  },
  { args: ['-f', '644', 'nofile'], stdout: '', stderr: '', status: 1 },
  {
    args: ['-v', '644', 'nofile'],
    stdout: "'nofile' could not be accessed\n",
    stderr: "chmod: cannot access 'nofile': No such file or directory\n",
    status: 1,
  },
  {
    symlinks: { dangling: 'nowhere' },
    args: ['644', 'dangling'],
    stdout: '',
    stderr: "chmod: cannot operate on dangling symlink 'dangling'\n",
    status: 1,
  },
  {
    files: { 'd/g': '' },
    args: ['644', 'd/g/'],
    stdout: '',
    stderr: "chmod: cannot access 'd/g/': Not a directory\n",
    status: 1,
  },
  {
    files: { f: '' },
    args: ['zz', 'f'],
    stdout: '',
    stderr: "chmod: invalid mode: 'zz'\nTry 'chmod --help' for more information.\n",
    status: 1,
  },
  {
    files: { f: '' },
    args: ['u+x,', 'f'],
    stdout: '',
    stderr: "chmod: invalid mode: 'u+x,'\nTry 'chmod --help' for more information.\n",
    status: 1,
  },
  {
    args: [],
    stdout: '',
    stderr: "chmod: missing operand\nTry 'chmod --help' for more information.\n",
    status: 1,
  },
  {
    args: ['644'],
    stdout: '',
    stderr: "chmod: missing operand after '644'\nTry 'chmod --help' for more information.\n",
    status: 1,
  },
  {
    args: ['-w'],
    stdout: '',
    stderr: "chmod: missing operand\nTry 'chmod --help' for more information.\n",
    status: 1,
  },
  {
    files: { f: '' },
    args: ['--reference=f', '-w', 'f'],
    stdout: '',
    stderr:
      "chmod: cannot combine mode and --reference options\nTry 'chmod --help' for more information.\n",
    status: 1,
  },
  {
    files: { f: '' },
    args: ['--reference=nope', 'f'],
    stdout: '',
    stderr: "chmod: failed to get attributes of 'nope': No such file or directory\n",
    status: 1,
  },
  {
    files: { f: '' },
    args: ['644', '-q', 'f'],
    stdout: '',
    stderr: "chmod: invalid option -- 'q'\nTry 'chmod --help' for more information.\n",
    status: 1,
  },
]);

describe('chmod changes what ls and exec see', () => {
  it('ls -l shows the new bits, set-id and sticky letters included', () => {
    const m = createTestMachine();
    m.write({ '/w/f': 'x', '/w/g': '' });
    const bb = chmod('busybox', defaultSystemInfo());
    expect(m.run(bb, ['chmod', '4750', 'f'], { cwd: '/w' }).status).toBe(0);
    expect(m.run(bb, ['chmod', '+t', 'g'], { cwd: '/w' }).status).toBe(0);
    const out = m.run(ls('busybox', defaultSystemInfo()), ['ls', '-l'], { cwd: '/w' }).stdout;
    expect(out).toMatch(/^-rwsr-x--- .* f$/m);
    expect(out).toMatch(/^-rw-r--r-T .* g$/m);
  });

  it('refuses a read-only mount', () => {
    const m = createTestMachine();
    const vol = new FileTree('cm');
    m.fs.mount('/cfg', vol);
    m.fs.writeFile('/cfg/a', '');
    m.fs.mount('/ro', vol, { readOnly: true });
    const r = m.run(chmod('busybox', defaultSystemInfo()), ['chmod', '+x', '/ro/a']);
    expect(r.stderr).toBe('chmod: /ro/a: Read-only file system\n');
    expect(r.status).toBe(1);
    const g = m.run(chmod('gnu', defaultSystemInfo()), ['chmod', '+x', '/ro/a']);
    expect(g.stderr).toBe("chmod: changing permissions of '/ro/a': Read-only file system\n");
    expect(
      m.fs.stat('/cfg/a').ok && (m.fs.stat('/cfg/a') as { value: { mode: number } }).value.mode,
    ).toBe(0o644);
  });

  it('GNU refuses -R on / only with --preserve-root', () => {
    const r = runCase(chmod('gnu', defaultSystemInfo()), 'chmod', {
      args: ['-R', '--preserve-root', '700', '/'],
      stdout: '',
    });
    expect(r.stderr).toBe(
      "chmod: it is dangerous to operate recursively on '/'\n" +
        'chmod: use --no-preserve-root to override this failsafe\n',
    );
    expect(r.status).toBe(1);
  });

  it('GNU diagnoses a mode option the umask narrowed', () => {
    const r = runCase(chmod('gnu', defaultSystemInfo()), 'chmod', {
      files: { f: '' },
      modes: { f: 0o666 },
      args: ['-w', 'f'],
      stdout: '',
    });
    expect(r.stderr).toBe('chmod: f: new permissions are r--rw-rw-, not r--r--r--\n');
    expect(r.status).toBe(1);
  });
});

describe('mode arithmetic', () => {
  it('permString marks set-id and sticky bits', () => {
    expect(permString(0o7777)).toBe('rwsrwsrwt');
    expect(permString(0o7000)).toBe('--S--S--T');
  });
  it('busybox applies the umask only without ugoa', () => {
    expect(busyboxParseMode('+w', 0o444, false)).toBe(0o644);
    expect(busyboxParseMode('a+w', 0o444, false)).toBe(0o666);
    expect(busyboxParseMode('=', 0o7777, false)).toBe(0);
    expect(busyboxParseMode('u+', 0o644, false)).toBe(0o644);
    expect(busyboxParseMode('u', 0o644, false)).toBeUndefined();
  });
  it('GNU keeps a directory set-gid bit under a short octal mode', () => {
    const m = gnuCompileMode('755')!;
    expect(gnuAdjustMode(0o2775, true, 0o022, m)).toBe(0o2755);
    expect(gnuAdjustMode(0o2775, true, 0o022, gnuCompileMode('00755')!)).toBe(0o755);
    expect(gnuCompileMode('u+x,')).toBeUndefined();
    expect(gnuCompileMode('')).toBeUndefined();
  });
});
