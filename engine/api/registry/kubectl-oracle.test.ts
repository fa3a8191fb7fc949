/**
 * Objects the real kubectl 1.32 client builds (`kubectl create … --dry-run=client -o json`) go
 * through the registry unchanged in meaning: they validate, and defaulting adds what the API
 * server adds. The client outputs are kept as fixtures; when kubectl is installed the test checks
 * that the fixtures still equal what it prints.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../object';
import type { Obj } from './json';
import { createThrough, TEST_UID } from './testing';

const hasKubectl = (() => {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const FIXTURES: Record<string, { args: string[]; json: Obj }> = {
  job: {
    args: [
      'create',
      'job',
      'two-times',
      '--image=alpine',
      '--dry-run=client',
      '-o',
      'json',
      '--',
      'sh',
      '-c',
      'echo hi',
    ],
    json: {
      kind: 'Job',
      apiVersion: 'batch/v1',
      metadata: { name: 'two-times', creationTimestamp: null },
      spec: {
        template: {
          metadata: { creationTimestamp: null },
          spec: {
            containers: [
              {
                name: 'two-times',
                image: 'alpine',
                command: ['sh', '-c', 'echo hi'],
                resources: {},
              },
            ],
            restartPolicy: 'Never',
          },
        },
      },
      status: {},
    },
  },
  cronjob: {
    args: [
      'create',
      'cronjob',
      'hello',
      '--image=busybox',
      '--schedule=*/1 * * * *',
      '--dry-run=client',
      '-o',
      'json',
      '--',
      'echo',
      'hi',
    ],
    json: {
      kind: 'CronJob',
      apiVersion: 'batch/v1',
      metadata: { name: 'hello', creationTimestamp: null },
      spec: {
        schedule: '*/1 * * * *',
        jobTemplate: {
          metadata: { name: 'hello', creationTimestamp: null },
          spec: {
            template: {
              metadata: { creationTimestamp: null },
              spec: {
                containers: [
                  { name: 'hello', image: 'busybox', command: ['echo', 'hi'], resources: {} },
                ],
                restartPolicy: 'OnFailure',
              },
            },
          },
        },
      },
      status: {},
    },
  },
  deployment: {
    args: ['create', 'deployment', 'web', '--image=nginx', '--dry-run=client', '-o', 'json'],
    json: {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name: 'web', creationTimestamp: null, labels: { app: 'web' } },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx', resources: {} }] },
        },
        strategy: {},
      },
      status: {},
    },
  },
  service: {
    args: [
      'create',
      'service',
      'clusterip',
      'web',
      '--tcp=80:8080',
      '--dry-run=client',
      '-o',
      'json',
    ],
    json: {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: { name: 'web', creationTimestamp: null, labels: { app: 'web' } },
      spec: {
        ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }],
        selector: { app: 'web' },
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    },
  },
};

describe('kubectl client objects', () => {
  it.skipIf(!hasKubectl).each(Object.keys(FIXTURES))('fixture %s equals kubectl output', (name) => {
    const out = execFileSync('kubectl', FIXTURES[name].args, { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(FIXTURES[name].json);
  });

  it('kubectl create job: valid, with the server-side defaults and generated labels', () => {
    const r = createThrough(FIXTURES.job.json as unknown as KubeObject);
    expect(r.errors).toEqual([]);
    expect(r.obj.metadata.labels).toEqual({
      'batch.kubernetes.io/controller-uid': TEST_UID,
      'batch.kubernetes.io/job-name': 'two-times',
      'controller-uid': TEST_UID,
      'job-name': 'two-times',
    });
    expect(r.obj.spec).toEqual({
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      completions: 1,
      manualSelector: false,
      parallelism: 1,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': TEST_UID } },
      suspend: false,
      template: {
        metadata: {
          creationTimestamp: null,
          labels: {
            'batch.kubernetes.io/controller-uid': TEST_UID,
            'batch.kubernetes.io/job-name': 'two-times',
            'controller-uid': TEST_UID,
            'job-name': 'two-times',
          },
        },
        spec: {
          containers: [
            {
              command: ['sh', '-c', 'echo hi'],
              image: 'alpine',
              imagePullPolicy: 'Always',
              name: 'two-times',
              resources: {},
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Never',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    });
  });

  it('kubectl create cronjob, deployment and service: valid and defaulted', () => {
    const cj = createThrough(FIXTURES.cronjob.json as unknown as KubeObject);
    expect(cj.errors).toEqual([]);
    expect(cj.obj.spec).toMatchObject({
      concurrencyPolicy: 'Allow',
      failedJobsHistoryLimit: 1,
      successfulJobsHistoryLimit: 3,
      suspend: false,
    });
    const d = createThrough(FIXTURES.deployment.json as unknown as KubeObject);
    expect(d.errors).toEqual([]);
    expect(d.obj.spec).toMatchObject({
      progressDeadlineSeconds: 600,
      revisionHistoryLimit: 10,
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      },
    });
    const svc = createThrough(FIXTURES.service.json as unknown as KubeObject);
    expect(svc.errors).toEqual([]);
    expect(svc.obj.spec).toEqual({
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ name: '80-8080', port: 80, protocol: 'TCP', targetPort: 8080 }],
      selector: { app: 'web' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    });
  });
});
