/**
 * Cluster topology: the nodes a simulation starts with. The default is PRODUCT.md §4's kubeadm
 * cluster: `controlplane` (tainted NoSchedule) and workers `node01`..`node03`, kubelet v1.32.0.
 */
import type { Taint } from 'kubernetes-types/core/v1';

/** One node of the topology. */
export interface NodeSpec {
  name: string;
  /** Extra labels (the standard kubernetes.io/* labels are always added). */
  labels?: Record<string, string>;
  taints?: Taint[];
  /** Control-plane node: role label, exclude-from-LB label and the NoSchedule taint by default. */
  controlPlane?: boolean;
  /** Capacity; defaults: 2 CPUs, 4 GiB memory, 110 pods. */
  cpu?: string;
  memory?: string;
  pods?: number;
  /** Kubelet version (default v1.32.0). */
  kubeletVersion?: string;
}

/** The cluster a simulation starts with. */
export interface ClusterSpec {
  nodes: NodeSpec[];
  /** How long before the simulation's start the cluster was created (node and system-object AGE). */
  ageSeconds?: number;
}

/** The control-plane role label and taint key (kubeadm since 1.24). */
export const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

/** 3 days and 1 hour: the golden scenarios' cluster age. */
export const DEFAULT_CLUSTER_AGE_SECONDS = (3 * 24 + 1) * 3600;

/** The default four-node cluster. */
export const DEFAULT_CLUSTER: ClusterSpec = {
  nodes: [
    { name: 'controlplane', controlPlane: true },
    { name: 'node01' },
    { name: 'node02' },
    { name: 'node03' },
  ],
  ageSeconds: DEFAULT_CLUSTER_AGE_SECONDS,
};

/** A topology of `count` workers named node01.. plus a control plane (benchmarks, tests). */
export function workerCluster(count: number, options: Partial<NodeSpec> = {}): ClusterSpec {
  const nodes: NodeSpec[] = [{ name: 'controlplane', controlPlane: true }];
  const width = Math.max(2, String(count).length);
  for (let i = 1; i <= count; i++)
    nodes.push({ ...options, name: `node${String(i).padStart(width, '0')}` });
  return { nodes, ageSeconds: DEFAULT_CLUSTER_AGE_SECONDS };
}
