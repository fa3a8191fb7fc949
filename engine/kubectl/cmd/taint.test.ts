import { describe, expect, it } from 'vitest';
import { mutateCluster } from './mutate-testing';

describe('kubectl taint', () => {
  it('taints, refuses duplicates, untaints and modifies (golden S33)', () => {
    const { k, sim } = mutateCluster();
    expect(k('taint', 'nodes', 'node03', 'dedicated=db:NoSchedule')).toEqual({
      stdout: 'node/node03 tainted\n',
      stderr: '',
      code: 0,
    });
    expect(sim.server.get('Node', '', 'node03')!.spec).toMatchObject({
      taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }],
    });
    expect(k('taint', 'nodes', 'node03', 'dedicated=db:NoSchedule').stderr).toBe(
      'error: node node03 already has dedicated taint(s) with same effect(s) and --overwrite is false\n',
    );
    expect(k('taint', 'nodes', 'node03', 'dedicated=web:NoSchedule', '--overwrite').stdout).toBe(
      'node/node03 modified\n',
    );
    expect(k('taint', 'nodes', 'node03', 'dedicated:NoSchedule-').stdout).toBe(
      'node/node03 untainted\n',
    );
    expect(k('taint', 'nodes', 'node03', 'dedicated-')).toEqual({
      stdout: '',
      stderr: 'error: taint "dedicated" not found\n',
      code: 1,
    });
  });

  it('validates taint specs and resource types', () => {
    const { k } = mutateCluster();
    expect(k('taint', 'nodes', 'n1', 'a=b:Bad').stderr).toBe(
      "error: invalid taint effect: Bad, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n",
    );
    expect(k('taint', 'nodes', 'n1', 'a=b=c:NoSchedule').stderr).toBe(
      "error: invalid taint spec: a=b=c:NoSchedule\nSee 'kubectl taint -h' for help and examples\n",
    );
    expect(k('taint', 'nodes', '--all', 'a=b:NoSchedule', 'n1').stderr).toBe(
      'error: all resources must be specified before taint changes: n1\n',
    );
    expect(k('taint', 'pods', 'x', 'a:NoSchedule').stderr).toBe(
      'error: invalid resource type pods, only ["node" "nodes"] are supported\n',
    );
    expect(k('taint', 'nodes', 'a:NoSchedule').stderr).toBe(
      "error: at least one resource name must be specified since 'all' parameter is not set\n",
    );
    expect(k('taint', 'nodes', 'node01', 'a:NoSchedule', 'a:NoSchedule-').stderr).toBe(
      'error: can not both modify and remove the following taint(s) in the same command: a=NoSchedule\n',
    );
  });
});
