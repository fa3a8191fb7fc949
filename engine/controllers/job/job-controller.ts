/**
 * The Job controller (k/k pkg/controller/job/job_controller.go): runs a Job's pods to completion.
 *
 * Informers (setup): a Job added or its spec changed syncs at once; pod events and Job status
 * updates sync it a second later (syncJobBatchPeriod), so bursts of pod changes become one sync;
 * a changed activeDeadlineSeconds re-arms the deadline. Pods that carry the tracking finalizer
 * but whose Job is gone or finished go to the orphan queue, which removes the finalizer —
 * otherwise such pods, once deleted, would hang in Terminating forever.
 *
 * The sync itself is in sync-job.ts (counting and conditions) and manage-job.ts (creating and
 * deleting pods). Keys are `namespace/name` for Jobs and `pod:namespace/name` for orphan pods.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { WatchEvent } from '../../api/apiserver';
import { matches } from '../../api/labels';
import type { KubeObject, OwnerReference } from '../../api/object';
import { jsonEqual } from '../../api/patch';
import { describeObject } from '../../narration';
import type { Duration } from '../../time/instant';
import { parseRFC3339, SECOND } from '../../time/instant';
import type { ClusterView, Controller, ControllerHost, ReconcileResult } from '../framework';
import { BackoffStore } from './backoff-utils';
import { getControllerOf } from './controller-utils';
import { isJobFinished, jobKey, jobSelector, managedByExternalController } from './job-util';
import { SYNC_JOB_BATCH_PERIOD } from './manage-job';
import { JobPodIndex } from './pod-index';
import { indexLookup, scanLookup, type PodIndexLookup } from './pod-lookup';
import type { SyncEnv } from './sync-job-context';
import { syncJob } from './sync-job';
import { hasJobTrackingFinalizer, withoutTrackingFinalizer } from './tracking-utils';
import { runWriteScript, type ScriptSink } from './write-script';

/** The component name (event source) of the job controller. */
export const JOB_CONTROLLER = 'job-controller';
/** Prefix of orphan-pod keys in the work queue. */
const ORPHAN_POD_PREFIX = 'pod:';

/** What the controller remembers between syncs in one simulation. */
interface JobControllerState {
  /** Pod re-creation back-off per Job (podBackoffStore). */
  readonly backoff: BackoffStore;
  /** The incremental pod cache, once the informers are wired. */
  index?: JobPodIndex;
  /** The work queue, once the informers are wired. */
  enqueue?: (key: string, delay?: Duration) => void;
}

/**
 * Per-simulation state, keyed by the manager's cluster view: the controller object is shared,
 * but each simulation passes its own view to setup and to every reconcile.
 */
const states = new WeakMap<ClusterView, JobControllerState>();

function stateFor(view: ClusterView): JobControllerState {
  let state = states.get(view);
  if (!state) states.set(view, (state = { backoff: new BackoffStore() }));
  return state;
}

/** The Job controller. */
export const jobController: Controller = {
  name: JOB_CONTROLLER,

  setup(host: ControllerHost) {
    const state = stateFor(host.view);
    state.index = new JobPodIndex(host.view.list<Pod>('Pod'));
    state.enqueue = (key, delay) => host.enqueue(key, delay);
    host.watch('Job', (e) => onJobEvent(host, state, e));
    host.watch('Pod', (e) => {
      state.index!.observe(e);
      onPodEvent(host, e);
    });
  },

  reconcile(key: string, view: ClusterView): ReconcileResult {
    const state = stateFor(view);
    if (key.startsWith(ORPHAN_POD_PREFIX))
      return syncOrphanPod(key.slice(ORPHAN_POD_PREFIX.length), view);
    const lookup: PodIndexLookup = state.index ? indexLookup(state.index) : scanLookup(view);
    const sink: ScriptSink = { events: [], explanations: [] };
    // Requeues asked for before the first write go back with the result; later ones (made
    // inside write callbacks) go straight to the queue.
    let synchronous = true;
    let requeueAfter: Duration | undefined;
    const env: SyncEnv = {
      view,
      now: view.now,
      backoff: state.backoff,
      sink,
      requeue: (delay) => {
        const d = Math.max(0, delay);
        if (synchronous) requeueAfter = requeueAfter === undefined ? d : Math.min(requeueAfter, d);
        else state.enqueue?.(key, d);
      },
    };
    // Run the sync up to its first write; the rest runs as the manager applies the writes.
    const followup = runWriteScript(syncJob(key, env, lookup), sink);
    synchronous = false;
    return requeueAfter === undefined ? followup : { ...followup, requeueAfter };
  },
};

// ------------------------------------------------------------------------------------ informers

/** addJob / updateJob / deleteJob. */
function onJobEvent(host: ControllerHost, state: JobControllerState, e: WatchEvent): void {
  const job = e.object as unknown as Job;
  const key = jobKey(job);
  if (e.type === 'ADDED') {
    host.enqueue(key, 0);
    return;
  }
  // A deleted Job: its sync forgets its back-off, and its pods' finalizers must go.
  if (e.type === 'DELETED') {
    host.enqueue(key, 0);
    cleanupPodFinalizers(host, state, job);
    return;
  }
  const old = e.old as unknown as Job;
  // A spec change syncs at once; a status update joins the batch of pod events.
  host.enqueue(key, specChanged(old, job) ? 0 : SYNC_JOB_BATCH_PERIOD);
  // A finished Job must not leave finalizers behind; this is the backup path.
  if (isJobFinished(job)) cleanupPodFinalizers(host, state, job);
  // A new or changed activeDeadlineSeconds on a started Job: come back when it runs out.
  const start = job.status?.startTime ? parseRFC3339(job.status.startTime) : undefined;
  const ads = job.spec?.activeDeadlineSeconds;
  if (start !== undefined && ads !== undefined && ads !== null) {
    const oldAds = old.spec?.activeDeadlineSeconds;
    if (oldAds === undefined || oldAds === null || oldAds !== ads)
      host.enqueue(key, Math.max(0, ads * SECOND - (host.view.now - start)));
  }
}

/**
 * Whether the spec changed: the generation moves with every spec change; when the API server
 * keeps no generation the specs are compared.
 */
function specChanged(old: Job, cur: Job): boolean {
  const a = old.metadata?.generation;
  const b = cur.metadata?.generation;
  if (a !== undefined || b !== undefined) return a !== b;
  return JSON.stringify(old.spec) !== JSON.stringify(cur.spec);
}

/** Sends the Job's pods that still carry the finalizer to the orphan queue. */
function cleanupPodFinalizers(host: ControllerHost, state: JobControllerState, job: Job): void {
  const uid = job.metadata?.uid;
  if (!uid) return;
  const candidates = state.index ? state.index.podsOf(uid) : host.view.dependents<Pod>(uid);
  const selector = jobSelector(job);
  for (const pod of candidates) {
    if (
      getControllerOf(pod)?.uid === uid &&
      hasJobTrackingFinalizer(pod) &&
      matches(selector, pod.metadata?.labels)
    )
      enqueueOrphanPod(host, pod);
  }
}

/** addPod / updatePod / deletePod. */
function onPodEvent(host: ControllerHost, e: WatchEvent): void {
  const pod = e.object as unknown as Pod;
  if (e.type === 'DELETED') {
    deletePod(host, pod);
    return;
  }
  if (e.type === 'ADDED') {
    // A pod that shows up already being deleted is not a creation to wait for.
    if (pod.metadata?.deletionTimestamp) {
      deletePod(host, pod);
      return;
    }
    const ref = getControllerOf(pod);
    if (ref) {
      const job = resolveControllerRef(host.view, pod, ref);
      if (job) host.enqueue(jobKey(job), SYNC_JOB_BATCH_PERIOD);
      return;
    }
    // An orphan: drop a leftover finalizer, and let matching Jobs consider adopting it.
    if (hasJobTrackingFinalizer(pod)) enqueueOrphanPod(host, pod);
    for (const job of getPodJobs(host.view, pod)) host.enqueue(jobKey(job), SYNC_JOB_BATCH_PERIOD);
    return;
  }
  const old = e.old as unknown as Pod;
  if (old && old.metadata?.resourceVersion === pod.metadata?.resourceVersion) return;
  // A graceful deletion: react now rather than when the kubelet finally removes the pod.
  if (pod.metadata?.deletionTimestamp) {
    deletePod(host, pod);
    return;
  }
  const curRef = getControllerOf(pod);
  const oldRef = old ? getControllerOf(old) : undefined;
  const refChanged = !sameRef(curRef, oldRef);
  if (refChanged && oldRef) {
    const job = resolveControllerRef(host.view, old, oldRef);
    if (job) host.enqueue(jobKey(job), SYNC_JOB_BATCH_PERIOD);
  }
  if (curRef) {
    const job = resolveControllerRef(host.view, pod, curRef);
    if (job) host.enqueue(jobKey(job), SYNC_JOB_BATCH_PERIOD);
    return;
  }
  if (hasJobTrackingFinalizer(pod)) enqueueOrphanPod(host, pod);
  if (refChanged || !jsonEqual(old?.metadata?.labels, pod.metadata?.labels))
    for (const job of getPodJobs(host.view, pod)) host.enqueue(jobKey(job), SYNC_JOB_BATCH_PERIOD);
}

/** Whether two controller references are the same (reflect.DeepEqual on the fields that matter). */
function sameRef(a: OwnerReference | undefined, b: OwnerReference | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.uid === b.uid &&
    a.name === b.name &&
    a.kind === b.kind &&
    a.apiVersion === b.apiVersion &&
    a.blockOwnerDeletion === b.blockOwnerDeletion
  );
}

/** A pod went away or started terminating: its Job may need a replacement or to finish. */
function deletePod(host: ControllerHost, pod: Pod): void {
  const ref = getControllerOf(pod);
  const hasFinalizer = hasJobTrackingFinalizer(pod);
  if (!ref) {
    // Maybe the garbage collector orphaned it: the finalizer still has to go.
    if (hasFinalizer) enqueueOrphanPod(host, pod);
    return;
  }
  const job = resolveControllerRef(host.view, pod, ref);
  if (!job || isJobFinished(job)) {
    // No sync will account for this pod any more.
    if (hasFinalizer) enqueueOrphanPod(host, pod);
    return;
  }
  host.enqueue(jobKey(job), SYNC_JOB_BATCH_PERIOD);
}

/** Queues a pod for the orphan-finalizer cleanup (the orphanQueue of upstream). */
function enqueueOrphanPod(host: ControllerHost, pod: Pod): void {
  host.enqueue(
    `${ORPHAN_POD_PREFIX}${pod.metadata?.namespace ?? 'default'}/${pod.metadata!.name}`,
    0,
  );
}

/** The Job a controller reference names, if it exists with that uid (resolveControllerRef). */
function resolveControllerRef(
  view: ClusterView,
  pod: Pod,
  ref: NonNullable<ReturnType<typeof getControllerOf>>,
): Job | undefined {
  if (ref.kind !== 'Job') return undefined;
  const job = view.get<Job>('Job', pod.metadata?.namespace ?? 'default', ref.name);
  return job && job.metadata?.uid === ref.uid ? job : undefined;
}

/** Jobs in the pod's namespace whose selector matches it (getPodJobs). */
function getPodJobs(view: ClusterView, pod: Pod): Job[] {
  return view
    .list<Job>('Job', pod.metadata?.namespace ?? 'default')
    .filter((job) => matches(jobSelector(job), pod.metadata?.labels));
}

// ------------------------------------------------------------------------------------ orphans

/**
 * Removes the tracking finalizer from a pod no live, unfinished Job accounts for
 * (syncOrphanPod). Pods owned by something other than a batch/v1 Job, or by a Job that another
 * controller manages, are left alone.
 */
function syncOrphanPod(nsName: string, view: ClusterView): ReconcileResult {
  const slash = nsName.indexOf('/');
  const pod = view.get<Pod>('Pod', nsName.slice(0, slash), nsName.slice(slash + 1));
  if (!pod) return {};
  const ref = getControllerOf(pod);
  if (ref) {
    // Another kind of owner may use the same finalizer name for its own purposes.
    if (ref.kind !== 'Job' || ref.apiVersion !== 'batch/v1') return {};
    const job = resolveControllerRef(view, pod, ref);
    if (job && managedByExternalController(job)) return {};
    // Adopted again, or its Job still runs: the Job's sync owns the finalizer.
    if (job && !isJobFinished(job)) return {};
  }
  const stripped = withoutTrackingFinalizer(pod);
  if (!stripped) return {};
  return {
    actions: [{ op: 'update', object: stripped as KubeObject }],
    explanations: [
      {
        object: describeObject('Pod', pod.metadata?.namespace, pod.metadata!.name!),
        message: `Removed the job-tracking finalizer: no running Job counts this pod any more, so it may be deleted`,
        field: 'metadata.finalizers',
      },
    ],
  };
}
