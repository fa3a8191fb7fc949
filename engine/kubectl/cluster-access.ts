/** What kubectl can reach in the simulation: the API server, the clock and the kubelets. */
import type { ApiServer } from '../api/apiserver';
import type { Kubelet } from '../kubelet/kubelet';
import type { Instant } from '../time/instant';

/** kubectl's view of the cluster. */
export interface ClusterAccess {
  readonly server: ApiServer;
  now(): Instant;
  /** The kubelet of a node (exec, logs, attach go through it, as through the API server's proxy). */
  kubelet(node: string): Kubelet | undefined;
  /** The API server URL `cluster-info` prints. */
  readonly controlPlaneUrl: string;
}
