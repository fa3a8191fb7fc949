import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { createWorkstation } from '../../shell/workstation';
import { runOnWorkstation } from '../../testing/run-command';
import { GOLDEN_START } from '../../testing/test-cluster';
import { VERBS } from '../kubectl';
import { caseName, differentialCases, type DifferentialCase } from './cases';
import { kubectlAvailable, runRealKubectl, type Outcome } from './real-kubectl.oracle';

const recorded = JSON.parse(
  readFileSync(new URL('./recorded.json', import.meta.url), 'utf8'),
) as Record<string, Outcome>;
const cases = differentialCases().filter((c) => caseName(c) in recorded);

/** The verb a case runs (its first argument that is not a flag). */
function verbOf(c: DifferentialCase): string | undefined {
  return c.args.find((a) => !a.startsWith('-'));
}
const registered = new Set(VERBS.flatMap((v) => [v.name, ...(v.aliases ?? [])]));

describe(`Podlab's kubectl matches kubectl 1.32 on ${cases.length} client-side invocations`, () => {
  const sim = createSimulation({ seed: 1, start: GOLDEN_START });
  const ws = createWorkstation(sim);
  it('records at least 100 invocations', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });
  for (const c of cases) {
    // A case for a verb not (yet) registered in VERBS is reported as skipped, not hidden.
    const verb = verbOf(c);
    it.skipIf(verb !== undefined && !registered.has(verb))(caseName(c), () => {
      const got = runOnWorkstation(sim, ws, ['kubectl', ...c.args], { stdin: c.stdin });
      expect({ stdout: got.stdout, stderr: got.stderr, code: got.code }).toEqual(
        recorded[caseName(c)],
      );
    });
  }
});

describe.skipIf(!kubectlAvailable())('the recordings match the installed kubectl', () => {
  it('every recording', () => {
    const stale = cases
      .filter(
        (c) =>
          JSON.stringify(runRealKubectl(c.args, c.stdin)) !== JSON.stringify(recorded[caseName(c)]),
      )
      .map(caseName);
    expect(stale).toEqual([]);
  }, 120_000);
});
