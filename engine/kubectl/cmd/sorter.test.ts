import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { naturalLess, sortObjects } from './sorter';

const obj = (name: string, extra: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, ...extra }) as KubeObject;

describe('--sort-by', () => {
  it('orders strings naturally, as sortorder.NaturalLess', () => {
    expect(naturalLess('pod-2', 'pod-10')).toBe(true);
    expect(naturalLess('pod-10', 'pod-2')).toBe(false);
    expect(naturalLess('a', 'b')).toBe(true);
    expect(naturalLess('1', 'a')).toBe(true);
    expect(naturalLess('a01', 'a1')).toBe(false);
    expect(naturalLess('a1', 'a01')).toBe(true);
    expect(naturalLess('ab', 'abc')).toBe(true);
  });

  it('sorts by numbers and quantities, missing values first', () => {
    const objs = [
      obj('c', { spec: { n: 10, mem: '1Gi' } }),
      obj('a', { spec: { n: 2, mem: '512Mi' } }),
      obj('b'),
    ];
    const names = (r: ReturnType<typeof sortObjects>) =>
      r.ok ? r.objects.map((o) => o.metadata.name) : r.error;
    expect(names(sortObjects(objs, '.spec.n'))).toEqual(['b', 'a', 'c']);
    expect(names(sortObjects(objs, '{.spec.mem}'))).toEqual(['b', 'a', 'c']);
    expect(names(sortObjects(objs, '.metadata.name'))).toEqual(['a', 'b', 'c']);
    expect(names(sortObjects(objs, '.spec.none'))).toBe(
      'couldn\'t find any field with path "{.spec.none}" in the list of objects',
    );
  });
});
