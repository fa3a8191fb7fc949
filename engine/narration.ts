/**
 * The narration feed: every controller decision as one plain sentence naming the field that
 * caused it ("Next pod in 40 s: 3 failures so far, spec.backoffLimit 6"). Separate from
 * Kubernetes Events, which keep upstream wording.
 */
import type { Instant } from './time/instant';

/** One explanation of a decision. */
export interface Explanation {
  /** The object the decision is about, as `kind/namespace/name`. */
  object: string;
  /** The plain-language sentence. */
  message: string;
  /** The field that caused it, e.g. `spec.parallelism`. */
  field?: string;
}

/** An explanation with when and by whom it was made. */
export interface NarrationEntry extends Explanation {
  at: Instant;
  /** The deciding component, e.g. `job-controller`. */
  source: string;
}

/** A bounded log of explanations (oldest dropped first). */
export class NarrationLog {
  private entries: NarrationEntry[] = [];
  private listeners = new Set<(entry: NarrationEntry) => void>();

  constructor(private readonly capacity = 2000) {}

  /** Adds an entry and tells listeners. */
  add(entry: NarrationEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity)
      this.entries.splice(0, this.entries.length - this.capacity);
    for (const l of this.listeners) l(entry);
  }

  /** Entries, oldest first. */
  all(): readonly NarrationEntry[] {
    return this.entries;
  }

  /** Subscribes to new entries; returns the unsubscribe function. */
  subscribe(listener: (entry: NarrationEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** `kind/namespace/name` (or `kind/name` when cluster-scoped) for narration. */
export function describeObject(kind: string, namespace: string | undefined, name: string): string {
  return namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`;
}
