/**
 * What a lesson is, for the classroom and for `podlab lessons verify`: a folder
 * `lessons/<nn-slug>/` with `lesson.md` (the story), `files/` (what the learner's working folder
 * holds), `solution.sh` (the commands that complete it), an optional `cluster.yaml`, and
 * `checks.ts` exporting `checks` — conditions on the cluster and the terminal that the engine
 * evaluates live in the classroom and after the solution in CI.
 */
import type { KubeObject } from '../engine/api/object';

/** What a check can look at. */
export interface CheckContext {
  /** Objects of a kind (in a namespace; default `default`). */
  list(kind: string, namespace?: string): KubeObject[];
  /** One object, if it exists. */
  get(kind: string, name: string, namespace?: string): KubeObject | undefined;
  /** Everything the terminal has shown so far (commands included). */
  transcript: string;
}

/** One self-checking step condition. */
export interface LessonCheck {
  /** A short id, e.g. `job-complete`. */
  id: string;
  /** What the learner should have achieved, in one sentence. */
  description: string;
  /** True when met, or a sentence saying what is still missing. */
  check(ctx: CheckContext): true | string;
}

/** The module a lesson's `checks.ts` exports. */
export interface LessonChecksModule {
  checks: LessonCheck[];
  /** The folder (under the home folder) the lesson works in, e.g. `lesson_4`. */
  workdir?: string;
}
