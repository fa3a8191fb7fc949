/**
 * Service validation (k/k pkg/apis/core/validation/validation.go#ValidateService,
 * #validateServicePort, #ValidateServiceClusterIPsRelatedFields, #ValidateServiceUpdate and its
 * upgrade/downgrade rules that make the cluster IP immutable).
 */
import type { FieldError } from '../../field-error';
import { errorValue, go } from '../go-value';
import { goServicePort } from '../go-types';
import { isObj, numAt, objAt, objsAt, strAt, strsAt, type Obj } from '../json';
import { validatePortNumOrName } from './containers';
import {
  duplicateStr,
  fieldErrors,
  invalidGo,
  invalidNum,
  invalidStr,
  notSupportedStr,
  path,
} from './field';
import {
  isDNS1123Label,
  isIP,
  isIPv6,
  isQualifiedName,
  isValidPortNum,
  INVALID_IP_MESSAGE,
} from './names';
import {
  nameIsDNS1035Label,
  nameIsDNSSubdomain,
  validateLabels,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './object-meta';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const goStrings = go.slice(go.str());
const goIPFamilyPolicy = go.ptr(go.str('core.IPFamilyPolicy'));
const goIPFamilies = go.slice(go.str('core.IPFamily'));

function specOf(svc: Obj): Obj {
  return isObj(svc.spec) ? svc.spec : {};
}

/** isHeadlessService: exactly one cluster IP, and it is `None`. */
export function isHeadlessService(svc: Obj): boolean {
  const ips = strsAt(specOf(svc), 'clusterIPs') ?? [];
  return ips.length === 1 && ips[0] === 'None';
}

/** apiservice.ExternallyAccessible. */
export function externallyAccessible(spec: Obj): boolean {
  const type = strAt(spec, 'type');
  return (
    type === 'LoadBalancer' ||
    type === 'NodePort' ||
    (type === 'ClusterIP' && (strsAt(spec, 'externalIPs') ?? []).length > 0)
  );
}

function validateServicePort(
  sp: Obj,
  requireName: boolean,
  names: Set<string>,
  field: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const name = strAt(sp, 'name') ?? '';
  if (requireName && name === '') {
    errs.push(fieldErrors.required(path.child(field, 'name')));
  } else if (name !== '') {
    for (const m of isDNS1123Label(name)) errs.push(invalidStr(path.child(field, 'name'), name, m));
    if (names.has(name)) errs.push(duplicateStr(path.child(field, 'name'), name));
    else names.add(name);
  }
  const port = numAt(sp, 'port') ?? 0;
  for (const m of isValidPortNum(port)) errs.push(invalidNum(path.child(field, 'port'), port, m));
  const protocol = strAt(sp, 'protocol') ?? '';
  if (protocol === '') errs.push(fieldErrors.required(path.child(field, 'protocol')));
  else if (!PROTOCOLS.includes(protocol))
    errs.push(notSupportedStr(path.child(field, 'protocol'), protocol, PROTOCOLS));
  errs.push(...validatePortNumOrName(sp.targetPort ?? 0, path.child(field, 'targetPort')));
  const appProtocol = strAt(sp, 'appProtocol');
  if (appProtocol !== undefined) {
    for (const m of isQualifiedName(appProtocol))
      errs.push(invalidStr(path.child(field, 'appProtocol'), appProtocol, m));
  }
  return errs;
}

/** ValidateServiceClusterIPsRelatedFields, for a service spec. */
export function validateClusterIPsRelatedFields(spec: Obj): FieldError[] {
  return validateClusterIPs({ spec });
}

function validateClusterIPs(svc: Obj): FieldError[] {
  const spec = specOf(svc);
  if (strAt(spec, 'type') === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const clusterIP = strAt(spec, 'clusterIP') ?? '';
  const clusterIPs = strsAt(spec, 'clusterIPs') ?? [];
  const field = 'spec.clusterIPs';
  if (clusterIP !== '') {
    if (clusterIPs.length === 0) errs.push(fieldErrors.required(field));
    else if (clusterIPs[0] !== clusterIP) {
      errs.push(invalidGo(field, goStrings, clusterIPs, 'first value must match `clusterIP`'));
    }
  } else if (clusterIPs.length !== 0) {
    errs.push(
      invalidGo(field, goStrings, clusterIPs, 'must be empty when `clusterIP` is not specified'),
    );
  }
  const families = strsAt(spec, 'ipFamilies') ?? [];
  const seen = new Set<string>();
  families.forEach((f, i) => {
    const p = path.index('spec.ipFamilies', i);
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(notSupportedStr(p, f, ['IPv4', 'IPv6']));
    if (seen.has(f)) errs.push(duplicateStr(p, f));
    seen.add(f);
  });
  const policy = spec.ipFamilyPolicy;
  if (
    typeof policy === 'string' &&
    !['PreferDualStack', 'RequireDualStack', 'SingleStack'].includes(policy)
  ) {
    errs.push(
      notSupportedStr('spec.ipFamilyPolicy', policy, [
        'PreferDualStack',
        'RequireDualStack',
        'SingleStack',
      ]),
    );
  }
  let invalidIPs = false;
  clusterIPs.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (clusterIPs.length > 1) {
        invalidIPs = true;
        errs.push(
          invalidGo(field, goStrings, clusterIPs, "'None' must be the first and only value"),
        );
      }
      return;
    }
    if (!isIP(ip)) {
      invalidIPs = true;
      errs.push(invalidStr(path.index(field, i), ip, INVALID_IP_MESSAGE));
    }
  });
  if (clusterIPs.length > 2)
    errs.push(invalidGo(field, goStrings, clusterIPs, 'may only hold up to 2 values'));
  if (invalidIPs) return errs;
  if (clusterIPs.length > 1 && isIPv6(clusterIPs[0]) === isIPv6(clusterIPs[1])) {
    errs.push(
      invalidGo(field, goStrings, clusterIPs, 'may specify no more than one IP for each IP family'),
    );
  }
  if (!isHeadlessService(svc) && clusterIPs.length > 0 && families.length > 0) {
    clusterIPs.forEach((ip, i) => {
      if (i > families.length - 1) return;
      if (families[i] === 'IPv4' && isIPv6(ip)) {
        errs.push(
          invalidStr(
            path.index(field, i),
            ip,
            `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``,
          ),
        );
      }
      if (families[i] === 'IPv6' && !isIPv6(ip)) {
        errs.push(
          invalidStr(
            path.index(field, i),
            ip,
            `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``,
          ),
        );
      }
    });
  }
  return errs;
}

/** ValidateService. */
export function validateService(svc: Obj): FieldError[] {
  const errs = validateObjectMeta(svc, true, nameIsDNS1035Label);
  const spec = specOf(svc);
  const type = strAt(spec, 'type') ?? '';
  const ports = objsAt(spec, 'ports');
  const headless = isHeadlessService(svc);
  if (ports.length === 0 && !headless && type !== 'ExternalName') {
    errs.push(fieldErrors.required('spec.ports'));
  }
  const clusterIPs = strsAt(spec, 'clusterIPs') ?? [];
  if (type === 'LoadBalancer' && headless) {
    errs.push(
      invalidStr(
        'spec.clusterIPs[0]',
        clusterIPs[0],
        "may not be set to 'None' for LoadBalancer services",
      ),
    );
  } else if (type === 'NodePort' && headless) {
    errs.push(
      invalidStr(
        'spec.clusterIPs[0]',
        clusterIPs[0],
        "may not be set to 'None' for NodePort services",
      ),
    );
  } else if (type === 'ExternalName') {
    if (clusterIPs.length > 0)
      errs.push(
        fieldErrors.forbidden('spec.clusterIPs', 'may not be set for ExternalName services'),
      );
    if ((strsAt(spec, 'ipFamilies') ?? []).length > 0) {
      errs.push(
        fieldErrors.forbidden('spec.ipFamilies', 'may not be set for ExternalName services'),
      );
    }
    if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) {
      errs.push(
        fieldErrors.forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'),
      );
    }
    const cname = (strAt(spec, 'externalName') ?? '').replace(/\.$/, '');
    if (cname !== '') {
      for (const m of nameIsDNSSubdomain(cname, false))
        errs.push(invalidStr('spec.externalName', cname, m));
    } else {
      errs.push(fieldErrors.required('spec.externalName'));
    }
  }
  const names = new Set<string>();
  for (const [sp, i] of ports) {
    errs.push(...validateServicePort(sp, ports.length > 1, names, path.index('spec.ports', i)));
  }
  if (spec.selector !== undefined && spec.selector !== null) {
    errs.push(...validateLabels(spec.selector, 'spec.selector'));
  }
  const affinity = strAt(spec, 'sessionAffinity') ?? '';
  if (affinity === '') errs.push(fieldErrors.required('spec.sessionAffinity'));
  else if (affinity !== 'ClientIP' && affinity !== 'None') {
    errs.push(notSupportedStr('spec.sessionAffinity', affinity, ['ClientIP', 'None']));
  }
  const affinityConfig = objAt(spec, 'sessionAffinityConfig');
  if (affinity === 'ClientIP') {
    const when = 'when session affinity type is ClientIP';
    const clientIP = objAt(affinityConfig, 'clientIP');
    const timeout = numAt(clientIP, 'timeoutSeconds');
    if (!affinityConfig) errs.push(fieldErrors.required('spec.sessionAffinityConfig', when));
    else if (!clientIP)
      errs.push(fieldErrors.required('spec.sessionAffinityConfig.clientIP', when));
    else if (timeout === undefined) {
      errs.push(fieldErrors.required('spec.sessionAffinityConfig.clientIP.timeoutSeconds', when));
    } else if (timeout <= 0 || timeout > 86400) {
      errs.push(
        invalidNum(
          'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
          timeout,
          'must be greater than 0 and less than 86400',
        ),
      );
    }
  } else if (affinity === 'None' && affinityConfig) {
    errs.push(
      fieldErrors.forbidden(
        'spec.sessionAffinityConfig',
        'must not be set when session affinity is None',
      ),
    );
  }
  errs.push(...validateClusterIPs(svc));
  (strsAt(spec, 'externalIPs') ?? []).forEach((ip, i) => {
    if (!isIP(ip)) errs.push(invalidStr(path.index('spec.externalIPs', i), ip, INVALID_IP_MESSAGE));
  });
  if (type === '') errs.push(fieldErrors.required('spec.type'));
  else if (!SERVICE_TYPES.includes(type))
    errs.push(notSupportedStr('spec.type', type, SERVICE_TYPES));
  if (type === 'ClusterIP') {
    for (const [sp, i] of ports) {
      if ((numAt(sp, 'nodePort') ?? 0) !== 0) {
        errs.push(
          fieldErrors.forbidden(
            path.child(path.index('spec.ports', i), 'nodePort'),
            "may not be used when `type` is 'ClusterIP'",
          ),
        );
      }
    }
  }
  const nodePorts = new Set<string>();
  for (const [sp, i] of ports) {
    const nodePort = numAt(sp, 'nodePort') ?? 0;
    if (nodePort === 0) continue;
    const key = `${strAt(sp, 'protocol') ?? ''}/${nodePort}`;
    if (nodePorts.has(key))
      errs.push(
        fieldErrors.duplicate(
          path.child(path.index('spec.ports', i), 'nodePort'),
          String(nodePort),
        ),
      );
    nodePorts.add(key);
  }
  const portKeys = new Set<string>();
  for (const [sp, i] of ports) {
    const protocol = strAt(sp, 'protocol') ?? '';
    const port = numAt(sp, 'port') ?? 0;
    const key = `${protocol}/${port}`;
    if (portKeys.has(key)) {
      errs.push(
        fieldErrors.duplicate(
          path.index('spec.ports', i),
          errorValue(goServicePort, { protocol, port }),
        ),
      );
    }
    portKeys.add(key);
  }
  if (
    spec.allocateLoadBalancerNodePorts !== undefined &&
    spec.allocateLoadBalancerNodePorts !== null &&
    type !== 'LoadBalancer'
  ) {
    errs.push(
      fieldErrors.forbidden(
        'spec.allocateLoadBalancerNodePorts',
        "may only be used when `type` is 'LoadBalancer'",
      ),
    );
  }
  if (
    type === 'LoadBalancer' &&
    (spec.allocateLoadBalancerNodePorts === undefined ||
      spec.allocateLoadBalancerNodePorts === null)
  ) {
    errs.push(fieldErrors.required('allocateLoadBalancerNodePorts'));
  }
  const etp = strAt(spec, 'externalTrafficPolicy') ?? '';
  if (!externallyAccessible(spec)) {
    if (etp !== '') {
      errs.push(
        invalidStr(
          'spec.externalTrafficPolicy',
          etp,
          'may only be set for externally-accessible services',
        ),
      );
    }
  } else if (etp === '') {
    errs.push(fieldErrors.required('spec.externalTrafficPolicy'));
  } else if (etp !== 'Cluster' && etp !== 'Local') {
    errs.push(notSupportedStr('spec.externalTrafficPolicy', etp, ['Cluster', 'Local']));
  }
  const itp = spec.internalTrafficPolicy;
  if (itp === undefined || itp === null) {
    if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') {
      errs.push(fieldErrors.required('spec.internalTrafficPolicy'));
    }
  } else if (itp !== 'Cluster' && itp !== 'Local') {
    errs.push(
      notSupportedStr('spec.internalTrafficPolicy', typeof itp === 'string' ? itp : '', [
        'Cluster',
        'Local',
      ]),
    );
  }
  return errs;
}

/** validateUpgradeDowngradeClusterIPs: a service keeps its primary cluster IP. */
function validateClusterIPsUpdate(old: Obj, svc: Obj): FieldError[] {
  const spec = specOf(svc);
  const oldSpec = specOf(old);
  if (strAt(spec, 'type') === 'ExternalName' || strAt(oldSpec, 'type') === 'ExternalName')
    return [];
  if (isHeadlessService(old) && isHeadlessService(svc)) return [];
  const now = strsAt(spec, 'clusterIPs') ?? [];
  const before = strsAt(oldSpec, 'clusterIPs') ?? [];
  const errs: FieldError[] = [];
  const changed = (i: number) =>
    invalidGo(path.index('spec.clusterIPs', i), goStrings, now, 'may not change once set');
  if (now.length === before.length) {
    before.forEach((ip, i) => {
      if (ip !== now[i]) errs.push(changed(i));
    });
  } else if (before.length > now.length) {
    if (now.length === 0) {
      errs.push(
        invalidGo('spec.clusterIPs[0]', goStrings, now, 'primary clusterIP can not be unset'),
      );
    }
    if (before.length > 0 && now.length > 0 && now[0] !== before[0]) errs.push(changed(0));
    if (now.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') {
      errs.push(
        invalidGo(
          'spec.ipFamilyPolicy',
          goIPFamilyPolicy,
          spec.ipFamilyPolicy,
          "must be set to 'SingleStack' when releasing the secondary clusterIP",
        ),
      );
    }
  } else if (before.length > 0 && now[0] !== before[0]) {
    errs.push(changed(0));
  }
  return errs;
}

/** validateUpgradeDowngradeIPFamilies. */
function validateIPFamiliesUpdate(old: Obj, svc: Obj): FieldError[] {
  const spec = specOf(svc);
  const oldSpec = specOf(old);
  if (strAt(spec, 'type') === 'ExternalName' || strAt(oldSpec, 'type') === 'ExternalName')
    return [];
  if (isHeadlessService(old) !== isHeadlessService(svc) || isHeadlessService(svc)) return [];
  const now = strsAt(spec, 'ipFamilies') ?? [];
  const before = strsAt(oldSpec, 'ipFamilies') ?? [];
  const errs: FieldError[] = [];
  if (now.length === before.length) {
    before.forEach((f, i) => {
      if (f !== now[i])
        errs.push(invalidGo('spec.ipFamilies[0]', goIPFamilies, now, 'may not change once set'));
    });
  }
  return errs;
}

/** ValidateServiceUpdate. */
export function validateServiceUpdate(svc: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(svc, old);
  errs.push(...validateClusterIPsUpdate(old, svc));
  errs.push(...validateIPFamiliesUpdate(old, svc));
  errs.push(...validateService(svc));
  return errs;
}
