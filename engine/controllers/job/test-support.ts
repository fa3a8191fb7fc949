/**
 * Test support for the Job controller: Jobs built the way the API server stores them, a
 * stand-in for the API server's Job strategy, and a harness that runs one reconcile at a chosen
 * instant against a real API server and reports what it wrote.
 *
 * The real Job strategy (defaulting, the generated selector and labels, generation) lives with
 * the API registry; these helpers reproduce just the parts the controller depends on
 * (k/k pkg/apis/batch/v1/defaults.go#SetDefaults_Job, pkg/registry/batch/job/strategy.go
 * #generateSelector), as upstream's controller tests build their Jobs by hand.
 */
import type { Job, JobSpec } from 'kubernetes-types/batch/v1';
import type { Pod, PodStatus } from 'kubernetes-types/core/v1';
import { ApiServer, type WatchEvent } from '../../api/apiserver';
import { EventRecorder } from '../../api/events';
import type { KubeObject } from '../../api/object';
import { generateJobSelector, strategyFor } from '../../api/registry';
import { createNamespace } from '../../cluster/bootstrap';
import { NarrationLog, type NarrationEntry } from '../../narration';
import { Rng } from '../../random';
import { formatRFC3339, type Duration, type Instant } from '../../time/instant';
import {
  ControllerManager,
  type ClusterView,
  type Controller,
  type ReconcileResult,
} from '../framework';
import { JOB_TRACKING_FINALIZER } from './job-util';

/** Fills the registry's Job defaults into a Job (in place), as the API server does on create. */
export function setJobDefaults(job: KubeObject): void {
  strategyFor('Job')!.applyDefaults(job);
}

/** Adds the generated selector and pod labels for a Job with this uid (the registry's generateSelector). */
export function generateSelector(job: KubeObject, uid: string): void {
  job.metadata = { ...job.metadata, uid };
  generateJobSelector(job);
}

// Spec fields pass through unchanged; the three extras shape the pod template.
/** What a test Job is built from. */
export interface JobOptions extends Partial<JobSpec> {
  /** Container command (default `sleep 1` from the fake `tiny` image). */
  command?: string[];
  restartPolicy?: 'Never' | 'OnFailure';
  /** Extra template labels. */
  labels?: Record<string, string>;
}

// One container `c` from the fake `tiny` image; everything else comes from the options.
/** A Job manifest as a client sends it (the strategy adds defaults and the selector). */
export function jobManifest(name: string, options: JobOptions = {}): KubeObject {
  const { command = ['sleep', '1'], restartPolicy = 'Never', labels, ...spec } = options;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: {
      ...spec,
      template: {
        ...(labels ? { metadata: { labels: { ...labels } } } : {}),
        spec: {
          restartPolicy,
          containers: [{ name: 'c', image: 'tiny:1', command }],
        },
      },
    },
  };
}

// The uid is fixed (`uid-<name>`) so tests can name it, as upstream's tests use fixed UIDs.
/**
 * A Job as the API server stores it — defaults filled, generated selector and labels, uid,
 * creation time — for seeding a harness directly (as upstream's controller tests do).
 */
export function storedJob(
  name: string,
  options: JobOptions & { uid?: string; created?: Instant; status?: Job['status'] } = {},
): KubeObject {
  const { uid = `uid-${name}`, created = 0, status, ...rest } = options;
  const job = jobManifest(name, rest);
  setJobDefaults(job);
  generateSelector(job, uid);
  job.metadata = {
    ...job.metadata,
    labels: { ...job.metadata.labels },
    namespace: 'default',
    uid,
    generation: 1,
    resourceVersion: '1',
    creationTimestamp: formatRFC3339(created),
  };
  if (status) job.status = status;
  return job;
}

// Everything optional: a bare podOf() is a Running, Ready pod on node01 with the finalizer.
/** What a test pod of a Job looks like. */
export interface PodOptions {
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  ready?: boolean;
  /** Exit code of the container when terminated. */
  exitCode?: number;
  /** When the container finished (terminated pods) or started. */
  finishedAt?: Instant;
  created?: Instant;
  node?: string;
  restarts?: number;
  finalizer?: boolean;
  deleting?: Instant;
  index?: number;
  annotations?: Record<string, string>;
  conditions?: Array<{ type: string; status: string }>;
}

// Pods are built directly rather than run by a kubelet, so a table can put them in any state
// at any instant: phase, readiness, exit code, finish time, finalizer, deletion, index.
/** A pod of `job` as the controller would have created it, in the given state. */
export function podOf(job: KubeObject, name: string, o: PodOptions = {}): KubeObject {
  const phase = o.phase ?? 'Running';
  const template = (job.spec as JobSpec).template!;
  const at = (t: Instant | undefined) => formatRFC3339(t ?? 0);
  const state =
    phase === 'Succeeded' || phase === 'Failed'
      ? {
          terminated: {
            exitCode: o.exitCode ?? (phase === 'Succeeded' ? 0 : 1),
            reason: phase === 'Succeeded' ? 'Completed' : 'Error',
            startedAt: at(o.created),
            finishedAt: at(o.finishedAt),
          },
        }
      : phase === 'Running'
        ? { running: { startedAt: at(o.created) } }
        : { waiting: { reason: 'ContainerCreating' } };
  const annotations = {
    ...o.annotations,
    ...(o.index !== undefined
      ? { 'batch.kubernetes.io/job-completion-index': String(o.index) }
      : {}),
  };
  const ready = o.ready ?? phase === 'Running';
  const status: PodStatus = {
    phase,
    conditions: [
      {
        type: 'Ready',
        status: ready ? 'True' : 'False',
        lastTransitionTime: at(o.finishedAt ?? o.created),
      },
      ...(o.conditions ?? []),
    ],
    containerStatuses: [
      { name: 'c', image: 'tiny:1', imageID: '', ready, restartCount: o.restarts ?? 0, state },
    ],
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      resourceVersion: '1',
      creationTimestamp: at(o.created),
      labels: { ...template.metadata?.labels },
      ...(Object.keys(annotations).length ? { annotations } : {}),
      ...(o.finalizer === false ? {} : { finalizers: [JOB_TRACKING_FINALIZER] }),
      ...(o.deleting !== undefined
        ? { deletionTimestamp: at(o.deleting), deletionGracePeriodSeconds: 30 }
        : {}),
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'Job',
          name: job.metadata.name!,
          uid: job.metadata.uid!,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      ...template.spec,
      ...(o.node === undefined ? { nodeName: 'node01' } : o.node ? { nodeName: o.node } : {}),
    },
    status,
  } as KubeObject;
}

// What a table case asserts on, in the order things happened within the sync.
/** What one reconcile did. */
export interface SyncReport {
  /** Pods created, as stored. */
  created: Pod[];
  /** Names of pods deleted (or marked for deletion). */
  deleted: string[];
  /** Names of pods whose tracking finalizer was removed. */
  finalizerRemoved: string[];
  /** Every status the Job was written with, in order. */
  statuses: Array<NonNullable<Job['status']>>;
  /** Events as `Type Reason Message`. */
  events: string[];
  /** Narration sentences. */
  explanations: NarrationEntry[];
  /** The delay the result asked for. */
  requeueAfter?: Duration;
  /** Every enqueue the controller made (informers and late requeues), with its delay. */
  enqueued: Array<{ key: string; delay: Duration }>;
}

// Timers are recorded (as enqueues) but never run, so nothing happens between two syncs except
// what the test does. Objects are seeded straight into the store, with their uids, versions and
// statuses exactly as given, before the controller's informers are set up.
/**
 * One controller against a real API server, with time and syncs under the test's control:
 * nothing runs unless the test calls `sync`.
 */
export class ReconcileHarness {
  readonly server: ApiServer;
  readonly narration = new NarrationLog();
  private readonly manager: ControllerManager;
  private readonly recorder: EventRecorder;
  private time: Instant;
  /** Every enqueue the controller made since the harness started. */
  readonly enqueued: Array<{ key: string; delay: Duration }> = [];
  private readonly rng = Rng.seeded(1);

  constructor(
    private readonly controller: Controller,
    objects: KubeObject[],
    start: Instant = 0,
  ) {
    this.time = start;
    const now = () => this.time;
    this.server = new ApiServer({
      now,
      rng: this.rng.fork('apiserver'),
      strategies: strategyFor,
    });
    createNamespace(this.server, 'default');
    // Seed objects exactly as given (uids, versions and statuses included).
    for (const obj of objects) this.server.store.put(obj);
    const after = (delay: Duration, label: string) => {
      const prefix = `${controller.name} `;
      if (label.startsWith(prefix)) this.enqueued.push({ key: label.slice(prefix.length), delay });
      return {};
    };
    this.recorder = new EventRecorder(this.server, now, after, () => {});
    this.manager = new ControllerManager({
      server: this.server,
      recorder: this.recorder,
      narration: this.narration,
      now,
      rng: this.rng,
      after,
      cancel: () => {},
    });
    this.manager.add(controller);
  }

  /** Moves the clock to `t` (ms since the epoch). */
  at(t: Instant): this {
    this.time = t;
    return this;
  }

  /** Runs one reconcile of `key` now and reports its writes. */
  // The report is gathered from the API server's watch stream while the writes are applied.
  sync(key: string): SyncReport {
    const report: SyncReport = {
      created: [],
      deleted: [],
      finalizerRemoved: [],
      statuses: [],
      events: [],
      explanations: [],
      enqueued: [],
    };
    const seen = this.narration.all().length;
    const queued = this.enqueued.length;
    const stop = this.server.watch('*', (e: WatchEvent) => record(report, e));
    const result: ReconcileResult = this.controller.reconcile(key, this.manager.view, this.rng);
    this.manager.apply(this.controller.name, result);
    stop();
    report.requeueAfter = result.requeueAfter;
    report.explanations = this.narration.all().slice(seen);
    report.enqueued = this.enqueued.slice(queued);
    return report;
  }

  /** The read-only view the controller reconciles against. */
  get view(): ClusterView {
    return this.manager.view;
  }

  /** A stored object. */
  get<T = KubeObject>(kind: string, name: string): T | undefined {
    return this.server.get(kind, 'default', name) as T | undefined;
  }
}

// Classifies one watch event of the sync: events, pods created / deleted / unfinalized, and
// each status the Job was written with.
function record(report: SyncReport, e: WatchEvent): void {
  const obj = e.object;
  if (obj.kind === 'Event') {
    if (e.type === 'ADDED') report.events.push(`${obj.type} ${obj.reason} ${obj.message}`);
    return;
  }
  if (obj.kind === 'Pod') {
    const pod = obj as unknown as Pod;
    if (e.type === 'ADDED') report.created.push(pod);
    const old = e.old as unknown as Pod | undefined;
    const hadFinalizer = old?.metadata?.finalizers?.includes(JOB_TRACKING_FINALIZER);
    const hasFinalizer =
      e.type !== 'DELETED' && pod.metadata?.finalizers?.includes(JOB_TRACKING_FINALIZER);
    if (hadFinalizer && !hasFinalizer) report.finalizerRemoved.push(pod.metadata!.name!);
    // A graceful deletion shows as the deletion timestamp appearing; an immediate one as DELETED.
    const marked = !old?.metadata?.deletionTimestamp && !!pod.metadata?.deletionTimestamp;
    if ((e.type === 'DELETED' && !hadFinalizer) || marked) {
      if (!report.deleted.includes(pod.metadata!.name!)) report.deleted.push(pod.metadata!.name!);
    }
    return;
  }
  if (
    obj.kind === 'Job' &&
    e.type === 'MODIFIED' &&
    JSON.stringify(obj.status) !== JSON.stringify(e.old?.status)
  )
    report.statuses.push(obj.status as NonNullable<Job['status']>);
}
