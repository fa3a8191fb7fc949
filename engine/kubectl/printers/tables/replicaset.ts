/** ReplicaSet rows: k/k pkg/printers/internalversion/printers.go#printReplicaSet. */
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { translateTimestampSince } from '../../format/duration';
import { formatLabelSelector } from '../../format/labels';
import { AGE_COLUMN, NAME_COLUMN, column, type KindPrinter, type TableCell } from '../table';
import { layoutContainerCells } from './common';

/** Columns of `kubectl get replicasets`. */
export const REPLICASET_COLUMNS = [
  NAME_COLUMN,
  column('Desired', 'integer'),
  column('Current', 'integer'),
  column('Ready', 'integer'),
  AGE_COLUMN,
  column('Containers', 'string', { wide: true }),
  column('Images', 'string', { wide: true }),
  column('Selector', 'string', { wide: true }),
];

/** printReplicaSet. */
export function replicaSetRow(rs: ReplicaSet, now: number): TableCell[] {
  const [names, images] = layoutContainerCells(rs.spec?.template?.spec?.containers);
  return [
    rs.metadata?.name ?? '',
    rs.spec?.replicas ?? 1,
    rs.status?.replicas ?? 0,
    rs.status?.readyReplicas ?? 0,
    translateTimestampSince(rs.metadata?.creationTimestamp, now),
    names,
    images,
    formatLabelSelector(rs.spec?.selector),
  ];
}

/** The replicaset printer. */
export const replicaSetPrinter: KindPrinter<ReplicaSet> = {
  columns: REPLICASET_COLUMNS,
  row: replicaSetRow,
};
