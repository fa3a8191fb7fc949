import { describe, expect, it } from 'vitest';
import { mutateCluster } from './mutate-testing';

const JOB = `
apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox, command: [sleep, "20"]}]
---
apiVersion: v1
kind: Pod
metadata: {name: alone}
spec:
  terminationGracePeriodSeconds: 3
  containers: [{name: c, image: busybox, command: [sleep, "3600"]}]
`;

describe('kubectl wait', () => {
  it('blocks until a condition holds, in virtual time', () => {
    const { k, sim } = mutateCluster(JOB, '0s');
    expect(k('wait', '--for=condition=Ready', 'pod/alone')).toEqual({
      stdout: 'pod/alone condition met\n',
      stderr: '',
      code: 0,
    });
    const start = sim.now;
    expect(k('wait', '--for=condition=complete', 'job/pi', '--timeout=5s')).toEqual({
      stdout: '',
      stderr: 'error: timed out waiting for the condition on jobs/pi\n',
      code: 1,
    });
    expect(sim.now - start).toBe(5000);
    expect(k('wait', '--for=condition=complete', 'job/pi').stdout).toBe(
      'job.batch/pi condition met\n',
    );
    expect(k('wait', '--for=jsonpath={.status.phase}=Running', 'pod/alone').stdout).toBe(
      'pod/alone condition met\n',
    );
    expect(k('wait', '--for=jsonpath={.status.succeeded}', 'job/pi', '-o', 'name').stdout).toBe(
      'job.batch/pi\n',
    );
  });

  it('waits for deletion', () => {
    const { k, sim } = mutateCluster(JOB, '5s');
    sim.server.delete('Pod', 'default', 'alone');
    expect(k('wait', '--for=delete', 'pod/alone', '--timeout=1s').stderr).toBe(
      'error: timed out waiting for the condition on pods/alone\n',
    );
    expect(k('wait', '--for=delete', 'pod/alone').stdout).toBe('pod/alone condition met\n');
    expect(k('wait', '--for=delete', 'pod/alone')).toEqual({ stdout: '', stderr: '', code: 0 });
  });

  it('finds the objects of -f manifests', () => {
    const { k, write } = mutateCluster(JOB, '0s');
    write('job.yaml', JOB);
    expect(k('wait', '--for=condition=complete', '-f', 'job.yaml', '--timeout=60s')).toEqual({
      stdout: 'job.batch/pi condition met\n',
      stderr: 'error: timed out waiting for the condition on pods/alone\n',
      code: 1,
    });
    expect(k('wait', '--for=condition=Ready', '-f', 'nope.yaml').stderr).toBe(
      'error: the path "nope.yaml" does not exist\n',
    );
  });

  it('waits for objects to be created', () => {
    const { k, sim } = mutateCluster(JOB, '0s');
    expect(k('wait', '--for=create', 'pod/later', '--timeout=2s').stderr).toBe(
      'error: timed out waiting for the condition on pods/later\n',
    );
    sim.after(3000, 'create later', () =>
      sim.server.create(
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'later' },
          spec: { containers: [{ name: 'c', image: 'busybox' }] },
        } as never,
        { namespace: 'default', fromClient: true },
      ),
    );
    const start = sim.now;
    expect(k('wait', '--for=create', 'pod/later').stdout).toBe('pod/later condition met\n');
    expect(sim.now - start).toBe(3000);
  });

  it('reports bad conditions and missing objects', () => {
    const { k } = mutateCluster(JOB, '0s');
    expect(k('wait', '--for=foo', 'pod/x').stderr).toBe('error: unrecognized condition: "foo"\n');
    expect(k('wait', '--for=jsonpath={.a}=1=2', 'pod/x').stderr).toBe(
      "error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'\n",
    );
    expect(k('wait', '--for=jsonpath=', 'pod/x').stderr).toBe(
      'error: jsonpath expression cannot be empty\n',
    );
    expect(k('wait', '--for=condition=Ready', 'pod/nosuch').stderr).toBe(
      'Error from server (NotFound): pods "nosuch" not found\n',
    );
  });
});
