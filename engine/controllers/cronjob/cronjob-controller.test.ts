/**
 * The CronJob controller, one reconcile at a time: tables of CronJobs and their Jobs at named
 * instants, checking the Jobs created and deleted, the status written, the Events (upstream
 * wording), the narration's field and the requeue delay. Cases follow
 * k/k pkg/controller/cronjob/cronjob_controllerv2_test.go#TestControllerV2SyncCronJob.
 */
import { describe, expect, it } from 'vitest';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { WatchEvent } from '../../api/apiserver';
import { writableMeta, type KubeObject } from '../../api/object';
import { formatRFC3339, MINUTE, SECOND } from '../../time/instant';
import { ReconcileHarness } from '../job/test-support';
import { cronJobController, errorBackoff, lastRequeue } from './cronjob-controller';
import { activeRef, childJob, storedCronJob, type CronJobOptions } from './test-support';

// Named instants (UTC, 2025-01-15): minute m of the hour is 10:0m:00.
const at = (h: number, m: number, s = 0, ms = 0) => Date.UTC(2025, 0, 15, h, m, s, ms);
const created = at(9, 59, 50);
const t1000 = at(10, 0);
const t1001 = at(10, 1);
const t1002 = at(10, 2);
const justAfter = (t: number) => t + 100; // nextScheduleDelta
const iso = formatRFC3339;

/** What one reconcile wrote, gathered from the API server's watch stream. */
interface Report {
  created: Job[];
  deleted: string[];
  status?: CronJob['status'];
  events: string[];
  fields: string[];
  narration: string[];
  requeueAfter?: number;
  enqueued: Array<{ key: string; delay: number }>;
}

function run(
  objects: KubeObject[],
  now: number,
  key = 'default/cj',
): Report & { h: ReconcileHarness } {
  const h = new ReconcileHarness(cronJobController, objects, now);
  return { ...syncAt(h, now, key), h };
}

function syncAt(h: ReconcileHarness, now: number, key = 'default/cj'): Report {
  const created: Job[] = [];
  const deleted: string[] = [];
  let status: CronJob['status'] | undefined;
  const stop = h.server.watch('*', (e: WatchEvent) => {
    if (e.object.kind === 'Job' && e.type === 'ADDED') created.push(e.object as Job);
    if (e.object.kind === 'Job' && e.type === 'DELETED') deleted.push(e.object.metadata.name!);
    if (e.object.kind === 'CronJob' && e.type === 'MODIFIED') status = (e.object as CronJob).status;
  });
  const r = h.at(now).sync(key);
  stop();
  return {
    created,
    deleted,
    status,
    events: r.events,
    fields: r.explanations.map((e) => e.field ?? ''),
    narration: r.explanations.map((e) => e.message),
    requeueAfter: lastRequeue(h.view, key),
    enqueued: r.enqueued,
  };
}

const cronJob = (o: CronJobOptions & { status?: CronJob['status'] } = {}) =>
  storedCronJob('cj', { created, ...o });

describe('first runs and naming (getJobFromTemplate2)', () => {
  it('before the first time: nothing, requeue at 10:00:00.100', () => {
    const r = run([cronJob()], at(9, 59, 55));
    expect(r.created).toEqual([]);
    expect(r.status).toBeUndefined();
    expect(r.requeueAfter).toBe(5 * SECOND + 100);
  });

  it('at 10:00:00.100: creates cj-28948920 from the template, records it in status', () => {
    const cj = cronJob({
      templateLabels: { app: 'x' },
      templateAnnotations: { note: 'y' },
    });
    const r = run([cj], justAfter(t1000));
    expect(r.created).toHaveLength(1);
    const job = r.created[0];
    expect(job.metadata?.name).toBe('cj-28948920');
    expect(job.metadata?.annotations).toEqual({
      note: 'y',
      'batch.kubernetes.io/cronjob-scheduled-timestamp': '2025-01-15T10:00:00Z',
    });
    expect(job.metadata?.labels?.app).toBe('x');
    expect(job.metadata?.ownerReferences).toEqual([
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        name: 'cj',
        uid: 'uid-cj',
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(job.spec?.template?.spec?.containers?.[0].command).toEqual(['sleep', '1']);
    expect(r.status).toEqual({
      active: [activeRef(job as KubeObject)],
      lastScheduleTime: '2025-01-15T10:00:00Z',
    });
    expect(r.events).toEqual(['Normal SuccessfulCreate Created job cj-28948920']);
    expect(r.fields).toEqual(['spec.schedule']);
    expect(r.requeueAfter).toBe(MINUTE);
  });

  it('the scheduled time already processed (lastScheduleTime): nothing, requeue for the next', () => {
    const r = run([cronJob({ status: { lastScheduleTime: iso(t1000) } })], at(10, 0, 30));
    expect(r.created).toEqual([]);
    expect(r.events).toEqual([]);
    expect(r.requeueAfter).toBe(30 * SECOND + 100);
  });

  it('the Job of the time already in status.active: nothing (the name is the lock)', () => {
    const cj = cronJob();
    const job = childJob(cj, t1000, { running: true, started: t1000 });
    cj.status = { active: [activeRef(job)] };
    const r = run([cj, job], at(10, 0, 5));
    expect(r.created).toEqual([]);
    expect(r.requeueAfter).toBe(55 * SECOND + 100);
  });

  it('timeZone Asia/Seoul: the annotation is in +09:00', () => {
    const r = run(
      [cronJob({ schedule: '0 3 * * *', timeZone: 'Asia/Seoul' })],
      justAfter(at(18, 0)),
    );
    expect(
      r.created[0].metadata?.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp'],
    ).toBe('2025-01-16T03:00:00+09:00');
    expect(r.requeueAfter).toBe(24 * 60 * MINUTE);
  });
});

describe('concurrencyPolicy', () => {
  const withRunning = (policy: 'Allow' | 'Forbid' | 'Replace') => {
    const cj = cronJob({ concurrencyPolicy: policy });
    const job = childJob(cj, t1000, { running: true, started: t1000 });
    cj.status = { active: [activeRef(job)], lastScheduleTime: iso(t1000) };
    return [cj, job];
  };

  it('Allow: a second Job runs alongside', () => {
    const r = run(withRunning('Allow'), justAfter(t1001));
    expect(r.created.map((j) => j.metadata?.name)).toEqual(['cj-28948921']);
    expect(r.status?.active?.map((a) => a.name)).toEqual(['cj-28948920', 'cj-28948921']);
    expect(r.narration[0]).toContain('spec.concurrencyPolicy Allow');
  });

  it('Forbid: skipped with JobAlreadyActive; lastScheduleTime stays', () => {
    const r = run(withRunning('Forbid'), justAfter(t1001));
    expect(r.created).toEqual([]);
    expect(r.status).toBeUndefined();
    expect(r.events).toEqual([
      'Normal JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid',
    ]);
    expect(r.fields).toEqual(['spec.concurrencyPolicy']);
    expect(r.requeueAfter).toBe(MINUTE);
  });

  it('Forbid, blocking Job finished later (no deadline): the skipped time starts late', () => {
    const [cj] = withRunning('Forbid');
    const done = childJob(cj, t1000, { complete: at(10, 1, 32), started: t1000 });
    const r = run([cj, done], at(10, 1, 33));
    expect(r.created.map((j) => j.metadata?.name)).toEqual(['cj-28948921']);
    expect(r.events).toEqual([
      'Normal SawCompletedJob Saw completed job: cj-28948920, condition: Complete',
      'Normal SuccessfulCreate Created job cj-28948921',
    ]);
  });

  it('Forbid, blocking Job finished after startingDeadlineSeconds: the time is skipped for good', () => {
    const cj = cronJob({ concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 10 });
    const done = childJob(cj, t1000, { complete: at(10, 1, 32), started: t1000 });
    cj.status = { active: [activeRef(done)], lastScheduleTime: iso(t1000) };
    const r = run([cj, done], at(10, 1, 33));
    expect(r.created).toEqual([]);
    expect(r.fields).toContain('spec.startingDeadlineSeconds');
    // No MissSchedule event: unreachable in 1.32 (the earliest time is clamped to the deadline).
    expect(r.events).toEqual([
      'Normal SawCompletedJob Saw completed job: cj-28948920, condition: Complete',
    ]);
    expect(r.requeueAfter).toBe(27 * SECOND + 100);
  });

  it('Replace: the running Job is deleted (background), then the new one created', () => {
    const r = run(withRunning('Replace'), justAfter(t1001));
    expect(r.deleted).toEqual(['cj-28948920']);
    expect(r.created.map((j) => j.metadata?.name)).toEqual(['cj-28948921']);
    expect(r.status?.active?.map((a) => a.name)).toEqual(['cj-28948921']);
    expect(r.events).toEqual([
      'Normal SuccessfulDelete Deleted job cj-28948920',
      'Normal SuccessfulCreate Created job cj-28948921',
    ]);
    expect(r.fields).toEqual(['spec.concurrencyPolicy', 'spec.schedule']);
  });

  it('Replace, active Job gone from the API: dropped as missing, then created', () => {
    const [cj] = withRunning('Replace');
    const r = run([cj], justAfter(t1001));
    expect(r.events).toEqual([
      'Normal MissingJob Active job went missing: cj-28948920',
      'Normal SuccessfulCreate Created job cj-28948921',
    ]);
  });
});

describe('observing Jobs (syncCronJob)', () => {
  it('a finished active Job leaves status.active; lastSuccessfulTime is its completion', () => {
    const cj = cronJob();
    const job = childJob(cj, t1000, { complete: at(10, 0, 3), started: t1000 });
    cj.status = { active: [activeRef(job)], lastScheduleTime: iso(t1000) };
    const r = run([cj, job], at(10, 0, 4));
    // An empty active list is omitted, as Go's omitempty does.
    expect(r.status).toEqual({
      lastScheduleTime: iso(t1000),
      lastSuccessfulTime: '2025-01-15T10:00:03Z',
    });
    expect(r.events).toEqual([
      'Normal SawCompletedJob Saw completed job: cj-28948920, condition: Complete',
    ]);
    expect(r.fields).toEqual(['status.active']);
  });

  it('a failed Job: condition Failed, lastSuccessfulTime untouched', () => {
    const cj = cronJob();
    const job = childJob(cj, t1000, { failed: at(10, 0, 3), started: t1000 });
    cj.status = { active: [activeRef(job)], lastScheduleTime: iso(t1000) };
    const r = run([cj, job], at(10, 0, 4));
    expect(r.status?.lastSuccessfulTime).toBeUndefined();
    expect(r.events).toEqual([
      'Normal SawCompletedJob Saw completed job: cj-28948920, condition: Failed',
    ]);
  });

  it('lastSuccessfulTime only moves forward', () => {
    const cj = cronJob({
      status: { lastScheduleTime: iso(t1001), lastSuccessfulTime: iso(at(10, 1, 3)) },
    });
    const older = childJob(cj, t1000, { complete: at(10, 0, 3), started: t1000 });
    const r = run([cj, older], at(10, 1, 30));
    expect(r.status).toBeUndefined();
  });

  it('an unfinished Job naming the CronJob but not in active: UnexpectedJob', () => {
    const cj = cronJob({ status: { lastScheduleTime: iso(t1000) } });
    const manual = childJob(cj, t1000, { running: true, started: t1000 }, { name: 'manual-1' });
    const r = run([cj, manual], at(10, 0, 30));
    expect(r.events).toEqual([
      'Warning UnexpectedJob Saw a job that the controller did not create or forgot: manual-1',
    ]);
    expect(r.status).toBeUndefined();
  });

  it('an active Job that no longer exists: MissingJob, dropped from active', () => {
    const cj = cronJob();
    const gone = childJob(cj, t1000, { running: true, started: t1000 });
    cj.status = { active: [activeRef(gone)], lastScheduleTime: iso(t1000) };
    const r = run([cj], at(10, 0, 30));
    expect(r.events).toEqual(['Normal MissingJob Active job went missing: cj-28948920']);
    expect(r.status).toEqual({ lastScheduleTime: iso(t1000) });
  });

  it('AlreadyExists for our own Job not in active: adopted into active, no SuccessfulCreate', () => {
    const cj = cronJob();
    const job = childJob(cj, t1000, { running: true, started: t1000 });
    // The status write of the earlier sync was lost; UnexpectedJob is reported first.
    const r = run([cj, job], justAfter(t1000));
    expect(r.created).toEqual([]);
    expect(r.events).toEqual([
      'Warning UnexpectedJob Saw a job that the controller did not create or forgot: cj-28948920',
    ]);
    expect(r.status?.active?.map((a) => a.name)).toEqual(['cj-28948920']);
    expect(r.status?.lastScheduleTime).toBe(iso(t1000));
  });

  it("AlreadyExists for someone else's Job: left alone", () => {
    const cj = cronJob();
    const other = childJob(cj, t1000, { complete: at(10, 0), started: t1000 });
    other.metadata.ownerReferences = [];
    const r = run([cj, other], justAfter(t1000));
    expect(r.status).toBeUndefined();
    expect(r.events).toEqual([]);
    expect(r.requeueAfter).toBeUndefined();
  });
});

describe('history limits (cleanupFinishedJobs)', () => {
  const finished = (cj: KubeObject, minutes: number[], kind: 'complete' | 'failed') =>
    minutes.map((m) =>
      childJob(cj, at(10, m), { [kind]: at(10, m, 3), started: at(10, m) } as never),
    );

  it('four successful, limit 3 (default): the oldest by startTime is deleted', () => {
    const cj = cronJob({ status: { lastScheduleTime: iso(at(10, 3)) } });
    const r = run([cj, ...finished(cj, [3, 1, 0, 2], 'complete')], at(10, 3, 30));
    expect(r.deleted).toEqual(['cj-28948920']);
    expect(r.events).toEqual(['Normal SuccessfulDelete Deleted job cj-28948920']);
    expect(r.fields).toEqual(['spec.successfulJobsHistoryLimit']);
  });

  it('two failed, limit 1 (default): the older is deleted', () => {
    const cj = cronJob({ status: { lastScheduleTime: iso(at(10, 1)) } });
    const r = run([cj, ...finished(cj, [0, 1], 'failed')], at(10, 1, 30));
    expect(r.deleted).toEqual(['cj-28948920']);
    expect(r.fields).toEqual(['spec.failedJobsHistoryLimit']);
  });

  it('limit 0: every finished Job goes at once; running Jobs are never deleted', () => {
    const cj = cronJob({ successfulJobsHistoryLimit: 0, failedJobsHistoryLimit: 0 });
    const running = childJob(cj, at(10, 2), { running: true, started: at(10, 2) });
    cj.status = { active: [activeRef(running)], lastScheduleTime: iso(at(10, 2)) };
    const r = run(
      [cj, ...finished(cj, [0], 'complete'), ...finished(cj, [1], 'failed'), running],
      at(10, 2, 30),
    );
    expect(r.deleted).toEqual(['cj-28948920', 'cj-28948921']);
    expect(r.status?.active?.map((a) => a.name)).toEqual(['cj-28948922']);
  });

  it('no startTime sorts last; equal startTimes by name', () => {
    const cj = cronJob({ successfulJobsHistoryLimit: 1, status: { lastScheduleTime: iso(t1002) } });
    const [a, b, c] = finished(cj, [0, 1, 2], 'complete');
    delete (a.status as Job['status'])!.startTime;
    (c.status as NonNullable<Job['status']>).startTime = iso(at(10, 1));
    const r = run([cj, a, b, c], at(10, 2, 30));
    expect(r.deleted).toEqual(['cj-28948921', 'cj-28948922']);
  });

  it('both limits unset (old objects): no cleanup at all', () => {
    const cj = cronJob({ status: { lastScheduleTime: iso(at(10, 3)) } });
    delete (cj.spec as Record<string, unknown>).successfulJobsHistoryLimit;
    delete (cj.spec as Record<string, unknown>).failedJobsHistoryLimit;
    const r = run([cj, ...finished(cj, [0, 1, 2, 3], 'complete')], at(10, 3, 30));
    expect(r.deleted).toEqual([]);
  });
});

describe('suspend, startingDeadlineSeconds, missed times', () => {
  it('suspended: nothing created, no requeue (the resume edit wakes it)', () => {
    const r = run([cronJob({ suspend: true })], justAfter(t1000));
    expect(r.created).toEqual([]);
    expect(r.requeueAfter).toBeUndefined();
    expect(r.fields).toEqual(['spec.suspend']);
  });

  it('resumed at 10:05:45 after 10:02: only the most recent missed time (10:05) runs', () => {
    const cj = cronJob({ status: { lastScheduleTime: iso(t1002) } });
    const r = run([cj], at(10, 5, 45));
    expect(r.created.map((j) => j.metadata?.name)).toEqual(['cj-28948925']);
    expect(r.narration[0]).toContain('45 s late');
    expect(r.requeueAfter).toBe(15 * SECOND + 100);
  });

  it('resumed with startingDeadlineSeconds 30, 45 s after 10:05: nothing; requeue 10:06:00.100', () => {
    const cj = cronJob({ startingDeadlineSeconds: 30, status: { lastScheduleTime: iso(t1002) } });
    const r = run([cj], at(10, 5, 45));
    expect(r.created).toEqual([]);
    expect(r.fields).toEqual(['spec.startingDeadlineSeconds']);
    expect(r.requeueAfter).toBe(15 * SECOND + 100);
  });

  it('within startingDeadlineSeconds: starts late', () => {
    const cj = cronJob({ startingDeadlineSeconds: 30, status: { lastScheduleTime: iso(t1000) } });
    const r = run([cj], at(10, 1, 25));
    expect(r.created.map((j) => j.metadata?.name)).toEqual(['cj-28948921']);
  });

  // The rough count is (now − t1) / interval + 1 with t1 = 10:00 (first time after creation).
  it('100 missed times (11:39:00.100): no warning', () => {
    const r = run([cronJob()], justAfter(at(11, 39)));
    expect(r.events).toEqual([`Normal SuccessfulCreate Created job cj-${28948920 + 99}`]);
  });

  it('101 missed times (11:40:00.100): TooManyMissedTimes, and the most recent still starts', () => {
    const r = run([cronJob()], justAfter(at(11, 40)));
    expect(r.events).toEqual([
      'Warning TooManyMissedTimes too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
      `Normal SuccessfulCreate Created job cj-${28948920 + 100}`,
    ]);
    expect(r.fields).toEqual(['spec.startingDeadlineSeconds', 'spec.schedule']);
  });

  it('101 missed times but startingDeadlineSeconds 120: no warning', () => {
    const r = run([cronJob({ startingDeadlineSeconds: 120 })], justAfter(at(11, 40)));
    expect(r.events).toEqual([`Normal SuccessfulCreate Created job cj-${28948920 + 100}`]);
  });
});

describe('bad schedules and time zones', () => {
  it('unknown timeZone: UnknownTimeZone, no requeue', () => {
    const r = run([cronJob({ timeZone: 'Europe/Pariss' })], justAfter(t1000));
    expect(r.events).toEqual([
      'Warning UnknownTimeZone invalid timeZone: "Europe/Pariss": unknown time zone Europe/Pariss',
    ]);
    expect(r.requeueAfter).toBeUndefined();
    expect(r.fields).toEqual(['spec.timeZone']);
  });

  it('unparseable schedule: UnparseableSchedule', () => {
    const r = run([cronJob({ schedule: '61 * * * *' })], justAfter(t1000));
    expect(r.events).toEqual([
      'Warning UnparseableSchedule unparseable schedule: "61 * * * *" : end of range (61) above maximum (59): 61',
    ]);
    expect(r.created).toEqual([]);
  });

  it('TZ in the schedule: UnsupportedSchedule each sync, and it still runs', () => {
    const r = run([cronJob({ schedule: 'TZ=UTC * * * * *' })], justAfter(t1000));
    expect(r.events[0]).toMatch(
      /^Warning UnsupportedSchedule CRON_TZ or TZ used in schedule "TZ=UTC \* \* \* \* \*"/,
    );
    expect(r.created).toHaveLength(1);
  });

  it('a schedule that never comes (31 February): InvalidSchedule', () => {
    const r = run([cronJob({ schedule: '0 0 31 2 *' })], justAfter(t1000));
    expect(r.events).toEqual([
      'Warning InvalidSchedule invalid schedule: 0 0 31 2 * : time difference between two schedules is less than 1 second',
    ]);
  });

  it('a CronJob being deleted only updates its status', () => {
    const cj = cronJob();
    writableMeta(cj.metadata).deletionTimestamp = iso(t1000);
    const r = run([cj], justAfter(t1000));
    expect(r.created).toEqual([]);
    expect(r.requeueAfter).toBeUndefined();
  });

  it('a CronJob that is gone: nothing', () => {
    const r = run([], justAfter(t1000));
    expect(r.created).toEqual([]);
    expect(r.requeueAfter).toBeUndefined();
  });
});

describe('write failures', () => {
  it('an invalid Job: FailedCreate, nothing recorded, rate-limited retry (5 ms, then 10 ms)', () => {
    // Stored as an older API server accepted it; the Job API rejects restartPolicy Always.
    const cj = cronJob();
    const podSpec = (
      cj.spec as { jobTemplate: { spec: { template: { spec: { restartPolicy: string } } } } }
    ).jobTemplate.spec.template.spec;
    podSpec.restartPolicy = 'Always';
    const h = new ReconcileHarness(cronJobController, [cj], justAfter(t1000));
    const r = syncAt(h, justAfter(t1000));
    expect(r.created).toEqual([]);
    expect(r.status).toBeUndefined();
    expect(r.events).toHaveLength(1);
    expect(r.events[0]).toMatch(
      /^Warning FailedCreate Error creating job: Job.batch "cj-28948920" is invalid: spec.template.spec.restartPolicy/,
    );
    expect(r.requeueAfter).toBe(5);
    expect(syncAt(h, justAfter(t1000) + 5).requeueAfter).toBe(10);
  });
});

describe('informers', () => {
  /** The controller's informer handlers against a harness's API server, with enqueues recorded. */
  function informers(objects: KubeObject[], now: number) {
    const h = new ReconcileHarness(cronJobController, objects, now);
    const handlers = new Map<string, (e: WatchEvent) => void>();
    const enqueued: Array<{ key: string; delay: number }> = [];
    cronJobController.setup({
      watch: (kind, handler) => void handlers.set(kind, handler),
      enqueue: (key, delay = 0) => void enqueued.push({ key, delay }),
      view: h.view,
      rng: undefined as never,
    });
    const fire = (kind: string, e: WatchEvent) => handlers.get(kind)!(e);
    return { h, fire, enqueued };
  }
  const edit = (obj: KubeObject, change: (o: KubeObject) => void) => {
    const copy = structuredClone(obj);
    change(copy);
    writableMeta(copy.metadata).resourceVersion = String(
      Number(obj.metadata.resourceVersion ?? 1) + 1,
    );
    return copy;
  };

  it('a new schedule requeues for its next time (+100 ms)', () => {
    const cj = cronJob({ status: { lastScheduleTime: iso(t1000) } });
    const { fire, enqueued } = informers([cj], at(10, 0, 30));
    const edited = edit(cj, (o) => ((o.spec as { schedule: string }).schedule = '*/5 * * * *'));
    fire('CronJob', { type: 'MODIFIED', object: edited, old: cj });
    expect(enqueued).toEqual([{ key: 'default/cj', delay: 4 * MINUTE + 30 * SECOND + 100 }]);
  });

  it('an unparseable schedule edit reports UnParseableCronJobSchedule', () => {
    const cj = cronJob({ status: { lastScheduleTime: iso(t1000) } });
    const bad = edit(cj, (o) => ((o.spec as { schedule: string }).schedule = '61 * * * *'));
    const { h, fire, enqueued } = informers([bad], at(10, 0, 30));
    fire('CronJob', { type: 'MODIFIED', object: bad, old: cj });
    expect(enqueued).toEqual([{ key: 'unparseable:default/cj', delay: 0 }]);
    const r = syncAt(h, at(10, 0, 30), 'unparseable:default/cj');
    expect(r.events).toEqual([
      'Warning UnParseableCronJobSchedule unparseable schedule for cronjob: 61 * * * *',
    ]);
  });

  it('a suspend edit syncs at once; so does a change of a Job it controls', () => {
    const cj = cronJob({ status: { lastScheduleTime: iso(t1000) } });
    const job = childJob(cj, t1000, { running: true, started: t1000 });
    const { fire, enqueued } = informers([cj, job], at(10, 0, 30));
    fire('CronJob', {
      type: 'MODIFIED',
      object: edit(cj, (o) => ((o.spec as { suspend: boolean }).suspend = true)),
      old: cj,
    });
    fire('Job', { type: 'MODIFIED', object: edit(job, () => {}), old: job });
    fire('Job', { type: 'DELETED', object: job });
    // A resync with the same resourceVersion, and a Job of another owner, wake nothing.
    fire('Job', { type: 'MODIFIED', object: job, old: job });
    const stranger = edit(job, (o) => (o.metadata.ownerReferences![0].uid = 'other'));
    fire('Job', { type: 'ADDED', object: stranger });
    expect(enqueued).toEqual([
      { key: 'default/cj', delay: 0 },
      { key: 'default/cj', delay: 0 },
      { key: 'default/cj', delay: 0 },
    ]);
  });
});

describe('errors back off like the rate-limited queue', () => {
  it('5 ms doubling, capped at 1000 s', () => {
    expect([1, 2, 3, 10].map(errorBackoff)).toEqual([5, 10, 20, 2560]);
    expect(errorBackoff(40)).toBe(1_000_000);
  });
});
