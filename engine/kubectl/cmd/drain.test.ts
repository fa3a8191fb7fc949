import { describe, expect, it } from 'vitest';
import { WORKLOADS, mutateCluster } from './mutate-testing';

describe('kubectl cordon / uncordon', () => {
  it('marks nodes (un)schedulable once (golden S40)', () => {
    const { k, sim } = mutateCluster();
    expect(k('cordon', 'node03')).toEqual({
      stdout: 'node/node03 cordoned\n',
      stderr: '',
      code: 0,
    });
    expect(sim.server.get('Node', '', 'node03')!.spec).toMatchObject({ unschedulable: true });
    expect(k('cordon', 'node03').stdout).toBe('node/node03 already cordoned\n');
    expect(k('uncordon', 'node03').stdout).toBe('node/node03 uncordoned\n');
    expect(k('uncordon', 'node03').stdout).toBe('node/node03 already uncordoned\n');
    expect(k('cordon', 'nosuch').stderr).toBe(
      'Error from server (NotFound): nodes "nosuch" not found\n',
    );
    expect(k('cordon', 'node01', '-l', 'a=b').stderr).toBe(
      "error: error: cannot specify both a node name and a --selector option\nSee 'kubectl cordon -h' for help and examples\n",
    );
  });
});

describe('kubectl drain', () => {
  it('refuses DaemonSet pods and pods without a controller, listing them', () => {
    const { k, sim } = mutateCluster(WORKLOADS);
    const ds = sim.server
      .list('Pod', { namespace: 'default' })
      .find(
        (p) =>
          p.metadata.name!.startsWith('logd-') &&
          (p.spec as { nodeName: string }).nodeName === 'node01',
      )!;
    const dsPod = `default/${ds.metadata.name}`;
    expect(k('drain', 'node01')).toEqual({
      stdout: 'node/node01 cordoned\n',
      stderr:
        `error: unable to drain node "node01" due to error: [cannot delete cannot delete Pods that declare no controller (use --force to override): default/alone, cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${dsPod}], continuing command...\n` +
        'There are pending nodes to be drained:\n node01\n' +
        'cannot delete cannot delete Pods that declare no controller (use --force to override): default/alone\n' +
        `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${dsPod}\n`,
      code: 1,
    });
    expect(k('drain', 'node01', '--ignore-daemonsets').stderr).toBe(
      'error: unable to drain node "node01" due to error: cannot delete cannot delete Pods that declare no controller (use --force to override): default/alone, continuing command...\n' +
        'There are pending nodes to be drained:\n node01\n' +
        'cannot delete cannot delete Pods that declare no controller (use --force to override): default/alone\n',
    );
  });

  it('evicts the pods, waits for them to go and reports the node drained', () => {
    const { k, sim } = mutateCluster(WORKLOADS);
    const onNode = sim.server
      .list('Pod', { namespace: 'default' })
      .filter((p) => (p.spec as { nodeName: string }).nodeName === 'node01');
    const evictable = onNode.filter((p) => !p.metadata.name!.startsWith('logd-'));
    const start = sim.now;
    const out = k('drain', 'node01', '--ignore-daemonsets', '--force');
    expect(out.code).toBe(0);
    expect(out.stderr).toMatch(
      /^Warning: deleting Pods that declare no controller: default\/alone; ignoring DaemonSet-managed Pods: default\/logd-\w+\n$/,
    );
    const lines = out.stdout.split('\n');
    expect(lines[0]).toBe('node/node01 cordoned');
    for (const p of evictable) {
      expect(lines).toContain(`evicting pod default/${p.metadata.name}`);
      expect(lines).toContain(`pod/${p.metadata.name} evicted`);
    }
    expect(out.stdout.endsWith('node/node01 drained\n')).toBe(true);
    // The bare pod ignores SIGTERM (sleep as PID 1): the drain waited its 5 s grace period.
    expect(sim.now - start).toBeGreaterThanOrEqual(5000);
    // Gone pods are noticed at waitForDelete's one-second polls.
    expect((sim.now - start) % 1000).toBe(0);
    expect(sim.server.get('Pod', 'default', 'alone')).toBeUndefined();
  });

  it('prints the dry run without touching pods', () => {
    const { k, sim } = mutateCluster(WORKLOADS);
    const out = k('drain', 'node01', '--ignore-daemonsets', '--force', '--dry-run=client');
    expect(out.stdout).toContain(
      'node/node01 cordoned (dry run)\nevicting pod default/alone (dry run)\n',
    );
    expect(out.stdout.endsWith('node/node01 drained (dry run)\n')).toBe(true);
    expect(sim.server.get('Pod', 'default', 'alone')).toBeDefined();
    expect(sim.server.get('Node', '', 'node01')!.spec).not.toMatchObject({ unschedulable: true });
  });

  it('gives up after --timeout', () => {
    const { k } = mutateCluster(
      WORKLOADS.replace('terminationGracePeriodSeconds: 5', 'terminationGracePeriodSeconds: 60'),
    );
    const out = k(
      'drain',
      'node01',
      '--ignore-daemonsets',
      '--force',
      '--timeout=2s',
      '--pod-selector=!app',
    );
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(
      'error when waiting for pod "alone" in namespace "default" to terminate: global timeout reached: 2s',
    );
    expect(out.stderr).toContain('There are pending nodes to be drained:\n node01\n');
  });
});
