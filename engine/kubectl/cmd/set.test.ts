import { describe, expect, it } from 'vitest';
import { WORKLOADS, mutateCluster } from './mutate-testing';

describe('kubectl set image', () => {
  it('updates images, stays silent when nothing changes, names missing containers', () => {
    const { k } = mutateCluster(WORKLOADS);
    expect(k('set', 'image', 'ds/logd', 'c=busybox:1.37')).toEqual({
      stdout: 'daemonset.apps/logd image updated\n',
      stderr: '',
      code: 0,
    });
    expect(k('set', 'image', 'ds/logd', 'c=busybox:1.37')).toEqual({
      stdout: '',
      stderr: '',
      code: 0,
    });
    expect(k('set', 'image', 'deploy/web', '*=nginx:1.27').stdout).toBe(
      'deployment.apps/web image updated\n',
    );
    expect(k('set', 'image', 'deploy/web', 'x=nginx').stderr).toBe(
      'error: unable to find container named "x"\n',
    );
    expect(k('set', 'image', 'svc/kubernetes', 'a=b').stderr).toBe(
      'error: services/kubernetes the object is not a pod or does not have a pod template: *v1.Service\n',
    );
    expect(k('set', 'image', 'deploy/web').stderr).toBe(
      'error: at least one image update is required\n',
    );
  });
});

describe('kubectl set env', () => {
  it('sets, lists and removes variables', () => {
    const { k } = mutateCluster(WORKLOADS);
    expect(k('set', 'env', 'deploy/web', 'A=1', 'B=2').stdout).toBe(
      'deployment.apps/web env updated\n',
    );
    expect(k('set', 'env', 'deploy/web', '--list').stdout).toBe(
      '# Deployment web, container c\nA=1\nB=2\n',
    );
    expect(k('set', 'env', 'deploy/web', 'B=3', '--overwrite=false').stderr).toBe(
      "error: deployments/web 'B' already has a value (2), and --overwrite is false\n",
    );
    expect(k('set', 'env', 'deploy/web', 'A-').stdout).toBe('deployment.apps/web env updated\n');
    expect(k('set', 'env', 'deploy/web', '--list').stdout).toBe(
      '# Deployment web, container c\nB=2\n',
    );
    expect(k('set', 'env', 'deploy/web', '-c', 'nope', 'A=3')).toEqual({
      stdout: '',
      stderr: 'Warning: Deployment/web does not have any containers matching "nope"\n',
      code: 0,
    });
    expect(k('set', 'env', 'deploy/web', 'A=b', 'A-').stderr).toBe(
      'error: can not both modify and remove the same environment variable in the same command\n',
    );
  });
});
