/**
 * Seed transcripts that cannot match yet. Each is a folder under cli/seeds/ whose expected.txt
 * holds what a real Kubernetes 1.32 cluster and workstation would print; seeds.test.ts runs it and
 * requires that it still fails, so the list cannot go stale.
 */

/** Seed folder → what Podlab still lacks. */
export const PENDING: Record<string, string> = {
  's000x-queue-test-pod':
    'typing inside `kubectl run test --rm -ti … -- sh`: podlab run feeds every script line to the ' +
    'workstation bash and gives programs /dev/null as stdin, so the lines meant for the pod ' +
    '(`nc -w 1 queue 1080`, `exit`) never reach it and the session waits for ever. Needs the ' +
    'script runner to type into the foreground program (the pane terminal). busybox nc with an ' +
    'open terminal on stdin also waits for Ctrl-C after printing the number, hence `1…`.',
};

/**
 * What each seed's placeholders stand for in its script, in the order they occur in
 * `commands.txt` (the names seed 1 generates, the nodes of the default cluster).
 */
export const PLACEHOLDERS: Record<string, string[]> = {
  's000-lesson4': ['28948924-m76pj', '96lmq', '7x82t', '7x82t', '2025-01-15'],
  's001-korean-notes': ['node01', 'node02', 'node03', 'testapp-ds-java', 'testapp-cron'],
  's003-novacraft-story': ['daily-report', 'controlplane'],
};
