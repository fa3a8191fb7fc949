/**
 * More fixture objects for printer tests: a pod with probes, env, resources and args
 * (Guaranteed QoS), single-key ConfigMap/Secret, a LoadBalancer service, a suspended cronjob
 * with a time zone, a work-queue job with annotations, and a service-account token.
 */
import type { KubeObject } from '../../../api/object';
import { JOBS, PODS, at, event } from './cluster';

/** Extra objects (same time base as cluster.ts). */
export const EXTRA_OBJECTS: KubeObject[] = [
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'probed-kkkkk',
      namespace: 'default',
      uid: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
      resourceVersion: '8800',
      creationTimestamp: at(-4000),
      labels: { app: 'probed', 'batch.kubernetes.io/job-completion-index': '3' },
      annotations: {
        'batch.kubernetes.io/job-completion-index': '3',
        'example.com/very-long': 'x'.repeat(150),
        'example.com/multi': 'first line\nsecond line\n',
        'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Pod"}\n',
      },
    },
    spec: {
      containers: [
        {
          name: 'app',
          image: 'nginx:1.27',
          args: ['--port=8080', '--mode=fast\nslow'],
          env: [
            {
              name: 'POD_NAME',
              valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } },
            },
            {
              name: 'JOB_COMPLETION_INDEX',
              valueFrom: {
                fieldRef: {
                  apiVersion: 'v1',
                  fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']",
                },
              },
            },
            { name: 'MULTI', value: 'one\ntwo' },
            {
              name: 'CPU_LIMIT',
              valueFrom: {
                resourceFieldRef: { containerName: 'app', resource: 'limits.cpu', divisor: '0' },
              },
            },
          ],
          envFrom: [
            { configMapRef: { name: 'settings' } },
            { secretRef: { name: 'creds', optional: true }, prefix: 'S_' },
          ],
          livenessProbe: {
            httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' },
            initialDelaySeconds: 3,
            timeoutSeconds: 1,
            periodSeconds: 10,
            successThreshold: 1,
            failureThreshold: 3,
          },
          readinessProbe: {
            exec: { command: ['cat', '/tmp/ready'] },
            timeoutSeconds: 1,
            periodSeconds: 5,
            successThreshold: 1,
            failureThreshold: 3,
          },
          startupProbe: {
            tcpSocket: { port: 8080 },
            timeoutSeconds: 1,
            periodSeconds: 10,
            successThreshold: 1,
            failureThreshold: 30,
          },
          ports: [
            { containerPort: 8080, protocol: 'TCP', name: 'http' },
            { containerPort: 9090, protocol: 'UDP' },
          ],
          resources: {
            limits: { cpu: '500m', memory: '256Mi' },
            requests: { cpu: '500m', memory: '256Mi' },
          },
          imagePullPolicy: 'IfNotPresent',
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [
            { name: 'data', mountPath: '/data', subPath: 'app' },
            { name: 'secret-vol', mountPath: '/etc/secret', readOnly: true },
          ],
        },
      ],
      nodeName: 'node02',
      nodeSelector: { disktype: 'ssd', 'kubernetes.io/os': 'linux' },
      priority: 1000,
      priorityClassName: 'high',
      restartPolicy: 'Always',
      serviceAccountName: 'default',
      tolerations: [
        { operator: 'Exists' },
        {
          key: 'dedicated',
          operator: 'Equal',
          value: 'db',
          effect: 'NoSchedule',
          tolerationSeconds: 60,
        },
      ],
      volumes: [
        { name: 'data', persistentVolumeClaim: { claimName: 'data-claim' } },
        { name: 'secret-vol', secret: { secretName: 'creds', defaultMode: 420, optional: false } },
        {
          name: 'podinfo',
          downwardAPI: {
            items: [
              { path: 'labels', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } },
            ],
          },
        },
        { name: 'typed', hostPath: { path: '/run/app', type: 'DirectoryOrCreate' } },
        { name: 'untyped', hostPath: { path: '/srv' } },
        { name: 'mem', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
      ],
    },
    status: {
      phase: 'Running',
      conditions: [
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: at(-4000) },
        { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: at(-3990) },
        {
          type: 'ContainersReady',
          status: 'True',
          lastProbeTime: null,
          lastTransitionTime: at(-3990),
        },
        {
          type: 'PodScheduled',
          status: 'True',
          lastProbeTime: null,
          lastTransitionTime: at(-4000),
        },
      ],
      hostIP: '172.18.0.4',
      podIP: '10.244.2.50',
      podIPs: [{ ip: '10.244.2.50' }],
      qosClass: 'Guaranteed',
      startTime: at(-4000),
      containerStatuses: [
        {
          name: 'app',
          image: 'docker.io/library/nginx:1.27',
          imageID: 'docker.io/library/nginx@sha256:0a1b',
          containerID: 'containerd://77',
          ready: true,
          started: true,
          restartCount: 1,
          state: { running: { startedAt: at(-3000) } },
          lastState: {
            terminated: {
              exitCode: 0,
              reason: 'Completed',
              message: 'bye',
              signal: 15,
              startedAt: at(-4000),
              finishedAt: at(-3001),
            },
          },
        },
      ],
    },
  },
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'settings',
      namespace: 'default',
      uid: '1a2b3c4d-0000-4000-8000-000000000001',
      resourceVersion: '310',
      creationTimestamp: at(-200),
      labels: { app: 'probed' },
    },
    data: { 'settings.yaml': 'mode: fast\nretries: 3\n' },
    binaryData: { 'blob.bin': 'AAECAwQ=' },
  },
  {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: 'creds',
      namespace: 'default',
      uid: '1a2b3c4d-0000-4000-8000-000000000002',
      resourceVersion: '311',
      creationTimestamp: at(-200),
    },
    data: { password: 'cGFzc3dvcmQxMjM=' },
    type: 'Opaque',
  },
  {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: 'builder-token',
      namespace: 'default',
      uid: '1a2b3c4d-0000-4000-8000-000000000003',
      resourceVersion: '312',
      creationTimestamp: at(-200),
      annotations: {
        'kubernetes.io/service-account.name': 'builder',
        'kubernetes.io/service-account.uid': '1a2b3c4d-0000-4000-8000-000000000004',
      },
    },
    data: { token: 'ZXlKaGJHY2lPaUpTVXpJMU5pSXNJbXRwWkNJNklpSjk=' },
    type: 'kubernetes.io/service-account-token',
  },
  {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      name: 'builder',
      namespace: 'default',
      uid: '1a2b3c4d-0000-4000-8000-000000000004',
      resourceVersion: '313',
      creationTimestamp: at(-200),
      labels: { team: 'ci' },
    },
    secrets: [{ name: 'builder-token' }, { name: 'gone-secret' }],
    imagePullSecrets: [{ name: 'registry-a' }, { name: 'registry-b' }],
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'lb',
      namespace: 'default',
      uid: '1a2b3c4d-0000-4000-8000-000000000005',
      resourceVersion: '314',
      creationTimestamp: at(-300),
      annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' },
    },
    spec: {
      type: 'LoadBalancer',
      clusterIP: '10.96.50.50',
      clusterIPs: ['10.96.50.50'],
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: 31999,
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      allocateLoadBalancerNodePorts: true,
      ports: [
        { name: 'http', port: 80, nodePort: 30081, protocol: 'TCP', targetPort: 'http' },
        { name: 'dns', port: 53, nodePort: 30053, protocol: 'UDP', targetPort: 53 },
      ],
      selector: { app: 'probed' },
      sessionAffinity: 'None',
    },
    status: {
      loadBalancer: {
        ingress: [{ ip: '203.0.113.10', ipMode: 'VIP' }, { hostname: 'lb.example.com' }],
      },
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: 'lb',
      namespace: 'default',
      uid: '1a2b3c4d-0000-4000-8000-000000000006',
      resourceVersion: '315',
      creationTimestamp: at(-300),
    },
    subsets: [
      {
        addresses: [{ ip: '10.244.2.50' }],
        notReadyAddresses: [{ ip: '10.244.1.51' }],
        ports: [
          { name: 'http', port: 8080, protocol: 'TCP' },
          { name: 'dns', port: 53, protocol: 'UDP' },
        ],
      },
    ],
  },
  {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: {
      name: 'nightly',
      namespace: 'default',
      uid: '1a2b3c4d-0000-4000-8000-000000000007',
      resourceVersion: '316',
      creationTimestamp: at(-5),
      labels: { team: 'data' },
      annotations: { note: 'runs at night' },
    },
    spec: {
      schedule: '0 3 * * *',
      timeZone: 'Asia/Seoul',
      concurrencyPolicy: 'Forbid',
      suspend: true,
      startingDeadlineSeconds: 200,
      successfulJobsHistoryLimit: 5,
      failedJobsHistoryLimit: 2,
      jobTemplate: {
        metadata: { labels: { team: 'data' } },
        spec: {
          activeDeadlineSeconds: 3600,
          completions: 4,
          parallelism: 2,
          selector: {
            matchExpressions: [
              { key: 'tier', operator: 'In', values: ['web', 'batch'] },
              { key: 'gone', operator: 'DoesNotExist' },
            ],
          },
          manualSelector: true,
          template: {
            metadata: {
              labels: { team: 'data', tier: 'batch' },
              annotations: { 'sidecar.istio.io/inject': 'false' },
            },
            spec: {
              serviceAccountName: 'builder',
              initContainers: [
                { name: 'fetch', image: 'busybox', command: ['wget', 'http://example.com/data'] },
              ],
              containers: [
                {
                  name: 'crunch',
                  image: 'python:3.12',
                  command: ['python', '-c'],
                  args: ['print(42)'],
                },
              ],
              restartPolicy: 'Never',
            },
          },
        },
      },
    },
    status: {},
  },
];

const LONG =
  'for i in $(seq 10); do echo "value number $i is here"; sleep 1; done; echo all done with the loop now, exiting cleanly after a while';

/** A ConfigMap whose values exercise YAML quoting, literal blocks and folding. */
export const TRICKY_CONFIGMAP: KubeObject = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: {
    name: 'tricky',
    namespace: 'default',
    uid: '1a2b3c4d-0000-4000-8000-0000000000ff',
    resourceVersion: '999',
    creationTimestamp: at(-50),
  },
  data: {
    a1: '123',
    a2: 'true',
    a3: 'yes',
    a4: '',
    a5: '~',
    a6: 'null',
    a7: '1.5',
    a8: '.5',
    a9: '1e3',
    a10: '0x1F',
    a11: '0o17',
    a12: '017',
    a13: '08',
    a14: '1_000',
    b1: '*/1 * * * *',
    b2: 'a: b',
    b3: '- x',
    b4: '#comment',
    b5: 'x #y',
    b6: 'x#y',
    b7: ' lead',
    b8: 'trail ',
    b9: 'tab\there',
    b10: "quote's",
    b11: '"dq"',
    b12: 'ünïcode',
    b13: 'emoji 😀',
    b14: '12:30',
    b15: '2025-01-15',
    b16: '2025-01-15T10:00:00Z',
    b17: '2025-1-5',
    b18: '---',
    b19: '...x',
    b20: '?',
    b21: '? x',
    b22: ':x',
    b23: '@at',
    b24: '%p',
    b25: '&a',
    b26: '!t',
    b27: '|',
    b28: '>',
    b29: '[x]',
    b30: '{x}',
    b31: 'a,b',
    b32: 'a[b]',
    b33: '-1',
    b34: '+1',
    b35: '-',
    b36: '.',
    b37: '.inf',
    b38: 'on',
    b39: 'Off',
    b40: 'y',
    b41: 'n',
    b42: 'NULL',
    b43: '1e',
    b44: '1.2.3',
    b45: '+.5',
    b46: '0b101',
    b47: '-0b11',
    b48: '1:2:3',
    b49: 'a\\b',
    b50: '<>&',
    c1: 'line1\nline2\n',
    c2: 'line1\nline2',
    c3: 'line1\n\n',
    c4: '\nleading',
    c5: ' lead\nx',
    c6: 'trail \nx',
    c7: 'x\n  indented\n',
    c8: 'tab\tin\nmulti',
    c9: '\n',
    c10: 'a\r\nb',
    d1: LONG,
    d2: 'word '.repeat(40).trim(),
    d3: '*' + LONG,
    d4: LONG + '\tTAB ' + LONG,
    d5: 'x'.repeat(100) + ' ' + 'y'.repeat(10),
    d6: 'a  b'.repeat(30),
    d7: "it's " + LONG,
    'key with space': 'v',
    on: 'k',
    '123': 'k',
    a10b: 'k',
    a9b: 'k',
    A_b: 'k',
    a_b: 'k',
    'a.b': 'k',
    'a-b': 'k',
    Ab: 'k',
    ab: 'k',
    a01: 'k',
    a001: 'k',
    _x: 'k',
    Zz: 'k',
  },
};

EXTRA_OBJECTS.push(TRICKY_CONFIGMAP);

/** The node01 heartbeat lease, as the kubelet keeps it in kube-node-lease. */
export const NODE01_LEASE: KubeObject = {
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  metadata: {
    name: 'node01',
    namespace: 'kube-node-lease',
    uid: '1a2b3c4d-0000-4000-8000-0000000000aa',
    resourceVersion: '7777',
    creationTimestamp: at(-(3 * 86400 + 3600)),
  },
  spec: {
    holderIdentity: 'node01',
    leaseDurationSeconds: 40,
    renewTime: at(-3).replace('Z', '.123456Z'),
  },
};

EXTRA_OBJECTS.push(NODE01_LEASE);

/** An indexed job with a per-index backoff, failure/success policies and a long index list. */
export const PER_INDEX_JOB: KubeObject = (() => {
  const job = JSON.parse(JSON.stringify(JOBS.find((j) => j.metadata.name === 'indexed'))) as {
    metadata: KubeObject['metadata'];
    spec: Record<string, unknown>;
    status: Record<string, unknown>;
  } & KubeObject;
  job.metadata = {
    ...job.metadata,
    name: 'perindex',
    uid: '1a2b3c4d-0000-4000-8000-0000000000bb',
    annotations: { 'batch.kubernetes.io/job-tracking': '' },
  };
  Object.assign(job.spec, {
    backoffLimit: 2147483647,
    backoffLimitPerIndex: 1,
    maxFailedIndexes: 2,
    podReplacementPolicy: 'Failed',
    podFailurePolicy: {
      rules: [
        { action: 'FailJob', onExitCodes: { containerName: 'main', operator: 'In', values: [42] } },
      ],
    },
    successPolicy: { rules: [{ succeededIndexes: '0-2', succeededCount: 2 }] },
  });
  job.status.failedIndexes = '1';
  job.status.completedIndexes = Array.from({ length: 30 }, (_, i) => i)
    .filter((i) => i !== 1)
    .join(',');
  return job;
})();

EXTRA_OBJECTS.push(PER_INDEX_JOB);

/** Twenty events of one pod, many in the same second: Go's unstable sort decides their order. */
export const BUSY_POD_EVENTS: KubeObject[] = (() => {
  const pod = PODS.find((p) => p.metadata.name === 'logd-bbbbb')!;
  const reasons = ['Pulling', 'Pulled', 'Created', 'Started', 'Killing', 'BackOff', 'Unhealthy'];
  return Array.from({ length: 20 }, (_, i) =>
    event(
      pod,
      i % 5 === 0 ? 'Warning' : 'Normal',
      reasons[i % reasons.length],
      `message number ${i}`,
      'kubelet',
      -30 + ((i * 7) % 4),
      -30 + ((i * 7) % 4),
      1,
      'node01',
    ),
  );
})();

EXTRA_OBJECTS.push(...BUSY_POD_EVENTS);
