/**
 * `kubectl taint` (kubectl pkg/cmd/taint/taint.go and utils.go): parse `key[=value]:Effect` and
 * `key[:Effect]-`, refuse re-adding a key/effect without --overwrite, rebuild the taint list as
 * reorganizeTaints does (new taints first, then the untouched old ones) and report
 * `tainted` / `untainted` / `modified`.
 */
import type { KubeObject } from '../../api/object';
import { resolveResource } from '../../api/resources';
import { isQualifiedName, isValidLabelValue } from '../../api/registry/validation/names';
import type { CommandSpec } from '../command';
import { dryRunStrategy, withDryRun } from './dry-run';
import {
  MUTATE_DRY_RUN_FLAG,
  MUTATE_PRINT_FLAGS,
  fieldManagerFlag,
  SELECTOR_FLAG,
} from './common-flags';
import { collect, outputError, printErrors, printResult } from './mutate-common';

/** A node taint. */
export interface Taint {
  key: string;
  value?: string;
  effect?: string;
  timeAdded?: string;
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** corev1.Taint.ToString. */
export function taintString(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** parseTaint: one `key[=value][:effect]` spec. */
export function parseTaint(spec: string): Taint | { error: string } {
  const parts = spec.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) key = parts[0];
  else if (parts.length === 2) {
    effect = parts[1];
    if (!EFFECTS.includes(effect))
      return { error: `invalid taint effect: ${effect}, unsupported taint effect` };
    const kv = parts[0].split('=');
    if (kv.length > 2) return { error: `invalid taint spec: ${spec}` };
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errs = isValidLabelValue(value);
      if (errs.length) return { error: `invalid taint spec: ${spec}, ${errs.join('; ')}` };
    }
  } else return { error: `invalid taint spec: ${spec}` };
  const errs = isQualifiedName(key);
  if (errs.length) return { error: `invalid taint spec: ${spec}, ${errs.join('; ')}` };
  const t: Taint = { key };
  if (value) t.value = value;
  if (effect) t.effect = effect;
  return t;
}

/** parseTaints: additions and removals. */
export function parseTaints(
  specs: readonly string[],
): { add: Taint[]; remove: Taint[] } | { error: string } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const t = parseTaint(spec.slice(0, -1));
      if ('error' in t) return t;
      remove.push({ key: t.key, ...(t.effect ? { effect: t.effect } : {}) });
      continue;
    }
    const t = parseTaint(spec);
    if ('error' in t) return t;
    if (!t.effect) return { error: `invalid taint spec: ${spec}` };
    if (add.some((a) => a.key === t.key && a.effect === t.effect))
      return {
        error: `duplicated taints with the same key and effect: {${t.key} ${t.value ?? ''} ${t.effect} <nil>}`,
      };
    add.push(t);
  }
  return { add, remove };
}

/** reorganizeTaints: the new list, the operation, and errors for taints that were not found. */
export function reorganizeTaints(
  old: readonly Taint[],
  overwrite: boolean,
  add: readonly Taint[],
  remove: readonly Taint[],
): { operation: string; taints: Taint[]; errors: string[] } {
  let taints = [...add];
  for (const o of old)
    if (!taints.some((t) => t.key === o.key && t.effect === o.effect)) taints.push(o);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let removed = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
    removed = taints.length !== before;
    if (!removed) errors.push(`taint "${taintString(r)}" not found`);
  }
  const operation = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints, errors };
}

/** The taint command. */
export const taintCommand: CommandSpec = {
  name: 'taint',
  group: 'Cluster Management Commands:',
  usage: 'taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]',
  short: 'Update the taints on one or more nodes',
  long: 'Add or remove taints on nodes. A taint is key[=value]:effect, with effect NoSchedule, PreferNoSchedule or NoExecute; pods that do not tolerate it are kept off the node (NoExecute also evicts them). A trailing dash removes a taint.',
  examples:
    '  # Keep pods without a matching toleration off node-1\n  kubectl taint nodes node-1 dedicated=db:NoSchedule\n\n' +
    '  # Remove that taint again\n  kubectl taint nodes node-1 dedicated=db:NoSchedule-\n\n' +
    '  # Remove every taint with the key dedicated\n  kubectl taint nodes node-1 dedicated-',
  flags: [
    { name: 'all', type: 'bool', usage: 'Select all nodes in the cluster' },
    ...MUTATE_PRINT_FLAGS,
    MUTATE_DRY_RUN_FLAG,
    fieldManagerFlag('kubectl-taint'),
    {
      name: 'overwrite',
      type: 'bool',
      usage:
        'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.',
    },
    SELECTOR_FLAG,
    {
      name: 'validate',
      type: 'string',
      default: 'strict',
      noOptDefault: 'strict',
      usage: 'Must be one of: strict (or true), warn, ignore (or false).',
    },
  ],
  *run(ctx) {
    const resources: string[] = [];
    const specs: string[] = [];
    for (const s of ctx.args) {
      const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
      if (isTaint) specs.push(s);
      else if (specs.length === 0) resources.push(s);
      else return yield* ctx.fail(`all resources must be specified before taint changes: ${s}`);
    }
    if (resources.length < 1)
      return yield* ctx.fail('one or more resources must be specified as <resource> <name>');
    if (specs.length < 1) return yield* ctx.fail('at least one taint update is required');
    const parsed = parseTaints(specs);
    if ('error' in parsed) return yield* ctx.usageError(parsed.error);
    const dryRun = dryRunStrategy(ctx.flags);
    if (!dryRun.ok) return yield* ctx.fail(dryRun.error);
    const dry = dryRun.value;
    const outErr = outputError(ctx);
    if (outErr) return yield* ctx.fail(outErr);
    const typed = resources[0].includes('/') ? resources[0].split('/')[0] : resources[0];
    const info = resolveResource(typed);
    if (!info) return yield* ctx.fail(`the server doesn't have a resource type "${typed}"`);
    if (info.kind !== 'Node')
      return yield* ctx.fail(
        `invalid resource type ${resources[0]}, only ["node" "nodes"] are supported`,
      );
    const conflicts: string[] = [];
    for (const a of parsed.add)
      for (const r of parsed.remove)
        if (a.key === r.key && (!r.effect || a.effect === r.effect))
          conflicts.push(`${r.key}=${r.effect ?? ''}`);
    if (conflicts.length > 0)
      return yield* ctx.fail(
        `can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`,
      );
    const all = ctx.flags.bool('all');
    const selector = ctx.flags.string('selector');
    if (all && selector)
      return yield* ctx.fail("setting 'all' parameter with a non empty selector is prohibited");
    if (!all && !selector && resources.length < 2 && !resources[0].includes('/'))
      return yield* ctx.fail(
        "at least one resource name must be specified since 'all' parameter is not set",
      );
    const found = collect(ctx, resources, { selector, all });
    if ('error' in found) return yield* ctx.fail(found.error);
    const overwrite = ctx.flags.bool('overwrite');
    for (const { object } of found.found) {
      const old = ((object.spec as { taints?: Taint[] } | undefined)?.taints ?? []) as Taint[];
      if (!overwrite) {
        const exists = parsed.add
          .flatMap((t) => old.filter((o) => o.key === t.key && o.effect === t.effect))
          .map((o) => o.key);
        if (exists.length > 0)
          return yield* ctx.fail(
            `node ${object.metadata.name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`,
          );
      }
      const r = reorganizeTaints(old, overwrite, parsed.add, parsed.remove);
      if (r.errors.length > 0)
        return yield* ctx.fail(r.errors.length === 1 ? r.errors[0] : `[${r.errors.join(', ')}]`);
      let result: KubeObject = {
        ...object,
        spec: { ...(object.spec as object), taints: r.taints },
      };
      if (dry !== 'client') {
        const patched = ctx.cluster.server.patch(
          'Node',
          '',
          object.metadata.name!,
          'merge',
          { spec: { taints: r.taints.length ? (r.taints as never) : null } },
          { dryRun: dry === 'server' },
        );
        if (!patched.ok) return yield* ctx.statusError(patched.error);
        result = patched.value;
      }
      yield* printResult(ctx, result, withDryRun(r.operation, dry));
    }
    return yield* printErrors(ctx, found.errors);
  },
};
