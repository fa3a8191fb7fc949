/**
 * Containers of a pod spec (k/k pkg/apis/core/validation/validation.go#validateContainers,
 * #validateInitContainers, #validateContainerCommon, #validateContainerPorts,
 * #ValidateVolumeMounts, #ValidateVolumeDevices, probes and lifecycle handlers, and the
 * container SecurityContext checks a learner can reach).
 */
import type { FieldError } from '../../field-error';
import { isObj, numAt, objAt, objsAt, strAt, type Obj } from '../json';
import { validateEnv, validateEnvFrom } from './env';
import { go } from '../go-value';
import {
  duplicateStr,
  fieldErrors,
  invalidGo,
  q,
  invalidNum,
  invalidStr,
  notSupportedStr,
  path,
  validateNonnegativeField,
} from './field';
import { isDNS1123Label, isValidId, isValidPortName, isValidPortNum, regexError } from './names';
import { validateContainerResourceRequirements } from './resources';
import { validateLocalDescendingPath, validatePathNoBacksteps } from './volumes';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** Per-pod facts container checks need. */
export interface ContainerContext {
  volumes: Map<string, Obj>;
  gracePeriod: number | undefined;
  restartPolicy: string;
}

/** validateContainerPorts. */
function validateContainerPorts(ports: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  for (const [port, i] of objsAt({ ports }, 'ports')) {
    const p = path.index(field, i);
    const name = strAt(port, 'name') ?? '';
    if (name !== '') {
      const msgs = isValidPortName(name);
      if (msgs.length > 0)
        for (const m of msgs) errs.push(invalidStr(path.child(p, 'name'), name, m));
      else if (names.has(name)) errs.push(duplicateStr(path.child(p, 'name'), name));
      else names.add(name);
    }
    const containerPort = numAt(port, 'containerPort') ?? 0;
    if (containerPort === 0) {
      errs.push(fieldErrors.required(path.child(p, 'containerPort')));
    } else {
      for (const m of isValidPortNum(containerPort)) {
        errs.push(invalidNum(path.child(p, 'containerPort'), containerPort, m));
      }
    }
    const hostPort = numAt(port, 'hostPort') ?? 0;
    if (hostPort !== 0) {
      for (const m of isValidPortNum(hostPort))
        errs.push(invalidNum(path.child(p, 'hostPort'), hostPort, m));
    }
    const protocol = strAt(port, 'protocol') ?? '';
    if (protocol === '') errs.push(fieldErrors.required(path.child(p, 'protocol')));
    else if (!PROTOCOLS.includes(protocol)) {
      errs.push(notSupportedStr(path.child(p, 'protocol'), protocol, PROTOCOLS));
    }
  }
  return errs;
}

/** AccumulateUniqueHostPorts: `<protocol>/<hostIP>/<hostPort>` must be unique. */
function checkHostPortConflicts(containers: [Obj, number][], field: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  for (const [c, ci] of containers) {
    for (const [port, pi] of objsAt(c, 'ports')) {
      const hostPort = numAt(port, 'hostPort') ?? 0;
      if (hostPort === 0) continue;
      const key = `${strAt(port, 'protocol') ?? ''}/${strAt(port, 'hostIP') ?? ''}/${hostPort}`;
      const p = path.child(path.index(path.child(path.index(field, ci), 'ports'), pi), 'hostPort');
      if (seen.has(key)) errs.push(duplicateStr(p, key));
      else seen.add(key);
    }
  }
  return errs;
}

/** ValidatePortNumOrName for an IntOrString port. */
export function validatePortNumOrName(port: unknown, field: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalidNum(field, port, m));
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalidStr(field, port, m));
  return isValidPortNum(0).map((m) => invalidNum(field, 0, m));
}

const HTTP_HEADER_FMT = '[-A-Za-z0-9]+';

function validateHandler(
  handler: Obj,
  field: string,
  kinds: readonly string[],
  gracePeriod: number | undefined,
): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const kind of kinds) {
    const h = objAt(handler, kind);
    if (!h) continue;
    const p = path.child(field, kind);
    if (n > 0) {
      errs.push(fieldErrors.forbidden(p, 'may not specify more than 1 handler type'));
      continue;
    }
    n++;
    switch (kind) {
      case 'exec':
        if (!Array.isArray(h.command) || h.command.length === 0) {
          errs.push(fieldErrors.required(path.child(p, 'command')));
        }
        break;
      case 'httpGet': {
        if ((strAt(h, 'path') ?? '') === '') errs.push(fieldErrors.required(path.child(p, 'path')));
        errs.push(...validatePortNumOrName(h.port, path.child(p, 'port')));
        const scheme = strAt(h, 'scheme') ?? '';
        if (scheme !== 'HTTP' && scheme !== 'HTTPS') {
          errs.push(notSupportedStr(path.child(p, 'scheme'), scheme, ['HTTP', 'HTTPS']));
        }
        for (const [header] of objsAt(h, 'httpHeaders')) {
          const name = strAt(header, 'name') ?? '';
          if (!new RegExp(`^(?:${HTTP_HEADER_FMT})$`).test(name)) {
            errs.push(
              invalidStr(
                path.child(p, 'httpHeaders'),
                name,
                regexError(
                  "a valid HTTP header must consist of alphanumeric characters or '-'",
                  HTTP_HEADER_FMT,
                  'X-Header-Name',
                ),
              ),
            );
          }
        }
        break;
      }
      case 'tcpSocket':
        errs.push(...validatePortNumOrName(h.port, path.child(p, 'port')));
        break;
      case 'grpc':
        errs.push(...validatePortNumOrName(numAt(h, 'port') ?? 0, path.child(p, 'port')));
        break;
      case 'sleep': {
        const seconds = numAt(h, 'seconds') ?? 0;
        if (gracePeriod !== undefined && (seconds <= 0 || seconds > gracePeriod)) {
          errs.push(
            invalidNum(
              p,
              seconds,
              `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`,
            ),
          );
        }
        break;
      }
    }
  }
  if (n === 0) errs.push(fieldErrors.required(field, 'must specify a handler type'));
  return errs;
}

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

function validateProbe(probe: Obj, field: string, gracePeriod: number | undefined): FieldError[] {
  const errs = validateHandler(probe, field, PROBE_HANDLERS, gracePeriod);
  for (const k of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ]) {
    errs.push(...validateNonnegativeField(numAt(probe, k) ?? 0, path.child(field, k)));
  }
  const tgps = numAt(probe, 'terminationGracePeriodSeconds');
  if (tgps !== undefined && tgps <= 0) {
    errs.push(
      invalidNum(
        path.child(field, 'terminationGracePeriodSeconds'),
        tgps,
        'must be greater than 0',
      ),
    );
  }
  return errs;
}

function validateProbes(c: Obj, field: string, gracePeriod: number | undefined): FieldError[] {
  const errs: FieldError[] = [];
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const probe = objAt(c, kind);
    if (!probe) continue;
    const p = path.child(field, kind);
    errs.push(...validateProbe(probe, p, gracePeriod));
    if (kind === 'readinessProbe') {
      const tgps = numAt(probe, 'terminationGracePeriodSeconds');
      if (tgps !== undefined) {
        errs.push(
          invalidNum(
            path.child(p, 'terminationGracePeriodSeconds'),
            tgps,
            'must not be set for readinessProbes',
          ),
        );
      }
    } else {
      const st = numAt(probe, 'successThreshold') ?? 0;
      if (st !== 1) errs.push(invalidNum(path.child(p, 'successThreshold'), st, 'must be 1'));
    }
  }
  return errs;
}

function validateLifecycle(c: Obj, field: string, gracePeriod: number | undefined): FieldError[] {
  const lifecycle = objAt(c, 'lifecycle');
  if (!lifecycle) return [];
  const errs: FieldError[] = [];
  for (const hook of ['postStart', 'preStop'] as const) {
    const h = objAt(lifecycle, hook);
    if (h)
      errs.push(
        ...validateHandler(
          h,
          path.child(field, 'lifecycle', hook),
          LIFECYCLE_HANDLERS,
          gracePeriod,
        ),
      );
  }
  return errs;
}

const MOUNT_PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None'];

/** ValidateVolumeMounts (sub-path errors point at the list, as upstream's do). */
function validateVolumeMounts(c: Obj, volumes: Map<string, Obj>, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const devices = new Map(
    objsAt(c, 'volumeDevices').map(([d]) => [strAt(d, 'name') ?? '', strAt(d, 'devicePath') ?? '']),
  );
  const devicePaths = new Set(devices.values());
  const mountPoints = new Set<string>();
  const privileged = objAt(c, 'securityContext')?.privileged === true;
  for (const [m, i] of objsAt(c, 'volumeMounts')) {
    const p = path.index(field, i);
    const name = strAt(m, 'name') ?? '';
    const mountPath = strAt(m, 'mountPath') ?? '';
    if (name === '') errs.push(fieldErrors.required(path.child(p, 'name')));
    if (!volumes.has(name)) errs.push(fieldErrors.notFound(path.child(p, 'name'), q(name)));
    if (mountPath === '') errs.push(fieldErrors.required(path.child(p, 'mountPath')));
    if (mountPoints.has(mountPath))
      errs.push(invalidStr(path.child(p, 'mountPath'), mountPath, 'must be unique'));
    mountPoints.add(mountPath);
    if (devices.has(name)) {
      errs.push(invalidStr(path.child(p, 'name'), name, 'must not already exist in volumeDevices'));
    }
    if (devicePaths.has(mountPath)) {
      errs.push(
        invalidStr(
          path.child(p, 'mountPath'),
          mountPath,
          'must not already exist as a path in volumeDevices',
        ),
      );
    }
    const subPath = strAt(m, 'subPath') ?? '';
    const subPathExpr = strAt(m, 'subPathExpr') ?? '';
    if (subPath !== '')
      errs.push(...validateLocalDescendingPath(subPath, path.child(field, 'subPath')));
    if (subPathExpr !== '') {
      if (subPath !== '') {
        errs.push(
          invalidStr(
            path.child(p, 'subPathExpr'),
            subPathExpr,
            'subPathExpr and subPath are mutually exclusive',
          ),
        );
      }
      errs.push(...validateLocalDescendingPath(subPathExpr, path.child(field, 'subPathExpr')));
    }
    const propagation = strAt(m, 'mountPropagation');
    if (propagation !== undefined) {
      const pp = path.child(field, 'mountPropagation');
      if (!MOUNT_PROPAGATIONS.includes(propagation)) {
        errs.push(notSupportedStr(pp, propagation, MOUNT_PROPAGATIONS));
      }
      if (propagation === 'Bidirectional' && !privileged) {
        errs.push(
          fieldErrors.forbidden(
            pp,
            'Bidirectional mount propagation is available only to privileged containers',
          ),
        );
      }
    }
  }
  return errs;
}

/** ValidateVolumeDevices. */
function validateVolumeDevices(c: Obj, volumes: Map<string, Obj>, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const mounts = new Map(
    objsAt(c, 'volumeMounts').map(([m]) => [strAt(m, 'name') ?? '', strAt(m, 'mountPath') ?? '']),
  );
  const mountPaths = new Set(mounts.values());
  const seenPaths = new Set<string>();
  const seenNames = new Set<string>();
  for (const [d, i] of objsAt(c, 'volumeDevices')) {
    const p = path.index(field, i);
    const name = strAt(d, 'name') ?? '';
    const devicePath = strAt(d, 'devicePath') ?? '';
    const vol = volumes.get(name);
    const isPVC = vol !== undefined && (isObj(vol.persistentVolumeClaim) || isObj(vol.ephemeral));
    if (name === '') errs.push(fieldErrors.required(path.child(p, 'name')));
    if (seenNames.has(name)) errs.push(invalidStr(path.child(p, 'name'), name, 'must be unique'));
    if (vol && !isPVC) {
      errs.push(
        invalidStr(
          path.child(p, 'name'),
          name,
          'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode',
        ),
      );
    }
    if (!vol) errs.push(fieldErrors.notFound(path.child(p, 'name'), q(name)));
    if (devicePath === '') errs.push(fieldErrors.required(path.child(p, 'devicePath')));
    if (seenPaths.has(devicePath)) {
      errs.push(invalidStr(path.child(p, 'devicePath'), devicePath, 'must be unique'));
    }
    if (devicePath !== '' && validatePathNoBacksteps(devicePath, '').length > 0) {
      errs.push(
        invalidStr(path.child(p, 'devicePath'), devicePath, "can not contain backsteps ('..')"),
      );
    } else {
      seenPaths.add(devicePath);
    }
    if (mounts.has(name)) {
      errs.push(invalidStr(path.child(p, 'name'), name, 'must not already exist in volumeMounts'));
    }
    if (mountPaths.has(devicePath)) {
      errs.push(
        invalidStr(
          path.child(p, 'devicePath'),
          devicePath,
          'must not already exist as a path in volumeMounts',
        ),
      );
    }
    if (name !== '') seenNames.add(name);
  }
  return errs;
}

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

/** ValidateSecurityContext: the id ranges and the privilege-escalation pairing. */
function validateSecurityContext(sc: unknown, field: string): FieldError[] {
  if (!isObj(sc)) return [];
  const errs: FieldError[] = [];
  for (const k of ['runAsUser', 'runAsGroup'] as const) {
    const id = numAt(sc, k);
    if (id !== undefined)
      for (const m of isValidId(id)) errs.push(invalidNum(path.child(field, k), id, m));
  }
  const procMount = strAt(sc, 'procMount');
  if (procMount !== undefined && procMount !== 'Default' && procMount !== 'Unmasked') {
    errs.push(notSupportedStr(path.child(field, 'procMount'), procMount, ['Default', 'Unmasked']));
  }
  return errs;
}

/** validateContainerCommon: what every kind of container must satisfy. */
function validateContainerCommon(c: Obj, ctx: ContainerContext, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = strAt(c, 'name') ?? '';
  const namePath = path.child(field, 'name');
  if (name === '') errs.push(fieldErrors.required(namePath));
  else for (const m of isDNS1123Label(name)) errs.push(invalidStr(namePath, name, m));
  if ((strAt(c, 'image') ?? '') === '') errs.push(fieldErrors.required(path.child(field, 'image')));
  const tmp = strAt(c, 'terminationMessagePolicy') ?? '';
  if (tmp === '') {
    errs.push(fieldErrors.required(path.child(field, 'terminationMessagePolicy')));
  } else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(
      notSupportedStr(path.child(field, 'terminationMessagePolicy'), tmp, [
        'File',
        'FallbackToLogsOnError',
      ]),
    );
  }
  errs.push(...validateContainerPorts(c.ports, path.child(field, 'ports')));
  errs.push(...validateEnv(c.env, path.child(field, 'env')));
  errs.push(...validateEnvFrom(c.envFrom, path.child(field, 'envFrom')));
  errs.push(...validateVolumeMounts(c, ctx.volumes, path.child(field, 'volumeMounts')));
  errs.push(...validateVolumeDevices(c, ctx.volumes, path.child(field, 'volumeDevices')));
  const pull = strAt(c, 'imagePullPolicy') ?? '';
  if (pull === '') errs.push(fieldErrors.required(path.child(field, 'imagePullPolicy')));
  else if (!PULL_POLICIES.includes(pull)) {
    errs.push(notSupportedStr(path.child(field, 'imagePullPolicy'), pull, PULL_POLICIES));
  }
  errs.push(...validateContainerResourceRequirements(c.resources, path.child(field, 'resources')));
  errs.push(...validateSecurityContext(c.securityContext, path.child(field, 'securityContext')));
  return errs;
}

/** validateContainers: required, unique names, probes and lifecycle, no restartPolicy. */
export function validateContainers(
  containers: unknown,
  ctx: ContainerContext,
  field: string,
): FieldError[] {
  const list = objsAt({ containers }, 'containers');
  if (list.length === 0) return [fieldErrors.required(field)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  for (const [c, i] of list) {
    const p = path.index(field, i);
    errs.push(...validateContainerCommon(c, ctx, p));
    const name = strAt(c, 'name') ?? '';
    if (names.has(name)) errs.push(duplicateStr(path.child(p, 'name'), name));
    else names.add(name);
    errs.push(...validateLifecycle(c, p, ctx.gracePeriod));
    errs.push(...validateProbes(c, p, ctx.gracePeriod));
    if (c.restartPolicy !== undefined && c.restartPolicy !== null) {
      errs.push(
        fieldErrors.forbidden(
          path.child(p, 'restartPolicy'),
          'may not be set for non-init containers',
        ),
      );
    }
  }
  errs.push(...checkHostPortConflicts(list, field));
  return errs;
}

const goResizePolicies = go.slice(
  go.struct('core.ContainerResizePolicy', [
    ['ResourceName', 'resourceName', go.str('core.ResourceName')],
    ['RestartPolicy', 'restartPolicy', go.str('core.ResourceResizeRestartPolicy')],
  ]),
);

const INIT_ONLY_MESSAGE = 'may not be set for init containers without restartPolicy=Always';

/** validateInitContainers: like containers, plus sidecar (restartPolicy Always) rules. */
export function validateInitContainers(
  initContainers: unknown,
  containers: unknown,
  ctx: ContainerContext,
  field: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(objsAt({ containers }, 'containers').map(([c]) => strAt(c, 'name') ?? ''));
  for (const [c, i] of objsAt({ initContainers }, 'initContainers')) {
    const p = path.index(field, i);
    errs.push(...validateContainerCommon(c, ctx, p));
    let restartAlways = false;
    const rp = c.restartPolicy;
    if (rp !== undefined && rp !== null) {
      const value = typeof rp === 'string' ? rp : '';
      if (value !== 'Always')
        errs.push(notSupportedStr(path.child(p, 'restartPolicy'), value, ['Always']));
      restartAlways = value === 'Always';
    }
    const name = strAt(c, 'name') ?? '';
    if (names.has(name)) errs.push(duplicateStr(path.child(p, 'name'), name));
    else if (name !== '') names.add(name);
    // Init containers run one by one, so host ports only clash within one container.
    errs.push(...checkHostPortConflicts([[c, i]], field));
    if (restartAlways) {
      errs.push(...validateLifecycle(c, p, ctx.gracePeriod));
      errs.push(...validateProbes(c, p, ctx.gracePeriod));
    } else {
      for (const k of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (isObj(c[k])) errs.push(fieldErrors.forbidden(path.child(p, k), INIT_ONLY_MESSAGE));
      }
    }
    if (Array.isArray(c.resizePolicy) && c.resizePolicy.length > 0) {
      errs.push(
        invalidGo(
          path.child(p, 'resizePolicy'),
          goResizePolicies,
          c.resizePolicy,
          'must not be set for init containers',
        ),
      );
    }
  }
  return errs;
}

/** validateContainerOnlyForPod: a pod's images may not have surrounding blanks. */
export function validateContainersOnlyForPod(containers: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [c, i] of objsAt({ containers }, 'containers')) {
    const image = strAt(c, 'image') ?? '';
    if (image.length !== image.trim().length) {
      errs.push(
        invalidStr(
          path.child(path.index(field, i), 'image'),
          image,
          'must not have leading or trailing whitespace',
        ),
      );
    }
  }
  return errs;
}
