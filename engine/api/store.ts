/**
 * The API server's storage ("etcd"): objects by kind and namespace/name, plus the indexes every
 * hot path needs — by uid, by owner uid, pods by node, and label key=value per kind — kept up to
 * date incrementally. `verifyIndexes()` recomputes them from scratch (used by property tests).
 */
import type { KubeObject } from './object';
import { equalities, matches, type Selector } from './labels';

/** Identifies a stored object across kinds. */
export function objectId(kind: string, namespace: string, name: string): string {
  return `${kind}|${namespace}|${name}`;
}

/** The storage key inside a kind: `namespace/name` (cluster-scoped: `/name`). */
export function storageKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

interface KindTable {
  /** All objects of the kind by storage key. */
  all: Map<string, KubeObject>;
  /** Objects by namespace, then name. */
  byNamespace: Map<string, Map<string, KubeObject>>;
  /** `key=value` → storage keys. */
  byLabel: Map<string, Set<string>>;
}

/** In-memory object storage with incremental indexes. */
export class ObjectStore {
  private kinds = new Map<string, KindTable>();
  private byUid = new Map<string, KubeObject>();
  private byOwner = new Map<string, Set<string>>();
  private byId = new Map<string, KubeObject>();
  private podsByNode = new Map<string, Set<string>>();

  private table(kind: string): KindTable {
    let t = this.kinds.get(kind);
    if (!t) {
      t = { all: new Map(), byNamespace: new Map(), byLabel: new Map() };
      this.kinds.set(kind, t);
    }
    return t;
  }

  /** The object of `kind` at namespace/name. */
  get(kind: string, namespace: string, name: string): KubeObject | undefined {
    return this.kinds.get(kind)?.all.get(storageKey(namespace, name));
  }

  /** The object with this uid, of any kind. */
  getByUid(uid: string): KubeObject | undefined {
    return this.byUid.get(uid);
  }

  /** Number of stored objects of a kind. */
  count(kind: string): number {
    return this.kinds.get(kind)?.all.size ?? 0;
  }

  /**
   * Objects of a kind, optionally in one namespace and matching a label selector, in storage-key
   * order (namespace, then name) as etcd lists them — or, with `sorted` false, in the cheaper
   * (still deterministic) insertion order that controllers use.
   */
  list(kind: string, namespace?: string, selector?: Selector, sorted = true): KubeObject[] {
    const t = this.kinds.get(kind);
    if (!t) return [];
    let candidates: Iterable<KubeObject>;
    const eq = selector ? equalities(selector) : [];
    if (eq.length > 0) {
      // Start from the smallest label bucket.
      let best: Set<string> | undefined;
      for (const [k, v] of eq) {
        const bucket = t.byLabel.get(`${k}=${v}`);
        if (!bucket) return [];
        if (!best || bucket.size < best.size) best = bucket;
      }
      candidates = [...best!].map((key) => t.all.get(key)!);
    } else if (namespace !== undefined) {
      candidates = t.byNamespace.get(namespace)?.values() ?? [];
    } else {
      candidates = t.all.values();
    }
    const out: KubeObject[] = [];
    for (const obj of candidates) {
      if (namespace !== undefined && (obj.metadata.namespace ?? '') !== namespace) continue;
      if (selector && !matches(selector, obj.metadata.labels)) continue;
      out.push(obj);
    }
    return sorted ? out.sort(compareByKey) : out;
  }

  /** Dependents of an owner uid: objects with an ownerReference to it, in insertion order. */
  dependents(ownerUid: string): KubeObject[] {
    const ids = this.byOwner.get(ownerUid);
    if (!ids) return [];
    const out: KubeObject[] = [];
    for (const id of ids) {
      const obj = this.byId.get(id);
      if (obj) out.push(obj);
    }
    return out;
  }

  /** Pods bound to a node. */
  podsOnNode(nodeName: string): KubeObject[] {
    const keys = this.podsByNode.get(nodeName);
    if (!keys) return [];
    const t = this.table('Pod');
    return [...keys].map((k) => t.all.get(k)!).sort(compareByKey);
  }

  /** Stores (adds or replaces) an object, updating every index. */
  put(obj: KubeObject): KubeObject | undefined {
    const ns = obj.metadata.namespace ?? '';
    const name = obj.metadata.name ?? '';
    const key = storageKey(ns, name);
    const t = this.table(obj.kind);
    const old = t.all.get(key);
    t.all.set(key, obj);
    let nsMap = t.byNamespace.get(ns);
    if (!nsMap) t.byNamespace.set(ns, (nsMap = new Map()));
    nsMap.set(name, obj);
    if (old && sameIndexedFields(old, obj)) {
      // Most updates (status writes) change nothing an index uses: just repoint the entries.
      if (obj.metadata.uid) this.byUid.set(obj.metadata.uid, obj);
      this.byId.set(objectId(obj.kind, ns, name), obj);
      return old;
    }
    if (old) this.unindex(old, t, key);
    this.index(obj, t, key);
    return old;
  }

  /** Removes an object; returns what was stored. */
  remove(kind: string, namespace: string, name: string): KubeObject | undefined {
    const t = this.kinds.get(kind);
    const key = storageKey(namespace, name);
    const old = t?.all.get(key);
    if (!t || !old) return undefined;
    this.unindex(old, t, key);
    t.all.delete(key);
    const nsMap = t.byNamespace.get(namespace);
    nsMap?.delete(name);
    if (nsMap && nsMap.size === 0) t.byNamespace.delete(namespace);
    return old;
  }

  /** Every kind that has objects. */
  kindsStored(): string[] {
    return [...this.kinds.keys()].filter((k) => this.kinds.get(k)!.all.size > 0);
  }

  private index(obj: KubeObject, t: KindTable, key: string): void {
    if (obj.metadata.uid) this.byUid.set(obj.metadata.uid, obj);
    for (const [k, v] of Object.entries(obj.metadata.labels ?? {})) {
      const lk = `${k}=${v}`;
      let bucket = t.byLabel.get(lk);
      if (!bucket) t.byLabel.set(lk, (bucket = new Set()));
      bucket.add(key);
    }
    const id = objectId(obj.kind, obj.metadata.namespace ?? '', obj.metadata.name ?? '');
    this.byId.set(id, obj);
    for (const ref of obj.metadata.ownerReferences ?? []) {
      let set = this.byOwner.get(ref.uid);
      if (!set) this.byOwner.set(ref.uid, (set = new Set()));
      set.add(id);
    }
    const node =
      obj.kind === 'Pod' ? (obj.spec as { nodeName?: string } | undefined)?.nodeName : undefined;
    if (node) {
      let set = this.podsByNode.get(node);
      if (!set) this.podsByNode.set(node, (set = new Set()));
      set.add(key);
    }
  }

  private unindex(obj: KubeObject, t: KindTable, key: string): void {
    if (obj.metadata.uid && this.byUid.get(obj.metadata.uid) === obj)
      this.byUid.delete(obj.metadata.uid);
    for (const [k, v] of Object.entries(obj.metadata.labels ?? {})) {
      const lk = `${k}=${v}`;
      const bucket = t.byLabel.get(lk);
      bucket?.delete(key);
      if (bucket && bucket.size === 0) t.byLabel.delete(lk);
    }
    const id = objectId(obj.kind, obj.metadata.namespace ?? '', obj.metadata.name ?? '');
    if (this.byId.get(id) === obj) this.byId.delete(id);
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const set = this.byOwner.get(ref.uid);
      set?.delete(id);
      if (set && set.size === 0) this.byOwner.delete(ref.uid);
    }
    const node =
      obj.kind === 'Pod' ? (obj.spec as { nodeName?: string } | undefined)?.nodeName : undefined;
    if (node) {
      const set = this.podsByNode.get(node);
      set?.delete(key);
      if (set && set.size === 0) this.podsByNode.delete(node);
    }
  }

  /** Recomputes every index from the stored objects and reports differences (empty = consistent). */
  verifyIndexes(): string[] {
    const fresh = new ObjectStore();
    for (const t of this.kinds.values()) for (const obj of t.all.values()) fresh.put(obj);
    const problems: string[] = [];
    const compare = (name: string, a: Map<string, Set<string>>, b: Map<string, Set<string>>) => {
      const keys = new Set([...a.keys(), ...b.keys()]);
      for (const k of keys) {
        const x = [...(a.get(k) ?? [])].sort().join(',');
        const y = [...(b.get(k) ?? [])].sort().join(',');
        if (x !== y) problems.push(`${name}[${k}]: incremental {${x}} vs fresh {${y}}`);
      }
    };
    compare('owner', this.byOwner, fresh.byOwner);
    compare('podsByNode', this.podsByNode, fresh.podsByNode);
    for (const [kind, t] of this.kinds) {
      const f = fresh.kinds.get(kind);
      compare(`labels:${kind}`, t.byLabel, f?.byLabel ?? new Map());
    }
    if (this.byUid.size !== fresh.byUid.size)
      problems.push(`uid index size ${this.byUid.size} vs ${fresh.byUid.size}`);
    return problems;
  }
}

function sameStringMap(
  a: Readonly<Record<string, string>> | undefined,
  b: Readonly<Record<string, string>> | undefined,
): boolean {
  if (a === b) return true;
  const ka = a ? Object.keys(a) : [];
  const kb = b ? Object.keys(b) : [];
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (a![k] !== b?.[k]) return false;
  return true;
}

/** Whether two versions of an object agree on everything the indexes use. */
function sameIndexedFields(a: KubeObject, b: KubeObject): boolean {
  if (a.metadata.uid !== b.metadata.uid) return false;
  if (!sameStringMap(a.metadata.labels, b.metadata.labels)) return false;
  const ra = a.metadata.ownerReferences ?? [];
  const rb = b.metadata.ownerReferences ?? [];
  if (ra.length !== rb.length || ra.some((r, i) => r.uid !== rb[i].uid)) return false;
  if (a.kind === 'Pod') {
    const na = (a.spec as { nodeName?: string } | undefined)?.nodeName;
    const nb = (b.spec as { nodeName?: string } | undefined)?.nodeName;
    if (na !== nb) return false;
  }
  return true;
}

function compareByKey(a: KubeObject, b: KubeObject): number {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name ?? ''}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
