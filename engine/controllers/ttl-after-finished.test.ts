/**
 * The TTL-after-finished controller: a table of Jobs at named instants, checking whether the
 * Job is deleted (Foreground, with a UID precondition) or the key requeued for exactly when its
 * TTL runs out. It never records an event.
 */
import { describe, expect, it } from 'vitest';
import { writableMeta, type KubeObject } from '../api/object';
import { SECOND } from '../time/instant';
import { storedJob, ReconcileHarness } from './job/test-support';
import { ttlAfterFinishedController } from './ttl-after-finished';

const s = (n: number) => n * SECOND;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

const finished = (type: 'Complete' | 'Failed', at: number, ttl?: number, extra: object = {}) =>
  storedJob('t', {
    ...(ttl !== undefined ? { ttlSecondsAfterFinished: ttl } : {}),
    status: {
      startTime: iso(0),
      conditions: [{ type, status: 'True', lastProbeTime: iso(at), lastTransitionTime: iso(at) }],
    },
    ...extra,
  });

// Named instants: the Job finished at +3 s.
const finishedAt = s(3);
const beforeTtl = s(5);
const atTtl = s(8);
const longAfter = s(3600);

const cases: Array<{
  name: string;
  job: KubeObject;
  at: number;
  deleted: boolean;
  requeue?: number;
}> = [
  {
    name: 'a running Job is not touched',
    job: storedJob('t', { ttlSecondsAfterFinished: 5 }),
    at: longAfter,
    deleted: false,
  },
  {
    name: 'a finished Job without a TTL stays',
    job: finished('Complete', finishedAt),
    at: longAfter,
    deleted: false,
  },
  {
    name: 'before the TTL: requeue for exactly when it runs out',
    job: finished('Complete', finishedAt, 5),
    at: beforeTtl,
    deleted: false,
    requeue: s(3),
  },
  {
    name: 'at the TTL: deleted',
    job: finished('Complete', finishedAt, 5),
    at: atTtl,
    deleted: true,
  },
  {
    name: 'a failed Job is deleted too',
    job: finished('Failed', finishedAt, 5),
    at: atTtl,
    deleted: true,
  },
  {
    name: 'ttl 0 deletes right after finishing',
    job: finished('Complete', finishedAt, 0),
    at: finishedAt,
    deleted: true,
  },
  {
    name: 'a Job already being deleted is left to the garbage collector',
    job: (() => {
      const job = finished('Complete', finishedAt, 0);
      writableMeta(job.metadata).deletionTimestamp = iso(s(4));
      job.metadata.finalizers = ['foregroundDeletion'];
      return job;
    })(),
    at: atTtl,
    deleted: false,
  },
];

describe('ttl-after-finished controller', () => {
  for (const c of cases) {
    it(c.name, () => {
      const h = new ReconcileHarness(ttlAfterFinishedController, [c.job], c.at);
      const before = h.get('Job', 't')!;
      const r = h.sync('default/t');
      const after = h.get('Job', 't');
      if (c.deleted) {
        // Foreground: the Job stays (with the GC's finalizer) until its pods are gone.
        expect(after?.metadata.deletionTimestamp).toBe(iso(c.at));
        expect(after?.metadata.finalizers).toEqual(['foregroundDeletion']);
        expect(r.explanations.map((e) => e.field)).toEqual(['spec.ttlSecondsAfterFinished']);
      } else {
        expect(after).toBe(before);
      }
      expect(r.requeueAfter).toBe(c.requeue);
      expect(r.events).toEqual([]);
    });
  }

  it('refuses to delete a Job re-created under the same name (UID precondition)', () => {
    const h = new ReconcileHarness(
      ttlAfterFinishedController,
      [finished('Complete', finishedAt, 5)],
      atTtl,
    );
    const result = ttlAfterFinishedController.reconcile('default/t', h.view, undefined as never);
    const action = result.actions![0];
    expect(action).toMatchObject({
      op: 'delete',
      kind: 'Job',
      options: { propagationPolicy: 'Foreground', preconditions: { uid: 'uid-t' } },
    });
  });

  it('is woken by a Job that finishes', () => {
    const job = storedJob('t', { ttlSecondsAfterFinished: 5 });
    const h = new ReconcileHarness(ttlAfterFinishedController, [job], finishedAt);
    expect(h.enqueued).toEqual([]);
    h.server.updateStatus({
      ...job,
      status: {
        startTime: iso(0),
        completionTime: iso(finishedAt),
        succeeded: 1,
        conditions: [
          { type: 'SuccessCriteriaMet', status: 'True', lastTransitionTime: iso(finishedAt) },
          { type: 'Complete', status: 'True', lastTransitionTime: iso(finishedAt) },
        ],
      },
    });
    expect(h.enqueued).toEqual([{ key: 'default/t', delay: 0 }]);
    expect(h.sync('default/t').requeueAfter).toBe(s(5));
  });
});
