/**
 * Which golden transcripts are expected to fail today, and where the golden file disagrees with
 * Kubernetes 1.32. Both lists are checked by golden.test.ts: a pending scenario that starts
 * passing fails the suite until it is removed here.
 */

/** Scenario folder → what it still needs. */
export const PENDING: Record<string, string> = {
  's01-create-job': 'needs kubectl create job, get, logs',
  's03-declarative-job': 'needs kubectl apply, get',
  's04-sequential-completions': 'needs kubectl apply, get',
  's05-parallelism': 'needs kubectl apply, get',
  's08-backoff-limit': 'needs kubectl apply, get, describe',
  's11-ttl-after-finished': 'needs kubectl apply, get',
  's12-suspend-resume': 'needs kubectl apply, get, patch',
  's14-restart-policy-always': 'needs kubectl apply, get',
  's15-template-immutable': 'needs kubectl apply',
  's16-delete-not-found': 'needs kubectl create job, delete, get, logs',
  's17-pod-failure-policy': 'needs kubectl apply, get, describe',
};

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
};
