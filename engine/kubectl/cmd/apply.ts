/**
 * `kubectl apply -f` with client-side apply (kubectl pkg/cmd/apply/apply.go#applyOneObject,
 * patcher.go): an absent object is created with the last-applied-configuration annotation; a
 * present one gets the three-way merge of its last applied configuration, the new manifest and
 * the live object — `unchanged` when that changes nothing, else `configured`.
 */
import type { JsonValue, KubeObject } from '../../api/object';
import { jsonEqual, threeWayMerge } from '../../api/patch';
import { resourceForKind } from '../../api/resources';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { parseSelectors } from '../resource/builder';
import { dryRunStrategy, withDryRun } from './dry-run';
import { CASCADE_FLAG, cascadingStrategy } from './delete';
import { waitForDeletion } from './wait-deleted';
import type { Block } from '../../runtime/kernel';
import { viewLastAppliedCommand } from './apply-view-last-applied';
import { setLastAppliedCommand } from './apply-set-last-applied';
import { fieldValidationOf, fieldWarnings, validateFlagError } from './create';
import {
  filenameFlags,
  DRY_RUN_FLAG,
  PRINT_FLAGS,
  VALIDATE_FLAG,
  fieldManagerFlag,
  WRITE_SELECTOR_FLAG,
} from './common-flags';
import { readFileInfos, unsupportedFlag } from './file-infos';
import { LAST_APPLIED, lastAppliedAnnotated, lastAppliedOf } from './last-applied';
import { formatRunErrors, objectPrinter, type RunError } from './write-output';

/** The result of applying one object. */
export type ApplyOutcome =
  | { ok: true; object: KubeObject; operation: 'created' | 'configured' | 'unchanged' }
  | { ok: false; error: RunError };

/**
 * The object client-side apply leaves on the server: the three-way merge of `original` (the last
 * applied configuration), `modified` (the manifest with its new annotation) and `current`.
 */
export function applyMerge(
  original: Record<string, unknown> | undefined,
  modified: KubeObject,
  current: KubeObject,
): KubeObject {
  return threeWayMerge(
    (original ?? {}) as JsonValue,
    modified as unknown as JsonValue,
    current as unknown as JsonValue,
  ) as unknown as KubeObject;
}

/** resource.Info#String: the mapping (GroupVersionResource, GroupVersionKind), name and namespace. */
function infoString(obj: KubeObject, namespace: string): string {
  const [group, version] = obj.apiVersion.includes('/')
    ? obj.apiVersion.split('/', 2)
    : ['', obj.apiVersion];
  const resource = resourceForKind(obj.kind)?.resource ?? obj.kind.toLowerCase();
  return `Resource: "${group}/${version}, Resource=${resource}", GroupVersionKind: "${group}/${version}, Kind=${obj.kind}"\nName: "${obj.metadata?.name ?? ''}", Namespace: "${namespace}"`;
}

/** Applies one object read from `source`. */
export function* applyObject(
  ctx: CommandContext,
  obj: KubeObject,
  namespace: string,
  source: string,
  dryRun: 'none' | 'client' | 'server',
  warn: (text: string) => void,
): Generator<Block, ApplyOutcome, void> {
  const server = ctx.cluster.server;
  const modified = lastAppliedAnnotated(obj);
  if (dryRun !== 'client') {
    const warnings = fieldWarnings(ctx, obj);
    if (warnings) warn(warnings);
  }
  const current = server.get(obj.kind, namespace, obj.metadata?.name ?? '');
  if (!current) {
    if (dryRun === 'client') return { ok: true, object: modified, operation: 'created' };
    const created = server.create(modified, {
      namespace,
      dryRun: dryRun === 'server',
      fromClient: true,
      fieldValidation: fieldValidationOf(ctx),
    });
    if (!created.ok)
      return { ok: false, error: { status: created.error, verb: 'creating', source } };
    return { ok: true, object: created.value, operation: 'created' };
  }
  // A client dry run stops after info.Get(): the live object stands for the result.
  if (dryRun === 'client') return { ok: true, object: current, operation: 'configured' };
  if (current.metadata.annotations?.[LAST_APPLIED] === undefined) {
    // info.ObjectName(): the plural resource and the name.
    const resource = resourceForKind(obj.kind)?.resource ?? obj.kind.toLowerCase();
    warn(
      `Warning: resource ${resource}/${current.metadata.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  const merged = applyMerge(lastAppliedOf(current), modified, current);
  if (jsonEqual(merged, current)) return { ok: true, object: current, operation: 'unchanged' };
  const updated = server.update(merged, {
    namespace,
    dryRun: dryRun === 'server',
    fromClient: true,
    fieldValidation: fieldValidationOf(ctx),
  });
  if (
    !updated.ok &&
    ctx.flags.bool('force') &&
    (updated.error.reason === 'Invalid' || updated.error.reason === 'Conflict')
  ) {
    // patcher.go#deleteAndCreate: delete the live object, wait until it is gone, create.
    const grace = ctx.flags.int('grace-period');
    const cascade = cascadingStrategy(ctx);
    const deleted = server.delete(obj.kind, namespace, current.metadata.name ?? '', {
      ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
      propagationPolicy: cascade.ok ? cascade.value : 'Background',
    });
    if (!deleted.ok)
      return { ok: false, error: { status: deleted.error, verb: 'deleting', source } };
    const info = resourceForKind(obj.kind);
    const timedOut = yield* waitForDeletion(
      ctx,
      [
        {
          kind: obj.kind,
          resource: info?.resource ?? obj.kind.toLowerCase(),
          namespace,
          name: current.metadata.name ?? '',
          uid: current.metadata.uid ?? '',
        },
      ],
      ctx.flags.int('timeout'),
    );
    if (timedOut) return { ok: false, error: { message: timedOut } };
    const created = server.create(modified, {
      namespace,
      fromClient: true,
      fieldValidation: fieldValidationOf(ctx),
    });
    if (!created.ok)
      return { ok: false, error: { status: created.error, verb: 'creating', source } };
    return { ok: true, object: created.value, operation: 'configured' };
  }
  if (updated.ok && updated.value.metadata.deletionTimestamp)
    warn(
      `Warning: Detected changes to resource ${current.metadata.name} which is currently being deleted.\n`,
    );
  // @simplified: kubectl words a failed patch as `error when applying patch: <patch> to: <object>
  // for: "<file>"`; Podlab keeps the file and the server's message.
  if (!updated.ok) return { ok: false, error: { status: updated.error, verb: 'patching', source } };
  return { ok: true, object: updated.value, operation: 'configured' };
}

function* runApply(ctx: CommandContext): CommandResult {
  const f = ctx.flags;
  if (f.strings('filename').length === 0 && !f.changed('kustomize'))
    return yield* ctx.fail('must specify one of -f and -k');
  if (ctx.args.length > 0) return yield* ctx.usageError(`Unexpected args: [${ctx.args.join(' ')}]`);
  const dry = dryRunStrategy(f);
  if (!dry.ok) return yield* ctx.fail(dry.error);
  const printer = objectPrinter(f);
  if (!printer.ok) return yield* ctx.fail(printer.error);
  const badValidate = validateFlagError(ctx);
  if (badValidate) return yield* ctx.fail(badValidate);
  const unsupported = unsupportedFlag(ctx);
  if (unsupported) return yield* ctx.fail(unsupported);
  if (f.bool('server-side'))
    // @simplified: Podlab's API server has no managed fields, so server-side apply is not offered.
    return yield* ctx.fail('Podlab does not support --server-side apply; use client-side apply');
  if (f.bool('prune'))
    // @simplified: pruning needs the applyset machinery, which Podlab does not model.
    return yield* ctx.fail(
      'Podlab does not support --prune; delete removed objects with kubectl delete',
    );
  const sel = parseSelectors(f.string('selector'), undefined);
  if (!sel.ok) return yield* ctx.fail(sel.error);
  const read = yield* readFileInfos(ctx, sel.value.label);
  if (!read.ok) return yield* ctx.fail(read.error);
  const errors: RunError[] = [];
  let count = 0;
  // shouldPrintObject: with -o other than name the objects are printed once all went well.
  const output = f.string('output');
  const printObjects = output !== '' && output !== 'name';
  const toPrint: KubeObject[] = [];
  for (const item of read.items) {
    if (!item.ok) {
      errors.push({ message: item.error });
      continue;
    }
    const { info } = item;
    const generateName = info.object.metadata?.generateName;
    if (!info.name && generateName) {
      // apply.go#applyOneObject: apply needs a name to find the object again.
      errors.push({ message: `from ${generateName}: cannot use generate name with apply` });
      continue;
    }
    if (!info.name) {
      // info.Get() fails in client-go (request.go#Name) before anything reaches the server.
      errors.push({
        message: `error when retrieving current configuration of:\n${infoString(info.object, info.namespace)}\nfrom server for: "${info.source}": resource name may not be empty`,
      });
      continue;
    }
    const warnings: string[] = [];
    const r = yield* applyObject(ctx, info.object, info.namespace, info.source, dry.value, (w) =>
      warnings.push(w),
    );
    for (const w of warnings) yield* ctx.err(w);
    if (!r.ok) {
      errors.push(r.error);
      continue;
    }
    count++;
    if (printObjects) {
      toPrint.push(r.object);
      continue;
    }
    const printed = printer.value(r.object, withDryRun(r.operation, dry.value));
    if (!printed.ok) errors.push({ message: printed.error });
    else yield* ctx.out(printed.text);
  }
  for (const e of read.streamErrors) errors.push({ message: e });
  if (errors.length === 0 && count === 0) errors.push({ message: 'no objects passed to apply' });
  if (errors.length > 0) {
    yield* ctx.err(formatRunErrors(errors));
    return 1;
  }
  if (toPrint.length > 0) {
    // apply.go#printObjects: one object alone, several as a v1 List.
    const obj =
      toPrint.length === 1
        ? toPrint[0]
        : ({
            kind: 'List',
            apiVersion: 'v1',
            metadata: {},
            items: toPrint,
          } as unknown as KubeObject);
    const printed = printer.value(obj, '');
    if (!printed.ok) return yield* ctx.fail(printed.error);
    yield* ctx.out(printed.text);
  }
  return 0;
}

/** The `apply` command. */
export const applyCommand: CommandSpec = {
  name: 'apply',
  group: 'Advanced Commands:',
  usage: 'apply (-f FILENAME | -k DIRECTORY) [options]',
  short: 'Apply a configuration to a resource by file name or stdin',
  long: 'Make the objects of manifests (files, directories or stdin) look like the manifests: create the missing ones, and merge the changes into the existing ones, remembering what was applied in the kubectl.kubernetes.io/last-applied-configuration annotation.',
  examples: [
    '  # Apply a manifest',
    '  kubectl apply -f job.yaml',
    '',
    '  # Apply every manifest of a folder and its subfolders',
    '  kubectl apply -R -f manifests/',
  ].join('\n'),
  flags: [
    {
      name: 'all',
      type: 'bool',
      usage: 'With --prune: consider every object of the namespace.',
    },
    ...PRINT_FLAGS,
    CASCADE_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag('kubectl-client-side-apply'),
    ...filenameFlags('to apply'),
    {
      name: 'force',
      type: 'bool',
      usage: 'If the change cannot be patched, delete and re-create the object.',
    },
    {
      name: 'force-conflicts',
      type: 'bool',
      usage: 'With --server-side: take over fields owned by other managers.',
    },
    {
      name: 'grace-period',
      type: 'int',
      default: -1,
      usage: 'With --force: seconds the deleted pods get to stop.',
    },
    {
      name: 'openapi-patch',
      type: 'bool',
      default: true,
      usage: 'Use the OpenAPI schema to compute strategic merge patches.',
    },
    {
      name: 'overwrite',
      type: 'bool',
      default: true,
      usage: 'Let the manifest win over changes made to the live object since the last apply.',
    },
    {
      name: 'prune',
      type: 'bool',
      usage: 'Delete the objects applied before that are no longer in the manifests.',
    },
    {
      name: 'prune-allowlist',
      type: 'stringArray',
      usage: 'With --prune: the group/version/kinds that may be pruned.',
    },
    WRITE_SELECTOR_FLAG,
    {
      name: 'server-side',
      type: 'bool',
      usage: 'Let the API server compute the apply (server-side apply).',
    },
    {
      name: 'subresource',
      type: 'string',
      usage: 'Apply to a subresource (status or scale) instead of the object.',
    },
    {
      name: 'timeout',
      type: 'duration',
      default: '0s',
      usage: 'With --force: how long to wait for the deletion.',
    },
    VALIDATE_FLAG,
    {
      name: 'wait',
      type: 'bool',
      usage: 'With --force or --prune: wait until the deleted objects are gone.',
    },
  ],
  subcommands: [setLastAppliedCommand, viewLastAppliedCommand],
  run: runApply,
};
