/**
 * `kubectl delete` (kubectl pkg/cmd/delete/delete.go, delete_flags.go): objects by TYPE NAME,
 * TYPE/NAME, -f, -l or --all, one `kind.group "name" deleted` line per object as it is deleted,
 * then a wait until they are gone (unless --wait=false), with kubectl's grace-period rules.
 */
import type { PropagationPolicy } from '../../api/apiserver';
import type { KubeObject } from '../../api/object';
import type { ResourceInfo } from '../../api/resources';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import {
  fetchTargets,
  parseResourceArgs,
  parseSelectors,
  MISSING_RESOURCE_ERROR,
} from '../resource/builder';
import { dryRunStrategy, withDryRun } from './dry-run';
import { filenameFlags, DRY_RUN_FLAG, WRITE_SELECTOR_FLAG } from './common-flags';
import { kindDotGroup, readFileInfos, unsupportedFlag } from './file-infos';
import { waitForDeletion, type DeletedRef } from './wait-deleted';
import { formatRunErrors, type RunError } from './write-output';

/** delete_flags.go#GetCascadingStrategy. */
export function cascadingStrategy(
  ctx: CommandContext,
): { ok: true; value: PropagationPolicy; warning?: string } | { ok: false; error: string } {
  const v = ctx.flags.string('cascade').toLowerCase();
  switch (v) {
    case 'background':
    case 'true':
      return { ok: true, value: 'Background' };
    case 'foreground':
      return { ok: true, value: 'Foreground' };
    case 'orphan':
      return { ok: true, value: 'Orphan' };
    case 'false':
      return {
        ok: true,
        value: 'Orphan',
        warning:
          'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n',
      };
    default:
      return {
        ok: false,
        error: `invalid cascade value (${ctx.flags.string('cascade')}). Must be "background", "foreground", or "orphan"`,
      };
  }
}

/** The cascade flag as delete, apply and replace declare it. */
export const CASCADE_FLAG = {
  name: 'cascade',
  type: 'string' as const,
  default: 'background',
  noOptDefault: 'background',
  usage:
    'How dependents go: "background" (the default) lets the garbage collector delete them, "foreground" deletes them before the owner, "orphan" keeps them.',
};

/** One object to delete. */
interface Victim {
  info: ResourceInfo;
  namespace: string;
  name: string;
  source: string;
}

/** The `<kind>.<group> "<name>" <operation>` line (DeleteOptions.PrintObj). */
export function deletionLine(
  info: ResourceInfo,
  name: string,
  operation: string,
  output: string,
): string {
  if (output === 'name') return `${kindDotGroup(info)}/${name}\n`;
  return `${kindDotGroup(info)} "${name}" ${operation}\n`;
}

function* runDelete(ctx: CommandContext): CommandResult {
  const cascade = cascadingStrategy(ctx);
  if (!cascade.ok) return yield* ctx.fail(cascade.error);
  if (cascade.warning) yield* ctx.err(cascade.warning);
  const f = ctx.flags;
  const all = f.bool('all');
  const label = f.string('selector');
  const field = f.string('field-selector');
  const allNamespaces = f.bool('all-namespaces');
  let ignoreNotFound = f.bool('ignore-not-found');
  if ((all || label || field) && !f.changed('ignore-not-found')) ignoreNotFound = true;
  let grace = f.changed('grace-period') ? f.int('grace-period') : -1;
  if (f.bool('now')) {
    if (grace !== -1)
      return yield* ctx.fail('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  const force = f.bool('force');
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  const dry = dryRunStrategy(f);
  if (!dry.ok) return yield* ctx.fail(dry.error);
  const unsupported = unsupportedFlag(ctx);
  if (unsupported) return yield* ctx.fail(unsupported);

  // The builder: -f, or arguments (+ selectors), with its argument errors.
  const filenames = f.strings('filename');
  const victims: Victim[] = [];
  const errors: RunError[] = [];
  if (filenames.length > 0 || f.changed('kustomize')) {
    if (ctx.args.length > 0)
      return yield* ctx.fail(
        'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
      );
    const sel = parseSelectors(label, undefined);
    if (!sel.ok) return yield* ctx.fail(sel.error);
    const read = yield* readFileInfos(ctx, sel.value.label);
    if (!read.ok) return yield* ctx.fail(read.error);
    for (const item of read.items) {
      if (!item.ok) errors.push({ message: item.error });
      else
        victims.push({
          info: item.info.resource,
          namespace: item.info.namespace,
          name: item.info.name,
          source: item.info.source,
        });
    }
    for (const e of read.streamErrors) errors.push({ message: e });
  } else {
    if (ctx.args.length === 0) return yield* ctx.fail(MISSING_RESOURCE_ERROR);
    if (all && (label || field))
      return yield* ctx.fail("setting 'all' parameter but found a non empty selector. ");
    const parsed = parseResourceArgs(ctx.args);
    if (!parsed.ok) return yield* ctx.fail(parsed.error);
    const selecting = all || label !== '' || field !== '';
    if (parsed.mode !== 'list' && selecting)
      return yield* ctx.fail('name cannot be provided when a selector is specified');
    if (parsed.mode === 'list' && !selecting)
      return yield* ctx.fail('resource(s) were provided, but no name was specified');
    if (parsed.mode === 'list') {
      const sel = parseSelectors(label, field);
      if (!sel.ok) return yield* ctx.fail(sel.error);
      const fetched = fetchTargets(
        ctx.cluster.server,
        parsed.targets,
        { namespace: ctx.namespace, allNamespaces },
        sel.value,
      );
      for (const r of fetched) {
        if (!r.ok) errors.push({ status: r.error });
        else
          victims.push({
            info: r.info,
            namespace: r.object.metadata.namespace ?? '',
            name: r.object.metadata.name ?? '',
            source: '',
          });
      }
    } else {
      for (const t of parsed.targets)
        victims.push({
          info: t.info,
          namespace: t.info.namespaced ? ctx.namespace : '',
          name: t.name ?? '',
          source: '',
        });
    }
  }

  // DeleteOptions.Validate
  const output = f.string('output');
  if (output !== '' && output !== 'name')
    return yield* ctx.fail(`unexpected -o output mode: ${output}. We only support '-o name'`);
  if (all && field)
    return yield* ctx.fail('cannot set --all and --field-selector at the same time');
  if (grace === 0 && force)
    yield* ctx.err(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
  else if (grace > 0 && force)
    return yield* ctx.fail(
      '--force and --grace-period greater than 0 cannot be specified together',
    );

  // RunDelete: --interactive lists what would go and asks first (confirmation, fmt.Fscan).
  if (f.bool('interactive') && errors.length === 0) {
    if (victims.length === 0) {
      yield* ctx.out('No resources found\n');
      return 0;
    }
    let text = `You are about to delete the following ${victims.length} resource(s):\n`;
    for (const v of victims) text += `${kindDotGroup(v.info)}/${v.name}\n`;
    yield* ctx.out(`${text}Do you want to continue? (y/n): `);
    let answer: string | undefined;
    for (;;) {
      const line = yield* ctx.proc.readLine(0, true);
      if (line === null || line === undefined) break;
      const token = line.trim().split(/\s+/)[0];
      if (token) {
        answer = token;
        break;
      }
    }
    if (answer?.toLowerCase() !== 'y') {
      yield* ctx.out('deletion is cancelled\n');
      return 0;
    }
  }

  // DeleteResult
  const operation = withDryRun(grace === 0 ? 'force deleted' : 'deleted', dry.value);
  let warnClusterScope = ctx.namespaceExplicit && !allNamespaces;
  const deleted: DeletedRef[] = [];
  let found = 0;
  for (const v of victims) {
    found++;
    if (warnClusterScope && !v.info.namespaced) {
      yield* ctx.err(
        'warning: deleting cluster-scoped resources, not scoped to the provided namespace\n',
      );
      warnClusterScope = false;
    }
    if (dry.value === 'client') {
      yield* ctx.out(deletionLine(v.info, v.name, operation, output));
      continue;
    }
    const before: KubeObject | undefined = ctx.cluster.server.get(v.info.kind, v.namespace, v.name);
    const r = ctx.cluster.server.delete(v.info.kind, v.namespace, v.name, {
      ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
      propagationPolicy: cascade.value,
      dryRun: dry.value === 'server',
    });
    if (!r.ok) {
      if (r.error.reason === 'NotFound' && ignoreNotFound) {
        found--;
        continue;
      }
      errors.push({ status: r.error, verb: 'deleting', source: v.source });
      continue;
    }
    yield* ctx.out(deletionLine(v.info, v.name, operation, output));
    const uid = before?.metadata.uid ?? r.value.metadata.uid;
    if (uid)
      deleted.push({
        kind: v.info.kind,
        resource: v.info.resource,
        namespace: v.namespace,
        name: v.name,
        uid,
      });
  }
  if (errors.length > 0) {
    yield* ctx.err(formatRunErrors(errors));
    return 1;
  }
  if (found === 0) {
    yield* ctx.out('No resources found\n');
    return 0;
  }
  if (!f.bool('wait') || dry.value !== 'none') return 0;
  const timedOut = yield* waitForDeletion(ctx, deleted, f.int('timeout'));
  if (timedOut) return yield* ctx.fail(timedOut);
  return 0;
}

/** The `delete` command. */
export const deleteCommand: CommandSpec = {
  name: 'delete',
  group: 'Basic Commands (Intermediate):',
  usage: 'delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  short:
    'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  long: 'Delete objects named by TYPE NAME or TYPE/NAME, read from manifests (-f), or selected with -l or --all. kubectl waits until the objects are gone; pods first get their grace period to stop.',
  examples: [
    '  # Delete a job and, in the background, its pods',
    '  kubectl delete job pi',
    '',
    '  # Delete every job of the namespace',
    '  kubectl delete jobs --all',
    '',
    '  # Delete a pod at once, without waiting for its containers to stop',
    '  kubectl delete pod web-0 --grace-period=0 --force',
  ].join('\n'),
  flags: [
    {
      name: 'all',
      type: 'bool',
      usage: 'Delete every object of the given types in the namespace.',
    },
    {
      name: 'all-namespaces',
      short: 'A',
      type: 'bool',
      usage: 'With a selector or --all, delete the matching objects of every namespace.',
    },
    CASCADE_FLAG,
    DRY_RUN_FLAG,
    {
      name: 'field-selector',
      type: 'string',
      usage: 'Selector (field query) to filter on, e.g. --field-selector status.phase=Failed.',
    },
    ...filenameFlags('naming the objects to delete'),
    {
      name: 'force',
      type: 'bool',
      usage:
        'With --grace-period=0, remove the objects from the API at once, without waiting for the kubelet to confirm the pod has stopped.',
    },
    {
      name: 'grace-period',
      type: 'int',
      default: -1,
      usage:
        "Seconds a pod gets to stop gracefully; negative uses the pod's own setting, 0 only together with --force.",
    },
    {
      name: 'ignore-not-found',
      type: 'bool',
      usage: 'Treat "resource not found" as success (the default with --all or a selector).',
    },
    {
      name: 'interactive',
      short: 'i',
      type: 'bool',
      usage: 'Ask for confirmation before deleting.',
    },
    {
      name: 'now',
      type: 'bool',
      usage: 'Signal the pods to stop at once (a grace period of 1 second).',
    },
    {
      name: 'output',
      short: 'o',
      type: 'string',
      usage: 'Output mode. Use "-o name" for the short form (resource/name).',
    },
    {
      name: 'raw',
      type: 'string',
      usage: 'Raw URI to DELETE on the server, with the transport of the kubeconfig.',
    },
    WRITE_SELECTOR_FLAG,
    {
      name: 'timeout',
      type: 'duration',
      default: '0s',
      usage: 'How long to wait for the deletion before giving up; 0 waits a week.',
    },
    {
      name: 'wait',
      type: 'bool',
      default: true,
      usage: 'Wait until the objects are gone before returning.',
    },
  ],
  run: runDelete,
};
