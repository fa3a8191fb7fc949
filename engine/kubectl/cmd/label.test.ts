import { describe, expect, it } from 'vitest';
import { mutateCluster } from './mutate-testing';

describe('kubectl label', () => {
  it('adds, keeps, refuses, overwrites and removes labels (golden S30/S31)', () => {
    const { k } = mutateCluster();
    expect(k('label', 'nodes', 'node01', 'node=java')).toEqual({
      stdout: 'node/node01 labeled\n',
      stderr: '',
      code: 0,
    });
    expect(k('label', 'nodes', 'node01', 'node=java').stdout).toBe('node/node01 not labeled\n');
    expect(k('label', 'nodes', 'node01', 'node=python')).toEqual({
      stdout: '',
      stderr: "error: 'node' already has a value (java), and --overwrite is false\n",
      code: 1,
    });
    expect(k('label', 'nodes', 'node01', 'node=python', '--overwrite').stdout).toBe(
      'node/node01 labeled\n',
    );
    expect(k('label', 'nodes', 'node01', 'node-').stdout).toBe('node/node01 unlabeled\n');
    expect(k('label', 'nodes', 'node01', 'nope-').stdout).toBe(
      'label "nope" not found.\nnode/node01 not labeled\n',
    );
  });

  it('lists labels and works on -l selections', () => {
    const { k } = mutateCluster();
    expect(k('label', 'no', 'node02', '--list').stdout).toBe(
      'beta.kubernetes.io/arch=amd64\nbeta.kubernetes.io/os=linux\n' +
        'kubernetes.io/arch=amd64\nkubernetes.io/hostname=node02\nkubernetes.io/os=linux\n',
    );
    expect(k('label', 'no', '-l', 'kubernetes.io/hostname=node03', '--list').stdout).toBe(
      'Listing labels for Node./node03:\n beta.kubernetes.io/arch=amd64\n beta.kubernetes.io/os=linux\n' +
        ' kubernetes.io/arch=amd64\n kubernetes.io/hostname=node03\n kubernetes.io/os=linux\n',
    );
    expect(
      k('label', 'nodes', '-l', 'kubernetes.io/hostname in (node02,node03)', 'zone=b').stdout,
    ).toBe('node/node02 labeled\nnode/node03 labeled\n');
  });

  it('reports argument and server errors as kubectl does', () => {
    const { k } = mutateCluster();
    expect(k('label', 'pods', 'x', 'a=b', 'c').stderr).toBe(
      'error: all resources must be specified before label changes: c\n',
    );
    expect(k('label', 'pods', 'x', 'a=b=c').stderr).toBe('error: invalid label spec: a=b=c\n');
    expect(k('label', 'pods', 'x', 'a=b', 'a-').stderr).toBe(
      'error: can not both modify and remove a label in the same command\n',
    );
    expect(k('label', 'pods', 'x', 'a=b', '--all', '-l', 'x=y').stderr).toBe(
      'error: cannot set --all and --selector at the same time\n',
    );
    expect(k('label', 'pods', 'nosuch', 'a=b')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nosuch" not found\n',
      code: 1,
    });
    expect(k('label', 'nodes', 'node01', 'a=b', '--resource-version=1').stderr).toMatch(
      /^Error from server \(Conflict\): Operation cannot be fulfilled on nodes "node01": the object has been modified/,
    );
  });
});

describe('kubectl annotate', () => {
  it('annotates, refuses overwrites without --overwrite and removes', () => {
    const { k } = mutateCluster();
    expect(k('annotate', 'nodes', 'node01', 'note=a=b c').stdout).toBe('node/node01 annotated\n');
    expect(k('annotate', 'nodes', 'node01', 'note=x').stderr).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (a=b c)\n",
    );
    expect(k('annotate', 'nodes', 'node01', 'note=x', '--overwrite').stdout).toBe(
      'node/node01 annotated\n',
    );
    expect(k('annotate', 'nodes', 'node01', '--list').stdout).toContain('note=x\n');
    expect(k('annotate', 'nodes', 'node01', 'note-').stdout).toBe('node/node01 annotated\n');
    expect(k('annotate', 'nodes', 'node01', 'a=b', 'a-').stderr).toBe(
      'error: can not both modify and remove the following annotation(s) in the same command: a\n',
    );
  });
});
