/**
 * The golden scenarios as `podlab run --echo` transcripts, compared byte for byte (placeholders
 * aside, see transcript-match.ts). A pending scenario must still fail, so the list cannot go
 * stale: once it passes, this test asks for it to be taken off `PENDING` (status.ts).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadScenarios, runScenario, type Scenario } from './scenario';
import { DEVIATIONS, PENDING } from './status';
import { matchTranscript, renderExpected } from './transcript-match';

const scenarios = loadScenarios();
/** GOLDEN_STRICT=1 runs pending scenarios as ordinary ones, to see their diffs. */
const strict = process.env.GOLDEN_STRICT === '1';

function verdict(s: Scenario): { ok: boolean; output: string; status: number; error?: string } {
  try {
    const r = runScenario(s);
    const ok = matchTranscript(s.expected, r.output).ok && r.status === s.status;
    return { ok, ...r };
  } catch (e) {
    return { ok: false, output: '', status: -1, error: e instanceof Error ? e.stack : String(e) };
  }
}

describe('golden transcripts (cli/golden/scenarios)', () => {
  it('has a scenario folder for every id of the pending and deviation lists', () => {
    const ids = new Set(scenarios.map((s) => s.id));
    expect(Object.keys(PENDING).filter((id) => !ids.has(id))).toEqual([]);
    expect(Object.keys(DEVIATIONS).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('lists a deviation exactly where golden.txt records the golden file disagreeing', () => {
    for (const s of scenarios) {
      expect(s.goldenText !== undefined, `${s.id}: golden.txt iff listed in DEVIATIONS`).toBe(
        s.id in DEVIATIONS,
      );
      if (s.goldenText !== undefined)
        expect(s.goldenText, `${s.id}: golden.txt must differ from expected.txt`).not.toBe(
          s.expected,
        );
    }
  });

  it('runs the same code as the podlab command', () => {
    const s = scenarios.find((x) => x.args.includes('--start')) ?? scenarios[0];
    const bin = new URL('../../bin/podlab.js', import.meta.url).pathname;
    const cli = spawnSync('node', [bin, 'run', 'script.sh', '--echo', ...s.args], {
      cwd: s.dir,
      encoding: 'utf8',
    });
    const r = runScenario(s);
    expect(cli.stdout).toBe(r.output);
    expect(cli.status).toBe(r.status);
  });

  for (const s of scenarios) {
    const pending = strict ? undefined : PENDING[s.id];
    if (pending) {
      it(`${s.id} (${s.golden}) is still pending: ${pending}`, () => {
        const v = verdict(s);
        expect(
          v.ok,
          `${s.id} now matches its golden transcript: remove it from PENDING in cli/golden/status.ts`,
        ).toBe(false);
      });
      continue;
    }
    it(`${s.id} (${s.golden}): ${s.title}`, () => {
      const r = runScenario(s);
      const m = matchTranscript(s.expected, r.output);
      if (!m.ok) expect(r.output).toBe(renderExpected(s.expected, m.bindings));
      expect(r.status).toBe(s.status);
    });
  }
});
