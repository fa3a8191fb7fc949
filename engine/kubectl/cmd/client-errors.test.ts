/**
 * Client-side errors of the container verbs, recorded from the real kubectl 1.32 with an
 * unreachable server (see ../differential/real-kubectl.oracle.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kubectlWorkstation } from './workstation-testing';

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
  const { k } = kubectlWorkstation();
  for (const [name, want] of Object.entries(recorded)) {
    it(name, () => {
      const got = k(...want.args);
      expect(got).toEqual({ stdout: want.stdout, stderr: want.stderr, code: want.code });
    });
  }
});
