import { describe, expect, it } from 'vitest';
import { WORKLOADS, mutateCluster } from './mutate-testing';

const CRONJOB = `
apiVersion: batch/v1
kind: CronJob
metadata: {name: simple}
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: c, image: busybox, command: [date]}]
`;

describe('kubectl patch', () => {
  it('patches and says when nothing changed (golden S24)', () => {
    const { k, sim } = mutateCluster(CRONJOB, '1s');
    const patch = '{"spec" : { "suspend" : true }}';
    expect(k('patch', 'cronjob/simple', '--patch', patch)).toEqual({
      stdout: 'cronjob.batch/simple patched\n',
      stderr: '',
      code: 0,
    });
    expect(k('patch', 'cronjob/simple', '--patch', patch).stdout).toBe(
      'cronjob.batch/simple patched (no change)\n',
    );
    expect(sim.server.get('CronJob', 'default', 'simple')!.spec).toMatchObject({ suspend: true });
  });

  it('merges containers by name (strategic), replaces with merge, applies JSON patches', () => {
    const { k, sim } = mutateCluster(WORKLOADS);
    const image = () =>
      (
        sim.server.get('Deployment', 'default', 'web')!.spec as {
          template: { spec: { containers: Array<{ name: string; image: string }> } };
        }
      ).template.spec.containers;
    expect(
      k(
        'patch',
        'deploy',
        'web',
        '-p',
        'spec: {template: {spec: {containers: [{name: c, image: "nginx:1.27"}]}}}',
      ).stdout,
    ).toBe('deployment.apps/web patched\n');
    expect(image()).toEqual([expect.objectContaining({ name: 'c', image: 'nginx:1.27' })]);
    expect(
      k(
        'patch',
        'deploy',
        'web',
        '--type=json',
        '-p',
        '[{"op":"replace","path":"/spec/replicas","value":1}]',
      ).stdout,
    ).toBe('deployment.apps/web patched\n');
    expect(
      k('patch', 'deploy', 'web', '--type', 'merge', '-p', '{"spec":{"replicas":1}}').stdout,
    ).toBe('deployment.apps/web patched (no change)\n');
  });

  it('reports patch and argument errors', () => {
    const { k } = mutateCluster(WORKLOADS);
    expect(k('patch', 'pod', 'x', '-p', '{}', '--patch-file=f').stderr).toBe(
      'error: cannot specify --patch and --patch-file together\n',
    );
    expect(k('patch', 'pod', 'x', '--patch-file=/nonexist').stderr).toBe(
      'error: unable to read patch file: open /nonexist: no such file or directory\n',
    );
    expect(k('patch', 'pod', 'nosuch', '-p', '{}').stderr).toBe(
      'Error from server (NotFound): pods "nosuch" not found\n',
    );
    expect(k('patch', 'deploy', 'web', '--type=json', '-p', '{}').stderr).toBe(
      'Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch\n',
    );
  });
});

describe('kubectl scale', () => {
  it('scales deployments with preconditions', () => {
    const { k, sim } = mutateCluster(WORKLOADS);
    expect(k('scale', 'deploy/web', '--replicas=5')).toEqual({
      stdout: 'deployment.apps/web scaled\n',
      stderr: '',
      code: 0,
    });
    expect(sim.server.get('Deployment', 'default', 'web')!.spec).toMatchObject({ replicas: 5 });
    expect(k('scale', 'deploy/web', '--replicas=2', '--current-replicas=3').stderr).toBe(
      'error: Expected replicas to be 3, was 5\n',
    );
    expect(k('scale', 'deploy/web', '--replicas=2', '--timeout=1m').stdout).toBe(
      'deployment.apps/web scaled\n',
    );
    expect(
      sim.server.get('Deployment', 'default', 'web')!.status as { replicas?: number },
    ).toMatchObject({ replicas: 2 });
  });

  it('cannot scale kinds without a scale subresource (jobs, daemon sets)', () => {
    const { k } = mutateCluster(WORKLOADS);
    expect(k('scale', 'ds/logd', '--replicas=2')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): the server could not find the requested resource\n',
      code: 1,
    });
    expect(k('scale', 'deploy', 'web', '--replicas=-1').stderr).toBe(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    );
  });
});
