/**
 * The JSON snapshot of the cluster that the UI and automation (`window.podlab.state()`) read:
 * plain data, cheap to post between threads, with the facts a view or a lesson check needs.
 */
import type { Pod, Node } from 'kubernetes-types/core/v1';
import type { ApiServer } from './api/apiserver';
import type { KubeObject } from './api/object';

/** A node as the UI shows it. */
export interface NodeView {
  name: string;
  ready: boolean;
  unschedulable: boolean;
  controlPlane: boolean;
  labels: Record<string, string>;
  taints: string[];
}

/** A pod as the UI shows it. */
export interface PodView {
  namespace: string;
  name: string;
  uid: string;
  node?: string;
  phase: string;
  /** The first container's state: running / waiting:<reason> / terminated:<reason>. */
  state: string;
  restarts: number;
  deleting: boolean;
  owner?: string;
}

/** A workload object (Job, CronJob, DaemonSet, Deployment) with its spec and status. */
export interface WorkloadView {
  namespace: string;
  name: string;
  uid: string;
  spec: unknown;
  status: unknown;
}

/** The whole snapshot. */
export interface ClusterSnapshot {
  /** Virtual time, RFC 3339 with milliseconds. */
  now: string;
  /** Virtual time in milliseconds since the epoch. */
  nowMs: number;
  /** The seed the simulation was created with. */
  seed: number;
  nodes: NodeView[];
  pods: PodView[];
  jobs: WorkloadView[];
  cronjobs: WorkloadView[];
  daemonsets: WorkloadView[];
  deployments: WorkloadView[];
}

function containerState(pod: Pod): string {
  const s = pod.status?.containerStatuses?.[0]?.state;
  if (s?.running) return 'running';
  if (s?.terminated) return `terminated:${s.terminated.reason ?? ''}`;
  if (s?.waiting) return `waiting:${s.waiting.reason ?? ''}`;
  return 'none';
}

function workload(obj: KubeObject): WorkloadView {
  return {
    namespace: obj.metadata.namespace ?? '',
    name: obj.metadata.name!,
    uid: obj.metadata.uid!,
    spec: obj.spec,
    status: obj.status,
  };
}

/** Builds the snapshot from the API server's current state. */
export function snapshotCluster(server: ApiServer, now: number, seed: number): ClusterSnapshot {
  const nodes = (server.list('Node') as unknown as Node[]).map((n) => ({
    name: n.metadata!.name!,
    ready: n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
    unschedulable: !!n.spec?.unschedulable,
    controlPlane: 'node-role.kubernetes.io/control-plane' in (n.metadata?.labels ?? {}),
    labels: { ...(n.metadata?.labels ?? {}) },
    taints: (n.spec?.taints ?? []).map(
      (t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`,
    ),
  }));
  const pods = (server.list('Pod') as unknown as Pod[]).map((p) => ({
    namespace: p.metadata!.namespace!,
    name: p.metadata!.name!,
    uid: p.metadata!.uid!,
    node: p.spec?.nodeName,
    phase: p.status?.phase ?? 'Pending',
    state: containerState(p),
    restarts: (p.status?.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0),
    deleting: !!p.metadata?.deletionTimestamp,
    owner: p.metadata?.ownerReferences?.find((r) => r.controller)?.uid,
  }));
  return {
    now: new Date(now).toISOString(),
    nowMs: now,
    seed,
    nodes,
    pods,
    jobs: server.list('Job').map(workload),
    cronjobs: server.list('CronJob').map(workload),
    daemonsets: server.list('DaemonSet').map(workload),
    deployments: server.list('Deployment').map(workload),
  };
}
