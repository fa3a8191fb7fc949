/**
 * One golden transcript: a folder under cli/golden/scenarios/ holding `script.sh` (the lines
 * typed, commands exactly as the golden file writes them), `scenario.yaml` (which golden
 * scenario, the `podlab run` options, the exit status), `expected.txt` (the `--echo` transcript
 * with the golden file's placeholders) and the manifests the script reads. A scenario where the
 * golden file disagrees with Kubernetes 1.32 also keeps the golden file's text in `golden.txt`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { parseSessionArgs, runScriptText } from '../run';
import type { ScriptResult } from '../../engine/shell/script-runner';

export const SCENARIOS = fileURLToPath(new URL('./scenarios/', import.meta.url));

/** A golden transcript, loaded. */
export interface Scenario {
  /** Folder name, e.g. `s01-create-job`. */
  id: string;
  dir: string;
  /** The golden file's scenario number, e.g. `S1`. */
  golden: string;
  title: string;
  /** `podlab run` options (besides `--echo`); `--cluster` paths are relative to the folder. */
  args: string[];
  status: number;
  script: string;
  expected: string;
  /** The golden file's own text, where it disagrees with Kubernetes 1.32. */
  goldenText?: string;
}

interface Meta {
  golden: string;
  title: string;
  args?: string[];
  status?: number;
}

/** Every scenario folder, in name order. */
export function loadScenarios(): Scenario[] {
  return readdirSync(SCENARIOS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((id) => {
      const dir = join(SCENARIOS, id);
      const meta = parse(readFileSync(join(dir, 'scenario.yaml'), 'utf8')) as Meta;
      const goldenPath = join(dir, 'golden.txt');
      return {
        id,
        dir,
        golden: meta.golden,
        title: meta.title,
        args: (meta.args ?? []).map(String),
        status: meta.status ?? 0,
        script: readFileSync(join(dir, 'script.sh'), 'utf8'),
        expected: readFileSync(join(dir, 'expected.txt'), 'utf8'),
        goldenText: existsSync(goldenPath) ? readFileSync(goldenPath, 'utf8') : undefined,
      };
    });
}

/** Runs a scenario exactly as `podlab run script.sh --echo ARGS` from its folder would. */
export function runScenario(s: Scenario): ScriptResult {
  const args = s.args.map((a, i) => (s.args[i - 1] === '--cluster' ? join(s.dir, a) : a));
  const { options } = parseSessionArgs([...args, '--echo']);
  return runScriptText(join(s.dir, 'script.sh'), s.script, options);
}
