/**
 * Deployment helpers (k/k pkg/controller/deployment/util/deployment_util.go): revision and
 * replica annotations, surge/unavailability fenceposts, ReplicaSet orderings and counts, the
 * template comparison that ignores `pod-template-hash`, and the status conditions.
 */
import type {
  Deployment,
  DeploymentCondition,
  DeploymentStatus,
  ReplicaSet,
} from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../api/object';
import { jsonEqual } from '../../api/patch';
import { formatRFC3339, type Instant } from '../../time/instant';
import { scaledValue } from '../replicaset/controller-utils';

/** A Deployment or ReplicaSet as stored. */
export type DeploymentObj = Deployment & KubeObject;
export type RSObj = ReplicaSet & KubeObject;

/** Annotation and label names (apps/v1, deployment_util.go). */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
/** The revision-history annotation is kept under this many characters. */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

/** Condition reasons (deployment_util.go). */
export const REASONS = {
  newRSCreated: 'NewReplicaSetCreated',
  foundNewRS: 'FoundNewReplicaSet',
  rsUpdated: 'ReplicaSetUpdated',
  newRSAvailable: 'NewReplicaSetAvailable',
  timedOut: 'ProgressDeadlineExceeded',
  paused: 'DeploymentPaused',
  resumed: 'DeploymentResumed',
  failedRSCreate: 'ReplicaSetCreateError',
  minimumAvailable: 'MinimumReplicasAvailable',
  minimumUnavailable: 'MinimumReplicasUnavailable',
} as const;

/** spec.replicas, 1 when unset. */
export function replicasOf(obj: { spec?: { replicas?: number } } | undefined): number {
  return obj?.spec?.replicas ?? 1;
}

/** Whether the strategy is RollingUpdate (the default). */
export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/**
 * ResolveFenceposts: maxSurge rounded up, maxUnavailable rounded down, both of spec.replicas;
 * if both come out 0, one pod may be unavailable.
 */
export function resolveFenceposts(d: Deployment): { surge: number; unavailable: number } {
  const ru = d.spec?.strategy?.rollingUpdate;
  const desired = replicasOf(d);
  const s = scaledValue((ru?.maxSurge ?? '25%') as number | string, desired, true);
  const u = scaledValue((ru?.maxUnavailable ?? '25%') as number | string, desired, false);
  const surge = typeof s === 'number' ? s : 0;
  let unavailable = typeof u === 'number' ? u : 0;
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** MaxUnavailable: capped at spec.replicas; 0 unless RollingUpdate. */
export function maxUnavailable(d: Deployment): number {
  if (!isRollingUpdate(d) || replicasOf(d) === 0) return 0;
  return Math.min(resolveFenceposts(d).unavailable, replicasOf(d));
}

/** MaxSurge: 0 unless RollingUpdate. */
export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? resolveFenceposts(d).surge : 0;
}

/** The pod template without the pod-template-hash label (EqualIgnoreHash's view). */
function withoutHash(template: unknown): unknown {
  const t = (template ?? {}) as { metadata?: { labels?: Record<string, string> } };
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH_LABEL];
  return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
}

/** EqualIgnoreHash: templates equal once pod-template-hash is ignored. */
export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  return jsonEqual(withoutHash(a), withoutHash(b));
}

/** ReplicaSetsByCreationTimestamp: oldest first, then by name. */
export function byCreation(a: RSObj, b: RSObj): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = a.metadata.name ?? '';
  const nb = b.metadata.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** The revision annotation as a number (0 when absent or bad). */
export function revisionOf(obj: { metadata?: { annotations?: Record<string, string> } }): number {
  const v = obj.metadata?.annotations?.[REVISION_ANNOTATION];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : 0;
}

/** MaxRevision over ReplicaSets. */
export function maxRevisionOf(rss: readonly RSObj[]): number {
  return rss.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
}

/** Sum of spec.replicas (GetReplicaCountForReplicaSets). */
export const specCount = (rss: readonly RSObj[]) => rss.reduce((n, rs) => n + replicasOf(rs), 0);
/** Sum of status.replicas (GetActualReplicaCountForReplicaSets). */
export const actualCount = (rss: readonly RSObj[]) =>
  rss.reduce((n, rs) => n + (rs.status?.replicas ?? 0), 0);
/** Sum of status.readyReplicas. */
export const readyCount = (rss: readonly RSObj[]) =>
  rss.reduce((n, rs) => n + (rs.status?.readyReplicas ?? 0), 0);
/** Sum of status.availableReplicas. */
export const availableCount = (rss: readonly RSObj[]) =>
  rss.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);

/** FilterActiveReplicaSets: those with spec.replicas > 0. */
export function activeReplicaSets(rss: readonly (RSObj | undefined)[]): RSObj[] {
  return rss.filter((rs): rs is RSObj => !!rs && replicasOf(rs) > 0);
}

/** An annotation that copyDeploymentAnnotationsToReplicaSet leaves alone. */
export function skipCopyAnnotation(key: string): boolean {
  return (
    key === 'kubectl.kubernetes.io/last-applied-configuration' ||
    key === REVISION_ANNOTATION ||
    key === REVISION_HISTORY_ANNOTATION ||
    key === DESIRED_REPLICAS_ANNOTATION ||
    key === MAX_REPLICAS_ANNOTATION ||
    key === 'deprecated.deployment.rollback.to'
  );
}

/** NewDeploymentCondition at `now`. */
export function newCondition(
  type: string,
  status: 'True' | 'False' | 'Unknown',
  reason: string,
  message: string,
  now: Instant,
): DeploymentCondition {
  const t = formatRFC3339(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

/** GetDeploymentCondition. */
export function getCondition(status: DeploymentStatus | undefined, type: string) {
  return status?.conditions?.find((c) => c.type === type);
}

/**
 * SetDeploymentCondition: no change when status and reason are the same; the transition time
 * is kept when only the reason changes; the condition moves to the end of the list.
 */
export function setCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next = { ...condition };
  if (current && current.status === condition.status)
    next.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next];
}

/** RemoveDeploymentCondition. */
export function removeCondition(status: DeploymentStatus, type: string): void {
  if (!status.conditions) return;
  status.conditions = status.conditions.filter((c) => c.type !== type);
  if (!status.conditions.length) delete status.conditions;
}

/** HasProgressDeadline: progressDeadlineSeconds set (default 600) and not MaxInt32. */
export function progressDeadline(d: Deployment): number | undefined {
  const v = d.spec?.progressDeadlineSeconds ?? 600;
  return v === 2147483647 ? undefined : v;
}

/** DeploymentComplete. */
export function deploymentComplete(d: DeploymentObj, s: DeploymentStatus): boolean {
  const want = replicasOf(d);
  return (
    (s.updatedReplicas ?? 0) === want &&
    (s.replicas ?? 0) === want &&
    (s.availableReplicas ?? 0) === want &&
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available pods. */
export function deploymentProgressing(d: DeploymentObj, s: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/** The status as Go writes it: zero counters are omitted. */
export function compactStatus(s: DeploymentStatus): DeploymentStatus {
  const out: DeploymentStatus = {};
  for (const k of [
    'observedGeneration',
    'replicas',
    'updatedReplicas',
    'readyReplicas',
    'availableReplicas',
    'unavailableReplicas',
  ] as const)
    if (s[k]) out[k] = s[k];
  if (s.conditions?.length) out.conditions = s.conditions;
  if (s.collisionCount !== undefined) out.collisionCount = s.collisionCount;
  return out;
}
