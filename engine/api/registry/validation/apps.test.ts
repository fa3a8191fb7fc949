import { describe, expect, it } from 'vitest';
import { fieldErrorText } from '../../field-error';
import type { KubeObject } from '../../object';
import { clone, type Obj } from '../json';
import { createThrough, kubectlText, updateThrough } from '../testing';

function workload(
  kind: string,
  spec: Obj = {},
  podSpec: Obj = {},
  labels: Obj = { app: 'web' },
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name: 'web' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: 'web', image: 'nginx' }], ...podSpec },
      },
      ...spec,
    },
  } as KubeObject;
}

const errors = (obj: KubeObject) => createThrough(obj).errors.map(fieldErrorText);

describe('DaemonSet validation (§4.2)', () => {
  it.each<[string, Obj, Obj, string[]]>([
    ['valid', {}, {}, []],
    [
      'empty selector',
      { selector: {} },
      {},
      [
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for daemonset',
      ],
    ],
    [
      'no selector (matches nothing, no Required error)',
      { selector: undefined },
      {},
      [
        'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
      ],
    ],
    [
      'selector with a bad operator',
      { selector: { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['web'] }] } },
      {},
      [
        'spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator',
      ],
    ],
    [
      'activeDeadlineSeconds in the template',
      {},
      { activeDeadlineSeconds: 10 },
      [
        'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported',
      ],
    ],
    [
      'maxUnavailable and maxSurge both 0',
      {
        updateStrategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxUnavailable: 0, maxSurge: 0 },
        },
      },
      {},
      [
        'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
      ],
    ],
    [
      'maxUnavailable and maxSurge both set',
      {
        updateStrategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxUnavailable: 1, maxSurge: 1 },
        },
      },
      {},
      [
        'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero',
      ],
    ],
    [
      'maxUnavailable not a percent',
      { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 'half' } } },
      {},
      [
        "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"half\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
        'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
      ],
    ],
    [
      'maxUnavailable above 100%',
      { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '110%' } } },
      {},
      [
        'spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"110%"}: must not be greater than 100%',
      ],
    ],
    [
      'unknown update strategy',
      { updateStrategy: { type: 'Rolling' } },
      {},
      [
        'spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Rolling", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"',
      ],
    ],
    [
      'negative revisionHistoryLimit',
      { revisionHistoryLimit: -1 },
      {},
      ['spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0'],
    ],
  ])('%s', (_name, spec, podSpec, expected) => {
    expect(errors(workload('DaemonSet', spec, podSpec))).toEqual(expected);
  });

  it('repeats spec errors on update as upstream does (kubectl prints them once)', () => {
    const old = createThrough(workload('DaemonSet')).obj;
    const next = clone(old);
    ((next.spec as Obj).template as { spec: Obj }).spec.restartPolicy = 'Never';
    const r = updateThrough(next, old);
    expect(r.errors.map(fieldErrorText)).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
    expect(kubectlText(r)).toBe(
      'The DaemonSet "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    );
  });
});

describe('Deployment and ReplicaSet validation', () => {
  it.each<[string, string, Obj, Obj, string[]]>([
    ['Deployment', 'valid', {}, {}, []],
    [
      'Deployment',
      'no selector',
      { selector: undefined },
      {},
      [
        'spec.selector: Required value',
        'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
      ],
    ],
    [
      'Deployment',
      'empty selector',
      { selector: { matchLabels: {} } },
      {},
      [
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
      ],
    ],
    [
      'Deployment',
      'negative replicas',
      { replicas: -1 },
      {},
      ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    ],
    [
      'Deployment',
      'restartPolicy Never',
      {},
      { restartPolicy: 'Never' },
      ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    ],
    [
      'Deployment',
      'maxSurge and maxUnavailable 0',
      { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } },
      {},
      [
        'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
      ],
    ],
    [
      'Deployment',
      'rollingUpdate with Recreate',
      { strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } },
      {},
      [
        "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
      ],
    ],
    [
      'Deployment',
      'progressDeadlineSeconds not above minReadySeconds',
      { minReadySeconds: 600 },
      {},
      ['spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds'],
    ],
    ['ReplicaSet', 'template labels outside the selector', {}, {}, []],
    [
      'ReplicaSet',
      'empty selector (upstream says deployment)',
      { selector: {} },
      {},
      [
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
      ],
    ],
  ])('%s: %s', (kind, _name, spec, podSpec, expected) => {
    expect(errors(workload(kind, spec, podSpec))).toEqual(expected);
  });

  it('reports a selector/labels mismatch for ReplicaSets', () => {
    expect(errors(workload('ReplicaSet', {}, {}, { app: 'db' }))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"db"}: `selector` does not match template `labels`',
    ]);
  });

  it.each(['Deployment', 'ReplicaSet', 'DaemonSet'])('keeps the %s selector immutable', (kind) => {
    const old = createThrough(workload(kind)).obj;
    const next = clone(old);
    (next.spec as Obj).selector = { matchLabels: { app: 'web', tier: 'front' } };
    ((next.spec as Obj).template as { metadata: Obj }).metadata.labels = {
      app: 'web',
      tier: 'front',
    };
    expect(updateThrough(next, old).errors.map(fieldErrorText)).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"front"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });
});

describe('ControllerRevision validation', () => {
  it('requires data and keeps it immutable', () => {
    const rev = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: { name: 'web-abc' },
      revision: 1,
    } as KubeObject;
    expect(errors(rev)).toEqual(['data: Required value: data is mandatory']);
    const stored = createThrough({ ...rev, data: { spec: {} } } as KubeObject).obj;
    const next = clone(stored);
    next.data = { spec: { x: 1 } };
    expect(updateThrough(next, stored).errors.map(fieldErrorText)).toEqual([
      'data: Invalid value: runtime.RawExtension{…}: field is immutable',
    ]);
  });
});
