/**
 * `kubectl create -f FILE` and the `create <kind>` generators (kubectl pkg/cmd/create/create.go
 * #RunCreate): every object of the files is created in order; failures are collected and printed
 * after the objects that worked (ContinueOnError).
 */
import { decodeBody, type FieldValidation } from '../../api/decode/strict';
import type { JsonValue, KubeObject } from '../../api/object';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { parseSelectors } from '../resource/builder';
import { dryRunStrategy, withDryRun } from './dry-run';
import { createCronJobCommand } from './create-cronjob';
import { createDeploymentCommand } from './create-deployment';
import { createJobCommand } from './create-job';
import { createNamespaceCommand } from './create-namespace';
import { createServiceCommand } from './create-service';
import { createConfigMapCommand } from './create-configmap';
import {
  filenameFlags,
  DRY_RUN_FLAG,
  PRINT_FLAGS,
  SAVE_CONFIG_FLAG,
  VALIDATE_FLAG,
  fieldManagerFlag,
  WRITE_SELECTOR_FLAG,
} from './common-flags';
import { readFileInfos, type FileInfo, unsupportedFlag } from './file-infos';
import { editTempPath, editText, editorCommand, launchEditor, stripComments } from './edit';
import { readManifests } from '../../api/decode/manifest';
import type { Block } from '../../runtime/kernel';
import { utf8Decode, utf8Encode } from '../../util/utf8';
import { lastAppliedAnnotated, LAST_APPLIED } from './last-applied';
import { formatRunErrors, objectPrinter, type RunError } from './write-output';

/** The server-side field validation kubectl asks for with `--validate`. */
export function fieldValidationOf(ctx: CommandContext): FieldValidation {
  const v = ctx.flags.string('validate');
  if (v === 'false' || v === 'ignore') return 'Ignore';
  if (v === 'warn') return 'Warn';
  return 'Strict';
}

/**
 * The `Warning: unknown field "…"` lines the API server sends back with fieldValidation=Warn
 * (kubectl prints the server's warning headers on stderr).
 */
export function fieldWarnings(ctx: CommandContext, obj: KubeObject): string {
  if (fieldValidationOf(ctx) !== 'Warn') return '';
  const r = decodeBody(obj as unknown as JsonValue, 'Warn');
  return r.ok ? r.warnings.map((w) => `Warning: ${w}\n`).join('') : '';
}

/** Checks `--validate` (cmdutil.GetValidationDirective). */
export function validateFlagError(ctx: CommandContext): string | undefined {
  const v = ctx.flags.string('validate');
  if (['true', 'strict', 'false', 'ignore', 'warn'].includes(v)) return undefined;
  return `invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`;
}

/**
 * `create --edit` (create.go#RunEditOnCreate, EditBeforeCreateMode): the objects open in the
 * editor first and what is saved is created. Returns the edited objects, or an exit status.
 */
function* editBeforeCreate(
  ctx: CommandContext,
  items: readonly FileInfo[],
): Generator<Block, FileInfo[] | number, void> {
  const objects: KubeObject[] = [];
  for (const item of items) {
    if (!item.ok) return yield* ctx.fail(item.error);
    objects.push(item.info.object);
  }
  const original = editText(objects);
  const path = editTempPath(ctx);
  const fs = ctx.proc.ns.fs;
  fs.writeFile(path, utf8Encode(original));
  const code = yield* launchEditor(ctx, path);
  if (code === undefined)
    return yield* ctx.fail(`unable to launch the editor "${editorCommand(ctx)}"`);
  if (code !== 0)
    return yield* ctx.fail(`there was a problem with the editor "${editorCommand(ctx)}"`);
  const read = fs.readFile(path);
  const edited = stripComments(read.ok ? utf8Decode(read.value) : '');
  fs.unlink(path);
  if (edited.trim() === '') {
    yield* ctx.err('Edit cancelled, saved file was empty.\n');
    return 0;
  }
  const result = readManifests(edited, path);
  const out: FileInfo[] = [];
  for (const item of result.items) {
    if (!item.ok) return yield* ctx.fail(item.error);
    const info = { ...item.value };
    if (info.resource.namespaced && !info.namespace) {
      info.namespace = ctx.namespace;
      info.object = {
        ...info.object,
        metadata: { ...info.object.metadata, namespace: ctx.namespace },
      };
    }
    out.push({ ok: true, info });
  }
  if (result.streamError !== undefined) return yield* ctx.fail(result.streamError);
  return out;
}

function* runCreate(ctx: CommandContext): CommandResult {
  if (ctx.args.length > 0) return yield* ctx.usageError(`Unexpected args: [${ctx.args.join(' ')}]`);
  if (ctx.flags.strings('filename').length === 0 && !ctx.flags.changed('kustomize'))
    return yield* ctx.fail('must specify one of -f and -k');
  const dry = dryRunStrategy(ctx.flags);
  if (!dry.ok) return yield* ctx.fail(dry.error);
  const printer = objectPrinter(ctx.flags);
  if (!printer.ok) return yield* ctx.fail(printer.error);
  const badValidate = validateFlagError(ctx);
  if (badValidate) return yield* ctx.fail(badValidate);
  const unsupported = unsupportedFlag(ctx);
  if (unsupported) return yield* ctx.fail(unsupported);
  const sel = parseSelectors(ctx.flags.string('selector'), undefined);
  if (!sel.ok) return yield* ctx.fail(sel.error);
  const read = yield* readFileInfos(ctx, sel.value.label);
  if (!read.ok) return yield* ctx.fail(read.error);
  if (ctx.flags.bool('edit')) {
    const edited = yield* editBeforeCreate(ctx, read.items);
    if (typeof edited === 'number') return edited;
    read.items.splice(0, read.items.length, ...edited);
  }
  const errors: RunError[] = [];
  let count = 0;
  for (const item of read.items) {
    if (!item.ok) {
      errors.push({ message: item.error });
      continue;
    }
    const { info } = item;
    let obj = info.object;
    // CreateOrUpdateAnnotation: --save-config adds it; an annotation already there is refreshed.
    if (ctx.flags.bool('save-config') || obj.metadata?.annotations?.[LAST_APPLIED] !== undefined)
      obj = lastAppliedAnnotated(obj);
    if (dry.value !== 'client') {
      const warnings = fieldWarnings(ctx, obj);
      if (warnings) yield* ctx.err(warnings);
      const created = ctx.cluster.server.create(obj, {
        namespace: info.namespace || ctx.namespace,
        dryRun: dry.value === 'server',
        fromClient: true,
        fieldValidation: fieldValidationOf(ctx),
      });
      if (!created.ok) {
        errors.push({ status: created.error, verb: 'creating', source: info.source });
        continue;
      }
      obj = created.value;
    }
    count++;
    const printed = printer.value(obj, withDryRun('created', dry.value));
    if (!printed.ok) {
      errors.push({ message: printed.error });
      continue;
    }
    yield* ctx.out(printed.text);
  }
  for (const e of read.streamErrors) errors.push({ message: e });
  if (errors.length === 0 && count === 0) errors.push({ message: 'no objects passed to create' });
  if (errors.length === 0) return 0;
  yield* ctx.err(formatRunErrors(errors));
  return 1;
}

/** The `create` command. */
export const createCommand: CommandSpec = {
  name: 'create',
  group: 'Basic Commands (Beginner):',
  usage: 'create -f FILENAME [options]',
  short: 'Create a resource from a file or from stdin',
  long: 'Create the objects of JSON or YAML manifests (files, directories or stdin), or generate a common object with one of the subcommands.',
  examples: [
    '  # Create the objects of a manifest',
    '  kubectl create -f job.yaml',
    '',
    '  # Create from stdin',
    '  cat job.yaml | kubectl create -f -',
  ].join('\n'),
  flags: [
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    {
      name: 'edit',
      type: 'bool',
      usage: 'Open the objects in an editor before they are created.',
    },
    fieldManagerFlag('kubectl-create'),
    ...filenameFlags('to create'),
    {
      name: 'raw',
      type: 'string',
      usage: 'Raw URI to POST to the server, with the transport of the kubeconfig.',
    },
    SAVE_CONFIG_FLAG,
    WRITE_SELECTOR_FLAG,
    VALIDATE_FLAG,
    {
      name: 'windows-line-endings',
      type: 'bool',
      usage: 'Only with --edit: use Windows line endings.',
    },
  ],
  subcommands: [
    createConfigMapCommand,
    createCronJobCommand,
    createDeploymentCommand,
    createJobCommand,
    createNamespaceCommand,
    createServiceCommand,
  ],
  run: runCreate,
};
