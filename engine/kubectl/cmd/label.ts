/**
 * `kubectl label` (kubectl pkg/cmd/label/label.go), and the metadata-map update it shares with
 * `kubectl annotate`: parse `key=value` / `key-`, refuse to change existing values without
 * --overwrite, send a JSON merge patch of metadata, and print `labeled` / `not labeled` /
 * `unlabeled` as updateDataChangeMsg decides (by comparing the object's JSON before and after).
 */
import type { KubeObject } from '../../api/object';
import type { Block } from '../../runtime/kernel';
import type { CommandContext, CommandSpec } from '../command';
import type { FlagDef } from '../flags';
import { isValidLabelValue } from '../../api/registry/validation/names';
import { dryRunStrategy, withDryRun } from './dry-run';
import {
  MUTATE_DRY_RUN_FLAG,
  MUTATE_PRINT_FLAGS,
  fieldManagerFlag,
  SELECTOR_FLAG,
  filenameOptionFlags,
} from './common-flags';
import {
  canonicalJson,
  collectTargets,
  outputError,
  printErrors,
  printResult,
  resourcesAndPairs,
} from './mutate-common';

/** Which metadata map a command edits, and its wording. */
export interface MetadataUpdate {
  field: 'labels' | 'annotations';
  /** `label` / `annotation` (pair-type wording). */
  noun: string;
  /** Parses the pairs into additions and removals, or an error. */
  parse(pairs: string[]): { add: Map<string, string>; remove: string[] } | { error: string };
  /** Error when an existing value would change without --overwrite. */
  overwriteError(obj: KubeObject, add: Map<string, string>): string | undefined;
  /** The success operation for an object given its JSON before/after. */
  operation(before: string, after: string, overwrite: boolean): string;
  /** Lines printed by --list. */
  list(
    found: { kind: string; group: string; name: string },
    map: Record<string, string>,
    single: boolean,
  ): string;
  /** Printed (to stdout) when removing a key the object does not have. */
  missing?(key: string): string;
}

/** Flags of label and annotate. */
export function metadataFlags(noun: string): FlagDef[] {
  return [
    {
      name: 'all',
      type: 'bool',
      usage: `Select all resources, in the namespace of the specified resource types`,
    },
    {
      name: 'all-namespaces',
      short: 'A',
      type: 'bool',
      usage: 'If true, check the specified action in all namespaces.',
    },
    ...MUTATE_PRINT_FLAGS,
    MUTATE_DRY_RUN_FLAG,
    fieldManagerFlag(`kubectl-${noun === 'label' ? 'label' : 'annotate'}`),
    {
      name: 'field-selector',
      type: 'string',
      usage: 'Selector (field query) to filter on, e.g. --field-selector key1=value1.',
    },
    ...filenameOptionFlags(`identifying the resource to update the ${noun}s`),
    { name: 'list', type: 'bool', usage: `If true, display the ${noun}s for a given resource.` },
    {
      name: 'local',
      type: 'bool',
      usage: `If true, ${noun} will NOT contact api-server but run locally.`,
    },
    {
      name: 'overwrite',
      type: 'bool',
      usage: `If true, allow ${noun}s to be overwritten, otherwise reject ${noun} updates that overwrite existing ${noun}s.`,
    },
    {
      name: 'resource-version',
      type: 'string',
      usage: `If non-empty, the ${noun}s update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.`,
    },
    SELECTOR_FLAG,
  ];
}

/** Runs label or annotate. */
export function* runMetadataUpdate(
  ctx: CommandContext,
  u: MetadataUpdate,
): Generator<Block, number, void> {
  const split = resourcesAndPairs(ctx.args, u.noun);
  if ('error' in split) return yield* ctx.fail(split.error);
  const parsed = u.parse(split.pairs);
  if ('error' in parsed) return yield* ctx.fail(parsed.error);
  const dryRun = dryRunStrategy(ctx.flags);
  if (!dryRun.ok) return yield* ctx.fail(dryRun.error);
  const dry = dryRun.value;
  const outErr = outputError(ctx);
  if (outErr) return yield* ctx.fail(outErr);
  const all = ctx.flags.bool('all');
  const selector = ctx.flags.string('selector');
  const list = ctx.flags.bool('list');
  if (all && selector) return yield* ctx.fail('cannot set --all and --selector at the same time');
  if (all && ctx.flags.string('field-selector'))
    return yield* ctx.fail('cannot set --all and --field-selector at the same time');
  if (split.resources.length < 1 && ctx.flags.strings('filename').length === 0)
    return yield* ctx.fail(
      'one or more resources must be specified as <resource> <name> or <resource>/<name>',
    );
  if (parsed.add.size < 1 && parsed.remove.length < 1 && !list)
    return yield* ctx.fail(`at least one ${u.noun} update is required`);
  // @simplified: -k and --local are accepted but select nothing.
  const found = yield* collectTargets(ctx, split.resources, {
    selector,
    fieldSelector: ctx.flags.string('field-selector'),
    all,
    allNamespaces: ctx.flags.bool('all-namespaces'),
  });
  if ('error' in found) return yield* ctx.fail(found.error);
  const rv = ctx.flags.string('resource-version');
  if (rv && found.found.length + found.errors.length > 1)
    return yield* ctx.fail('--resource-version may only be used with a single resource');
  const overwrite = ctx.flags.bool('overwrite');
  // Result.IntoSingleItemImplied: one named object (not a selection).
  const single =
    !all &&
    !selector &&
    (split.resources.length === 1
      ? split.resources[0].includes('/')
      : split.resources.length === 2 && !split.resources[0].includes(','));
  let status = 0;
  for (const { info, object } of found.found) {
    const current = object.metadata[u.field] as Record<string, string> | undefined;
    const before = canonicalJson(object);
    if (!overwrite) {
      const err = u.overwriteError(object, parsed.add);
      if (err) {
        yield* ctx.fail(err);
        status = 1;
        continue;
      }
    }
    // labelFunc: the map is (re)created even when empty, so the JSON may grow by `"labels":{}`.
    const next: Record<string, string> = { ...(current ?? {}) };
    for (const [k, v] of parsed.add) next[k] = v;
    for (const k of parsed.remove) delete next[k];
    const after = canonicalJson({ ...object, metadata: { ...object.metadata, [u.field]: next } });
    let result: KubeObject = object;
    if (!list && dry !== 'client') {
      if (u.missing)
        for (const k of parsed.remove)
          if (!current || !(k in current)) yield* ctx.out(u.missing(k));
      const patchMap: Record<string, string | null> = {};
      for (const [k, v] of parsed.add) if (current?.[k] !== v) patchMap[k] = v;
      for (const k of parsed.remove) if (current && k in current) patchMap[k] = null;
      const meta: Record<string, unknown> = {};
      if (Object.keys(patchMap).length > 0) meta[u.field] = patchMap;
      if (rv) meta.resourceVersion = rv;
      if (Object.keys(meta).length > 0) {
        const r = ctx.cluster.server.patch(
          object.kind,
          object.metadata.namespace ?? '',
          object.metadata.name!,
          'merge',
          { metadata: meta } as never,
          { dryRun: dry === 'server' },
        );
        if (!r.ok) {
          yield* ctx.statusError(r.error);
          status = 1;
          continue;
        }
        result = r.value;
      }
    }
    if (list) {
      const shown = (result.metadata[u.field] as Record<string, string> | undefined) ?? {};
      yield* ctx.out(
        u.list(
          { kind: object.kind, group: info.group, name: object.metadata.name! },
          shown,
          single,
        ),
      );
      continue;
    }
    const printed =
      dry === 'client' ? { ...object, metadata: { ...object.metadata, [u.field]: next } } : result;
    yield* printResult(ctx, printed, withDryRun(u.operation(before, after, overwrite), dry));
  }
  const errStatus = yield* printErrors(ctx, found.errors);
  return status || errStatus;
}

function sortedEntries(map: Record<string, string>): Array<[string, string]> {
  return Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const LABEL_UPDATE: MetadataUpdate = {
  field: 'labels',
  noun: 'label',
  parse(pairs) {
    const add = new Map<string, string>();
    const remove: string[] = [];
    for (const spec of pairs) {
      if (spec.includes('=')) {
        const parts = spec.split('=');
        if (parts.length !== 2) return { error: `invalid label spec: ${spec}` };
        const errs = isValidLabelValue(parts[1]);
        if (errs.length) return { error: `invalid label value: "${spec}": ${errs.join(';')}` };
        add.set(parts[0], parts[1]);
      } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
      else return { error: `unknown label spec: ${spec}` };
    }
    if (remove.some((k) => add.has(k)))
      return { error: 'can not both modify and remove a label in the same command' };
    return { add, remove };
  },
  overwriteError(obj, add) {
    const errs: string[] = [];
    for (const [k, v] of add) {
      const cur = obj.metadata.labels?.[k];
      if (cur !== undefined && cur !== v)
        errs.push(`'${k}' already has a value (${cur}), and --overwrite is false`);
    }
    if (errs.length === 0) return undefined;
    return errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
  },
  operation(before, after, overwrite) {
    if (before === after) return 'not labeled';
    return !overwrite && after.length < before.length ? 'unlabeled' : 'labeled';
  },
  list(found, map, single) {
    // @simplified: Go prints the map in random order; Podlab sorts the keys.
    const indent = single ? '' : ' ';
    const header = single ? '' : `Listing labels for ${found.kind}.${found.group}/${found.name}:\n`;
    return (
      header +
      sortedEntries(map)
        .map(([k, v]) => `${indent}${k}=${v}\n`)
        .join('')
    );
  },
  missing: (key) => `label "${key}" not found.\n`,
};

/** The label command. */
export const labelCommand: CommandSpec = {
  name: 'label',
  group: 'Settings Commands:',
  usage:
    'label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  short: 'Update the labels on a resource',
  long: 'Add, change or remove labels on one or more objects. A label key and value must be valid label syntax; changing an existing value needs --overwrite.',
  examples:
    '  # Give pod foo the label unhealthy=true\n  kubectl label pods foo unhealthy=true\n\n' +
    '  # Change the value of an existing label\n  kubectl label --overwrite pods foo status=unhealthy\n\n' +
    '  # Label every pod of the namespace\n  kubectl label pods --all status=unhealthy\n\n' +
    '  # Remove the label named bar\n  kubectl label pods foo bar-',
  flags: metadataFlags('label'),
  run: (ctx) => runMetadataUpdate(ctx, LABEL_UPDATE),
};
