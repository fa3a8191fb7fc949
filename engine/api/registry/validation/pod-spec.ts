/**
 * PodSpec and PodTemplateSpec validation (k/k pkg/apis/core/validation/validation.go
 * #ValidatePodSpec, #ValidatePodTemplateSpec), in upstream's order so multi-error messages list
 * causes the way the real API server does.
 */
import type { FieldError } from '../../field-error';
import { go } from '../go-value';
import { isObj, numAt, objAt, objsAt, strAt, strsAt, type Obj } from '../json';
import { validateContainers, validateInitContainers } from './containers';
import {
  duplicateStr,
  fieldErrors,
  invalidGo,
  invalidNum,
  invalidStr,
  notSupportedStr,
  path,
} from './field';
import { inclusiveRangeError, isDNS1123Label, isIP, isValidId, INVALID_IP_MESSAGE } from './names';
import {
  nameIsDNSSubdomain,
  validateAnnotations,
  validateLabelName,
  validateLabels,
} from './object-meta';
import {
  validateAffinity,
  validateTolerations,
  validateTopologySpreadConstraints,
} from './scheduling';
import { validateVolumes } from './volumes';

/** The PodValidationOptions that matter here. */
export interface PodValidationOptions {
  /** The spec belongs to a Pod, not to a template inside another resource. */
  resourceIsPod?: boolean;
}

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const MAX_INT32 = 2147483647;

function validateRestartPolicy(policy: string, field: string): FieldError[] {
  if (RESTART_POLICIES.includes(policy)) return [];
  if (policy === '') return [fieldErrors.required(field)];
  return [notSupportedStr(field, policy, RESTART_POLICIES)];
}

function validateDNSPolicy(policy: string, field: string): FieldError[] {
  if (DNS_POLICIES.includes(policy)) return [];
  if (policy === '') return [fieldErrors.required(field)];
  return [notSupportedStr(field, policy, DNS_POLICIES)];
}

/** validatePodDNSConfig. */
function validatePodDNSConfig(
  config: Obj | undefined,
  dnsPolicy: string,
  field: string,
): FieldError[] {
  const errs: FieldError[] = [];
  if (dnsPolicy === 'None') {
    if (!config)
      return [fieldErrors.required(field, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if ((strsAt(config, 'nameservers') ?? []).length === 0) {
      return [
        fieldErrors.required(
          path.child(field, 'nameservers'),
          'must provide at least one DNS nameserver when `dnsPolicy` is None',
        ),
      ];
    }
  }
  if (!config) return errs;
  const nameservers = strsAt(config, 'nameservers') ?? [];
  if (nameservers.length > 3) {
    errs.push(
      invalidGo(
        path.child(field, 'nameservers'),
        go.slice(go.str()),
        nameservers,
        'must not have more than 3 nameservers',
      ),
    );
  }
  nameservers.forEach((ns, i) => {
    if (!isIP(ns))
      errs.push(
        invalidStr(path.index(path.child(field, 'nameservers'), i), ns, INVALID_IP_MESSAGE),
      );
  });
  const searches = strsAt(config, 'searches') ?? [];
  if (searches.length > 32) {
    errs.push(
      invalidGo(
        path.child(field, 'searches'),
        go.slice(go.str()),
        searches,
        'must not have more than 32 search paths',
      ),
    );
  }
  if (searches.join(' ').length > 2048) {
    errs.push(
      invalidGo(
        path.child(field, 'searches'),
        go.slice(go.str()),
        searches,
        'must not have more than 2048 characters (including spaces) in the search list',
      ),
    );
  }
  searches.forEach((search, i) => {
    // RelaxedDNSSearchValidation is alpha (off) in 1.32: plain DNS-1123 subdomains.
    const s = search.replace(/\.$/, '');
    for (const m of nameIsDNSSubdomain(s, false)) {
      errs.push(invalidStr(path.index(path.child(field, 'searches'), i), s, m));
    }
  });
  objsAt(config, 'options').forEach(([o, i]) => {
    if ((strAt(o, 'name') ?? '') === '') {
      errs.push(
        fieldErrors.required(path.index(path.child(field, 'options'), i), 'must not be empty'),
      );
    }
  });
  return errs;
}

/** validatePodSpecSecurityContext: id ranges and the process-namespace pairing. */
function validatePodSecurityContext(spec: Obj, field: string): FieldError[] {
  const sc = objAt(spec, 'securityContext');
  if (!sc) return [];
  const errs: FieldError[] = [];
  for (const k of ['fsGroup', 'runAsUser', 'runAsGroup'] as const) {
    const id = numAt(sc, k);
    if (id !== undefined)
      for (const m of isValidId(id)) errs.push(invalidNum(path.child(field, k), id, m));
  }
  const groups = Array.isArray(sc.supplementalGroups) ? sc.supplementalGroups : [];
  groups.forEach((gid, i) => {
    if (typeof gid !== 'number') return;
    for (const m of isValidId(gid))
      errs.push(invalidNum(path.index(path.child(field, 'supplementalGroups'), i), gid, m));
  });
  if (sc.shareProcessNamespace === true && spec.hostPID === true) {
    errs.push(
      fieldErrors.invalid(
        path.child(field, 'shareProcessNamespace'),
        'true',
        'ShareProcessNamespace and HostPID cannot both be enabled',
      ),
    );
  }
  return errs;
}

/** validatePodHostNetworkDeps: with hostNetwork, host ports must equal container ports. */
function validateHostNetworkDeps(
  spec: Obj,
  field: string,
  opts: PodValidationOptions,
): FieldError[] {
  if (spec.hostNetwork !== true) return [];
  const errs: FieldError[] = [];
  for (const [c, i] of objsAt(spec, 'containers')) {
    for (const [port, j] of objsAt(c, 'ports')) {
      const hp = numAt(port, 'hostPort') ?? 0;
      const cp = numAt(port, 'containerPort') ?? 0;
      if ((opts.resourceIsPod || hp !== 0) && hp !== cp) {
        const portPath = path.index(
          path.child(path.index(path.child(field, 'containers'), i), 'ports'),
          j,
        );
        errs.push(
          invalidNum(
            path.child(portPath, 'hostPort'),
            hp,
            'must match `containerPort` when `hostNetwork` is true',
          ),
        );
      }
    }
  }
  return errs;
}

function validateImagePullSecrets(secrets: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [s, i] of objsAt({ secrets }, 'secrets')) {
    const extra = Object.keys(s).filter((k) => k !== 'name');
    if (extra.length > 0) {
      errs.push(
        invalidGo(
          path.index(field, i),
          go.struct('core.LocalObjectReference', [['Name', 'name', go.str()]]),
          s,
          'only name may be set',
        ),
      );
    }
  }
  return errs;
}

function validateHostAliases(aliases: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [a, i] of objsAt({ aliases }, 'aliases')) {
    const p = path.index(field, i);
    const ip = strAt(a, 'ip') ?? '';
    if (!isIP(ip)) errs.push(invalidStr(path.child(p, 'ip'), ip, INVALID_IP_MESSAGE));
    (strsAt(a, 'hostnames') ?? []).forEach((h, j) => {
      for (const m of nameIsDNSSubdomain(h, false)) {
        errs.push(invalidStr(path.index(path.child(p, 'hostnames'), j), h, m));
      }
    });
  }
  return errs;
}

/** validateReadinessGates: condition types are qualified names. */
function validateReadinessGates(gates: unknown, field: string): FieldError[] {
  return objsAt({ gates }, 'gates').flatMap(([g, i]) =>
    validateLabelName(
      strAt(g, 'conditionType') ?? '',
      path.child(path.index(field, i), 'conditionType'),
    ),
  );
}

/** validateSchedulingGates: qualified names, no duplicates. */
function validateSchedulingGates(gates: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  for (const [g, i] of objsAt({ gates }, 'gates')) {
    const name = strAt(g, 'name') ?? '';
    errs.push(...validateLabelName(name, path.index(field, i)));
    if (seen.has(name)) errs.push(duplicateStr(path.index(field, i), name));
    seen.add(name);
  }
  return errs;
}

/** ValidatePodSpec. */
export function validatePodSpec(
  spec: Obj,
  field: string,
  opts: PodValidationOptions = {},
): FieldError[] {
  const errs: FieldError[] = [];
  const grace = numAt(spec, 'terminationGracePeriodSeconds');
  if (
    spec.terminationGracePeriodSeconds === undefined ||
    spec.terminationGracePeriodSeconds === null
  ) {
    errs.push(fieldErrors.required(path.child(field, 'terminationGracePeriodSeconds')));
  }
  const { volumes, errors } = validateVolumes(spec.volumes, path.child(field, 'volumes'));
  errs.push(...errors);
  const restartPolicy = strAt(spec, 'restartPolicy') ?? '';
  const ctx = { volumes, gracePeriod: grace, restartPolicy };
  errs.push(...validateContainers(spec.containers, ctx, path.child(field, 'containers')));
  errs.push(
    ...validateInitContainers(
      spec.initContainers,
      spec.containers,
      ctx,
      path.child(field, 'initContainers'),
    ),
  );
  errs.push(...validateHostNetworkDeps(spec, field, opts));
  errs.push(...validateRestartPolicy(restartPolicy, path.child(field, 'restartPolicy')));
  const dnsPolicy = strAt(spec, 'dnsPolicy') ?? '';
  errs.push(...validateDNSPolicy(dnsPolicy, path.child(field, 'dnsPolicy')));
  errs.push(...validateLabels(spec.nodeSelector, path.child(field, 'nodeSelector')));
  errs.push(...validatePodSecurityContext(spec, path.child(field, 'securityContext')));
  errs.push(
    ...validateImagePullSecrets(spec.imagePullSecrets, path.child(field, 'imagePullSecrets')),
  );
  errs.push(...validateAffinity(spec.affinity, path.child(field, 'affinity')));
  errs.push(
    ...validatePodDNSConfig(objAt(spec, 'dnsConfig'), dnsPolicy, path.child(field, 'dnsConfig')),
  );
  errs.push(...validateReadinessGates(spec.readinessGates, path.child(field, 'readinessGates')));
  errs.push(...validateSchedulingGates(spec.schedulingGates, path.child(field, 'schedulingGates')));
  errs.push(
    ...validateTopologySpreadConstraints(
      spec.topologySpreadConstraints,
      path.child(field, 'topologySpreadConstraints'),
    ),
  );
  const sa = strAt(spec, 'serviceAccountName') ?? '';
  if (sa !== '') {
    for (const m of nameIsDNSSubdomain(sa, false))
      errs.push(invalidStr(path.child(field, 'serviceAccountName'), sa, m));
  }
  const nodeName = strAt(spec, 'nodeName') ?? '';
  if (nodeName !== '') {
    for (const m of nameIsDNSSubdomain(nodeName, false))
      errs.push(invalidStr(path.child(field, 'nodeName'), nodeName, m));
  }
  const ads = numAt(spec, 'activeDeadlineSeconds');
  if (ads !== undefined && (ads < 1 || ads > MAX_INT32)) {
    errs.push(
      invalidNum(
        path.child(field, 'activeDeadlineSeconds'),
        ads,
        inclusiveRangeError(1, MAX_INT32),
      ),
    );
  }
  for (const k of ['hostname', 'subdomain'] as const) {
    const v = strAt(spec, k) ?? '';
    if (v !== '')
      for (const m of isDNS1123Label(v)) errs.push(invalidStr(path.child(field, k), v, m));
  }
  if (Array.isArray(spec.tolerations) && spec.tolerations.length > 0) {
    errs.push(...validateTolerations(spec.tolerations, path.child(field, 'tolerations')));
  }
  errs.push(...validateHostAliases(spec.hostAliases, path.child(field, 'hostAliases')));
  const pcn = strAt(spec, 'priorityClassName') ?? '';
  if (pcn !== '') {
    for (const m of nameIsDNSSubdomain(pcn, false))
      errs.push(invalidStr(path.child(field, 'priorityClassName'), pcn, m));
  }
  const runtimeClassName = strAt(spec, 'runtimeClassName');
  if (runtimeClassName !== undefined) {
    for (const m of nameIsDNSSubdomain(runtimeClassName, false)) {
      errs.push(invalidStr(path.child(field, 'runtimeClassName'), runtimeClassName, m));
    }
  }
  const preemption = spec.preemptionPolicy;
  if (preemption !== undefined && preemption !== null) {
    const value = typeof preemption === 'string' ? preemption : '';
    if (value === '') errs.push(fieldErrors.required(path.child(field, 'preemptionPolicy')));
    else if (value !== 'PreemptLowerPriority' && value !== 'Never') {
      errs.push(
        notSupportedStr(path.child(field, 'preemptionPolicy'), value, [
          'PreemptLowerPriority',
          'Never',
        ]),
      );
    }
  }
  const os = objAt(spec, 'os');
  if (os) {
    const name = strAt(os, 'name') ?? '';
    if (name === '')
      errs.push(fieldErrors.required(path.child(field, 'os', 'name'), 'cannot be empty'));
    else if (name !== 'linux' && name !== 'windows') {
      errs.push(notSupportedStr(path.child(field, 'os'), name, ['linux', 'windows']));
    }
  }
  return errs;
}

/** ValidatePodTemplateSpec: template labels and annotations, then the pod spec. */
export function validatePodTemplateSpec(template: unknown, field: string): FieldError[] {
  const t: Obj = isObj(template) ? template : {};
  const meta: Obj = isObj(t.metadata) ? t.metadata : {};
  const errs: FieldError[] = [];
  errs.push(...validateLabels(meta.labels, path.child(field, 'labels')));
  errs.push(...validateAnnotations(meta.annotations, path.child(field, 'annotations')));
  const spec: Obj = isObj(t.spec) ? t.spec : {};
  errs.push(...validatePodSpec(spec, path.child(field, 'spec')));
  if (Array.isArray(spec.ephemeralContainers) && spec.ephemeralContainers.length > 0) {
    errs.push(
      fieldErrors.forbidden(
        path.child(field, 'spec', 'ephemeralContainers'),
        'ephemeral containers not allowed in pod template',
      ),
    );
  }
  return errs;
}
