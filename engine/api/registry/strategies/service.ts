/**
 * The Service strategy (k/k pkg/registry/core/service/strategy.go) with the parts of the service
 * REST storage that do not allocate (storage.go#normalizeClusterIPs, #patchAllocatedValues,
 * alloc.go#initIPFamilyFields for a single-stack IPv4 cluster, strategy.go#dropTypeDependentFields).
 * Allocating cluster IPs and node ports is the API server's job: see serviceAllocationNeeds.
 */
import type { KubeObject } from '../../object';
import { admitNamespaceLifecycle } from '../admission';
import { defaultService } from '../defaults/core';
import {
  ensureObj,
  isObj,
  jsonEqual,
  lenOf,
  numAt,
  objsAt,
  strAt,
  strsAt,
  type Obj,
} from '../json';
import type { Strategy } from '../strategy';
import type { FieldError } from '../../field-error';
import { go } from '../go-value';
import { invalidGo, invalidStr, path } from '../validation/field';
import { isIPv6 } from '../validation/names';
import {
  externallyAccessible,
  validateClusterIPsRelatedFields,
  validateService,
  validateServiceUpdate,
} from '../validation/service';
import { asObj, keepOldSpec, keepOldStatus } from './common';

function specOf(svc: Obj): Obj {
  return ensureObj(svc, 'spec');
}

const needsClusterIP = (spec: Obj) => strAt(spec, 'type') !== 'ExternalName';

function needsNodePort(spec: Obj): boolean {
  const type = strAt(spec, 'type');
  if (type === 'NodePort') return true;
  return type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false;
}

const needsHealthCheckNodePort = (spec: Obj) =>
  strAt(spec, 'type') === 'LoadBalancer' && strAt(spec, 'externalTrafficPolicy') === 'Local';

/** normalizeClusterIPs: keep the singular and plural cluster IP fields in step. */
function normalizeClusterIPs(spec: Obj, oldSpec: Obj | undefined): void {
  const ip = strAt(spec, 'clusterIP') ?? '';
  const ips = strsAt(spec, 'clusterIPs') ?? [];
  if (!oldSpec) {
    if (ip !== '' && ips.length === 0) spec.clusterIPs = [ip];
    return;
  }
  const oldIP = strAt(oldSpec, 'clusterIP') ?? '';
  const oldIPs = strsAt(oldSpec, 'clusterIPs') ?? [];
  if (oldIPs.length > 0 && ips.length === 0 && oldIP === ip) spec.clusterIPs = oldIPs;
  if (oldIP !== ip) {
    const same = jsonEqual(spec.clusterIPs ?? [], oldSpec.clusterIPs ?? []);
    if (oldIP !== '' && ip === '') {
      if (same) delete spec.clusterIPs;
    } else if (same) {
      spec.clusterIPs = [ip];
    }
  }
}

/** patchAllocatedValues: an update that omits allocated values keeps the old ones. */
function patchAllocatedValues(spec: Obj, oldSpec: Obj): void {
  if (needsClusterIP(oldSpec) && needsClusterIP(spec)) {
    if ((strAt(spec, 'clusterIP') ?? '') === '' && oldSpec.clusterIP !== undefined) {
      spec.clusterIP = oldSpec.clusterIP;
    }
    if (lenOf(spec.clusterIPs) === 0 && lenOf(oldSpec.clusterIPs) > 0)
      spec.clusterIPs = oldSpec.clusterIPs;
  }
  if (needsNodePort(oldSpec) && needsNodePort(spec)) {
    const used = (s: Obj) =>
      new Set(
        objsAt(s, 'ports')
          .map(([p]) => numAt(p, 'nodePort') ?? 0)
          .filter((n) => n !== 0),
      );
    const oldUsed = used(oldSpec);
    const taken = new Set([...used(spec)].filter((n) => oldUsed.has(n)));
    const byName = new Map(
      objsAt(oldSpec, 'ports').map(([p]) => [strAt(p, 'name') ?? '', numAt(p, 'nodePort') ?? 0]),
    );
    for (const [port] of objsAt(spec, 'ports')) {
      if ((numAt(port, 'nodePort') ?? 0) !== 0) continue;
      const oldValue = byName.get(strAt(port, 'name') ?? '') ?? 0;
      if (oldValue !== 0 && !taken.has(oldValue)) port.nodePort = oldValue;
    }
  }
  if (needsHealthCheckNodePort(oldSpec) && needsHealthCheckNodePort(spec)) {
    if (
      (numAt(spec, 'healthCheckNodePort') ?? 0) === 0 &&
      oldSpec.healthCheckNodePort !== undefined
    ) {
      spec.healthCheckNodePort = oldSpec.healthCheckNodePort;
    }
  }
}

/**
 * initIPFamilyFields on a single-stack IPv4 cluster: infer `ipFamilyPolicy` (the old one on
 * update, RequireDualStack for headless services without a selector, else SingleStack) and
 * `ipFamilies`. Headless selectorless services get both families even on a single-stack cluster,
 * as upstream allows. Returns the errors upstream answers with before validation even starts.
 */
function initIPFamilyFields(spec: Obj, oldSpec: Obj | undefined): FieldError[] {
  if (!needsClusterIP(spec)) return [];
  const headlessNoSelector = strAt(spec, 'clusterIP') === 'None' && lenOf(spec.selector) === 0;
  if (spec.ipFamilyPolicy === undefined || spec.ipFamilyPolicy === null) {
    if (oldSpec && typeof oldSpec.ipFamilyPolicy === 'string')
      spec.ipFamilyPolicy = oldSpec.ipFamilyPolicy;
    else spec.ipFamilyPolicy = headlessNoSelector ? 'RequireDualStack' : 'SingleStack';
  }
  const loose = validateClusterIPsRelatedFields(spec);
  if (loose.length > 0) return loose;
  const errs: FieldError[] = [];
  const policy = strAt(spec, 'ipFamilyPolicy') ?? '';
  const ips = strsAt(spec, 'clusterIPs') ?? [];
  const families = strsAt(spec, 'ipFamilies') ?? [];
  if (policy === 'SingleStack') {
    const tail = 'when multiple cluster IPs are specified';
    if (ips.length === 2) {
      errs.push(
        invalidStr(
          'spec.ipFamilyPolicy',
          policy,
          `must be 'RequireDualStack' or 'PreferDualStack' ${tail}`,
        ),
      );
    }
    if (families.length === 2) {
      errs.push(
        invalidStr(
          'spec.ipFamilyPolicy',
          policy,
          "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified",
        ),
      );
    }
  }
  for (let i = 0; i < ips.length && ips[i] !== 'None'; i++) {
    if (i < families.length) continue;
    if (isIPv6(ips[i])) {
      errs.push(
        invalidGo(
          path.index('spec.clusterIPs', i),
          go.slice(go.str()),
          ips,
          'IPv6 is not configured on this cluster',
        ),
      );
    } else {
      families.push('IPv4');
    }
  }
  if (errs.length > 0) return errs;
  if (headlessNoSelector) {
    if (families.length === 0) families.push('IPv4');
    if (families.length < 2 && policy !== 'SingleStack')
      families.push(families[0] === 'IPv4' ? 'IPv6' : 'IPv4');
    spec.ipFamilies = families;
    return [];
  }
  if (policy === 'RequireDualStack') {
    errs.push(
      invalidStr(
        'spec.ipFamilyPolicy',
        policy,
        'this cluster is not configured for dual-stack services',
      ),
    );
  }
  families.forEach((f, i) => {
    if (f !== 'IPv4')
      errs.push(invalidStr(path.index('spec.ipFamilies', i), f, 'not configured on this cluster'));
  });
  if (errs.length > 0) return errs;
  if (families.length === 0) families.push('IPv4');
  spec.ipFamilies = families;
  return [];
}

/**
 * Errors of the allocation step (initIPFamilyFields), which upstream returns on their own before
 * validation runs; kept per object between prepare and validate.
 */
const allocationErrors = new WeakMap<object, FieldError[]>();

/** dropTypeDependentFields: fields the new type no longer uses, when the user left them alone. */
function dropTypeDependentFields(spec: Obj, oldSpec: Obj): void {
  if (needsClusterIP(oldSpec) && !needsClusterIP(spec)) {
    if (spec.clusterIP === oldSpec.clusterIP && jsonEqual(spec.clusterIPs, oldSpec.clusterIPs)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (jsonEqual(spec.ipFamilies, oldSpec.ipFamilies)) delete spec.ipFamilies;
    if (spec.ipFamilyPolicy === oldSpec.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  if (needsNodePort(oldSpec) && !needsNodePort(spec)) {
    const nodePorts = (s: Obj) => objsAt(s, 'ports').map(([p]) => numAt(p, 'nodePort') ?? 0);
    if (jsonEqual(nodePorts(spec), nodePorts(oldSpec))) {
      for (const [port] of objsAt(spec, 'ports')) delete port.nodePort;
    }
  }
  if (
    needsHealthCheckNodePort(oldSpec) &&
    !needsHealthCheckNodePort(spec) &&
    spec.healthCheckNodePort === oldSpec.healthCheckNodePort
  ) {
    delete spec.healthCheckNodePort;
  }
  if (strAt(oldSpec, 'type') === 'LoadBalancer' && strAt(spec, 'type') !== 'LoadBalancer') {
    if (
      typeof spec.allocateLoadBalancerNodePorts === 'boolean' &&
      spec.allocateLoadBalancerNodePorts === oldSpec.allocateLoadBalancerNodePorts
    ) {
      delete spec.allocateLoadBalancerNodePorts;
    }
  }
  if (externallyAccessible(oldSpec) && !externallyAccessible(spec)) {
    if (spec.externalTrafficPolicy === oldSpec.externalTrafficPolicy)
      delete spec.externalTrafficPolicy;
  }
}

/**
 * What the API server must allocate for a service after prepareForCreate/prepareForUpdate and
 * before validation: a cluster IP (then set both `clusterIP` and `clusterIPs: [ip]`) and node
 * ports for the listed port indexes (and a health-check node port when `healthCheckNodePort`).
 */
export function serviceAllocationNeeds(svc: KubeObject): {
  clusterIP: boolean;
  nodePorts: number[];
  healthCheckNodePort: boolean;
} {
  const spec = isObj(svc.spec) ? (svc.spec as Obj) : {};
  const clusterIP = needsClusterIP(spec) && (strAt(spec, 'clusterIP') ?? '') === '';
  const nodePorts = needsNodePort(spec)
    ? objsAt(spec, 'ports')
        .filter(([p]) => (numAt(p, 'nodePort') ?? 0) === 0)
        .map(([, i]) => i)
    : [];
  const healthCheckNodePort =
    needsHealthCheckNodePort(spec) && (numAt(spec, 'healthCheckNodePort') ?? 0) === 0;
  return { clusterIP, nodePorts, healthCheckNodePort };
}

function takeAllocationErrors(obj: KubeObject): FieldError[] | undefined {
  const errs = allocationErrors.get(obj);
  allocationErrors.delete(obj);
  return errs && errs.length > 0 ? errs : undefined;
}

/** The Service strategy. */
export const serviceStrategy: Strategy = {
  kind: 'Service',
  namespaced: true,
  applyDefaults: (obj) => defaultService(asObj(obj)),
  admit: (obj, ctx, old) => admitNamespaceLifecycle('services', asObj(obj), ctx, old === undefined),
  prepareForCreate(obj) {
    const svc = asObj(obj);
    // LoadBalancerStatus is a struct, so a new service shows `status: {loadBalancer: {}}`.
    svc.status = { loadBalancer: {} };
    const spec = specOf(svc);
    normalizeClusterIPs(spec, undefined);
    allocationErrors.set(obj, initIPFamilyFields(spec, undefined));
  },
  prepareForUpdate(obj, old) {
    keepOldStatus(obj, old);
    const spec = specOf(asObj(obj));
    const oldSpec = isObj(old.spec) ? (old.spec as Obj) : {};
    normalizeClusterIPs(spec, oldSpec);
    patchAllocatedValues(spec, oldSpec);
    dropTypeDependentFields(spec, oldSpec);
    allocationErrors.set(obj, initIPFamilyFields(spec, oldSpec));
  },
  prepareForStatusUpdate: keepOldSpec,
  validate: (obj) => takeAllocationErrors(obj) ?? validateService(asObj(obj)),
  validateUpdate: (obj, old) =>
    takeAllocationErrors(obj) ?? validateServiceUpdate(asObj(obj), asObj(old)),
};
