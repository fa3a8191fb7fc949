/**
 * The Deployment controller (k/k pkg/controller/deployment: deployment_controller.go, sync.go,
 * rolling.go, recreate.go, progress.go): one ReplicaSet per pod template, named
 * `<deployment>-<pod-template-hash>`. A template change creates (or, for a rollback, revives)
 * the new ReplicaSet with the next `deployment.kubernetes.io/revision`; RollingUpdate scales it
 * up within maxSurge and the old ones down within maxUnavailable (defaults 25 %), Recreate scales
 * the old ones to zero and waits for their pods before scaling the new one up. A replica change
 * alone scales proportionally. The status sums the ReplicaSets and carries the Available and
 * Progressing conditions with upstream reasons and messages.
 *
 * `kubectl rollout restart` and `rollout undo` only change the template (a restartedAt
 * annotation, or an old ReplicaSet's template), so they are ordinary rollouts here.
 */
import type { DeploymentStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { EventIntent } from '../../api/events';
import { fromLabelSelector, matches } from '../../api/labels';
import type { KubeObject } from '../../api/object';
import { jsonEqual } from '../../api/patch';
import { describeObject, type Explanation } from '../../narration';
import { parseRFC3339, SECOND, type Instant } from '../../time/instant';
import type {
  Action,
  ClusterView,
  Controller,
  ControllerHost,
  ReconcileResult,
} from '../framework';
import { computeHash } from '../history/compute-hash';
import {
  controllerOf,
  newControllerRef,
  objectKey,
  splitKey,
  withControllerRef,
  withoutOwnerRef,
} from '../replicaset/controller-utils';
import {
  activeReplicaSets,
  actualCount,
  availableCount,
  byCreation,
  compactStatus,
  deploymentComplete,
  deploymentProgressing,
  DESIRED_REPLICAS_ANNOTATION,
  equalIgnoreHash,
  getCondition,
  isRollingUpdate,
  MAX_REPLICAS_ANNOTATION,
  MAX_REV_HISTORY_LENGTH_IN_CHARS,
  maxRevisionOf,
  maxSurge,
  maxUnavailable,
  newCondition,
  POD_TEMPLATE_HASH_LABEL,
  progressDeadline,
  readyCount,
  REASONS,
  removeCondition,
  replicasOf,
  revisionOf,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  setCondition,
  skipCopyAnnotation,
  specCount,
  type DeploymentObj,
  type RSObj,
} from './deployment-util';

/** Writes without resourceVersion: one sync may write the same object twice, nothing interleaves. */
function unversioned<T extends KubeObject>(obj: T): T {
  const { resourceVersion: _rv, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

/** SetReplicasAnnotations: desired and max replicas; whether anything changed. */
function setReplicasAnnotations(rs: RSObj, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {};
  if (
    a[DESIRED_REPLICAS_ANNOTATION] === String(desired) &&
    a[MAX_REPLICAS_ANNOTATION] === String(max)
  )
    return false;
  rs.metadata = {
    ...rs.metadata,
    annotations: {
      ...a,
      [DESIRED_REPLICAS_ANNOTATION]: String(desired),
      [MAX_REPLICAS_ANNOTATION]: String(max),
    },
  };
  return true;
}

/** One sync of one Deployment: in-memory copies, and the writes that make them so. */
class DeploymentSync {
  readonly actions: Action[] = [];
  readonly events: EventIntent[] = [];
  readonly explanations: Explanation[] = [];
  requeueAfter?: number;
  /** The Deployment as this sync leaves it (annotations and status). */
  d: DeploymentObj;
  private readonly ref: string;

  constructor(
    private readonly original: DeploymentObj,
    private readonly view: ClusterView,
    readonly now: Instant,
  ) {
    this.d = {
      ...original,
      metadata: { ...original.metadata },
      status: { ...(original.status ?? {}) },
    };
    this.ref = describeObject('Deployment', original.metadata.namespace, original.metadata.name!);
  }

  private explain(message: string, field?: string): void {
    this.explanations.push({ object: this.ref, message, ...(field ? { field } : {}) });
  }

  private event(type: 'Normal' | 'Warning', reason: string, message: string): EventIntent {
    return { object: this.original, type, reason, message };
  }

  /** getReplicaSetsForDeployment: claims ReplicaSets by selector and controller reference. */
  claimReplicaSets(): RSObj[] {
    const d = this.original;
    const uid = d.metadata.uid!;
    const selector = fromLabelSelector(d.spec?.selector);
    const out: RSObj[] = [];
    for (const rs of this.view.list<RSObj>('ReplicaSet', d.metadata.namespace)) {
      const ref = controllerOf(rs);
      const selected = matches(selector, rs.metadata.labels);
      if (ref) {
        if (ref.uid !== uid) continue;
        if (selected) out.push(rs);
        else if (!rs.metadata.deletionTimestamp)
          this.actions.push({ op: 'update', object: withoutOwnerRef(rs, uid) });
        continue;
      }
      if (!selected || rs.metadata.deletionTimestamp || d.metadata.deletionTimestamp) continue;
      const adopted = withControllerRef(rs, d) as RSObj;
      this.actions.push({ op: 'update', object: unversioned(adopted) });
      out.push(adopted);
    }
    return out;
  }

  /** scaleReplicaSet (sync.go): new size and replica annotations, with the ScalingReplicaSet event. */
  scaleReplicaSet(rs: RSObj, newScale: number, operation: string): RSObj {
    const d = this.d;
    const oldScale = replicasOf(rs);
    const copy: RSObj = { ...rs, metadata: { ...rs.metadata }, spec: { ...rs.spec! } };
    const annotationsChanged = setReplicasAnnotations(
      copy,
      replicasOf(d),
      replicasOf(d) + maxSurge(d),
    );
    const sizeChanged = oldScale !== newScale;
    if (!sizeChanged && !annotationsChanged) return rs;
    copy.spec!.replicas = newScale;
    const name = rs.metadata.name!;
    this.actions.push({
      op: 'update',
      object: unversioned(copy),
      onSuccess: () =>
        sizeChanged
          ? {
              events: [
                this.event(
                  'Normal',
                  'ScalingReplicaSet',
                  `Scaled ${operation} replica set ${name} from ${oldScale} to ${newScale}`,
                ),
              ],
            }
          : undefined,
    });
    return copy;
  }

  /** scaleReplicaSetAndRecordEvent. */
  scale(rs: RSObj, newScale: number, why?: string, field?: string): RSObj {
    if (replicasOf(rs) === newScale) return rs;
    const op = replicasOf(rs) < newScale ? 'up' : 'down';
    if (why)
      this.explain(
        `Scaling ${op} ReplicaSet ${rs.metadata.name} from ${replicasOf(rs)} to ${newScale}: ${why}`,
        field,
      );
    return this.scaleReplicaSet(rs, newScale, op);
  }

  /** NewRSNewReplicas: how big the new ReplicaSet may be now. */
  newRSNewReplicas(all: readonly RSObj[], newRS: RSObj): number {
    const d = this.d;
    if (!isRollingUpdate(d)) return replicasOf(d);
    const maxTotal = replicasOf(d) + maxSurge(d);
    const current = specCount(all);
    if (current >= maxTotal) return replicasOf(newRS);
    const up = Math.min(maxTotal - current, replicasOf(d) - replicasOf(newRS));
    return replicasOf(newRS) + up;
  }

  /** SetNewReplicaSetAnnotations; whether anything changed. */
  private setNewRSAnnotations(rs: RSObj, newRevision: number, exists: boolean): boolean {
    const d = this.d;
    const annotations = { ...(rs.metadata.annotations ?? {}) };
    let changed = false;
    for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
      if (skipCopyAnnotation(k) || annotations[k] === v) continue;
      annotations[k] = v;
      changed = true;
    }
    const oldRevision = annotations[REVISION_ANNOTATION];
    if (oldRevision !== undefined && oldRevision !== '' && !/^-?\d+$/.test(oldRevision))
      return false;
    const oldNum = oldRevision ? Number(oldRevision) : 0;
    if (oldNum < newRevision) {
      annotations[REVISION_ANNOTATION] = String(newRevision);
      changed = true;
      if (oldRevision !== undefined) {
        // A revived ReplicaSet (rollback) remembers the revisions it had.
        const history = annotations[REVISION_HISTORY_ANNOTATION] ?? '';
        if (!history) annotations[REVISION_HISTORY_ANNOTATION] = oldRevision;
        else {
          const old = history.split(',');
          let total = history.length + oldRevision.length + 1;
          let start = 0;
          while (total > MAX_REV_HISTORY_LENGTH_IN_CHARS && start < old.length)
            total -= old[start++].length + 1;
          if (total <= MAX_REV_HISTORY_LENGTH_IN_CHARS)
            annotations[REVISION_HISTORY_ANNOTATION] = [...old.slice(start), oldRevision].join(',');
        }
      }
    }
    rs.metadata = { ...rs.metadata, annotations };
    if (!exists && setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d)))
      changed = true;
    return changed;
  }

  /** SetDeploymentRevision on the in-memory Deployment. */
  private setDeploymentRevision(revision: string): void {
    const a = this.d.metadata.annotations ?? {};
    if (a[REVISION_ANNOTATION] === revision) return;
    this.d.metadata = {
      ...this.d.metadata,
      annotations: { ...a, [REVISION_ANNOTATION]: revision },
    };
  }

  /**
   * getAllReplicaSetsAndSyncRevision / getNewReplicaSet: the new ReplicaSet (created when asked
   * and missing) and all old ones; revision annotations brought up to date.
   */
  newAndOld(rsList: RSObj[], create: boolean): { newRS?: RSObj; old: RSObj[]; stop?: boolean } {
    const d = this.d;
    const sorted = [...rsList].sort(byCreation);
    const existing = sorted.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
    const old = sorted.filter((rs) => rs !== existing);
    const newRevision = maxRevisionOf(old) + 1;
    const hasDeadline = progressDeadline(d) !== undefined;
    if (existing) {
      let rs: RSObj = {
        ...existing,
        metadata: { ...existing.metadata },
        spec: { ...existing.spec! },
      };
      const annotationsUpdated = this.setNewRSAnnotations(rs, newRevision, true);
      const minReadyChanged = (rs.spec!.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0);
      if (annotationsUpdated || minReadyChanged) {
        rs.spec!.minReadySeconds = d.spec?.minReadySeconds;
        if (rs.spec!.minReadySeconds === undefined) delete rs.spec!.minReadySeconds;
        this.actions.push({ op: 'update', object: unversioned(rs) });
        if (revisionOf(existing) !== revisionOf(rs) && revisionOf(existing) > 0)
          this.explain(
            `ReplicaSet ${rs.metadata.name} matches the template again and becomes revision ${revisionOf(rs)}`,
            'spec.template',
          );
        return { newRS: rs, old };
      }
      this.setDeploymentRevision(rs.metadata.annotations?.[REVISION_ANNOTATION] ?? '');
      if (hasDeadline && !getCondition(d.status, 'Progressing'))
        setCondition(
          d.status!,
          newCondition(
            'Progressing',
            'True',
            REASONS.foundNewRS,
            `Found new replica set "${rs.metadata.name}"`,
            this.now,
          ),
        );
      rs = existing;
      return { newRS: rs, old };
    }
    if (!create) return { old };
    const template = d.spec!.template;
    const hash = computeHash(template, d.status?.collisionCount);
    const name = `${d.metadata.name}-${hash}`;
    const labels = { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
    const selector = d.spec?.selector ?? {};
    const newRS: RSObj = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name,
        namespace: d.metadata.namespace,
        labels,
        ownerReferences: [newControllerRef(this.original)],
      },
      spec: {
        replicas: 0,
        ...(d.spec?.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
        selector: {
          ...selector,
          matchLabels: { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash },
        },
        template: { ...template, metadata: { ...(template.metadata ?? {}), labels } },
      },
    };
    const count = this.newRSNewReplicas([...old, newRS], newRS);
    newRS.spec!.replicas = count;
    this.setNewRSAnnotations(newRS, newRevision, false);
    if (this.view.get('ReplicaSet', d.metadata.namespace!, name)) {
      // The name is taken by a ReplicaSet this Deployment does not own with this template.
      d.status = { ...d.status, collisionCount: (d.status?.collisionCount ?? 0) + 1 };
      this.explain(
        `ReplicaSet name ${name} is taken: status.collisionCount goes to ${d.status.collisionCount} so the next hash differs`,
        'status.collisionCount',
      );
      this.actions.push({
        op: 'update',
        status: true,
        object: unversioned({ ...d, status: compactStatus(d.status) }),
      });
      this.requeueAfter = 0;
      return { old, stop: true };
    }
    this.actions.push({
      op: 'create',
      object: newRS,
      namespace: d.metadata.namespace,
      onSuccess: () =>
        count > 0
          ? {
              events: [
                this.event(
                  'Normal',
                  'ScalingReplicaSet',
                  `Scaled up replica set ${name} from 0 to ${count}`,
                ),
              ],
            }
          : undefined,
      onFailure: (error) =>
        /being terminated/.test(error.message)
          ? undefined
          : {
              events: [
                this.event(
                  'Warning',
                  REASONS.failedRSCreate,
                  `Failed to create new replica set "${name}": ${error.message}`,
                ),
              ],
            },
    });
    this.explain(
      `Created ReplicaSet ${name} for the new pod template (revision ${newRevision}, pod-template-hash ${hash}) with ${count} replica(s)`,
      'spec.template',
    );
    this.setDeploymentRevision(String(newRevision));
    if (hasDeadline)
      setCondition(
        d.status!,
        newCondition(
          'Progressing',
          'True',
          REASONS.newRSCreated,
          `Created new replica set "${name}"`,
          this.now,
        ),
      );
    return { newRS, old };
  }

  /** calculateStatus (sync.go). */
  calculateStatus(all: readonly RSObj[], newRS: RSObj | undefined): DeploymentStatus {
    const d = this.d;
    const available = availableCount(all);
    const status: DeploymentStatus = {
      observedGeneration: d.metadata.generation,
      replicas: actualCount(all),
      updatedReplicas: newRS ? actualCount([newRS]) : 0,
      readyReplicas: readyCount(all),
      availableReplicas: available,
      unavailableReplicas: Math.max(0, specCount(all) - available),
      ...(d.status?.collisionCount !== undefined
        ? { collisionCount: d.status.collisionCount }
        : {}),
      ...(d.status?.conditions ? { conditions: [...d.status.conditions] } : {}),
    };
    if (available >= replicasOf(d) - maxUnavailable(d))
      setCondition(
        status,
        newCondition(
          'Available',
          'True',
          REASONS.minimumAvailable,
          'Deployment has minimum availability.',
          this.now,
        ),
      );
    else
      setCondition(
        status,
        newCondition(
          'Available',
          'False',
          REASONS.minimumUnavailable,
          'Deployment does not have minimum availability.',
          this.now,
        ),
      );
    return status;
  }

  /** Writes the status (and annotations) when they differ from the stored Deployment. */
  private writeStatus(status: DeploymentStatus): void {
    const compact = compactStatus(status);
    const next = { ...this.d, status: compact };
    if (
      jsonEqual(compact, this.original.status) &&
      jsonEqual(this.d.metadata.annotations, this.original.metadata.annotations)
    )
      return;
    this.actions.push({ op: 'update', status: true, object: unversioned(next) });
  }

  /** syncDeploymentStatus. */
  syncStatus(all: readonly RSObj[], newRS: RSObj | undefined): void {
    this.writeStatus(this.calculateStatus(all, newRS));
  }

  /** syncRolloutStatus (progress.go). */
  syncRolloutStatus(all: readonly RSObj[], newRS: RSObj | undefined): void {
    const d = this.d;
    const status = this.calculateStatus(all, newRS);
    const deadline = progressDeadline(d);
    if (deadline === undefined) removeCondition(status, 'Progressing');
    const current = getCondition(d.status, 'Progressing');
    const complete =
      status.replicas === status.updatedReplicas && current?.reason === REASONS.newRSAvailable;
    if (deadline !== undefined && !complete) {
      if (deploymentComplete(d, status)) {
        setCondition(
          status,
          newCondition(
            'Progressing',
            'True',
            REASONS.newRSAvailable,
            `ReplicaSet "${newRS?.metadata.name}" has successfully progressed.`,
            this.now,
          ),
        );
        this.explain(
          `Rollout complete: all ${replicasOf(d)} replicas run ReplicaSet ${newRS?.metadata.name} and are available`,
          'spec.replicas',
        );
      } else if (deploymentProgressing(d, status)) {
        const c = newCondition(
          'Progressing',
          'True',
          REASONS.rsUpdated,
          newRS
            ? `ReplicaSet "${newRS.metadata.name}" is progressing.`
            : 'Deployment is progressing.',
          this.now,
        );
        if (current) {
          if (current.status === 'True') c.lastTransitionTime = current.lastTransitionTime;
          removeCondition(status, 'Progressing');
        }
        setCondition(status, c);
      } else if (this.timedOut(status, deadline)) {
        setCondition(
          status,
          newCondition(
            'Progressing',
            'False',
            REASONS.timedOut,
            `ReplicaSet "${newRS?.metadata.name}" has timed out progressing.`,
            this.now,
          ),
        );
        this.explain(
          `No progress for spec.progressDeadlineSeconds ${deadline}: the rollout is marked as failed (it keeps going)`,
          'spec.progressDeadlineSeconds',
        );
      }
    }
    removeCondition(status, 'ReplicaFailure');
    const failure = all
      .flatMap((rs) => rs.status?.conditions ?? [])
      .find((c) => c.type === 'ReplicaFailure' && c.status === 'True');
    if (failure)
      setCondition(status, {
        type: 'ReplicaFailure',
        status: 'True',
        reason: failure.reason,
        message: failure.message,
        lastUpdateTime: failure.lastTransitionTime,
        lastTransitionTime: failure.lastTransitionTime,
      });
    if (
      jsonEqual(compactStatus(status), d.status) &&
      jsonEqual(this.d.metadata.annotations, this.original.metadata.annotations)
    ) {
      this.requeueStuck(status, deadline);
      return;
    }
    this.writeStatus(status);
  }

  private timedOut(status: DeploymentStatus, deadline: number): boolean {
    const c = getCondition(status, 'Progressing');
    if (!c || c.reason === REASONS.newRSAvailable) return false;
    if (c.reason === REASONS.timedOut) return true;
    const from = c.lastUpdateTime ? parseRFC3339(c.lastUpdateTime) : undefined;
    return from !== undefined && from + deadline * SECOND < this.now;
  }

  /** requeueStuckDeployment: check again when the progress deadline would pass. */
  private requeueStuck(status: DeploymentStatus, deadline: number | undefined): void {
    const c = getCondition(this.d.status, 'Progressing');
    if (
      deadline === undefined ||
      !c ||
      deploymentComplete(this.d, status) ||
      c.reason === REASONS.timedOut
    )
      return;
    const from = c.lastUpdateTime ? parseRFC3339(c.lastUpdateTime) : undefined;
    if (from === undefined) return;
    const after = from + deadline * SECOND - this.now;
    this.requeueAfter = after < SECOND ? SECOND : after;
  }

  /** cleanupDeployment: old ReplicaSets beyond revisionHistoryLimit that are fully scaled down. */
  cleanup(old: readonly RSObj[]): void {
    const limit = this.d.spec?.revisionHistoryLimit ?? 10;
    const alive = old.filter((rs) => !rs.metadata.deletionTimestamp);
    const diff = alive.length - limit;
    if (diff <= 0) return;
    const byRevision = [...alive].sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
    for (const rs of byRevision.slice(0, diff)) {
      if ((rs.status?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0) continue;
      if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      this.actions.push({
        op: 'delete',
        kind: 'ReplicaSet',
        namespace: rs.metadata.namespace!,
        name: rs.metadata.name!,
      });
      this.explain(
        `Deleted old ReplicaSet ${rs.metadata.name} (revision ${revisionOf(rs)}): more than spec.revisionHistoryLimit ${limit} old ReplicaSets`,
        'spec.revisionHistoryLimit',
      );
    }
  }
}

/** isScalingEvent: an active ReplicaSet was sized for a different spec.replicas. */
function isScalingEvent(s: DeploymentSync, rsList: RSObj[]): boolean {
  const want = replicasOf(s.d);
  return activeReplicaSets(rsList).some((rs) => {
    const v = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION];
    return v !== undefined && /^\d+$/.test(v) && Number(v) !== want;
  });
}

/** sync.go#scale: proportional scaling of a Deployment whose replicas changed. */
function scaleDeployment(s: DeploymentSync, newRS: RSObj | undefined, old: RSObj[]): RSObj[] {
  const d = s.d;
  const want = replicasOf(d);
  const oldNewestFirst = [...old].sort((a, b) => byCreation(b, a));
  const active = activeReplicaSets([...oldNewestFirst, newRS]);
  const latest =
    active.length === 0
      ? (newRS ?? oldNewestFirst[0])
      : active.length === 1
        ? active[0]
        : undefined;
  if (latest || (!newRS && old.length === 0)) {
    if (latest && replicasOf(latest) !== want)
      return [s.scale(latest, want, `spec.replicas is ${want}`, 'spec.replicas')];
    return [];
  }
  const saturated =
    newRS &&
    newRS.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION] === String(want) &&
    replicasOf(newRS) === want &&
    (newRS.status?.availableReplicas ?? 0) === want;
  if (saturated)
    return activeReplicaSets(old).map((rs) => s.scale(rs, 0, 'the new ReplicaSet is saturated'));
  if (!isRollingUpdate(d)) return [];
  const all = activeReplicaSets([...old, newRS]);
  const allowed = want > 0 ? want + maxSurge(d) : 0;
  const toAdd = allowed - specCount(all);
  const newerFirst = (a: RSObj, b: RSObj) => replicasOf(b) - replicasOf(a) || byCreation(b, a);
  const olderFirst = (a: RSObj, b: RSObj) => replicasOf(b) - replicasOf(a) || byCreation(a, b);
  if (toAdd > 0) all.sort(newerFirst);
  else if (toAdd < 0) all.sort(olderFirst);
  const op = toAdd > 0 ? 'up' : toAdd < 0 ? 'down' : '';
  let added = 0;
  const sizes = all.map((rs) => {
    if (toAdd === 0 || replicasOf(rs) === 0 || toAdd === added) return replicasOf(rs);
    const annotated = Number(rs.metadata.annotations?.[MAX_REPLICAS_ANNOTATION] ?? NaN);
    const base =
      Number.isFinite(annotated) && annotated > 0 ? annotated : (d.status?.replicas ?? 0);
    const fraction =
      want === 0
        ? -replicasOf(rs)
        : Math.round((replicasOf(rs) * (want + maxSurge(d))) / (base || 1)) - replicasOf(rs);
    const allowedNow = toAdd - added;
    const proportion = toAdd > 0 ? Math.min(fraction, allowedNow) : Math.max(fraction, allowedNow);
    added += proportion;
    return replicasOf(rs) + proportion;
  });
  if (all.length && toAdd !== 0) sizes[0] = Math.max(0, sizes[0] + toAdd - added);
  return all.map((rs, i) => s.scaleReplicaSet(rs, sizes[i], op));
}

/** rolling.go#rolloutRolling. */
function rolloutRolling(s: DeploymentSync, rsList: RSObj[]): void {
  const d = s.d;
  const r = s.newAndOld(rsList, true);
  if (r.stop) return;
  let newRS = r.newRS!;
  let old = r.old;
  const all = () => [...old, newRS];
  // reconcileNewReplicaSet
  const want = replicasOf(d);
  if (replicasOf(newRS) !== want) {
    const target = replicasOf(newRS) > want ? want : s.newRSNewReplicas(all(), newRS);
    if (target !== replicasOf(newRS)) {
      newRS = s.scale(
        newRS,
        target,
        `rolling update, spec.strategy.rollingUpdate.maxSurge ${maxSurge(d)} allows ${want + maxSurge(d)} pods in all`,
        'spec.strategy.rollingUpdate.maxSurge',
      );
      s.syncRolloutStatus(all(), newRS);
      return;
    }
  }
  // reconcileOldReplicaSets
  const activeOld = activeReplicaSets(old);
  const oldPods = specCount(activeOld);
  if (oldPods > 0) {
    const minAvailable = want - maxUnavailable(d);
    const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
    const maxScaledDown = specCount(all()) - minAvailable - newUnavailable;
    if (maxScaledDown > 0) {
      let total = 0;
      const replace = (from: RSObj, to: RSObj) => {
        old = old.map((x) => (x === from ? to : x));
      };
      // cleanupUnhealthyReplicas: old pods that are not available go first.
      for (const rs of [...activeOld].sort(byCreation)) {
        if (total >= maxScaledDown) break;
        const unhealthy = replicasOf(rs) - (rs.status?.availableReplicas ?? 0);
        if (replicasOf(rs) === 0 || unhealthy === 0) continue;
        const count = Math.min(maxScaledDown - total, unhealthy);
        replace(
          rs,
          s.scale(
            rs,
            replicasOf(rs) - count,
            'its pods are not available',
            'spec.strategy.rollingUpdate.maxUnavailable',
          ),
        );
        total += count;
      }
      // scaleDownOldReplicaSetsForRollingUpdate: keep at least minAvailable available pods.
      const availableNow = availableCount(all());
      if (availableNow > minAvailable) {
        const budget = availableNow - minAvailable;
        let done = 0;
        for (const rs of activeReplicaSets(old).sort(byCreation)) {
          if (done >= budget) break;
          const count = Math.min(replicasOf(rs), budget - done);
          replace(
            rs,
            s.scale(
              rs,
              replicasOf(rs) - count,
              `${availableNow} pods available, spec.strategy.rollingUpdate.maxUnavailable ${maxUnavailable(d)} keeps at least ${minAvailable}`,
              'spec.strategy.rollingUpdate.maxUnavailable',
            ),
          );
          done += count;
        }
        total += done;
      }
      if (total > 0) {
        s.syncRolloutStatus(all(), newRS);
        return;
      }
    }
  }
  if (deploymentComplete(s.d, d.status ?? {})) s.cleanup(old);
  s.syncRolloutStatus(all(), newRS);
}

/** recreate.go#rolloutRecreate. */
function rolloutRecreate(s: DeploymentSync, rsList: RSObj[], view: ClusterView): void {
  let { newRS, old } = s.newAndOld(rsList, false);
  const all = () => [...old, ...(newRS ? [newRS] : [])];
  let scaledDown = false;
  old = old.map((rs) => {
    if (replicasOf(rs) === 0) return rs;
    scaledDown = true;
    return s.scale(
      rs,
      0,
      'the Recreate strategy stops every old pod before starting new ones',
      'spec.strategy.type',
    );
  });
  if (scaledDown) return s.syncRolloutStatus(all(), newRS);
  // oldPodsRunning: wait until no old pod is left running.
  const running =
    old.some((rs) => (rs.status?.replicas ?? 0) > 0) ||
    old.some((rs) =>
      view
        .dependents<Pod & KubeObject>(rs.metadata.uid!)
        .some(
          (p) =>
            p.kind === 'Pod' && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded',
        ),
    );
  if (running) return s.syncRolloutStatus(all(), newRS);
  if (!newRS) {
    const r = s.newAndOld(rsList, true);
    if (r.stop) return;
    newRS = r.newRS;
    old = r.old;
  }
  if (newRS)
    newRS = s.scale(newRS, replicasOf(s.d), 'old pods are gone (Recreate)', 'spec.strategy.type');
  if (deploymentComplete(s.d, s.d.status ?? {})) s.cleanup(old);
  s.syncRolloutStatus(all(), newRS);
}

/** The Deployment controller; keys are `namespace/name`. */
export const deploymentController: Controller = {
  name: 'deployment-controller',

  setup(host: ControllerHost) {
    const view = host.view;
    const deploymentOf = (obj: {
      metadata?: {
        namespace?: string;
        ownerReferences?: KubeObject['metadata']['ownerReferences'];
      };
    }) => {
      const ref = controllerOf(obj);
      if (!ref || ref.kind !== 'Deployment') return undefined;
      const d = view.get<DeploymentObj>('Deployment', obj.metadata?.namespace ?? '', ref.name);
      return d?.metadata.uid === ref.uid ? d : undefined;
    };
    host.watch('Deployment', (e) => host.enqueue(objectKey(e.object)));
    host.watch('ReplicaSet', (e) => {
      const d = deploymentOf(e.object);
      if (d) return host.enqueue(objectKey(d));
      const old = e.old ? deploymentOf(e.old) : undefined;
      if (old) host.enqueue(objectKey(old));
      if (controllerOf(e.object) || e.type === 'DELETED') return;
      for (const cand of view.list<DeploymentObj>('Deployment', e.object.metadata.namespace))
        if (matches(fromLabelSelector(cand.spec?.selector), e.object.metadata.labels))
          host.enqueue(objectKey(cand));
    });
    // Recreate waits for old pods to be gone: their deletion wakes the Deployment.
    host.watch('Pod', (e) => {
      if (e.type !== 'DELETED') return;
      const ref = controllerOf(e.object);
      if (!ref || ref.kind !== 'ReplicaSet') return;
      const rs = view.get<RSObj>('ReplicaSet', e.object.metadata.namespace ?? '', ref.name);
      const d = rs ? deploymentOf(rs) : undefined;
      if (d && d.spec?.strategy?.type === 'Recreate') host.enqueue(objectKey(d));
    });
  },

  reconcile(key: string, view: ClusterView): ReconcileResult {
    const [ns, name] = splitKey(key);
    const d = view.get<DeploymentObj>('Deployment', ns, name);
    if (!d) return {};
    const s = new DeploymentSync(d, view, view.now);
    const sel = d.spec?.selector;
    if (sel && !sel.matchLabels && !sel.matchExpressions) {
      s.events.push({
        object: d,
        type: 'Warning',
        reason: 'SelectingAll',
        message: 'This deployment is selecting all pods. A non-empty selector is required.',
      });
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0))
        s.actions.push({
          op: 'update',
          status: true,
          object: unversioned({
            ...d,
            status: { ...d.status, observedGeneration: d.metadata.generation },
          }),
        });
      return { actions: s.actions, events: s.events };
    }
    const rsList = s.claimReplicaSets();
    if (d.metadata.deletionTimestamp) {
      const { newRS, old } = s.newAndOld(rsList, false);
      s.syncStatus([...old, ...(newRS ? [newRS] : [])], newRS);
    } else {
      // checkPausedConditions
      const deadline = progressDeadline(d);
      const cond = getCondition(s.d.status, 'Progressing');
      if (deadline !== undefined && cond?.reason !== REASONS.timedOut) {
        if (d.spec?.paused && cond?.reason !== REASONS.paused)
          setCondition(
            s.d.status!,
            newCondition('Progressing', 'Unknown', REASONS.paused, 'Deployment is paused', s.now),
          );
        else if (!d.spec?.paused && cond?.reason === REASONS.paused)
          setCondition(
            s.d.status!,
            newCondition('Progressing', 'Unknown', REASONS.resumed, 'Deployment is resumed', s.now),
          );
      }
      if (d.spec?.paused || isScalingEvent(s, rsList)) {
        const { newRS, old } = s.newAndOld(rsList, false);
        const scaled = scaleDeployment(s, newRS, old);
        const merged = [...old, ...(newRS ? [newRS] : [])].map(
          (rs) => scaled.find((x) => x.metadata.name === rs.metadata.name) ?? rs,
        );
        const nextNew = newRS ? merged[merged.length - 1] : undefined;
        if (d.spec?.paused) s.cleanup(merged.filter((rs) => rs !== nextNew));
        s.syncStatus(merged, nextNew);
      } else if (d.spec?.strategy?.type === 'Recreate') {
        rolloutRecreate(s, rsList, view);
      } else {
        rolloutRolling(s, rsList);
      }
    }
    return {
      actions: s.actions,
      events: s.events,
      explanations: s.explanations,
      ...(s.requeueAfter !== undefined ? { requeueAfter: s.requeueAfter } : {}),
    };
  },
};
