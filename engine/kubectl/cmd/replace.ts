/**
 * `kubectl replace -f` (kubectl pkg/cmd/replace/replace.go): each object of the files replaces
 * the live one with a PUT (`replaced`); with `--force` the objects are deleted, kubectl waits
 * until they are gone, and creates them again.
 */
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunStrategy, withDryRun } from './dry-run';
import { CASCADE_FLAG, cascadingStrategy, deletionLine } from './delete';
import { fieldValidationOf, fieldWarnings, validateFlagError } from './create';
import {
  filenameFlags,
  DRY_RUN_FLAG,
  PRINT_FLAGS,
  SAVE_CONFIG_FLAG,
  VALIDATE_FLAG,
  fieldManagerFlag,
} from './common-flags';
import { readFileInfos, unsupportedFlag } from './file-infos';
import { LAST_APPLIED, lastAppliedAnnotated } from './last-applied';
import { waitForDeletion, type DeletedRef } from './wait-deleted';
import { formatRunErrors, objectPrinter, type RunError } from './write-output';

function* runReplace(ctx: CommandContext): CommandResult {
  const f = ctx.flags;
  const dry = dryRunStrategy(f);
  if (!dry.ok) return yield* ctx.fail(dry.error);
  const printer = objectPrinter(f);
  if (!printer.ok) return yield* ctx.fail(printer.error);
  const cascade = cascadingStrategy(ctx);
  if (!cascade.ok) return yield* ctx.fail(cascade.error);
  const badValidate = validateFlagError(ctx);
  if (badValidate) return yield* ctx.fail(badValidate);
  const unsupported = unsupportedFlag(ctx);
  if (unsupported) return yield* ctx.fail(unsupported);
  // ReplaceOptions.Validate
  const force = f.bool('force');
  if (f.strings('filename').length === 0 && !f.changed('kustomize'))
    return yield* ctx.fail('must specify one of -f and -k');
  if (f.changed('grace-period') && !force)
    return yield* ctx.fail('--grace-period must have --force specified');
  if (f.changed('timeout') && !force)
    return yield* ctx.fail('--timeout must have --force specified');
  const read = yield* readFileInfos(ctx);
  if (!read.ok) return yield* ctx.fail(read.error);
  const errors: RunError[] = [];
  const infos = [];
  for (const item of read.items) {
    if (!item.ok) errors.push({ message: item.error });
    else infos.push(item.info);
  }
  const server = ctx.cluster.server;
  if (force && dry.value === 'none') {
    // forceReplace: delete everything first, wait, then create.
    const deleted: DeletedRef[] = [];
    for (const info of infos) {
      const before = server.get(info.resource.kind, info.namespace, info.name);
      const grace = f.int('grace-period');
      const r = server.delete(info.resource.kind, info.namespace, info.name, {
        ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
        propagationPolicy: cascade.value,
      });
      if (!r.ok) {
        // A missing object is simply created (the deletion ignores NotFound).
        if (r.error.reason !== 'NotFound')
          errors.push({ status: r.error, verb: 'deleting', source: info.source });
        continue;
      }
      yield* ctx.out(deletionLine(info.resource, info.name, 'deleted', ''));
      if (before?.metadata.uid)
        deleted.push({
          kind: info.resource.kind,
          resource: info.resource.resource,
          namespace: info.namespace,
          name: info.name,
          uid: before.metadata.uid,
        });
    }
    // replace.go#forceReplace waits 5 minutes when no --timeout is given.
    const timedOut = yield* waitForDeletion(ctx, deleted, f.int('timeout') || 5 * 60_000);
    if (timedOut) {
      errors.push({ message: timedOut });
      yield* ctx.err(formatRunErrors(errors));
      return 1;
    }
  }
  for (const info of infos) {
    let obj = info.object;
    if (f.bool('save-config') || obj.metadata?.annotations?.[LAST_APPLIED] !== undefined)
      obj = lastAppliedAnnotated(obj);
    if (dry.value !== 'client') {
      const opts = {
        namespace: info.namespace,
        dryRun: dry.value === 'server',
        fromClient: true,
        fieldValidation: fieldValidationOf(ctx),
      };
      const warnings = fieldWarnings(ctx, obj);
      if (warnings) yield* ctx.err(warnings);
      const r = force && dry.value === 'none' ? server.create(obj, opts) : server.update(obj, opts);
      if (!r.ok) {
        errors.push({
          status: r.error,
          verb: force ? 'creating' : 'replacing',
          source: info.source,
        });
        continue;
      }
      obj = r.value;
    }
    const printed = printer.value(obj, withDryRun('replaced', dry.value));
    if (!printed.ok) errors.push({ message: printed.error });
    else yield* ctx.out(printed.text);
  }
  for (const e of read.streamErrors) errors.push({ message: e });
  if (errors.length === 0) return 0;
  yield* ctx.err(formatRunErrors(errors));
  return 1;
}

/** The `replace` command. */
export const replaceCommand: CommandSpec = {
  name: 'replace',
  group: 'Advanced Commands:',
  usage: 'replace -f FILENAME [options]',
  short: 'Replace a resource by file name or stdin',
  long: 'Replace live objects with the complete objects of manifests (files, directories or stdin). Fields the manifest leaves out are reset; with --force the objects are deleted and created again, which also allows changing immutable fields.',
  examples: [
    '  # Replace a job with the content of job.yaml',
    '  kubectl replace -f job.yaml',
    '',
    '  # Change an immutable field: delete and re-create',
    '  kubectl replace --force -f job.yaml',
  ].join('\n'),
  flags: [
    ...PRINT_FLAGS,
    CASCADE_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag('kubectl-replace'),
    ...filenameFlags('holding the objects to replace'),
    {
      name: 'force',
      type: 'bool',
      usage: 'Delete the objects and create them again.',
    },
    {
      name: 'grace-period',
      type: 'int',
      default: -1,
      usage: 'With --force: seconds the deleted pods get to stop (negative: their own setting).',
    },
    {
      name: 'raw',
      type: 'string',
      usage: 'Raw URI to PUT to the server, with the transport of the kubeconfig.',
    },
    SAVE_CONFIG_FLAG,
    {
      name: 'subresource',
      type: 'string',
      usage: 'Replace a subresource (status or scale) instead of the object.',
    },
    {
      name: 'timeout',
      type: 'duration',
      default: '0s',
      usage: 'With --force: how long to wait for the deletion before giving up.',
    },
    VALIDATE_FLAG,
    {
      name: 'wait',
      type: 'bool',
      usage: 'With --force: wait until the deleted objects are gone.',
    },
  ],
  run: runReplace,
};
