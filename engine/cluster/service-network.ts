/**
 * What kube-proxy and CoreDNS do for the simulated network: Service ClusterIPs route to a ready
 * endpoint (chosen at random, as iptables mode does), a node's IP plus a hostPort routes to the
 * pod that asked for it, and cluster DNS resolves service names with the pod's search path.
 */
import type { Endpoints, Pod, Service } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../api/apiserver';
import type { Rng } from '../random';

// @simplified: only TCP is routed; NodePort and LoadBalancer traffic from outside is not simulated,
// and DNS answers only Service and pod-IP names (no external names).
/** Routing and name resolution over the API server's Services, Endpoints, Pods and Nodes. */
export class ServiceNetwork {
  constructor(
    private readonly server: ApiServer,
    private readonly rng: Rng,
  ) {}

  private byClusterIp(ip: string): Service | undefined {
    for (const obj of this.server.list('Service', { sorted: false })) {
      const svc = obj as unknown as Service;
      if (svc.spec?.clusterIP === ip) return svc;
    }
    return undefined;
  }

  private nodeByIp(ip: string): string | undefined {
    for (const obj of this.server.list('Node', { sorted: false })) {
      const addresses =
        (obj.status as { addresses?: Array<{ type: string; address: string }> } | undefined)
          ?.addresses ?? [];
      if (addresses.some((a) => a.type === 'InternalIP' && a.address === ip))
        return obj.metadata.name;
    }
    return undefined;
  }

  /** Where a connection to ip:port really goes (DNAT), or undefined when not a Service/hostPort. */
  translate(ip: string, port: number): { ip: string; port: number } | undefined {
    const svc = this.byClusterIp(ip);
    if (svc) {
      const spec = svc.spec?.ports?.find((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP');
      if (!spec) return { ip: '0.0.0.0', port };
      const ep = this.server.get(
        'Endpoints',
        svc.metadata!.namespace!,
        svc.metadata!.name!,
      ) as unknown as Endpoints | undefined;
      const targets: Array<{ ip: string; port: number }> = [];
      for (const subset of ep?.subsets ?? []) {
        const epPort =
          subset.ports?.find((p) => (p.name ?? '') === (spec.name ?? '')) ??
          (subset.ports?.length === 1 ? subset.ports[0] : undefined);
        if (!epPort) continue;
        for (const a of subset.addresses ?? []) targets.push({ ip: a.ip, port: epPort.port });
      }
      if (targets.length === 0) return { ip: '0.0.0.0', port };
      return targets[this.rng.int(targets.length)];
    }
    const node = this.nodeByIp(ip);
    if (node) {
      for (const obj of this.server.store.podsOnNode(node)) {
        const pod = obj as unknown as Pod;
        if (!pod.status?.podIP || pod.metadata?.deletionTimestamp) continue;
        for (const c of pod.spec?.containers ?? []) {
          for (const p of c.ports ?? [])
            if (p.hostPort === port && (p.protocol ?? 'TCP') === 'TCP')
              return { ip: pod.status.podIP, port: p.containerPort };
        }
      }
    }
    return undefined;
  }

  /** Cluster DNS for a pod in `namespace` (search: ns.svc.cluster.local, svc.cluster.local, cluster.local). */
  resolve(namespace: string, rawName: string): string | undefined {
    const name = rawName.replace(/\.$/, '').toLowerCase();
    if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return name;
    if (name === 'localhost') return '127.0.0.1';
    const candidates = rawName.endsWith('.')
      ? [name]
      : [
          name,
          `${name}.${namespace}.svc.cluster.local`,
          `${name}.svc.cluster.local`,
          `${name}.cluster.local`,
        ];
    for (const fqdn of candidates) {
      const m = /^([a-z0-9-]+)\.([a-z0-9-]+)\.svc\.cluster\.local$/.exec(fqdn);
      if (m) {
        const svc = this.server.get('Service', m[2], m[1]) as unknown as Service | undefined;
        if (!svc) continue;
        if (svc.spec?.clusterIP && svc.spec.clusterIP !== 'None') return svc.spec.clusterIP;
        const ep = this.server.get('Endpoints', m[2], m[1]) as unknown as Endpoints | undefined;
        const first = ep?.subsets?.[0]?.addresses?.[0]?.ip;
        if (first) return first;
        continue;
      }
      const pod = /^(\d+)-(\d+)-(\d+)-(\d+)\.([a-z0-9-]+)\.pod\.cluster\.local$/.exec(fqdn);
      if (pod) return `${pod[1]}.${pod[2]}.${pod[3]}.${pod[4]}`;
    }
    return undefined;
  }
}
