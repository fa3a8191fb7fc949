import { describe, expect, it } from 'vitest';
import { appletCases, CASE_START } from './cases.oracle';
import { head } from './head';
import { tail } from './tail';
import { yes } from './trivial';
import { defaultSystemInfo } from './common';
import { createTestMachine } from './testkit';
import { FileDescription } from '../kernel';
import { Pipe } from '../streams';

const ten = { ten: Array.from({ length: 10 }, (_, i) => `${i + 1}\n`).join(''), f: 'a\nb\n' };

appletCases('busybox', 'head', head, [
  { args: ['-n', '2', 'ten'], files: ten, stdout: '1\n2\n' },
  { args: ['-2', 'ten'], files: ten, stdout: '1\n2\n' },
  { args: ['-n', '-8', 'ten'], files: ten, stdout: '1\n2\n' },
  { args: ['-c', '3', 'ten'], files: ten, stdout: '1\n2' },
  { args: ['-c', '-15', 'ten'], files: ten, stdout: '1\n2\n3\n' },
  { args: ['ten', 'f'], files: ten, stdout: `==> ten <==\n${ten.ten}\n==> f <==\na\nb\n` },
  { args: ['-q', 'ten', 'f'], files: ten, stdout: `${ten.ten}a\nb\n` },
  { args: ['-v', '-n1', 'ten'], files: ten, stdout: '==> ten <==\n1\n' },
  {
    args: ['nope', 'ten'],
    files: ten,
    stdout: `\n==> ten <==\n${ten.ten}`,
    stderr: 'head: nope: No such file or directory\n',
    status: 1,
  },
  {
    args: ['-n', 'x', 'ten'],
    files: ten,
    stdout: '',
    stderr: "head: invalid number 'x'\n",
    status: 1,
  },
  { args: ['-n', '1k'], stdin: 'a\nb', stdout: 'a\nb' },
  { args: [], stdin: ten.ten + ten.ten, stdout: ten.ten },
]);

appletCases('gnu', 'head', head, [
  { args: ['-n', '2', 'ten'], files: ten, stdout: '1\n2\n' },
  { args: ['-2', 'ten'], files: ten, stdout: '1\n2\n' },
  { args: ['-n', '-8', 'ten'], files: ten, stdout: '1\n2\n' },
  { args: ['-c', '-15', 'ten'], files: ten, stdout: '1\n2\n3\n' },
  { args: ['ten', 'f'], files: ten, stdout: `==> ten <==\n${ten.ten}\n==> f <==\na\nb\n` },
  {
    args: ['nope', 'ten'],
    files: ten,
    stdout: `==> ten <==\n${ten.ten}`,
    stderr: "head: cannot open 'nope' for reading: No such file or directory\n",
    status: 1,
  },
  { args: ['--lines=3', 'ten'], files: ten, stdout: '1\n2\n3\n' },
]);

appletCases('busybox', 'tail', tail, [
  { args: ['-n', '2', 'ten'], files: ten, stdout: '9\n10\n' },
  { args: ['-2', 'ten'], files: ten, stdout: '9\n10\n' },
  { args: ['-n', '+8', 'ten'], files: ten, stdout: '8\n9\n10\n' },
  { args: ['+8', 'ten'], files: ten, stdout: '8\n9\n10\n' },
  { args: ['-c', '3', 'ten'], files: ten, stdout: '10\n' },
  { args: ['-c', '+18', 'ten'], files: ten, stdout: '\n10\n' },
  { args: ['ten', 'f'], files: ten, stdout: `==> ten <==\n${ten.ten}\n==> f <==\na\nb\n` },
  {
    args: ['nope', 'ten'],
    files: ten,
    stdout: ten.ten,
    stderr: "tail: can't open 'nope': No such file or directory\n",
    status: 1,
  },
  {
    args: ['-n', 'x', 'ten'],
    files: ten,
    stdout: '',
    stderr: "tail: invalid number 'x'\n",
    status: 1,
  },
  { args: ['-n', '1'], stdin: 'a\nb', stdout: 'b' },
  { args: ['-n', '0', 'ten'], files: ten, stdout: '' },
]);

appletCases('gnu', 'tail', tail, [
  { args: ['-n', '2', 'ten'], files: ten, stdout: '9\n10\n' },
  { args: ['-n', '+8', 'ten'], files: ten, stdout: '8\n9\n10\n' },
  { args: ['-c', '+18', 'ten'], files: ten, stdout: '\n10\n' },
  {
    args: ['nope', 'ten'],
    files: ten,
    stdout: `==> ten <==\n${ten.ten}`,
    stderr: "tail: cannot open 'nope' for reading: No such file or directory\n",
    status: 1,
  },
  { args: ['-n', '1'], stdin: 'a\nb', stdout: 'b' },
]);

describe('head and tail in time', () => {
  it('head ends a yes pipeline after three lines', () => {
    // Not a container: there PID 1 (here yes) would ignore SIGPIPE.
    const m = createTestMachine({ start: CASE_START, isContainer: false });
    const sys = defaultSystemInfo();
    const pipe = new Pipe();
    const w = new FileDescription(undefined, pipe.openWriter());
    const r = new FileDescription(pipe.openReader());
    const producer = m.kernel.spawn({
      program: yes('busybox', sys),
      argv: ['yes'],
      env: new Map(),
      cwd: '/',
      ns: m.ns,
      fds: new Map([[1, w]]),
    });
    const started = m.start(head('busybox', sys), ['head', '-n', '3']);
    started.proc.setFd(0, r);
    w.retain().release();
    r.retain().release();
    m.sim.advance(1000);
    expect(started.stdout()).toBe('y\ny\ny\n');
    expect(started.proc.exitCode).toBe(0);
    expect(producer.exitCode).toBe(128 + 13);
  });

  it('tail -f prints what is appended, polling each second', () => {
    const m = createTestMachine({ start: CASE_START });
    m.write({ '/var/log/app.log': 'one\n' });
    const t = m.start(tail('busybox', defaultSystemInfo()), ['tail', '-f', '/var/log/app.log']);
    m.sim.advance(0);
    expect(t.stdout()).toBe('one\n');
    m.sim.advance(2500);
    m.fs.writeFile('/var/log/app.log', 'two\n', { append: true });
    m.sim.advance(400);
    expect(t.stdout()).toBe('one\n');
    m.sim.advance(600);
    expect(t.stdout()).toBe('one\ntwo\n');
    m.fs.writeFile('/var/log/app.log', 'new\n');
    m.sim.advance(1000);
    expect(t.stderr()).toBe('tail: /var/log/app.log: file truncated\n');
    expect(t.stdout()).toBe('one\ntwo\nnew\n');
    expect(t.proc.done).toBe(false);
  });
});
