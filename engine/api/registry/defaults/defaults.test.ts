import { describe, expect, it } from 'vitest';
import { defaultPullPolicy } from '../image-reference';
import type { Obj } from '../json';
import { defaultEvent, defaultNamespace, defaultNode, defaultSecret, defaultService } from './core';
import { defaultPod, defaultPodTemplate } from './pod-spec';
import {
  defaultCronJob,
  defaultDaemonSet,
  defaultDeployment,
  defaultJob,
  defaultReplicaSet,
} from './workloads';

describe('imagePullPolicy (SetDefaults_Container)', () => {
  it.each([
    ['busybox', 'Always'],
    ['busybox:latest', 'Always'],
    ['busybox:1.36', 'IfNotPresent'],
    ['registry.k8s.io/pause:3.10', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['localhost:5000/app:v2', 'IfNotPresent'],
    ['busybox@sha256:' + 'a'.repeat(64), 'IfNotPresent'],
    ['busybox:latest@sha256:' + 'a'.repeat(64), 'Always'],
    ['BusyBox', 'IfNotPresent'],
  ])('%s → %s', (image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy);
  });
});

describe('pod defaults', () => {
  it('fills the fields `kubectl get pod -o yaml` shows', () => {
    const pod: Obj = {
      spec: {
        containers: [
          {
            name: 'c',
            image: 'nginx:1.27',
            ports: [{ containerPort: 80 }],
            env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
            resources: { limits: { cpu: '0.5', memory: '128Mi' } },
            livenessProbe: { httpGet: { port: 80 } },
          },
        ],
        volumes: [
          { name: 'cache' },
          { name: 'host', hostPath: { path: '/var/log' } },
          { name: 'cfg', configMap: { name: 'cfg' } },
        ],
      },
    };
    defaultPod(pod);
    expect(pod.spec).toEqual({
      containers: [
        {
          name: 'c',
          image: 'nginx:1.27',
          imagePullPolicy: 'IfNotPresent',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          env: [
            {
              name: 'NODE',
              valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } },
            },
          ],
          resources: {
            limits: { cpu: '500m', memory: '128Mi' },
            requests: { cpu: '500m', memory: '128Mi' },
          },
          livenessProbe: {
            httpGet: { port: 80, path: '/', scheme: 'HTTP' },
            timeoutSeconds: 1,
            periodSeconds: 10,
            successThreshold: 1,
            failureThreshold: 3,
          },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      volumes: [
        { name: 'cache', emptyDir: {} },
        { name: 'host', hostPath: { path: '/var/log', type: '' } },
        { name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } },
      ],
      enableServiceLinks: true,
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
    });
  });

  it('gives templates no enableServiceLinks and no requests from limits, but creationTimestamp: null', () => {
    const template: Obj = {
      spec: { containers: [{ name: 'c', image: 'busybox', resources: { limits: { cpu: '1' } } }] },
    };
    defaultPodTemplate(template);
    expect(template).toEqual({
      metadata: { creationTimestamp: null },
      spec: {
        containers: [
          {
            name: 'c',
            image: 'busybox',
            imagePullPolicy: 'Always',
            resources: { limits: { cpu: '1' } },
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
          },
        ],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
        securityContext: {},
        terminationGracePeriodSeconds: 30,
        schedulerName: 'default-scheduler',
      },
    });
  });

  it('mirrors serviceAccount and serviceAccountName, and defaults host ports with hostNetwork', () => {
    const pod: Obj = {
      spec: {
        serviceAccount: 'builder',
        hostNetwork: true,
        containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 9100 }] }],
      },
    };
    defaultPod(pod);
    const spec = pod.spec as Obj & { containers: { ports: Obj[] }[] };
    expect(spec.serviceAccountName).toBe('builder');
    expect(spec.serviceAccount).toBe('builder');
    expect(spec.containers[0].ports[0]).toEqual({
      containerPort: 9100,
      hostPort: 9100,
      protocol: 'TCP',
    });
  });
});

describe('Job defaults (§2.1)', () => {
  const job = (spec: Obj) => {
    const j: Obj = {
      metadata: { name: 'j' },
      spec: { template: { spec: { containers: [] } }, ...spec },
    };
    defaultJob(j);
    return j.spec as Obj;
  };

  it.each<[string, Obj, Obj]>([
    ['neither set', {}, { completions: 1, parallelism: 1 }],
    ['completions set', { completions: 5 }, { completions: 5, parallelism: 1 }],
    ['parallelism set', { parallelism: 3 }, { completions: undefined, parallelism: 3 }],
  ])('completions and parallelism: %s', (_name, spec, expected) => {
    const s = job(spec);
    expect({ completions: s.completions, parallelism: s.parallelism }).toEqual(expected);
  });

  it('fills backoffLimit, completionMode, suspend, podReplacementPolicy and manualSelector', () => {
    expect(job({})).toMatchObject({
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      manualSelector: false,
    });
    expect(
      job({ completionMode: 'Indexed', completions: 3, backoffLimitPerIndex: 1 }).backoffLimit,
    ).toBe(2147483647);
    expect(
      job({
        podFailurePolicy: {
          rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }],
        },
      }),
    ).toMatchObject({
      podReplacementPolicy: 'Failed',
      podFailurePolicy: {
        rules: [
          { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
        ],
      },
    });
  });

  it('makes an unlabeled Job share its template label map', () => {
    const j: Obj = {
      metadata: { name: 'j' },
      spec: { template: { metadata: { labels: { app: 'x' } }, spec: {} } },
    };
    defaultJob(j);
    const templateLabels = ((j.spec as Obj).template as { metadata: Obj }).metadata.labels;
    expect((j.metadata as Obj).labels).toBe(templateLabels);
    const own: Obj = {
      metadata: { name: 'j', labels: { team: 'a' } },
      spec: { template: { metadata: { labels: { app: 'x' } } } },
    };
    defaultJob(own);
    expect((own.metadata as Obj).labels).toEqual({ team: 'a' });
  });
});

describe('CronJob, DaemonSet, Deployment and ReplicaSet defaults', () => {
  it('CronJob (§3.1): policy, suspend, history limits; no Job defaults in the template', () => {
    const cj: Obj = {
      spec: {
        schedule: '* * * * *',
        jobTemplate: { spec: { template: { spec: { containers: [] } } } },
      },
    };
    defaultCronJob(cj);
    expect(cj.spec).toEqual({
      schedule: '* * * * *',
      concurrencyPolicy: 'Allow',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        metadata: { creationTimestamp: null },
        spec: {
          template: {
            metadata: { creationTimestamp: null },
            spec: {
              containers: [],
              dnsPolicy: 'ClusterFirst',
              restartPolicy: 'Always',
              securityContext: {},
              terminationGracePeriodSeconds: 30,
              schedulerName: 'default-scheduler',
            },
          },
        },
      },
    });
  });

  it('DaemonSet (§4.1): RollingUpdate 1/0, revisionHistoryLimit 10', () => {
    const ds: Obj = { spec: { template: { spec: {} } } };
    defaultDaemonSet(ds);
    expect(ds.spec).toMatchObject({
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
    });
    const onDelete: Obj = { spec: { updateStrategy: { type: 'OnDelete' } } };
    defaultDaemonSet(onDelete);
    expect((onDelete.spec as Obj).updateStrategy).toEqual({ type: 'OnDelete' });
  });

  it('Deployment: replicas 1, RollingUpdate 25%/25%, history 10, deadline 600', () => {
    const d: Obj = { spec: {} };
    defaultDeployment(d);
    expect(d.spec).toMatchObject({
      replicas: 1,
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
      },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
  });

  it('ReplicaSet: replicas 1', () => {
    const rs: Obj = { spec: {} };
    defaultReplicaSet(rs);
    expect((rs.spec as Obj).replicas).toBe(1);
  });
});

describe('core defaults', () => {
  it('Service: ClusterIP, None affinity, TCP, targetPort = port, internalTrafficPolicy Cluster', () => {
    const svc: Obj = {
      spec: { ports: [{ port: 80 }, { port: 53, protocol: 'UDP', targetPort: 'dns' }] },
    };
    defaultService(svc);
    expect(svc.spec).toEqual({
      ports: [
        { port: 80, protocol: 'TCP', targetPort: 80 },
        { port: 53, protocol: 'UDP', targetPort: 'dns' },
      ],
      sessionAffinity: 'None',
      type: 'ClusterIP',
      internalTrafficPolicy: 'Cluster',
    });
    const lb: Obj = {
      spec: { type: 'LoadBalancer', sessionAffinity: 'ClientIP', ports: [{ port: 80 }] },
    };
    defaultService(lb);
    expect(lb.spec).toMatchObject({
      externalTrafficPolicy: 'Cluster',
      allocateLoadBalancerNodePorts: true,
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
    });
  });

  it('Namespace name label, Node allocatable, Secret type and stringData, Event shape', () => {
    const ns: Obj = { metadata: { name: 'team-a' } };
    defaultNamespace(ns);
    expect((ns.metadata as Obj).labels).toEqual({ 'kubernetes.io/metadata.name': 'team-a' });
    const node: Obj = { status: { capacity: { cpu: '2' } } };
    defaultNode(node);
    expect((node.status as Obj).allocatable).toEqual({ cpu: '2' });
    const secret: Obj = { stringData: { password: 'héllo' } };
    defaultSecret(secret);
    expect(secret).toEqual({ type: 'Opaque', data: { password: 'aMOpbGxv' } });
    const ev: Obj = {};
    defaultEvent(ev);
    expect(ev).toEqual({
      eventTime: null,
      firstTimestamp: null,
      lastTimestamp: null,
      reportingComponent: '',
      reportingInstance: '',
      involvedObject: {},
      source: {},
    });
  });
});
