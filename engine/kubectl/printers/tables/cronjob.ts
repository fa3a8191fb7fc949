/** CronJob rows: k/k pkg/printers/internalversion/printers.go#printCronJob. */
import type { CronJob } from 'kubernetes-types/batch/v1';
import { translateTimestampSince } from '../../format/duration';
import { formatLabelSelector } from '../../format/labels';
import { AGE_COLUMN, NAME_COLUMN, column, type KindPrinter, type TableCell } from '../table';
import { layoutContainerCells, printBoolPtr } from './common';

/** Columns of `kubectl get cronjobs`. */
export const CRONJOB_COLUMNS = [
  NAME_COLUMN,
  column('Schedule'),
  column('Timezone'),
  column('Suspend', 'boolean'),
  column('Active', 'integer'),
  column('Last Schedule'),
  AGE_COLUMN,
  column('Containers', 'string', { wide: true }),
  column('Images', 'string', { wide: true }),
  column('Selector', 'string', { wide: true }),
];

/** printCronJob. */
export function cronJobRow(cronJob: CronJob, now: number): TableCell[] {
  const last = cronJob.status?.lastScheduleTime;
  const lastSchedule = last ? translateTimestampSince(last, now) : '<none>';
  const jobSpec = cronJob.spec?.jobTemplate?.spec;
  const [names, images] = layoutContainerCells(jobSpec?.template?.spec?.containers);
  return [
    cronJob.metadata?.name ?? '',
    cronJob.spec?.schedule ?? '',
    cronJob.spec?.timeZone ?? '<none>',
    printBoolPtr(cronJob.spec?.suspend),
    cronJob.status?.active?.length ?? 0,
    lastSchedule,
    translateTimestampSince(cronJob.metadata?.creationTimestamp, now),
    names,
    images,
    formatLabelSelector(jobSpec?.selector),
  ];
}

/** The cronjob printer. */
export const cronJobPrinter: KindPrinter<CronJob> = { columns: CRONJOB_COLUMNS, row: cronJobRow };
