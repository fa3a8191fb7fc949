/**
 * Running a controller sync that needs the results of its own writes.
 *
 * Upstream's syncJob calls the API and looks at each answer: it counts only the pods whose
 * creation succeeded, stops creating after an error (slow start), and writes the Job status
 * again with the pods whose finalizer it managed to remove. Podlab's controllers instead return
 * actions that the ControllerManager applies. A WriteScript bridges the two: a generator that
 * yields a batch of writes and receives their outcomes, so the sync reads like upstream's code.
 * Each batch becomes actions whose last callback resumes the script with the outcomes.
 *
 * Events and explanations the script reports are emitted once it ends, in the order reported,
 * so they keep upstream's order even though later batches run inside earlier callbacks.
 */
import type { DeleteOptions } from '../../api/apiserver';
import type { EventIntent } from '../../api/events';
import type { Result, StatusError } from '../../api/errors';
import type { KubeObject } from '../../api/object';
import type { Explanation } from '../../narration';
import type { Action, Followup } from '../framework';

/** One write of a batch. */
export type Write =
  | { op: 'create'; object: KubeObject; namespace?: string }
  | { op: 'update'; object: KubeObject; status?: boolean }
  | { op: 'delete'; kind: string; namespace: string; name: string; options?: DeleteOptions };

/** The outcome of a write: the object the API server returned, or its error. */
export type Outcome = Result<KubeObject>;

/** A sync that yields batches of writes and is resumed with their outcomes. */
export type WriteScript = Generator<Write[], void, Outcome[]>;

/** Where a script reports what it decided. */
export interface ScriptSink {
  events: EventIntent[];
  explanations: Explanation[];
}

// @simplified: upstream records each event the moment it decides; here a sync's events are
// recorded together when it ends — the same instant of virtual time and the same order.
/**
 * Starts a script: runs it up to its first batch of writes and returns that batch as actions
 * (or, if it never writes, its events and explanations).
 */
export function runWriteScript(script: WriteScript, sink: ScriptSink): Followup {
  return advance(script, () => script.next(undefined as unknown as Outcome[]), sink);
}

function advance(
  script: WriteScript,
  resume: () => IteratorResult<Write[], void>,
  sink: ScriptSink,
): Followup {
  let step: IteratorResult<Write[], void>;
  try {
    step = resume();
    // A batch without writes needs no round trip.
    while (!step.done && step.value.length === 0) step = script.next([]);
  } catch (error) {
    // A bug must not escape into the API server's write path: report it and stop this sync.
    sink.explanations.push({
      object: 'job-controller',
      message: `internal error while syncing: ${error instanceof Error ? error.message : String(error)}`,
    });
    step = { done: true, value: undefined };
  }
  if (step.done) return drain(sink);
  const batch = step.value;
  const outcomes: Outcome[] = new Array(batch.length);
  let settled = 0;
  const settle = (i: number, outcome: Outcome): Followup | void => {
    outcomes[i] = outcome;
    settled++;
    // The manager applies a batch's actions in order, so the last one settles the batch.
    if (settled === batch.length) return advance(script, () => script.next(outcomes), sink);
  };
  const actions: Action[] = batch.map((write, i): Action => {
    const onSuccess = (value: KubeObject) => settle(i, { ok: true, value });
    const onFailure = (error: StatusError) => settle(i, { ok: false, error });
    return { ...write, onSuccess, onFailure } as Action;
  });
  return { actions };
}

/** Everything the script reported, handed to the manager once. */
function drain(sink: ScriptSink): Followup {
  const events = sink.events.splice(0);
  const explanations = sink.explanations.splice(0);
  return {
    ...(events.length ? { events } : {}),
    ...(explanations.length ? { explanations } : {}),
  };
}
