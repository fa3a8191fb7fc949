/** Endpoints rows: k/k pkg/printers/internalversion/printers.go#printEndpoints/formatEndpoints. */
import type { Endpoints } from 'kubernetes-types/core/v1';
import { translateTimestampSince } from '../../format/duration';
import { AGE_COLUMN, NAME_COLUMN, column, type KindPrinter, type TableCell } from '../table';

/** Columns of `kubectl get endpoints`. */
export const ENDPOINTS_COLUMNS = [NAME_COLUMN, column('Endpoints'), AGE_COLUMN];

/** net.JoinHostPort: IPv6 hosts get brackets. */
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * printers.go#formatEndpoints: up to three `ip:port` entries, then ` + N more...`;
 * `<none>` without subsets. `ports` restricts to named ports (describe uses it); undefined = all.
 */
export function formatEndpoints(endpoints: Endpoints, ports?: ReadonlySet<string>): string {
  const subsets = endpoints.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if (!ss.ports || ss.ports.length === 0) {
      // Headless services may have no ports.
      count += addresses.length;
      for (const addr of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(addr.ip);
      }
      continue;
    }
    for (const port of ss.ports) {
      if (ports && !ports.has(port.name ?? '')) continue;
      count += addresses.length;
      for (const addr of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(joinHostPort(addr.ip, port.port));
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

/** printEndpoints. */
export function endpointsRow(endpoints: Endpoints, now: number): TableCell[] {
  return [
    endpoints.metadata?.name ?? '',
    formatEndpoints(endpoints),
    translateTimestampSince(endpoints.metadata?.creationTimestamp, now),
  ];
}

/** The endpoints printer. */
export const endpointsPrinter: KindPrinter<Endpoints> = {
  columns: ENDPOINTS_COLUMNS,
  row: endpointsRow,
};
