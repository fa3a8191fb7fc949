/**
 * Nothing in the registry may throw: malformed objects (wrong JSON types anywhere) must come back
 * as field errors. Property test with a fixed seed over every kind.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../object';
import { clone, type Obj } from './json';
import { createThrough, statusUpdateThrough, updateThrough } from './testing';

const KINDS: [string, string, Obj][] = [
  ['v1', 'Pod', { containers: [{ name: 'c', image: 'busybox' }] }],
  ['v1', 'Service', { ports: [{ port: 80 }] }],
  ['v1', 'Namespace', {}],
  ['v1', 'Node', {}],
  [
    'batch/v1',
    'Job',
    { template: { spec: { containers: [{ name: 'c', image: 'x' }], restartPolicy: 'Never' } } },
  ],
  [
    'batch/v1',
    'CronJob',
    { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: {} } } } },
  ],
  [
    'apps/v1',
    'DaemonSet',
    { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } } } },
  ],
  [
    'apps/v1',
    'Deployment',
    { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } } } },
  ],
  ['apps/v1', 'ReplicaSet', { selector: { matchLabels: { a: 'b' } } }],
];

const PATHS = [
  ['spec'],
  ['spec', 'containers'],
  ['spec', 'containers', 0],
  ['spec', 'containers', 0, 'ports'],
  ['spec', 'containers', 0, 'resources'],
  ['spec', 'containers', 0, 'env'],
  ['spec', 'volumes'],
  ['spec', 'tolerations'],
  ['spec', 'affinity'],
  ['spec', 'selector'],
  ['spec', 'selector', 'matchLabels'],
  ['spec', 'template'],
  ['spec', 'template', 'metadata'],
  ['spec', 'template', 'metadata', 'labels'],
  ['spec', 'template', 'spec'],
  ['spec', 'template', 'spec', 'containers'],
  ['spec', 'jobTemplate'],
  ['spec', 'updateStrategy'],
  ['spec', 'strategy', 'rollingUpdate'],
  ['spec', 'ports'],
  ['spec', 'ports', 0, 'targetPort'],
  ['spec', 'podFailurePolicy'],
  ['metadata'],
  ['metadata', 'labels'],
  ['metadata', 'annotations'],
  ['metadata', 'ownerReferences'],
  ['metadata', 'finalizers'],
  ['status'],
] as const;

function setPath(obj: Obj, p: readonly (string | number)[], value: unknown): void {
  let cur: unknown = obj;
  for (let i = 0; i < p.length - 1; i++) {
    const k = p[i];
    const next = (cur as Record<string | number, unknown>)[k];
    if (typeof next !== 'object' || next === null) {
      (cur as Record<string | number, unknown>)[k] = typeof p[i + 1] === 'number' ? [] : {};
    }
    cur = (cur as Record<string | number, unknown>)[k];
  }
  (cur as Record<string | number, unknown>)[p[p.length - 1]] = value;
}

describe('robustness', () => {
  it('never throws on wrongly typed fields', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        fc.array(fc.tuple(fc.constantFrom(...PATHS), fc.jsonValue({ maxDepth: 3 })), {
          minLength: 1,
          maxLength: 4,
        }),
        ([apiVersion, kind, spec], edits) => {
          const obj: Obj = { apiVersion, kind, metadata: { name: 'x' }, spec: clone(spec) };
          for (const [p, value] of edits) setPath(obj, p, value);
          if (
            typeof obj.metadata !== 'object' ||
            obj.metadata === null ||
            Array.isArray(obj.metadata)
          ) {
            obj.metadata = { name: 'x' };
          }
          const created = createThrough(obj as unknown as KubeObject);
          expect(Array.isArray(created.errors)).toBe(true);
          const old = createThrough({
            apiVersion,
            kind,
            metadata: { name: 'x' },
            spec: clone(spec),
          } as unknown as KubeObject).obj;
          const next = clone(obj) as unknown as KubeObject;
          (next.metadata as Obj).resourceVersion = '1';
          expect(Array.isArray(updateThrough(next, old).errors)).toBe(true);
          expect(Array.isArray(statusUpdateThrough(clone(next), old).errors)).toBe(true);
        },
      ),
      { seed: 20250115, numRuns: 400 },
    );
  });
});
