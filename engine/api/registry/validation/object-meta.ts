/**
 * ObjectMeta validation: apimachinery pkg/api/validation/objectmeta.go (ValidateObjectMetaAccessor,
 * ValidateObjectMetaAccessorUpdate, ValidateAnnotations, owner references, finalizers), the
 * label checks of pkg/apis/meta/v1/validation and the name functions of
 * pkg/api/validation/generic.go and path/name.go, plus core's extra finalizer-name rule.
 */
import type { FieldError } from '../../field-error';
import { go, goSharpV } from '../go-value';
import { isObj, objsAt, semanticEqual, strAt, strsAt, type Obj } from '../json';
import {
  fieldErrors,
  invalidGo,
  invalidNum,
  invalidStr,
  path,
  utf8Length,
  validateNonnegativeField,
  FIELD_IMMUTABLE_ERROR_MSG,
} from './field';
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
} from './names';

/** ValidateNameFunc: messages for a name, or for a generateName prefix when `prefix`. */
export type NameFn = (name: string, prefix: boolean) => string[];

/** maskTrailingDash: a generateName may end in '-'; upstream swaps the last two chars for 'a'. */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/** NameIsDNSSubdomain. */
export const nameIsDNSSubdomain: NameFn = (name, prefix) =>
  isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);

/** NameIsDNSLabel (namespaces, StatefulSets). */
export const nameIsDNSLabel: NameFn = (name, prefix) =>
  isDNS1123Label(prefix ? maskTrailingDash(name) : name);

/** NameIsDNS1035Label (Services). */
export const nameIsDNS1035Label: NameFn = (name, prefix) =>
  isDNS1035Label(prefix ? maskTrailingDash(name) : name);

/** path.ValidatePathSegmentName: what every name must satisfy to be a URL path segment. */
export const validatePathSegmentName: NameFn = (name, prefix) => {
  if (!prefix) {
    if (name === '.') return ["may not be '.'"];
    if (name === '..') return ["may not be '..'"];
  }
  const errs: string[] = [];
  if (name.includes('/')) errs.push("may not contain '/'");
  if (name.includes('%')) errs.push("may not contain '%'");
  return errs;
};

/** ValidateLabelName. */
export function validateLabelName(name: string, field: string): FieldError[] {
  return isQualifiedName(name).map((msg) => invalidStr(field, name, msg));
}

/**
 * ValidateLabels. @simplified: Go ranges over the map in random order; keys are visited sorted
 * so the error order is stable.
 */
export function validateLabels(labels: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObj(labels)) return errs;
  for (const k of Object.keys(labels).sort()) {
    errs.push(...validateLabelName(k, field));
    const v = labels[k];
    const value = typeof v === 'string' ? v : '';
    for (const msg of isValidLabelValue(value)) errs.push(invalidStr(field, value, msg));
  }
  return errs;
}

/** TotalAnnotationSizeLimitB: 256 KiB. */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** ValidateAnnotations: keys are qualified names (case-insensitive), total size ≤ 256 KiB. */
export function validateAnnotations(annotations: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObj(annotations)) return errs;
  let size = 0;
  for (const k of Object.keys(annotations).sort()) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalidStr(field, k, msg));
    const v = annotations[k];
    size += utf8Length(k) + utf8Length(typeof v === 'string' ? v : '');
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) {
    errs.push(fieldErrors.tooLong(field, TOTAL_ANNOTATION_SIZE_LIMIT));
  }
  return errs;
}

/** LabelSelectorValidationOptions.AllowInvalidLabelValueInSelector is the only option used. */
export function validateLabelSelector(
  selector: unknown,
  field: string,
  allowInvalidLabelValue = false,
): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObj(selector)) return errs;
  errs.push(...validateLabels(selector.matchLabels, path.child(field, 'matchLabels')));
  for (const [expr, i] of objsAt(selector, 'matchExpressions')) {
    const p = path.index(path.child(field, 'matchExpressions'), i);
    const op = strAt(expr, 'operator') ?? '';
    const values = strsAt(expr, 'values') ?? [];
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0) {
        errs.push(
          fieldErrors.required(
            path.child(p, 'values'),
            "must be specified when `operator` is 'In' or 'NotIn'",
          ),
        );
      }
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0) {
        errs.push(
          fieldErrors.forbidden(
            path.child(p, 'values'),
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        );
      }
    } else {
      errs.push(invalidStr(path.child(p, 'operator'), op, 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(strAt(expr, 'key') ?? '', path.child(p, 'key')));
    if (!allowInvalidLabelValue) {
      values.forEach((value, vi) => {
        for (const msg of isValidLabelValue(value)) {
          errs.push(invalidStr(path.index(path.child(p, 'values'), vi), value, msg));
        }
      });
    }
  }
  return errs;
}

const goOwnerReference = go.struct('v1.OwnerReference', [
  ['APIVersion', 'apiVersion', go.str()],
  ['Kind', 'kind', go.str()],
  ['Name', 'name', go.str()],
  ['UID', 'uid', go.str('types.UID')],
  ['Controller', 'controller', go.ptr(go.bool())],
  ['BlockOwnerDeletion', 'blockOwnerDeletion', go.ptr(go.bool())],
]);

/** schema.ParseGroupVersion: group and version of `apiVersion`, or undefined when malformed. */
function parseGroupVersion(apiVersion: string): { group: string; version: string } | undefined {
  if (apiVersion === '' || apiVersion === '/') return { group: '', version: '' };
  const parts = apiVersion.split('/');
  if (parts.length === 1) return { group: '', version: parts[0] };
  if (parts.length === 2) return { group: parts[0], version: parts[1] };
  return undefined;
}

/** ValidateOwnerReferences. */
export function validateOwnerReferences(refs: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!Array.isArray(refs)) return errs;
  let firstController = '';
  for (const ref of refs) {
    if (!isObj(ref)) continue;
    const apiVersion = strAt(ref, 'apiVersion') ?? '';
    const kind = strAt(ref, 'kind') ?? '';
    const name = strAt(ref, 'name') ?? '';
    const uid = strAt(ref, 'uid') ?? '';
    const gv = parseGroupVersion(apiVersion) ?? { group: '', version: '' };
    if (gv.version === '') {
      errs.push(
        invalidStr(path.child(field, 'apiVersion'), apiVersion, 'version must not be empty'),
      );
    }
    if (kind === '') errs.push(invalidStr(path.child(field, 'kind'), kind, 'must not be empty'));
    if (name === '') errs.push(invalidStr(path.child(field, 'name'), name, 'must not be empty'));
    if (uid === '') errs.push(invalidStr(path.child(field, 'uid'), uid, 'must not be empty'));
    if (gv.group === '' && gv.version === 'v1' && kind === 'Event') {
      errs.push(
        invalidGo(
          field,
          goOwnerReference,
          ref,
          '/v1, Kind=Event is disallowed from being an owner',
        ),
      );
    }
    if (ref.controller === true) {
      const current = `${kind}/${name}`;
      if (firstController !== '') {
        errs.push(
          invalidGo(
            field,
            go.slice(goOwnerReference),
            refs,
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`,
          ),
        );
      } else {
        firstController = current;
      }
    }
  }
  return errs;
}

/** ValidateFinalizerName. */
function validateFinalizerName(name: string, field: string): FieldError[] {
  return isQualifiedName(name).map((msg) => invalidStr(field, name, msg));
}

/** ValidateFinalizers (apimachinery: errors point at the list, not an index). */
export function validateFinalizers(finalizers: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const list = Array.isArray(finalizers)
    ? finalizers.filter((f): f is string => typeof f === 'string')
    : [];
  for (const f of list) errs.push(...validateFinalizerName(f, field));
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(
      invalidGo(
        field,
        go.slice(go.str()),
        list,
        'finalizer orphan and foregroundDeletion cannot be both set',
      ),
    );
  }
  return errs;
}

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** core's validateKubeFinalizerName: an unqualified finalizer must be a standard one. */
export function validateKubeFinalizerName(name: string, field: string): FieldError[] {
  if (!name.includes('/') && !STANDARD_FINALIZERS.has(name)) {
    return [
      invalidStr(
        field,
        name,
        'name is neither a standard finalizer name nor is it fully qualified',
      ),
    ];
  }
  return [];
}

function metaOf(obj: Obj): Obj {
  return isObj(obj.metadata) ? obj.metadata : {};
}

/** apimachinery ValidateObjectMetaAccessor (names checked with `nameFn`). */
export function validateObjectMetaAccessor(
  meta: Obj,
  requiresNamespace: boolean,
  nameFn: NameFn,
  field = 'metadata',
): FieldError[] {
  const errs: FieldError[] = [];
  const generateName = strAt(meta, 'generateName') ?? '';
  const name = strAt(meta, 'name') ?? '';
  const namespace = strAt(meta, 'namespace') ?? '';
  if (generateName !== '') {
    for (const msg of nameFn(generateName, true)) {
      errs.push(invalidStr(path.child(field, 'generateName'), generateName, msg));
    }
  }
  if (name === '') {
    errs.push(fieldErrors.required(path.child(field, 'name'), 'name or generateName is required'));
  } else {
    for (const msg of nameFn(name, false))
      errs.push(invalidStr(path.child(field, 'name'), name, msg));
  }
  if (requiresNamespace) {
    if (namespace === '') {
      errs.push(fieldErrors.required(path.child(field, 'namespace')));
    } else {
      for (const msg of isDNS1123Label(namespace)) {
        errs.push(invalidStr(path.child(field, 'namespace'), namespace, msg));
      }
    }
  } else if (namespace !== '') {
    errs.push(fieldErrors.forbidden(path.child(field, 'namespace'), 'not allowed on this type'));
  }
  const generation = typeof meta.generation === 'number' ? meta.generation : 0;
  errs.push(...validateNonnegativeField(generation, path.child(field, 'generation')));
  errs.push(...validateLabels(meta.labels, path.child(field, 'labels')));
  errs.push(...validateAnnotations(meta.annotations, path.child(field, 'annotations')));
  errs.push(...validateOwnerReferences(meta.ownerReferences, path.child(field, 'ownerReferences')));
  errs.push(...validateFinalizers(meta.finalizers, path.child(field, 'finalizers')));
  return errs;
}

/** core ValidateObjectMeta: the apimachinery checks plus the Kubernetes finalizer-name rule. */
export function validateObjectMeta(
  obj: Obj,
  requiresNamespace: boolean,
  nameFn: NameFn,
): FieldError[] {
  const meta = metaOf(obj);
  const errs = validateObjectMetaAccessor(meta, requiresNamespace, nameFn);
  (strsAt(meta, 'finalizers') ?? []).forEach((f, i) =>
    errs.push(...validateKubeFinalizerName(f, path.index('metadata.finalizers', i))),
  );
  return errs;
}

const goStrings = go.slice(go.str());

/** apimachinery ValidateObjectMetaAccessorUpdate. */
export function validateObjectMetaAccessorUpdate(
  meta: Obj,
  oldMeta: Obj,
  field = 'metadata',
): FieldError[] {
  const errs: FieldError[] = [];
  if (oldMeta.deletionTimestamp !== undefined && oldMeta.deletionTimestamp !== null) {
    const oldFinalizers = new Set(strsAt(oldMeta, 'finalizers') ?? []);
    const extra = [...new Set(strsAt(meta, 'finalizers') ?? [])]
      .filter((f) => !oldFinalizers.has(f))
      .sort();
    if (extra.length > 0) {
      errs.push(
        fieldErrors.forbidden(
          path.child(field, 'finalizers'),
          `no new finalizers can be added if the object is being deleted, found new finalizers ${goSharpV(goStrings, extra)}`,
        ),
      );
    }
  }
  const rv = strAt(meta, 'resourceVersion') ?? '';
  if (rv === '') {
    errs.push(
      invalidStr(path.child(field, 'resourceVersion'), rv, 'must be specified for an update'),
    );
  }
  const generation = typeof meta.generation === 'number' ? meta.generation : 0;
  const oldGeneration = typeof oldMeta.generation === 'number' ? oldMeta.generation : 0;
  if (generation < oldGeneration) {
    errs.push(invalidNum(path.child(field, 'generation'), generation, 'must not be decremented'));
  }
  for (const k of ['name', 'namespace', 'uid']) {
    const now = strAt(meta, k) ?? '';
    if (now !== (strAt(oldMeta, k) ?? '')) {
      errs.push(invalidStr(path.child(field, k), now, FIELD_IMMUTABLE_ERROR_MSG));
    }
  }
  // metav1.Time is a fmt.Stringer, so ErrorBody prints time.Time.String() unquoted.
  for (const k of ['creationTimestamp', 'deletionTimestamp']) {
    if (!semanticEqual(meta[k], oldMeta[k])) {
      const v = meta[k];
      errs.push(
        fieldErrors.invalid(
          path.child(field, k),
          typeof v === 'string' ? timeString(v) : '"null"',
          FIELD_IMMUTABLE_ERROR_MSG,
        ),
      );
    }
  }
  const grace = meta.deletionGracePeriodSeconds;
  if (!semanticEqual(grace, oldMeta.deletionGracePeriodSeconds)) {
    errs.push(
      fieldErrors.invalid(
        path.child(field, 'deletionGracePeriodSeconds'),
        typeof grace === 'number' ? String(grace) : '"null"',
        FIELD_IMMUTABLE_ERROR_MSG,
      ),
    );
  }
  errs.push(...validateLabels(meta.labels, path.child(field, 'labels')));
  errs.push(...validateAnnotations(meta.annotations, path.child(field, 'annotations')));
  errs.push(...validateOwnerReferences(meta.ownerReferences, path.child(field, 'ownerReferences')));
  return errs;
}

/** time.Time.String() of an RFC 3339 timestamp in UTC. */
function timeString(v: string): string {
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) return '0001-01-01 00:00:00 +0000 UTC';
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} +0000 UTC`;
}

/** core ValidateObjectMetaUpdate: the apimachinery checks plus the finalizer-name rule. */
export function validateObjectMetaUpdate(obj: Obj, old: Obj): FieldError[] {
  const meta = metaOf(obj);
  const errs = validateObjectMetaAccessorUpdate(meta, metaOf(old));
  (strsAt(meta, 'finalizers') ?? []).forEach((f, i) =>
    errs.push(...validateKubeFinalizerName(f, path.index('metadata.finalizers', i))),
  );
  return errs;
}

/** ValidateHasLabel: the template must carry `key=expected`. */
export function validateHasLabel(
  meta: Obj,
  field: string,
  key: string,
  expected: string,
): FieldError[] {
  const labels = isObj(meta.labels) ? meta.labels : undefined;
  const p = path.key(path.child(field, 'labels'), key);
  if (!labels || !(key in labels)) return [fieldErrors.required(p, `must be '${expected}'`)];
  if (labels[key] !== expected) {
    return [invalidGo(p, go.map(go.str(), go.str()), labels, `must be '${expected}'`)];
  }
  return [];
}
