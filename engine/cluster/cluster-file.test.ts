import { describe, expect, it } from 'vitest';
import { parseClusterFile, parseTaint } from './cluster-file';

describe('cluster file', () => {
  it('reads the Korean seed topology', () => {
    const spec = parseClusterFile(`
nodes:
  - {name: kube-master1, controlPlane: true}
  - {name: kube-node1}
  - {name: kube-node2, labels: {node: java}, taints: ["dedicated=db:NoSchedule"], cpu: "4", memory: 8Gi}
`);
    expect(spec).toEqual({
      nodes: [
        { name: 'kube-master1', controlPlane: true },
        { name: 'kube-node1' },
        {
          name: 'kube-node2',
          labels: { node: 'java' },
          taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }],
          cpu: '4',
          memory: '8Gi',
        },
      ],
      ageSeconds: 262800,
    });
  });

  it('names the offending field in one line', () => {
    expect(parseClusterFile('nodes: []')).toEqual({ error: 'nodes: expected a non-empty list' });
    expect(parseClusterFile('nodes: [{name: Bad_Name}]')).toEqual({
      error: 'nodes[0].name: must be a lower-case DNS name',
    });
    expect(parseClusterFile('nodes: [{name: a, taints: ["x:Sometimes"]}]')).toMatchObject({
      error: expect.stringMatching(/^nodes\[0\]\.taints\[0\]: /),
    });
    expect(parseClusterFile('nodes: [{name: a, colour: red}]')).toEqual({
      error: 'nodes[0]: unknown field "colour"',
    });
    expect(parseClusterFile('nodes: [{name: a, memory: lots}]')).toEqual({
      error: 'nodes[0].memory: "lots" is not a quantity',
    });
    expect(parseClusterFile('nodes: [a: b: c')).toMatchObject({
      error: expect.stringMatching(/^not valid YAML: /),
    });
  });

  it('parses taint strings', () => {
    expect(parseTaint('node-role.kubernetes.io/control-plane:NoSchedule')).toEqual({
      key: 'node-role.kubernetes.io/control-plane',
      effect: 'NoSchedule',
    });
    expect(parseTaint('k=v:Bogus')).toBeUndefined();
  });
});
