/**
 * Pod validation (k/k pkg/apis/core/validation/validation.go#ValidatePodCreate,
 * #ValidatePodUpdate, #ValidatePodStatusUpdate). A running pod's spec is almost immutable: only
 * images, activeDeadlineSeconds, added tolerations, removed scheduling gates and a negative grace
 * period reset to 1 may change.
 */
import type { FieldError } from '../../field-error';
import { goQuote } from '../go-value';
import { clone, isObj, numAt, objAt, objsAt, semanticEqual, strAt, type Obj } from '../json';
import { computePodQOS } from '../qos';
import { validateContainersOnlyForPod } from './containers';
import { fieldErrors, invalidNum, invalidStr, path } from './field';
import { inclusiveRangeError } from './names';
import {
  nameIsDNSSubdomain,
  validateLabelName,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './object-meta';
import { validatePodSpec } from './pod-spec';
import { validateTolerations } from './scheduling';

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';
const MAX_INT32 = 2147483647;

function specOf(pod: Obj): Obj {
  return isObj(pod.spec) ? pod.spec : {};
}

function annotationsOf(pod: Obj): Record<string, unknown> {
  const meta = isObj(pod.metadata) ? pod.metadata : {};
  return isObj(meta.annotations) ? meta.annotations : {};
}

/** GetDeletionCostFromPodAnnotations: a 32-bit integer without `+` or leading zeros. */
function validDeletionCost(value: string): boolean {
  const first = value[0];
  const firstOk = first === '-' || value === '0' || (first >= '1' && first <= '9');
  if (!firstOk || !/^-?[0-9]+$/.test(value)) return false;
  const n = Number(value);
  return n >= -2147483648 && n <= MAX_INT32;
}

/** ValidatePodSpecificAnnotations (mirror pods and the deletion cost). */
function validatePodSpecificAnnotations(pod: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const annotations = annotationsOf(pod);
  const field = 'metadata.annotations';
  const mirror = annotations[MIRROR_POD_ANNOTATION];
  if (typeof mirror === 'string' && (strAt(specOf(pod), 'nodeName') ?? '') === '') {
    errs.push(
      invalidStr(
        path.key(field, MIRROR_POD_ANNOTATION),
        mirror,
        'must set spec.nodeName if mirror pod annotation is set',
      ),
    );
  }
  const cost = annotations[POD_DELETION_COST];
  if (typeof cost === 'string' && !validDeletionCost(cost)) {
    errs.push(invalidStr(path.key(field, POD_DELETION_COST), cost, 'must be a 32bit integer'));
  }
  return errs;
}

/** validatePodMetadataAndSpec. */
function validatePodMetadataAndSpec(pod: Obj): FieldError[] {
  const spec = specOf(pod);
  const errs = validateObjectMeta(pod, true, nameIsDNSSubdomain);
  errs.push(...validatePodSpecificAnnotations(pod));
  errs.push(...validatePodSpec(spec, 'spec', { resourceIsPod: true }));
  if ((strAt(spec, 'serviceAccountName') ?? '') === '') {
    for (const [vol, vi] of objsAt(spec, 'volumes')) {
      const projected = objAt(vol, 'projected');
      if (!projected) continue;
      for (const [src, si] of objsAt(projected, 'sources')) {
        if (!isObj(src.serviceAccountToken)) continue;
        const p = path.child(
          path.index(path.child(path.index('spec.volumes', vi), 'projected', 'sources'), si),
          'serviceAccountToken',
        );
        errs.push(
          fieldErrors.forbidden(p, 'must not be specified when serviceAccountName is not set'),
        );
      }
    }
  }
  errs.push(...validateContainersOnlyForPod(spec.containers, 'spec.containers'));
  errs.push(...validateContainersOnlyForPod(spec.initContainers, 'spec.initContainers'));
  return errs;
}

/** ValidatePodCreate. */
export function validatePodCreate(pod: Obj): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  const spec = specOf(pod);
  if (Array.isArray(spec.ephemeralContainers) && spec.ephemeralContainers.length > 0) {
    errs.push(fieldErrors.forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  }
  const gates = Array.isArray(spec.schedulingGates) ? spec.schedulingGates : [];
  if ((strAt(spec, 'nodeName') ?? '') !== '' && gates.length > 0) {
    errs.push(
      fieldErrors.forbidden(
        'spec.nodeName',
        'cannot be set until all schedulingGates have been cleared',
      ),
    );
  }
  return errs;
}

/** The fields a pod update may change, as the Forbidden message lists them. */
export const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

function validateContainerUpdates(
  now: unknown,
  before: unknown,
  field: string,
): { errs: FieldError[]; stop: boolean } {
  const a = Array.isArray(now) ? now : [];
  const b = Array.isArray(before) ? before : [];
  if (a.length !== b.length) {
    return {
      errs: [fieldErrors.forbidden(field, 'pod updates may not add or remove containers')],
      stop: true,
    };
  }
  const errs: FieldError[] = [];
  a.forEach((c, i) => {
    const image = strAt(c, 'image') ?? '';
    if (image === '') errs.push(fieldErrors.required(path.child(path.index(field, i), 'image')));
    if (image.trim().length !== image.length) {
      errs.push(
        invalidStr(
          path.child(path.index(field, i), 'image'),
          image,
          'must not have leading or trailing whitespace',
        ),
      );
    }
  });
  return { errs, stop: false };
}

/** validateOnlyAddedTolerations: existing tolerations stay, except their tolerationSeconds. */
function validateOnlyAddedTolerations(now: unknown, before: unknown, field: string): FieldError[] {
  const next = objsAt({ now }, 'now').map(([t]) => t);
  for (const [old] of objsAt({ before }, 'before')) {
    const found = next.some((t) =>
      semanticEqual({ ...old, tolerationSeconds: t.tolerationSeconds }, t),
    );
    if (!found) {
      return [
        fieldErrors.forbidden(
          field,
          'existing toleration can not be modified except its tolerationSeconds',
        ),
      ];
    }
  }
  return validateTolerations(now, field);
}

/** validateOnlyDeletedSchedulingGates. */
function validateOnlyDeletedSchedulingGates(
  now: unknown,
  before: unknown,
  field: string,
): FieldError[] {
  const next = objsAt({ now }, 'now');
  if (next.length === 0) return [];
  const old = new Set(objsAt({ before }, 'before').map(([g]) => strAt(g, 'name') ?? ''));
  const errs: FieldError[] = [];
  for (const [g, i] of next) {
    const name = strAt(g, 'name') ?? '';
    if (!old.has(name)) {
      errs.push(
        fieldErrors.forbidden(
          path.child(path.index(field, i), 'name'),
          `only deletion is allowed, but found new scheduling gate '${name}'`,
        ),
      );
    }
  }
  return errs;
}

/** Go field name of a JSON key: `containerPort` → `ContainerPort`. */
function goName(key: string): string {
  const special: Record<string, string> = {
    dnsPolicy: 'DNSPolicy',
    dnsConfig: 'DNSConfig',
    os: 'OS',
  };
  return special[key] ?? key.charAt(0).toUpperCase() + key.slice(1);
}

function leafText(v: unknown): string {
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function collectDiff(a: unknown, b: unknown, at: string, out: string[]): void {
  if (semanticEqual(a, b)) return;
  if (isObj(a) && isObj(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      collectDiff(a[k], b[k], at ? `${at}.${goName(k)}` : goName(k), out);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => collectDiff(x, b[i], `${at}[${i}]`, out));
    return;
  }
  if (a !== undefined && a !== null) out.push(`- \t${at}: ${leafText(a)},`);
  if (b !== undefined && b !== null) out.push(`+ \t${at}: ${leafText(b)},`);
}

/**
 * The diff under the Forbidden message (upstream: cmp.Diff(oldSpec, mungedSpec)).
 * @simplified: one `-`/`+` line per changed leaf with Go field names, not go-cmp's full tree.
 */
export function podSpecDiff(oldSpec: Obj, newSpec: Obj): string {
  const lines: string[] = [];
  collectDiff(oldSpec, newSpec, '', lines);
  return ['  core.PodSpec{', ...lines, '  }'].join('\n');
}

/** ValidatePodUpdate. */
export function validatePodUpdate(pod: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(pod, old);
  errs.push(...validatePodMetadataAndSpec(pod));
  const oldMirror = annotationsOf(old)[MIRROR_POD_ANNOTATION];
  const newMirror = annotationsOf(pod)[MIRROR_POD_ANNOTATION];
  const mirrorPath = path.key('metadata.annotations', MIRROR_POD_ANNOTATION);
  if (oldMirror !== undefined && newMirror !== oldMirror) {
    errs.push(fieldErrors.forbidden(mirrorPath, 'may not remove or update mirror pod annotation'));
  } else if (oldMirror === undefined && newMirror !== undefined) {
    errs.push(fieldErrors.forbidden(mirrorPath, 'may not add mirror pod annotation'));
  }
  const spec = specOf(pod);
  const oldSpec = specOf(old);
  for (const k of ['containers', 'initContainers'] as const) {
    const r = validateContainerUpdates(spec[k], oldSpec[k], path.child('spec', k));
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const ads = numAt(spec, 'activeDeadlineSeconds');
  const oldAds = numAt(oldSpec, 'activeDeadlineSeconds');
  if (ads !== undefined) {
    if (ads < 0 || ads > MAX_INT32) {
      errs.push(invalidNum('spec.activeDeadlineSeconds', ads, inclusiveRangeError(0, MAX_INT32)));
      return errs;
    }
    if (oldAds !== undefined && oldAds < ads) {
      errs.push(
        invalidNum(
          'spec.activeDeadlineSeconds',
          ads,
          'must be less than or equal to previous value',
        ),
      );
      return errs;
    }
  } else if (oldAds !== undefined) {
    errs.push(
      fieldErrors.invalid(
        'spec.activeDeadlineSeconds',
        '"null"',
        'must not update from a positive integer to nil value',
      ),
    );
  }
  errs.push(
    ...validateOnlyAddedTolerations(spec.tolerations, oldSpec.tolerations, 'spec.tolerations'),
  );
  errs.push(
    ...validateOnlyDeletedSchedulingGates(
      spec.schedulingGates,
      oldSpec.schedulingGates,
      'spec.schedulingGates',
    ),
  );
  if (semanticEqual(spec, oldSpec)) return errs;
  if (computePodQOS(oldSpec) !== computePodQOS(spec)) {
    const qos = strAt(objAt(pod, 'status'), 'qosClass') ?? '';
    errs.push(invalidStr('metadata', qos, 'Pod QoS is immutable'));
  }
  const munged = clone(spec);
  for (const k of ['containers', 'initContainers'] as const) {
    const list = munged[k];
    const oldList = oldSpec[k];
    if (Array.isArray(list) && Array.isArray(oldList)) {
      list.forEach((c, i) => {
        if (isObj(c) && isObj(oldList[i])) c.image = (oldList[i] as Obj).image;
      });
    }
  }
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.schedulingGates = oldSpec.schedulingGates;
  munged.tolerations = oldSpec.tolerations;
  const oldGrace = numAt(oldSpec, 'terminationGracePeriodSeconds');
  if (oldGrace !== undefined && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldGrace;
  }
  if (!semanticEqual(munged, oldSpec)) {
    errs.push(
      fieldErrors.forbidden(
        'spec',
        `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n${podSpecDiff(oldSpec, munged)}`,
      ),
    );
  }
  return errs;
}

const SYSTEM_CONDITIONS = new Set(['PodScheduled', 'Ready', 'Initialized']);

/** ValidatePodStatusUpdate: the checks that matter for a simulated kubelet and scheduler. */
export function validatePodStatusUpdate(pod: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(pod, old);
  const status = objAt(pod, 'status') ?? {};
  const oldStatus = objAt(old, 'status') ?? {};
  for (const [c, i] of objsAt(status, 'conditions')) {
    const type = strAt(c, 'type') ?? '';
    if (!SYSTEM_CONDITIONS.has(type)) {
      errs.push(
        ...validateLabelName(type, path.child(path.index('metadata.conditions', i), 'Type')),
      );
    }
  }
  if ((strAt(specOf(pod), 'nodeName') ?? '') !== (strAt(specOf(old), 'nodeName') ?? '')) {
    errs.push(fieldErrors.forbidden('status.nodeName', 'may not be changed directly'));
  }
  const qos = strAt(status, 'qosClass') ?? '';
  if (qos !== (strAt(oldStatus, 'qosClass') ?? '')) {
    errs.push(invalidStr('status.qosClass', qos, 'field is immutable'));
  }
  const restartPolicy = strAt(specOf(old), 'restartPolicy') ?? '';
  if (restartPolicy !== 'Always') {
    const next = objsAt(status, 'containerStatuses').map(([s]) => s);
    objsAt(oldStatus, 'containerStatuses').forEach(([s, i]) => {
      const terminated = objAt(objAt(s, 'state'), 'terminated');
      if (!terminated) return;
      if ((numAt(terminated, 'exitCode') ?? 0) !== 0 && restartPolicy === 'OnFailure') return;
      for (const n of next) {
        if (strAt(n, 'name') === strAt(s, 'name') && !objAt(objAt(n, 'state'), 'terminated')) {
          errs.push(
            fieldErrors.forbidden(
              path.child(path.index('status.containerStatuses', i), 'state'),
              'may not be transitioned to non-terminated state',
            ),
          );
        }
      }
    });
  }
  return errs;
}
