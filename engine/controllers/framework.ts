/**
 * The controller shape Podlab uses everywhere: informers enqueue keys on watch events, a
 * per-controller work queue deduplicates them (keeping the earliest due time, like client-go's
 * delaying queue), and `reconcile(key, view)` reads a read-only view and returns intent —
 * actions, events, explanations and a requeue delay. The manager applies the intent through the
 * API server, so reconcile functions stay pure and testable as tables.
 */
import type { ApiServer, DeleteOptions, WatchEvent } from '../api/apiserver';
import type { StatusError } from '../api/errors';
import type { EventIntent, EventRecorder } from '../api/events';
import type { Selector } from '../api/labels';
import type { KubeObject } from '../api/object';
import type { Explanation, NarrationLog } from '../narration';
import type { Rng } from '../random';
import type { Duration, Instant } from '../time/instant';

/** A read-only view of the cluster for reconcile functions. */
export interface ClusterView {
  readonly now: Instant;
  get<T = KubeObject>(kind: string, namespace: string, name: string): T | undefined;
  /** Objects of a kind (in one namespace, matching a selector), in deterministic insertion order. */
  list<T = KubeObject>(kind: string, namespace?: string, selector?: Selector): T[];
  /** Objects that have an ownerReference to `ownerUid`. */
  dependents<T = KubeObject>(ownerUid: string): T[];
  /** Pods bound to a node. */
  podsOnNode<T = KubeObject>(nodeName: string): T[];
  byUid<T = KubeObject>(uid: string): T | undefined;
}

/** What follows an action's success or failure. */
export interface Followup {
  actions?: Action[];
  events?: EventIntent[];
  explanations?: Explanation[];
}

/** One write a controller wants made. */
export type Action =
  | {
      op: 'create';
      object: KubeObject;
      namespace?: string;
      onSuccess?: (created: KubeObject) => Followup | void;
      onFailure?: (error: StatusError) => Followup | void;
    }
  | {
      op: 'update';
      object: KubeObject;
      /** Write the status subresource. */
      status?: boolean;
      onSuccess?: (updated: KubeObject) => Followup | void;
      onFailure?: (error: StatusError) => Followup | void;
    }
  | {
      op: 'delete';
      kind: string;
      namespace: string;
      name: string;
      options?: DeleteOptions;
      onSuccess?: (deleted: KubeObject) => Followup | void;
      onFailure?: (error: StatusError) => Followup | void;
    };

/** The result of one reconcile. */
export interface ReconcileResult extends Followup {
  /** Sync this key again after this long (virtual ms). */
  requeueAfter?: Duration;
}

/** What a controller gets to wire its informers. */
export interface ControllerHost {
  /** Subscribes to changes of a kind. */
  watch(kind: string, handler: (event: WatchEvent) => void): void;
  /** Queues `key` for reconcile after `delay` (keeps an earlier pending time). */
  enqueue(key: string, delay?: Duration): void;
  readonly view: ClusterView;
  /** This controller's random stream. */
  readonly rng: Rng;
}

/** A controller: upstream name (the event source), informer wiring, and a pure reconcile. */
export interface Controller {
  /** Component name, used as the event source, e.g. `job-controller`. */
  readonly name: string;
  setup(host: ControllerHost): void;
  reconcile(key: string, view: ClusterView, rng: Rng): ReconcileResult;
}

/** Scheduling services the manager needs from the simulation. */
export interface ManagerDeps {
  server: ApiServer;
  recorder: EventRecorder;
  narration: NarrationLog;
  now(): Instant;
  rng: Rng;
  after(delay: Duration, label: string, run: () => void): object;
  cancel(timer: object): void;
}

/** Builds the read-only view over the API server's store. */
export function createClusterView(server: ApiServer, now: () => Instant): ClusterView {
  return {
    get now() {
      return now();
    },
    get: <T>(kind: string, ns: string, name: string) => server.get(kind, ns, name) as T | undefined,
    list: <T>(kind: string, ns?: string, selector?: Selector) =>
      server.list(kind, { namespace: ns, labelSelector: selector, sorted: false }) as T[],
    dependents: <T>(uid: string) => server.store.dependents(uid) as T[],
    podsOnNode: <T>(node: string) => server.store.podsOnNode(node) as T[],
    byUid: <T>(uid: string) => server.store.getByUid(uid) as T | undefined,
  };
}

// @simplified: controllers read the API server's store directly (informer caches are never stale,
// so upstream's expectations are unnecessary) and their actions are applied right after reconcile.
/** Runs controllers: their queues, their reconciles, and the application of their intent. */
export class ControllerManager {
  readonly view: ClusterView;
  private queues = new Map<string, Map<string, { at: Instant; timer: object }>>();
  /** Reconciles run so far, per controller (for benchmarks and tests). */
  readonly syncCounts = new Map<string, number>();

  constructor(private readonly deps: ManagerDeps) {
    this.view = createClusterView(deps.server, deps.now);
  }

  /** Starts a controller. */
  add(controller: Controller): void {
    const queue = new Map<string, { at: Instant; timer: object }>();
    this.queues.set(controller.name, queue);
    const rng = this.deps.rng.fork(controller.name);
    const enqueue = (key: string, delay = 0) => {
      const at = this.deps.now() + Math.max(0, delay);
      const pending = queue.get(key);
      if (pending && pending.at <= at) return;
      if (pending) this.deps.cancel(pending.timer);
      const timer = this.deps.after(at - this.deps.now(), `${controller.name} ${key}`, () => {
        queue.delete(key);
        this.sync(controller, key, rng, enqueue);
      });
      queue.set(key, { at, timer });
    };
    controller.setup({
      watch: (kind, handler) => this.deps.server.watch(kind, handler),
      enqueue,
      view: this.view,
      rng,
    });
  }

  private sync(
    controller: Controller,
    key: string,
    rng: Rng,
    enqueue: (key: string, delay?: Duration) => void,
  ): void {
    this.syncCounts.set(controller.name, (this.syncCounts.get(controller.name) ?? 0) + 1);
    let result: ReconcileResult;
    try {
      result = controller.reconcile(key, this.view, rng);
    } catch (error) {
      // A bug in a controller must not take the simulation down: report it and retry later.
      this.deps.narration.add({
        at: this.deps.now(),
        source: controller.name,
        object: key,
        message: `internal error while reconciling: ${error instanceof Error ? error.message : String(error)}`,
      });
      enqueue(key, 5000);
      return;
    }
    this.apply(controller.name, result);
    if (result.requeueAfter !== undefined) enqueue(key, result.requeueAfter);
  }

  /** Applies a controller's intent: actions in order, then events and explanations. */
  apply(source: string, result: Followup): void {
    for (const action of result.actions ?? []) this.applyAction(source, action);
    for (const event of result.events ?? [])
      this.deps.recorder.record({ component: source }, event);
    for (const e of result.explanations ?? [])
      this.deps.narration.add({ ...e, at: this.deps.now(), source });
  }

  private applyAction(source: string, action: Action): void {
    const server = this.deps.server;
    let outcome;
    switch (action.op) {
      case 'create':
        outcome = server.create(action.object, { namespace: action.namespace, fromClient: false });
        break;
      case 'update':
        outcome = server.update(action.object, action.status ? { subresource: 'status' } : {});
        break;
      case 'delete':
        outcome = server.delete(action.kind, action.namespace, action.name, action.options);
        break;
    }
    const follow = outcome.ok
      ? (action.onSuccess as ((o: KubeObject) => Followup | void) | undefined)?.(outcome.value)
      : action.onFailure?.(outcome.error);
    if (follow) this.apply(source, follow);
  }
}
