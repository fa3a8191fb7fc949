/**
 * A `* * * * *` CronJob whose Job runs `sleep 20`, for a number of virtual days with the default
 * history limits (3 successful, 1 failed): one Job a minute, 10,080 for a week. Reports the Jobs
 * created, what is left at the end (history limits and garbage collection working), the
 * controller's syncs per Job (event-driven work), and the heap after the run.
 */
import type { Benchmark } from './harness';
import { createSimulation } from '../engine/simulation';
import { fakeUserland } from '../engine/testing/fake-userland';
import { CRONJOB_CONTROLLER } from '../engine/controllers/cronjob/cronjob-controller';

const DAY = 24 * 60 * 60 * 1000;

export function cronJobBenchmark(days: number): Benchmark {
  return {
    name: `cronjob: * * * * * with a 20 s Job for ${days} virtual days`,
    run() {
      const sim = createSimulation({
        seed: 1,
        start: Date.UTC(2025, 0, 15, 9, 59, 30),
        userland: fakeUserland(),
      });
      let jobsCreated = 0;
      sim.server.watch('Job', (e) => {
        if (e.type === 'ADDED') jobsCreated++;
      });
      const created = sim.server.create(
        {
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          metadata: { name: 'every-minute' },
          spec: {
            schedule: '* * * * *',
            jobTemplate: {
              spec: {
                template: {
                  spec: {
                    restartPolicy: 'Never',
                    containers: [{ name: 'c', image: 'tiny:1', command: ['sleep', '20'] }],
                  },
                },
              },
            },
          },
        },
        { namespace: 'default', fromClient: true },
      );
      if (!created.ok) throw new Error(created.error.message);
      const { events } = sim.advance(days * DAY);
      const list = (kind: string) => sim.server.list(kind, { namespace: 'default' });
      const syncs = sim.controllers.syncCounts.get(CRONJOB_CONTROLLER) ?? 0;
      (globalThis as { gc?: () => void }).gc?.();
      const heap = process.memoryUsage().heapUsed;
      return {
        jobsCreated,
        jobsLeft: list('Job').length,
        podsLeft: list('Pod').length,
        eventsLeft: list('Event').length,
        cronJobSyncs: syncs,
        syncsPerJob: Math.round((syncs / Math.max(1, jobsCreated)) * 10) / 10,
        timerEvents: events,
        heapUsedMB: Math.round(heap / 1e5) / 10,
      };
    },
  };
}
