/**
 * The simulated kube-apiserver: create / get / list / update / patch / delete with the generic
 * registry's semantics (k8s.io/apiserver/pkg/registry/generic/registry/store.go): defaulting and
 * admission, generateName, uid / resourceVersion / creationTimestamp, per-kind strategies and
 * validation, optimistic concurrency, no-op updates, graceful pod deletion, finalizers and
 * propagation policies, and synchronous watch events for controllers, kubectl -w and the UI.
 */
import type { Instant } from '../time/instant';
import { formatRFC3339, parseRFC3339 } from '../time/instant';
import type { Rng } from '../random';
import { writableMeta, type KubeObject, type JsonValue } from './object';
import { apiVersionOf, resourceForKind, type ResourceInfo } from './resources';
import {
  alreadyExists,
  badRequest,
  conflict,
  fail,
  forbidden,
  invalid,
  notFound,
  ok,
  type Result,
  type StatusError,
} from './errors';
import { fieldErrors } from './field-error';
import { ObjectStore } from './store';
import type { Selector } from './labels';
import { matchesFields, type FieldRequirement } from './fields';
import { cloneJson, jsonEqual, jsonPatch, mergePatch, strategicMergePatch } from './patch';
import type { Strategy, StrategyContext, StrategyLookup } from './strategy';
import { beforeCreate, beforeStatusUpdate, beforeUpdate, serviceAllocationNeeds } from './registry';
import { decodeBody, type FieldValidation } from './decode/strict';

/** The kinds of watch events. */
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One change to an object. */
export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
  /** The previous state, for MODIFIED and DELETED. */
  old?: KubeObject;
}

/** A watch subscriber. */
export type WatchHandler = (event: WatchEvent) => void;

/** Patch content types kubectl can send. */
export type PatchType = 'strategic' | 'merge' | 'json';

/** Delete propagation policies. */
export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

/** Options of a delete call (metav1.DeleteOptions). */
export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: PropagationPolicy;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
}

/** Options of create / update / patch calls. */
export interface WriteOptions {
  /** Namespace of the request (for namespaced kinds). */
  namespace?: string;
  dryRun?: boolean;
  /** The object came from a client (decoded from JSON/YAML): apply defaults as decoding does. */
  fromClient?: boolean;
  /** `status` to write the status subresource. */
  subresource?: 'status';
  /** Server-side field validation of a client body (kubectl sends Strict by default). */
  fieldValidation?: FieldValidation;
  /** The caller hands over a fresh object it will never touch again: no defensive copy. */
  owned?: boolean;
}

/** The API server's dependencies. */
export interface ApiServerDeps {
  now(): Instant;
  rng: Rng;
  strategies: StrategyLookup;
  /** Called once per write, after watchers ran (the simulation uses it for GC scheduling). */
  afterWrite?(event: WatchEvent): void;
  /** Freeze stored objects (tests): catches code that mutates what it read. */
  freezeObjects?: boolean;
}

/** The alphabet of generated name suffixes (apimachinery/pkg/util/rand). */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Finalizers the garbage collector understands. */
export const FOREGROUND_FINALIZER = 'foregroundDeletion';
export const ORPHAN_FINALIZER = 'orphan';

// @simplified: no authentication, RBAC, admission webhooks, managedFields or server-side apply;
// resourceVersion is one global counter.
/** The simulated API server. */
export class ApiServer {
  readonly store = new ObjectStore();
  private rv = 1;
  private watchers = new Map<string, Set<WatchHandler>>();
  private readonly names: Rng;
  private readonly uids: Rng;
  private readonly ips: Rng;

  constructor(private readonly deps: ApiServerDeps) {
    this.names = deps.rng.fork('names');
    this.uids = deps.rng.fork('uids');
    this.ips = deps.rng.fork('service-ips');
  }

  /** The current resourceVersion counter (last one handed out). */
  get resourceVersion(): string {
    return String(this.rv);
  }

  private ctx(): StrategyContext {
    const rv = this.rv;
    const fork = () => this.deps.rng.fork(`admission-${rv}`);
    let rng: Rng | undefined;
    return {
      now: this.deps.now(),
      // Forked only when a strategy draws from it (admission's generated names).
      get rng() {
        return (rng ??= fork());
      },
      namespaceExists: (ns) => this.store.get('Namespace', '', ns) !== undefined,
      get: (kind, ns, name) => this.get(kind, ns, name),
    };
  }

  // ----------------------------------------------------------------------------------- reads

  /** An object by kind, namespace and name ('' namespace for cluster-scoped kinds). */
  get(kind: string, namespace: string, name: string): KubeObject | undefined {
    const info = resourceForKind(kind);
    return this.store.get(kind, info?.namespaced ? namespace : '', name);
  }

  /** A get that fails like the real server when the object is absent. */
  read(kind: string, namespace: string, name: string): Result<KubeObject> {
    const info = resourceForKind(kind);
    if (!info) return fail(badRequest(`no kind "${kind}" is registered`));
    const obj = this.get(kind, namespace, name);
    return obj ? ok(obj) : fail(notFound(info.group, info.resource, name));
  }

  /** Objects of a kind (all namespaces when `namespace` is undefined), in key order. */
  list(
    kind: string,
    options: {
      namespace?: string;
      labelSelector?: Selector;
      fieldSelector?: readonly FieldRequirement[];
      sorted?: boolean;
    } = {},
  ): KubeObject[] {
    const info = resourceForKind(kind);
    const ns = info?.namespaced ? options.namespace : undefined;
    const objs = this.store.list(kind, ns, options.labelSelector, options.sorted ?? true);
    return options.fieldSelector?.length
      ? objs.filter((o) => matchesFields(o, options.fieldSelector!))
      : objs;
  }

  // ----------------------------------------------------------------------------------- watch

  /** Subscribes to changes of one kind ('*' for all kinds); returns the unsubscribe function. */
  watch(kind: string, handler: WatchHandler): () => void {
    let set = this.watchers.get(kind);
    if (!set) this.watchers.set(kind, (set = new Set()));
    set.add(handler);
    return () => set!.delete(handler);
  }

  private emit(event: WatchEvent): void {
    // A Set tolerates deletion while iterating; handlers only enqueue, never subscribe.
    const kind = this.watchers.get(event.object.kind);
    if (kind) for (const h of kind) h(event);
    const all = this.watchers.get('*');
    if (all) for (const h of all) h(event);
    this.deps.afterWrite?.(event);
  }

  private nextRv(): string {
    return String(++this.rv);
  }

  private stored(obj: KubeObject): KubeObject {
    return this.deps.freezeObjects ? deepFreeze(obj) : obj;
  }

  // ----------------------------------------------------------------------------------- create

  /** Creates an object; `input` is copied, never kept. */
  create(input: KubeObject, options: WriteOptions = {}): Result<KubeObject> {
    const checked = this.checkKind(input);
    if (!checked.ok) return checked;
    const info = checked.value;
    if (options.fieldValidation) {
      const decoded = decodeBody(input as unknown as JsonValue, options.fieldValidation);
      if (!decoded.ok) return fail(decoded.error);
    }
    const strategy = this.deps.strategies(input.kind);
    const obj = (options.owned ? input : cloneJson(input)) as KubeObject;
    if (!obj.metadata || typeof obj.metadata !== 'object') obj.metadata = {};
    obj.metadata = { ...obj.metadata };
    const meta = writableMeta(obj.metadata);
    if (info.namespaced) {
      const requested = options.namespace ?? 'default';
      if (meta.namespace && options.namespace && meta.namespace !== options.namespace) {
        return fail(
          badRequest(
            'the namespace of the provided object does not match the namespace sent on the request',
          ),
        );
      }
      meta.namespace = meta.namespace || requested;
      // NamespaceLifecycle admission (the registry's admit does the same with its own wording).
      const ns = this.store.get('Namespace', '', meta.namespace);
      if (!strategy && !ns) return fail(notFound('', 'namespaces', meta.namespace));
    } else {
      delete meta.namespace;
    }
    const ctx = this.ctx();
    strategy?.applyDefaults(obj);
    const rejected = strategy?.admit?.(obj, ctx);
    if (rejected) return fail(rejected);
    if (!meta.name && meta.generateName) {
      const base =
        meta.generateName.length > 58 ? meta.generateName.slice(0, 58) : meta.generateName;
      let name = '';
      for (let attempt = 0; attempt < 8; attempt++) {
        name = base + this.names.chars(NAME_SUFFIX_ALPHABET, 5);
        if (!this.store.get(input.kind, meta.namespace ?? '', name)) break;
      }
      meta.name = name;
    }
    if (!meta.name) {
      return fail(
        invalid(info.group, info.kind, '', [
          fieldErrors.required('metadata.name', 'name or generateName is required'),
        ]),
      );
    }
    meta.uid = this.uids.uuid();
    meta.creationTimestamp = formatRFC3339(this.deps.now());
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    // The Service REST's BeginCreate allocates addresses before PrepareForCreate and validation.
    if (obj.kind === 'Service') this.allocateServiceAddresses(obj);
    const errs = strategy ? beforeCreate(strategy, obj, ctx) : [];
    if (errs.length > 0) return fail(invalid(info.group, info.kind, meta.name, errs));
    if (this.store.get(obj.kind, meta.namespace ?? '', meta.name)) {
      return fail(alreadyExists(info.group, info.resource, meta.name));
    }
    if (options.dryRun) return ok(obj);
    meta.resourceVersion = this.nextRv();
    const stored = this.stored(obj);
    this.store.put(stored);
    this.emit({ type: 'ADDED', object: stored });
    return ok(stored);
  }

  private checkKind(input: KubeObject): Result<ResourceInfo> {
    const info = input && typeof input === 'object' ? resourceForKind(input.kind) : undefined;
    if (!info || input.apiVersion !== apiVersionOf(info)) {
      return fail({
        status: 'Failure',
        reason: 'NotFound',
        code: 404,
        message: 'the server could not find the requested resource',
      });
    }
    return ok(info);
  }

  /**
   * The Service REST's allocators: a free ClusterIP from 10.96.0.0/12 (random, as the bitmap
   * allocator picks) unless one was asked for or the service is headless, and NodePorts.
   */
  private allocateServiceAddresses(obj: KubeObject): void {
    const needs = serviceAllocationNeeds(obj);
    const spec = (obj.spec ?? {}) as {
      clusterIP?: string;
      clusterIPs?: string[];
      ports?: Array<{ nodePort?: number }>;
      healthCheckNodePort?: number;
    };
    obj.spec = spec;
    const services = this.store.list('Service', undefined, undefined, false);
    if (needs.clusterIP) {
      const used = new Set(services.map((s) => (s.spec as { clusterIP?: string }).clusterIP));
      let ip = '';
      for (let i = 0; i < 100 && (!ip || used.has(ip)); i++) {
        const n = 1 + this.ips.int(0xfffff - 1);
        ip = `10.${96 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
      }
      spec.clusterIP = ip;
      spec.clusterIPs = [ip];
    }
    const usedPorts = new Set<number>();
    for (const svc of services) {
      const sp = svc.spec as typeof spec;
      for (const p of sp.ports ?? []) if (p.nodePort) usedPorts.add(p.nodePort);
      if (sp.healthCheckNodePort) usedPorts.add(sp.healthCheckNodePort);
    }
    const nextPort = () => {
      let port = 0;
      for (let i = 0; i < 200 && (!port || usedPorts.has(port)); i++)
        port = 30000 + this.ips.int(2768);
      usedPorts.add(port);
      return port;
    };
    for (const i of needs.nodePorts) if (spec.ports?.[i]) spec.ports[i].nodePort = nextPort();
    if (needs.healthCheckNodePort) spec.healthCheckNodePort = nextPort();
  }

  // ----------------------------------------------------------------------------------- update

  /**
   * Replaces an object (or its status with `subresource: 'status'`). A resourceVersion in the input
   * must match (optimistic concurrency). An update that changes nothing writes nothing.
   */
  update(input: KubeObject, options: WriteOptions = {}): Result<KubeObject> {
    const checked = this.checkKind(input);
    if (!checked.ok) return checked;
    const info = checked.value;
    const ns = info.namespaced ? (input.metadata?.namespace ?? options.namespace ?? 'default') : '';
    const name = input.metadata?.name ?? '';
    const old = this.store.get(input.kind, ns, name);
    if (!old) return fail(notFound(info.group, info.resource, name));
    const rv = input.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) {
      return fail(
        conflict(
          info.group,
          info.resource,
          name,
          'the object has been modified; please apply your changes to the latest version and try again',
        ),
      );
    }
    if (input.metadata.uid && input.metadata.uid !== old.metadata.uid) {
      return fail(
        conflict(
          info.group,
          info.resource,
          name,
          `Precondition failed: UID in precondition: ${input.metadata.uid}, UID in object meta: ${old.metadata.uid}`,
        ),
      );
    }
    if (options.fieldValidation) {
      const decoded = decodeBody(input as unknown as JsonValue, options.fieldValidation);
      if (!decoded.ok) return fail(decoded.error);
    }
    const strategy = this.deps.strategies(input.kind);
    const obj: KubeObject = options.fromClient ? (cloneJson(input) as KubeObject) : { ...input };
    obj.metadata = {
      ...obj.metadata,
      // Fresh maps: strategies may set labels/annotations, and on internal updates these are
      // shared with the stored (immutable) object.
      ...(obj.metadata.labels ? { labels: { ...obj.metadata.labels } } : {}),
      ...(obj.metadata.annotations ? { annotations: { ...obj.metadata.annotations } } : {}),
      namespace: old.metadata.namespace,
      uid: old.metadata.uid,
      creationTimestamp: old.metadata.creationTimestamp,
    };
    if (!info.namespaced) delete obj.metadata.namespace;
    // System fields only the server changes.
    const meta = writableMeta(obj.metadata);
    meta.deletionTimestamp = old.metadata.deletionTimestamp;
    meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    if (meta.deletionTimestamp === undefined) delete meta.deletionTimestamp;
    if (meta.deletionGracePeriodSeconds === undefined) delete meta.deletionGracePeriodSeconds;
    if (old.metadata.generation !== undefined) meta.generation = old.metadata.generation;
    for (const k of Object.keys(meta) as Array<keyof typeof meta>)
      if (meta[k] === undefined) delete meta[k];
    const ctx = this.ctx();
    if (options.fromClient) strategy?.applyDefaults(obj);
    if (options.subresource !== 'status') {
      const rejected = strategy?.admit?.(obj, ctx, old);
      if (rejected) return fail(rejected);
    }
    writableMeta(obj.metadata).resourceVersion = old.metadata.resourceVersion;
    const errs = !strategy
      ? []
      : options.subresource === 'status'
        ? beforeStatusUpdate(strategy, obj, old)
        : beforeUpdate(strategy, obj, old, ctx);
    if (errs.length > 0) return fail(invalid(info.group, info.kind, name, errs));
    // Adding a finalizer to an object being deleted is forbidden (apiserver rule).
    if (old.metadata.deletionTimestamp) {
      const added = (obj.metadata.finalizers ?? []).filter(
        (f) => !(old.metadata.finalizers ?? []).includes(f),
      );
      if (added.length > 0) {
        return fail(
          invalid(info.group, info.kind, name, [
            fieldErrors.forbidden(
              'metadata.finalizers',
              `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => JSON.stringify(f)).join(', ')}}`,
            ),
          ]),
        );
      }
    }
    writableMeta(obj.metadata).resourceVersion = old.metadata.resourceVersion;
    if (jsonEqual(obj, old)) return ok(old);
    if (options.dryRun) return ok(obj);
    writableMeta(obj.metadata).resourceVersion = this.nextRv();
    // An object whose deletion only waited for finalizers goes once the last one is removed.
    if (
      old.metadata.deletionTimestamp &&
      (obj.metadata.finalizers ?? []).length === 0 &&
      (obj.metadata.deletionGracePeriodSeconds ?? 0) === 0
    ) {
      this.store.remove(obj.kind, obj.metadata.namespace ?? '', name);
      const gone = this.stored(obj);
      this.emit({ type: 'DELETED', object: gone, old });
      return ok(gone);
    }
    const stored = this.stored(obj);
    this.store.put(stored);
    this.emit({ type: 'MODIFIED', object: stored, old });
    return ok(stored);
  }

  /** Updates the status subresource. */
  updateStatus(input: KubeObject): Result<KubeObject> {
    return this.update(input, { subresource: 'status' });
  }

  // ----------------------------------------------------------------------------------- patch

  /** Patches an object with a JSON, merge or strategic merge patch. */
  patch(
    kind: string,
    namespace: string,
    name: string,
    type: PatchType,
    body: JsonValue,
    options: WriteOptions = {},
  ): Result<KubeObject> {
    const current = this.read(kind, namespace, name);
    if (!current.ok) return current;
    const original = cloneJson(current.value) as unknown as JsonValue;
    let patched: JsonValue | { error: string };
    if (type === 'json') patched = jsonPatch(original, body);
    else if (type === 'merge') patched = mergePatch(original, body);
    else patched = strategicMergePatch(original, body);
    if (
      patched &&
      typeof patched === 'object' &&
      !Array.isArray(patched) &&
      typeof (patched as { error?: unknown }).error === 'string' &&
      Object.keys(patched).length === 1
    ) {
      return fail(badRequest((patched as { error: string }).error));
    }
    const obj = patched as unknown as KubeObject;
    if (
      !obj ||
      typeof obj !== 'object' ||
      obj.kind !== kind ||
      (obj.metadata?.name ?? '') !== name
    ) {
      return fail(
        badRequest("the patch changed the object's identity (kind or name), which is not allowed"),
      );
    }
    return this.update(obj, { ...options, namespace, fromClient: true });
  }

  // ----------------------------------------------------------------------------------- binding

  /**
   * The pods/binding subresource: assigns a pod to a node and sets its PodScheduled condition
   * (pkg/registry/core/pod/storage BindingREST.setPodNodeAndMetadata).
   */
  bind(namespace: string, name: string, nodeName: string): Result<KubeObject> {
    const current = this.read('Pod', namespace, name);
    if (!current.ok) return current;
    const pod = current.value;
    const spec = pod.spec as { nodeName?: string };
    if (pod.metadata.deletionTimestamp) {
      return fail(conflict('', 'pods', name, 'pod is being deleted, cannot be assigned to a host'));
    }
    if (spec.nodeName) {
      return fail(
        conflict('', 'pods', name, `pod ${name} is already assigned to node "${spec.nodeName}"`),
      );
    }
    const status = (pod.status ?? {}) as { conditions?: Array<Record<string, unknown>> };
    const conditions = (status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    conditions.push({
      type: 'PodScheduled',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: formatRFC3339(this.deps.now()),
    });
    const bound: KubeObject = {
      ...pod,
      spec: { ...(pod.spec as object), nodeName },
      status: { ...status, conditions },
      metadata: { ...pod.metadata, resourceVersion: this.nextRv() },
    };
    const stored = this.stored(bound);
    this.store.put(stored);
    this.emit({ type: 'MODIFIED', object: stored, old: pod });
    return ok(stored);
  }

  // ----------------------------------------------------------------------------------- delete

  /**
   * Deletes an object. Pods that are scheduled and still running get a graceful deletion
   * (deletionTimestamp in the future; the kubelet finishes it); objects with finalizers stay until
   * the finalizers are removed; Foreground/Orphan add the garbage collector's finalizers.
   */
  delete(
    kind: string,
    namespace: string,
    name: string,
    options: DeleteOptions = {},
  ): Result<KubeObject> {
    const current = this.read(kind, namespace, name);
    if (!current.ok) return current;
    const info = resourceForKind(kind)!;
    const old = current.value;
    const pre = options.preconditions;
    if (pre?.uid && pre.uid !== old.metadata.uid) {
      return fail(
        conflict(
          info.group,
          info.resource,
          name,
          `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid}`,
        ),
      );
    }
    if (pre?.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion) {
      return fail(
        conflict(
          info.group,
          info.resource,
          name,
          `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion}`,
        ),
      );
    }
    if (options.dryRun) return ok(old);
    const now = this.deps.now();
    if (kind === 'Namespace') return this.deleteNamespace(old);
    const grace = kind === 'Pod' ? podGracePeriod(old, options.gracePeriodSeconds) : 0;
    const finalizers = [...(old.metadata.finalizers ?? [])];
    const policy = options.propagationPolicy ?? defaultPropagation(kind);
    if (!old.metadata.deletionTimestamp) {
      if (policy === 'Foreground' && !finalizers.includes(FOREGROUND_FINALIZER))
        finalizers.push(FOREGROUND_FINALIZER);
      if (policy === 'Orphan' && !finalizers.includes(ORPHAN_FINALIZER))
        finalizers.push(ORPHAN_FINALIZER);
    }
    if (old.metadata.deletionTimestamp) {
      // Already being deleted: only a shorter grace period changes anything.
      const currentGrace = old.metadata.deletionGracePeriodSeconds ?? 0;
      if (grace >= currentGrace) return ok(old);
    }
    if (grace > 0 || finalizers.length > 0) {
      const deletionTime = grace > 0 ? now + grace * 1000 : now;
      const existing = old.metadata.deletionTimestamp
        ? parseRFC3339(old.metadata.deletionTimestamp)
        : undefined;
      const meta: ReturnType<typeof writableMeta> = {
        ...old.metadata,
        finalizers: finalizers.length ? finalizers : undefined,
        deletionTimestamp: formatRFC3339(
          existing !== undefined && existing < deletionTime ? existing : deletionTime,
        ),
        deletionGracePeriodSeconds: grace,
        resourceVersion: this.nextRv(),
      };
      if (!meta.finalizers) delete meta.finalizers;
      const marked = this.stored({ ...old, metadata: meta });
      this.store.put(marked);
      this.emit({ type: 'MODIFIED', object: marked, old });
      return ok(marked);
    }
    this.store.remove(kind, old.metadata.namespace ?? '', name);
    const gone = this.stored({
      ...old,
      metadata: { ...old.metadata, resourceVersion: this.nextRv() },
    });
    this.emit({ type: 'DELETED', object: gone, old });
    return ok(gone);
  }

  /**
   * Namespace deletion: immortal namespaces are refused; others go Terminating (deletionTimestamp,
   * status.phase) while `spec.finalizers: [kubernetes]` holds them, until the namespace controller
   * has deleted their content and calls `finalizeNamespace`.
   */
  private deleteNamespace(old: KubeObject): Result<KubeObject> {
    const name = old.metadata.name!;
    if (IMMORTAL_NAMESPACES.includes(name)) {
      return fail(
        forbidden(`namespaces "${name}" is forbidden: this namespace may not be deleted`, {
          name,
          kind: 'namespaces',
        }),
      );
    }
    if (old.metadata.deletionTimestamp) return ok(old);
    const marked = this.stored({
      ...old,
      metadata: {
        ...old.metadata,
        deletionTimestamp: formatRFC3339(this.deps.now()),
        deletionGracePeriodSeconds: 0,
        resourceVersion: this.nextRv(),
      },
      status: { ...((old.status as object) ?? {}), phase: 'Terminating' },
    });
    this.store.put(marked);
    this.emit({ type: 'MODIFIED', object: marked, old });
    return ok(marked);
  }

  /** Removes a Terminating namespace once it is empty (the namespace controller's last step). */
  finalizeNamespace(name: string): void {
    const old = this.store.get('Namespace', '', name);
    if (!old?.metadata.deletionTimestamp) return;
    this.store.remove('Namespace', '', name);
    this.emit({
      type: 'DELETED',
      object: this.stored({
        ...old,
        metadata: { ...old.metadata, resourceVersion: this.nextRv() },
      }),
      old,
    });
  }
}

/** Namespaces that may never be deleted (namespace lifecycle admission). */
export const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public'];

/**
 * The grace period of a pod deletion (pod strategy CheckGracefulDelete): the request's value, else
 * the pod's terminationGracePeriodSeconds (30); 0 for pods never scheduled or already finished.
 */
export function podGracePeriod(pod: KubeObject, requested?: number): number {
  const spec = pod.spec as
    { nodeName?: string; terminationGracePeriodSeconds?: number } | undefined;
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  let grace = requested ?? spec?.terminationGracePeriodSeconds ?? 30;
  if (!spec?.nodeName) grace = 0;
  if (phase === 'Succeeded' || phase === 'Failed') grace = 0;
  return Math.max(0, grace);
}

/** The server-side default propagation when a client sends none (batch/v1 Jobs orphan, for history). */
export function defaultPropagation(kind: string): PropagationPolicy {
  return kind === 'Job' ? 'Orphan' : 'Background';
}

function deepFreeze<T>(obj: T): T {
  if (obj && typeof obj === 'object' && !Object.isFrozen(obj)) {
    Object.freeze(obj);
    for (const v of Object.values(obj)) deepFreeze(v);
  }
  return obj;
}

/** Re-exported for callers that build their own errors. */
export type { StatusError, Strategy };
