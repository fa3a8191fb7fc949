import { describe, expect, it } from 'vitest';
import { Flags, isFlagError, parseFlags } from '../flags';
import { MUTATE_DRY_RUN_FLAG } from './common-flags';
import { dryRunStrategy, withDryRun } from './dry-run';

function strategy(...argv: string[]) {
  const parsed = parseFlags(argv, [MUTATE_DRY_RUN_FLAG]);
  if (isFlagError(parsed)) throw new Error(parsed.flagError);
  return dryRunStrategy(new Flags(parsed));
}

// Checked against kubectl 1.32 (`kubectl label --local -f pod.yaml a=b --dry-run…`).
describe('dryRunStrategy (cmdutil.GetDryRunStrategy)', () => {
  it('reads the strategy names, a bare flag and Go booleans', () => {
    expect(strategy()).toEqual({ ok: true, value: 'none' });
    expect(strategy('--dry-run')).toEqual({ ok: true, value: 'client' });
    expect(strategy('--dry-run=server')).toEqual({ ok: true, value: 'server' });
    expect(strategy('--dry-run=true')).toEqual({ ok: true, value: 'client' });
    expect(strategy('--dry-run=1')).toEqual({ ok: true, value: 'client' });
    expect(strategy('--dry-run=F')).toEqual({ ok: true, value: 'none' });
  });

  it("rejects anything else with kubectl's message", () => {
    const error = (v: string) =>
      `Invalid dry-run value (${v}). Must be "none", "server", or "client".`;
    expect(strategy('--dry-run=')).toEqual({ ok: false, error: error('') });
    expect(strategy('--dry-run=yes')).toEqual({ ok: false, error: error('yes') });
  });

  it('suffixes the operation', () => {
    expect(withDryRun('created', 'client')).toBe('created (dry run)');
    expect(withDryRun('created', 'server')).toBe('created (server dry run)');
    expect(withDryRun('created', 'none')).toBe('created');
  });
});
