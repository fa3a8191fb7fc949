/**
 * Which golden transcripts are expected to fail today, and where the golden file disagrees with
 * Kubernetes 1.32. Both lists are checked by golden.test.ts: a pending scenario that starts
 * passing fails the suite until it is removed here.
 */

/** Scenario folder → what it still needs. */
export const PENDING: Record<string, string> = {};

/** A place where expected.txt follows Kubernetes 1.32 rather than the golden file (golden.txt). */
export interface Deviation {
  /** What differs and why. */
  reason: string;
  /** Where the 1.32 behaviour comes from (upstream file, or the golden file's own numbers). */
  source: string;
}

/** Scenario folder → why its expected.txt differs from the golden file's text (golden.txt). */
export const DEVIATIONS: Record<string, Deviation> = {
  's04-sequential-completions': {
    reason:
      'DURATION 54s, not 55s: under the reference timing model each pod takes 2 s start + 15 s + ' +
      '1 s controller, so the third pod (created at +36 s, as the golden ages 60s/42s/24s say) ' +
      'succeeds at +53 s and the Job completes at +54 s. The golden file contradicts its own ages.',
    source:
      'golden-scenarios.md S4 (ages 60s/42s/24s) and engine/controllers/job/golden-scenarios.test.ts S4',
  },
  's12-suspend-resume': {
    reason:
      'Event order at the resume: SuccessfulCreate, then Resumed (same second). syncJob calls ' +
      'manageJob, which creates the pod and records SuccessfulCreate, and only then, in the ' +
      '`else if manageJobCalled` branch, sets Suspended=False/JobResumed and records Resumed. ' +
      'The golden file lists Resumed before SuccessfulCreate. (Its DURATION 8s from the resume ' +
      'time is right: the same branch resets startTime.)',
    source: 'kubernetes/kubernetes pkg/controller/job/job_controller.go (syncJob)',
  },
  's19-cronjob-history-limit': {
    reason:
      'At 10:05:03 the 10:05 job is still Running and simple-28948922 still exists: the CronJob ' +
      'controller requeues itself 100 ms after the schedule time, so the job is created at ' +
      '10:05:00.1 and, under the reference timing model (Running +2 s, controller +1 s), completes ' +
      'at 10:05:03.1; the oldest successful job is deleted by the sync that sees that completion. ' +
      'The golden file shows the state of 10:05:04 (added to the script: the three newest jobs).',
    source:
      'kubernetes/kubernetes pkg/controller/cronjob/utils.go (nextScheduleTimeDuration adds ' +
      'nextScheduleDelta = 100 ms) and cronjob_controllerv2.go (cleanupFinishedJobs in syncCronJob)',
  },
  's21-cronjob-forbid': {
    reason:
      'The skipped 10:01 slot is not lost: when forbid-28948920 finishes (+1 s after its pod ends ' +
      'at 10:01:32), the job update re-syncs the CronJob, the most recent unmet schedule time is ' +
      'still 10:01 (lastScheduleTime stays 10:00 while Forbid skips) and, with no ' +
      'startingDeadlineSeconds, 1.32 starts forbid-28948921 late, at 10:01:33. At 10:02:00 that ' +
      'job is active, so the 10:02 slot is the one skipped. The golden file expects ' +
      'forbid-28948922 at 10:02:00 and no …921.',
    source:
      'kubernetes/kubernetes pkg/controller/cronjob/cronjob_controllerv2.go (syncCronJob: ' +
      'JobAlreadyActive returns without touching lastScheduleTime; updateJob enqueues the owner; ' +
      'nextScheduleTime uses lastScheduleTime) and utils.go mostRecentScheduleTime',
  },
  's34-daemonset-node-removed': {
    reason:
      'DESIRED does not drop the moment a node is deleted: the DaemonSet controller registers ' +
      'only add and update handlers for nodes, so nothing re-syncs the DaemonSet until the pod ' +
      'garbage collector deletes the orphaned pod (about 40 s later), which triggers deletePod. ' +
      'One second after `kubectl delete node node01` the status is still 3/3/3/3/3; two minutes ' +
      'in it is 2 everywhere. The golden file says DESIRED changes immediately.',
    source:
      'kubernetes/kubernetes pkg/controller/daemon/daemon_controller.go (NewDaemonSetsController: ' +
      'nodeInformer handlers AddFunc/UpdateFunc only) and pkg/controller/podgc/gc_controller.go ' +
      '(gcOrphaned, quarantineTime 40 s)',
  },
};
