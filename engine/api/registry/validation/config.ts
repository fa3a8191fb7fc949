/**
 * Validation of the namespaced configuration kinds (k/k pkg/apis/core/validation/validation.go
 * #ValidateConfigMap, #ValidateSecret and their updates, #ValidateServiceAccount, #ValidateEndpoints,
 * and pkg/apis/core/validation/events.go#ValidateEventCreate for core/v1 events).
 */
import type { FieldError } from '../../field-error';
import { isObj, numAt, objAt, objsAt, semanticEqual, strAt, type Obj } from '../json';
import {
  fieldErrors,
  invalidNum,
  invalidStr,
  notSupportedStr,
  path,
  validateImmutableField,
} from './field';
import { go } from '../go-value';
import {
  isConfigMapKey,
  isDNS1123Label,
  isDNS1123Subdomain,
  isIP,
  isQualifiedName,
  isValidPortNum,
  INVALID_IP_MESSAGE,
} from './names';
import { nameIsDNSSubdomain, validateObjectMeta, validateObjectMetaUpdate } from './object-meta';

/** core.MaxSecretSize: 1 MiB for a Secret's data or a ConfigMap's data and binaryData. */
export const MAX_SECRET_SIZE = 1024 * 1024;

/** Length in bytes of a base64 value (what Go sees after decoding []byte fields). */
function decodedLength(v: unknown): number {
  if (typeof v !== 'string') return 0;
  const clean = v.replace(/=+$/, '');
  return Math.floor((clean.length * 3) / 4);
}

function utf8Length(v: unknown): number {
  if (typeof v !== 'string') return 0;
  let n = 0;
  for (const ch of v) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** ValidateConfigMap. */
export function validateConfigMap(cm: Obj): FieldError[] {
  const errs = validateObjectMeta(cm, true, nameIsDNSSubdomain);
  const data = isObj(cm.data) ? cm.data : {};
  const binary = isObj(cm.binaryData) ? cm.binaryData : {};
  let total = 0;
  for (const key of Object.keys(data).sort()) {
    for (const msg of isConfigMapKey(key)) errs.push(invalidStr(path.key('data', key), key, msg));
    if (key in binary)
      errs.push(invalidStr(path.key('data', key), key, 'duplicate of key present in binaryData'));
    total += utf8Length(data[key]);
  }
  for (const key of Object.keys(binary).sort()) {
    for (const msg of isConfigMapKey(key))
      errs.push(invalidStr(path.key('binaryData', key), key, msg));
    total += decodedLength(binary[key]);
  }
  if (total > MAX_SECRET_SIZE) errs.push(fieldErrors.tooLong('', MAX_SECRET_SIZE));
  return errs;
}

/** ValidateConfigMapUpdate: an immutable ConfigMap keeps its data. */
export function validateConfigMapUpdate(cm: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(cm, old);
  if (old.immutable === true) {
    const msg = 'field is immutable when `immutable` is set';
    if (cm.immutable !== true) errs.push(fieldErrors.forbidden('immutable', msg));
    if (!semanticEqual(cm.data, old.data)) errs.push(fieldErrors.forbidden('data', msg));
    if (!semanticEqual(cm.binaryData, old.binaryData))
      errs.push(fieldErrors.forbidden('binaryData', msg));
  }
  errs.push(...validateConfigMap(cm));
  return errs;
}

/** ValidateSecret, with the per-type required keys. */
export function validateSecret(secret: Obj): FieldError[] {
  const errs = validateObjectMeta(secret, true, nameIsDNSSubdomain);
  const data = isObj(secret.data) ? secret.data : {};
  let total = 0;
  for (const key of Object.keys(data).sort()) {
    for (const msg of isConfigMapKey(key)) errs.push(invalidStr(path.key('data', key), key, msg));
    total += decodedLength(data[key]);
  }
  if (total > MAX_SECRET_SIZE) errs.push(fieldErrors.tooLong('data', MAX_SECRET_SIZE));
  const required = (key: string) => {
    if (!(key in data)) errs.push(fieldErrors.required(path.key('data', key)));
  };
  switch (strAt(secret, 'type') ?? '') {
    case 'kubernetes.io/service-account-token': {
      const annotations = objAt(objAt(secret, 'metadata'), 'annotations');
      if ((strAt(annotations, 'kubernetes.io/service-account.name') ?? '') === '') {
        errs.push(
          fieldErrors.required(
            path.key('metadata.annotations', 'kubernetes.io/service-account.name'),
          ),
        );
      }
      break;
    }
    case 'kubernetes.io/dockercfg':
      required('.dockercfg');
      break;
    case 'kubernetes.io/dockerconfigjson':
      required('.dockerconfigjson');
      break;
    case 'kubernetes.io/basic-auth':
      if (!('username' in data) && !('password' in data)) {
        required('username');
        required('password');
      }
      break;
    case 'kubernetes.io/ssh-auth':
      if (decodedLength(data['ssh-privatekey']) === 0) {
        errs.push(fieldErrors.required(path.key('data', 'ssh-privatekey')));
      }
      break;
    case 'kubernetes.io/tls':
      required('tls.crt');
      required('tls.key');
      break;
  }
  return errs;
}

/** ValidateSecretUpdate: the type never changes; an immutable Secret keeps its data. */
export function validateSecretUpdate(secret: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(secret, old);
  errs.push(...validateImmutableField(secret.type, old.type, 'type', go.str('core.SecretType')));
  if (old.immutable === true) {
    const msg = 'field is immutable when `immutable` is set';
    if (secret.immutable !== true) errs.push(fieldErrors.forbidden('immutable', msg));
    if (!semanticEqual(secret.data, old.data)) errs.push(fieldErrors.forbidden('data', msg));
  }
  errs.push(...validateSecret(secret));
  return errs;
}

/** ValidateServiceAccount. */
export function validateServiceAccount(sa: Obj): FieldError[] {
  return validateObjectMeta(sa, true, nameIsDNSSubdomain);
}

/** ValidateServiceAccountUpdate. */
export function validateServiceAccountUpdate(sa: Obj, old: Obj): FieldError[] {
  return [...validateObjectMetaUpdate(sa, old), ...validateServiceAccount(sa)];
}

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function validateEndpointAddress(addr: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const ip = strAt(addr, 'ip') ?? '';
  const ipPath = path.child(field, 'ip');
  if (!isIP(ip)) errs.push(invalidStr(ipPath, ip, INVALID_IP_MESSAGE));
  const hostname = strAt(addr, 'hostname') ?? '';
  if (hostname !== '')
    for (const m of isDNS1123Label(hostname))
      errs.push(invalidStr(path.child(field, 'hostname'), hostname, m));
  const nodeName = strAt(addr, 'nodeName');
  if (nodeName !== undefined) {
    for (const m of nameIsDNSSubdomain(nodeName, false))
      errs.push(invalidStr(path.child(field, 'nodeName'), nodeName, m));
  }
  if (!isIP(ip)) {
    errs.push(invalidStr(ipPath, ip, 'must be a valid IP address'));
  } else if (/^0+\.0+\.0+\.0+$/.test(ip) || ip === '::') {
    errs.push(invalidStr(ipPath, ip, `may not be unspecified (${ip})`));
  } else if (/^127\./.test(ip) || ip === '::1') {
    errs.push(invalidStr(ipPath, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  } else if (/^169\.254\./.test(ip) || /^fe[89ab]/i.test(ip)) {
    errs.push(
      invalidStr(ipPath, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'),
    );
  } else if (/^224\.0\.0\./.test(ip) || /^ff02:/i.test(ip)) {
    errs.push(
      invalidStr(
        ipPath,
        ip,
        'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)',
      ),
    );
  }
  return errs;
}

/** ValidateEndpoints (create and update). */
export function validateEndpoints(ep: Obj): FieldError[] {
  const errs = validateObjectMeta(ep, true, nameIsDNSSubdomain);
  for (const [ss, i] of objsAt(ep, 'subsets')) {
    const p = path.index('subsets', i);
    const addresses = objsAt(ss, 'addresses');
    const notReady = objsAt(ss, 'notReadyAddresses');
    if (addresses.length === 0 && notReady.length === 0) {
      errs.push(fieldErrors.required(p, 'must specify `addresses` or `notReadyAddresses`'));
    }
    for (const [a, j] of addresses)
      errs.push(...validateEndpointAddress(a, path.index(path.child(p, 'addresses'), j)));
    for (const [a, j] of notReady) {
      errs.push(...validateEndpointAddress(a, path.index(path.child(p, 'notReadyAddresses'), j)));
    }
    const ports = objsAt(ss, 'ports');
    for (const [port, j] of ports) {
      const pp = path.index(path.child(p, 'ports'), j);
      const name = strAt(port, 'name') ?? '';
      if (ports.length > 1 && name === '') errs.push(fieldErrors.required(path.child(pp, 'name')));
      else if (name !== '')
        for (const m of isDNS1123Label(name))
          errs.push(invalidStr(path.child(pp, 'name'), name, m));
      const num = numAt(port, 'port') ?? 0;
      for (const m of isValidPortNum(num)) errs.push(invalidNum(path.child(pp, 'port'), num, m));
      const protocol = strAt(port, 'protocol') ?? '';
      if (protocol === '') errs.push(fieldErrors.required(path.child(pp, 'protocol')));
      else if (!PROTOCOLS.includes(protocol))
        errs.push(notSupportedStr(path.child(pp, 'protocol'), protocol, PROTOCOLS));
    }
  }
  return errs;
}

/** ValidateEndpointsUpdate. */
export function validateEndpointsUpdate(ep: Obj, old: Obj): FieldError[] {
  return [...validateObjectMetaUpdate(ep, old), ...validateEndpoints(ep)];
}

/** legacyValidateEvent for core/v1 Events (the only version kubectl and controllers use here). */
export function validateEvent(event: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const namespace = strAt(objAt(event, 'metadata'), 'namespace') ?? '';
  const involvedNamespace = strAt(objAt(event, 'involvedObject'), 'namespace') ?? '';
  const eventTime = event.eventTime;
  if (eventTime === undefined || eventTime === null) {
    if (involvedNamespace === '') {
      if (namespace !== '' && namespace !== 'default') {
        errs.push(
          invalidStr(
            'involvedObject.namespace',
            involvedNamespace,
            'does not match event.namespace',
          ),
        );
      }
    } else if (namespace !== involvedNamespace) {
      errs.push(
        invalidStr('involvedObject.namespace', involvedNamespace, 'does not match event.namespace'),
      );
    }
  } else {
    if (involvedNamespace === '' && namespace !== 'default' && namespace !== 'kube-system') {
      errs.push(
        invalidStr('involvedObject.namespace', involvedNamespace, 'does not match event.namespace'),
      );
    }
    const controller = strAt(event, 'reportingComponent') ?? '';
    if (controller === '') errs.push(fieldErrors.required('reportingComponent'));
    for (const m of isQualifiedName(controller))
      errs.push(invalidStr('reportingComponent', controller, m));
    const instance = strAt(event, 'reportingInstance') ?? '';
    if (instance === '') errs.push(fieldErrors.required('reportingInstance'));
    if (instance.length > 128)
      errs.push(invalidStr('reportingInstance', '', 'can have at most 128 characters'));
    const action = strAt(event, 'action') ?? '';
    if (action === '') errs.push(fieldErrors.required('action'));
    if (action.length > 128) errs.push(invalidStr('action', '', 'can have at most 128 characters'));
    const reason = strAt(event, 'reason') ?? '';
    if (reason === '') errs.push(fieldErrors.required('reason'));
    if (reason.length > 128) errs.push(invalidStr('reason', '', 'can have at most 128 characters'));
    if ((strAt(event, 'message') ?? '').length > 1024) {
      errs.push(invalidStr('message', '', 'can have at most 1024 characters'));
    }
  }
  for (const m of isDNS1123Subdomain(namespace)) errs.push(invalidStr('namespace', namespace, m));
  return errs;
}

/** Event updates are validated like creates (plus metadata immutability). */
export function validateEventUpdate(event: Obj, old: Obj): FieldError[] {
  return [...validateObjectMetaUpdate(event, old), ...validateEvent(event)];
}
