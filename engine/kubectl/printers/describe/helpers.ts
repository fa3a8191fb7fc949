/**
 * Shared pieces of kubectl describe (kubectl pkg/describe/describe.go): multi-line labels,
 * annotations, taints and tolerations, the controller line, times, and the Events section.
 */
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/object';
import { formatRFC1123Z } from '../../../time/instant';
import { humanDuration, parseTime, translateTimestampSince } from '../../format/duration';
import { compareStrings, sortedKeys } from '../../format/labels';
import { goSort } from '../../format/gosort';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer';

/** What describers may read besides the object: other objects of the cluster. */
export interface DescribeContext {
  /** Objects of a kind (`Pod`, `Event`, `ReplicaSet`, `Secret`, `EndpointSlice`, `Lease` …). */
  list(kind: string): readonly KubeObject[];
}

/** Describer settings (kubectl describe --show-events). */
export interface DescribeSettings {
  showEvents?: boolean;
}

/** A Go zero time in RFC1123Z. */
const ZERO_TIME = 'Mon, 01 Jan 0001 00:00:00 +0000';

/** time.Time.Format(time.RFC1123Z) of an API timestamp, in UTC (the simulated client's zone). */
export function rfc1123z(value: string | null | undefined): string {
  const t = parseTime(value);
  return t === undefined ? ZERO_TIME : formatRFC1123Z(t);
}

/** The annotations describe hides. */
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LEN = 140;

/** describe.go#printLabelsMultilineWithIndent. */
export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Readonly<Record<string, string>> | null | undefined,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = sortedKeys(labels);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`);
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

/** Go's s[:n] + "..." on bytes; Podlab strings are mostly ASCII, so code units are used. */
function shorten(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) + '...' : s;
}

/** describe.go#printAnnotationsMultiline: long or multi-line values go on their own lines. */
export function printAnnotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Readonly<Record<string, string>> | null | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = sortedKeys(annotations).filter((k) => !SKIP_ANNOTATIONS.has(k));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key].replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) {
        w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
      }
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** Taint.ToString: `key=value:Effect` or `key:Effect`. */
export function taintString(t: Taint): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** describe.go#printTaintsMultilineWithIndent: sorted by effect then key. */
export function printTaintsMultiline(
  w: PrefixWriter,
  title: string,
  taints: readonly Taint[] | undefined,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  if (!taints || taints.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = goSort([...taints], (a, b) => `${a.effect},${a.key}` < `${b.effect},${b.key}`);
  sorted.forEach((taint, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`);
    w.write(LEVEL_0, `${taintString(taint)}\n`);
  });
}

/** describe.go#printTolerationsMultilineWithIndent: sorted by key. */
export function printTolerationsMultiline(
  w: PrefixWriter,
  title: string,
  tolerations: readonly Toleration[] | undefined,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  if (!tolerations || tolerations.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = goSort([...tolerations], (a, b) => (a.key ?? '') < (b.key ?? ''));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`);
    let text = t.key ?? '';
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    // An operator Exists without value tolerates every value of the key (or everything).
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) {
      text += ` for ${t.tolerationSeconds}s`;
    }
    w.write(LEVEL_0, `${text}\n`);
  });
}

/** describe.go#printController: `Kind/name` of the controller owner, or ''. */
export function printController(obj: KubeObject): string {
  const ref = (obj.metadata.ownerReferences ?? []).find((o) => o.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** printers printBool: `True` / `False`. */
export function printBool(value: boolean | undefined | null): string {
  return value ? 'True' : 'False';
}

/** printBoolPtr: `<unset>` for nil. */
export function printBoolPtr(value: boolean | undefined | null): string {
  return value === undefined || value === null ? '<unset>' : printBool(value);
}

/** Go %v of a bool. */
export function goBool(value: boolean | undefined | null): string {
  return value ? 'true' : 'false';
}

interface EventLike {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string };
  source?: { component?: string };
  reportingComponent?: string;
  involvedObject?: { kind?: string; name?: string; namespace?: string; uid?: string };
}

/**
 * searchEvents: events whose involvedObject matches the object's kind, name, namespace and uid
 * (nodes also match events whose uid is the node name, as the kubelet records them), in the
 * apiserver's list order (namespace, then name).
 */
export function searchEvents(obj: KubeObject, ctx: DescribeContext): KubeObject[] {
  const namespace = obj.metadata.namespace ?? '';
  const uid = obj.metadata.uid ?? '';
  const name = obj.metadata.name ?? '';
  const matches = ctx.list('Event').filter((e) => {
    const ref = (e as EventLike).involvedObject;
    if (!ref || ref.kind !== obj.kind || ref.name !== name) return false;
    if ((ref.namespace ?? '') !== namespace) return false;
    return (ref.uid ?? '') === uid || (obj.kind === 'Node' && ref.uid === name);
  });
  return sortByNamespaceAndName(matches);
}

/** The order an apiserver lists objects in: by namespace, then name. */
export function sortByNamespaceAndName<T extends KubeObject>(objects: readonly T[]): T[] {
  return [...objects].sort(
    (a, b) =>
      compareStrings(a.metadata.namespace ?? '', b.metadata.namespace ?? '') ||
      compareStrings(a.metadata.name ?? '', b.metadata.name ?? ''),
  );
}

/** describe.go#DescribeEvents: `Events:\t<none>` or the flushed, time-sorted events table. */
export function describeEvents(events: readonly KubeObject[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  // event.SortableEvents orders by lastTimestamp with Go's (unstable) sort.Sort.
  const sorted = goSort(
    events.map((e) => ({
      e: e as EventLike,
      t: parseTime((e as EventLike).lastTimestamp) ?? -Infinity,
    })),
    (a, b) => a.t < b.t,
  );
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const { e } of sorted) {
    let first = translateTimestampSince(e.eventTime, now);
    if (!e.eventTime) first = translateTimestampSince(e.firstTimestamp, now);
    let interval: string;
    if (e.series) {
      interval = `${translateTimestampSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    } else if ((e.count ?? 0) > 1) {
      interval = `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    } else {
      interval = first;
    }
    const source = e.source?.component || e.reportingComponent || '';
    w.write(
      LEVEL_1,
      `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`,
    );
  }
}

/** HumanDuration between two API timestamps. */
export function durationBetween(start: string, end: string): string {
  return humanDuration((parseTime(end) ?? 0) - (parseTime(start) ?? 0));
}
