/** DaemonSet rows: k/k pkg/printers/internalversion/printers.go#printDaemonSet. */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import { translateTimestampSince } from '../../format/duration';
import { formatLabelSelector, formatLabels } from '../../format/labels';
import { AGE_COLUMN, NAME_COLUMN, column, type KindPrinter, type TableCell } from '../table';
import { layoutContainerCells } from './common';

/** Columns of `kubectl get daemonsets`. */
export const DAEMONSET_COLUMNS = [
  NAME_COLUMN,
  column('Desired', 'integer'),
  column('Current', 'integer'),
  column('Ready', 'integer'),
  column('Up-to-date', 'integer'),
  column('Available', 'integer'),
  column('Node Selector'),
  AGE_COLUMN,
  column('Containers', 'string', { wide: true }),
  column('Images', 'string', { wide: true }),
  column('Selector', 'string', { wide: true }),
];

/** printDaemonSet. */
export function daemonSetRow(ds: DaemonSet, now: number): TableCell[] {
  const status = ds.status;
  const [names, images] = layoutContainerCells(ds.spec?.template?.spec?.containers);
  return [
    ds.metadata?.name ?? '',
    status?.desiredNumberScheduled ?? 0,
    status?.currentNumberScheduled ?? 0,
    status?.numberReady ?? 0,
    status?.updatedNumberScheduled ?? 0,
    status?.numberAvailable ?? 0,
    formatLabels(ds.spec?.template?.spec?.nodeSelector),
    translateTimestampSince(ds.metadata?.creationTimestamp, now),
    names,
    images,
    formatLabelSelector(ds.spec?.selector),
  ];
}

/** The daemonset printer. */
export const daemonSetPrinter: KindPrinter<DaemonSet> = {
  columns: DAEMONSET_COLUMNS,
  row: daemonSetRow,
};
