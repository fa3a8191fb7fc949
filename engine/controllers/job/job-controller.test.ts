/**
 * Reconcile tables for the Job controller, in the style of upstream's TestControllerSyncJob:
 * each case seeds a Job and its pods as the API server would store them, runs one sync at a
 * named instant, and checks the writes (pods created / deleted, finalizers removed, each status
 * written), the events, the requeue and the narration.
 */
import { describe, expect, it } from 'vitest';
import type { Job, JobSpec } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../api/object';
import { SECOND } from '../../time/instant';
import { jobController } from './job-controller';
import { podOf, ReconcileHarness, storedJob, type SyncReport } from './test-support';

const s = (n: number) => n * SECOND;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

// Named instants (ms since the epoch; every Job below started at 0).
const justCreated = 0;
const afterFirstFailure = s(3); // the pod failed at +2 s
const afterThreeFailures = s(31); // failures finished at +10, +20, +30 s
const justBeforeDeadline = s(29);
const atDeadline = s(30);
const muchLater = s(600);

interface Case {
  /** What the case checks. */
  name: string;
  objects: () => KubeObject[];
  at: number;
  key?: string;
  check(r: SyncReport, h: ReconcileHarness): void;
}

const running = (status: Partial<NonNullable<Job['status']>> = {}) => ({
  startTime: iso(0),
  ready: 0,
  terminating: 0,
  uncountedTerminatedPods: {},
  ...status,
});

const cases: Case[] = [
  {
    name: 'a new Job gets startTime and one pod (parallelism 1)',
    objects: () => [storedJob('pi')],
    at: justCreated,
    check(r) {
      expect(r.created).toHaveLength(1);
      expect(r.created[0].metadata?.generateName).toBe('pi-');
      expect(r.statuses).toEqual([
        { startTime: iso(0), active: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {} },
      ]);
      expect(r.events).toEqual([
        `Normal SuccessfulCreate Created pod: ${r.created[0].metadata!.name}`,
      ]);
      expect(r.explanations.map((e) => e.field)).toEqual(['spec.parallelism']);
      expect(r.requeueAfter).toBeUndefined();
    },
  },
  {
    name: 'parallelism 3 with completions 2 creates 2 pods, bounded by spec.completions',
    objects: () => [storedJob('two', { parallelism: 3, completions: 2 })],
    at: justCreated,
    check(r) {
      expect(r.created).toHaveLength(2);
      expect(r.explanations[0].field).toBe('spec.completions');
      expect(r.explanations[0].message).toMatch(/^Created 2 pods: 2 should run at once/);
    },
  },
  {
    name: 'after the first failure: count it, remove its finalizer, wait 10 s from its finish',
    objects: () => {
      const job = storedJob('f', { status: running({ active: 1 }) });
      return [job, podOf(job, 'f-1', { phase: 'Failed', finishedAt: s(2) })];
    },
    at: afterFirstFailure,
    check(r) {
      expect(r.created).toHaveLength(0);
      expect(r.finalizerRemoved).toEqual(['f-1']);
      expect(r.statuses).toEqual([
        running({ uncountedTerminatedPods: { failed: ['uid-f-1'] } }),
        running({ failed: 1 }),
      ]);
      expect(r.requeueAfter).toBe(s(9));
      expect(r.explanations.map((e) => e.message)).toEqual([
        'Next pod in 9 s: 1 failure in a row so far (back-off 10 s after the last one), spec.backoffLimit 6',
      ]);
    },
  },
  {
    name: 'after three failures in a row the back-off is 40 s from the last one',
    objects: () => {
      const job = storedJob('f3', { status: running() });
      return [
        job,
        podOf(job, 'f3-1', { phase: 'Failed', finishedAt: s(10) }),
        podOf(job, 'f3-2', { phase: 'Failed', finishedAt: s(20) }),
        podOf(job, 'f3-3', { phase: 'Failed', finishedAt: s(30) }),
      ];
    },
    at: afterThreeFailures,
    check(r) {
      expect(r.created).toHaveLength(0);
      expect(r.requeueAfter).toBe(s(39));
      expect(r.statuses.at(-1)).toMatchObject({ failed: 3 });
      expect(r.explanations[0]).toMatchObject({
        message:
          'Next pod in 39 s: 3 failures in a row so far (back-off 40 s after the last one), spec.backoffLimit 6',
        field: 'spec.backoffLimit',
      });
    },
  },
  {
    name: 'a success newer than a failure resets the back-off',
    objects: () => {
      const job = storedJob('mix', { completions: 3, status: running() });
      return [
        job,
        podOf(job, 'mix-1', { phase: 'Failed', finishedAt: s(20) }),
        podOf(job, 'mix-2', { phase: 'Succeeded', finishedAt: s(25) }),
      ];
    },
    at: s(26),
    check(r) {
      expect(r.created).toHaveLength(1);
      expect(r.requeueAfter).toBeUndefined();
    },
  },
  {
    name: 'a failure newer than the last success still backs off',
    objects: () => {
      const job = storedJob('mix2', { completions: 3, status: running() });
      return [
        job,
        podOf(job, 'mix2-1', { phase: 'Succeeded', finishedAt: s(20) }),
        podOf(job, 'mix2-2', { phase: 'Failed', finishedAt: s(25) }),
      ];
    },
    at: s(26),
    check(r) {
      expect(r.created).toHaveLength(0);
      expect(r.requeueAfter).toBe(s(9));
    },
  },
  {
    name: 'failed > backoffLimit: FailureTarget, then Failed once the pod is counted',
    objects: () => {
      const job = storedJob('bl', { backoffLimit: 2, status: running({ failed: 2 }) });
      return [job, podOf(job, 'bl-3', { phase: 'Failed', finishedAt: s(36) })];
    },
    at: s(37),
    check(r) {
      const target = {
        type: 'FailureTarget',
        status: 'True',
        lastProbeTime: iso(s(37)),
        lastTransitionTime: iso(s(37)),
        reason: 'BackoffLimitExceeded',
        message: 'Job has reached the specified backoff limit',
      };
      expect(r.statuses).toEqual([
        running({
          failed: 2,
          conditions: [target],
          uncountedTerminatedPods: { failed: ['uid-bl-3'] },
        }),
        running({ failed: 3, conditions: [target, { ...target, type: 'Failed' }] }),
      ]);
      expect(r.events).toEqual([
        'Warning BackoffLimitExceeded Job has reached the specified backoff limit',
      ]);
      expect(r.explanations[0]).toMatchObject({
        message: 'Failing the Job: 3 pods failed, more than spec.backoffLimit 2',
        field: 'spec.backoffLimit',
      });
    },
  },
  {
    name: 'just before the deadline: requeue exactly at it',
    objects: () => {
      const job = storedJob('dl', { activeDeadlineSeconds: 30, status: running({ active: 1 }) });
      return [job, podOf(job, 'dl-1')];
    },
    at: justBeforeDeadline,
    check(r) {
      expect(r.requeueAfter).toBe(s(1));
      expect(r.deleted).toEqual([]);
    },
  },
  {
    name: 'at the deadline: DeadlineExceeded, the active pod deleted and counted failed',
    objects: () => {
      const job = storedJob('dl', {
        activeDeadlineSeconds: 30,
        status: running({ active: 1, ready: 1 }),
      });
      return [job, podOf(job, 'dl-1', { ready: true })];
    },
    at: atDeadline,
    check(r, h) {
      expect(r.deleted).toEqual(['dl-1']);
      expect(r.finalizerRemoved).toEqual(['dl-1']);
      expect(r.events).toEqual(['Normal SuccessfulDelete Deleted pod: dl-1']);
      const last = r.statuses.at(-1)!;
      expect(last).toMatchObject({ failed: 1, terminating: 1, ready: 0 });
      expect(last.active).toBeUndefined();
      expect(last.conditions?.map((c) => `${c.type}/${c.reason}`)).toEqual([
        'FailureTarget/DeadlineExceeded',
      ]);
      // The pod is still Terminating (grace period), so the Job is not Failed yet.
      expect(h.get('Pod', 'dl-1')).toBeDefined();
      expect(r.explanations[0].field).toBe('spec.activeDeadlineSeconds');
    },
  },
  {
    name: 'suspended at creation: Suspended condition and event, no startTime, no pods',
    objects: () => [storedJob('sus', { suspend: true })],
    at: justCreated,
    check(r) {
      expect(r.created).toHaveLength(0);
      expect(r.statuses).toEqual([
        {
          conditions: [
            {
              type: 'Suspended',
              status: 'True',
              lastProbeTime: iso(0),
              lastTransitionTime: iso(0),
              reason: 'JobSuspended',
              message: 'Job suspended',
            },
          ],
          ready: 0,
          terminating: 0,
          uncountedTerminatedPods: {},
        },
      ]);
      expect(r.events).toEqual(['Normal Suspended Job suspended']);
    },
  },
  {
    name: 'suspending a running Job deletes its pods without counting them',
    objects: () => {
      const job = storedJob('run', {
        suspend: true,
        parallelism: 2,
        completions: 4,
        status: running({ active: 2, ready: 2 }),
      });
      return [job, podOf(job, 'run-1', { ready: true }), podOf(job, 'run-2', { ready: true })];
    },
    at: s(10),
    check(r) {
      expect(r.finalizerRemoved.sort()).toEqual(['run-1', 'run-2']);
      expect(r.deleted.sort()).toEqual(['run-1', 'run-2']);
      expect(r.events).toEqual([
        'Normal SuccessfulDelete Deleted pod: run-1',
        'Normal SuccessfulDelete Deleted pod: run-2',
        'Normal Suspended Job suspended',
      ]);
      const last = r.statuses.at(-1)!;
      expect(last).toMatchObject({ ready: 0, terminating: 2 });
      expect(last.active).toBeUndefined();
      expect(last.failed).toBeUndefined();
    },
  },
  {
    name: 'resuming: pods again, Resumed, startTime reset to now',
    objects: () => [
      storedJob('res', {
        status: {
          startTime: iso(0),
          conditions: [
            {
              type: 'Suspended',
              status: 'True',
              reason: 'JobSuspended',
              message: 'Job suspended',
              lastProbeTime: iso(5),
              lastTransitionTime: iso(5),
            },
          ],
          ready: 0,
          terminating: 0,
          uncountedTerminatedPods: {},
        },
      }),
    ],
    at: s(100),
    check(r) {
      expect(r.created).toHaveLength(1);
      expect(r.events).toEqual([
        `Normal SuccessfulCreate Created pod: ${r.created[0].metadata!.name}`,
        'Normal Resumed Job resumed',
      ]);
      const status = r.statuses.at(-1)!;
      expect(status.startTime).toBe(iso(s(100)));
      expect(status.conditions?.[0]).toMatchObject({
        type: 'Suspended',
        status: 'False',
        reason: 'JobResumed',
        message: 'Job resumed',
      });
    },
  },
  {
    name: 'all completions succeeded: SuccessCriteriaMet, then Complete with completionTime',
    objects: () => {
      const job = storedJob('ok', {
        completions: 2,
        parallelism: 2,
        status: running({ active: 2 }),
      });
      return [
        job,
        podOf(job, 'ok-1', { phase: 'Succeeded', finishedAt: s(20) }),
        podOf(job, 'ok-2', { phase: 'Succeeded', finishedAt: s(21) }),
      ];
    },
    at: s(22),
    check(r) {
      const met = {
        type: 'SuccessCriteriaMet',
        status: 'True',
        lastProbeTime: iso(s(22)),
        lastTransitionTime: iso(s(22)),
        reason: 'CompletionsReached',
        message: 'Reached expected number of succeeded pods',
      };
      expect(r.statuses).toEqual([
        running({
          conditions: [met],
          uncountedTerminatedPods: { succeeded: ['uid-ok-1', 'uid-ok-2'] },
        }),
        running({
          conditions: [met, { ...met, type: 'Complete' }],
          succeeded: 2,
          completionTime: iso(s(22)),
        }),
      ]);
      expect(r.finalizerRemoved.sort()).toEqual(['ok-1', 'ok-2']);
      expect(r.events).toEqual(['Normal Completed Job completed']);
    },
  },
  {
    name: 'more successes than completions: TooManySucceededPods before Completed',
    objects: () => {
      const job = storedJob('many', { completions: 1, status: running({ active: 2 }) });
      return [
        job,
        podOf(job, 'many-1', { phase: 'Succeeded', finishedAt: s(20) }),
        podOf(job, 'many-2', { phase: 'Succeeded', finishedAt: s(20) }),
      ];
    },
    at: s(21),
    check(r) {
      expect(r.events).toEqual([
        'Warning TooManySucceededPods Too many succeeded pods running after completion count reached',
        'Normal Completed Job completed',
      ]);
    },
  },
  {
    name: 'success criteria met while a pod still terminates: no Complete yet',
    objects: () => {
      const job = storedJob('wait', {
        completions: 1,
        parallelism: 2,
        status: running({ active: 1 }),
      });
      return [
        job,
        podOf(job, 'wait-1', { phase: 'Succeeded', finishedAt: s(20) }),
        podOf(job, 'wait-2', { deleting: s(19), finalizer: false }),
      ];
    },
    at: s(21),
    check(r) {
      const last = r.statuses.at(-1)!;
      expect(last.conditions?.map((c) => c.type)).toEqual(['SuccessCriteriaMet']);
      expect(last).toMatchObject({ succeeded: 1, terminating: 1 });
      expect(last.completionTime).toBeUndefined();
      expect(r.events).toEqual([]);
    },
  },
  {
    name: 'a finished Job is left alone',
    objects: () => [
      storedJob('old', {
        status: running({
          succeeded: 1,
          conditions: [{ type: 'Complete', status: 'True', lastTransitionTime: iso(3) }],
        }),
      }),
    ],
    at: muchLater,
    check(r) {
      expect(r).toMatchObject({ created: [], statuses: [], events: [] });
    },
  },
  {
    name: 'a Job managed by another controller is left alone',
    objects: () => [storedJob('ext', { managedBy: 'example.com/batch' })],
    at: justCreated,
    check(r) {
      expect(r).toMatchObject({ created: [], statuses: [], events: [] });
    },
  },
  {
    name: 'an unknown completion mode is reported and skipped',
    objects: () => [storedJob('odd', { completionMode: 'Sideways' })],
    at: justCreated,
    check(r) {
      expect(r.created).toEqual([]);
      expect(r.events).toEqual([
        'Warning UnknownCompletionMode Skipped Job sync because completion mode is unknown',
      ]);
    },
  },
  {
    name: 'Indexed: the lowest missing indexes are created first',
    objects: () => {
      const job = storedJob('ix', {
        completionMode: 'Indexed',
        completions: 5,
        parallelism: 3,
        status: running({ active: 1, succeeded: 2, completedIndexes: '0,2' }),
      });
      return [job, podOf(job, 'ix-1', { index: 1 })];
    },
    at: s(10),
    check(r) {
      expect(r.created.map((p) => p.metadata!.generateName)).toEqual(['ix-3-', 'ix-4-']);
      expect(r.created.map((p) => p.spec!.hostname)).toEqual(['ix-3', 'ix-4']);
    },
  },
  {
    name: 'Indexed: of two pods with one index the cheaper one is deleted',
    objects: () => {
      const job = storedJob('dup', {
        completionMode: 'Indexed',
        completions: 2,
        parallelism: 2,
        status: running({ active: 2 }),
      });
      return [
        job,
        podOf(job, 'dup-a', { index: 0, ready: true }),
        podOf(job, 'dup-b', { index: 0, phase: 'Pending', ready: false }),
      ];
    },
    at: s(10),
    check(r) {
      expect(r.deleted).toEqual(['dup-b']);
      expect(r.created).toEqual([]);
    },
  },
  {
    name: 'Indexed: completed indexes are merged into the interval string',
    objects: () => {
      const job = storedJob('iv', {
        completionMode: 'Indexed',
        completions: 8,
        parallelism: 3,
        status: running({ active: 3, succeeded: 3, completedIndexes: '0,1,5' }),
      });
      return [
        job,
        podOf(job, 'iv-2', { index: 2, phase: 'Succeeded', finishedAt: s(9) }),
        podOf(job, 'iv-3', { index: 3, phase: 'Succeeded', finishedAt: s(9) }),
        podOf(job, 'iv-7', { index: 7, phase: 'Succeeded', finishedAt: s(9) }),
      ];
    },
    at: s(10),
    check(r) {
      expect(r.statuses[0]).toMatchObject({ completedIndexes: '0-3,5,7', succeeded: 6 });
      expect(r.created.map((p) => p.metadata!.generateName)).toEqual(['iv-4-', 'iv-6-']);
    },
  },
  {
    name: 'Indexed: more failed indexes than spec.maxFailedIndexes fails the Job',
    objects: () => {
      const job = storedJob('mfi', {
        completionMode: 'Indexed',
        completions: 4,
        parallelism: 4,
        backoffLimitPerIndex: 0,
        maxFailedIndexes: 1,
        status: running({ active: 4, failedIndexes: '' }),
      });
      const failed = (i: number) =>
        podOf(job, `mfi-${i}`, {
          index: i,
          phase: 'Failed',
          finishedAt: s(5),
          annotations: { 'batch.kubernetes.io/job-index-failure-count': '0' },
        });
      return [
        job,
        failed(0),
        failed(1),
        podOf(job, 'mfi-2', { index: 2 }),
        podOf(job, 'mfi-3', { index: 3 }),
      ];
    },
    at: s(6),
    check(r) {
      expect(r.deleted.sort()).toEqual(['mfi-2', 'mfi-3']);
      const last = r.statuses.at(-1)!;
      expect(last.failedIndexes).toBe('0,1');
      expect(last.conditions?.map((c) => `${c.type}/${c.reason}/${c.message}`)).toEqual([
        'FailureTarget/MaxFailedIndexesExceeded/Job has exceeded the specified maximal number of failed indexes',
      ]);
      expect(r.explanations[0].field).toBe('spec.maxFailedIndexes');
    },
  },
  {
    name: 'Indexed: a FailIndex rule fails the index at once, whatever its retry budget',
    objects: () => {
      const job = storedJob('fix', {
        completionMode: 'Indexed',
        completions: 3,
        parallelism: 3,
        backoffLimitPerIndex: 3,
        podFailurePolicy: {
          rules: [{ action: 'FailIndex', onExitCodes: { operator: 'In', values: [42] } }],
        },
        status: running({ active: 3 }),
      });
      return [
        job,
        podOf(job, 'fix-0', { index: 0 }),
        podOf(job, 'fix-1', { index: 1 }),
        podOf(job, 'fix-2', {
          index: 2,
          phase: 'Failed',
          exitCode: 42,
          finishedAt: s(5),
          annotations: { 'batch.kubernetes.io/job-index-failure-count': '0' },
        }),
      ];
    },
    at: s(6),
    check(r) {
      expect(r.statuses.at(-1)).toMatchObject({ failedIndexes: '2', failed: 1, active: 2 });
      expect(r.created).toEqual([]);
      expect(r.finalizerRemoved).toEqual(['fix-2']);
    },
  },
  {
    name: 'Indexed with backoffLimitPerIndex: a failed pod keeps its finalizer until replaced',
    objects: () => {
      const job = storedJob('keep', {
        completionMode: 'Indexed',
        completions: 2,
        parallelism: 2,
        backoffLimitPerIndex: 2,
        status: running({ active: 2, failedIndexes: '' }),
      });
      return [
        job,
        podOf(job, 'keep-0', { index: 0 }),
        podOf(job, 'keep-1', {
          index: 1,
          phase: 'Failed',
          finishedAt: s(5),
          annotations: { 'batch.kubernetes.io/job-index-failure-count': '0' },
        }),
      ];
    },
    at: s(6),
    check(r) {
      // The index waits out its 10 s back-off; the failed pod's finalizer stays meanwhile.
      expect(r.created).toEqual([]);
      expect(r.finalizerRemoved).toEqual([]);
      expect(r.requeueAfter).toBe(s(9));
    },
  },
  {
    name: 'Indexed with backoffLimitPerIndex: the replacement inherits the failure count',
    objects: () => {
      const job = storedJob('keep', {
        completionMode: 'Indexed',
        completions: 2,
        parallelism: 2,
        backoffLimitPerIndex: 2,
        status: running({ active: 1, failedIndexes: '' }),
      });
      return [
        job,
        podOf(job, 'keep-0', { index: 0 }),
        podOf(job, 'keep-1', {
          index: 1,
          phase: 'Failed',
          finishedAt: s(5),
          annotations: { 'batch.kubernetes.io/job-index-failure-count': '0' },
        }),
      ];
    },
    at: s(15),
    check(r) {
      expect(r.created.map((p) => p.metadata!.annotations)).toEqual([
        {
          'batch.kubernetes.io/job-completion-index': '1',
          'batch.kubernetes.io/job-index-failure-count': '1',
        },
      ]);
      expect(r.finalizerRemoved).toEqual([]);
    },
  },
  {
    name: 'an orphan pod matching a manual selector is adopted',
    objects: () => {
      const job = storedJob('man', {
        manualSelector: true,
        selector: { matchLabels: { app: 'x' } },
        labels: { app: 'x' },
      });
      const pod = podOf(job, 'stray', { finalizer: false });
      delete pod.metadata.ownerReferences;
      return [job, pod];
    },
    at: justCreated,
    check(r, h) {
      expect(r.created).toEqual([]);
      const pod = h.get('Pod', 'stray')!;
      expect(pod.metadata.ownerReferences).toEqual([
        {
          apiVersion: 'batch/v1',
          kind: 'Job',
          name: 'man',
          uid: 'uid-man',
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
      expect(pod.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
      expect(r.statuses[0]).toMatchObject({ active: 1 });
    },
  },
  {
    name: 'an owned pod that no longer matches is released and replaced',
    objects: () => {
      const job = storedJob('rel', { status: running({ active: 1 }) });
      const pod = podOf(job, 'rel-1');
      pod.metadata.labels = { moved: 'away' };
      return [job, pod];
    },
    at: s(5),
    check(r, h) {
      const pod = h.get('Pod', 'rel-1')!;
      expect(pod.metadata.ownerReferences).toBeUndefined();
      expect(pod.metadata.finalizers).toBeUndefined();
      expect(r.created).toHaveLength(1);
    },
  },
  {
    name: 'an Ignore rule keeps a failure out of the count (but not out of the back-off)',
    objects: () => {
      const job = storedJob('ign', {
        podFailurePolicy: {
          rules: [{ action: 'Ignore', onExitCodes: { operator: 'In', values: [3] } }],
        },
        status: running({ active: 1 }),
      });
      return [job, podOf(job, 'ign-1', { phase: 'Failed', exitCode: 3, finishedAt: s(5) })];
    },
    at: s(6),
    check(r) {
      expect(r.finalizerRemoved).toEqual(['ign-1']);
      expect(r.statuses.at(-1)!.failed).toBeUndefined();
      expect(r.requeueAfter).toBe(s(9));
    },
  },
  {
    name: 'a FailJob rule on a pod condition fails the Job with the condition in the message',
    objects: () => {
      const job = storedJob('cond', {
        podFailurePolicy: {
          rules: [
            { action: 'FailJob', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
          ],
        },
        status: running({ active: 1 }),
      });
      return [
        job,
        podOf(job, 'cond-1', {
          phase: 'Failed',
          exitCode: 137,
          finishedAt: s(5),
          conditions: [{ type: 'DisruptionTarget', status: 'True' }],
        }),
      ];
    },
    at: s(6),
    check(r) {
      expect(r.events).toEqual([
        'Warning PodFailurePolicy Pod default/cond-1 has condition DisruptionTarget matching FailJob rule at index 0',
      ]);
    },
  },
  {
    name: 'work queue: after a success nothing new starts and the Job waits for the rest',
    objects: () => {
      const job = storedJob('wq', {
        parallelism: 2,
        completions: undefined,
        status: running({ active: 2 }),
      });
      (job.spec as JobSpec).completions = undefined;
      return [
        job,
        podOf(job, 'wq-1', { phase: 'Succeeded', finishedAt: s(5) }),
        podOf(job, 'wq-2'),
      ];
    },
    at: s(6),
    check(r) {
      expect(r.created).toEqual([]);
      expect(r.statuses.at(-1)).toMatchObject({ active: 1, succeeded: 1 });
      expect(r.statuses.at(-1)!.conditions).toBeUndefined();
    },
  },
  {
    name: 'at most 500 finished pods are accounted for in one sync',
    objects: () => {
      const job = storedJob('big', {
        completions: 2000,
        parallelism: 1,
        status: running({ active: 600 }),
      });
      const pods = Array.from({ length: 600 }, (_, i) =>
        podOf(job, `big-${i}`, { phase: 'Succeeded', finishedAt: s(5) }),
      );
      return [job, ...pods];
    },
    at: s(6),
    check(r) {
      expect(r.finalizerRemoved).toHaveLength(500);
      expect(r.statuses.at(-1)).toMatchObject({ succeeded: 500 });
    },
  },
];

describe('job controller reconcile', () => {
  for (const c of cases) {
    it(c.name, () => {
      const objects = c.objects();
      const job = objects.find((o) => o.kind === 'Job')!;
      const h = new ReconcileHarness(jobController, objects, c.at);
      c.check(h.sync(c.key ?? `default/${job.metadata.name}`), h);
    });
  }
});

describe('orphan pods', () => {
  const job = storedJob('owner');
  const orphanOf = (ref: Record<string, unknown> | undefined) => {
    const pod = podOf(job, 'p', { phase: 'Succeeded', finishedAt: s(1) });
    pod.metadata.ownerReferences = ref ? [ref as never] : undefined;
    if (!ref) delete pod.metadata.ownerReferences;
    return pod;
  };
  const table: Array<[string, KubeObject[], boolean]> = [
    [
      'its Job is gone',
      [
        orphanOf({
          apiVersion: 'batch/v1',
          kind: 'Job',
          name: 'owner',
          uid: 'uid-owner',
          controller: true,
        }),
      ],
      true,
    ],
    ['it has no controller at all', [orphanOf(undefined)], true],
    [
      'its Job still runs',
      [
        job,
        orphanOf({
          apiVersion: 'batch/v1',
          kind: 'Job',
          name: 'owner',
          uid: 'uid-owner',
          controller: true,
        }),
      ],
      false,
    ],
    [
      'its controller is not a Job',
      [
        orphanOf({
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'rs',
          uid: 'x',
          controller: true,
        }),
      ],
      false,
    ],
  ];
  for (const [name, objects, removed] of table) {
    it(`${removed ? 'removes' : 'keeps'} the tracking finalizer when ${name}`, () => {
      const h = new ReconcileHarness(jobController, objects, s(5));
      const r = h.sync('pod:default/p');
      expect(r.finalizerRemoved).toEqual(removed ? ['p'] : []);
    });
  }
});

describe('informers', () => {
  it('syncs a new Job at once and batches pod events by one second', () => {
    const job = storedJob('w');
    const h = new ReconcileHarness(jobController, [job], 0);
    const r = h.sync('default/w');
    // The Job status write and the pod creation each ask for a batched sync.
    expect(r.enqueued).toContainEqual({ key: 'default/w', delay: 1000 });
    expect(r.enqueued.every((e) => e.delay === 1000 || e.key.startsWith('pod:'))).toBe(true);
  });
});
