/** kubectl describe service (kubectl pkg/describe/describe.go#describeService, 1.32: EndpointSlices). */
import type { Service } from 'kubernetes-types/core/v1';
import type { Endpoints } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/object';
import { formatLabels } from '../../format/labels';
import {
  describeEvents,
  printAnnotationsMultiline,
  printLabelsMultiline,
  sortByNamespaceAndName,
  type DescribeContext,
} from './helpers';
import { LEVEL_0, tabbedString } from './prefix-writer';

/** The parts of a discovery.k8s.io/v1 EndpointSlice describe reads. */
export interface EndpointSliceLike {
  metadata: { name?: string; namespace?: string; labels?: Record<string, string> };
  endpoints?: { addresses: string[]; conditions?: { ready?: boolean | null } }[] | null;
  ports?: { name?: string; port?: number; protocol?: string }[] | null;
}

/**
 * The EndpointSlices of a service: those labelled `kubernetes.io/service-name` if the context
 * has any, else slices mirrored from the service's Endpoints object.
 */
export function serviceEndpointSlices(
  service: KubeObject,
  ctx: DescribeContext,
): EndpointSliceLike[] {
  const ns = service.metadata.namespace;
  const slices = sortByNamespaceAndName(ctx.list('EndpointSlice')).filter(
    (s) =>
      s.metadata.namespace === ns &&
      s.metadata.labels?.['kubernetes.io/service-name'] === service.metadata.name,
  ) as unknown as EndpointSliceLike[];
  if (slices.length > 0) return slices;
  const endpoints = ctx
    .list('Endpoints')
    .find((e) => e.metadata.namespace === ns && e.metadata.name === service.metadata.name);
  // @simplified: Podlab keeps Endpoints; the EndpointSlice controller's slices are derived here.
  return endpoints
    ? endpointSlicesFromEndpoints(endpoints as unknown as Endpoints & KubeObject)
    : [];
}

/** One slice per Endpoints subset, ready and not-ready addresses kept apart by condition. */
export function endpointSlicesFromEndpoints(
  endpoints: Endpoints & KubeObject,
): EndpointSliceLike[] {
  return (endpoints.subsets ?? []).map((subset, i) => ({
    metadata: {
      name: `${endpoints.metadata.name}-${i}`,
      namespace: endpoints.metadata.namespace,
      labels: { 'kubernetes.io/service-name': endpoints.metadata.name ?? '' },
    },
    endpoints: [
      ...(subset.addresses ?? []).map((a) => ({ addresses: [a.ip], conditions: { ready: true } })),
      ...(subset.notReadyAddresses ?? []).map((a) => ({
        addresses: [a.ip],
        conditions: { ready: false },
      })),
    ],
    ports: (subset.ports ?? []).map((p) => ({
      name: p.name ?? '',
      port: p.port,
      protocol: p.protocol ?? 'TCP',
    })),
  }));
}

function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** describe.go#formatEndpointSlices: up to three ready `ip:port`, then ` + N more...`. */
export function formatEndpointSlices(
  slices: readonly EndpointSliceLike[],
  portName?: string,
): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  const ready = (e: { conditions?: { ready?: boolean | null } }) =>
    e.conditions?.ready === undefined || e.conditions.ready === null || e.conditions.ready;
  for (const slice of slices) {
    const endpoints = slice.endpoints ?? [];
    const ports = slice.ports ?? [];
    if (ports.length === 0) {
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (ready(e)) {
          if (!more) list.push(e.addresses[0]);
          count++;
        }
      }
      continue;
    }
    for (const port of ports) {
      if (portName !== undefined && (port.name ?? '') !== portName) continue;
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (ready(e)) {
          if (!more) list.push(joinHostPort(e.addresses[0], port.port ?? 0));
          count++;
        }
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

/** The describe text of a Service. */
export function describeService(
  obj: KubeObject,
  ctx: DescribeContext,
  events: readonly KubeObject[] | undefined,
  now: number,
): string {
  const svc = obj as unknown as Service;
  const spec = svc.spec ?? {};
  const slices = serviceEndpointSlices(obj, ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    const families = spec.ipFamilies ?? [];
    w.write(LEVEL_0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    const ips = spec.clusterIPs ?? [];
    w.write(LEVEL_0, `IPs:\t${ips.length > 0 ? ips.join(',') : '<none>'}\n`);
    if (spec.externalIPs && spec.externalIPs.length > 0) {
      w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
    }
    if (spec.loadBalancerIP) w.write(LEVEL_0, `IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if (ingress.length > 0) {
      // describe.go#buildIngressString: IP (or hostname), then ` (<ipMode>)` when set.
      const list = ingress
        .map((i) => {
          const mode = (i as { ipMode?: string }).ipMode;
          return (i.ip || i.hostname || '') + (mode ? ` (${mode})` : '');
        })
        .join(', ');
      w.write(LEVEL_0, `LoadBalancer Ingress:\t${list}\n`);
    }
    for (const sp of spec.ports ?? []) {
      const name = sp.name || '<unset>';
      const protocol = sp.protocol ?? 'TCP';
      w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${protocol}\n`);
      w.write(LEVEL_0, `TargetPort:\t${sp.targetPort ?? sp.port}/${protocol}\n`);
      if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${protocol}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, sp.name ?? '')}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy)
      w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy)
      w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort)
      w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if (spec.loadBalancerSourceRanges && spec.loadBalancerSourceRanges.length > 0) {
      w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
    }
    if (events) describeEvents(events, w, now);
  });
}
