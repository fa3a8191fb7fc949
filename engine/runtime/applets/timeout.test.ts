/**
 * `timeout` on the workstation (GNU) and in a busybox container, in virtual time. Expected
 * statuses and messages were taken from GNU coreutils 9.1 and busybox 1.35 on a Debian host.
 */
import { describe, expect, it } from 'vitest';
import { createWorkstation } from '../../shell/workstation';
import { runScript } from '../../shell/script-runner';
import { runOnWorkstation } from '../../testing/run-command';
import { TestCluster } from '../../testing/test-cluster';

function workstation() {
  const tc = TestCluster.seed(1).build();
  const ws = createWorkstation(tc.sim);
  return { tc, run: (script: string) => runScript(tc.sim, ws, script) };
}

describe('timeout (GNU, workstation)', () => {
  it('stops a never-ending command after the duration and exits 124', () => {
    const { tc, run } = workstation();
    const start = tc.sim.now;
    expect(run('timeout 5 sleep infinity; echo rc=$?')).toEqual({ output: 'rc=124\n', status: 0 });
    expect(tc.sim.now - start).toBe(5_000);
  });

  it("returns the command's own status when it ends in time; 0 disables the timeout", () => {
    const { run } = workstation();
    expect(run("timeout 2 sleep 1; echo rc=$?; timeout 1m sh -c 'exit 3'; echo rc=$?").output).toBe(
      'rc=0\nrc=3\n',
    );
    expect(run('timeout 0 sleep 2; echo rc=$?').output).toBe('rc=0\n');
  });

  it('-k sends KILL to a command that ignores the signal (137); --preserve-status; -v', () => {
    const { run } = workstation();
    expect(run(`timeout -v -k 1 1 bash -c 'trap "" TERM; sleep 5'; echo rc=$?`).output).toBe(
      "timeout: sending signal TERM to command 'bash'\n" +
        "timeout: sending signal KILL to command 'bash'\nrc=137\n",
    );
    expect(run('timeout --preserve-status 1 sleep 3; echo rc=$?').output).toBe('rc=143\n');
    expect(run('timeout -s INT 1 sleep 3; echo rc=$?').output).toBe('rc=124\n');
  });

  it('reports its own failures with 125, 126 and 127', () => {
    const { run } = workstation();
    expect(run('timeout; echo rc=$?').output).toBe(
      "timeout: missing operand\nTry 'timeout --help' for more information.\nrc=125\n",
    );
    expect(run('timeout x sleep 1; echo rc=$?').output).toBe(
      "timeout: invalid time interval 'x'\nTry 'timeout --help' for more information.\nrc=125\n",
    );
    expect(run('timeout -s FOO 1 sleep 1; echo rc=$?').output).toBe(
      "timeout: FOO: invalid signal\nTry 'timeout --help' for more information.\nrc=125\n",
    );
    expect(run('timeout 1 nosuch; echo rc=$?').output).toBe(
      "timeout: failed to run command 'nosuch': No such file or directory\nrc=127\n",
    );
  });

  it('bounds a watch pane command in a script', () => {
    const { run } = workstation();
    const r = run('timeout 3 watch -n 1 date; echo rc=$?');
    // Frames at 0, 1, 2 and 3 s: the redraw due at 3 s runs before the signal of that instant.
    expect(r.output.match(/Every 1\.0s: date/g)).toHaveLength(4);
    expect(r.output.endsWith('rc=124\n')).toBe(true);
  });
});

describe('timeout (busybox, in a container)', () => {
  it("exits with the signalled command's status, and busybox's messages", () => {
    const tc = TestCluster.seed(1).apply(`
apiVersion: v1
kind: Pod
metadata: {name: bb}
spec:
  containers:
  - {name: main, image: 'busybox:1.36', command: [sleep, '3600']}
`);
    const ws = createWorkstation(tc.sim);
    tc.advance('30s');
    const sh = (script: string) =>
      runOnWorkstation(tc.sim, ws, ['kubectl', 'exec', 'bb', '--', 'sh', '-c', script]);
    expect(sh('timeout 1 sleep 3; echo rc=$?').stdout).toBe('rc=143\n');
    expect(sh('timeout 1 nosuch; echo rc=$?')).toMatchObject({
      stdout: 'rc=127\n',
      stderr: "timeout: can't execute 'nosuch': No such file or directory\n",
    });
    expect(sh('timeout; echo rc=$?').stderr).toContain(
      'Usage: timeout [-s SIG] [-k KILL_SECS] SECS PROG ARGS',
    );
    expect(sh('timeout; echo rc=$?').stdout).toBe('rc=1\n');
  });
});
