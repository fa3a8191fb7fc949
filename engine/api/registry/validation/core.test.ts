import { describe, expect, it } from 'vitest';
import { fieldErrorText } from '../../field-error';
import type { KubeObject } from '../../object';
import { clone, type Obj } from '../json';
import { createThrough, updateThrough } from '../testing';

const errors = (obj: KubeObject) => createThrough(obj).errors.map(fieldErrorText);

function service(spec: Obj, name = 'web'): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec } as KubeObject;
}

describe('Service validation', () => {
  it.each<[string, Obj, string[]]>([
    ['valid', { selector: { app: 'web' }, ports: [{ port: 80 }] }, []],
    ['no ports', { selector: { app: 'web' } }, ['spec.ports: Required value']],
    [
      'port 0',
      { ports: [{ port: 0 }] },
      [
        'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
        'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
      ],
    ],
    [
      'two unnamed ports',
      { ports: [{ port: 80 }, { port: 443 }] },
      ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value'],
    ],
    [
      'duplicate port',
      {
        ports: [
          { name: 'a', port: 80 },
          { name: 'b', port: 80 },
        ],
      },
      [
        'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
      ],
    ],
    [
      'unknown protocol',
      { ports: [{ port: 53, protocol: 'DNS' }] },
      ['spec.ports[0].protocol: Unsupported value: "DNS": supported values: "SCTP", "TCP", "UDP"'],
    ],
    [
      'named target port with capitals',
      { ports: [{ port: 80, targetPort: 'Http' }] },
      [
        'spec.ports[0].targetPort: Invalid value: "Http": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      ],
    ],
    [
      'unknown type',
      { type: 'Cluster', ports: [{ port: 80 }] },
      [
        'spec.type: Unsupported value: "Cluster": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
      ],
    ],
    [
      'nodePort on a ClusterIP service',
      { ports: [{ port: 80, nodePort: 30080 }] },
      ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
    ],
    [
      'bad selector value',
      { selector: { app: 'web server' }, ports: [{ port: 80 }] },
      [
        "spec.selector: Invalid value: \"web server\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      ],
    ],
    [
      'bad cluster IP',
      { clusterIP: '10.96.0.300', ports: [{ port: 80 }] },
      [
        'spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      ],
    ],
    [
      'ExternalName without a name',
      { type: 'ExternalName' },
      ['spec.externalName: Required value'],
    ],
  ])('%s', (_name, spec, expected) => {
    expect(errors(service(spec))).toEqual(expected);
  });

  it('requires a DNS-1035 name', () => {
    expect(errors(service({ ports: [{ port: 80 }] }, '1web'))).toEqual([
      "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });

  it('keeps the cluster IP once allocated', () => {
    const created = createThrough(service({ selector: { app: 'web' }, ports: [{ port: 80 }] })).obj;
    const spec = created.spec as Obj;
    spec.clusterIP = '10.96.0.10';
    spec.clusterIPs = ['10.96.0.10'];
    // A replace without the allocated fields keeps them (patchAllocatedValues).
    const replaced = clone(created);
    delete (replaced.spec as Obj).clusterIP;
    delete (replaced.spec as Obj).clusterIPs;
    const kept = updateThrough(replaced, created);
    expect(kept.errors).toEqual([]);
    expect((kept.obj.spec as Obj).clusterIPs).toEqual(['10.96.0.10']);
    const changed = clone(created);
    (changed.spec as Obj).clusterIP = '10.96.0.20';
    expect(updateThrough(changed, created).errors.map(fieldErrorText)).toEqual([
      'spec.clusterIPs[0]: Invalid value: []string{"10.96.0.20"}: may not change once set',
    ]);
  });
});

describe('Namespace, Node and configuration kinds', () => {
  it('validates namespace names as DNS labels', () => {
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'Team.A' } } as KubeObject;
    expect(errors(ns)).toEqual([
      "metadata.name: Invalid value: \"Team.A\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });

  it('validates node taints and keeps them unique by key and effect', () => {
    const node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'node01' },
      spec: {
        taints: [
          { key: 'gpu', value: 'yes', effect: 'NoSchedule' },
          { key: 'gpu', value: 'no', effect: 'NoSchedule' },
          { key: 'x', effect: 'Never' },
        ],
      },
    } as KubeObject;
    expect(errors(node)).toEqual([
      'metadata.taints[1]: Duplicate value: core.Taint{Key:"gpu", Value:"no", Effect:"NoSchedule", TimeAdded:<nil>}: taints must be unique by key and effect pair',
      'metadata.taints[2].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]);
  });

  it('validates ConfigMap and Secret keys', () => {
    const cm = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg' },
      data: { 'bad key': 'v' },
    } as KubeObject;
    expect(errors(cm)).toEqual([
      "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
    const tls = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      type: 'kubernetes.io/tls',
      data: {},
    } as KubeObject;
    expect(errors(tls)).toEqual(['data[tls.crt]: Required value', 'data[tls.key]: Required value']);
  });

  it('keeps an immutable ConfigMap and a Secret type unchanged', () => {
    const cm = createThrough({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg' },
      immutable: true,
      data: { a: '1' },
    } as KubeObject).obj;
    const next = clone(cm);
    next.data = { a: '2' };
    expect(updateThrough(next, cm).errors.map(fieldErrorText)).toEqual([
      'data: Forbidden: field is immutable when `immutable` is set',
    ]);
    const secret = createThrough({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
    } as KubeObject).obj;
    const retyped = clone(secret);
    retyped.type = 'kubernetes.io/tls';
    retyped.data = { 'tls.crt': '', 'tls.key': '' };
    expect(updateThrough(retyped, secret).errors.map(fieldErrorText)).toEqual([
      'type: Invalid value: "kubernetes.io/tls": field is immutable',
    ]);
  });

  it('checks core/v1 event namespaces', () => {
    const ev = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'e', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'p', namespace: 'other' },
    } as KubeObject;
    expect(errors(ev)).toEqual([
      'involvedObject.namespace: Invalid value: "other": does not match event.namespace',
    ]);
  });
});

describe('metadata updates', () => {
  it('keeps uid immutable; the common and strategy checks both report it', () => {
    const cm = createThrough({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg' },
    } as KubeObject).obj;
    const next = clone(cm);
    (next.metadata as Obj).uid = 'other';
    expect(updateThrough(next, cm).errors.map(fieldErrorText)).toEqual([
      'metadata.uid: Invalid value: "other": field is immutable',
      'metadata.uid: Invalid value: "other": field is immutable',
    ]);
  });

  it('needs a resourceVersion for an update', () => {
    const cm = createThrough({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg' },
    } as KubeObject).obj;
    const old = clone(cm);
    const next = clone(cm);
    (next.metadata as Obj).resourceVersion = '';
    expect(updateThrough(next, old).errors.map(fieldErrorText)).toContain(
      'metadata.resourceVersion: Invalid value: "": must be specified for an update',
    );
  });

  it('forbids new finalizers on an object being deleted', () => {
    const cm = createThrough({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg' },
    } as KubeObject).obj;
    (cm.metadata as Obj).deletionTimestamp = '2025-01-15T10:01:00Z';
    const next = clone(cm);
    (next.metadata as Obj).finalizers = ['example.com/hold'];
    expect(updateThrough(next, cm).errors.map(fieldErrorText)[0]).toBe(
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/hold"}',
    );
  });
});
