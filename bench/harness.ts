/** A tiny benchmark harness: each benchmark reports figures; results are written as JSON. */
import { performance } from 'node:perf_hooks';

/** One benchmark's measured figures. */
export interface BenchResult {
  name: string;
  wallMs: number;
  /** Benchmark-specific figures (events/s, virtual/wall ratio, heap, ...). */
  figures: Record<string, number | string | boolean>;
  /** The goal, when the product sets one, and whether it was met. */
  goal?: { wallMsAtMost: number; met: boolean };
}

/** A benchmark: a name, an optional wall-time goal and a body that returns its figures. */
export interface Benchmark {
  name: string;
  goalWallMs?: number;
  run(): Record<string, number | string | boolean>;
}

/** Runs one benchmark and measures its wall time. */
export function measure(bench: Benchmark): BenchResult {
  const start = performance.now();
  const figures = bench.run();
  const wallMs = Math.round((performance.now() - start) * 10) / 10;
  const result: BenchResult = { name: bench.name, wallMs, figures };
  if (bench.goalWallMs !== undefined)
    result.goal = { wallMsAtMost: bench.goalWallMs, met: wallMs <= bench.goalWallMs };
  return result;
}
