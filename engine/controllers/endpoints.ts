/**
 * The endpoints controller (pkg/controller/endpoint): keeps one Endpoints object per Service with
 * a selector, listing the IPs of the matching pods (ready ones as addresses, others as
 * notReadyAddresses) and the service ports resolved to container ports.
 */
import type {
  Endpoints,
  EndpointAddress,
  EndpointPort,
  Pod,
  Service,
} from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import { fromSet } from '../api/labels';
import { jsonEqual } from '../api/patch';
import type { ClusterView, Controller, ControllerHost, ReconcileResult } from './framework';

function isReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** Resolves a service port's targetPort against a pod's named container ports. */
function targetPortOf(
  svcPort: NonNullable<Service['spec']>['ports'] extends (infer P)[] | undefined ? P : never,
  pod: Pod,
): number | undefined {
  const target = svcPort.targetPort ?? svcPort.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? [])
    for (const p of c.ports ?? []) if (p.name === target) return p.containerPort;
  return undefined;
}

/** The Endpoints controller. */
export const endpointsController: Controller = {
  name: 'endpoint-controller',

  setup(host: ControllerHost) {
    host.watch('Service', (e) =>
      host.enqueue(`${e.object.metadata.namespace}/${e.object.metadata.name}`),
    );
    host.watch('Pod', (e) => {
      const pod = e.object as unknown as Pod;
      const ns = pod.metadata?.namespace ?? 'default';
      // Only pods whose IP, readiness or labels changed can change endpoints.
      const old = e.old as unknown as Pod | undefined;
      if (
        e.type === 'MODIFIED' &&
        old &&
        old.status?.podIP === pod.status?.podIP &&
        isReady(old) === isReady(pod) &&
        jsonEqual(old.metadata?.labels, pod.metadata?.labels) &&
        !!old.metadata?.deletionTimestamp === !!pod.metadata?.deletionTimestamp
      )
        return;
      for (const obj of host.view.list<Service>('Service', ns)) {
        const sel = obj.spec?.selector;
        if (!sel) continue;
        const labels = pod.metadata?.labels ?? {};
        const oldLabels = old?.metadata?.labels ?? {};
        const match = (l: Record<string, string>) =>
          Object.entries(sel).every(([k, v]) => l[k] === v);
        if (match(labels) || match(oldLabels)) host.enqueue(`${ns}/${obj.metadata!.name}`);
      }
    });
  },

  reconcile(key: string, view: ClusterView): ReconcileResult {
    const [ns, name] = key.split('/');
    const svc = view.get<Service>('Service', ns, name);
    const existing = view.get<KubeObject>('Endpoints', ns, name);
    if (!svc) {
      return existing
        ? { actions: [{ op: 'delete', kind: 'Endpoints', namespace: ns, name }] }
        : {};
    }
    const selector = svc.spec?.selector;
    if (!selector || Object.keys(selector).length === 0) return {};
    const pods = view
      .list<Pod>('Pod', ns, fromSet(selector))
      .filter((p) => p.status?.podIP && !p.metadata?.deletionTimestamp);
    const ready: EndpointAddress[] = [];
    const notReady: EndpointAddress[] = [];
    let ports: EndpointPort[] | undefined;
    for (const pod of pods) {
      const podPorts: EndpointPort[] = [];
      for (const sp of svc.spec?.ports ?? []) {
        const port = targetPortOf(sp, pod);
        if (port !== undefined)
          podPorts.push({
            ...(sp.name ? { name: sp.name } : {}),
            port,
            protocol: sp.protocol ?? 'TCP',
          });
      }
      ports ??= podPorts;
      const address: EndpointAddress = {
        ip: pod.status!.podIP!,
        nodeName: pod.spec?.nodeName,
        targetRef: {
          kind: 'Pod',
          name: pod.metadata!.name!,
          namespace: ns,
          uid: pod.metadata!.uid!,
        },
      };
      (isReady(pod) ? ready : notReady).push(address);
    }
    const byIp = (a: EndpointAddress, b: EndpointAddress) =>
      a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0;
    ready.sort(byIp);
    notReady.sort(byIp);
    const subsets =
      ready.length + notReady.length > 0
        ? [
            {
              ...(ready.length ? { addresses: ready } : {}),
              ...(notReady.length ? { notReadyAddresses: notReady } : {}),
              ports,
            },
          ]
        : undefined;
    const labels = svc.metadata?.labels;
    const desired: Endpoints & KubeObject = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name, namespace: ns, ...(labels ? { labels } : {}) },
      ...(subsets ? { subsets } : {}),
    } as Endpoints & KubeObject;
    if (!existing) return { actions: [{ op: 'create', object: desired, namespace: ns }] };
    if (jsonEqual(existing.subsets, desired.subsets) && jsonEqual(existing.metadata.labels, labels))
      return {};
    const updated: KubeObject = { ...existing, metadata: { ...existing.metadata, labels } };
    if (subsets) updated.subsets = subsets;
    else delete updated.subsets;
    return { actions: [{ op: 'update', object: updated }] };
  },
};
