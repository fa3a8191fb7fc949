/**
 * `kubectl apply set-last-applied -f FILE` (kubectl pkg/cmd/apply/apply_set_last_applied.go):
 * sets the last-applied-configuration annotation of live objects to the file's content
 * (editor.GetApplyPatch: compact JSON, no trailing newline) without changing anything else.
 */
import type { KubeObject } from '../../api/object';
import { cloneJson } from '../../api/patch';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { marshalJson } from '../printers';
import { dryRunStrategy, withDryRun } from './dry-run';
import { filenameFlags, DRY_RUN_FLAG, PRINT_FLAGS } from './common-flags';
import { readFileInfos } from './file-infos';
import { LAST_APPLIED } from './last-applied';
import { objectPrinter } from './write-output';
import { MISSING_RESOURCE_ERROR } from '../resource/builder';

function* runSet(ctx: CommandContext): CommandResult {
  const dry = dryRunStrategy(ctx.flags);
  if (!dry.ok) return yield* ctx.fail(`could not get value for --dry-run: ${dry.error}`);
  const printer = objectPrinter(ctx.flags);
  if (!printer.ok) return yield* ctx.fail(printer.error);
  if (ctx.flags.strings('filename').length === 0) return yield* ctx.fail(MISSING_RESOURCE_ERROR);
  const read = yield* readFileInfos(ctx);
  if (!read.ok) return yield* ctx.fail(read.error);
  // Validate: check every object first, then patch the ones that change.
  const todo: Array<{ live: KubeObject; text: string }> = [];
  for (const item of read.items) {
    if (!item.ok) return yield* ctx.fail(item.error);
    const { info } = item;
    const text = marshalJson(info.object, { indent: '' });
    const live = ctx.cluster.server.read(info.resource.kind, info.namespace, info.name);
    if (!live.ok) return yield* ctx.statusError(live.error);
    const original = live.value.metadata.annotations?.[LAST_APPLIED];
    if (original === undefined && !ctx.flags.bool('create-annotation'))
      return yield* ctx.fail(
        `no last-applied-configuration annotation found on resource: ${info.name}, to create the annotation, run the command with --create-annotation`,
      );
    if (original === text) yield* ctx.out(`set-last-applied ${info.name}: no changes required.\n`);
    else todo.push({ live: live.value, text });
  }
  for (const { live, text } of todo) {
    // A client dry run prints the live object as read (finalObj = info.Object).
    let obj = live;
    if (dry.value !== 'client') {
      const patched = cloneJson(live) as KubeObject;
      patched.metadata = {
        ...patched.metadata,
        annotations: { ...(patched.metadata.annotations ?? {}), [LAST_APPLIED]: text },
      };
      const r = ctx.cluster.server.update(patched, { dryRun: dry.value === 'server' });
      if (!r.ok) return yield* ctx.statusError(r.error);
      obj = r.value;
    }
    const printed = printer.value(obj, withDryRun('configured', dry.value));
    if (!printed.ok) return yield* ctx.fail(printed.error);
    yield* ctx.out(printed.text);
  }
  return 0;
}

/** The `apply set-last-applied` subcommand. */
export const setLastAppliedCommand: CommandSpec = {
  name: 'set-last-applied',
  usage: 'set-last-applied -f FILENAME [options]',
  short:
    'Set the last-applied-configuration annotation on a live object to match the contents of a file',
  long: 'Record the objects of a manifest as what was last applied to the live objects, without changing the objects themselves, so that the next kubectl apply compares against it.',
  examples: [
    '  # Make job.yaml the last applied configuration of its objects',
    '  kubectl apply set-last-applied -f job.yaml',
  ].join('\n'),
  flags: [
    ...PRINT_FLAGS,
    {
      name: 'create-annotation',
      type: 'bool',
      usage: 'Add the annotation to objects that do not have one yet.',
    },
    DRY_RUN_FLAG,
    // AddJsonFilenameFlag: -f only (no -R / -k).
    filenameFlags('holding the configurations to record')[0],
  ],
  run: runSet,
};
