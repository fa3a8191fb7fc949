/**
 * The mutating admission plugins of a kubeadm 1.32 API server that change objects a learner sees,
 * in the API server's plugin order: NamespaceLifecycle, ServiceAccount, TaintNodesByCondition,
 * Priority, DefaultTolerationSeconds (k/k plugin/pkg/admission/... and
 * k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle). LimitRanger and ResourceQuota
 * have nothing to do without LimitRange/ResourceQuota objects and are not simulated.
 */
import { forbidden, notFound, type StatusError } from '../errors';
import { ensureObj, isObj, objAt, objsAt, strAt, type Obj } from './json';
import type { StrategyContext } from './strategy';
import { syncServiceAccountFields } from './defaults/pod-spec';

/** utilrand's alphabet for generated names (no vowels, no 0/1/3). */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** The resource and name admission.NewForbidden names: the generateName before a name exists. */
function forbiddenFor(resource: string, obj: Obj, reason: string): StatusError {
  const meta = objAt(obj, 'metadata');
  const name = strAt(meta, 'name') || strAt(meta, 'generateName') || 'Unknown';
  return forbidden(`${resource} "${name}" is forbidden: ${reason}`, { name, kind: resource });
}

/**
 * NamespaceLifecycle on create/update of a namespaced object: the namespace must exist and, for
 * creates, must not be terminating.
 */
export function admitNamespaceLifecycle(
  resource: string,
  obj: Obj,
  ctx: StrategyContext,
  create: boolean,
): StatusError | undefined {
  const namespace = strAt(objAt(obj, 'metadata'), 'namespace') ?? '';
  if (namespace === '') return undefined;
  if (!ctx.namespaceExists(namespace)) return notFound('', 'namespaces', namespace);
  if (create) {
    const ns = ctx.get?.('Namespace', '', namespace);
    if (strAt(objAt(ns, 'status'), 'phase') === 'Terminating') {
      const err = forbiddenFor(
        resource,
        obj,
        `unable to create new content in namespace ${namespace} because it is being terminated`,
      );
      return {
        ...err,
        details: {
          ...err.details,
          causes: [
            {
              reason: 'NamespaceTerminating',
              message: `namespace ${namespace} is being terminated`,
              field: 'metadata.namespace',
            },
          ],
        },
      };
    }
  }
  return undefined;
}

/** Where the service account token volume is mounted in every container. */
export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** WarnOnlyBoundTokenExpirationSeconds: the token lifetime admission requests. */
const TOKEN_EXPIRATION_SECONDS = 3607;

/** The projected kube-api-access volume source (serviceaccount.TokenVolumeSource). */
function tokenVolumeSource(): Obj {
  return {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
      { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
      {
        downwardAPI: {
          items: [
            { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' },
          ],
        },
      },
    ],
  };
}

/** mountServiceAccountToken: a `kube-api-access-xxxxx` volume mounted read-only everywhere. */
function mountServiceAccountToken(spec: Obj, ctx: StrategyContext): void {
  const volumes = objsAt(spec, 'volumes');
  let tokenVolume = volumes.find(([v]) =>
    (strAt(v, 'name') ?? '').startsWith('kube-api-access-'),
  )?.[0];
  const volumeName = tokenVolume
    ? (strAt(tokenVolume, 'name') ?? '')
    : `kube-api-access-${ctx.rng.chars(NAME_ALPHABET, 5)}`;
  let needsVolume = false;
  for (const key of ['initContainers', 'containers']) {
    for (const [c] of objsAt(spec, key)) {
      const mounts = Array.isArray(c.volumeMounts) ? c.volumeMounts : [];
      if (mounts.some((m) => isObj(m) && m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH)) continue;
      c.volumeMounts = [
        ...mounts,
        { mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name: volumeName, readOnly: true },
      ];
      needsVolume = true;
    }
  }
  if (!tokenVolume && needsVolume) {
    tokenVolume = { name: volumeName, projected: tokenVolumeSource() };
    spec.volumes = [...(Array.isArray(spec.volumes) ? spec.volumes : []), tokenVolume];
  }
}

/**
 * ServiceAccount admission on pod create: default `serviceAccountName`, look the account up,
 * mount its token unless automounting is off, and copy its image pull secrets.
 */
export function admitServiceAccount(pod: Obj, ctx: StrategyContext): StatusError | undefined {
  const meta = objAt(pod, 'metadata');
  const annotations = objAt(meta, 'annotations');
  // Mirror (static) pods are never changed by this plugin.
  if (annotations && 'kubernetes.io/config.mirror' in annotations) return undefined;
  const spec = ensureObj(pod, 'spec');
  if ((strAt(spec, 'serviceAccountName') ?? '') === '') spec.serviceAccountName = 'default';
  syncServiceAccountFields(spec);
  const namespace = strAt(meta, 'namespace') ?? '';
  const name = strAt(spec, 'serviceAccountName') ?? 'default';
  // Without a lookup function the cluster is assumed to have every account, with defaults.
  const account: Obj | undefined = ctx.get
    ? ctx.get('ServiceAccount', namespace, name)
    : { metadata: { name } };
  if (!account) {
    return forbiddenFor(
      'pods',
      pod,
      `error looking up service account ${namespace}/${name}: serviceaccount "${name}" not found`,
    );
  }
  const podAutomount = spec.automountServiceAccountToken;
  const saAutomount = account.automountServiceAccountToken;
  const automount =
    typeof podAutomount === 'boolean'
      ? podAutomount
      : typeof saAutomount === 'boolean'
        ? saAutomount
        : true;
  if (automount) mountServiceAccountToken(spec, ctx);
  const pullSecrets = Array.isArray(spec.imagePullSecrets) ? spec.imagePullSecrets : [];
  const saSecrets = objsAt(account, 'imagePullSecrets');
  if (pullSecrets.length === 0 && saSecrets.length > 0) {
    spec.imagePullSecrets = saSecrets.map(([s]) => ({ name: strAt(s, 'name') ?? '' }));
  }
  return undefined;
}

/** The PriorityClasses every cluster has (scheduling/v1 SystemPriorityClasses). */
const SYSTEM_PRIORITY_CLASSES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

/**
 * Priority admission: resolve the priority class into `priority` and `preemptionPolicy`; with
 * no class and no global default the pod gets priority 0 and PreemptLowerPriority.
 */
export function admitPriority(pod: Obj, ctx: StrategyContext, old?: Obj): StatusError | undefined {
  const spec = ensureObj(pod, 'spec');
  if (old) {
    // Keep what creation computed; validation rejects any other change.
    const oldSpec = objAt(old, 'spec');
    if (spec.priority === undefined && oldSpec?.priority !== undefined)
      spec.priority = oldSpec.priority;
    if (spec.preemptionPolicy === undefined && oldSpec?.preemptionPolicy !== undefined) {
      spec.preemptionPolicy = oldSpec.preemptionPolicy;
    }
    return undefined;
  }
  const className = strAt(spec, 'priorityClassName') ?? '';
  let priority = 0;
  let preemption: string | undefined = 'PreemptLowerPriority';
  if (className !== '') {
    const pc = ctx.get?.('PriorityClass', '', className);
    if (pc && typeof pc.value === 'number') {
      priority = pc.value;
      preemption = strAt(pc, 'preemptionPolicy') ?? 'PreemptLowerPriority';
    } else if (className in SYSTEM_PRIORITY_CLASSES) {
      priority = SYSTEM_PRIORITY_CLASSES[className];
    } else {
      return forbiddenFor('pods', pod, `no PriorityClass with name ${className} was found`);
    }
  }
  if (typeof spec.priority === 'number' && spec.priority !== priority) {
    return forbiddenFor(
      'pods',
      pod,
      `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
    );
  }
  spec.priority = priority;
  const given = strAt(spec, 'preemptionPolicy');
  if (preemption !== undefined) {
    if (given !== undefined && given !== preemption) {
      return forbiddenFor(
        'pods',
        pod,
        `the string value of PreemptionPolicy (${given}) must not be provided in pod spec; priority admission controller computed ${preemption} from the given PriorityClass name`,
      );
    }
    spec.preemptionPolicy = preemption;
  }
  return undefined;
}

/** The node taints pods tolerate for 300 s unless they say otherwise. */
const DEFAULT_TOLERATION_SECONDS = 300;

/** DefaultTolerationSeconds (create and update of pods). */
export function admitDefaultTolerationSeconds(pod: Obj): void {
  const spec = ensureObj(pod, 'spec');
  const tolerations = objsAt(spec, 'tolerations').map(([t]) => t);
  const tolerates = (key: string) =>
    tolerations.some((t) => {
      const k = strAt(t, 'key') ?? '';
      const effect = strAt(t, 'effect') ?? '';
      return (k === key || k === '') && (effect === 'NoExecute' || effect === '');
    });
  const added: Obj[] = [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerates(key)) {
      added.push({
        effect: 'NoExecute',
        key,
        operator: 'Exists',
        tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
      });
    }
  }
  if (added.length > 0)
    spec.tolerations = [...(Array.isArray(spec.tolerations) ? spec.tolerations : []), ...added];
}

/** TaintNodesByCondition: a new node starts with the not-ready NoSchedule taint. */
export function admitNodeTaint(node: Obj): void {
  const spec = ensureObj(node, 'spec');
  const taints = objsAt(spec, 'taints').map(([t]) => t);
  const has = taints.some(
    (t) =>
      strAt(t, 'key') === 'node.kubernetes.io/not-ready' && strAt(t, 'effect') === 'NoSchedule',
  );
  if (!has) {
    spec.taints = [
      ...(Array.isArray(spec.taints) ? spec.taints : []),
      { effect: 'NoSchedule', key: 'node.kubernetes.io/not-ready' },
    ];
  }
}
