/**
 * `pwd` and `chmod` where learners meet them: `kubectl exec POD -- pwd` in alpine and busybox
 * containers (no shell in between), `chmod +x` before running a script, and the GNU `chmod` of
 * the workstation.
 */
import { describe, expect, it } from 'vitest';
import { createWorkstation } from '../../shell/workstation';
import { runScript } from '../../shell/script-runner';
import { runOnWorkstation } from '../../testing/run-command';
import { TestCluster } from '../../testing/test-cluster';

const pod = (name: string, image: string, workingDir?: string) => `
apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers:
  - name: main
    image: ${image}
    command: [sleep, '3600']${workingDir ? `\n    workingDir: ${workingDir}` : ''}
`;

function cluster() {
  const tc = TestCluster.seed(1)
    .apply(pod('al', 'alpine:3.20'))
    .apply(pod('bb', 'busybox:1.36', '/tmp'));
  const ws = createWorkstation(tc.sim);
  tc.advance('30s');
  const k = (...args: string[]) => runOnWorkstation(tc.sim, ws, ['kubectl', ...args]);
  return { tc, ws, k };
}

describe('pwd and chmod in containers', () => {
  it('kubectl exec runs pwd without a shell, in the working directory', () => {
    const { k } = cluster();
    expect(k('exec', 'al', '--', 'pwd')).toEqual({ stdout: '/\n', stderr: '', code: 0 });
    expect(k('exec', 'bb', '--', 'pwd')).toEqual({ stdout: '/tmp\n', stderr: '', code: 0 });
    expect(k('exec', 'al', '--', 'ls', '/bin/pwd', '/bin/chmod').stdout).toBe(
      '/bin/chmod\n/bin/pwd\n',
    );
  });

  it('chmod +x lets the shell execute a script; ls -l shows the bits', () => {
    const { k } = cluster();
    const script =
      "cd /tmp; printf '#!/bin/sh\\necho ran\\n' > s.sh; ./s.sh; echo $?; " +
      'chmod +x s.sh; ./s.sh; ls -l s.sh | cut -c1-10; chmod 0 s.sh; ls -l s.sh | cut -c1-10';
    for (const name of ['al', 'bb']) {
      const r = k('exec', name, '--', 'sh', '-c', script);
      expect(r.stdout, name).toBe('126\nran\n-rwxr-xr-x\n----------\n');
      expect(r.stderr, name).toBe('sh: ./s.sh: Permission denied\n');
    }
    expect(k('exec', 'al', '--', 'chmod', '+x', 'nope')).toEqual({
      stdout: '',
      stderr: 'chmod: nope: No such file or directory\ncommand terminated with exit code 1\n',
      code: 1,
    });
  });

  it('the workstation has GNU chmod', () => {
    const { tc, ws } = cluster();
    const r = runScript(
      tc.sim,
      ws,
      "printf 'echo hi\\n' > run.sh\n./run.sh\nchmod +x run.sh && ./run.sh\nchmod u+x nope\nchmod -v 600 run.sh\n/usr/bin/pwd -P >/dev/null && echo pwd-ok",
    );
    expect(r.output).toBe(
      'bash: ./run.sh: Permission denied\nhi\n' +
        "chmod: cannot access 'nope': No such file or directory\n" +
        "mode of 'run.sh' changed from 0755 (rwxr-xr-x) to 0600 (rw-------)\npwd-ok\n",
    );
  });
});
