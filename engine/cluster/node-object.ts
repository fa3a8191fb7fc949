/**
 * Node objects as a kubeadm 1.32 cluster registers them: standard labels, the control-plane role
 * label and taint, capacity/allocatable, addresses, conditions and nodeInfo.
 */
import type { KubeObject } from '../api/object';
import { formatRFC3339, type Instant } from '../time/instant';
import { CONTROL_PLANE_LABEL, type NodeSpec } from './topology';

/** The InternalIP of the i-th node (kind-style 172.18.0.2, 172.18.0.3, …). */
export function nodeIpFor(index: number): string {
  const n = index + 2;
  return `172.18.${Math.floor(n / 256)}.${n % 256}`;
}

/** The pod CIDR prefix (`10.244.1.`) of the i-th node; its CIDR is that plus `0/24`. */
export function podCidrPrefixFor(index: number): string {
  return `10.${244 + Math.floor(index / 256)}.${index % 256}.`;
}

// @simplified: node heartbeats (conditions' lastHeartbeatTime, Lease renewals) do not advance; nodes
// stay Ready until deleted.
/** Builds the Node object for a topology entry. */
export function nodeObject(spec: NodeSpec, index: number, now: Instant): KubeObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': spec.name,
    'kubernetes.io/os': 'linux',
  };
  const taints = [...(spec.taints ?? [])];
  if (spec.controlPlane) {
    labels[CONTROL_PLANE_LABEL] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
    if (!spec.taints) taints.push({ key: CONTROL_PLANE_LABEL, effect: 'NoSchedule' });
  }
  Object.assign(labels, spec.labels ?? {});
  const cidr = `${podCidrPrefixFor(index)}0/24`;
  const ip = nodeIpFor(index);
  const stamp = formatRFC3339(now);
  const resources = {
    cpu: spec.cpu ?? '2',
    'ephemeral-storage': '101430960Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: spec.memory ?? '4025204Ki',
    pods: String(spec.pods ?? 110),
  };
  const condition = (type: string, status: string, reason: string, message: string) => ({
    lastHeartbeatTime: stamp,
    lastTransitionTime: stamp,
    message,
    reason,
    status,
    type,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: { podCIDR: cidr, podCIDRs: [cidr], ...(taints.length ? { taints } : {}) },
    status: {
      addresses: [
        { address: ip, type: 'InternalIP' },
        { address: spec.name, type: 'Hostname' },
      ],
      allocatable: resources,
      capacity: resources,
      conditions: [
        condition(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ),
        condition(
          'DiskPressure',
          'False',
          'KubeletHasNoDiskPressure',
          'kubelet has no disk pressure',
        ),
        condition(
          'PIDPressure',
          'False',
          'KubeletHasSufficientPID',
          'kubelet has sufficient PID available',
        ),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: `boot-${spec.name}`,
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '6.8.0-1015-gcp',
        kubeProxyVersion: spec.kubeletVersion ?? 'v1.32.0',
        kubeletVersion: spec.kubeletVersion ?? 'v1.32.0',
        machineID: `machine-${spec.name}`,
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: `uuid-${spec.name}`,
      },
    },
  };
}
