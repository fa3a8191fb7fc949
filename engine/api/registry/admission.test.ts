import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../object';
import { clone, type Obj } from './json';
import { createThrough, testContext, updateThrough } from './testing';

function pod(spec: Obj = {}, metadata: Obj = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', ...metadata },
    spec: { containers: [{ name: 'c', image: 'busybox' }], ...spec },
  } as KubeObject;
}

describe('pod admission (ServiceAccount, Priority, DefaultTolerationSeconds)', () => {
  it('adds what a kubeadm cluster adds to every pod', () => {
    const r = createThrough(pod({ initContainers: [{ name: 'init', image: 'busybox' }] }));
    expect(r.errors).toEqual([]);
    const spec = r.obj.spec as Obj & { containers: Obj[]; initContainers: Obj[]; volumes: Obj[] };
    const volumeName = spec.volumes[0].name as string;
    expect(volumeName).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(spec.volumes).toEqual([
      {
        name: volumeName,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
            {
              downwardAPI: {
                items: [
                  {
                    fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
                    path: 'namespace',
                  },
                ],
              },
            },
          ],
        },
      },
    ]);
    const mount = {
      mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
      name: volumeName,
      readOnly: true,
    };
    expect(spec.containers[0].volumeMounts).toEqual([mount]);
    expect(spec.initContainers[0].volumeMounts).toEqual([mount]);
    expect(spec.serviceAccountName).toBe('default');
    expect(spec.serviceAccount).toBe('default');
    expect(spec.priority).toBe(0);
    expect(spec.preemptionPolicy).toBe('PreemptLowerPriority');
    expect(spec.tolerations).toEqual([
      {
        effect: 'NoExecute',
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        tolerationSeconds: 300,
      },
      {
        effect: 'NoExecute',
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        tolerationSeconds: 300,
      },
    ]);
    expect(r.obj.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('draws the volume suffix from the seeded generator', () => {
    const a = createThrough(pod(), testContext()).obj.spec as { volumes: Obj[] };
    const b = createThrough(pod(), testContext()).obj.spec as { volumes: Obj[] };
    expect(a.volumes[0].name).toBe(b.volumes[0].name);
  });

  it('respects automountServiceAccountToken and existing mounts', () => {
    const off = createThrough(pod({ automountServiceAccountToken: false })).obj.spec as Obj;
    expect(off.volumes).toBeUndefined();
    const saOff = createThrough(
      pod(),
      testContext({
        get: (kind, ns, name) =>
          ({
            apiVersion: 'v1',
            kind,
            metadata: { name, namespace: ns },
            automountServiceAccountToken: false,
          }) as KubeObject,
      }),
    ).obj.spec as Obj;
    expect(saOff.volumes).toBeUndefined();
  });

  it('keeps tolerations that already cover the node taints', () => {
    const spec = createThrough(pod({ tolerations: [{ operator: 'Exists' }] })).obj.spec as Obj;
    expect(spec.tolerations).toEqual([{ operator: 'Exists' }]);
    const ds = createThrough(
      pod({
        tolerations: [
          { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
          { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
        ],
      }),
    ).obj.spec as Obj;
    expect(ds.tolerations).toHaveLength(2);
  });

  it('re-adds the default tolerations on update, as the plugin also runs for updates', () => {
    const created = createThrough(pod()).obj;
    const next = clone(created);
    (next.spec as Obj).tolerations = [];
    const r = updateThrough(next, created);
    expect(r.errors).toEqual([]);
    expect((r.obj.spec as Obj).tolerations).toEqual((created.spec as Obj).tolerations);
  });

  it('resolves system priority classes and rejects unknown ones', () => {
    const critical = createThrough(pod({ priorityClassName: 'system-node-critical' })).obj
      .spec as Obj;
    expect(critical.priority).toBe(2000001000);
    const r = createThrough(pod({ priorityClassName: 'gold' }));
    expect(r.status?.code).toBe(403);
    expect(r.status?.message).toBe(
      'pods "p" is forbidden: no PriorityClass with name gold was found',
    );
    const fixed = createThrough(pod({ priority: 5 }));
    expect(fixed.status?.message).toBe(
      'pods "p" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
    );
  });

  it('rejects a missing service account, naming the generateName like a Job controller sees it', () => {
    const ctx = testContext({ get: () => undefined });
    const r = createThrough(
      pod({ serviceAccountName: 'builder' }, { name: undefined, generateName: 'pi-' }),
      ctx,
    );
    expect(r.status?.reason).toBe('Forbidden');
    expect(r.status?.message).toBe(
      'pods "pi-" is forbidden: error looking up service account default/builder: serviceaccount "builder" not found',
    );
  });
});

describe('NamespaceLifecycle', () => {
  it('rejects objects in a missing namespace', () => {
    const r = createThrough(
      pod({}, { namespace: 'nope' }),
      testContext({ namespaceExists: () => false }),
    );
    expect(r.status).toMatchObject({
      reason: 'NotFound',
      code: 404,
      message: 'namespaces "nope" not found',
    });
  });

  it('rejects creates in a terminating namespace', () => {
    const ctx = testContext({
      get: (kind, _ns, name) =>
        (kind === 'Namespace'
          ? { apiVersion: 'v1', kind, metadata: { name }, status: { phase: 'Terminating' } }
          : { apiVersion: 'v1', kind, metadata: { name } }) as KubeObject,
    });
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi', namespace: 'old' },
      spec: {
        template: { spec: { containers: [{ name: 'c', image: 'perl' }], restartPolicy: 'Never' } },
      },
    } as KubeObject;
    const r = createThrough(job, ctx);
    expect(r.status?.message).toBe(
      'jobs.batch "pi" is forbidden: unable to create new content in namespace old because it is being terminated',
    );
    expect(r.status?.details?.causes).toEqual([
      {
        reason: 'NamespaceTerminating',
        message: 'namespace old is being terminated',
        field: 'metadata.namespace',
      },
    ]);
  });
});

describe('TaintNodesByCondition', () => {
  it('taints a new node not-ready', () => {
    const node = createThrough({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'node01' },
    } as KubeObject).obj;
    expect((node.spec as Obj).taints).toEqual([
      { effect: 'NoSchedule', key: 'node.kubernetes.io/not-ready' },
    ]);
  });
});
