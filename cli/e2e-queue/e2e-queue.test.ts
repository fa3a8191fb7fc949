/**
 * The seed's externally coordinated batch process end to end (lesson 4.1, seed 000;
 * /work/shared/reference/lesson-sources.md §2.3–2.4): `startQueue.sh` (a bare `nc -l` loop
 * exposed as Service `queue`) run twice, then `multiplier.yaml` (three workers, no completions)
 * applied and its logs counted as in the lesson. Runs through `podlab run --echo` like the
 * golden transcripts, and checks the acceptance lines on their own too.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSessionArgs, runScriptText } from '../run';
import { matchTranscript, renderExpected } from '../golden/transcript-match';

const DIR = fileURLToPath(new URL('./', import.meta.url));
const read = (name: string) => readFileSync(DIR + name, 'utf8');
/** The lesson's files (startQueue.sh, multiplier.yaml): seed 000's, shared with cli/seeds. */
const LESSON = fileURLToPath(
  new URL('../seeds/s000-lesson4/home/safari_gke_2/lesson_4/', import.meta.url),
);

/** The output of the last command typed as `$ COMMAND` (up to the next prompt). */
function outputOf(transcript: string, command: string): string {
  const start = transcript.lastIndexOf(`$ ${command}\n`);
  expect(start, `command not in transcript: ${command}`).toBeGreaterThanOrEqual(0);
  const from = start + command.length + 3;
  const end = transcript.indexOf('\n$ ', from - 1);
  return transcript.slice(from, end < 0 ? undefined : end + 1);
}

describe('queue + multiplier (seed 000, lesson 4.1)', () => {
  const { options } = parseSessionArgs(['--echo']);
  // The script runs in the lesson's folder, as the learner does after `cd ~/…/lesson_4`.
  const result = runScriptText(LESSON + 'script.sh', read('script.sh'), options);

  it('matches the whole transcript', () => {
    const expected = read('expected.txt');
    const m = matchTranscript(expected, result.output);
    if (!m.ok) expect(result.output).toBe(renderExpected(expected, m.bindings));
    expect(result.status).toBe(0);
  });

  it('processes the items 1..100 exactly once across the three workers', () => {
    // GNU wc in Cloud Shell: 100 lines, 100 words, 347 bytes.
    expect(outputOf(result.output, 'kubectl logs -l job-name=multiplier --tail=-1 | wc')).toBe(
      '    100     100     347\n',
    );
    // Without --tail=-1 a selector shows the last 10 lines of each of the 3 pods.
    expect(outputOf(result.output, 'kubectl logs -l job-name=multiplier | wc')).toBe(
      '     30      30     120\n',
    );
    const sorted = outputOf(
      result.output,
      'kubectl logs -l job-name=multiplier --tail=-1 | sort -g',
    );
    expect(sorted).toBe(Array.from({ length: 100 }, (_, i) => `${(i + 1) * 2}\n`).join(''));
  });

  it('completes the Job as work-queue mode does: 3/1 of 3, about 35 s', () => {
    expect(result.output).toMatch(/multiplier {3}Complete {3}3\/1 of 3 {6}3[5-9]s {8}60s\n/);
    expect(result.output).toContain(
      'Pods Statuses:    0 Active (0 Ready) / 3 Succeeded / 0 Failed\n',
    );
  });
});
