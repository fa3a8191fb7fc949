/**
 * The DaemonSet's ControllerRevisions (k/k pkg/controller/daemon/update.go#constructHistory,
 * #snapshot, #dedupCurHistories, #cleanupHistory): one revision per distinct template, named
 * `<ds>-<hash>`, labelled with the template labels plus `controller-revision-hash`, carrying the
 * DaemonSet's annotations and the template patch as Data. The current revision gets the highest
 * revision number; old ones beyond revisionHistoryLimit that no pod uses are deleted.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { matches, type Selector } from '../../api/labels';
import type { KubeObject } from '../../api/object';
import type { Explanation } from '../../narration';
import { describeObject } from '../../narration';
import type { Action, ClusterView } from '../framework';
import { computeHash } from '../history/compute-hash';
import {
  CONTROLLER_REVISION_HASH_LABEL,
  daemonSetRevisionData,
  matchesRevision,
  maxRevision,
  revisionNumber,
  sortByRevision,
} from '../history/revision';
import {
  controllerOf,
  newControllerRef,
  withControllerRef,
  withoutOwnerRef,
} from '../replicaset/controller-utils';
import { revisionHistoryLimit } from './daemonset-util';

type Revision = ControllerRevision & KubeObject;
type DS = DaemonSet & KubeObject;

/** The outcome of constructHistory. */
export interface History {
  /** The current template hash (label value of the current revision). */
  hash: string;
  /** Revisions of other templates. */
  old: Revision[];
  actions: Action[];
  explanations: Explanation[];
  /** The revision name is taken by another template: the sync stops after bumping collisionCount. */
  collision: boolean;
}

/**
 * ControllerRevisionControllerRefManager.ClaimControllerRevisions: revisions this DaemonSet
 * controls and still selects, plus orphans it selects (adopted); controlled revisions it no
 * longer selects are released.
 */
function claimRevisions(ds: DS, selector: Selector, view: ClusterView, actions: Action[]) {
  const claimed: Revision[] = [];
  const uid = ds.metadata.uid!;
  for (const cr of view.list<Revision>('ControllerRevision', ds.metadata.namespace)) {
    const ref = controllerOf(cr);
    const selected = matches(selector, cr.metadata.labels);
    if (ref) {
      if (ref.uid !== uid) continue;
      if (selected) claimed.push(cr);
      else if (!cr.metadata.deletionTimestamp)
        actions.push({ op: 'update', object: withoutOwnerRef(cr, uid) });
      continue;
    }
    if (!selected || cr.metadata.deletionTimestamp) continue;
    const adopted = withControllerRef(cr, ds) as Revision;
    actions.push({ op: 'update', object: adopted });
    claimed.push(adopted);
  }
  return claimed;
}

/** update.go#constructHistory (with #snapshot and #dedupCurHistories). */
export function constructHistory(
  ds: DS,
  selector: Selector,
  pods: readonly Pod[],
  view: ClusterView,
): History {
  const actions: Action[] = [];
  const explanations: Explanation[] = [];
  const ns = ds.metadata.namespace!;
  const current: Revision[] = [];
  const old: Revision[] = [];
  for (let cr of claimRevisions(ds, selector, view, actions)) {
    if (cr.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === undefined) {
      // Older revisions lack the label: the name serves as the hash.
      cr = {
        ...cr,
        metadata: {
          ...cr.metadata,
          labels: { ...cr.metadata.labels, [CONTROLLER_REVISION_HASH_LABEL]: cr.metadata.name! },
        },
      };
      actions.push({ op: 'update', object: cr });
    }
    (matchesRevision(ds, cr) ? current : old).push(cr);
  }
  const currRevision = maxRevision(old) + 1;
  const dsRef = describeObject('DaemonSet', ns, ds.metadata.name!);

  if (current.length === 0) {
    const collisionCount = ds.status?.collisionCount;
    const hash = computeHash(ds.spec?.template ?? {}, collisionCount);
    const name = `${ds.metadata.name}-${hash}`;
    const existing = view.get<Revision>('ControllerRevision', ns, name);
    if (existing) {
      if (matchesRevision(ds, existing))
        return { hash, old, actions, explanations, collision: false };
      // Another template owns this name: count the collision so the next hash differs.
      const status = { ...(ds.status ?? {}), collisionCount: (collisionCount ?? 0) + 1 };
      return {
        hash,
        old,
        actions: [{ op: 'update', status: true, object: { ...ds, status } }],
        explanations: [
          {
            object: dsRef,
            message: `Revision name ${name} is taken by a different template; status.collisionCount goes to ${status.collisionCount} so the next hash differs`,
            field: 'status.collisionCount',
          },
        ],
        collision: true,
      };
    }
    const revision: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name,
        namespace: ns,
        labels: {
          ...(ds.spec?.template?.metadata?.labels ?? {}),
          [CONTROLLER_REVISION_HASH_LABEL]: hash,
        },
        ...(ds.metadata.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
        ownerReferences: [newControllerRef(ds)],
      },
      data: daemonSetRevisionData(ds),
      revision: currRevision,
    };
    actions.push({ op: 'create', object: revision, namespace: ns });
    explanations.push({
      object: dsRef,
      message: `Recorded the pod template as ControllerRevision ${name} (revision ${currRevision}); its pods are labelled controller-revision-hash=${hash}`,
      field: 'spec.template',
    });
    return { hash, old, actions, explanations, collision: false };
  }

  // Keep the newest of several identical revisions; relabel pods and delete the others.
  let keep = current[0];
  for (const cr of current) if (revisionNumber(cr) >= revisionNumber(keep)) keep = cr;
  const hash = keep.metadata.labels![CONTROLLER_REVISION_HASH_LABEL];
  if (current.length > 1) {
    for (const pod of pods) {
      if (pod.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash) continue;
      const p = pod as unknown as KubeObject;
      actions.push({
        op: 'update',
        object: {
          ...p,
          metadata: {
            ...p.metadata,
            labels: { ...p.metadata.labels, [CONTROLLER_REVISION_HASH_LABEL]: hash },
          },
        },
      });
    }
    for (const cr of current)
      if (cr !== keep)
        actions.push({
          op: 'delete',
          kind: 'ControllerRevision',
          namespace: ns,
          name: cr.metadata.name!,
        });
  }
  if (revisionNumber(keep) < currRevision) {
    actions.push({ op: 'update', object: { ...keep, revision: currRevision } });
    explanations.push({
      object: dsRef,
      message: `The template matches ControllerRevision ${keep.metadata.name} again: it becomes revision ${currRevision}`,
      field: 'spec.template',
    });
  }
  return { hash, old, actions, explanations, collision: false };
}

/**
 * update.go#cleanupHistory: deletes the oldest revisions beyond spec.revisionHistoryLimit,
 * sparing any whose hash a pod (even a terminating one) still carries.
 */
export function cleanupHistory(
  ds: DS,
  old: readonly Revision[],
  pods: readonly Pod[],
): { actions: Action[]; explanations: Explanation[] } {
  const limit = revisionHistoryLimit(ds.spec);
  let toKill = old.length - limit;
  if (toKill <= 0) return { actions: [], explanations: [] };
  const live = new Set<string>();
  for (const p of pods) {
    const h = p.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL];
    if (h) live.add(h);
  }
  const actions: Action[] = [];
  const explanations: Explanation[] = [];
  for (const cr of sortByRevision(old)) {
    if (toKill <= 0) break;
    if (live.has(cr.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '')) continue;
    actions.push({
      op: 'delete',
      kind: 'ControllerRevision',
      namespace: ds.metadata.namespace!,
      name: cr.metadata.name!,
    });
    explanations.push({
      object: describeObject('DaemonSet', ds.metadata.namespace, ds.metadata.name!),
      message: `Deleted old ControllerRevision ${cr.metadata.name} (revision ${revisionNumber(cr)}): more than spec.revisionHistoryLimit ${limit} old revisions`,
      field: 'spec.revisionHistoryLimit',
    });
    toKill--;
  }
  return { actions, explanations };
}
