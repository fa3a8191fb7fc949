/**
 * Client-side errors of the container verbs, recorded from the real kubectl 1.32 with an
 * unreachable server (see ../differential/real-kubectl.oracle.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { createWorkstation } from '../../shell/workstation';
import { runOnWorkstation } from '../../testing/run-command';
import { GOLDEN_START } from '../../testing/test-cluster';

interface Recorded {
  args: string[];
  stdout: string;
  stderr: string;
  code: number;
}

const recorded = JSON.parse(
  readFileSync(new URL('./client-errors.recorded.json', import.meta.url), 'utf8'),
) as Record<string, Recorded>;

describe('container verbs match kubectl 1.32 client-side errors', () => {
  const sim = createSimulation({ seed: 1, start: GOLDEN_START });
  const ws = createWorkstation(sim);
  for (const [name, want] of Object.entries(recorded)) {
    it(name, () => {
      const got = runOnWorkstation(sim, ws, ['kubectl', ...want.args]);
      expect(got).toEqual({ stdout: want.stdout, stderr: want.stderr, code: want.code });
    });
  }
});
