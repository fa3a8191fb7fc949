/**
 * Small builders of API objects for the golden-scenario table tests. Times are seconds relative
 * to T0 (2025-01-15T10:00:00Z).
 */
import type { KubeObject } from '../../../api/object';
import { at } from './cluster';

type Labels = Record<string, string>;

/** A single-container pod in one of the lifecycle states the scenarios use. */
export function mkPod(
  name: string,
  created: number,
  state: 'creating' | 'running' | 'completed' | 'error' | 'crashloop',
  options: {
    labels?: Labels;
    node?: string;
    ip?: string;
    restarts?: number;
    lastFinished?: number;
    namespace?: string;
  } = {},
): KubeObject {
  const phase = {
    creating: 'Pending',
    running: 'Running',
    completed: 'Succeeded',
    error: 'Failed',
    crashloop: 'Running',
  }[state];
  const containerState =
    state === 'creating'
      ? { waiting: { reason: 'ContainerCreating' } }
      : state === 'running'
        ? { running: { startedAt: at(created + 2) } }
        : state === 'crashloop'
          ? { waiting: { reason: 'CrashLoopBackOff' } }
          : {
              terminated: {
                exitCode: state === 'completed' ? 0 : 1,
                reason: state === 'completed' ? 'Completed' : 'Error',
                startedAt: at(created + 2),
                finishedAt: at(created + 2),
              },
            };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: options.namespace ?? 'default',
      creationTimestamp: at(created),
      labels: options.labels,
    },
    spec: { containers: [{ name: 'c', image: 'busybox' }], nodeName: options.node ?? 'node01' },
    status: {
      phase,
      podIP: options.ip,
      podIPs: options.ip ? [{ ip: options.ip }] : undefined,
      containerStatuses: [
        {
          name: 'c',
          image: 'busybox',
          imageID: '',
          ready: state === 'running',
          restartCount: options.restarts ?? 0,
          state: containerState,
          lastState:
            options.lastFinished !== undefined
              ? {
                  terminated: {
                    exitCode: 1,
                    reason: 'Error',
                    startedAt: at(options.lastFinished - 5),
                    finishedAt: at(options.lastFinished),
                  },
                }
              : {},
        },
      ],
    },
  };
}

/** A job with the status fields its printer reads. */
export function mkJob(
  name: string,
  created: number,
  options: {
    start?: number;
    completion?: number;
    succeeded?: number;
    completions?: number | null;
    parallelism?: number;
    conditions?: string[];
    labels?: Labels;
  } = {},
): KubeObject {
  const transition = options.completion ?? options.start ?? created;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: 'default',
      creationTimestamp: at(created),
      labels: options.labels,
    },
    spec: {
      completions: options.completions === null ? undefined : (options.completions ?? 1),
      parallelism: options.parallelism ?? 1,
      template: { spec: { containers: [{ name, image: 'busybox' }], restartPolicy: 'Never' } },
    },
    status: {
      startTime: options.start !== undefined ? at(options.start) : undefined,
      completionTime: options.completion !== undefined ? at(options.completion) : undefined,
      succeeded: options.succeeded,
      conditions: (options.conditions ?? []).map((type) => ({
        type,
        status: 'True',
        lastTransitionTime: at(transition),
      })),
    },
  };
}

/** A cronjob. */
export function mkCronJob(
  name: string,
  created: number,
  schedule: string,
  options: { active?: number; lastSchedule?: number; suspend?: boolean; timeZone?: string } = {},
): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: 'default', creationTimestamp: at(created) },
    spec: {
      schedule,
      timeZone: options.timeZone,
      suspend: options.suspend ?? false,
      jobTemplate: { spec: { template: { spec: { containers: [{ name, image: 'busybox' }] } } } },
    },
    status: {
      active: Array.from({ length: options.active ?? 0 }, (_, i) => ({
        kind: 'Job',
        name: `${name}-${i}`,
      })),
      lastScheduleTime: options.lastSchedule !== undefined ? at(options.lastSchedule) : undefined,
    },
  };
}

/** A daemonset with its five counters set to the same value unless given. */
export function mkDaemonSet(
  name: string,
  created: number,
  counts: [number, number, number, number, number],
  nodeSelector?: Labels,
): KubeObject {
  const [desired, current, ready, updated, available] = counts;
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'default', creationTimestamp: at(created) },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { nodeSelector, containers: [{ name, image: 'busybox' }] },
      },
    },
    status: {
      desiredNumberScheduled: desired,
      currentNumberScheduled: current,
      numberReady: ready,
      updatedNumberScheduled: updated,
      numberAvailable: available,
      numberMisscheduled: 0,
    },
  };
}

/** A kubeadm-style node. */
export function mkNode(
  name: string,
  created: number,
  options: { controlPlane?: boolean; cordoned?: boolean; ready?: boolean } = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      creationTimestamp: at(created),
      labels: options.controlPlane
        ? { 'node-role.kubernetes.io/control-plane': '' }
        : { 'kubernetes.io/hostname': name },
    },
    spec: options.cordoned ? { unschedulable: true } : {},
    status: {
      conditions: [{ type: 'Ready', status: options.ready === false ? 'Unknown' : 'True' }],
      nodeInfo: { kubeletVersion: 'v1.32.0' },
    },
  };
}

/** A core/v1 event about an object. */
export function mkEvent(
  kind: string,
  name: string,
  type: string,
  reason: string,
  message: string,
  first: number,
  count = 1,
  last = first,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${name}.${first}`, namespace: 'default', creationTimestamp: at(first) },
    involvedObject: { kind, name, namespace: 'default' },
    type,
    reason,
    message,
    source: { component: 'job-controller' },
    firstTimestamp: at(first),
    lastTimestamp: at(last),
    count,
  };
}
