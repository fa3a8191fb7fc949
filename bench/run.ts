/** `npm run bench`: runs every benchmark once and writes bench/results/latest.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { measure, type Benchmark, type BenchResult } from './harness';
import { clockBenchmark } from './clock.bench';
import { clusterBenchmark } from './cluster.bench';
import { jobBenchmark } from '../engine/controllers/job/job.bench';
import { daemonSetBenchmark } from '../engine/controllers/daemonset/daemonset.bench';
import { cronJobBenchmark } from './cronjob.bench';

const benchmarks: Benchmark[] = [
  clockBenchmark,
  clusterBenchmark(5000, 20),
  jobBenchmark,
  daemonSetBenchmark,
  cronJobBenchmark(7),
];
const filter = process.argv[2];
const results: BenchResult[] = [];
for (const bench of benchmarks) {
  if (filter && !bench.name.includes(filter)) continue;
  const result = measure(bench);
  results.push(result);
  process.stderr.write(`${result.name}: ${result.wallMs} ms ${JSON.stringify(result.figures)}\n`);
}
const report = { node: process.version, date: new Date().toISOString(), results };
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/latest.json', import.meta.url),
  JSON.stringify(report, null, 2) + '\n',
);
process.stdout.write(JSON.stringify(report, null, 2) + '\n');
