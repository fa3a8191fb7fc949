/**
 * One seed document as a `podlab run --echo` transcript: a folder under cli/seeds/ holding
 * `script.sh` (every shell and kubectl command of the seed, in order, exactly as written, with
 * `sleep N` for the time a learner waits), `home/` (the files the lesson puts in the learner's
 * home, e.g. `home/safari_gke_2/lesson_4/two-times.yaml`) and `expected.txt` (the transcript,
 * with cli/golden's random-name placeholders).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSessionArgs } from '../run';
import { createSimulation } from '../../engine/simulation';
import { createWorkstation } from '../../engine/shell/workstation';
import type { EditorHost } from '../../engine/shell/programs/misc';
import { runScript, type ScriptResult } from '../../engine/shell/script-runner';
import { Notifier } from '../../engine/runtime/notifier';

export const SEEDS = fileURLToPath(new URL('./', import.meta.url));

/** A seed transcript, loaded. */
export interface Seed {
  /** Folder name, e.g. `s000-lesson4`. */
  id: string;
  dir: string;
  script: string;
  expected: string;
  /** The seed's commands as the document writes them (`commands.txt`), placeholders included. */
  commands: string[];
}

/** Every seed folder, in name order. */
export function loadSeeds(): Seed[] {
  return readdirSync(SEEDS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(SEEDS, d.name, 'script.sh')))
    .map((d) => d.name)
    .sort()
    .map((id) => {
      const dir = join(SEEDS, id);
      const expectedPath = join(dir, 'expected.txt');
      const commandsPath = join(dir, 'commands.txt');
      return {
        id,
        dir,
        script: readFileSync(join(dir, 'script.sh'), 'utf8'),
        expected: existsSync(expectedPath) ? readFileSync(expectedPath, 'utf8') : '',
        commands: existsSync(commandsPath) ? splitCommands(readFileSync(commandsPath, 'utf8')) : [],
      };
    });
}

/** The files under `home/`, by path relative to the learner's home. */
function homeFiles(dir: string): Record<string, string> {
  const root = join(dir, 'home');
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path)] = readFileSync(path, 'utf8');
    }
  };
  if (existsSync(root)) walk(root);
  return files;
}

/**
 * The learner's `vi FILE` ("explore the file"): the editor shows it and is closed without saving,
 * as `:q` does. The CLI has no editor; this stands in for the UI's.
 */
const viewer: EditorHost = {
  open() {
    return { closed: new Notifier(), result: { saved: false } };
  },
};

/**
 * Runs a seed the way `podlab run script.sh --echo` does (runScriptText in cli/run.ts: a fresh
 * default cluster, seed 1, the default start time), from the home folder with the lesson's files.
 */
export function runSeed(s: Seed): ScriptResult {
  const { options } = parseSessionArgs(['--echo']);
  const sim = createSimulation({
    seed: options.seed,
    start: options.start,
    cluster: options.cluster,
  });
  const ws = createWorkstation(sim, { files: homeFiles(s.dir), editor: () => viewer });
  return runScript(sim, ws, s.script, { echo: options.echo });
}

/** Splits lines into commands, keeping backslash-continued lines together. */
export function splitCommands(text: string): string[] {
  const commands: string[] = [];
  let current: string | undefined;
  for (const line of text.replace(/\n$/, '').split('\n')) {
    current = current === undefined ? line : `${current}\n${line}`;
    if (!line.endsWith('\\')) {
      commands.push(current);
      current = undefined;
    }
  }
  if (current !== undefined) commands.push(current);
  return commands;
}

/** A learner's placeholder in a seed command: `XXXX…`, `[name]` or `<name>`. */
export const PLACEHOLDER = /X{6,}|\[[A-Za-z]+\]|<[a-z-]+>/g;
