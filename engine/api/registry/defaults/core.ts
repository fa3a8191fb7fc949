/**
 * Defaulting of the non-pod core/v1 kinds (k/k pkg/apis/core/v1/defaults.go: SetDefaults_Service,
 * SetDefaults_Namespace, SetDefaults_NamespaceStatus, SetDefaults_NodeStatus, SetDefaults_Secret,
 * SetDefaults_EndpointPort) plus the v1 conversions whose effect shows in stored objects
 * (Secret stringData folded into data).
 */
import { ensureObj, isObj, isUnset, objAt, objsAt, strAt, strsAt, type Obj } from '../json';

/** apiservice.ExternallyAccessible on a v1 spec. */
function externallyAccessible(spec: Obj): boolean {
  const type = strAt(spec, 'type');
  return (
    type === 'LoadBalancer' ||
    type === 'NodePort' ||
    (type === 'ClusterIP' && (strsAt(spec, 'externalIPs') ?? []).length > 0)
  );
}

/** DefaultClientIPServiceAffinitySeconds: three hours. */
const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

/** SetDefaults_Service. */
export function defaultService(svc: Obj): void {
  const spec = ensureObj(svc, 'spec');
  if ((strAt(spec, 'sessionAffinity') ?? '') === '') spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const timeout = objAt(objAt(spec, 'sessionAffinityConfig'), 'clientIP')?.timeoutSeconds;
    if (timeout === undefined || timeout === null) {
      spec.sessionAffinityConfig = {
        clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS },
      };
    }
  }
  if ((strAt(spec, 'type') ?? '') === '') spec.type = 'ClusterIP';
  for (const [port] of objsAt(spec, 'ports')) {
    if ((strAt(port, 'protocol') ?? '') === '') port.protocol = 'TCP';
    const target = port.targetPort;
    if (target === undefined || target === null || target === 0 || target === '') {
      port.targetPort = port.port;
    }
  }
  if (externallyAccessible(spec) && (strAt(spec, 'externalTrafficPolicy') ?? '') === '') {
    spec.externalTrafficPolicy = 'Cluster';
  }
  const type = spec.type;
  if (
    isUnset(spec, 'internalTrafficPolicy') &&
    (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP')
  ) {
    spec.internalTrafficPolicy = 'Cluster';
  }
  if (type === 'LoadBalancer' && isUnset(spec, 'allocateLoadBalancerNodePorts')) {
    spec.allocateLoadBalancerNodePorts = true;
  }
}

/** SetDefaults_Namespace: every named namespace carries `kubernetes.io/metadata.name`. */
export function defaultNamespace(ns: Obj): void {
  const meta = ensureObj(ns, 'metadata');
  const name = strAt(meta, 'name') ?? '';
  if (name !== '') ensureObj(meta, 'labels')['kubernetes.io/metadata.name'] = name;
  const status = objAt(ns, 'status');
  if (status && (strAt(status, 'phase') ?? '') === '') status.phase = 'Active';
}

/** SetDefaults_NodeStatus: allocatable defaults to capacity. */
export function defaultNode(node: Obj): void {
  const status = objAt(node, 'status');
  if (status && isUnset(status, 'allocatable') && isObj(status.capacity)) {
    status.allocatable = { ...status.capacity };
  }
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 of a string's UTF-8 bytes (no Node or DOM helpers in the engine). */
export function base64Utf8(s: string): string {
  const bytes: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      bytes.push(
        0xf0 | (c >> 18),
        0x80 | ((c >> 12) & 63),
        0x80 | ((c >> 6) & 63),
        0x80 | (c & 63),
      );
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    out += BASE64[a >> 2];
    out += BASE64[((a & 3) << 4) | ((b ?? 0) >> 4)];
    out += b === undefined ? '=' : BASE64[((b & 15) << 2) | ((c ?? 0) >> 6)];
    out += c === undefined ? '=' : BASE64[c & 63];
  }
  return out;
}

/** SetDefaults_Secret (type Opaque) and the v1 conversion of stringData into data. */
export function defaultSecret(secret: Obj): void {
  if ((strAt(secret, 'type') ?? '') === '') secret.type = 'Opaque';
  const stringData = objAt(secret, 'stringData');
  if (stringData) {
    const data = ensureObj(secret, 'data');
    for (const [k, v] of Object.entries(stringData)) {
      if (typeof v === 'string') data[k] = base64Utf8(v);
    }
    delete secret.stringData;
  }
}

/** SetDefaults_EndpointPort. */
export function defaultEndpoints(ep: Obj): void {
  for (const [subset] of objsAt(ep, 'subsets')) {
    for (const [port] of objsAt(subset, 'ports')) {
      if ((strAt(port, 'protocol') ?? '') === '') port.protocol = 'TCP';
    }
  }
}

/**
 * core/v1 Event has non-pointer struct and time fields that Go always serializes; the stored
 * event shows them (`eventTime: null`, `reportingComponent: ""`, `source: {}`…).
 */
export function defaultEvent(event: Obj): void {
  if (!('eventTime' in event)) event.eventTime = null;
  if (!('firstTimestamp' in event)) event.firstTimestamp = null;
  if (!('lastTimestamp' in event)) event.lastTimestamp = null;
  if (!('reportingComponent' in event)) event.reportingComponent = '';
  if (!('reportingInstance' in event)) event.reportingInstance = '';
  ensureObj(event, 'involvedObject');
  ensureObj(event, 'source');
}
