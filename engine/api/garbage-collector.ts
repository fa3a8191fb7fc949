/**
 * The garbage collector (k8s.io/kubernetes/pkg/controller/garbagecollector): deletes dependents
 * whose owners are gone (background propagation), deletes dependents first and then the owner
 * for foreground deletion (`foregroundDeletion` finalizer), and removes owner references for
 * orphaning (`orphan` finalizer). Work is queued on the timer queue, as the real one is async.
 */
import type { ApiServer, WatchEvent } from './apiserver';
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER } from './apiserver';
import type { KubeObject } from './object';

/** The garbage collector. */
export class GarbageCollector {
  private pending = new Set<string>();

  constructor(
    private readonly server: ApiServer,
    private readonly schedule: (label: string, run: () => void) => void,
  ) {}

  /** Feeds the GC every API change. */
  observe(event: WatchEvent): void {
    const obj = event.object;
    const uid = obj.metadata.uid;
    if (!uid) return;
    if (event.type === 'DELETED') {
      this.enqueue(`dependents:${uid}`, () => this.collectDependents(uid));
      // A dependent leaving may let an owner waiting in foreground deletion go.
      for (const ref of obj.metadata.ownerReferences ?? []) {
        this.enqueue(`foreground:${ref.uid}`, () => this.finishForeground(ref.uid));
      }
      return;
    }
    const finalizers = obj.metadata.finalizers ?? [];
    if (obj.metadata.deletionTimestamp && finalizers.includes(FOREGROUND_FINALIZER)) {
      this.enqueue(`foreground:${uid}`, () => this.finishForeground(uid));
    }
    if (obj.metadata.deletionTimestamp && finalizers.includes(ORPHAN_FINALIZER)) {
      this.enqueue(`orphan:${uid}`, () => this.orphan(uid));
    }
    if (event.type === 'ADDED' && (obj.metadata.ownerReferences ?? []).length > 0) {
      this.enqueue(`dangling:${uid}`, () => this.checkOwners(uid));
    }
  }

  private enqueue(key: string, run: () => void): void {
    if (this.pending.has(key)) return;
    this.pending.add(key);
    this.schedule(`gc ${key}`, () => {
      this.pending.delete(key);
      run();
    });
  }

  /** Dependents of a deleted owner: delete, or drop the dangling reference if other owners live. */
  private collectDependents(ownerUid: string): void {
    for (const dep of this.server.store.dependents(ownerUid)) this.checkOwnersOf(dep);
  }

  private checkOwners(uid: string): void {
    const obj = this.server.store.getByUid(uid);
    if (obj) this.checkOwnersOf(obj);
  }

  private checkOwnersOf(obj: KubeObject): void {
    const refs = obj.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    const live = refs.filter((r) => this.server.store.getByUid(r.uid) !== undefined);
    if (live.length === refs.length) return;
    const ns = obj.metadata.namespace ?? '';
    if (live.length === 0) {
      if (!obj.metadata.deletionTimestamp) {
        this.server.delete(obj.kind, ns, obj.metadata.name!, {
          propagationPolicy: 'Background',
          preconditions: { uid: obj.metadata.uid },
        });
      }
      return;
    }
    this.server.update({ ...obj, metadata: { ...obj.metadata, ownerReferences: live } });
  }

  /** Foreground deletion: delete dependents; when none blocks any more, let the owner go. */
  private finishForeground(ownerUid: string): void {
    const owner = this.server.store.getByUid(ownerUid);
    if (!owner || !owner.metadata.deletionTimestamp) return;
    if (!(owner.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER)) return;
    let blocking = 0;
    for (const dep of this.server.store.dependents(ownerUid)) {
      const ref = dep.metadata.ownerReferences?.find((r) => r.uid === ownerUid);
      if (ref?.blockOwnerDeletion) blocking++;
      if (!dep.metadata.deletionTimestamp) {
        // Dependents that have dependents of their own are deleted in the foreground too.
        const policy =
          this.server.store.dependents(dep.metadata.uid!).length > 0 ? 'Foreground' : 'Background';
        this.server.delete(dep.kind, dep.metadata.namespace ?? '', dep.metadata.name!, {
          propagationPolicy: policy,
        });
      }
    }
    if (blocking > 0) return;
    const finalizers = (owner.metadata.finalizers ?? []).filter((f) => f !== FOREGROUND_FINALIZER);
    this.server.update({
      ...owner,
      metadata: { ...owner.metadata, finalizers: finalizers.length ? finalizers : undefined },
    });
  }

  /** Orphan propagation: remove the owner's references from its dependents, then the finalizer. */
  private orphan(ownerUid: string): void {
    const owner = this.server.store.getByUid(ownerUid);
    if (!owner) return;
    for (const dep of this.server.store.dependents(ownerUid)) {
      const refs = (dep.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
      this.server.update({
        ...dep,
        metadata: { ...dep.metadata, ownerReferences: refs.length ? refs : undefined },
      });
    }
    const finalizers = (owner.metadata.finalizers ?? []).filter((f) => f !== ORPHAN_FINALIZER);
    this.server.update({
      ...owner,
      metadata: { ...owner.metadata, finalizers: finalizers.length ? finalizers : undefined },
    });
  }
}
