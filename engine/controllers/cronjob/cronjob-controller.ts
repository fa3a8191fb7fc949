/**
 * The CronJob controller (k/k pkg/controller/cronjob/cronjob_controllerv2.go, "controller v2"):
 * starts a Job from spec.jobTemplate at each time of spec.schedule.
 *
 * Event-driven like upstream: a sync ends by requeueing the CronJob for its next schedule time
 * (+100 ms, nextScheduleDelta), so the work is proportional to schedule times and Job changes,
 * never to elapsed virtual time. Informers (setup): a CronJob added or deleted syncs at once; a
 * schedule or timeZone edit requeues for the new next time; any other edit (suspend, policy,
 * status) syncs at once; any change of a Job whose controller is a CronJob syncs that CronJob.
 *
 * The sync itself is in sync-cronjob.ts. Keys are `namespace/name`; `unparseable:namespace/name`
 * records the UnParseableCronJobSchedule warning of an edit (the informer cannot record events).
 */
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { WatchEvent } from '../../api/apiserver';
import type { OwnerReference } from '../../api/object';
import type { Duration } from '../../time/instant';
import {
  cronJobScheduleState,
  formatSchedule,
  nextScheduleTimeDuration,
  parseStandard,
  unparseableCronJobScheduleEvent,
} from '../cron';
import type { ClusterView, Controller, ControllerHost, ReconcileResult } from '../framework';
import { getControllerOf } from '../job/controller-utils';
import { runWriteScript, type ScriptSink } from '../job/write-script';
import { cronJobKey } from './cronjob-utils';
import { explainCronJob } from './cronjob-narration';
import { syncCronJobKey, type CronJobSyncEnv } from './sync-cronjob';

/** The component name (event source) of the CronJob controller. */
export const CRONJOB_CONTROLLER = 'cronjob-controller';
/** Prefix of the keys that report an unparseable schedule edit. */
const UNPARSEABLE_PREFIX = 'unparseable:';

/** What the controller remembers between syncs in one simulation. */
interface CronJobControllerState {
  /** The work queue, once the informers are wired. */
  enqueue?: (key: string, delay?: Duration) => void;
  /** Consecutive failed syncs per key (the rate limiter's memory). */
  readonly failures: Map<string, number>;
  /** How each key's last sync ended: its requeue delay (undefined: none). For tests. */
  readonly lastRequeue: Map<string, Duration | undefined>;
}

// The controller object is shared; each simulation passes its own view to setup and reconcile.
const states = new WeakMap<ClusterView, CronJobControllerState>();

function stateFor(view: ClusterView): CronJobControllerState {
  let state = states.get(view);
  if (!state) states.set(view, (state = { failures: new Map(), lastRequeue: new Map() }));
  return state;
}

// @simplified: client-go's default controller rate limiter is the max of a per-item exponential
// back-off (5 ms doubling to 1000 s) and a 10 qps bucket; only the per-item back-off is modelled.
/** The rate-limited requeue delay after `failures` consecutive failed syncs. */
export function errorBackoff(failures: number): Duration {
  return Math.min(5 * 2 ** Math.max(0, failures - 1), 1_000_000);
}

/**
 * The requeue delay the last sync of `key` ended with (undefined: not requeued). A sync that
 * writes ends inside the manager's write callbacks, and the queue may fold its requeue into an
 * earlier pending one; tests read the decision here.
 */
export function lastRequeue(view: ClusterView, key: string): Duration | undefined {
  return states.get(view)?.lastRequeue.get(key);
}

/** The CronJob controller. */
export const cronJobController: Controller = {
  name: CRONJOB_CONTROLLER,

  setup(host: ControllerHost) {
    const state = stateFor(host.view);
    state.enqueue = (key, delay) => host.enqueue(key, delay);
    host.watch('CronJob', (e) => onCronJobEvent(host, e));
    host.watch('Job', (e) => onJobEvent(host, e));
  },

  reconcile(key: string, view: ClusterView): ReconcileResult {
    if (key.startsWith(UNPARSEABLE_PREFIX))
      return unparseableEdit(key.slice(UNPARSEABLE_PREFIX.length), view);
    const state = stateFor(view);
    const sink: ScriptSink = { events: [], explanations: [] };
    // The end of the sync may come inside a write callback: its requeue then goes to the queue.
    let synchronous = true;
    let requeueAfter: Duration | undefined;
    const env: CronJobSyncEnv = {
      view,
      now: view.now,
      sink,
      finish: (delay, error) => {
        let d = delay;
        if (error !== undefined) {
          const n = (state.failures.get(key) ?? 0) + 1;
          state.failures.set(key, n);
          d = errorBackoff(n);
        } else {
          // queue.Forget: a clean sync resets the back-off.
          state.failures.delete(key);
        }
        state.lastRequeue.set(key, d === undefined ? undefined : Math.max(0, d));
        if (d === undefined) return;
        if (synchronous) requeueAfter = Math.max(0, d);
        else state.enqueue?.(key, Math.max(0, d));
      },
    };
    const followup = runWriteScript(syncCronJobKey(key, env), sink);
    synchronous = false;
    return requeueAfter === undefined ? followup : { ...followup, requeueAfter };
  },
};

/** The UnParseableCronJobSchedule warning of updateCronJob, recorded on the CronJob. */
function unparseableEdit(key: string, view: ClusterView): ReconcileResult {
  const slash = key.indexOf('/');
  const cj = view.get<CronJob>('CronJob', key.slice(0, slash), key.slice(slash + 1));
  if (!cj) return {};
  const schedule = cj.spec?.schedule ?? '';
  if (parseStandard(formatSchedule(schedule, cj.spec?.timeZone).spec).ok) return {};
  return {
    events: [{ ...unparseableCronJobScheduleEvent(schedule), object: cj as never }],
    explanations: [
      explainCronJob(
        cj,
        `spec.schedule "${schedule}" does not parse: no Jobs until it is fixed`,
        'spec.schedule',
      ),
    ],
  };
}

// ------------------------------------------------------------------------------------ informers

/** The AddFunc / updateCronJob / DeleteFunc handlers of the CronJob informer. */
function onCronJobEvent(host: ControllerHost, e: WatchEvent): void {
  const cj = e.object as unknown as CronJob;
  const key = cronJobKey(cj);
  if (e.type !== 'MODIFIED' || !e.old) {
    host.enqueue(key, 0);
    return;
  }
  const old = e.old as unknown as CronJob;
  const timeZoneChanged = (old.spec?.timeZone ?? null) !== (cj.spec?.timeZone ?? null);
  if (old.spec?.schedule !== cj.spec?.schedule || timeZoneChanged) {
    // A new schedule: come back at its next time (an earlier pending sync is kept).
    const parsed = parseStandard(formatSchedule(cj.spec?.schedule ?? '', cj.spec?.timeZone).spec);
    if (!parsed.ok) {
      host.enqueue(UNPARSEABLE_PREFIX + key, 0);
      return;
    }
    host.enqueue(
      key,
      nextScheduleTimeDuration(cronJobScheduleState(cj), host.view.now, parsed.schedule),
    );
    return;
  }
  // Anything else (suspend, policy, limits, status): sync now.
  host.enqueue(key, 0);
}

/** addJob / updateJob / deleteJob: wake the CronJob that controls the Job. */
function onJobEvent(host: ControllerHost, e: WatchEvent): void {
  const job = e.object as unknown as Job;
  if (e.type === 'MODIFIED' && e.old) {
    const old = e.old as unknown as Job;
    if (old.metadata?.resourceVersion === job.metadata?.resourceVersion) return;
    const oldRef = getControllerOf(old);
    const curRef = getControllerOf(job);
    // A changed controller reference wakes the old owner too.
    if (oldRef && JSON.stringify(oldRef) !== JSON.stringify(curRef))
      enqueueOwner(host, old.metadata?.namespace, oldRef);
    if (curRef) enqueueOwner(host, job.metadata?.namespace, curRef);
    return;
  }
  const ref = getControllerOf(job);
  if (ref) enqueueOwner(host, job.metadata?.namespace, ref);
}

/** resolveControllerRef: the CronJob named by the reference, if its uid matches. */
function enqueueOwner(
  host: ControllerHost,
  namespace: string | undefined,
  ref: OwnerReference,
): void {
  if (ref.kind !== 'CronJob') return;
  const cj = host.view.get<CronJob>('CronJob', namespace ?? 'default', ref.name);
  if (!cj || cj.metadata?.uid !== ref.uid) return;
  host.enqueue(cronJobKey(cj), 0);
}
