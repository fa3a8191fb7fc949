/**
 * Containers, volumes and pod templates in kubectl describe (kubectl pkg/describe/describe.go:
 * describeContainers, describeVolumes, DescribePodTemplate, DescribeProbe).
 */
import type {
  Container,
  ContainerState,
  ContainerStatus,
  EnvVar,
  Pod,
  PodTemplateSpec,
  Probe,
  ResourceRequirements,
  Volume,
} from 'kubernetes-types/core/v1';
import { canonicalQuantity, parseQuantity } from '../../format/quantity';
import { compareStrings } from '../../format/labels';
import {
  printAnnotationsMultiline,
  printBool,
  printLabelsMultiline,
  printTolerationsMultiline,
  rfc1123z,
} from './helpers';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefix-writer';

/** Resolves a fieldRef env var against a pod (describe.go#EnvValueFrom); undefined = no pod. */
export type EnvResolver = (env: EnvVar) => string;

/**
 * describe.go#EnvValueFrom: the path must be a pod field label and extractable by
 * fieldpath.ExtractFieldPathAsString, so only metadata.name and metadata.namespace resolve.
 */
export function envValueFromPod(pod: Pod): EnvResolver {
  return (env) => {
    switch (env.valueFrom?.fieldRef?.fieldPath) {
      case 'metadata.name':
        return pod.metadata?.name ?? '';
      case 'metadata.namespace':
        return pod.metadata?.namespace ?? '';
    }
    return '';
  };
}

/** resourcehelper.ExtractContainerResourceValue: the value rounded up in `divisor` units. */
function containerResourceValue(
  container: Container,
  resource: string,
  divisorText?: string,
): string {
  const [section, name] = resource.split('.') as [string, string];
  const list = ((section === 'limits'
    ? container.resources?.limits
    : container.resources?.requests) ?? {}) as Record<string, unknown>;
  const value = list[name] !== undefined ? parseQuantity(String(list[name])) : undefined;
  let divisor = divisorText !== undefined ? parseQuantity(String(divisorText)) : undefined;
  if (!divisor || divisor.nanos === 0n) divisor = { nanos: 1_000_000_000n, format: 'DecimalSI' };
  const v = value?.nanos ?? 0n;
  // ceil(v / divisor)
  const q = v / divisor.nanos + (v % divisor.nanos > 0n ? 1n : 0n);
  return q.toString();
}

function portsText(container: Container, host: boolean): string {
  return (container.ports ?? [])
    .map((p) => `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? 'TCP'}`)
    .join(', ');
}

function describeContainerBasicInfo(
  container: Container,
  status: ContainerStatus | undefined,
  space: string,
  w: PrefixWriter,
): void {
  const nameIndent = space.length > 0 ? ' ' : '';
  w.write(LEVEL_1, `${nameIndent}${container.name}:\n`);
  if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
  w.write(LEVEL_2, `Image:\t${container.image ?? ''}\n`);
  if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
  const ports = portsText(container, false);
  if (ports.includes(',')) w.write(LEVEL_2, `Ports:\t${ports}\n`);
  else w.write(LEVEL_2, `Port:\t${ports || '<none>'}\n`);
  const hostPorts = portsText(container, true);
  if (hostPorts.includes(',')) w.write(LEVEL_2, `Host Ports:\t${hostPorts}\n`);
  else w.write(LEVEL_2, `Host Port:\t${hostPorts || '<none>'}\n`);
  const seccomp = container.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === 'Localhost') {
      w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
  }
}

function describeContainerCommand(container: Container, w: PrefixWriter): void {
  if (container.command && container.command.length > 0) {
    w.write(LEVEL_2, 'Command:\n');
    for (const c of container.command) for (const s of c.split('\n')) w.write(LEVEL_3, `${s}\n`);
  }
  if (container.args && container.args.length > 0) {
    w.write(LEVEL_2, 'Args:\n');
    for (const a of container.args) for (const s of a.split('\n')) w.write(LEVEL_3, `${s}\n`);
  }
}

function describeStatus(name: string, state: ContainerState | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

function describeContainerState(status: ContainerStatus, w: PrefixWriter): void {
  describeStatus('State', status.state, w);
  if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w);
  w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
  w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`);
}

/** describe.go#describeResources: Limits and Requests, resource names sorted. */
export function describeResources(
  resources: ResourceRequirements | undefined,
  w: PrefixWriter,
  level: number,
): void {
  if (!resources) return;
  const section = (title: string, list: Record<string, string> | undefined) => {
    const names = Object.keys(list ?? {}).sort(compareStrings);
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const name of names)
      w.write(level + 1, `${name}:\t${canonicalQuantity(String(list![name]))}\n`);
  };
  section('Limits', resources.limits as Record<string, string> | undefined);
  section('Requests', resources.requests as Record<string, string> | undefined);
}

/** net.JoinHostPort. */
function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** describe.go#DescribeProbe. */
export function describeProbe(probe: Probe): string {
  const attrs =
    `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s ` +
    `period=${probe.periodSeconds ?? 0}s #success=${probe.successThreshold ?? 0} ` +
    `#failure=${probe.failureThreshold ?? 0}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const scheme = (probe.httpGet.scheme ?? '').toLowerCase();
    const port = String(probe.httpGet.port ?? '');
    const host =
      port.length > 0 ? joinHostPort(probe.httpGet.host ?? '', port) : (probe.httpGet.host ?? '');
    let url = scheme ? `${scheme}://${host}` : host ? `//${host}` : '';
    const path = probe.httpGet.path ?? '';
    url += path && !path.startsWith('/') && host ? `/${path}` : path;
    return `http-get ${url} ${attrs}`;
  }
  if (probe.tcpSocket)
    return `tcp-socket ${probe.tcpSocket.host ?? ''}:${probe.tcpSocket.port} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeContainerProbe(container: Container, w: PrefixWriter): void {
  if (container.livenessProbe)
    w.write(LEVEL_2, `Liveness:\t${describeProbe(container.livenessProbe)}\n`);
  if (container.readinessProbe) {
    w.write(LEVEL_2, `Readiness:\t${describeProbe(container.readinessProbe)}\n`);
  }
  if (container.startupProbe)
    w.write(LEVEL_2, `Startup:\t${describeProbe(container.startupProbe)}\n`);
}

function describeContainerEnvFrom(container: Container, w: PrefixWriter): void {
  const list = container.envFrom ?? [];
  w.write(LEVEL_2, `Environment Variables from:${list.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of list) {
    let from = '';
    let name = '';
    let optional = false;
    if (e.configMapRef) {
      from = 'ConfigMap';
      name = e.configMapRef.name ?? '';
      optional = !!e.configMapRef.optional;
    } else if (e.secretRef) {
      from = 'Secret';
      name = e.secretRef.name ?? '';
      optional = !!e.secretRef.optional;
    }
    if (!e.prefix) w.write(LEVEL_3, `${name}\t${from}\tOptional: ${optional}\n`);
    else w.write(LEVEL_3, `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
  }
}

function describeContainerEnvVars(
  container: Container,
  resolver: EnvResolver | undefined,
  w: PrefixWriter,
): void {
  const env = container.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    if (!e.valueFrom) {
      (e.value ?? '').split('\n').forEach((s, i) => {
        w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`);
      });
      continue;
    }
    const from = e.valueFrom;
    if (from.fieldRef) {
      const value = resolver ? resolver(e) : '';
      w.write(
        LEVEL_3,
        `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath})\n`,
      );
    } else if (from.resourceFieldRef) {
      const resource = from.resourceFieldRef.resource;
      let value = containerResourceValue(
        container,
        resource,
        from.resourceFieldRef.divisor as string | undefined,
      );
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) {
        value = 'node allocatable';
      }
      w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`);
    } else if (from.secretKeyRef) {
      w.write(
        LEVEL_3,
        `${e.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name ?? ''}'>\tOptional: ${!!from.secretKeyRef.optional}\n`,
      );
    } else if (from.configMapKeyRef) {
      w.write(
        LEVEL_3,
        `${e.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name ?? ''}'>\tOptional: ${!!from.configMapKeyRef.optional}\n`,
      );
    }
  }
}

function describeContainerVolumes(container: Container, w: PrefixWriter): void {
  const mounts = [...(container.volumeMounts ?? [])].sort((a, b) =>
    compareStrings(a.mountPath, b.mountPath),
  );
  w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
  const devices = container.volumeDevices ?? [];
  if (devices.length > 0) {
    w.write(LEVEL_2, 'Devices:\n');
    for (const d of devices) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
  }
}

/** describe.go#describeContainers. */
export function describeContainers(
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  resolver: EnvResolver | undefined,
  w: PrefixWriter,
  space: string,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const container of containers) {
    const status = statuses ? byName.get(container.name) : undefined;
    describeContainerBasicInfo(container, status, space, w);
    describeContainerCommand(container, w);
    if (status) describeContainerState(status, w);
    describeResources(container.resources, w, LEVEL_2);
    describeContainerProbe(container, w);
    if (container.envFrom && container.envFrom.length > 0) describeContainerEnvFrom(container, w);
    describeContainerEnvVars(container, resolver, w);
    describeContainerVolumes(container, w);
  }
}

const optionalPtr = (v: boolean | undefined | null) =>
  v === undefined || v === null ? '<nil>' : String(v);

/** describe.go#describeVolumes (the volume kinds Podlab uses; others print `<unknown>`). */
export function describeVolumes(
  volumes: readonly Volume[] | undefined,
  w: PrefixWriter,
  space: string,
): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  const nameIndent = space.length > 0 ? ' ' : '';
  for (const v of volumes) {
    w.write(LEVEL_1, `${nameIndent}${v.name}:\n`);
    if (v.hostPath) {
      const type =
        v.hostPath.type === undefined || v.hostPath.type === null ? '<none>' : v.hostPath.type;
      w.write(
        LEVEL_2,
        `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${type}\n`,
      );
    } else if (v.emptyDir) {
      const size = v.emptyDir.sizeLimit
        ? canonicalQuantity(String(v.emptyDir.sizeLimit))
        : '<unset>';
      w.write(
        LEVEL_2,
        `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${size === '0' ? '<unset>' : size}\n`,
      );
    } else if (v.secret) {
      w.write(
        LEVEL_2,
        `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${!!v.secret.optional}\n`,
      );
    } else if (v.configMap) {
      w.write(
        LEVEL_2,
        `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${!!v.configMap.optional}\n`,
      );
    } else if (v.persistentVolumeClaim) {
      w.write(
        LEVEL_2,
        `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${!!v.persistentVolumeClaim.readOnly}\n`,
      );
    } else if (v.projected) {
      w.write(
        LEVEL_2,
        'Type:\tProjected (a volume that contains injected data from multiple sources)\n',
      );
      for (const source of v.projected.sources ?? []) {
        // @simplified: Go prints a set *bool optional as a pointer address; Podlab prints its value.
        if (source.secret) {
          w.write(
            LEVEL_2,
            `SecretName:\t${source.secret.name ?? ''}\n    SecretOptionalName:\t${optionalPtr(source.secret.optional)}\n`,
          );
        } else if (source.downwardAPI) {
          w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
        } else if (source.configMap) {
          w.write(
            LEVEL_2,
            `ConfigMapName:\t${source.configMap.name ?? ''}\n    ConfigMapOptional:\t${optionalPtr(source.configMap.optional)}\n`,
          );
        } else if (source.serviceAccountToken) {
          w.write(
            LEVEL_2,
            `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 0}\n`,
          );
        }
      }
    } else if (v.downwardAPI) {
      w.write(
        LEVEL_2,
        'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n',
      );
      for (const item of v.downwardAPI.items ?? []) {
        if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
        else if (item.resourceFieldRef)
          w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
      }
    } else {
      w.write(LEVEL_1, '<unknown>\n');
    }
  }
}

/** describe.go#DescribePodTemplate. */
export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const spec = template.spec;
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (template.metadata?.annotations && Object.keys(template.metadata.annotations).length > 0) {
    printAnnotationsMultiline(w, '  Annotations', template.metadata.annotations);
  }
  if (spec?.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec?.initContainers && spec.initContainers.length > 0) {
    describeContainers('Init Containers', spec.initContainers, undefined, undefined, w, '  ');
  }
  describeContainers('Containers', spec?.containers ?? [], undefined, undefined, w, '  ');
  describeVolumes(spec?.volumes, w, '  ');
  printLabelsMultiline(w, 'Node-Selectors', spec?.nodeSelector, '  ');
  printTolerationsMultiline(w, 'Tolerations', spec?.tolerations, '  ');
  if (spec?.priorityClassName)
    w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
}
