import { describe, expect, it } from 'vitest';
import { WORKLOADS, mutateCluster } from './mutate-testing';

describe('kubectl rollout status', () => {
  it('follows a DaemonSet rolling update event by event in virtual time', () => {
    const { k, sim } = mutateCluster(WORKLOADS);
    expect(k('rollout', 'status', 'ds/logd').stdout).toBe(
      'daemon set "logd" successfully rolled out\n',
    );
    k('set', 'image', 'ds/logd', 'c=busybox:1.37');
    const start = sim.now;
    const out = k('rollout', 'status', 'ds/logd');
    expect(out.code).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'Waiting for daemon set "logd" rollout to finish: 0 out of 3 new pods have been updated...',
    );
    expect(lines).toContain(
      'Waiting for daemon set "logd" rollout to finish: 2 of 3 updated pods are available...',
    );
    expect(lines[lines.length - 1]).toBe('daemon set "logd" successfully rolled out');
    for (const l of lines.slice(0, -1))
      expect(l).toMatch(/^Waiting for daemon set "logd" rollout to finish: /);
    // One node at a time (maxUnavailable 1): the old pods' 30 s grace periods add up.
    expect(sim.now - start).toBeGreaterThan(60_000);
  });

  it('follows a Deployment and stops at --timeout or with --watch=false', () => {
    const { k } = mutateCluster(WORKLOADS);
    k('set', 'image', 'deploy/web', 'c=nginx:1.27');
    expect(k('rollout', 'status', 'deploy/web', '--watch=false').stdout).toBe(
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n',
    );
    const out = k('rollout', 'status', 'deploy/web');
    expect(out.stdout.endsWith('deployment "web" successfully rolled out\n')).toBe(true);
    k('set', 'image', 'deploy/web', 'c=nginx:1.28');
    expect(k('rollout', 'status', 'deploy/web', '--timeout=0.1s')).toMatchObject({
      stderr: 'error: timed out waiting for the condition\n',
      code: 1,
    });
  });

  it('refuses OnDelete daemon sets and kinds without a status viewer (golden S36)', () => {
    const { k } = mutateCluster(
      WORKLOADS.replace(
        'spec:\n  selector: {matchLabels: {app: logd}}',
        'spec:\n  updateStrategy: {type: OnDelete}\n  selector: {matchLabels: {app: logd}}',
      ),
    );
    expect(k('rollout', 'status', 'ds/logd')).toEqual({
      stdout: '',
      stderr: 'error: rollout status is only available for RollingUpdate strategy type\n',
      code: 1,
    });
    expect(k('rollout', 'status', 'pod/alone').stderr).toBe(
      'error: no status viewer has been implemented for Pod\n',
    );
  });
});

describe('kubectl rollout history / undo', () => {
  it('lists revisions and rolls back', () => {
    const { k, sim } = mutateCluster(WORKLOADS);
    k('set', 'image', 'deploy/web', 'c=nginx:1.27');
    k('rollout', 'status', 'deploy/web');
    expect(k('rollout', 'history', 'deploy/web').stdout).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    );
    // history.go prints the template without a tabwriter: the tabs stay in the output.
    expect(k('rollout', 'history', 'deploy/web', '--revision=1').stdout).toMatch(
      /^deployment\.apps\/web with revision #1\nPod Template:\n {2}Labels:\tapp=web\n\tpod-template-hash=\w+\n {2}Containers:\n {3}c:\n {4}Image:\tnginx\n[^]*\n {2}Tolerations:\t<none>\n\n$/,
    );
    expect(k('rollout', 'undo', 'deploy/web').stdout).toBe('deployment.apps/web rolled back\n');
    const template = (
      sim.server.get('Deployment', 'default', 'web')!.spec as {
        template: { spec: { containers: Array<{ image: string }> } };
      }
    ).template;
    expect(template.spec.containers[0].image).toBe('nginx');
    expect(k('rollout', 'undo', 'deploy/web', '--to-revision=9').stderr).toBe(
      'error: unable to find specified revision 9 in history\n',
    );
  });

  it('rolls a daemon set back through its ControllerRevisions', () => {
    const { k, sim } = mutateCluster(WORKLOADS);
    expect(k('rollout', 'undo', 'ds/logd').stderr).toBe(
      'error: no last revision to roll back to\n',
    );
    k('set', 'image', 'ds/logd', 'c=busybox:1.37');
    expect(k('rollout', 'history', 'ds/logd').stdout).toBe(
      'daemonset.apps/logd \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    );
    expect(k('rollout', 'undo', 'ds/logd', '--to-revision=1').stdout).toBe(
      'daemonset.apps/logd rolled back\n',
    );
    const ds = sim.server.get('DaemonSet', 'default', 'logd')!;
    expect(JSON.stringify(ds.spec)).toContain('"image":"busybox"');
  });
});

describe('kubectl rollout restart / pause / resume', () => {
  it('stamps restartedAt with the virtual time and honours pause', () => {
    const { k, sim } = mutateCluster(WORKLOADS);
    expect(k('rollout', 'pause', 'deploy/web').stdout).toBe('deployment.apps/web paused\n');
    expect(k('rollout', 'pause', 'deploy/web').stdout).toBe('deployment.apps/web already paused\n');
    expect(k('rollout', 'restart', 'deploy/web').stderr).toBe(
      'error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n',
    );
    expect(k('rollout', 'resume', 'deploy/web').stdout).toBe('deployment.apps/web resumed\n');
    expect(k('rollout', 'restart', 'ds/logd').stdout).toBe('daemonset.apps/logd restarted\n');
    const ds = sim.server.get('DaemonSet', 'default', 'logd')!;
    expect(JSON.stringify(ds.spec)).toContain(
      '"kubectl.kubernetes.io/restartedAt":"2025-01-15T10:01:00Z"',
    );
    expect(k('rollout', 'pause', 'ds/logd').stderr).toBe(
      'error: daemonsets.apps "logd" pausing is not supported\n',
    );
  });
});
