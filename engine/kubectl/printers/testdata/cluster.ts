/**
 * Realistic API objects for printer tests: the golden-scenario reference cluster (t=0 is
 * 2025-01-15T10:00:00Z) with nodes, pods in many states, jobs, a cronjob, a daemonset, a
 * deployment with replica sets, services, events and the small kinds. Plain data.
 */
import type { KubeObject } from '../../../api/object';

/** Wed, 15 Jan 2025 10:00:00 +0000. */
export const T0 = Date.UTC(2025, 0, 15, 10, 0, 0);

/** RFC 3339 of T0 + seconds. */
export function at(seconds: number): string {
  return new Date(T0 + seconds * 1000).toISOString().replace('.000Z', 'Z');
}

const NODE_AGE = -(3 * 86400 + 3600);

function node(
  name: string,
  extra: { controlPlane?: boolean; ip: string; unschedulable?: boolean; taints?: unknown[] },
): KubeObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
  if (extra.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const taints =
    extra.taints ??
    (extra.controlPlane
      ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]
      : undefined);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: `0000000${name.length}-1111-4222-8333-${name
        .padEnd(12, '0')
        .slice(0, 12)
        .replace(/[^0-9a-f]/g, 'a')}`,
      resourceVersion: '512',
      creationTimestamp: at(NODE_AGE),
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: `10.244.${extra.ip.split('.')[3]}.0/24`,
      podCIDRs: [`10.244.${extra.ip.split('.')[3]}.0/24`],
      providerID: `kind://docker/kind/${name}`,
      ...(taints ? { taints } : {}),
      ...(extra.unschedulable ? { unschedulable: true } : {}),
    },
    status: {
      addresses: [
        { address: extra.ip, type: 'InternalIP' },
        { address: name, type: 'Hostname' },
      ],
      allocatable: {
        cpu: '2',
        'ephemeral-storage': '102626232Ki',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: '8039920Ki',
        pods: '110',
      },
      capacity: {
        cpu: '2',
        'ephemeral-storage': '102626232Ki',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: '8142320Ki',
        pods: '110',
      },
      conditions: [
        {
          type: 'MemoryPressure',
          status: 'False',
          lastHeartbeatTime: at(-20),
          lastTransitionTime: at(NODE_AGE),
          reason: 'KubeletHasSufficientMemory',
          message: 'kubelet has sufficient memory available',
        },
        {
          type: 'DiskPressure',
          status: 'False',
          lastHeartbeatTime: at(-20),
          lastTransitionTime: at(NODE_AGE),
          reason: 'KubeletHasNoDiskPressure',
          message: 'kubelet has no disk pressure',
        },
        {
          type: 'PIDPressure',
          status: 'False',
          lastHeartbeatTime: at(-20),
          lastTransitionTime: at(NODE_AGE),
          reason: 'KubeletHasSufficientPID',
          message: 'kubelet has sufficient PID available',
        },
        {
          type: 'Ready',
          status: 'True',
          lastHeartbeatTime: at(-20),
          lastTransitionTime: at(NODE_AGE + 20),
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
        },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images: [
        {
          names: [
            'docker.io/library/busybox@sha256:2919d0172f7524b2d8df9e50066a682669e6d170ac0f6a49676d54358fe970b5',
            'docker.io/library/busybox:latest',
          ],
          sizeBytes: 2166802,
        },
      ],
      nodeInfo: {
        architecture: 'amd64',
        bootID: '8f5f5f5e-1f2b-4c3d-9e8f-0a1b2c3d4e5f',
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '6.8.0-1017-gcp',
        kubeProxyVersion: 'v1.32.0',
        kubeletVersion: 'v1.32.0',
        machineID: '6c5d3c1e0f1a4b2c9d8e7f6a5b4c3d2e',
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: '6c5d3c1e-0f1a-4b2c-9d8e-7f6a5b4c3d2e',
      },
    },
  };
}

/** The four reference nodes. */
export const NODES: KubeObject[] = [
  node('controlplane', { controlPlane: true, ip: '172.18.0.2' }),
  node('node01', { ip: '172.18.0.3' }),
  node('node02', { ip: '172.18.0.4' }),
  node('node03', {
    ip: '172.18.0.5',
    unschedulable: true,
    taints: [
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: at(-60) },
      { key: 'dedicated', value: 'db', effect: 'NoSchedule' },
    ],
  }),
];

const DEFAULT_TOLERATIONS = [
  {
    key: 'node.kubernetes.io/not-ready',
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  },
  {
    key: 'node.kubernetes.io/unreachable',
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  },
];

function apiAccess(suffix: string) {
  return {
    volume: {
      name: `kube-api-access-${suffix}`,
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
          { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
          {
            downwardAPI: {
              items: [
                {
                  path: 'namespace',
                  fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
                },
              ],
            },
          },
        ],
      },
    },
    mount: {
      name: `kube-api-access-${suffix}`,
      mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
      readOnly: true,
    },
  };
}

const JOB_UID = 'b2c9a1f4-7d3e-4f5a-9b8c-1d2e3f4a5b6c';

function jobLabels(name: string, uid: string, extra: Record<string, string> = {}) {
  return {
    ...extra,
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': name,
    'controller-uid': uid,
    'job-name': name,
  };
}

interface PodOptions {
  name: string;
  created: number;
  labels?: Record<string, string>;
  owner?: { apiVersion: string; kind: string; name: string; uid: string };
  node?: string;
  ip?: string;
  phase: string;
  containers: { name: string; image: string; command?: string[]; args?: string[] }[];
  statuses?: unknown[];
  initContainers?: { name: string; image: string; command?: string[] }[];
  initStatuses?: unknown[];
  conditions?: [string, string][];
  restartPolicy?: string;
  deleted?: number;
  tolerations?: unknown[];
  startTime?: number;
  suffix: string;
  annotations?: Record<string, string>;
}

function pod(o: PodOptions): KubeObject {
  const access = apiAccess(o.suffix);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: o.name,
      namespace: 'default',
      uid: `5f0c2a9e-${o.suffix
        .padEnd(4, 'a')
        .slice(0, 4)
        .replace(/[^0-9a-f]/g, 'b')}-4b7d-8e1f-2a3b4c5d6e7f`,
      resourceVersion: '2042',
      creationTimestamp: at(o.created),
      ...(o.deleted !== undefined
        ? { deletionTimestamp: at(o.deleted), deletionGracePeriodSeconds: 30 }
        : {}),
      labels: o.labels,
      ...(o.annotations ? { annotations: o.annotations } : {}),
      ...(o.owner
        ? { ownerReferences: [{ ...o.owner, controller: true, blockOwnerDeletion: true }] }
        : {}),
    },
    spec: {
      ...(o.initContainers
        ? {
            initContainers: o.initContainers.map((c) => ({
              ...c,
              imagePullPolicy: 'Always',
              resources: {},
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
              volumeMounts: [access.mount],
            })),
          }
        : {}),
      containers: o.containers.map((c) => ({
        ...c,
        imagePullPolicy: 'Always',
        resources: {},
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        volumeMounts: [access.mount],
      })),
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      ...(o.node ? { nodeName: o.node } : {}),
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: o.restartPolicy ?? 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: o.tolerations ?? DEFAULT_TOLERATIONS,
      volumes: [access.volume],
    },
    status: {
      phase: o.phase,
      ...(o.conditions
        ? {
            conditions: o.conditions.map(([type, status]) => ({
              type,
              status,
              lastProbeTime: null,
              lastTransitionTime: at(o.created + (status === 'True' ? 2 : 0)),
            })),
          }
        : {}),
      ...(o.node ? { hostIP: '172.18.0.3', hostIPs: [{ ip: '172.18.0.3' }] } : {}),
      ...(o.ip ? { podIP: o.ip, podIPs: [{ ip: o.ip }] } : {}),
      qosClass: 'BestEffort',
      ...(o.startTime !== undefined || o.node ? { startTime: at(o.startTime ?? o.created) } : {}),
      ...(o.initStatuses ? { initContainerStatuses: o.initStatuses } : {}),
      ...(o.statuses ? { containerStatuses: o.statuses } : {}),
    },
  };
}

function running(name: string, image: string, started: number, restartCount = 0, last?: unknown) {
  return {
    containerID: 'containerd://4f7d2c1b0a9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c',
    image: `docker.io/library/${image}:latest`,
    imageID: `docker.io/library/${image}@sha256:2919d0172f7524b2d8df9e50066a682669e6d170ac0f6a49676d54358fe970b5`,
    lastState: last ?? {},
    name,
    ready: true,
    restartCount,
    started: true,
    state: { running: { startedAt: at(started) } },
  };
}

function terminated(
  name: string,
  image: string,
  exitCode: number,
  reason: string,
  started: number,
  finished: number,
  restartCount = 0,
) {
  return {
    containerID: 'containerd://9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b',
    image: `docker.io/library/${image}:latest`,
    imageID: `docker.io/library/${image}@sha256:2919d0172f7524b2d8df9e50066a682669e6d170ac0f6a49676d54358fe970b5`,
    lastState: {},
    name,
    ready: false,
    restartCount,
    started: false,
    state: {
      terminated: {
        containerID:
          'containerd://9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b',
        exitCode,
        reason,
        startedAt: at(started),
        finishedAt: at(finished),
      },
    },
  };
}

function waiting(
  name: string,
  image: string,
  reason: string,
  message?: string,
  restartCount = 0,
  last?: unknown,
) {
  return {
    image: `${image}`,
    imageID: '',
    lastState: last ?? {},
    name,
    ready: false,
    restartCount,
    started: false,
    state: { waiting: { reason, ...(message ? { message } : {}) } },
  };
}

const JOB_OWNER = (name: string, uid: string) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  name,
  uid,
});

/** Pods in many states: running, completed, error, restarted, crash looping, init, terminating. */
export const PODS: KubeObject[] = [
  pod({
    name: 'logd-bbbbb',
    suffix: 'bbbbb',
    created: -40,
    node: 'node01',
    ip: '10.244.1.7',
    phase: 'Running',
    labels: {
      'controller-revision-hash': '6895fcbd55',
      name: 'logd',
      'pod-template-generation': '1',
    },
    owner: {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      name: 'logd',
      uid: 'd5e6f7a8-b9c0-4d1e-8f2a-3b4c5d6e7f8a',
    },
    containers: [{ name: 'logd', image: 'busybox', command: ['sh', '-c', 'sleep 3600'] }],
    statuses: [running('logd', 'busybox', -38)],
    conditions: [
      ['PodReadyToStartContainers', 'True'],
      ['Initialized', 'True'],
      ['Ready', 'True'],
      ['ContainersReady', 'True'],
      ['PodScheduled', 'True'],
    ],
    tolerations: [
      { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
    ],
  }),
  pod({
    name: 'two-times-xxxxx',
    suffix: 'xxxxx',
    created: -30,
    node: 'node02',
    ip: '10.244.2.4',
    phase: 'Succeeded',
    restartPolicy: 'Never',
    labels: jobLabels('two-times', JOB_UID),
    owner: JOB_OWNER('two-times', JOB_UID),
    containers: [
      {
        name: 'two-times',
        image: 'alpine',
        command: ['sh', '-c', 'for i in $(seq 10);do echo $(($i*2));done'],
      },
    ],
    statuses: [terminated('two-times', 'alpine', 0, 'Completed', -28, -28)],
    conditions: [
      ['PodReadyToStartContainers', 'False'],
      ['Initialized', 'True'],
      ['Ready', 'False'],
      ['ContainersReady', 'False'],
      ['PodScheduled', 'True'],
    ],
  }),
  pod({
    name: 'fail-never-aaaaa',
    suffix: 'aaaaa',
    created: -50,
    node: 'node01',
    ip: '10.244.1.9',
    phase: 'Failed',
    restartPolicy: 'Never',
    labels: jobLabels('fail-never', 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f'),
    owner: JOB_OWNER('fail-never', 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f'),
    containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'exit 1'] }],
    statuses: [terminated('c', 'busybox', 1, 'Error', -48, -48)],
    conditions: [
      ['PodReadyToStartContainers', 'False'],
      ['Initialized', 'True'],
      ['Ready', 'False'],
      ['ContainersReady', 'False'],
      ['PodScheduled', 'True'],
    ],
  }),
  pod({
    name: 'crashy-ccccc',
    suffix: 'ccccc',
    created: -300,
    node: 'node02',
    ip: '10.244.2.8',
    phase: 'Running',
    restartPolicy: 'OnFailure',
    labels: { app: 'crashy' },
    containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', 'sleep 5; exit 3'] }],
    statuses: [
      waiting(
        'main',
        'docker.io/library/busybox:latest',
        'CrashLoopBackOff',
        'back-off 40s restarting failed container=main pod=crashy-ccccc_default(5f0c2a9e-bcbb-4b7d-8e1f-2a3b4c5d6e7f)',
        4,
        {
          terminated: {
            containerID: 'containerd://aa',
            exitCode: 3,
            reason: 'Error',
            startedAt: at(-33),
            finishedAt: at(-28),
          },
        },
      ),
    ],
    conditions: [
      ['PodReadyToStartContainers', 'True'],
      ['Initialized', 'True'],
      ['Ready', 'False'],
      ['ContainersReady', 'False'],
      ['PodScheduled', 'True'],
    ],
  }),
  pod({
    name: 'restarted-ddddd',
    suffix: 'ddddd',
    created: -7200,
    node: 'node01',
    ip: '10.244.1.12',
    phase: 'Running',
    labels: { app: 'web', tier: 'frontend' },
    containers: [
      { name: 'web', image: 'nginx' },
      { name: 'sidecar', image: 'busybox', command: ['sleep', 'infinity'] },
    ],
    statuses: [
      running('sidecar', 'busybox', -7190),
      running('web', 'nginx', -600, 2, {
        terminated: {
          containerID: 'containerd://bb',
          exitCode: 137,
          reason: 'OOMKilled',
          startedAt: at(-3600),
          finishedAt: at(-601),
        },
      }),
    ],
    conditions: [
      ['PodReadyToStartContainers', 'True'],
      ['Initialized', 'True'],
      ['Ready', 'True'],
      ['ContainersReady', 'True'],
      ['PodScheduled', 'True'],
    ],
  }),
  pod({
    name: 'init-eeeee',
    suffix: 'eeeee',
    created: -5,
    node: 'node02',
    ip: '10.244.2.9',
    phase: 'Pending',
    labels: { app: 'init' },
    initContainers: [
      { name: 'setup', image: 'busybox', command: ['sh', '-c', 'sleep 10'] },
      { name: 'migrate', image: 'busybox' },
    ],
    initStatuses: [
      running('setup', 'busybox', -3),
      waiting('migrate', 'busybox', 'PodInitializing'),
    ],
    containers: [{ name: 'app', image: 'nginx' }],
    statuses: [waiting('app', 'nginx', 'PodInitializing')],
    conditions: [
      ['PodReadyToStartContainers', 'True'],
      ['Initialized', 'False'],
      ['Ready', 'False'],
      ['ContainersReady', 'False'],
      ['PodScheduled', 'True'],
    ],
  }),
  pod({
    name: 'creating-fffff',
    suffix: 'fffff',
    created: -1,
    node: 'node03',
    phase: 'Pending',
    restartPolicy: 'Never',
    labels: jobLabels('two-times', JOB_UID),
    containers: [{ name: 'two-times', image: 'alpine' }],
    statuses: [waiting('two-times', 'alpine', 'ContainerCreating')],
    conditions: [
      ['PodReadyToStartContainers', 'False'],
      ['Initialized', 'True'],
      ['Ready', 'False'],
      ['ContainersReady', 'False'],
      ['PodScheduled', 'True'],
    ],
  }),
  pod({
    name: 'stopping-ggggg',
    suffix: 'ggggg',
    created: -90,
    node: 'node01',
    ip: '10.244.1.20',
    phase: 'Running',
    deleted: 20,
    labels: { app: 'web' },
    containers: [{ name: 'web', image: 'nginx' }],
    statuses: [running('web', 'nginx', -88)],
    conditions: [
      ['PodReadyToStartContainers', 'True'],
      ['Initialized', 'True'],
      ['Ready', 'True'],
      ['ContainersReady', 'True'],
      ['PodScheduled', 'True'],
    ],
  }),
  pod({
    name: 'pending-hhhhh',
    suffix: 'hhhhh',
    created: -12,
    phase: 'Pending',
    containers: [{ name: 'app', image: 'nginx' }],
    conditions: [['PodScheduled', 'False']],
  }),
];

function podTemplate(
  labels: Record<string, string>,
  containers: unknown[],
  restartPolicy: string,
  extra: Record<string, unknown> = {},
) {
  return {
    metadata: { creationTimestamp: null, labels },
    spec: {
      containers,
      dnsPolicy: 'ClusterFirst',
      restartPolicy,
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      ...extra,
    },
  };
}

function container(name: string, image: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    image,
    imagePullPolicy: 'Always',
    resources: {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    ...extra,
  };
}

function job(
  name: string,
  uid: string,
  spec: Record<string, unknown>,
  status: Record<string, unknown>,
  meta: Record<string, unknown> = {},
  templateLabels: Record<string, string> = {},
): KubeObject {
  const labels = jobLabels(name, uid, templateLabels);
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: 'default',
      uid,
      resourceVersion: '3001',
      generation: 1,
      creationTimestamp: at(-30),
      labels,
      ...meta,
    },
    spec: {
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      completions: 1,
      manualSelector: false,
      parallelism: 1,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      suspend: false,
      ...spec,
      template: podTemplate(
        labels,
        [
          container(name, 'alpine', {
            command: ['sh', '-c', 'for i in $(seq 10);do echo $(($i*2));done'],
          }),
        ],
        'Never',
      ),
    },
    status,
  };
}

/** Jobs: completed, failed, indexed, suspended, running work queue, owned by a cronjob. */
export const JOBS: KubeObject[] = [
  job(
    'two-times',
    JOB_UID,
    {},
    {
      conditions: [
        {
          type: 'SuccessCriteriaMet',
          status: 'True',
          lastProbeTime: at(-27),
          lastTransitionTime: at(-27),
          reason: 'CompletionsReached',
          message: 'Reached expected number of succeeded pods',
        },
        {
          type: 'Complete',
          status: 'True',
          lastProbeTime: at(-27),
          lastTransitionTime: at(-27),
          reason: 'CompletionsReached',
          message: 'Reached expected number of succeeded pods',
        },
      ],
      startTime: at(-30),
      completionTime: at(-27),
      succeeded: 1,
      ready: 0,
      terminating: 0,
      uncountedTerminatedPods: {},
    },
  ),
  job(
    'fail-never',
    'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
    { backoffLimit: 2 },
    {
      conditions: [
        {
          type: 'FailureTarget',
          status: 'True',
          lastProbeTime: at(-13),
          lastTransitionTime: at(-13),
          reason: 'BackoffLimitExceeded',
          message: 'Job has reached the specified backoff limit',
        },
        {
          type: 'Failed',
          status: 'True',
          lastProbeTime: at(-13),
          lastTransitionTime: at(-13),
          reason: 'BackoffLimitExceeded',
          message: 'Job has reached the specified backoff limit',
        },
      ],
      startTime: at(-50),
      failed: 3,
      ready: 0,
      terminating: 0,
      uncountedTerminatedPods: {},
    },
    { creationTimestamp: at(-50) },
  ),
  job(
    'indexed',
    'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b',
    {
      completionMode: 'Indexed',
      completions: 5,
      parallelism: 2,
      ttlSecondsAfterFinished: 100,
      activeDeadlineSeconds: 600,
    },
    {
      startTime: at(-20),
      active: 2,
      ready: 1,
      succeeded: 2,
      completedIndexes: '0,2',
      terminating: 0,
      uncountedTerminatedPods: {},
    },
    { creationTimestamp: at(-20) },
  ),
  job(
    'paused',
    'f2a3b4c5-d6e7-4f8a-9b0c-1d2e3f4a5b6c',
    { suspend: true },
    {
      conditions: [
        {
          type: 'Suspended',
          status: 'True',
          lastProbeTime: at(-10),
          lastTransitionTime: at(-10),
          reason: 'JobSuspended',
          message: 'Job suspended',
        },
      ],
      ready: 0,
      terminating: 0,
    },
    { creationTimestamp: at(-10) },
  ),
  job(
    'queue',
    'a3b4c5d6-e7f8-4a9b-8c0d-1e2f3a4b5c6d',
    { completions: undefined, parallelism: 3 },
    {
      startTime: at(-125),
      active: 3,
      ready: 3,
      terminating: 0,
      uncountedTerminatedPods: {},
    },
    { creationTimestamp: at(-125) },
    { app: 'queue' },
  ),
  job(
    'simple-28948920',
    'b4c5d6e7-f8a9-4b0c-8d1e-2f3a4b5c6d7e',
    {},
    {
      startTime: at(0),
      active: 1,
      ready: 1,
      terminating: 0,
      uncountedTerminatedPods: {},
    },
    {
      creationTimestamp: at(0),
      annotations: { 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2025-01-15T10:00:00Z' },
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          name: 'simple',
          uid: 'c5d6e7f8-a9b0-4c1d-8e2f-3a4b5c6d7e8f',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
  ),
];

/** A cronjob with an active job. */
export const CRONJOB: KubeObject = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: {
    name: 'simple',
    namespace: 'default',
    uid: 'c5d6e7f8-a9b0-4c1d-8e2f-3a4b5c6d7e8f',
    resourceVersion: '4100',
    generation: 1,
    creationTimestamp: at(-10),
  },
  spec: {
    concurrencyPolicy: 'Allow',
    failedJobsHistoryLimit: 1,
    jobTemplate: {
      metadata: { creationTimestamp: null, name: 'simple' },
      spec: {
        template: podTemplate(
          {},
          [container('simple', 'busybox', { command: ['/bin/sh', '-c', 'date; echo Hello'] })],
          'OnFailure',
        ),
      },
    },
    schedule: '*/1 * * * *',
    successfulJobsHistoryLimit: 3,
    suspend: false,
  },
  status: {
    active: [
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        name: 'simple-28948920',
        namespace: 'default',
        resourceVersion: '4090',
        uid: 'b4c5d6e7-f8a9-4b0c-8d1e-2f3a4b5c6d7e',
      },
    ],
    lastScheduleTime: at(0),
  },
};

const DS_UID = 'd5e6f7a8-b9c0-4d1e-8f2a-3b4c5d6e7f8a';

/** A daemonset with tolerations, volumes, env, ports and resources. */
export const DAEMONSET: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: {
    name: 'logd',
    namespace: 'default',
    uid: DS_UID,
    resourceVersion: '5012',
    generation: 1,
    creationTimestamp: at(-40),
    labels: { app: 'logd' },
    annotations: {
      'deprecated.daemonset.template.generation': '1',
      'kubectl.kubernetes.io/last-applied-configuration':
        '{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"annotations":{},"name":"logd","namespace":"default"}}\n',
    },
  },
  spec: {
    revisionHistoryLimit: 10,
    selector: { matchLabels: { name: 'logd' } },
    template: podTemplate(
      { name: 'logd' },
      [
        container('logd', 'busybox', {
          command: ['sh', '-c', 'while true; do date >> /var/node_log; sleep 5; done'],
          env: [
            { name: 'LOG_LEVEL', value: 'debug' },
            {
              name: 'NODE_NAME',
              valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } },
            },
            {
              name: 'CONFIG',
              valueFrom: { configMapKeyRef: { name: 'logd-config', key: 'mode' } },
            },
            {
              name: 'TOKEN',
              valueFrom: { secretKeyRef: { name: 'logd-secret', key: 'token', optional: true } },
            },
          ],
          ports: [{ containerPort: 8080, hostPort: 8080, protocol: 'TCP', name: 'http' }],
          resources: {
            limits: { cpu: '200m', memory: '200Mi' },
            requests: { cpu: '100m', memory: '128Mi' },
          },
          volumeMounts: [
            { name: 'varlog', mountPath: '/var/log' },
            { name: 'config', mountPath: '/etc/logd', readOnly: true },
          ],
        }),
      ],
      'Always',
      {
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        tolerations: [
          {
            key: 'node-role.kubernetes.io/control-plane',
            operator: 'Exists',
            effect: 'NoSchedule',
          },
          { key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' },
        ],
        volumes: [
          { name: 'varlog', hostPath: { path: '/var/log', type: '' } },
          { name: 'config', configMap: { name: 'logd-config', defaultMode: 420 } },
          { name: 'scratch', emptyDir: {} },
        ],
      },
    ),
    updateStrategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }, type: 'RollingUpdate' },
  },
  status: {
    currentNumberScheduled: 3,
    desiredNumberScheduled: 3,
    numberAvailable: 3,
    numberMisscheduled: 0,
    numberReady: 3,
    observedGeneration: 1,
    updatedNumberScheduled: 3,
  },
};

const DEPLOY_UID = 'e6f7a8b9-c0d1-4e2f-8a3b-4c5d6e7f8a9b';

function replicaSet(
  hash: string,
  revision: string,
  replicas: number,
  created: number,
  image: string,
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `web-${hash}`,
      namespace: 'default',
      uid: `f7a8b9c0-d1e2-4f3a-8b4c-${hash.padEnd(12, '0')}`,
      resourceVersion: '6020',
      generation: 2,
      creationTimestamp: at(created),
      labels: { app: 'web', 'pod-template-hash': hash },
      annotations: {
        'deployment.kubernetes.io/desired-replicas': '3',
        'deployment.kubernetes.io/max-replicas': '4',
        'deployment.kubernetes.io/revision': revision,
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'web',
          uid: DEPLOY_UID,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } },
      template: podTemplate(
        { app: 'web', 'pod-template-hash': hash },
        [container('nginx', image, { ports: [{ containerPort: 80, protocol: 'TCP' }] })],
        'Always',
      ),
    },
    status:
      replicas > 0
        ? {
            availableReplicas: replicas,
            fullyLabeledReplicas: replicas,
            observedGeneration: 2,
            readyReplicas: replicas,
            replicas,
          }
        : { observedGeneration: 2, replicas: 0 },
  };
}

/** Two replica sets of the deployment: the old one scaled to 0, the new one with 3 pods. */
export const REPLICASETS: KubeObject[] = [
  replicaSet('7788b4f657', '1', 0, -7200, 'nginx:1.26'),
  replicaSet('7dc79fd8df', '2', 3, -600, 'nginx:1.27'),
];

/** A deployment with a rolling update strategy. */
export const DEPLOYMENT: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'default',
    uid: DEPLOY_UID,
    resourceVersion: '6030',
    generation: 2,
    creationTimestamp: at(-7200),
    labels: { app: 'web' },
    annotations: { 'deployment.kubernetes.io/revision': '2' },
  },
  spec: {
    progressDeadlineSeconds: 600,
    replicas: 3,
    revisionHistoryLimit: 10,
    selector: { matchLabels: { app: 'web' } },
    strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
    template: podTemplate(
      { app: 'web' },
      [container('nginx', 'nginx:1.27', { ports: [{ containerPort: 80, protocol: 'TCP' }] })],
      'Always',
    ),
  },
  status: {
    availableReplicas: 3,
    conditions: [
      {
        type: 'Available',
        status: 'True',
        lastUpdateTime: at(-7000),
        lastTransitionTime: at(-7000),
        reason: 'MinimumReplicasAvailable',
        message: 'Deployment has minimum availability.',
      },
      {
        type: 'Progressing',
        status: 'True',
        lastUpdateTime: at(-590),
        lastTransitionTime: at(-7200),
        reason: 'NewReplicaSetAvailable',
        message: 'ReplicaSet "web-7dc79fd8df" has successfully progressed.',
      },
    ],
    observedGeneration: 2,
    readyReplicas: 3,
    replicas: 3,
    updatedReplicas: 3,
  },
};

/** Services: the kubernetes ClusterIP service and a NodePort service with a selector. */
export const SERVICES: KubeObject[] = [
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      uid: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
      resourceVersion: '200',
      creationTimestamp: at(NODE_AGE),
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: {
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
      resourceVersion: '6100',
      creationTimestamp: at(-7000),
      labels: { app: 'web' },
    },
    spec: {
      clusterIP: '10.96.120.15',
      clusterIPs: ['10.96.120.15'],
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'http', nodePort: 30080, port: 80, protocol: 'TCP', targetPort: 80 }],
      selector: { app: 'web' },
      sessionAffinity: 'None',
      type: 'NodePort',
    },
    status: { loadBalancer: {} },
  },
];

/** Endpoints of the two services. */
export const ENDPOINTS: KubeObject[] = [
  {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      uid: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
      resourceVersion: '210',
      creationTimestamp: at(NODE_AGE),
      labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
    },
    subsets: [
      {
        addresses: [{ ip: '172.18.0.2' }],
        ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
      },
    ],
  },
  {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: '3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a',
      resourceVersion: '6110',
      creationTimestamp: at(-7000),
      labels: { app: 'web' },
    },
    subsets: [
      {
        addresses: [
          {
            ip: '10.244.1.30',
            nodeName: 'node01',
            targetRef: {
              kind: 'Pod',
              name: 'web-7dc79fd8df-aaaaa',
              namespace: 'default',
              uid: '11111111-2222-4333-8444-555555555555',
            },
          },
          {
            ip: '10.244.2.31',
            nodeName: 'node02',
            targetRef: {
              kind: 'Pod',
              name: 'web-7dc79fd8df-bbbbb',
              namespace: 'default',
              uid: '11111111-2222-4333-8444-555555555556',
            },
          },
          {
            ip: '10.244.1.32',
            nodeName: 'node01',
            targetRef: {
              kind: 'Pod',
              name: 'web-7dc79fd8df-ccccc',
              namespace: 'default',
              uid: '11111111-2222-4333-8444-555555555557',
            },
          },
          {
            ip: '10.244.2.33',
            nodeName: 'node02',
            targetRef: {
              kind: 'Pod',
              name: 'web-7dc79fd8df-ddddd',
              namespace: 'default',
              uid: '11111111-2222-4333-8444-555555555558',
            },
          },
        ],
        ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
      },
    ],
  },
];

let eventSeq = 0;

/** An event about an object, as the core/v1 event recorder writes it. */
export function event(
  involved: KubeObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  component: string,
  first: number,
  last = first,
  count = 1,
  host?: string,
): KubeObject {
  eventSeq++;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: `${involved.metadata.name}.${(0x181a2b3c + eventSeq * 7919).toString(16) + '4d5e6f70'}`,
      namespace: involved.metadata.namespace ?? 'default',
      uid: `9e8d7c6b-5a4f-4e3d-8c2b-${String(eventSeq).padStart(12, '0')}`,
      resourceVersion: String(7000 + eventSeq),
      creationTimestamp: at(first),
    },
    involvedObject: {
      apiVersion: involved.apiVersion,
      kind: involved.kind,
      name: involved.metadata.name,
      namespace: involved.metadata.namespace,
      uid: involved.metadata.uid,
      resourceVersion: involved.metadata.resourceVersion,
    },
    reason,
    message,
    source: { component, ...(host ? { host } : {}) },
    firstTimestamp: at(first),
    lastTimestamp: at(last),
    count,
    type,
    eventTime: null,
    reportingComponent: component,
    reportingInstance: host ?? '',
  };
}

const byName = (list: KubeObject[], name: string) => list.find((o) => o.metadata.name === name)!;

/** Events of the fixtures (the job's, the daemonset's, the crash looping pod's, a node's). */
export const EVENTS: KubeObject[] = [
  event(
    byName(JOBS, 'two-times'),
    'Normal',
    'SuccessfulCreate',
    'Created pod: two-times-xxxxx',
    'job-controller',
    -30,
  ),
  event(byName(JOBS, 'two-times'), 'Normal', 'Completed', 'Job completed', 'job-controller', -27),
  event(
    byName(JOBS, 'fail-never'),
    'Normal',
    'SuccessfulCreate',
    'Created pod: fail-never-aaaaa',
    'job-controller',
    -50,
  ),
  event(
    byName(JOBS, 'fail-never'),
    'Normal',
    'SuccessfulCreate',
    'Created pod: fail-never-bbbbb',
    'job-controller',
    -38,
  ),
  event(
    byName(JOBS, 'fail-never'),
    'Normal',
    'SuccessfulCreate',
    'Created pod: fail-never-ccccc',
    'job-controller',
    -16,
  ),
  event(
    byName(JOBS, 'fail-never'),
    'Warning',
    'BackoffLimitExceeded',
    'Job has reached the specified backoff limit',
    'job-controller',
    -13,
  ),
  event(
    CRONJOB,
    'Normal',
    'SuccessfulCreate',
    'Created job simple-28948920',
    'cronjob-controller',
    0,
  ),
  event(
    DAEMONSET,
    'Normal',
    'SuccessfulCreate',
    'Created pod: logd-bbbbb',
    'daemonset-controller',
    -40,
  ),
  event(
    byName(PODS, 'logd-bbbbb'),
    'Normal',
    'Scheduled',
    'Successfully assigned default/logd-bbbbb to node01',
    'default-scheduler',
    -40,
  ),
  event(
    byName(PODS, 'logd-bbbbb'),
    'Normal',
    'Pulling',
    'Pulling image "busybox"',
    'kubelet',
    -40,
    -40,
    1,
    'node01',
  ),
  event(
    byName(PODS, 'logd-bbbbb'),
    'Normal',
    'Pulled',
    'Successfully pulled image "busybox" in 1.2s (1.2s including waiting). Image size: 2156518 bytes.',
    'kubelet',
    -39,
    -39,
    1,
    'node01',
  ),
  event(
    byName(PODS, 'logd-bbbbb'),
    'Normal',
    'Created',
    'Created container: logd',
    'kubelet',
    -39,
    -39,
    1,
    'node01',
  ),
  event(
    byName(PODS, 'logd-bbbbb'),
    'Normal',
    'Started',
    'Started container logd',
    'kubelet',
    -38,
    -38,
    1,
    'node01',
  ),
  event(
    byName(PODS, 'crashy-ccccc'),
    'Normal',
    'Pulled',
    'Container image "busybox" already present on machine',
    'kubelet',
    -290,
    -33,
    5,
    'node02',
  ),
  event(
    byName(PODS, 'crashy-ccccc'),
    'Warning',
    'BackOff',
    'Back-off restarting failed container main in pod crashy-ccccc_default(5f0c2a9e-bcbb-4b7d-8e1f-2a3b4c5d6e7f)',
    'kubelet',
    -270,
    -10,
    12,
    'node02',
  ),
  event(
    DEPLOYMENT,
    'Normal',
    'ScalingReplicaSet',
    'Scaled up replica set web-7dc79fd8df from 0 to 1',
    'deployment-controller',
    -600,
  ),
  event(
    DEPLOYMENT,
    'Normal',
    'ScalingReplicaSet',
    'Scaled down replica set web-7788b4f657 from 3 to 0',
    'deployment-controller',
    -590,
  ),
  event(
    NODES[3],
    'Normal',
    'NodeNotSchedulable',
    'Node node03 status is now: NodeNotSchedulable',
    'kubelet',
    -60,
    -60,
    1,
    'node03',
  ),
];

/** The small kinds: namespace, configmap, secret, serviceaccount, controllerrevision. */
export const MISC: KubeObject[] = [
  {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: 'default',
      uid: '4e5f6a7b-8c9d-4e0f-8a1b-2c3d4e5f6a7b',
      resourceVersion: '20',
      creationTimestamp: at(NODE_AGE),
      labels: { 'kubernetes.io/metadata.name': 'default' },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  },
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'logd-config',
      namespace: 'default',
      uid: '5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c',
      resourceVersion: '300',
      creationTimestamp: at(-100),
    },
    data: { mode: 'verbose', 'app.properties': 'color=blue\nsize=10\n', empty: '' },
  },
  {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: 'logd-secret',
      namespace: 'default',
      uid: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
      resourceVersion: '301',
      creationTimestamp: at(-100),
    },
    data: { token: 'czNjcjN0', 'ca.crt': 'LS0tLS1CRUdJTg==' },
    type: 'Opaque',
  },
  {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      name: 'default',
      namespace: 'default',
      uid: '7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e',
      resourceVersion: '30',
      creationTimestamp: at(NODE_AGE),
    },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: 'logd-6895fcbd55',
      namespace: 'default',
      uid: '8c9d0e1f-2a3b-4c4d-8e5f-6a7b8c9d0e1f',
      resourceVersion: '5001',
      creationTimestamp: at(-40),
      labels: { 'controller-revision-hash': '6895fcbd55', name: 'logd' },
      annotations: { 'deprecated.daemonset.template.generation': '1' },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'DaemonSet',
          name: 'logd',
          uid: DS_UID,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    data: { spec: { template: { $patch: 'replace', metadata: { labels: { name: 'logd' } } } } },
    revision: 1,
  },
];

/** Everything above. */
export const ALL_OBJECTS: KubeObject[] = [
  ...NODES,
  ...PODS,
  ...JOBS,
  CRONJOB,
  DAEMONSET,
  ...REPLICASETS,
  DEPLOYMENT,
  ...SERVICES,
  ...ENDPOINTS,
  ...EVENTS,
  ...MISC,
];
