/** Service rows: k/k pkg/printers/internalversion/printers.go#printService. */
import type { LoadBalancerStatus, Service, ServicePort } from 'kubernetes-types/core/v1';
import { translateTimestampSince } from '../../format/duration';
import { compareStrings, formatLabels } from '../../format/labels';
import { AGE_COLUMN, NAME_COLUMN, column, type KindPrinter, type TableCell } from '../table';

/** Columns of `kubectl get services`. */
export const SERVICE_COLUMNS = [
  NAME_COLUMN,
  column('Type'),
  column('Cluster-IP'),
  column('External-IP'),
  column('Port(s)'),
  AGE_COLUMN,
  column('Selector', 'string', { wide: true }),
];

const LOAD_BALANCER_WIDTH = 16;

/** printers.go#makePortString: `80/TCP`, `80:30080/TCP`, comma-joined. */
export function makePortString(ports: readonly ServicePort[] | undefined): string {
  return (ports ?? [])
    .map((p) => {
      const protocol = p.protocol ?? 'TCP';
      return p.nodePort ? `${p.port}:${p.nodePort}/${protocol}` : `${p.port}/${protocol}`;
    })
    .join(',');
}

/** printers.go#loadBalancerStatusStringer: sorted unique IPs/hostnames, cut to 16 unless wide. */
export function loadBalancerStatusStringer(
  status: LoadBalancerStatus | undefined,
  wide: boolean,
): string {
  const set = new Set<string>();
  for (const ingress of status?.ingress ?? []) {
    if (ingress.ip) set.add(ingress.ip);
    else if (ingress.hostname) set.add(ingress.hostname);
  }
  let text = [...set].sort(compareStrings).join(',');
  if (!wide && text.length > LOAD_BALANCER_WIDTH) {
    text = text.slice(0, LOAD_BALANCER_WIDTH - 3) + '...';
  }
  return text;
}

/** printers.go#getServiceExternalIP. */
export function serviceExternalIP(svc: Service, wide: boolean): string {
  const externalIPs = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lbIps = loadBalancerStatusStringer(svc.status?.loadBalancer, wide);
      if (externalIPs.length > 0) {
        const results = lbIps ? lbIps.split(',') : [];
        return [...results, ...externalIPs].join(',');
      }
      return lbIps || '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
  }
  return '<unknown>';
}

/** printService (the server always generates wide rows, so EXTERNAL-IP is not cut). */
export function serviceRow(svc: Service, now: number): TableCell[] {
  const clusterIPs = svc.spec?.clusterIPs ?? [];
  const internalIP = clusterIPs.length > 0 ? clusterIPs[0] : '<none>';
  return [
    svc.metadata?.name ?? '',
    svc.spec?.type ?? 'ClusterIP',
    internalIP,
    serviceExternalIP(svc, true),
    makePortString(svc.spec?.ports) || '<none>',
    translateTimestampSince(svc.metadata?.creationTimestamp, now),
    formatLabels(svc.spec?.selector),
  ];
}

/** The service printer. */
export const servicePrinter: KindPrinter<Service> = { columns: SERVICE_COLUMNS, row: serviceRow };
