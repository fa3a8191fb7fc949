/**
 * Go struct field order for the objects the `create` generators print. Their clients decode the
 * server's answer into typed structs (k8s.io/api), so `-o json` lists fields in struct order, not
 * sorted.
 * @simplified: only the structs of the kinds the generators build are listed (not status or the
 * deeper pod fields); other fields follow in the order the server produced them.
 */
import type { KubeObject } from '../../api/object';

/** A struct: its fields in Go order, with the struct type of nested fields. */
type Struct = ReadonlyArray<readonly [string, string?]>;

const STRUCTS: Record<string, Struct> = {
  Object: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta']],
  ObjectMeta: [
    ['name'],
    ['generateName'],
    ['namespace'],
    ['selfLink'],
    ['uid'],
    ['resourceVersion'],
    ['generation'],
    ['creationTimestamp'],
    ['deletionTimestamp'],
    ['deletionGracePeriodSeconds'],
    ['labels'],
    ['annotations'],
    ['ownerReferences', 'OwnerReference'],
    ['finalizers'],
    ['managedFields'],
  ],
  OwnerReference: [
    ['apiVersion'],
    ['kind'],
    ['name'],
    ['uid'],
    ['controller'],
    ['blockOwnerDeletion'],
  ],
  Job: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['spec', 'JobSpec'], ['status']],
  JobSpec: [
    ['parallelism'],
    ['completions'],
    ['activeDeadlineSeconds'],
    ['podFailurePolicy'],
    ['successPolicy'],
    ['backoffLimit'],
    ['backoffLimitPerIndex'],
    ['maxFailedIndexes'],
    ['selector', 'LabelSelector'],
    ['manualSelector'],
    ['template', 'PodTemplateSpec'],
    ['ttlSecondsAfterFinished'],
    ['completionMode'],
    ['suspend'],
    ['podReplacementPolicy'],
    ['managedBy'],
  ],
  LabelSelector: [['matchLabels'], ['matchExpressions']],
  PodTemplateSpec: [
    ['metadata', 'ObjectMeta'],
    ['spec', 'PodSpec'],
  ],
  PodSpec: [
    ['volumes'],
    ['initContainers', 'Container'],
    ['containers', 'Container'],
    ['ephemeralContainers'],
    ['restartPolicy'],
    ['terminationGracePeriodSeconds'],
    ['activeDeadlineSeconds'],
    ['dnsPolicy'],
    ['nodeSelector'],
    ['serviceAccountName'],
    ['serviceAccount'],
    ['automountServiceAccountToken'],
    ['nodeName'],
    ['hostNetwork'],
    ['hostPID'],
    ['hostIPC'],
    ['shareProcessNamespace'],
    ['securityContext'],
    ['imagePullSecrets'],
    ['hostname'],
    ['subdomain'],
    ['affinity'],
    ['schedulerName'],
    ['tolerations'],
    ['hostAliases'],
    ['priorityClassName'],
    ['priority'],
    ['dnsConfig'],
    ['readinessGates'],
    ['runtimeClassName'],
    ['enableServiceLinks'],
    ['preemptionPolicy'],
    ['overhead'],
    ['topologySpreadConstraints'],
    ['setHostnameAsFQDN'],
    ['os'],
    ['hostUsers'],
    ['schedulingGates'],
    ['resourceClaims'],
    ['resources'],
  ],
  Container: [
    ['name'],
    ['image'],
    ['command'],
    ['args'],
    ['workingDir'],
    ['ports'],
    ['envFrom'],
    ['env'],
    ['resources'],
    ['resizePolicy'],
    ['restartPolicy'],
    ['volumeMounts'],
    ['volumeDevices'],
    ['livenessProbe'],
    ['readinessProbe'],
    ['startupProbe'],
    ['lifecycle'],
    ['terminationMessagePath'],
    ['terminationMessagePolicy'],
    ['imagePullPolicy'],
    ['securityContext'],
    ['stdin'],
    ['stdinOnce'],
    ['tty'],
  ],
  CronJob: [
    ['kind'],
    ['apiVersion'],
    ['metadata', 'ObjectMeta'],
    ['spec', 'CronJobSpec'],
    ['status'],
  ],
  CronJobSpec: [
    ['schedule'],
    ['timeZone'],
    ['startingDeadlineSeconds'],
    ['concurrencyPolicy'],
    ['suspend'],
    ['jobTemplate', 'JobTemplateSpec'],
    ['successfulJobsHistoryLimit'],
    ['failedJobsHistoryLimit'],
  ],
  JobTemplateSpec: [
    ['metadata', 'ObjectMeta'],
    ['spec', 'JobSpec'],
  ],
  Deployment: [
    ['kind'],
    ['apiVersion'],
    ['metadata', 'ObjectMeta'],
    ['spec', 'DeploymentSpec'],
    ['status'],
  ],
  DeploymentSpec: [
    ['replicas'],
    ['selector', 'LabelSelector'],
    ['template', 'PodTemplateSpec'],
    ['strategy', 'DeploymentStrategy'],
    ['minReadySeconds'],
    ['revisionHistoryLimit'],
    ['paused'],
    ['progressDeadlineSeconds'],
  ],
  DeploymentStrategy: [['type'], ['rollingUpdate', 'RollingUpdateDeployment']],
  RollingUpdateDeployment: [['maxUnavailable'], ['maxSurge']],
  Service: [
    ['kind'],
    ['apiVersion'],
    ['metadata', 'ObjectMeta'],
    ['spec', 'ServiceSpec'],
    ['status'],
  ],
  ServiceSpec: [
    ['ports', 'ServicePort'],
    ['selector'],
    ['clusterIP'],
    ['clusterIPs'],
    ['type'],
    ['externalIPs'],
    ['sessionAffinity'],
    ['loadBalancerIP'],
    ['loadBalancerSourceRanges'],
    ['externalName'],
    ['externalTrafficPolicy'],
    ['healthCheckNodePort'],
    ['publishNotReadyAddresses'],
    ['sessionAffinityConfig'],
    ['ipFamilies'],
    ['ipFamilyPolicy'],
    ['allocateLoadBalancerNodePorts'],
    ['loadBalancerClass'],
    ['internalTrafficPolicy'],
    ['trafficDistribution'],
  ],
  ServicePort: [['name'], ['protocol'], ['appProtocol'], ['port'], ['targetPort'], ['nodePort']],
  Namespace: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['spec'], ['status']],
  ConfigMap: [
    ['kind'],
    ['apiVersion'],
    ['metadata', 'ObjectMeta'],
    ['immutable'],
    ['data'],
    ['binaryData'],
  ],
};

function order(value: unknown, structName: string | undefined): unknown {
  const struct = structName ? STRUCTS[structName] : undefined;
  if (!struct) return value;
  if (Array.isArray(value)) return value.map((v) => order(v, structName));
  if (!value || typeof value !== 'object') return value;
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [field, child] of struct) if (field in src) out[field] = order(src[field], child);
  for (const [k, v] of Object.entries(src)) if (!(k in out)) out[k] = v;
  return out;
}

/** The object with its fields in Go struct order (kinds the generators build). */
export function typedOrder(obj: KubeObject): KubeObject {
  return order(obj, STRUCTS[obj.kind] ? obj.kind : 'Object') as KubeObject;
}
