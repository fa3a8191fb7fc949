import { describe, expect, it } from 'vitest';
import { createWorkstation } from '../../shell/workstation';
import { runOnWorkstation } from '../../testing/run-command';
import { TestCluster } from '../../testing/test-cluster';
import { kubectlOnTerminal } from './terminal-testing';

function setup() {
  const tc = TestCluster.seed(1).build();
  const ws = createWorkstation(tc.sim);
  const k = (...args: string[]) => runOnWorkstation(tc.sim, ws, ['kubectl', ...args]);
  const onTerminal = (args: string[]) => kubectlOnTerminal(tc, ws, args);
  return { tc, k, onTerminal };
}

describe('kubectl run', () => {
  it('prints the generated pod as kubectl does', () => {
    const { k } = setup();
    expect(k('run', 'web', '--image=nginx', '--dry-run=client', '-o', 'yaml').stdout).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: web\n  name: web\nspec:\n  containers:\n  - image: nginx\n    name: web\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n',
    );
    expect(
      k(
        'run',
        'box',
        '--image=busybox',
        '--port=8080',
        '--env=A=1',
        '--labels=app=box,tier=x',
        '--restart=Never',
        '--dry-run=client',
        '-o',
        'yaml',
        '--command',
        '--',
        'sleep',
        '3600',
      ).stdout,
    ).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: box\n    tier: x\n  name: box\nspec:\n  containers:\n  - command:\n    - sleep\n    - "3600"\n    env:\n    - name: A\n      value: "1"\n    image: busybox\n    name: box\n    ports:\n    - containerPort: 8080\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Never\nstatus: {}\n',
    );
    expect(
      k('run', 'ng', '--image=nginx', '--port=80', '--expose', '--dry-run=client', '-o', 'yaml')
        .stdout,
    ).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  name: ng\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 80\n  selector:\n    run: ng\nstatus:\n  loadBalancer: {}\n---\n' +
        'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: ng\n  name: ng\nspec:\n  containers:\n  - image: nginx\n    name: ng\n    ports:\n    - containerPort: 80\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n',
    );
    expect(k('run', 'web', '--image=nginx', '--dry-run=client').stdout).toBe(
      'pod/web created (dry run)\n',
    );
  });

  it('creates the pod, and the service with --expose', () => {
    const { tc, k } = setup();
    expect(k('run', 'web', '--image=nginx', '--port=80', '--expose')).toEqual({
      stdout: 'service/web created\npod/web created\n',
      stderr: '',
      code: 0,
    });
    const svc = tc.sim.server.get('Service', 'default', 'web') as unknown as {
      spec: { selector: Record<string, string>; ports: Array<{ port: number }> };
    };
    expect(svc.spec.selector).toEqual({ run: 'web' });
    expect(k('run', 'web', '--image=nginx').stderr).toBe(
      'Error from server (AlreadyExists): pods "web" already exists\n',
    );
    tc.advance('30s');
    expect(tc.pods('web')[0].status?.phase).toBe('Running');
  });

  it('applies --overrides to the generated pod', () => {
    const { k } = setup();
    const r = k(
      'run',
      'web',
      '--image=nginx',
      '--dry-run=client',
      '-o',
      'jsonpath={.spec.nodeName}/{.spec.containers[0].image}',
      '--overrides={"spec":{"nodeName":"node01"}}',
    );
    expect(r).toEqual({ stdout: 'node01/nginx', stderr: '', code: 0 });
  });

  it('validates its flags as kubectl does', () => {
    const { k } = setup();
    expect(k('run', 'x', '--image=nginx', '-t').stderr).toBe(
      "error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n",
    );
    expect(k('run', 'x', '--image=NGINX').stderr).toBe(
      'error: Invalid image name "NGINX": invalid reference format\n',
    );
    expect(k('run', 'x', '--image=nginx', '--rm').stderr).toBe(
      "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n",
    );
  });

  it('attaches with -i, reports the exit code and deletes the pod with --rm', () => {
    const { tc, k } = setup();
    const r = k(
      'run',
      '-i',
      '--rm',
      '--restart=Never',
      't',
      '--image=busybox',
      '--',
      'sh',
      '-c',
      'sleep 2; echo hi; exit 3',
    );
    expect(r.stdout).toBe('hi\npod "t" deleted\n');
    expect(r.stderr).toBe(
      "If you don't see a command prompt, try pressing enter.\npod default/t terminated (Error)\n",
    );
    expect(r.code).toBe(3);
    tc.advance('40s');
    expect(tc.pods('t')).toHaveLength(0);
  });

  it('gives up when the pod never runs, still deleting it with --rm', () => {
    const { k } = setup();
    const r = k(
      'run',
      'x',
      '-i',
      '--rm',
      '--restart=Never',
      '--image=doesnotexist.invalid/foo',
      '--pod-running-timeout=10s',
    );
    expect(r).toEqual({
      stdout: 'pod "x" deleted\n',
      stderr: 'error: timed out waiting for the condition\n',
      code: 1,
    });
  });

  it('gives a shell with -ti on a terminal', () => {
    const { tc, onTerminal } = setup();
    const t = onTerminal([
      'run',
      '-ti',
      '--rm',
      '--restart=Never',
      'tmp',
      '--image=busybox',
      '--',
      'sh',
    ]);
    tc.advance('20s');
    expect(t.screen()).toContain("If you don't see a command prompt, try pressing enter.");
    t.type('echo ok-$((2*3))\r');
    expect(t.screen()).toContain('ok-6');
    t.type('exit\r', '5s');
    expect(t.proc.done).toBe(true);
    expect(t.proc.exitCode).toBe(0);
    expect(t.screen()).toContain('pod "tmp" deleted');
  });
});
