/**
 * Seed transcripts that cannot match yet. Each is a folder under cli/seeds/ whose expected.txt
 * holds what a real Kubernetes 1.32 cluster and workstation would print; seeds.test.ts runs it and
 * requires that it still fails, so the list cannot go stale.
 */

/** Seed folder → what Podlab still lacks. */
export const PENDING: Record<string, string> = {};
