import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../object';
import { readManifests } from './manifest';
import { decodeBody } from './strict';

/** The body kubectl would send for a single-document manifest. */
function body(yaml: string): JsonValue {
  const r = readManifests(yaml, 'job.yaml');
  const item = r.items[0];
  if (!item || !item.ok) throw new Error('manifest did not decode: ' + JSON.stringify(r));
  return item.value.object as unknown as JsonValue;
}

function message(yaml: string, validation: 'Strict' | 'Warn' | 'Ignore' = 'Strict'): string {
  const r = decodeBody(body(yaml), validation);
  return r.ok
    ? 'OK ' + r.warnings.join(' | ')
    : `${r.error.reason} ${r.error.code}: ${r.error.message}`;
}

const JOB = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\n';
const TEMPLATE =
  '  template:\n    spec:\n      containers:\n      - name: pi\n        image: perl\n      restartPolicy: Never\n';

describe('server-side strict decoding', () => {
  it('rejects seed 004 backOffLimit with the exact upstream text', () => {
    expect(message(JOB + 'spec:\n' + TEMPLATE + '  backOffLimit: 4\n')).toBe(
      'BadRequest 400: Job in version "v1" cannot be handled as a Job: strict decoding error: unknown field "spec.backOffLimit"',
    );
  });

  it('accepts a correct Job', () => {
    expect(message(JOB + 'spec:\n' + TEMPLATE + '  backoffLimit: 4\n')).toBe('OK ');
  });

  it('names list elements with their index and joins several errors', () => {
    const yaml =
      JOB +
      'spec:\n  template:\n    spec:\n      containers:\n      - name: pi\n        imagee: perl\n' +
      '        ports:\n        - containerPort: 80\n          protocl: TCP\n      restartPolicy: Never\n  foo: 1\n';
    expect(message(yaml)).toBe(
      'BadRequest 400: Job in version "v1" cannot be handled as a Job: strict decoding error: ' +
        'unknown field "spec.foo", unknown field "spec.template.spec.containers[0].imagee", ' +
        'unknown field "spec.template.spec.containers[0].ports[0].protocl"',
    );
  });

  it('reports Go json type errors before unknown fields', () => {
    expect(message(JOB + 'spec:\n' + TEMPLATE + '  backoffLimit: "4"\n  bogus: 1\n')).toBe(
      'BadRequest 400: Job in version "v1" cannot be handled as a Job: json: cannot unmarshal string into Go struct field JobSpec.spec.backoffLimit of type int32',
    );
    expect(message(JOB + 'spec:\n' + TEMPLATE + '  parallelism: 3000000000\n')).toBe(
      'BadRequest 400: Job in version "v1" cannot be handled as a Job: json: cannot unmarshal number 3000000000 into Go struct field JobSpec.spec.parallelism of type int32',
    );
    expect(message(JOB + 'spec:\n  template:\n    spec:\n      containers: {}\n')).toBe(
      'BadRequest 400: Job in version "v1" cannot be handled as a Job: json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container',
    );
    expect(message(JOB + 'spec:\n  template:\n    spec:\n      restartPolicy: 5\n')).toBe(
      'BadRequest 400: Job in version "v1" cannot be handled as a Job: json: cannot unmarshal number into Go struct field PodSpec.spec.template.spec.restartPolicy of type v1.RestartPolicy',
    );
  });

  it('parses quantities, IntOrString and times like their UnmarshalJSON', () => {
    const pod =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: b\n';
    expect(message(pod + '    resources:\n      limits:\n        memory: 1mm\n')).toBe(
      'BadRequest 400: Pod in version "v1" cannot be handled as a Pod: unable to parse quantity\'s suffix',
    );
    expect(message(pod + '    resources:\n      limits:\n        memory: 200Mb\n')).toBe(
      'BadRequest 400: Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
    );
    expect(
      message(pod + '    resources:\n      limits:\n        cpu: 0.5\n        memory: 1Gi\n'),
    ).toBe('OK ');
    const ds =
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: d\nspec:\n  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: ';
    expect(message(ds + '25%\n')).toBe('OK ');
    expect(message(ds + '1.5\n')).toBe(
      'BadRequest 400: DaemonSet in version "v1" cannot be handled as a DaemonSet: json: cannot unmarshal number 1.5 into Go struct field RollingUpdateDaemonSet.spec.updateStrategy.rollingUpdate.maxUnavailable of type int32',
    );
  });

  it('turns unknown fields into warnings with fieldValidation=Warn, and ignores them with Ignore', () => {
    const yaml = JOB + 'spec:\n' + TEMPLATE + '  backOffLimit: 4\n';
    expect(message(yaml, 'Warn')).toBe('OK unknown field "spec.backOffLimit"');
    expect(message(yaml, 'Ignore')).toBe('OK ');
  });
});
