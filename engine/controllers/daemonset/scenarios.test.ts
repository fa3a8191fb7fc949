import { describe, expect, it } from 'vitest';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod, Taint } from 'kubernetes-types/core/v1';
import { TestCluster } from '../../testing/test-cluster';
import { fakeUserland } from '../../testing/fake-userland';
import type { KubeObject } from '../../api/object';
import { daemonSetYaml } from './testing';

const cluster = () => TestCluster.seed(1).userland(fakeUserland()).build();

function nodeOf(c: TestCluster, name: string): KubeObject {
  const n = c.get('Node', name, '');
  if (!n) throw new Error(`no node ${name}`);
  return n;
}

function updateNode(c: TestCluster, name: string, change: (n: Node) => Node): void {
  const n = nodeOf(c, name) as unknown as Node;
  const r = c.sim.server.update(change(n) as unknown as KubeObject);
  if (!r.ok) throw new Error(r.error.message);
  c.sim.settle();
}

function label(c: TestCluster, name: string, key: string, value: string | null): void {
  updateNode(c, name, (n) => {
    const labels = { ...n.metadata!.labels };
    if (value === null) delete labels[key];
    else labels[key] = value;
    return { ...n, metadata: { ...n.metadata, labels } };
  });
}

function taint(c: TestCluster, name: string, t: Taint | null, remove?: string): void {
  updateNode(c, name, (n) => {
    let taints = [...(n.spec?.taints ?? [])];
    if (remove) taints = taints.filter((x) => x.key !== remove);
    if (t) taints.push(t);
    const spec: Node['spec'] = { ...n.spec, taints };
    if (!taints.length) delete spec.taints;
    return { ...n, spec };
  });
}

function ds(c: TestCluster, name: string): DaemonSet {
  return c.get<DaemonSet>('DaemonSet', name)!;
}

function counters(c: TestCluster, name: string): number[] {
  const s = ds(c, name).status!;
  return [
    s.desiredNumberScheduled,
    s.currentNumberScheduled,
    s.numberReady,
    s.updatedNumberScheduled ?? 0,
    s.numberAvailable ?? 0,
  ];
}

function podNodes(c: TestCluster, glob: string): string[] {
  return c
    .pods(glob)
    .filter((p) => !p.metadata?.deletionTimestamp)
    .map((p) => p.spec?.nodeName ?? '<none>')
    .sort();
}

describe('S29: DaemonSet without nodeSelector', () => {
  it('runs one pod per worker, none on the tainted control plane', () => {
    const c = cluster().apply(
      daemonSetYaml('testapp-daemon-notnodeselector', { app: 'testapp-ds' }),
    );
    c.at(229);
    expect(counters(c, 'testapp-daemon-notnodeselector')).toEqual([3, 3, 3, 3, 3]);
    const pods = c.pods('testapp-daemon-notnodeselector-*');
    expect(pods.map((p) => p.spec?.nodeName).sort()).toEqual(['node01', 'node02', 'node03']);
    const hashes = new Set(pods.map((p) => p.metadata?.labels?.['controller-revision-hash']));
    expect(hashes.size).toBe(1);
    const [hash] = hashes;
    expect(hash).toMatch(/^[4-9bcdf]{1,10}$/);
    for (const p of pods) {
      expect(p.metadata?.name).toMatch(
        /^testapp-daemon-notnodeselector-[bcdfghjklmnpqrstvwxz2456789]{5}$/,
      );
      expect(p.metadata?.labels).toEqual({
        app: 'testapp-ds',
        'controller-revision-hash': hash,
        'pod-template-generation': '1',
      });
      expect(p.status?.phase).toBe('Running');
      expect(p.metadata?.ownerReferences).toEqual([
        {
          apiVersion: 'apps/v1',
          kind: 'DaemonSet',
          name: 'testapp-daemon-notnodeselector',
          uid: ds(c, 'testapp-daemon-notnodeselector').metadata!.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
      expect(p.spec?.tolerations?.map((t) => `${t.key}:${t.effect}`)).toEqual([
        'node.kubernetes.io/not-ready:NoExecute',
        'node.kubernetes.io/unreachable:NoExecute',
        'node.kubernetes.io/disk-pressure:NoSchedule',
        'node.kubernetes.io/memory-pressure:NoSchedule',
        'node.kubernetes.io/pid-pressure:NoSchedule',
        'node.kubernetes.io/unschedulable:NoSchedule',
      ]);
      expect(
        p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
      ).toEqual({
        nodeSelectorTerms: [
          { matchFields: [{ key: 'metadata.name', operator: 'In', values: [p.spec?.nodeName] }] },
        ],
      });
    }
    const events = c.events('testapp-daemon-notnodeselector');
    expect(events.map((e) => e.reason)).toEqual([
      'SuccessfulCreate',
      'SuccessfulCreate',
      'SuccessfulCreate',
    ]);
    expect(events.map((e) => e.message).sort()).toEqual(
      pods.map((p) => `Created pod: ${p.metadata?.name}`).sort(),
    );
    const revisions = c.sim.server.list('ControllerRevision', { namespace: 'default' });
    expect(revisions.map((r) => [r.metadata.name, r.revision])).toEqual([
      [`testapp-daemon-notnodeselector-${hash}`, 1],
    ]);
    expect(
      c.sim.narration
        .all()
        .some(
          (e) =>
            e.message ===
            'No pod on controlplane: taint node-role.kubernetes.io/control-plane:NoSchedule is not tolerated',
        ),
    ).toBe(true);
    const status = ds(c, 'testapp-daemon-notnodeselector').status;
    expect(status).toEqual({
      currentNumberScheduled: 3,
      desiredNumberScheduled: 3,
      numberAvailable: 3,
      numberMisscheduled: 0,
      numberReady: 3,
      observedGeneration: 1,
      updatedNumberScheduled: 3,
    });
  });
});

describe('S30/S31: nodeSelector and node labels', () => {
  it('creates pods when nodes are labelled and moves them when labels change', () => {
    const c = cluster().apply(
      daemonSetYaml('testapp-ds-java', { app: 'java', nodeSelector: { node: 'java' } }),
    );
    c.at(248).apply(
      daemonSetYaml('testapp-ds-python', { app: 'python', nodeSelector: { node: 'python' } }),
    );
    c.at(272);
    expect(c.pods()).toHaveLength(0);
    expect(counters(c, 'testapp-ds-java')).toEqual([0, 0, 0, 0, 0]);
    expect(counters(c, 'testapp-ds-python')).toEqual([0, 0, 0, 0, 0]);
    label(c, 'node01', 'node', 'java');
    label(c, 'node02', 'node', 'java');
    label(c, 'node03', 'node', 'python');
    c.advance('1s');
    expect(podNodes(c, 'testapp-ds-java-*')).toEqual(['node01', 'node02']);
    expect(podNodes(c, 'testapp-ds-python-*')).toEqual(['node03']);
    c.advance('37s');
    expect(counters(c, 'testapp-ds-java')).toEqual([2, 2, 2, 2, 2]);
    expect(counters(c, 'testapp-ds-python')).toEqual([1, 1, 1, 1, 1]);

    // S31: unlabel node02 → its java pod is deleted.
    const onNode02 = c.pods('testapp-ds-java-*').find((p) => p.spec?.nodeName === 'node02')!;
    label(c, 'node02', 'node', null);
    expect(c.events('testapp-ds-java').at(-1)).toMatchObject({
      reason: 'SuccessfulDelete',
      message: `Deleted pod: ${onNode02.metadata?.name}`,
    });
    expect(ds(c, 'testapp-ds-java').status?.desiredNumberScheduled).toBe(1);
    // Relabel node03 from python to java: python pod deleted, java pod created there.
    label(c, 'node03', 'node', 'java');
    c.advance('1s');
    expect(ds(c, 'testapp-ds-java').status?.desiredNumberScheduled).toBe(2);
    expect(ds(c, 'testapp-ds-python').status?.desiredNumberScheduled).toBe(0);
    expect(podNodes(c, 'testapp-ds-java-*')).toEqual(['node01', 'node03']);
    expect(podNodes(c, 'testapp-ds-python-*')).toEqual([]);
    // Setting the same value again is no change at all.
    const syncs = c.sim.controllers.syncCounts.get('daemonset-controller');
    label(c, 'node01', 'node', 'java');
    expect(c.sim.controllers.syncCounts.get('daemonset-controller')).toBe(syncs);
  });
});

describe('S33: taints after pods exist', () => {
  it('keeps the pod under NoSchedule (misscheduled) and deletes it under NoExecute', () => {
    const c = cluster().apply(daemonSetYaml('logd')).at(295);
    taint(c, 'node03', { key: 'dedicated', value: 'db', effect: 'NoSchedule' });
    c.at(300);
    expect(counters(c, 'logd')).toEqual([2, 2, 2, 2, 2]);
    expect(ds(c, 'logd').status?.numberMisscheduled).toBe(1);
    expect(podNodes(c, 'logd-*')).toEqual(['node01', 'node02', 'node03']);
    expect(
      c.sim.narration
        .all()
        .some((e) =>
          e.message.startsWith(
            'No new pod on node03: taint dedicated=db:NoSchedule is not tolerated',
          ),
        ),
    ).toBe(true);
    taint(c, 'node03', null, 'dedicated');
    c.advance('1s');
    expect(ds(c, 'logd').status?.desiredNumberScheduled).toBe(3);
    expect(ds(c, 'logd').status?.numberMisscheduled).toBe(0);
    const onNode02 = c.pods('logd-*').find((p) => p.spec?.nodeName === 'node02')!;
    taint(c, 'node02', { key: 'maint', value: 'true', effect: 'NoExecute' });
    expect(c.events('logd').at(-1)).toMatchObject({
      reason: 'SuccessfulDelete',
      message: `Deleted pod: ${onNode02.metadata?.name}`,
    });
    c.advance('1s');
    expect(ds(c, 'logd').status?.desiredNumberScheduled).toBe(2);
    expect(ds(c, 'logd').status?.numberMisscheduled).toBe(1);
    // The pod ignores SIGTERM: it terminates for 30 s, then misscheduled drops to 0.
    c.advance('31s');
    expect(ds(c, 'logd').status?.numberMisscheduled).toBe(0);
    expect(podNodes(c, 'logd-*')).toEqual(['node01', 'node03']);
  });

  it('tolerates cordoning: DaemonSet pods stay and are created on cordoned nodes', () => {
    const c = cluster().apply(daemonSetYaml('logd')).at(10);
    updateNode(c, 'node03', (n) => ({ ...n, spec: { ...n.spec, unschedulable: true } }));
    c.advance('5s');
    expect(counters(c, 'logd')).toEqual([3, 3, 3, 3, 3]);
    const pod = c.pods('logd-*').find((p) => p.spec?.nodeName === 'node03')!;
    c.sim.server.delete('Pod', 'default', pod.metadata!.name!, { gracePeriodSeconds: 0 });
    c.advance('5s');
    expect(podNodes(c, 'logd-*')).toEqual(['node01', 'node02', 'node03']);
  });
});

describe('S34: node added and node removed', () => {
  it('creates a pod for a new node within a second; a deleted node’s pod is GCed, not moved', () => {
    const c = cluster().apply(daemonSetYaml('logd')).at(10);
    c.sim.addNode({ name: 'node04' });
    c.advance('1s');
    expect(podNodes(c, 'logd-*')).toEqual(['node01', 'node02', 'node03', 'node04']);
    c.advance('3s');
    expect(counters(c, 'logd')).toEqual([4, 4, 4, 4, 4]);
    c.sim.server.delete('Node', '', 'node01');
    c.sim.settle();
    c.advance('1s');
    // Upstream does not watch node deletions: the status is recomputed at the next sync, which
    // the pod garbage collector's deletion of the orphaned pod triggers after its 40 s quarantine.
    expect(ds(c, 'logd').status?.desiredNumberScheduled).toBe(4);
    expect(podNodes(c, 'logd-*')).toEqual(['node01', 'node02', 'node03', 'node04']);
    c.advance('38s');
    expect(podNodes(c, 'logd-*')).toEqual(['node01', 'node02', 'node03', 'node04']);
    c.advance('2s');
    expect(podNodes(c, 'logd-*')).toEqual(['node02', 'node03', 'node04']);
    expect(ds(c, 'logd').status?.desiredNumberScheduled).toBe(3);
    c.advance('30s');
    expect(podNodes(c, 'logd-*')).toEqual(['node02', 'node03', 'node04']);
    expect(counters(c, 'logd')).toEqual([3, 3, 3, 3, 3]);
  });
});

function setImage(c: TestCluster, name: string, image: string): void {
  const d = c.get('DaemonSet', name)!;
  const spec = d.spec as DaemonSet['spec'];
  const template = spec!.template;
  const containers = template.spec!.containers.map((x) => ({ ...x, image }));
  const r = c.sim.server.update({
    ...d,
    spec: { ...spec, template: { ...template, spec: { ...template.spec, containers } } },
  });
  if (!r.ok) throw new Error(r.error.message);
  c.sim.settle();
}

describe('S36: OnDelete', () => {
  it('leaves pods alone on a template change and replaces deleted pods with the new template', () => {
    const c = cluster()
      .apply(daemonSetYaml('ondel', { updateStrategy: '{type: OnDelete}' }))
      .at(10);
    const before = c.pods('ondel-*').map((p) => p.metadata?.name);
    setImage(c, 'ondel', 'tiny:latest');
    c.advance('5s');
    expect(c.pods('ondel-*').map((p) => p.metadata?.name)).toEqual(before);
    expect(counters(c, 'ondel')).toEqual([3, 3, 3, 0, 3]);
    expect(c.sim.server.list('ControllerRevision', { namespace: 'default' })).toHaveLength(2);
    const victim = c.pods('ondel-*')[0];
    c.sim.server.delete('Pod', 'default', victim.metadata!.name!);
    c.sim.settle();
    c.advance('29s');
    expect(podNodes(c, 'ondel-*')).toHaveLength(2);
    c.advance('2s');
    const replacement = c
      .pods('ondel-*')
      .find(
        (p) => !before.includes(p.metadata?.name) && p.spec?.nodeName === victim.spec?.nodeName,
      )!;
    expect(replacement.metadata?.labels?.['pod-template-generation']).toBe('2');
    expect(replacement.spec?.containers[0].image).toBe('tiny:latest');
    c.advance('3s');
    expect(counters(c, 'ondel')).toEqual([3, 3, 3, 1, 3]);
  });
});

describe('rolling update with maxUnavailable 1', () => {
  it('never has more than one node without an available pod', () => {
    const c = cluster().apply(daemonSetYaml('roll')).at(10);
    const server = c.sim.server;
    let worst = 0;
    const check = () => {
      const pods = server.list('Pod', { namespace: 'default' }) as unknown as Pod[];
      const availableOn = new Set(
        pods
          .filter((p) =>
            p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True'),
          )
          .map((p) => p.spec?.nodeName),
      );
      const missing = ['node01', 'node02', 'node03'].filter((n) => !availableOn.has(n)).length;
      worst = Math.max(worst, missing);
    };
    server.watch('*', check);
    setImage(c, 'roll', 'tiny:latest');
    c.advance('200s');
    expect(worst).toBe(1);
    const pods = c.pods('roll-*');
    expect(pods).toHaveLength(3);
    expect(pods.every((p) => p.spec?.containers[0].image === 'tiny:latest')).toBe(true);
    expect(counters(c, 'roll')).toEqual([3, 3, 3, 3, 3]);
    expect(pods.every((p) => p.metadata?.labels?.['pod-template-generation'] === '2')).toBe(true);
  });
});

describe('controller references', () => {
  it('releases a relabelled pod and replaces it; adopts a matching orphan', () => {
    const c = cluster().apply(daemonSetYaml('logd')).at(10);
    const pod = c
      .pods('logd-*')
      .find((p) => p.spec?.nodeName === 'node01')! as unknown as KubeObject;
    c.sim.server.update({ ...pod, metadata: { ...pod.metadata, labels: { app: 'quarantine' } } });
    c.sim.settle();
    const released = c.get<Pod>('Pod', pod.metadata.name!)!;
    expect(released.metadata?.ownerReferences).toBeUndefined();
    expect(podNodes(c, 'logd-*')).toEqual(['node01', 'node01', 'node02', 'node03']);
    expect(counters(c, 'logd')[0]).toBe(3);
    // Labelling it back makes it an orphan the DaemonSet adopts; node01 then has two pods and
    // the newer one goes.
    const back = c.get('Pod', pod.metadata.name!)!;
    c.sim.server.update({ ...back, metadata: { ...back.metadata, labels: pod.metadata.labels } });
    c.sim.settle();
    expect(c.get<Pod>('Pod', pod.metadata.name!)!.metadata?.ownerReferences?.[0].name).toBe('logd');
    c.advance('1s');
    const onNode01 = c
      .pods('logd-*')
      .filter((p) => p.spec?.nodeName === 'node01' && !p.metadata?.deletionTimestamp);
    expect(onNode01.map((p) => p.metadata?.name)).toEqual([pod.metadata.name]);
  });
});
