/**
 * What one sync of a Job works with (k/k pkg/controller/job/job_controller.go#syncJobCtx), and
 * the environment a sync runs in: the live cluster view, the controller's memory, and where
 * decisions, events and requeues go.
 */
import type { Job, JobCondition, JobStatus } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { EventIntent } from '../../api/events';
import type { KubeObject } from '../../api/object';
import type { ClusterView } from '../framework';
import { describeObject } from '../../narration';
import type { Duration, Instant } from '../../time/instant';
import type { BackoffRecord, BackoffStore } from './backoff-utils';
import type { Interval } from './ordered-intervals';
import type { ScriptSink } from './write-script';

/** The per-sync state, as upstream's syncJobCtx. */
export interface SyncJobCtx {
  /** The Job as read at the start of the sync (spec and metadata). */
  job: Job;
  /** The status being built; written with the status subresource. */
  status: JobStatus;
  /** The Job's pods that matter (claimed). */
  pods: Pod[];
  /** Pods neither terminal nor being deleted. */
  activePods: Pod[];
  /** The interim or terminal condition decided so far. */
  finishedCondition?: JobCondition;
  /** Succeeded pods, counted or not yet counted. */
  succeeded: number;
  /** Failed pods that count toward backoffLimit, counted or not yet counted. */
  failed: number;
  /** Indexed: succeeded indexes as stored in status before this sync. */
  prevSucceededIndexes: Interval[];
  /** Indexed: succeeded indexes including pods not counted yet. */
  succeededIndexes: Interval[];
  /** Indexed with backoffLimitPerIndex: failed indexes. */
  failedIndexes?: Interval[];
  /** The back-off record including this sync's newly finished pods. */
  newBackoffRecord: BackoffRecord;
  /** UIDs already in status.uncountedTerminatedPods. */
  uncountedSucceeded: Set<string>;
  uncountedFailed: Set<string>;
  /** backoffLimitPerIndex: failed pods kept until their index has a replacement. */
  podsWithDelayedDeletionPerIndex: Map<number, Pod>;
  /** Pods being deleted that are not terminal yet. */
  terminating: number;
  /** Active pods whose Ready condition is True. */
  ready: number;
}

/** The services a sync uses. */
export interface SyncEnv {
  readonly view: ClusterView;
  readonly now: Instant;
  readonly backoff: BackoffStore;
  readonly sink: ScriptSink;
  // @simplified: after a failed API write upstream requeues with an exponential rate limiter
  // (1 s doubling to 1 min); Podlab retries after the one-second batch period.
  /** Asks for another sync of this Job after `delay`. */
  requeue(delay: Duration): void;
}

/** The live Job (re-read, so a write after an earlier write carries the current version). */
export function freshJob(env: SyncEnv, job: Job): Job | undefined {
  const current = env.view.get<Job>(
    'Job',
    job.metadata?.namespace ?? 'default',
    job.metadata?.name ?? '',
  );
  return current && current.metadata?.uid === job.metadata?.uid ? current : undefined;
}

/** Records an event about the Job. */
export function recordEvent(
  env: SyncEnv,
  job: Job,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
): void {
  const event: EventIntent = { object: job as unknown as KubeObject, type, reason, message };
  env.sink.events.push(event);
}

/** Records a narration sentence about the Job, naming the field behind the decision. */
export function explain(env: SyncEnv, job: Job, message: string, field?: string): void {
  env.sink.explanations.push({
    object: describeObject('Job', job.metadata?.namespace ?? 'default', job.metadata?.name ?? ''),
    message,
    ...(field ? { field } : {}),
  });
}

/** "1 pod" / "3 pods". */
export function pods(n: number): string {
  return `${n} pod${n === 1 ? '' : 's'}`;
}

/** Seconds for narration, rounded up so a wait is never shown shorter than it is. */
export function seconds(ms: Duration): string {
  return `${Math.ceil(ms / 1000)} s`;
}
