import { describe, expect, it } from 'vitest';
import { fieldErrorText } from '../../field-error';
import type { KubeObject } from '../../object';
import { clone, type Obj } from '../json';
import { createThrough, kubectlText, testContext, updateThrough } from '../testing';

function pod(spec: Obj, metadata: Obj = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', ...metadata },
    spec: { containers: [{ name: 'c', image: 'busybox' }], ...spec },
  } as KubeObject;
}

const container = (extra: Obj = {}) => ({ name: 'c', image: 'busybox', ...extra });

function errors(obj: KubeObject): string[] {
  const r = createThrough(obj);
  expect(r.status).toBeUndefined();
  return r.errors.map(fieldErrorText);
}

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe('pod create validation (ValidatePodCreate)', () => {
  it.each<[string, Obj, string[]]>([
    ['valid', {}, []],
    ['no containers', { containers: [] }, ['spec.containers: Required value']],
    [
      'container without name',
      { containers: [{ image: 'busybox' }] },
      ['spec.containers[0].name: Required value'],
    ],
    [
      'container name not a DNS label',
      { containers: [container({ name: 'Web_1' })] },
      [`spec.containers[0].name: Invalid value: "Web_1": ${LABEL_MSG}`],
    ],
    [
      'container without image',
      { containers: [{ name: 'c' }] },
      ['spec.containers[0].image: Required value'],
    ],
    [
      'duplicate container names',
      { containers: [container(), container()] },
      ['spec.containers[1].name: Duplicate value: "c"'],
    ],
    [
      'port out of range',
      { containers: [container({ ports: [{ containerPort: 70000 }] })] },
      [
        'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      ],
    ],
    [
      'port without number',
      { containers: [container({ ports: [{ name: 'http' }] })] },
      ['spec.containers[0].ports[0].containerPort: Required value'],
    ],
    [
      'unsupported protocol',
      { containers: [container({ ports: [{ containerPort: 80, protocol: 'HTTP' }] })] },
      [
        'spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      ],
    ],
    [
      'duplicate port names',
      {
        containers: [
          container({
            ports: [
              { name: 'http', containerPort: 80 },
              { name: 'http', containerPort: 81 },
            ],
          }),
        ],
      },
      ['spec.containers[0].ports[1].name: Duplicate value: "http"'],
    ],
    [
      'host port used twice',
      {
        containers: [
          container({ ports: [{ containerPort: 80, hostPort: 8080 }] }),
          container({ name: 'd', ports: [{ containerPort: 81, hostPort: 8080 }] }),
        ],
      },
      ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"'],
    ],
    [
      'env name with =',
      { containers: [container({ env: [{ name: 'A=B', value: '1' }] })] },
      [
        `spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
      ],
    ],
    [
      'env without name',
      { containers: [container({ env: [{ value: '1' }] })] },
      ['spec.containers[0].env[0].name: Required value'],
    ],
    [
      'env fieldRef not allowed',
      {
        containers: [
          container({
            env: [{ name: 'X', valueFrom: { fieldRef: { fieldPath: 'metadata.labels' } } }],
          }),
        ],
      },
      [
        'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "metadata.labels": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
      ],
    ],
    [
      'requests above limits',
      { containers: [container({ resources: { limits: { cpu: '1' }, requests: { cpu: '2' } } })] },
      [
        'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
      ],
    ],
    [
      'negative memory limit (requests copied from limits for pods)',
      { containers: [container({ resources: { limits: { memory: '-1Gi' } } })] },
      [
        'spec.containers[0].resources.limits[memory]: Invalid value: "-1Gi": must be greater than or equal to 0',
        'spec.containers[0].resources.requests[memory]: Invalid value: "-1Gi": must be greater than or equal to 0',
      ],
    ],
    [
      'unparseable quantity',
      { containers: [container({ resources: { requests: { cpu: 'lots' } } })] },
      [
        `spec.containers[0].resources.requests[cpu]: Invalid value: "lots": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
      ],
    ],
    [
      'unknown resource name',
      { containers: [container({ resources: { requests: { gpu: '1' } } })] },
      [
        'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers',
      ],
    ],
    [
      'extended resource without limit',
      { containers: [container({ resources: { requests: { 'nvidia.com/gpu': '1' } } })] },
      [
        'spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources',
      ],
    ],
    [
      'two volume sources',
      { volumes: [{ name: 'v', emptyDir: {}, hostPath: { path: '/tmp' } }] },
      ['spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type'],
    ],
    [
      'volume name not a DNS label',
      { volumes: [{ name: 'Data_1', emptyDir: {} }] },
      [`spec.volumes[0].name: Invalid value: "Data_1": ${LABEL_MSG}`],
    ],
    [
      'duplicate volume names',
      {
        volumes: [
          { name: 'v', emptyDir: {} },
          { name: 'v', emptyDir: {} },
        ],
      },
      ['spec.volumes[1].name: Duplicate value: "v"'],
    ],
    [
      'mount of an unknown volume',
      { containers: [container({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })] },
      ['spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    ],
    [
      'mount without path',
      {
        volumes: [{ name: 'data', emptyDir: {} }],
        containers: [container({ volumeMounts: [{ name: 'data' }] })],
      },
      ['spec.containers[0].volumeMounts[0].mountPath: Required value'],
    ],
    [
      'hostPath without path',
      { volumes: [{ name: 'h', hostPath: {} }] },
      ['spec.volumes[0].hostPath.path: Required value'],
    ],
    [
      'hostPath with a bad type',
      { volumes: [{ name: 'h', hostPath: { path: '/var/log', type: 'Dir' } }] },
      [
        'spec.volumes[0].hostPath.type: Unsupported value: "Dir": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"',
      ],
    ],
    [
      'hostPath with ..',
      { volumes: [{ name: 'h', hostPath: { path: '/var/../etc' } }] },
      [`spec.volumes[0].hostPath.path: Invalid value: "/var/../etc": must not contain '..'`],
    ],
    [
      'configMap volume without name',
      { volumes: [{ name: 'cm', configMap: {} }] },
      ['spec.volumes[0].configMap.name: Required value'],
    ],
    [
      'secret volume with a bad mode',
      { volumes: [{ name: 's', secret: { secretName: 's', defaultMode: 1000 } }] },
      [
        'spec.volumes[0].secret.defaultMode: Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive',
      ],
    ],
    [
      'nodeSelector with a bad key',
      { nodeSelector: { 'bad key': 'x' } },
      [
        "spec.nodeSelector: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    ],
    [
      'toleration Exists with a value',
      { tolerations: [{ key: 'k', operator: 'Exists', value: 'x' }] },
      [
        'spec.tolerations[0].operator: Invalid value: "x": value must be empty when `operator` is \'Exists\'',
      ],
    ],
    [
      'toleration with an unknown effect',
      { tolerations: [{ key: 'k', operator: 'Equal', value: 'v', effect: 'NoRun' }] },
      [
        'spec.tolerations[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      ],
    ],
    [
      'tolerationSeconds without NoExecute',
      {
        tolerations: [
          { key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 10 },
        ],
      },
      [
        'spec.tolerations[0].effect: Invalid value: "NoSchedule": effect must be \'NoExecute\' when `tolerationSeconds` is set',
      ],
    ],
    [
      'empty key without Exists',
      { tolerations: [{ operator: 'Equal', value: 'v' }] },
      [
        'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      ],
    ],
    [
      'unknown toleration operator',
      { tolerations: [{ key: 'k', operator: 'In' }] },
      [
        'spec.tolerations[0].operator: Unsupported value: "In": supported values: "Equal", "Exists"',
      ],
    ],
    [
      'node affinity without terms',
      {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] },
          },
        },
      },
      [
        'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term',
      ],
    ],
    [
      'node affinity with a bad operator',
      {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchExpressions: [{ key: 'disk', operator: 'Equals', values: ['ssd'] }] },
              ],
            },
          },
        },
      },
      [
        'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator',
      ],
    ],
    [
      'preferred affinity weight out of range',
      {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 0, preference: { matchExpressions: [{ key: 'a', operator: 'Exists' }] } },
            ],
          },
        },
      },
      [
        'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100',
      ],
    ],
    [
      'pod anti-affinity without topology key',
      {
        affinity: {
          podAntiAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: {} }],
          },
        },
      },
      [
        'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty',
        'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: "": name part must be non-empty',
        "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    ],
    [
      'unknown restartPolicy',
      { restartPolicy: 'Sometimes' },
      [
        'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      ],
    ],
    [
      'unknown dnsPolicy',
      { dnsPolicy: 'Cluster' },
      [
        'spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
      ],
    ],
    [
      'activeDeadlineSeconds 0',
      { activeDeadlineSeconds: 0 },
      ['spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive'],
    ],
    [
      'liveness probe without handler',
      { containers: [container({ livenessProbe: { periodSeconds: 5 } })] },
      ['spec.containers[0].livenessProbe: Required value: must specify a handler type'],
    ],
    [
      'liveness probe successThreshold 2',
      {
        containers: [
          container({ livenessProbe: { exec: { command: ['true'] }, successThreshold: 2 } }),
        ],
      },
      ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'],
    ],
    [
      'probe with two handlers',
      {
        containers: [
          container({ readinessProbe: { exec: { command: ['true'] }, tcpSocket: { port: 80 } } }),
        ],
      },
      [
        'spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
      ],
    ],
    [
      'httpGet probe on a bad port name',
      { containers: [container({ readinessProbe: { httpGet: { port: 'Web' } } })] },
      [
        'spec.containers[0].readinessProbe.httpGet.port: Invalid value: "Web": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      ],
    ],
    [
      'unknown imagePullPolicy',
      { containers: [container({ imagePullPolicy: 'Sometimes' })] },
      [
        'spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
      ],
    ],
    [
      'image with trailing space',
      { containers: [container({ image: 'busybox ' })] },
      [
        'spec.containers[0].image: Invalid value: "busybox ": must not have leading or trailing whitespace',
      ],
    ],
    [
      'restartPolicy on a regular container',
      { containers: [container({ restartPolicy: 'Always' })] },
      ['spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers'],
    ],
    [
      'init container with a probe',
      {
        initContainers: [
          container({ name: 'init', readinessProbe: { exec: { command: ['true'] } } }),
        ],
      },
      [
        'spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
      ],
    ],
    [
      'init container named like a container',
      { initContainers: [container()] },
      ['spec.initContainers[0].name: Duplicate value: "c"'],
    ],
  ])('%s', (_name, spec, expected) => {
    expect(errors(pod(spec))).toEqual(expected);
  });

  it('checks metadata: name, labels and annotations', () => {
    expect(
      errors(
        pod({}, { name: 'My_Pod', labels: { app: 'bad value' }, annotations: { 'x/y/z': 'v' } }),
      ),
    ).toEqual([
      "metadata.name: Invalid value: \"My_Pod\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      "metadata.labels: Invalid value: \"bad value\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      "metadata.annotations: Invalid value: \"x/y/z\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
    expect(errors(pod({}, { name: undefined }))).toEqual([
      'metadata.name: Required value: name or generateName is required',
    ]);
  });

  it('renders several causes the way kubectl does', () => {
    const r = createThrough(pod({ containers: [{ name: 'c' }], restartPolicy: 'Sometimes' }));
    expect(kubectlText(r)).toBe(
      [
        'The Pod "p" is invalid: ',
        '* spec.containers[0].image: Required value',
        '* spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      ].join('\n'),
    );
  });

  it('never throws on values of the wrong JSON type', () => {
    const weird = pod({
      containers: 'nope',
      volumes: [{ name: 5, hostPath: 'x' }],
      tolerations: 7,
      affinity: [],
      nodeSelector: ['a'],
    });
    expect(() => createThrough(weird)).not.toThrow();
    expect(errors(weird)).toContain('spec.containers: Required value');
  });
});

describe('pod update validation (ValidatePodUpdate)', () => {
  const created = () =>
    createThrough(
      pod({
        containers: [container({ command: ['sleep', '3600'] })],
        activeDeadlineSeconds: 30,
        tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }],
      }),
    ).obj;

  function update(mutate: (spec: Obj) => void) {
    const old = created();
    const next = clone(old);
    mutate(next.spec as Obj);
    return updateThrough(next, old);
  }

  it('allows changing the image and lowering activeDeadlineSeconds', () => {
    const r = update((spec) => {
      (spec.containers as Obj[])[0].image = 'busybox:1.36';
      spec.activeDeadlineSeconds = 10;
    });
    expect(r.errors).toEqual([]);
  });

  it('forbids other changes with upstream message and a diff', () => {
    const r = update((spec) => {
      (spec.containers as Obj[])[0].command = ['sleep', '10'];
    });
    const text = kubectlText(r);
    expect(text).toBe(
      [
        'The Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
        '  core.PodSpec{',
        '- \tContainers[0].Command[1]: "3600",',
        '+ \tContainers[0].Command[1]: "10",',
        '  }',
      ].join('\n'),
    );
  });

  it('rejects added containers, raised deadlines and changed tolerations', () => {
    expect(
      update((spec) => (spec.containers as Obj[]).push(container({ name: 'd' }))).errors.map(
        fieldErrorText,
      ),
    ).toEqual(['spec.containers: Forbidden: pod updates may not add or remove containers']);
    expect(update((spec) => (spec.activeDeadlineSeconds = 60)).errors.map(fieldErrorText)).toEqual([
      'spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to previous value',
    ]);
    expect(
      update((spec) => ((spec.tolerations as Obj[])[0].key = 'other')).errors.map(fieldErrorText),
    ).toContain(
      'spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
    );
  });

  it('reports a QoS change before the spec change', () => {
    const r = update((spec) => {
      (spec.containers as Obj[])[0].resources = { requests: { cpu: '100m' } };
    });
    const texts = r.errors.map(fieldErrorText);
    expect(texts[0]).toBe('metadata: Invalid value: "BestEffort": Pod QoS is immutable');
    expect(texts[1]).toMatch(/^spec: Forbidden: pod updates may not change fields other than /);
  });

  it('keeps the status and admission fields through an update', () => {
    const old = created();
    const next = clone(old);
    delete next.status;
    const r = updateThrough(next, old, testContext());
    expect(r.errors).toEqual([]);
    expect(r.obj.status).toEqual(old.status);
  });
});
