/**
 * `podlab lessons verify`: runs every lesson's solution on a fresh cluster and evaluates the
 * lesson's checks against the result; non-zero exit when any check fails.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSimulation } from '../engine/simulation';
import { parseClusterFile } from '../engine/cluster/cluster-file';
import { createWorkstation, HOME } from '../engine/shell/workstation';
import { runScript } from '../engine/shell/script-runner';
import type { CheckContext, LessonChecksModule } from '../lessons/lesson';
import { DEFAULT_SEED, DEFAULT_START, UsageError } from './run';
import { parseRFC3339 } from '../engine/time/instant';

const LESSONS = fileURLToPath(new URL('../lessons/', import.meta.url));

/** The result of verifying one lesson. */
export interface LessonVerdict {
  lesson: string;
  passed: string[];
  failed: Array<{ id: string; reason: string }>;
}

function filesUnder(dir: string, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(out, filesUnder(path, `${prefix}/${name}`));
    else out[`${prefix}/${name}`] = readFileSync(path, 'utf8');
  }
  return out;
}

/** Runs one lesson's solution and checks. */
export async function verifyLesson(dir: string): Promise<LessonVerdict> {
  const name = relative(LESSONS, dir);
  const module = (await import(join(dir, 'checks.ts'))) as LessonChecksModule;
  const workdir = module.workdir ?? name;
  const clusterFile = join(dir, 'cluster.yaml');
  let cluster;
  if (existsSync(clusterFile)) {
    const spec = parseClusterFile(readFileSync(clusterFile, 'utf8'));
    if ('error' in spec) throw new UsageError(`${name}/cluster.yaml: ${spec.error}`);
    cluster = spec;
  }
  const sim = createSimulation({
    seed: DEFAULT_SEED,
    start: parseRFC3339(DEFAULT_START)!,
    cluster,
  });
  const ws = createWorkstation(sim, { files: filesUnder(join(dir, 'files'), workdir) });
  const run = runScript(sim, ws, readFileSync(join(dir, 'solution.sh'), 'utf8'), {
    echo: true,
    cwd: `${HOME}/${workdir}`,
  });
  const ctx: CheckContext = {
    list: (kind, namespace = 'default') => sim.server.list(kind, { namespace }),
    get: (kind, n, namespace = 'default') => sim.server.get(kind, namespace, n),
    transcript: run.output,
  };
  const verdict: LessonVerdict = { lesson: name, passed: [], failed: [] };
  for (const check of module.checks) {
    let result: true | string;
    try {
      result = check.check(ctx);
    } catch (e) {
      result = `the check threw: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (result === true) verdict.passed.push(check.id);
    else verdict.failed.push({ id: check.id, reason: result });
  }
  return verdict;
}

/** Every lesson folder (those with a solution.sh), in order. */
export function lessonFolders(): string[] {
  return readdirSync(LESSONS)
    .sort()
    .map((n) => join(LESSONS, n))
    .filter((d) => statSync(d).isDirectory() && existsSync(join(d, 'solution.sh')));
}

/** Runs `podlab lessons …`; returns the exit status. */
export async function lessonsCommand(args: string[]): Promise<number> {
  if (args[0] !== 'verify' || args.length > 1) throw new UsageError('usage: podlab lessons verify');
  const folders = lessonFolders();
  let failed = 0;
  for (const dir of folders) {
    const v = await verifyLesson(dir);
    if (v.failed.length === 0)
      process.stdout.write(`ok    ${v.lesson}: ${v.passed.length} checks passed\n`);
    else {
      failed++;
      process.stdout.write(
        `FAIL  ${v.lesson}: ${v.failed.map((f) => `${f.id} (${f.reason})`).join(', ')}\n`,
      );
    }
  }
  process.stdout.write(`${folders.length - failed} of ${folders.length} lessons verified\n`);
  return failed === 0 ? 0 : 1;
}
