import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { TestCluster } from '../testing/test-cluster';
import { fakeUserland } from '../testing/fake-userland';
import { writerDescription } from '../runtime/kernel';

const pod = (name: string, command: string[], extra: Record<string, unknown> = {}) => `
apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  restartPolicy: ${String(extra.restartPolicy ?? 'Never')}
  containers:
  - name: c
    image: ${String(extra.image ?? 'tiny:1')}
    command: ${JSON.stringify(command)}
`;

const cluster = () => TestCluster.seed(1).userland(fakeUserland()).build();

describe('kubelet lifecycle under the reference timing model', () => {
  it('runs a container: ContainerCreating, Running at +2s, Succeeded when the program exits', () => {
    const c = cluster().apply(pod('p', ['sleep', '20']));
    c.at(1).expectPod('p', { phase: 'Pending', state: 'waiting:ContainerCreating' });
    c.at(2).expectPod('p', { phase: 'Running', state: 'running' });
    c.at(21.9).expectPod('p', { phase: 'Running' });
    c.at(22).expectPod('p', { phase: 'Succeeded', state: 'terminated:Completed', restarts: 0 });
    const p = c.get<Pod>('Pod', 'p')!;
    expect(p.spec?.nodeName).toMatch(/^node0[123]$/);
    expect(p.status?.podIP).toMatch(/^10\.244\.[123]\.\d+$/);
    expect(c.events('p').map((e) => e.reason)).toEqual([
      'Scheduled',
      'Pulled',
      'Created',
      'Started',
    ]);
    expect(c.events('p')[0].message).toBe(`Successfully assigned default/p to ${p.spec?.nodeName}`);
    expect(c.events('p')[1].message).toBe('Container image "tiny:1" already present on machine');
  });

  it('marks a failing Never pod Failed with reason Error and exit code', () => {
    const c = cluster()
      .apply(pod('f', ['exit', '3']))
      .at(3);
    c.expectPod('f', { phase: 'Failed', state: 'terminated:Error' });
    expect(c.get<Pod>('Pod', 'f')!.status?.containerStatuses?.[0].state?.terminated?.exitCode).toBe(
      3,
    );
  });

  it('restarts with the crash-loop back-off: at once, then 10 s, then 20 s', () => {
    const c = cluster().apply(pod('crash', ['false'], { restartPolicy: 'Always' }));
    c.at(2).expectPod('crash', { phase: 'Running', state: 'terminated:Error', restarts: 0 });
    c.at(3).expectPod('crash', { state: 'terminated:Error', restarts: 1 });
    c.at(4).expectPod('crash', { state: 'waiting:CrashLoopBackOff', restarts: 1 });
    const waiting = c.get<Pod>('Pod', 'crash')!.status!.containerStatuses![0].state!.waiting!;
    expect(waiting.message).toMatch(
      /^back-off 10s restarting failed container=c pod=crash_default\(/,
    );
    c.at(12.9).expectPod('crash', { restarts: 1 });
    c.at(13).expectPod('crash', { restarts: 2 });
    c.at(14).expectPod('crash', { state: 'waiting:CrashLoopBackOff', restarts: 2 });
    c.at(33).expectPod('crash', { restarts: 3 });
    expect(c.events('crash').find((e) => e.reason === 'BackOff')?.message).toMatch(
      /^Back-off restarting failed container c in pod crash_default\(/,
    );
  });

  it('reports ErrImagePull then ImagePullBackOff for an unknown image', () => {
    const c = cluster().apply(pod('img', ['sleep', '1'], { image: 'nosuchimage' }));
    c.at(2).expectPod('img', { phase: 'Pending', state: 'waiting:ErrImagePull' });
    c.at(3).expectPod('img', { phase: 'Pending', state: 'waiting:ImagePullBackOff' });
    const failed = c
      .events('img')
      .filter((e) => e.reason === 'Failed')
      .map((e) => e.message);
    expect(failed[0]).toBe(
      'Failed to pull image "nosuchimage": failed to pull and unpack image "docker.io/library/nosuchimage:latest": failed to resolve reference "docker.io/library/nosuchimage:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
    expect(failed).toContain('Error: ErrImagePull');
  });

  it('keeps a pod whose PID 1 ignores SIGTERM Terminating for the 30 s grace period', () => {
    const c = cluster().apply(pod('slow', ['sleep', '3600']));
    c.at(10);
    c.sim.server.delete('Pod', 'default', 'slow');
    c.at(11).expectPod('slow', { deleting: true, phase: 'Running' });
    c.at(39.9).expectPod('slow', { deleting: true });
    c.at(40.1);
    expect(c.pods('slow')).toHaveLength(0);
    expect(
      c.events('slow').some((e) => e.reason === 'Killing' && e.message === 'Stopping container c'),
    ).toBe(true);
  });

  it('honours a shorter grace period from a second delete (kubectl delete --now)', () => {
    const c = cluster().apply(pod('slow', ['sleep', '3600']));
    c.at(10);
    c.sim.server.delete('Pod', 'default', 'slow');
    c.at(15).expectPod('slow', { deleting: true });
    expect(c.get<Pod>('Pod', 'slow')!.metadata?.deletionGracePeriodSeconds).toBe(30);
    // A longer grace period never extends the one in force.
    c.sim.server.delete('Pod', 'default', 'slow', { gracePeriodSeconds: 60 });
    c.sim.server.delete('Pod', 'default', 'slow', { gracePeriodSeconds: 1 });
    c.at(15.5).expectPod('slow', { deleting: true });
    expect(c.get<Pod>('Pod', 'slow')!.metadata?.deletionGracePeriodSeconds).toBe(1);
    c.at(16.1);
    expect(c.pods('slow')).toHaveLength(0);
    // The pod worker kills again with the new period: a second stop, counted on the event.
    const killing = c.events('slow').filter((e) => e.reason === 'Killing');
    expect(killing.map((e) => e.count ?? 1).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('keeps the original grace period when a second delete asks for a longer one', () => {
    const c = cluster().apply(pod('slow', ['sleep', '3600']));
    c.at(10);
    c.sim.server.delete('Pod', 'default', 'slow', { gracePeriodSeconds: 5 });
    c.at(12);
    c.sim.server.delete('Pod', 'default', 'slow', { gracePeriodSeconds: 30 });
    c.at(14.9).expectPod('slow', { deleting: true });
    c.at(15.1);
    expect(c.pods('slow')).toHaveLength(0);
  });

  it('runs exec sessions in the container workingDir, not in / or where PID 1 went', () => {
    const c = cluster().apply(`
apiVersion: v1
kind: Pod
metadata: {name: wd}
spec:
  containers:
  - name: c
    image: tiny:1
    workingDir: /bin
    command: ["sleep", "3600"]
`);
    c.at(5);
    const p = c.get<Pod>('Pod', 'wd')!;
    const kubelet = c.sim.kubelets.get(p.spec!.nodeName!)!;
    const uid = p.metadata!.uid!;
    // PID 1 has moved elsewhere since it started; exec still starts in the workingDir.
    kubelet.container(uid, 'c')!.process!.cwd = '/tmp';
    let out = '';
    const sink = writerDescription((d) => (out += d));
    const proc = kubelet.exec(uid, 'c', ['./echo', 'hi'], new Map([[1, sink]]));
    expect(typeof proc === 'object' && 'pid' in proc && proc.cwd).toBe('/bin');
    c.sim.settle();
    expect(out).toBe('hi\n');
    expect(kubelet.exec(uid, 'c', ['./nothere'], new Map())).toEqual({ notExecutable: 'ENOENT' });
  });

  it('lets a pod whose PID 1 handles SIGTERM go at once', () => {
    const c = cluster().apply(pod('quick', ['graceful']));
    c.at(10);
    c.sim.server.delete('Pod', 'default', 'quick');
    c.at(10.5);
    expect(c.pods('quick')).toHaveLength(0);
  });

  it('deletes a finished pod immediately', () => {
    const c = cluster()
      .apply(pod('done', ['true']))
      .at(5);
    c.sim.server.delete('Pod', 'default', 'done');
    c.sim.settle();
    expect(c.pods('done')).toHaveLength(0);
  });
});

describe('scheduler', () => {
  it('never places pods on the tainted control plane and reports why a pod cannot fit', () => {
    const c = cluster().apply(`
apiVersion: v1
kind: Pod
metadata: {name: picky}
spec:
  restartPolicy: Never
  nodeSelector: {disk: ssd}
  containers: [{name: c, image: tiny:1, command: [sleep, "1"]}]
`);
    c.at(5).expectPod('picky', { phase: 'Pending' });
    const ev = c.events('picky').find((e) => e.reason === 'FailedScheduling');
    expect(ev?.message).toBe(
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
    );
    // Labelling a node makes it schedulable; the pod is retried after its back-off.
    const node = c.get('Node', 'node02', '')!;
    c.sim.server.update({
      ...node,
      metadata: { ...node.metadata, labels: { ...node.metadata.labels, disk: 'ssd' } },
    });
    c.advance('2s').expectPod('picky', { node: 'node02' });
  });

  it('spreads pods of one owner across nodes', () => {
    const c = cluster();
    const owner = c.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner' } });
    if (!owner.ok) throw new Error(owner.error.message);
    for (let i = 0; i < 6; i++) {
      c.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `spread-${i}`,
          ownerReferences: [
            {
              apiVersion: 'v1',
              kind: 'ConfigMap',
              name: 'owner',
              uid: owner.value.metadata.uid!,
              controller: true,
            },
          ],
        },
        spec: { containers: [{ name: 'c', image: 'tiny:1' }] },
      });
    }
    const counts = new Map<string, number>();
    for (const p of c.pods('spread-*'))
      counts.set(p.spec!.nodeName!, (counts.get(p.spec!.nodeName!) ?? 0) + 1);
    expect([...counts.values()].sort()).toEqual([2, 2, 2]);
  });
});

describe('nodes', () => {
  it('garbage-collects the pods of a deleted node after 40 s and does not move them', () => {
    const c = cluster()
      .apply(pod('lost', ['sleep', '3600']))
      .at(5);
    const node = c.get<Pod>('Pod', 'lost')!.spec!.nodeName!;
    c.sim.server.delete('Node', '', node);
    c.at(44).expectPod('lost', { phase: 'Running' });
    c.at(46);
    expect(c.pods('lost')).toHaveLength(0);
  });
});
