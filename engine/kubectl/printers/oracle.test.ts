/**
 * Differential tests against the real kubectl 1.32 through the stub API server: describe of every
 * fixture object, `-o yaml|json`, jsonpath, custom columns and table rendering. Skipped when
 * kubectl is not installed (recorded.test.ts replays the same expectations everywhere).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleCases } from '../../testing/oracle/cases';
import { createOracleRunner, type OracleRunner } from '../../testing/oracle/run';
import { hasKubectl } from '../../testing/oracle/server';

describe.skipIf(!hasKubectl)('printers match the real kubectl', () => {
  let runner: OracleRunner;
  beforeAll(async () => {
    runner = await createOracleRunner();
  });
  afterAll(async () => {
    await runner?.close();
  });

  for (const c of oracleCases()) {
    it(c.name, async () => {
      const outcome = await runner.run(c);
      expect(outcome.podlab.stdout).toBe(outcome.kubectl.stdout);
      expect(outcome.podlab.stderr ?? '').toBe(outcome.kubectl.stderr);
    });
  }
});
