/**
 * Creating a fresh kubeadm-style cluster in the API: the four standard namespaces with their
 * `default` ServiceAccount and `kube-root-ca.crt` ConfigMap, the nodes, the `kubernetes` Service
 * (10.96.0.1) with its Endpoints, and the `kube-dns` Service (10.96.0.10).
 */
import type { ApiServer } from '../api/apiserver';
import type { KubeObject } from '../api/object';
import type { Instant } from '../time/instant';
import type { ClusterSpec, NodeSpec } from './topology';
import { nodeIpFor, nodeObject } from './node-object';

/** The standard namespaces, in creation order. */
export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

const CA =
  '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIPodlabPodlabwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE\nAxMKa3ViZXJuZXRlczAeFw0yNTAxMTIwOTAwMDBaFw0zNTAxMTAwOTAwMDBaMBUx\n-----END CERTIFICATE-----\n';

/** Creates a namespace with its default ServiceAccount and root CA ConfigMap. */
export function createNamespace(server: ApiServer, name: string): void {
  server.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  server.create(
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } },
    { namespace: name },
  );
  server.create(
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'kube-root-ca.crt',
        namespace: name,
        annotations: {
          'kubernetes.io/description':
            'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
        },
      },
      data: { 'ca.crt': CA },
    },
    { namespace: name },
  );
}

/** Registers a node (create, then its status, as a kubelet registers itself). */
export function createNode(
  server: ApiServer,
  spec: NodeSpec,
  index: number,
  now: () => Instant,
): KubeObject | undefined {
  const node = nodeObject(spec, index, now());
  const created = server.create(node);
  if (!created.ok) return undefined;
  const withStatus = server.updateStatus({ ...created.value, status: node.status });
  return withStatus.ok ? withStatus.value : created.value;
}

/** The `kubernetes` Service in `default` (the apiserver creates it and keeps it there). */
export function kubernetesService(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: {
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      type: 'ClusterIP',
      sessionAffinity: 'None',
    },
  } as KubeObject;
}

/** The `kubernetes` Endpoints: the apiserver's address (its endpoint reconciler keeps them). */
export function kubernetesEndpoints(apiserverIp: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
    },
    subsets: [
      { addresses: [{ ip: apiserverIp }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] },
    ],
  } as KubeObject;
}

/** Creates every object of a fresh cluster. */
export function bootstrapCluster(
  server: ApiServer,
  cluster: ClusterSpec,
  indexOf: (spec: NodeSpec) => number,
  now: () => Instant,
): void {
  for (const ns of SYSTEM_NAMESPACES) createNamespace(server, ns);
  for (const spec of cluster.nodes) createNode(server, spec, indexOf(spec), now);
  const controlPlane = cluster.nodes.find((n) => n.controlPlane) ?? cluster.nodes[0];
  const apiserverIp = controlPlane ? nodeIpFor(indexOf(controlPlane)) : '172.18.0.2';
  server.create(kubernetesService());
  server.create(kubernetesEndpoints(apiserverIp));
  server.create(
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'kube-dns',
        namespace: 'kube-system',
        labels: {
          'k8s-app': 'kube-dns',
          'kubernetes.io/cluster-service': 'true',
          'kubernetes.io/name': 'CoreDNS',
        },
        annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
      },
      spec: {
        clusterIP: '10.96.0.10',
        clusterIPs: ['10.96.0.10'],
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
        selector: { 'k8s-app': 'kube-dns' },
        type: 'ClusterIP',
        sessionAffinity: 'None',
      },
    },
    { namespace: 'kube-system' },
  );
}
