/**
 * Pod volumes (k/k pkg/apis/core/validation/validation.go#ValidateVolumes, #validateVolumeSource
 * and the per-source validators for the sources a learner meets: emptyDir, hostPath, secret,
 * configMap, persistentVolumeClaim, downwardAPI, projected, nfs). Other sources are counted for
 * the one-source rule but their inner fields are not checked.
 */
import type { FieldError } from '../../field-error';
import { isObj, numAt, objAt, objsAt, strAt, type Obj } from '../json';
import { compareQuantity, parseQuantity, quantityFromJson } from '../quantity';
import { validateObjectFieldSelector, validateResourceFieldSelector } from './env';
import { fieldErrors, invalidNum, invalidStr, notSupportedStr, path, duplicateStr } from './field';
import { isDNS1123Label } from './names';

const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive';

/** validateVolumeSource's checking order (not the struct's field order). */
const VALIDATION_ORDER = [
  'emptyDir',
  'hostPath',
  'gitRepo',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'flocker',
  'persistentVolumeClaim',
  'rbd',
  'cinder',
  'cephfs',
  'quobyte',
  'downwardAPI',
  'fc',
  'flexVolume',
  'configMap',
  'azureFile',
  'vsphereVolume',
  'photonPersistentDisk',
  'portworxVolume',
  'azureDisk',
  'storageos',
  'projected',
  'scaleIO',
  'csi',
  'ephemeral',
  'image',
];

/** The Forbidden path upstream uses for a second source; two keep historical typos. */
const FORBIDDEN_PATH: Record<string, string> = { downwardAPI: 'downwarAPI', cephfs: 'cephFS' };

const VOLUME_DOWNWARD_API_PATHS = new Set([
  'metadata.name',
  'metadata.namespace',
  'metadata.labels',
  'metadata.annotations',
  'metadata.uid',
]);

const HOST_PATH_TYPES = [
  '',
  'BlockDevice',
  'CharDevice',
  'Directory',
  'DirectoryOrCreate',
  'File',
  'FileOrCreate',
  'Socket',
];

/** validatePathNoBacksteps. */
export function validatePathNoBacksteps(target: string, field: string): FieldError[] {
  return target.split('/').includes('..')
    ? [invalidStr(field, target, "must not contain '..'")]
    : [];
}

/** validateLocalDescendingPath: relative and without `..`. */
export function validateLocalDescendingPath(target: string, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (target.startsWith('/')) errs.push(invalidStr(field, target, 'must be a relative path'));
  errs.push(...validatePathNoBacksteps(target, field));
  return errs;
}

/** ValidateLocalNonReservedPath. */
function validateLocalNonReservedPath(target: string, field: string): FieldError[] {
  const errs = validateLocalDescendingPath(target, field);
  if (target.startsWith('..') && !target.startsWith('../')) {
    errs.push(invalidStr(field, target, "must not start with '..'"));
  }
  return errs;
}

function validateMode(o: Obj, key: string, field: string): FieldError[] {
  const mode = numAt(o, key);
  if (mode !== undefined && (mode > 0o777 || mode < 0)) {
    return [invalidNum(path.child(field, key), mode, FILE_MODE_ERROR)];
  }
  return [];
}

function validateKeyToPath(kp: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const key = strAt(kp, 'key') ?? '';
  const p = strAt(kp, 'path') ?? '';
  if (key === '') errs.push(fieldErrors.required(path.child(field, 'key')));
  if (p === '') errs.push(fieldErrors.required(path.child(field, 'path')));
  errs.push(...validateLocalNonReservedPath(p, path.child(field, 'path')));
  errs.push(...validateMode(kp, 'mode', field));
  return errs;
}

function validateItems(source: Obj, field: string): FieldError[] {
  return objsAt(source, 'items').flatMap(([kp, i]) =>
    validateKeyToPath(kp, path.index(path.child(field, 'items'), i)),
  );
}

function validateDownwardAPIFile(file: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const p = strAt(file, 'path') ?? '';
  if (p === '') errs.push(fieldErrors.required(path.child(field, 'path')));
  errs.push(...validateLocalNonReservedPath(p, path.child(field, 'path')));
  const fieldRef = objAt(file, 'fieldRef');
  const resourceFieldRef = objAt(file, 'resourceFieldRef');
  if (fieldRef) {
    errs.push(
      ...validateObjectFieldSelector(
        fieldRef,
        VOLUME_DOWNWARD_API_PATHS,
        path.child(field, 'fieldRef'),
      ),
    );
    if (resourceFieldRef) {
      errs.push(
        invalidStr(
          field,
          'resource',
          'fieldRef and resourceFieldRef can not be specified simultaneously',
        ),
      );
    }
  } else if (resourceFieldRef) {
    errs.push(
      ...validateResourceFieldSelector(
        resourceFieldRef,
        path.child(field, 'resourceFieldRef'),
        true,
      ),
    );
  } else {
    errs.push(fieldErrors.required(field, 'one of fieldRef and resourceFieldRef is required'));
  }
  errs.push(...validateMode(file, 'mode', field));
  return errs;
}

function validateProjected(source: Obj, field: string): FieldError[] {
  const errs = validateMode(source, 'defaultMode', field);
  const allPaths = new Set<string>();
  const claim = (p: string, shown: string) => {
    if (allPaths.has(p)) errs.push(invalidStr(field, shown, 'conflicting duplicate paths'));
    else allPaths.add(p);
  };
  for (const [src, i] of objsAt(source, 'sources')) {
    const srcPath = path.index(path.child(field, 'sources'), i);
    let n = 0;
    for (const kind of ['secret', 'configMap'] as const) {
      const s = objAt(src, kind);
      if (!s) continue;
      n++;
      const projPath = path.child(srcPath, kind);
      if ((strAt(s, 'name') ?? '') === '')
        errs.push(fieldErrors.required(path.child(projPath, 'name')));
      for (const [kp, j] of objsAt(s, 'items')) {
        errs.push(...validateKeyToPath(kp, path.index(path.child(projPath, 'items'), j)));
        const p = strAt(kp, 'path') ?? '';
        if (p !== '') claim(p, strAt(s, 'name') ?? '');
      }
    }
    const downward = objAt(src, 'downwardAPI');
    if (downward) {
      n++;
      for (const [file] of objsAt(downward, 'items')) {
        errs.push(...validateDownwardAPIFile(file, path.child(srcPath, 'downwardAPI')));
        const p = strAt(file, 'path') ?? '';
        if (p !== '') claim(p, p);
      }
    }
    const token = objAt(src, 'serviceAccountToken');
    if (token) {
      n++;
      const tokenPath = path.child(srcPath, 'serviceAccountToken', 'expirationSeconds');
      const seconds = numAt(token, 'expirationSeconds') ?? 0;
      if (seconds < 600) {
        errs.push(
          invalidNum(tokenPath, seconds, 'may not specify a duration less than 10 minutes'),
        );
      }
      if (seconds > 2 ** 32) {
        errs.push(
          invalidNum(tokenPath, seconds, 'may not specify a duration larger than 2^32 seconds'),
        );
      }
      // Upstream reports the token path at the projected volume's own `path`.
      const p = strAt(token, 'path') ?? '';
      if (p === '') errs.push(fieldErrors.required(path.child(field, 'path')));
      else errs.push(...validateLocalNonReservedPath(p, path.child(field, 'path')));
    }
    if (objAt(src, 'clusterTrustBundle')) n++;
    if (n > 1) {
      errs.push(
        fieldErrors.forbidden(srcPath, 'may not specify more than 1 volume type per source'),
      );
    }
  }
  return errs;
}

/** The checks of one volume source kind. */
function validateSource(kind: string, s: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  switch (kind) {
    case 'emptyDir': {
      const limit = s.sizeLimit;
      if (limit !== undefined && limit !== null) {
        const qty = quantityFromJson(limit);
        const zero = parseQuantity('0');
        if (typeof qty !== 'string' && typeof zero !== 'string' && compareQuantity(qty, zero) < 0) {
          errs.push(
            fieldErrors.forbidden(
              path.child(field, 'sizeLimit'),
              'SizeLimit field must be a valid resource quantity',
            ),
          );
        }
      }
      break;
    }
    case 'hostPath': {
      const p = strAt(s, 'path') ?? '';
      if (p === '') return [fieldErrors.required(path.child(field, 'path'))];
      errs.push(...validatePathNoBacksteps(p, path.child(field, 'path')));
      const t = s.type;
      if (typeof t === 'string' && !HOST_PATH_TYPES.includes(t)) {
        errs.push(notSupportedStr(path.child(field, 'type'), t, HOST_PATH_TYPES));
      }
      break;
    }
    case 'secret':
      if ((strAt(s, 'secretName') ?? '') === '') {
        errs.push(fieldErrors.required(path.child(field, 'secretName')));
      }
      errs.push(...validateMode(s, 'defaultMode', field), ...validateItems(s, field));
      break;
    case 'configMap':
      if ((strAt(s, 'name') ?? '') === '')
        errs.push(fieldErrors.required(path.child(field, 'name')));
      errs.push(...validateMode(s, 'defaultMode', field), ...validateItems(s, field));
      break;
    case 'persistentVolumeClaim':
      if ((strAt(s, 'claimName') ?? '') === '') {
        errs.push(fieldErrors.required(path.child(field, 'claimName')));
      }
      break;
    case 'nfs': {
      const p = strAt(s, 'path') ?? '';
      if ((strAt(s, 'server') ?? '') === '')
        errs.push(fieldErrors.required(path.child(field, 'server')));
      if (p === '') errs.push(fieldErrors.required(path.child(field, 'path')));
      if (!p.startsWith('/'))
        errs.push(invalidStr(path.child(field, 'path'), p, 'must be an absolute path'));
      break;
    }
    case 'downwardAPI':
      errs.push(...validateMode(s, 'defaultMode', field));
      for (const [file] of objsAt(s, 'items')) errs.push(...validateDownwardAPIFile(file, field));
      break;
    case 'projected':
      errs.push(...validateProjected(s, field));
      break;
  }
  return errs;
}

/** validateVolumeSource: exactly one source, then that source's own checks. */
function validateVolumeSource(volume: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const kind of VALIDATION_ORDER) {
    const s = volume[kind];
    if (s === undefined || s === null) continue;
    if (count > 0) {
      errs.push(
        fieldErrors.forbidden(
          path.child(field, FORBIDDEN_PATH[kind] ?? kind),
          'may not specify more than 1 volume type',
        ),
      );
      continue;
    }
    count++;
    errs.push(...validateSource(kind, isObj(s) ? s : {}, path.child(field, kind)));
  }
  if (count === 0) errs.push(fieldErrors.required(field, 'must specify a volume type'));
  return errs;
}

/** ValidateVolumes: the valid volumes by name, and the errors. */
export function validateVolumes(
  volumes: unknown,
  field: string,
): { volumes: Map<string, Obj>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const byName = new Map<string, Obj>();
  if (!Array.isArray(volumes)) return { volumes: byName, errors };
  volumes.forEach((raw, i) => {
    const vol = isObj(raw) ? raw : {};
    const idxPath = path.index(field, i);
    const namePath = path.child(idxPath, 'name');
    const name = strAt(vol, 'name') ?? '';
    const el = validateVolumeSource(vol, idxPath);
    if (name === '') el.push(fieldErrors.required(namePath));
    else for (const msg of isDNS1123Label(name)) el.push(invalidStr(namePath, name, msg));
    if (byName.has(name)) el.push(duplicateStr(namePath, name));
    if (el.length === 0) byName.set(name, vol);
    else errors.push(...el);
  });
  return { volumes: byName, errors };
}
