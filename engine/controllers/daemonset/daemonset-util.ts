/**
 * DaemonSet helpers (k/k pkg/controller/daemon/util/daemonset_util.go): the tolerations every
 * daemon pod gets, the pod template stamped with generation and hash labels, node pinning by
 * node affinity, which node a pod is meant for, whether a pod is up to date, and the rolling
 * update budgets. Specs are read with upstream defaults for fields the API did not fill.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Affinity, Pod, PodSpec, PodTemplateSpec, Toleration } from 'kubernetes-types/core/v1';
import {
  CONTROLLER_REVISION_HASH_LABEL,
  POD_TEMPLATE_GENERATION_LABEL,
  TEMPLATE_GENERATION_ANNOTATION,
} from '../history/revision';
import { scaledValue } from '../replicaset/controller-utils';

/** The key of the node-name field in node affinity matchFields (metav1.ObjectNameField). */
export const NODE_NAME_FIELD = 'metadata.name';

/** daemonset_util.go#AddOrUpdateDaemonPodTolerations, in upstream order. */
export function daemonPodTolerations(hostNetwork: boolean): Toleration[] {
  const t = (key: string, effect: string): Toleration => ({ key, operator: 'Exists', effect });
  const list = [
    t('node.kubernetes.io/not-ready', 'NoExecute'),
    t('node.kubernetes.io/unreachable', 'NoExecute'),
    t('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    t('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    t('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    t('node.kubernetes.io/unschedulable', 'NoSchedule'),
  ];
  if (hostNetwork) list.push(t('node.kubernetes.io/network-unavailable', 'NoSchedule'));
  return list;
}

function sameToleration(a: Toleration, b: Toleration): boolean {
  return (
    (a.key ?? '') === (b.key ?? '') &&
    (a.operator ?? '') === (b.operator ?? '') &&
    (a.value ?? '') === (b.value ?? '') &&
    (a.effect ?? '') === (b.effect ?? '')
  );
}

/**
 * v1helper.AddOrUpdateTolerationInPodSpec for each default toleration: an identical one is
 * replaced in place, a new one appended after the template's own.
 */
export function withDaemonTolerations(spec: PodSpec): Toleration[] {
  const out = [...(spec.tolerations ?? [])];
  for (const t of daemonPodTolerations(!!spec.hostNetwork)) {
    const i = out.findIndex((x) => sameToleration(x, t));
    if (i >= 0) out[i] = t;
    else out.push(t);
  }
  return out;
}

/** util.GetTemplateGeneration: the `deprecated.daemonset.template.generation` annotation. */
export function templateGeneration(ds: DaemonSet): number | undefined {
  const v = ds.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  if (v === undefined || !/^-?\d+$/.test(v)) return undefined;
  return Number(v);
}

/**
 * util.CreatePodTemplate: the template with the default tolerations and the labels
 * `pod-template-generation` (when the annotation is set) and `controller-revision-hash`.
 */
export function createPodTemplate(
  template: PodTemplateSpec,
  generation: number | undefined,
  hash: string,
): PodTemplateSpec {
  const spec = template.spec ?? ({ containers: [] } as PodSpec);
  const labels: Record<string, string> = { ...(template.metadata?.labels ?? {}) };
  if (generation !== undefined) labels[POD_TEMPLATE_GENERATION_LABEL] = String(generation);
  if (hash) labels[CONTROLLER_REVISION_HASH_LABEL] = hash;
  return {
    metadata: { ...(template.metadata ?? {}), labels },
    spec: { ...spec, tolerations: withDaemonTolerations(spec) },
  };
}

/**
 * util.ReplaceDaemonSetPodNodeNameNodeAffinity: the required node affinity becomes one term,
 * `metadata.name In [node]`; preferred terms and pod (anti-)affinity are kept.
 */
export function pinToNode(affinity: Affinity | undefined, nodeName: string): Affinity {
  const required = {
    nodeSelectorTerms: [
      { matchFields: [{ key: NODE_NAME_FIELD, operator: 'In', values: [nodeName] }] },
    ],
  };
  const nodeAffinity = affinity?.nodeAffinity;
  return {
    ...(affinity ?? {}),
    nodeAffinity: {
      ...(nodeAffinity ?? {}),
      requiredDuringSchedulingIgnoredDuringExecution: required,
    },
  };
}

/**
 * util.GetTargetNodeName: spec.nodeName, or for a pending pod the single node of its
 * `metadata.name In [...]` affinity; undefined when neither names one node.
 */
export function targetNodeName(pod: Pod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms =
    pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
      ?.nodeSelectorTerms;
  for (const term of terms ?? [])
    for (const f of term.matchFields ?? [])
      if (f.key === NODE_NAME_FIELD && f.operator === 'In')
        return f.values?.length === 1 ? f.values[0] : undefined;
  return undefined;
}

/** util.IsPodUpdated: the pod carries the current hash or the current template generation. */
export function isPodUpdated(pod: Pod, hash: string, generation: number | undefined): boolean {
  const labels = pod.metadata?.labels ?? {};
  const templateMatches =
    generation !== undefined && labels[POD_TEMPLATE_GENERATION_LABEL] === String(generation);
  const hashMatches = hash.length > 0 && labels[CONTROLLER_REVISION_HASH_LABEL] === hash;
  return hashMatches || templateMatches;
}

/** The update strategy type, RollingUpdate when unset (SetDefaults_DaemonSet). */
export function updateStrategyType(ds: DaemonSet): string {
  return ds.spec?.updateStrategy?.type ?? 'RollingUpdate';
}

/** The rolling update parameters with upstream defaults (maxUnavailable 1, maxSurge 0). */
function rollingParams(ds: DaemonSet) {
  const r = ds.spec?.updateStrategy?.rollingUpdate;
  return {
    maxUnavailable: (r?.maxUnavailable ?? 1) as number | string,
    maxSurge: (r?.maxSurge ?? 0) as number | string,
  };
}

/** util.UnavailableCount: maxUnavailable scaled to `desired` (rounding up); 0 unless RollingUpdate. */
export function unavailableCount(ds: DaemonSet, desired: number): number | { error: string } {
  if (updateStrategyType(ds) !== 'RollingUpdate') return 0;
  return scaledValue(rollingParams(ds).maxUnavailable, desired, true);
}

/** util.SurgeCount: maxSurge scaled to `desired` (rounding up); 0 unless RollingUpdate. */
export function surgeCount(ds: DaemonSet, desired: number): number | { error: string } {
  if (updateStrategyType(ds) !== 'RollingUpdate') return 0;
  return scaledValue(rollingParams(ds).maxSurge, desired, true);
}

/** util.AllowsSurge: whether maxSurge is non-zero. */
export function allowsSurge(ds: DaemonSet): boolean {
  const n = surgeCount(ds, 1);
  return typeof n === 'number' && n !== 0;
}

/** The revision history limit, 10 when unset. */
export function revisionHistoryLimit(spec: { revisionHistoryLimit?: number } | undefined): number {
  return spec?.revisionHistoryLimit ?? 10;
}
