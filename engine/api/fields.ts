/**
 * Field selectors (`--field-selector status.phase=Running`): the fields each kind supports and
 * matching (k8s.io/apimachinery/pkg/fields, plus each registry's GetAttrs / field label
 * conversion functions).
 */
import type { KubeObject } from './object';

/** One field requirement: `field=value` or `field!=value`. */
export interface FieldRequirement {
  field: string;
  value: string;
  negate: boolean;
}

const COMMON = ['metadata.name', 'metadata.namespace'];

/** Supported field labels per kind (registry GetAttrs / AddFieldLabelConversionFunc). */
const SUPPORTED: Record<string, readonly string[]> = {
  Pod: [
    ...COMMON,
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.podIPs',
    'status.nominatedNodeName',
  ],
  Event: [
    ...COMMON,
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  Node: [...COMMON, 'spec.unschedulable'],
  Namespace: [...COMMON, 'status.phase'],
  Secret: [...COMMON, 'type'],
  Job: [...COMMON, 'status.successful'],
  ReplicaSet: [...COMMON, 'status.replicas'],
};

/** Parses a field selector; returns an error message (as the server words it) when invalid. */
export function parseFieldSelector(
  input: string,
  kind: string,
): FieldRequirement[] | { error: string } {
  const out: FieldRequirement[] = [];
  if (input.trim() === '') return out;
  for (const part of input.split(',')) {
    const m = /^([^=!]+?)(==|!=|=)(.*)$/.exec(part.trim());
    if (!m) return { error: `invalid selector: '${input}'; can't understand '${part}'` };
    const field = m[1].trim();
    const supported = SUPPORTED[kind] ?? COMMON;
    if (!supported.includes(field)) return { error: `field label not supported: ${field}` };
    out.push({ field, value: m[3].trim(), negate: m[2] === '!=' });
  }
  return out;
}

/** The value of a supported field label on an object, as a string. */
export function fieldValue(obj: KubeObject, field: string): string {
  if (field === 'status.podIPs') field = 'status.podIP';
  if (field === 'source') field = 'source.component';
  let cur: unknown = obj;
  for (const part of field.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[part];
  }
  if (cur === undefined || cur === null) {
    // Booleans absent in the object compare as "false", as the registries render them.
    return field === 'spec.unschedulable' || field === 'spec.hostNetwork' ? 'false' : '';
  }
  return String(cur);
}

/** Whether an object satisfies every requirement. */
export function matchesFields(obj: KubeObject, reqs: readonly FieldRequirement[]): boolean {
  for (const r of reqs) {
    const equal = fieldValue(obj, r.field) === r.value;
    if (equal === r.negate) return false;
  }
  return true;
}
