/**
 * A `* * * * *` CronJob whose Job runs `sleep 20`, for a number of virtual days with the default
 * history limits (3 successful, 1 failed): one Job a minute, 10,080 for a week. Reports the Jobs
 * created, what is left at the end (history limits and garbage collection working), the
 * controller's syncs per Job (event-driven work), and the heap after each day (after a GC when
 * node runs with --expose-gc).
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
      // A day at a time, to show the heap stays flat while Jobs come and go.
      const heapByDay: number[] = [];
      let events = 0;
      for (let d = 0; d < days; d++) {
        events += sim.advance(Math.min(DAY, days * DAY - d * DAY)).events;
        (globalThis as { gc?: () => void }).gc?.();
        heapByDay.push(Math.round(process.memoryUsage().heapUsed / 1e5) / 10);
      }
      const list = (kind: string) => sim.server.list(kind, { namespace: 'default' });
      const syncs = sim.controllers.syncCounts.get(CRONJOB_CONTROLLER) ?? 0;
      return {
        jobsCreated,
        jobsLeft: list('Job').length,
        podsLeft: list('Pod').length,
        eventsLeft: list('Event').length,
        cronJobSyncs: syncs,
        syncsPerJob: Math.round((syncs / Math.max(1, jobsCreated)) * 10) / 10,
        timerEvents: events,
        heapUsedMB: heapByDay[heapByDay.length - 1] ?? 0,
        heapMBByDay: heapByDay.join(' '),
      };
    },
  };
}
