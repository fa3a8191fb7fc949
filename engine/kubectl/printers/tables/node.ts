/** Node rows: k/k pkg/printers/internalversion/printers.go#printNode, #findNodeRoles. */
import type { Node } from 'kubernetes-types/core/v1';
import { translateTimestampSince } from '../../format/duration';
import { compareStrings } from '../../format/labels';
import { AGE_COLUMN, NAME_COLUMN, column, type KindPrinter, type TableCell } from '../table';

/** Columns of `kubectl get nodes`. */
export const NODE_COLUMNS = [
  NAME_COLUMN,
  column('Status'),
  column('Roles'),
  AGE_COLUMN,
  column('Version'),
  column('Internal-IP', 'string', { wide: true }),
  column('External-IP', 'string', { wide: true }),
  column('OS-Image', 'string', { wide: true }),
  column('Kernel-Version', 'string', { wide: true }),
  column('Container-Runtime', 'string', { wide: true }),
];

const LABEL_NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_LABEL_ROLE = 'kubernetes.io/role';

/** findNodeRoles: suffixes of node-role.kubernetes.io/* labels plus kubernetes.io/role, sorted. */
export function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata?.labels ?? {})) {
    if (key.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = key.slice(LABEL_NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (key === NODE_LABEL_ROLE && value !== '') {
      roles.add(value);
    }
  }
  return [...roles].sort(compareStrings);
}

/** The STATUS cell: `Ready`/`NotReady`/`Unknown`, plus `,SchedulingDisabled` when cordoned. */
export function nodeStatus(node: Node): string {
  const status: string[] = [];
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').pop();
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function nodeAddress(node: Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';
}

/** printNode. */
export function nodeRow(node: Node, now: number): TableCell[] {
  const info = node.status?.nodeInfo;
  return [
    node.metadata?.name ?? '',
    nodeStatus(node),
    findNodeRoles(node).join(',') || '<none>',
    translateTimestampSince(node.metadata?.creationTimestamp, now),
    info?.kubeletVersion ?? '',
    nodeAddress(node, 'InternalIP'),
    nodeAddress(node, 'ExternalIP'),
    info?.osImage || '<unknown>',
    info?.kernelVersion || '<unknown>',
    info?.containerRuntimeVersion || '<unknown>',
  ];
}

/** The node printer. */
export const nodePrinter: KindPrinter<Node> = { columns: NODE_COLUMNS, row: nodeRow };
