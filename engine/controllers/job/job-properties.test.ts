/**
 * Property test (fast-check, fixed seed): for random completions, parallelism, backoffLimit,
 * restart policy and failure rates, every second of the run keeps succeeded ≤ completions (when
 * set) and active ≤ parallelism, and the Job always ends Complete or Failed — with no pod left
 * running and no tracking finalizer left behind.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Job } from 'kubernetes-types/batch/v1';
import { jobCluster, mustCreate } from './scenario-support';
import { jobManifest } from './test-support';

const HORIZON_SECONDS = 3600;

describe('Job controller properties', () => {
  it('keeps the counters within bounds and always finishes', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 1, max: 1_000_000 }),
          completions: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
          parallelism: fc.integer({ min: 1, max: 4 }),
          backoffLimit: fc.integer({ min: 0, max: 4 }),
          failurePercent: fc.constantFrom(0, 30, 70, 100),
          seconds: fc.integer({ min: 0, max: 5 }),
          restartPolicy: fc.constantFrom('Never' as const, 'OnFailure' as const),
        }),
        (p) => {
          const c = jobCluster(p.seed);
          mustCreate(
            c,
            jobManifest('prop', {
              ...(p.completions !== undefined ? { completions: p.completions } : {}),
              parallelism: p.parallelism,
              backoffLimit: p.backoffLimit,
              restartPolicy: p.restartPolicy,
              command: ['flaky', String(p.failurePercent), String(p.seconds)],
            }),
          );
          let job: Job | undefined;
          let finished: string | undefined;
          for (let t = 1; t <= HORIZON_SECONDS && !finished; t++) {
            c.at(t);
            job = c.get<Job>('Job', 'prop')!;
            const st = job.status ?? {};
            if (p.completions !== undefined)
              expect(st.succeeded ?? 0).toBeLessThanOrEqual(p.completions);
            expect(st.active ?? 0).toBeLessThanOrEqual(p.parallelism);
            finished = st.conditions?.find(
              (x) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True',
            )?.type;
          }
          expect(finished).toMatch(/^(Complete|Failed)$/);
          if (finished === 'Complete' && p.completions !== undefined)
            expect(job!.status?.succeeded).toBe(p.completions);
          const pods = c.pods('prop-*');
          expect(
            pods.filter((x) => x.status?.phase === 'Running' && !x.metadata?.deletionTimestamp),
          ).toEqual([]);
          for (const pod of pods) expect(pod.metadata?.finalizers ?? []).toEqual([]);
        },
      ),
      { seed: 20250115, numRuns: 40 },
    );
  });
});
