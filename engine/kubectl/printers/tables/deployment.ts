/** Deployment rows: k/k pkg/printers/internalversion/printers.go#printDeployment. */
import type { Deployment } from 'kubernetes-types/apps/v1';
import { translateTimestampSince } from '../../format/duration';
import { labelSelectorString } from '../../format/labels';
import { AGE_COLUMN, NAME_COLUMN, column, type KindPrinter, type TableCell } from '../table';
import { layoutContainerCells } from './common';

/** Columns of `kubectl get deployments`. */
export const DEPLOYMENT_COLUMNS = [
  NAME_COLUMN,
  column('Ready'),
  column('Up-to-date'),
  column('Available'),
  AGE_COLUMN,
  column('Containers', 'string', { wide: true }),
  column('Images', 'string', { wide: true }),
  column('Selector', 'string', { wide: true }),
];

/** printDeployment (its SELECTOR is the raw selector string, empty when empty). */
export function deploymentRow(deployment: Deployment, now: number): TableCell[] {
  const status = deployment.status;
  // The internal type holds the defaulted replicas (1 when unset).
  const desired = deployment.spec?.replicas ?? 1;
  const [names, images] = layoutContainerCells(deployment.spec?.template?.spec?.containers);
  const selector = deployment.spec?.selector ? labelSelectorString(deployment.spec.selector) : '';
  return [
    deployment.metadata?.name ?? '',
    `${status?.readyReplicas ?? 0}/${desired}`,
    status?.updatedReplicas ?? 0,
    status?.availableReplicas ?? 0,
    translateTimestampSince(deployment.metadata?.creationTimestamp, now),
    names,
    images,
    selector === undefined ? '<invalid>' : selector,
  ];
}

/** The deployment printer. */
export const deploymentPrinter: KindPrinter<Deployment> = {
  columns: DEPLOYMENT_COLUMNS,
  row: deploymentRow,
};
