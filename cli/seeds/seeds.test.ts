/**
 * The five seed documents (/work/shared/seeds) as `podlab run --echo` transcripts: every shell
 * and kubectl command each seed gives, in order and as written, compared with the expected
 * transcript (placeholders as in cli/golden). No command may hit a missing Podlab feature.
 * A pending folder (status.ts) must still fail; when it passes, the test asks to remove it.
 */
import { describe, expect, it } from 'vitest';
import { matchTranscript, renderExpected } from '../golden/transcript-match';
import { loadSeeds, PLACEHOLDER, runSeed, splitCommands } from './seed';
import { PENDING, PLACEHOLDERS } from './status';

const seeds = loadSeeds();

/** What a transcript may never show: a missing command, verb, flag or Podlab feature. */
const MISSING = [
  /command not found/,
  /unknown command/,
  /unknown flag/,
  /unknown shorthand flag/,
  /Podlab/i,
  /not (yet )?(supported|implemented)/i,
  /no editor is attached/,
];

describe('seed transcripts (cli/seeds)', () => {
  it('has a folder for every pending entry', () => {
    const ids = new Set(seeds.map((s) => s.id));
    expect(Object.keys(PENDING).filter((id) => !ids.has(id))).toEqual([]);
  });

  for (const s of seeds.filter((x) => x.commands.length > 0)) {
    it(`${s.id} types every command of the seed, in order, as written`, () => {
      const values = [...(PLACEHOLDERS[s.id] ?? [])];
      const typed = splitCommands(s.script).map((c) => c.replace(/ &$/, ''));
      let at = 0;
      for (const command of s.commands) {
        const filled = command.replace(PLACEHOLDER, () => values.shift() ?? '<missing value>');
        const found = typed.indexOf(filled, at);
        expect(
          found,
          `${s.id}: "${filled}" not in script.sh after line ${at}`,
        ).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
      expect(values, `${s.id}: unused PLACEHOLDERS values`).toEqual([]);
    });
  }

  for (const s of seeds) {
    const pending = PENDING[s.id];
    if (pending) {
      it(`${s.id} is still pending: ${pending}`, () => {
        const r = runSeed(s);
        expect(
          matchTranscript(s.expected, r.output).ok,
          `${s.id} now matches: remove it from PENDING in cli/seeds/status.ts`,
        ).toBe(false);
      });
      continue;
    }
    it(`${s.id} runs every command of its seed`, () => {
      const r = runSeed(s);
      for (const re of MISSING) expect(r.output, `${s.id}: ${re}`).not.toMatch(re);
      const m = matchTranscript(s.expected, r.output);
      if (!m.ok) expect(r.output).toBe(renderExpected(s.expected, m.bindings));
    });
  }
});
