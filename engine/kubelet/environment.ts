/**
 * A container's environment as the kubelet builds it (kubelet_pods.go#makeEnvironmentVariables):
 * service link variables for the namespace's services, the container's `env` with `$(VAR)`
 * expansion and Downward API / ConfigMap / Secret sources, and HOSTNAME.
 */
import type { Container, Pod, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import { milliCpu, bytes } from '../api/quantity';

/** Why an environment could not be built (the container then waits in CreateContainerConfigError). */
export interface EnvError {
  error: string;
}

/** Reads API objects the environment refers to. */
export interface EnvLookup {
  get(kind: string, namespace: string, name: string): KubeObject | undefined;
  services(namespace: string): Service[];
}

/** `NAME_SERVICE_HOST`-style variables for one service (envvars.FromServices). */
export function serviceEnv(svc: Service): Array<[string, string]> {
  const ip = svc.spec?.clusterIP;
  if (!ip || ip === 'None') return [];
  const name = (svc.metadata?.name ?? '').toUpperCase().replace(/-/g, '_');
  const ports = svc.spec?.ports ?? [];
  if (ports.length === 0) return [];
  const out: Array<[string, string]> = [[`${name}_SERVICE_HOST`, ip]];
  const first = ports[0];
  out.push([`${name}_SERVICE_PORT`, String(first.port)]);
  for (const p of ports)
    if (p.name)
      out.push([`${name}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`, String(p.port)]);
  const proto = (first.protocol ?? 'TCP').toLowerCase();
  out.push([`${name}_PORT`, `${proto}://${ip}:${first.port}`]);
  for (const p of ports) {
    const pr = (p.protocol ?? 'TCP').toUpperCase();
    const prefix = `${name}_PORT_${p.port}_${pr}`;
    out.push([prefix, `${pr.toLowerCase()}://${ip}:${p.port}`]);
    out.push([`${prefix}_PROTO`, pr.toLowerCase()]);
    out.push([`${prefix}_PORT`, String(p.port)]);
    out.push([`${prefix}_ADDR`, ip]);
  }
  return out;
}

/** Expands `$(VAR)` references against earlier variables; `$$(VAR)` escapes (expansion.Expand). */
export function expandReferences(value: string, vars: ReadonlyMap<string, string>): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c !== '$' || i + 1 >= value.length) {
      out += c;
      continue;
    }
    const n = value[i + 1];
    if (n === '$') {
      out += '$';
      i++;
    } else if (n === '(') {
      const close = value.indexOf(')', i + 2);
      if (close < 0) {
        out += value.slice(i);
        break;
      }
      const name = value.slice(i + 2, close);
      out += vars.has(name) ? vars.get(name)! : `$(${name})`;
      i = close;
    } else {
      out += c;
    }
  }
  return out;
}

function fieldRef(pod: Pod, path: string): string | EnvError {
  const meta = pod.metadata ?? {};
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (m) return (m[1] === 'labels' ? meta.labels : meta.annotations)?.[m[2]] ?? '';
  switch (path) {
    case 'metadata.name':
      return meta.name ?? '';
    case 'metadata.namespace':
      return meta.namespace ?? '';
    case 'metadata.uid':
      return meta.uid ?? '';
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
    case 'status.hostIPs':
      return (pod.status?.hostIPs ?? []).map((x) => x.ip).join(',');
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.podIPs':
      return (pod.status?.podIPs ?? []).map((x) => x.ip).join(',');
    default:
      return { error: `unsupported fieldRef path ${path}` };
  }
}

function resourceRef(container: Container, resource: string, divisor?: string): string {
  const [kind, name] = resource.split('.');
  const values =
    (kind === 'limits' ? container.resources?.limits : container.resources?.requests) ?? {};
  const raw = values[name];
  if (name === 'cpu') {
    const m = raw === undefined ? 0 : milliCpu(raw);
    const d = divisor ? milliCpu(divisor) : 1000;
    return String(Math.ceil(m / d));
  }
  const b = raw === undefined ? 0 : bytes(raw);
  const d = divisor ? bytes(divisor) : 1;
  return String(Math.ceil(b / d));
}

/**
 * The container's environment, in order: service links of the namespace (when
 * enableServiceLinks), then the container's env entries. HOSTNAME comes from the runtime.
 */
export function containerEnv(
  pod: Pod,
  container: Container,
  lookup: EnvLookup,
): Array<[string, string]> | EnvError {
  const ns = pod.metadata?.namespace ?? 'default';
  const vars = new Map<string, string>();
  const order: string[] = [];
  const set = (k: string, v: string) => {
    if (!vars.has(k)) order.push(k);
    vars.set(k, v);
  };
  const services = lookup.services(ns);
  const defaults = lookup.services('default').filter((s) => s.metadata?.name === 'kubernetes');
  const links =
    pod.spec?.enableServiceLinks === false
      ? defaults
      : [...services, ...(ns === 'default' ? [] : defaults)];
  for (const svc of [...links].sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1))) {
    for (const [k, v] of serviceEnv(svc)) set(k, v);
  }
  for (const source of container.envFrom ?? []) {
    const kind = source.configMapRef ? 'ConfigMap' : 'Secret';
    const ref = source.configMapRef ?? source.secretRef;
    const obj = lookup.get(kind, ns, ref?.name ?? '');
    if (!obj) {
      if (ref?.optional) continue;
      return { error: `${kind.toLowerCase()} "${ref?.name}" not found` };
    }
    const data = (obj.data ?? {}) as Record<string, string>;
    for (const [k, v] of Object.entries(data))
      set(`${source.prefix ?? ''}${k}`, kind === 'Secret' ? base64Decode(v) : v);
  }
  for (const e of container.env ?? []) {
    if (e.value !== undefined || !e.valueFrom) {
      set(e.name, expandReferences(e.value ?? '', vars));
      continue;
    }
    const from = e.valueFrom;
    if (from.fieldRef) {
      const v = fieldRef(pod, from.fieldRef.fieldPath);
      if (typeof v !== 'string') return v;
      set(e.name, v);
    } else if (from.resourceFieldRef) {
      const target =
        pod.spec?.containers?.find(
          (c) => c.name === (from.resourceFieldRef!.containerName || container.name),
        ) ?? container;
      set(
        e.name,
        resourceRef(
          target,
          from.resourceFieldRef.resource,
          from.resourceFieldRef.divisor as string | undefined,
        ),
      );
    } else if (from.configMapKeyRef || from.secretKeyRef) {
      const kind = from.configMapKeyRef ? 'ConfigMap' : 'Secret';
      const ref = (from.configMapKeyRef ?? from.secretKeyRef)!;
      const obj = lookup.get(kind, ns, ref.name ?? '');
      if (!obj) {
        if (ref.optional) continue;
        return { error: `${kind.toLowerCase()} "${ref.name}" not found` };
      }
      const data = (obj.data ?? {}) as Record<string, string>;
      if (!(ref.key in data)) {
        if (ref.optional) continue;
        return { error: `couldn't find key ${ref.key} in ${kind} ${ns}/${ref.name}` };
      }
      set(e.name, kind === 'Secret' ? base64Decode(data[ref.key]) : data[ref.key]);
    }
  }
  return order.map((k) => [k, vars.get(k)!]);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes base64 into a byte string (Secret data). */
export function base64Decode(text: string): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const ch of text.replace(/[^A-Za-z0-9+/]/g, '')) {
    buffer = (buffer << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}

/** Encodes a byte string as base64. */
export function base64Encode(bytesText: string): string {
  let out = '';
  for (let i = 0; i < bytesText.length; i += 3) {
    const a = bytesText.charCodeAt(i);
    const b = i + 1 < bytesText.length ? bytesText.charCodeAt(i + 1) : 0;
    const c = i + 2 < bytesText.length ? bytesText.charCodeAt(i + 2) : 0;
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < bytesText.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < bytesText.length ? B64[n & 63] : '=';
  }
  return out;
}
