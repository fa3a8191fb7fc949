import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../object';
import { strategyFor } from '../index';
import { clone, type Obj } from '../json';
import { createThrough, statusUpdateThrough, TEST_UID, updateThrough } from '../testing';
import { serviceAllocationNeeds } from './service';

const KINDS = [
  'Namespace',
  'Node',
  'Pod',
  'Service',
  'Endpoints',
  'Event',
  'ConfigMap',
  'Secret',
  'ServiceAccount',
  'Job',
  'CronJob',
  'DaemonSet',
  'ControllerRevision',
  'Deployment',
  'ReplicaSet',
];

it('serves a strategy for every kind of the simulated API server', () => {
  for (const kind of KINDS) expect(strategyFor(kind)?.kind).toBe(kind);
  expect(strategyFor('StatefulSet')).toBeUndefined();
});

function job(metadata: Obj = {}, templateLabels?: Obj): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', ...metadata },
    spec: {
      template: {
        ...(templateLabels ? { metadata: { labels: templateLabels } } : {}),
        spec: { containers: [{ name: 'pi', image: 'perl' }], restartPolicy: 'Never' },
      },
    },
  } as KubeObject;
}

const generated = {
  'batch.kubernetes.io/controller-uid': TEST_UID,
  'batch.kubernetes.io/job-name': 'pi',
  'controller-uid': TEST_UID,
  'job-name': 'pi',
};

describe('Job strategy (§1.3)', () => {
  it('generates selector and template labels, status {} and generation 1', () => {
    const r = createThrough(job());
    expect(r.errors).toEqual([]);
    const spec = r.obj.spec as Obj & { template: { metadata: Obj } };
    expect(spec.selector).toEqual({
      matchLabels: { 'batch.kubernetes.io/controller-uid': TEST_UID },
    });
    expect(spec.template.metadata.labels).toEqual(generated);
    expect(r.obj.status).toEqual({});
    expect(r.obj.metadata.generation).toBe(1);
  });

  it.each<[string, Obj, Obj | undefined, Obj]>([
    ['no labels anywhere', {}, undefined, generated],
    ['template labels only', {}, { app: 'x' }, { app: 'x', ...generated }],
    ['own labels', { labels: { team: 'a' } }, { app: 'x' }, { team: 'a' }],
    ['empty own labels', { labels: {} }, { app: 'x' }, { app: 'x', ...generated }],
  ])(
    'shows the template labels on an unlabeled Job: %s',
    (_name, metadata, templateLabels, expected) => {
      const r = createThrough(job(metadata, templateLabels));
      expect(r.obj.metadata.labels).toEqual(expected);
    },
  );

  it('does not generate anything with manualSelector', () => {
    const manual = job({}, { app: 'x' });
    Object.assign(manual.spec as Obj, {
      manualSelector: true,
      selector: { matchLabels: { app: 'x' } },
    });
    const r = createThrough(manual);
    expect(r.errors).toEqual([]);
    expect(r.obj.metadata.labels).toEqual({ app: 'x' });
  });

  it('keeps status on spec updates and spec on status updates', () => {
    const created = createThrough(job()).obj;
    const withStatus = clone(created);
    withStatus.status = { active: 1, startTime: '2025-01-15T10:00:01Z' };
    (withStatus.spec as Obj).parallelism = 9;
    const s = statusUpdateThrough(withStatus, created);
    expect(s.errors).toEqual([]);
    expect(s.obj.status).toEqual({ active: 1, startTime: '2025-01-15T10:00:01Z' });
    expect((s.obj.spec as Obj).parallelism).toBe(1);
    const next = clone(s.obj);
    next.status = {};
    (next.spec as Obj).parallelism = 2;
    const u = updateThrough(next, s.obj);
    expect(u.obj.status).toEqual({ active: 1, startTime: '2025-01-15T10:00:01Z' });
    expect(u.obj.metadata.generation).toBe(2);
  });

  it('validates job status updates', () => {
    const created = createThrough(job()).obj;
    const next = clone(created);
    next.status = { failed: -1, conditions: [{ type: 'Complete', status: 'True' }] };
    const texts = statusUpdateThrough(next, created).errors.map((e) => `${e.field}: ${e.detail}`);
    expect(texts).toEqual([
      'status.failed: must be greater than or equal to 0',
      'status.conditions: cannot set Complete=True condition without the SuccessCriteriaMet=true condition',
      'status.completionTime: completionTime is required for Complete jobs',
      'status.failed: cannot decrease the failed counter',
    ]);
  });
});

function daemonSet(image = 'fluentd:v1'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'logd' },
    spec: {
      selector: { matchLabels: { app: 'logd' } },
      template: {
        metadata: { labels: { app: 'logd' } },
        spec: { containers: [{ name: 'logd', image }] },
      },
    },
  } as KubeObject;
}

describe('DaemonSet strategy (§1.4)', () => {
  it('starts at template generation 1 with zero counters', () => {
    const ds = createThrough(daemonSet()).obj;
    expect(ds.metadata.annotations).toEqual({ 'deprecated.daemonset.template.generation': '1' });
    expect(ds.metadata.generation).toBe(1);
    expect(ds.status).toEqual({
      currentNumberScheduled: 0,
      desiredNumberScheduled: 0,
      numberMisscheduled: 0,
      numberReady: 0,
    });
  });

  it('bumps the template generation only when the template changes', () => {
    const ds = createThrough(daemonSet()).obj;
    const image = clone(ds);
    (((image.spec as Obj).template as Obj).spec as { containers: Obj[] }).containers[0].image =
      'fluentd:v2';
    const r1 = updateThrough(image, ds);
    expect(r1.errors).toEqual([]);
    expect(r1.obj.metadata.annotations?.['deprecated.daemonset.template.generation']).toBe('2');
    expect(r1.obj.metadata.generation).toBe(2);
    const strategyOnly = clone(r1.obj);
    (strategyOnly.spec as Obj).revisionHistoryLimit = 3;
    const r2 = updateThrough(strategyOnly, r1.obj);
    expect(r2.obj.metadata.annotations?.['deprecated.daemonset.template.generation']).toBe('2');
    expect(r2.obj.metadata.generation).toBe(3);
    const tampered = clone(r2.obj);
    (tampered.metadata as Obj).annotations = { 'deprecated.daemonset.template.generation': '7' };
    expect(updateThrough(tampered, r2.obj).obj.metadata.annotations).toEqual({
      'deprecated.daemonset.template.generation': '2',
    });
  });
});

describe('Deployment, ReplicaSet and Pod strategies', () => {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'nginx' }] },
      },
    },
  } as KubeObject;

  it('bumps a Deployment generation for annotation changes too', () => {
    const d = createThrough(deployment).obj;
    expect(d.status).toEqual({});
    const annotated = clone(d);
    (annotated.metadata as Obj).annotations = { 'kubernetes.io/change-cause': 'x' };
    expect(updateThrough(annotated, d).obj.metadata.generation).toBe(2);
  });

  it('gives a new ReplicaSet status.replicas 0', () => {
    const rs = createThrough({ ...deployment, kind: 'ReplicaSet' } as KubeObject).obj;
    expect(rs.status).toEqual({ replicas: 0 });
  });

  it('computes the QoS class and gates scheduling', () => {
    const guaranteed = createThrough({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'g' },
      spec: {
        schedulingGates: [{ name: 'example.com/wait' }],
        containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '1', memory: '1Gi' } } }],
      },
    } as KubeObject).obj;
    expect(guaranteed.status).toEqual({
      phase: 'Pending',
      qosClass: 'Guaranteed',
      conditions: [
        {
          lastProbeTime: null,
          lastTransitionTime: null,
          message: 'Scheduling is blocked due to non-empty scheduling gates',
          reason: 'SchedulingGated',
          status: 'False',
          type: 'PodScheduled',
        },
      ],
    });
  });

  it('lets the pod status subresource change status but not the node name', () => {
    const pod = createThrough({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'x' }] },
    } as KubeObject).obj;
    const running = clone(pod);
    running.status = { phase: 'Running', qosClass: 'BestEffort' };
    (running.spec as Obj).nodeName = 'node01';
    const r = statusUpdateThrough(running, pod);
    expect(r.errors).toEqual([]);
    expect((r.obj.spec as Obj).nodeName).toBeUndefined();
    expect(r.obj.status).toEqual({ phase: 'Running', qosClass: 'BestEffort' });
  });
});

describe('Namespace, Service and Node strategies', () => {
  it('creates namespaces Active with the kubernetes finalizer and the name label', () => {
    const ns = createThrough({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team-a' },
    } as KubeObject).obj;
    expect(ns).toMatchObject({
      metadata: { labels: { 'kubernetes.io/metadata.name': 'team-a' } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
    expect(ns.metadata.namespace).toBeUndefined();
  });

  it('initializes service IP families and tells what to allocate', () => {
    const svc = createThrough({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] },
    } as KubeObject).obj;
    expect(svc.spec).toMatchObject({
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
      externalTrafficPolicy: 'Cluster',
    });
    expect(svc.status).toEqual({ loadBalancer: {} });
    expect(serviceAllocationNeeds(svc)).toEqual({
      clusterIP: true,
      nodePorts: [0],
      healthCheckNodePort: false,
    });
    const headless = createThrough({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'db' },
      spec: { clusterIP: 'None', ports: [{ port: 5432 }] },
    } as KubeObject).obj;
    // Upstream lets a headless, selectorless service hold both families even on one stack.
    expect(headless.spec).toMatchObject({
      clusterIPs: ['None'],
      ipFamilyPolicy: 'RequireDualStack',
      ipFamilies: ['IPv4', 'IPv6'],
    });
    expect(serviceAllocationNeeds(headless).clusterIP).toBe(false);
  });

  it('answers dual-stack requests as a single-stack cluster does, before validation', () => {
    const svc = (spec: Obj) =>
      createThrough({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web' },
        spec: { ports: [{ port: 80 }], ...spec },
      } as KubeObject).errors.map((e) => `${e.field}: ${e.value}: ${e.detail}`);
    expect(svc({ ipFamilyPolicy: 'RequireDualStack', type: 'Bogus' })).toEqual([
      'spec.ipFamilyPolicy: "RequireDualStack": this cluster is not configured for dual-stack services',
    ]);
    expect(svc({ ipFamilies: ['IPv6'] })).toEqual([
      'spec.ipFamilies[0]: "IPv6": not configured on this cluster',
    ]);
    expect(svc({ clusterIP: 'fd00::10' })).toEqual([
      'spec.clusterIPs[0]: []string{"fd00::10"}: IPv6 is not configured on this cluster',
    ]);
    expect(svc({ ipFamilyPolicy: 'PreferDualStack' })).toEqual([]);
  });

  it('drops node ports when a service leaves NodePort', () => {
    const svc = createThrough({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }], clusterIP: '10.96.0.9' },
    } as KubeObject).obj;
    const next = clone(svc);
    (next.spec as Obj).type = 'ClusterIP';
    const r = updateThrough(next, svc);
    expect(r.errors).toEqual([]);
    expect((r.obj.spec as Obj).ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
    expect((r.obj.spec as Obj).externalTrafficPolicy).toBeUndefined();
  });
});
