import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const bin = new URL('../bin/podlab.js', import.meta.url).pathname;

describe('podlab CLI', () => {
  it('prints help and version', () => {
    expect(execFileSync('node', [bin, '--help'], { encoding: 'utf8' })).toContain(
      'podlab run SCRIPT',
    );
    expect(execFileSync('node', [bin, '--version'], { encoding: 'utf8' })).toMatch(
      /^podlab \d+\.\d+\.\d+\n$/,
    );
  });

  it('rejects an unknown command with one line and a non-zero exit', () => {
    const r = spawnSync('node', [bin, 'frobnicate'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
