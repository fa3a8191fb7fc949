/** Event rows: k/k pkg/printers/internalversion/printers.go#printEvent (server tables are wide). */
import type { Event } from 'kubernetes-types/core/v1';
import { translateTimestampSince } from '../../format/duration';
import { NAME_COLUMN, column, type KindPrinter, type TableCell } from '../table';

/** Columns of `kubectl get events`. */
export const EVENT_COLUMNS = [
  column('Last Seen'),
  column('Type'),
  column('Reason'),
  column('Object'),
  column('Subobject', 'string', { wide: true }),
  column('Source', 'string', { wide: true }),
  column('Message'),
  column('First Seen', 'string', { wide: true }),
  column('Count', 'string', { wide: true }),
  { ...NAME_COLUMN, priority: 1 },
];

/** printers.go#formatEventSource: `component, host`, `<unknown>` without a component. */
export function formatEventSource(event: Event): string {
  const component = event.source?.component || event.reportingComponent || '';
  const instance = event.source?.host || event.reportingInstance || '';
  if (!component) return '<unknown>';
  return instance ? `${component}, ${instance}` : component;
}

/** printEvent. */
export function eventRow(event: Event, now: number): TableCell[] {
  const firstTimestamp = event.firstTimestamp
    ? translateTimestampSince(event.firstTimestamp, now)
    : translateTimestampSince(event.eventTime, now);
  let lastTimestamp = event.lastTimestamp
    ? translateTimestampSince(event.lastTimestamp, now)
    : firstTimestamp;
  let count = event.count ?? 0;
  if (event.series) {
    lastTimestamp = translateTimestampSince(event.series.lastObservedTime, now);
    count = event.series.count ?? 0;
  } else if (count === 0) {
    // Events of the events.k8s.io API carry no count when seen once.
    count = 1;
  }
  const involved = event.involvedObject;
  const kind = (involved?.kind ?? '').toLowerCase();
  const target = involved?.name ? `${kind}/${involved.name}` : kind;
  return [
    lastTimestamp,
    event.type ?? '',
    event.reason ?? '',
    target,
    involved?.fieldPath ?? '',
    formatEventSource(event),
    (event.message ?? '').trim(),
    firstTimestamp,
    count,
    event.metadata?.name ?? '',
  ];
}

/** The event printer. */
export const eventPrinter: KindPrinter<Event> = { columns: EVENT_COLUMNS, row: eventRow };
