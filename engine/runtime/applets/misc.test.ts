import { describe, expect, it } from 'vitest';
import { appletCases, CASE_START } from './cases.oracle';
import { cut, tee, tr } from './text';
import { env, printenv } from './env';
import { hostname, id, uname, uptime, whoami } from './identity';
import { kill } from './kill';
import { ps, setProcessTitle } from './ps';
import { sleep } from './sleep';
import { defaultSystemInfo, GKE_KERNEL } from './common';
import { createTestMachine } from './testkit';

appletCases('busybox', 'tr', tr, [
  { args: ['a-z', 'A-Z'], stdin: 'hello world\n', stdout: 'HELLO WORLD\n' },
  { args: ['-d', 'l'], stdin: 'hello\n', stdout: 'heo\n' },
  { args: ['-s', 'a-c'], stdin: 'aabbcc\n', stdout: 'abc\n' },
  { args: ['-c', 'a', 'x'], stdin: 'abc\n', stdout: 'axxx' },
  { args: ['[:space:]', '\\n'], stdin: 'a b\n', stdout: 'a\nb\n' },
  { args: ['abc', 'x'], stdin: 'abc\n', stdout: 'xxx\n' },
  { args: ['-d', '\\r'], stdin: 'a\r\n', stdout: 'a\n' },
  {
    args: [],
    stdout: '',
    stderrStart: '@BANNER@\n\nUsage: tr [-cds] STRING1 [STRING2]\n',
    status: 1,
  },
]);
appletCases('gnu', 'tr', tr, [
  { args: ['a-z', 'A-Z'], stdin: 'hello world\n', stdout: 'HELLO WORLD\n' },
  { args: ['[:lower:]', '[:upper:]'], stdin: 'abc\n', stdout: 'ABC\n' },
  {
    args: [],
    stdout: '',
    stderr: "tr: missing operand\nTry 'tr --help' for more information.\n",
    status: 1,
  },
]);

appletCases('busybox', 'cut', cut, [
  { args: ['-d:', '-f2,3'], stdin: 'a:b:c\nnodelim\n', stdout: 'b:c\nnodelim\n' },
  { args: ['-d:', '-f2', '-s'], stdin: 'a:b:c\nnodelim\n', stdout: 'b\n' },
  { args: ['-c', '2-'], stdin: 'abcdef\n', stdout: 'bcdef\n' },
  { args: ['-c', '-3,5'], stdin: 'abcdef\n', stdout: 'abce\n' },
  { args: ['-f', '2'], stdin: 'a\tb\n', stdout: 'b\n' },
  {
    args: [],
    stdout: '',
    stderr: 'cut: expected a list of bytes, characters, or fields\n',
    status: 1,
  },
]);
appletCases('gnu', 'cut', cut, [
  { args: ['-d:', '-f2,3'], stdin: 'a:b:c\nnodelim\n', stdout: 'b:c\nnodelim\n' },
  { args: ['-d', ' ', '-f', '1'], stdin: 'x y\n', stdout: 'x\n' },
]);

appletCases('busybox', 'tee', tee, [
  {
    args: ['nodir/x'],
    stdin: 'x\n',
    stdout: 'x\n',
    stderr: 'tee: nodir/x: No such file or directory\n',
    status: 1,
  },
  { args: ['out'], stdin: 'x\n', stdout: 'x\n' },
]);

appletCases('busybox', 'env', env, [
  { args: ['-i'], stdout: '' },
  { args: ['-i', 'A=1', 'B=2'], stdout: 'A=1\nB=2\n' },
  {
    args: ['-i', 'nope'],
    stdout: '',
    stderr: "env: can't execute 'nope': No such file or directory\n",
    status: 127,
  },
]);
appletCases('gnu', 'env', env, [
  { args: ['-i', 'A=1'], stdout: 'A=1\n' },
  {
    args: ['-i', 'nope'],
    stdout: '',
    stderr: "env: 'nope': No such file or directory\n",
    status: 127,
  },
]);
appletCases('gnu', 'printenv', printenv, [
  { args: ['A', 'NOPE'], env: { A: 'x' }, stdout: 'x\n', status: 1 },
]);

describe('identity applets', () => {
  const sys = {
    ...defaultSystemInfo(),
    bootTime: () => CASE_START - (2 * 86400 + 3 * 3600 + 4 * 60) * 1000,
  };
  const machine = () => {
    const m = createTestMachine({ start: CASE_START, hostname: 'queue', ip: '10.244.1.7' });
    m.write({
      '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n',
      '/etc/group': 'root:x:0:root\nbin:x:1:root,bin,daemon\nwheel:x:10:root\nnobody:x:65534:\n',
    });
    return m;
  };
  it('hostname, whoami and id read the namespace and its /etc files', () => {
    const m = machine();
    expect(m.run(hostname('busybox', sys), ['hostname']).stdout).toBe('queue\n');
    expect(m.run(hostname('busybox', sys), ['hostname', '-i']).stdout).toBe('10.244.1.7\n');
    const set = m.run(hostname('busybox', sys), ['hostname', 'x']);
    expect(set.stderr).toBe('hostname: sethostname: Operation not permitted\n');
    expect(m.run(whoami('busybox', sys), ['whoami']).stdout).toBe('root\n');
    expect(m.run(id('busybox', sys), ['id']).stdout).toBe(
      'uid=0(root) gid=0(root) groups=0(root),1(bin),10(wheel)\n',
    );
    expect(m.run(id('busybox', sys), ['id', '-un']).stdout).toBe('root\n');
    expect(m.run(id('busybox', sys), ['id', 'nobody']).stdout).toBe(
      'uid=65534(nobody) gid=65534(nobody) groups=65534(nobody)\n',
    );
    expect(m.run(id('busybox', sys), ['id', 'nosuch']).stderr).toBe('id: unknown user nosuch\n');
  });
  it('uname reports the node kernel, musl style for busybox and GNU/Linux for coreutils', () => {
    const m = machine();
    const k = GKE_KERNEL;
    expect(m.run(uname('busybox', sys), ['uname', '-a']).stdout).toBe(
      `Linux queue ${k.release} ${k.version} x86_64 Linux\n`,
    );
    expect(m.run(uname('gnu', sys), ['uname', '-a']).stdout).toBe(
      `Linux queue ${k.release} ${k.version} x86_64 GNU/Linux\n`,
    );
    expect(m.run(uname('busybox', sys), ['uname']).stdout).toBe('Linux\n');
    expect(m.run(uname('busybox', sys), ['uname', '-r', '-m']).stdout).toBe(
      `${k.release} x86_64\n`,
    );
  });
  it('uptime shows the time since boot', () => {
    const m = machine();
    expect(m.run(uptime('busybox', sys), ['uptime']).stdout).toBe(
      ' 10:01:00 up 2 days,  3:04,  load average: 0.00, 0.00, 0.00\n',
    );
    expect(m.run(uptime('gnu', sys), ['uptime']).stdout).toBe(
      ' 10:01:00 up 2 days,  3:04,  0 user,  load average: 0.00, 0.00, 0.00\n',
    );
  });
  it('ps lists the namespace processes; kill signals them', () => {
    const m = machine();
    const sleeper = m.start(sleep('busybox', sys), ['sleep', '1000']);
    const worker = m.start(sleep('busybox', sys), ['sleep', '1000']);
    setProcessTitle(worker.proc, 'nginx: worker process');
    m.sim.advance(0);
    const listing = m.run(ps('busybox', sys), ['ps']);
    expect(listing.stdout).toBe(
      'PID   USER     TIME  COMMAND\n' +
        '    1 root      0:00 sleep 1000\n' +
        '    2 root      0:00 nginx: worker process\n' +
        '    3 root      0:00 ps\n',
    );
    const k = m.run(kill('busybox', sys), ['kill', '2']);
    expect(k.status).toBe(0);
    expect(worker.proc.exitCode).toBe(143);
    // PID 1 of a container ignores TERM it does not handle.
    m.run(kill('busybox', sys), ['kill', '1']);
    expect(sleeper.proc.done).toBe(false);
    m.run(kill('busybox', sys), ['kill', '-9', '1']);
    expect(sleeper.proc.exitCode).toBe(137);
    expect(m.run(kill('busybox', sys), ['kill', '99']).stderr).toBe(
      "kill: can't kill pid 99: No such process\n",
    );
    expect(m.run(kill('busybox', sys), ['kill', '-s', 'FOO', '1']).stderr).toBe(
      "kill: bad signal name 'FOO'\n",
    );
    expect(m.run(kill('busybox', sys), ['kill', '-l', '143']).stdout).toBe('TERM\n');
  });
});
