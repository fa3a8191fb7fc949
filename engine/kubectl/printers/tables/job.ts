/** Job rows: k/k pkg/printers/internalversion/printers.go#printJob (1.32: STATUS column). */
import type { Job } from 'kubernetes-types/batch/v1';
import { humanDuration, parseTime, translateTimestampSince } from '../../format/duration';
import { formatLabelSelector } from '../../format/labels';
import { AGE_COLUMN, NAME_COLUMN, column, type KindPrinter, type TableCell } from '../table';
import { hasTrueCondition, layoutContainerCells } from './common';

/** Columns of `kubectl get jobs`. */
export const JOB_COLUMNS = [
  NAME_COLUMN,
  column('Status'),
  column('Completions'),
  column('Duration'),
  AGE_COLUMN,
  column('Containers', 'string', { wide: true }),
  column('Images', 'string', { wide: true }),
  column('Selector', 'string', { wide: true }),
];

/** The STATUS cell: first of Complete, Failed, Terminating, Suspended, FailureTarget, Running. */
export function jobStatus(job: Job): string {
  const conditions = job.status?.conditions;
  if (hasTrueCondition(conditions, 'Complete')) return 'Complete';
  if (hasTrueCondition(conditions, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (hasTrueCondition(conditions, 'Suspended')) return 'Suspended';
  if (hasTrueCondition(conditions, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** The COMPLETIONS cell: `1/3`, or `0/1 of 3` for a work queue with parallelism > 1. */
export function jobCompletions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  const completions = job.spec?.completions;
  if (completions !== undefined && completions !== null) return `${succeeded}/${completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** The DURATION cell: empty before start, growing while unfinished, frozen when completed. */
export function jobDuration(job: Job, now: number): string {
  const start = parseTime(job.status?.startTime);
  if (start === undefined) return '';
  const completion = parseTime(job.status?.completionTime);
  return humanDuration((completion ?? now) - start);
}

/** printJob. */
export function jobRow(job: Job, now: number): TableCell[] {
  const [names, images] = layoutContainerCells(job.spec?.template?.spec?.containers);
  return [
    job.metadata?.name ?? '',
    jobStatus(job),
    jobCompletions(job),
    jobDuration(job, now),
    translateTimestampSince(job.metadata?.creationTimestamp, now),
    names,
    images,
    formatLabelSelector(job.spec?.selector),
  ];
}

/** The job printer. */
export const jobPrinter: KindPrinter<Job> = { columns: JOB_COLUMNS, row: jobRow };
