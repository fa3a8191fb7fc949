/**
 * Defaulting of pod specs (k/k pkg/apis/core/v1/defaults.go: SetDefaults_Pod, SetDefaults_PodSpec,
 * SetDefaults_Container, SetDefaults_Probe, SetDefaults_HTTPGetAction, SetDefaults_Volume and the
 * volume-source defaults, SetDefaults_ObjectFieldSelector, SetDefaults_ResourceList), applied in
 * the order of the generated SetObjectDefaults_Pod.
 */
import { defaultPullPolicy } from '../image-reference';
import { ensureObj, isObj, isUnset, objAt, objsAt, strAt, type Obj } from '../json';
import { formatQuantity, quantityFromJson, roundUpQuantity } from '../quantity';
import { VOLUME_SOURCE_KEYS } from '../go-types';

/** DefaultTerminationGracePeriodSeconds. */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
/** The file mode 0644 most volume sources default to. */
const DEFAULT_MODE = 0o644;

/**
 * SetDefaults_ResourceList: every quantity rounded up to milli-units. The stored value is the
 * canonical string, as the API server serializes Quantities.
 */
export function defaultResourceList(list: unknown): void {
  if (!isObj(list)) return;
  for (const [name, v] of Object.entries(list)) {
    const q = quantityFromJson(v);
    if (typeof q !== 'string') list[name] = formatQuantity(roundUpQuantity(q, -3));
  }
}

function defaultHandler(handler: Obj | undefined): void {
  const httpGet = objAt(handler, 'httpGet');
  if (!httpGet) return;
  if ((strAt(httpGet, 'path') ?? '') === '') httpGet.path = '/';
  if ((strAt(httpGet, 'scheme') ?? '') === '') httpGet.scheme = 'HTTP';
}

function defaultProbe(probe: Obj | undefined): void {
  if (!probe) return;
  const zeroTo = (k: string, v: number) => {
    if (probe[k] === undefined || probe[k] === null || probe[k] === 0) probe[k] = v;
  };
  zeroTo('timeoutSeconds', 1);
  zeroTo('periodSeconds', 10);
  zeroTo('successThreshold', 1);
  zeroTo('failureThreshold', 3);
  defaultHandler(probe);
}

/** SetDefaults_Container and the defaults of everything inside a container. */
export function defaultContainer(c: Obj): void {
  if ((strAt(c, 'imagePullPolicy') ?? '') === '')
    c.imagePullPolicy = defaultPullPolicy(strAt(c, 'image') ?? '');
  if ((strAt(c, 'terminationMessagePath') ?? '') === '')
    c.terminationMessagePath = '/dev/termination-log';
  if ((strAt(c, 'terminationMessagePolicy') ?? '') === '') c.terminationMessagePolicy = 'File';
  for (const [port] of objsAt(c, 'ports')) {
    if ((strAt(port, 'protocol') ?? '') === '') port.protocol = 'TCP';
  }
  for (const [env] of objsAt(c, 'env')) {
    const fieldRef = objAt(objAt(env, 'valueFrom'), 'fieldRef');
    if (fieldRef && (strAt(fieldRef, 'apiVersion') ?? '') === '') fieldRef.apiVersion = 'v1';
  }
  // ResourceRequirements is a struct, so Go always serializes `resources: {}`.
  const resources = ensureObj(c, 'resources');
  defaultResourceList(resources.limits);
  defaultResourceList(resources.requests);
  defaultProbe(objAt(c, 'livenessProbe'));
  defaultProbe(objAt(c, 'readinessProbe'));
  defaultProbe(objAt(c, 'startupProbe'));
  const lifecycle = objAt(c, 'lifecycle');
  defaultHandler(objAt(lifecycle, 'postStart'));
  defaultHandler(objAt(lifecycle, 'preStop'));
}

function defaultDownwardAPIItems(source: Obj | undefined): void {
  for (const [item] of objsAt(source, 'items')) {
    const fieldRef = objAt(item, 'fieldRef');
    if (fieldRef && (strAt(fieldRef, 'apiVersion') ?? '') === '') fieldRef.apiVersion = 'v1';
  }
}

/** SetDefaults_Volume and the per-source defaults. */
export function defaultVolume(vol: Obj): void {
  if (VOLUME_SOURCE_KEYS.every((k) => isUnset(vol, k))) vol.emptyDir = {};
  const setMode = (source: Obj | undefined) => {
    if (source && isUnset(source, 'defaultMode')) source.defaultMode = DEFAULT_MODE;
  };
  setMode(objAt(vol, 'secret'));
  setMode(objAt(vol, 'configMap'));
  const downward = objAt(vol, 'downwardAPI');
  setMode(downward);
  defaultDownwardAPIItems(downward);
  const projected = objAt(vol, 'projected');
  setMode(projected);
  for (const [src] of objsAt(projected, 'sources')) {
    const token = objAt(src, 'serviceAccountToken');
    if (token && isUnset(token, 'expirationSeconds')) token.expirationSeconds = 3600;
    defaultDownwardAPIItems(objAt(src, 'downwardAPI'));
  }
  const hostPath = objAt(vol, 'hostPath');
  if (hostPath && isUnset(hostPath, 'type')) hostPath.type = '';
  const emptyDir = objAt(vol, 'emptyDir');
  if (emptyDir && emptyDir.sizeLimit !== undefined) {
    const q = quantityFromJson(emptyDir.sizeLimit);
    if (typeof q !== 'string') emptyDir.sizeLimit = formatQuantity(q);
  }
}

/** With hostNetwork, an unset host port takes the container port. */
function defaultHostNetworkPorts(spec: Obj, key: string): void {
  for (const [c] of objsAt(spec, key)) {
    for (const [port] of objsAt(c, 'ports')) {
      if (port.hostPort === undefined || port.hostPort === null || port.hostPort === 0) {
        port.hostPort = port.containerPort;
      }
    }
  }
}

/**
 * The deprecated `serviceAccount` field mirrors `serviceAccountName` through v1 conversion: an
 * old client's value fills the name, and the stored object shows both.
 */
export function syncServiceAccountFields(spec: Obj): void {
  const name = strAt(spec, 'serviceAccountName') ?? '';
  const deprecated = strAt(spec, 'serviceAccount') ?? '';
  const effective = name !== '' ? name : deprecated;
  if (effective === '') {
    delete spec.serviceAccount;
    return;
  }
  spec.serviceAccountName = effective;
  spec.serviceAccount = effective;
}

/** SetDefaults_PodSpec plus the nested defaults: what every pod template gets. */
export function defaultPodSpec(spec: Obj): void {
  if ((strAt(spec, 'dnsPolicy') ?? '') === '') spec.dnsPolicy = 'ClusterFirst';
  if ((strAt(spec, 'restartPolicy') ?? '') === '') spec.restartPolicy = 'Always';
  // DefaultHostNetworkHostPortsInPodTemplates is off in 1.32: templates keep hostPort 0.
  if (!isObj(spec.securityContext)) spec.securityContext = {};
  if (isUnset(spec, 'terminationGracePeriodSeconds')) {
    spec.terminationGracePeriodSeconds = DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
  }
  if ((strAt(spec, 'schedulerName') ?? '') === '') spec.schedulerName = 'default-scheduler';
  syncServiceAccountFields(spec);
  for (const [vol] of objsAt(spec, 'volumes')) defaultVolume(vol);
  for (const [c] of objsAt(spec, 'initContainers')) defaultContainer(c);
  for (const [c] of objsAt(spec, 'containers')) defaultContainer(c);
  for (const [c] of objsAt(spec, 'ephemeralContainers')) defaultContainer(c);
  defaultResourceList(spec.overhead);
}

/** SetDefaults_Pod (requests from limits, service links, host ports) then the spec defaults. */
export function defaultPod(pod: Obj): void {
  const spec = ensureObj(pod, 'spec');
  for (const key of ['containers', 'initContainers']) {
    for (const [c] of objsAt(spec, key)) {
      const resources = objAt(c, 'resources');
      const limits = objAt(resources, 'limits');
      if (!resources || !limits) continue;
      const requests = ensureObj(resources, 'requests');
      for (const [name, v] of Object.entries(limits)) if (!(name in requests)) requests[name] = v;
    }
  }
  if (isUnset(spec, 'enableServiceLinks')) spec.enableServiceLinks = true;
  if (spec.hostNetwork === true) {
    defaultHostNetworkPorts(spec, 'containers');
    defaultHostNetworkPorts(spec, 'initContainers');
  }
  defaultPodSpec(spec);
}

/**
 * Defaults of an embedded PodTemplateSpec. Go serializes the template's ObjectMeta, whose zero
 * creationTimestamp prints as `creationTimestamp: null`, so the stored template shows it too.
 */
export function defaultPodTemplate(template: Obj): void {
  const meta = ensureObj(template, 'metadata');
  if (!('creationTimestamp' in meta)) meta.creationTimestamp = null;
  defaultPodSpec(ensureObj(template, 'spec'));
}
