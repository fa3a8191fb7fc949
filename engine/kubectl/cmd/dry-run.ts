/**
 * `--dry-run` as every verb reads it: cmdutil.GetDryRunStrategy and the operation suffix of
 * cmdutil.PrintFlagsWithDryRunStrategy (kubectl pkg/cmd/util/helpers.go). The flag itself is
 * declared in common-flags.ts.
 */
import { parseGoBool, type Flags } from '../flags';

/** cmdutil.DryRunStrategy. */
export type DryRun = 'none' | 'client' | 'server';

/**
 * cmdutil.GetDryRunStrategy: a Go boolean first (true: client, false: none), then the bare flag
 * (its NoOptDefVal `unchanged`) as client, then the three strategy names.
 */
export function dryRunStrategy(
  flags: Flags,
): { ok: true; value: DryRun } | { ok: false; error: string } {
  const v = flags.string('dry-run');
  // @simplified: kubectl also logs a klog deprecation warning for a bare or boolean --dry-run.
  const b = parseGoBool(v);
  if (b !== undefined) return { ok: true, value: b ? 'client' : 'none' };
  switch (v) {
    case 'unchanged':
      return { ok: true, value: 'client' };
    case 'client':
    case 'server':
    case 'none':
      return { ok: true, value: v };
    default:
      return {
        ok: false,
        error: `Invalid dry-run value (${v}). Must be "none", "server", or "client".`,
      };
  }
}

/** The operation text with the dry-run suffix (cmdutil.PrintFlagsWithDryRunStrategy). */
export function withDryRun(operation: string, dryRun: DryRun): string {
  if (dryRun === 'client') return `${operation} (dry run)`;
  if (dryRun === 'server') return `${operation} (server dry run)`;
  return operation;
}
