/**
 * Recording Kubernetes Events with client-go's correlation rules (tools/record/events_cache.go):
 * an identical event bumps `count` and `lastTimestamp` of the existing one; more than ten events
 * that differ only in message within ten minutes are combined into one
 * "(combined from similar events): …" event. Events expire one hour after their last update
 * (kube-apiserver --event-ttl).
 */
import type { ApiServer } from './apiserver';
import type { KubeObject } from './object';
import { resourceForKind, apiVersionOf } from './resources';
import { formatRFC3339, MINUTE, HOUR, type Instant } from '../time/instant';

/** Who reported an event (source.component, source.host). */
export interface EventSource {
  component: string;
  host?: string;
}

/** An event to record about an object. */
export interface EventIntent {
  object: KubeObject;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** e.g. `spec.containers{c}` for container events. */
  fieldPath?: string;
}

interface Similar {
  messages: Set<string>;
  last: Instant;
}

interface Observed {
  aggregateKey: string;
  namespace: string;
  name: string;
  count: number;
  first: string;
  expiry?: object;
}

/** Aggregation window and threshold of client-go's EventAggregator. */
const AGGREGATE_WINDOW = 10 * MINUTE;
const AGGREGATE_MAX = 10;
/** kube-apiserver's default --event-ttl. */
export const EVENT_TTL = HOUR;

// @simplified: client-go's per-source spam filter (a burst of 25 events, then one per 5 min) is not
// applied; correlation and aggregation are.
/** Records events into the API server as v1 Event objects. */
export class EventRecorder {
  private similar = new Map<string, Similar>();
  private observed = new Map<string, Observed>();
  private counter = 0;

  constructor(
    private readonly server: ApiServer,
    private readonly now: () => Instant,
    private readonly schedule: (delay: number, label: string, run: () => void) => object,
    private readonly cancel: (timer: object) => void,
  ) {}

  /** Records one event from `source`. */
  record(source: EventSource, intent: EventIntent): void {
    const obj = intent.object;
    const info = resourceForKind(obj.kind);
    const involved = {
      kind: obj.kind,
      namespace: obj.metadata.namespace,
      name: obj.metadata.name,
      uid: obj.metadata.uid,
      apiVersion: info ? apiVersionOf(info) : obj.apiVersion,
      resourceVersion: obj.metadata.resourceVersion,
      ...(intent.fieldPath ? { fieldPath: intent.fieldPath } : {}),
    };
    const now = this.now();
    const aggregateKey = [
      source.component,
      source.host ?? '',
      obj.kind,
      involved.namespace ?? '',
      involved.name,
      involved.uid,
      intent.type,
      intent.reason,
    ].join('\u0000');
    let similar = this.similar.get(aggregateKey);
    if (!similar || now - similar.last > AGGREGATE_WINDOW) {
      similar = { messages: new Set(), last: now };
      this.similar.set(aggregateKey, similar);
    }
    // Past the threshold only the count matters: a CronJob's per-Job messages must not pile up.
    if (similar.messages.size < AGGREGATE_MAX) similar.messages.add(intent.message);
    similar.last = now;
    let message = intent.message;
    let key = `${aggregateKey}\u0000${message}`;
    if (similar.messages.size >= AGGREGATE_MAX) {
      message = `(combined from similar events): ${intent.message}`;
      key = `${aggregateKey}\u0000(combined)`;
    }
    const namespace = obj.metadata.namespace || 'default';
    const stamp = formatRFC3339(now);
    const seen = this.observed.get(key);
    const existing = seen ? this.server.get('Event', seen.namespace, seen.name) : undefined;
    if (seen && existing) {
      seen.count++;
      this.server.update({
        ...existing,
        count: seen.count,
        lastTimestamp: stamp,
        message,
        metadata: { ...existing.metadata, resourceVersion: undefined },
      });
      this.expireLater(key, seen);
      return;
    }
    const name = `${involved.name}.${(BigInt(now) * 1_000_000n + BigInt(this.counter++ % 1_000_000)).toString(16)}`;
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: involved,
      reason: intent.reason,
      message,
      source: source.host
        ? { component: source.component, host: source.host }
        : { component: source.component },
      firstTimestamp: stamp,
      lastTimestamp: stamp,
      count: 1,
      type: intent.type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    const created = this.server.create(event, { namespace, fromClient: false, owned: true });
    if (!created.ok) return;
    const entry: Observed = { aggregateKey, namespace, name, count: 1, first: stamp };
    this.observed.set(key, entry);
    this.expireLater(key, entry);
  }

  /** Deletes the event one TTL after its last update, with its correlation state. */
  private expireLater(key: string, entry: Observed): void {
    if (entry.expiry) this.cancel(entry.expiry);
    entry.expiry = this.schedule(EVENT_TTL, 'event-ttl', () => {
      this.server.delete('Event', entry.namespace, entry.name);
      if (this.observed.get(key) === entry) this.observed.delete(key);
      const similar = this.similar.get(entry.aggregateKey);
      if (similar && this.now() - similar.last > AGGREGATE_WINDOW)
        this.similar.delete(entry.aggregateKey);
    });
  }
}
