/**
 * `kubectl rollout status|history|undo|restart|pause|resume` for deployments and daemon sets
 * (kubectl pkg/cmd/rollout/*.go; pkg/polymorphichelpers rollout_status.go, history.go,
 * rollback.go, objectrestarter.go, objectpauser.go, objectresumer.go). `status` follows the
 * object's watch events in virtual time and prints the viewer's line for each of them.
 */
import type { KubeObject, JsonValue } from '../../api/object';
import type { ResourceInfo } from '../../api/resources';
import { cloneJson, strategicMergePatch } from '../../api/patch';
import { formatRFC3339 } from '../../time/instant';
import type { Block } from '../../runtime/kernel';
import {
  POD_TEMPLATE_HASH_LABEL,
  equalIgnoreHash,
  revisionOf,
} from '../../controllers/deployment/deployment-util';
import { revisionNumber } from '../../controllers/history/revision';
import { describePodTemplate } from '../printers/describe/containers';
import { PrefixWriter } from '../printers/describe/prefix-writer';
import { tabFormat, type TabWriter } from '../format/tabwriter';
import type { CommandContext, CommandSpec } from '../command';
import type { FlagDef } from '../flags';
import { dryRunStrategy, withDryRun } from './dry-run';
import {
  MUTATE_DRY_RUN_FLAG,
  MUTATE_PRINT_FLAGS,
  SELECTOR_FLAG,
  filenameOptionFlags,
  fieldManagerFlag,
} from './common-flags';
import {
  WatchQueue,
  flagDuration,
  collectTargets,
  deadlineAfter,
  outputError,
  printResult,
  resourceName,
} from './mutate-common';
import { CHANGE_CAUSE_ANNOTATION } from './annotate';

const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

const FILE_FLAGS: FlagDef[] = [
  ...filenameOptionFlags('identifying the resource to get from a server.'),
  SELECTOR_FLAG,
];

/** GroupKind.String(): `Pod`, `Job.batch`. */
function groupKind(info: ResourceInfo): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind;
}

/** `deployments.apps` (the resource string of the pause/restart errors). */
function resourceString(info: ResourceInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}

type Found = { info: ResourceInfo; object: KubeObject };

/** Finds the objects of a rollout subcommand; prints errors and returns a status on failure. */
function* targets(ctx: CommandContext): Generator<Block, Found[] | number, void> {
  if (ctx.args.length === 0 && ctx.flags.strings('filename').length === 0)
    return yield* ctx.fail('required resource not specified');
  const found = yield* collectTargets(ctx, ctx.args, {
    selector: ctx.flags.string('selector'),
  });
  if ('error' in found) return yield* ctx.fail(found.error);
  if (found.errors.length > 0) {
    for (const e of found.errors) yield* ctx.statusError(e);
    return 1;
  }
  return found.found;
}

function controlledBy(ctx: CommandContext, kind: string, owner: KubeObject): KubeObject[] {
  return ctx.cluster.server
    .list(kind, { namespace: owner.metadata.namespace })
    .filter((o) =>
      o.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid),
    );
}

// ------------------------------------------------------------------------------------ status

interface DeploymentLike {
  metadata: { name?: string; generation?: number; annotations?: Record<string, string> };
  spec?: { replicas?: number; updateStrategy?: { type?: string } };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    updatedNumberScheduled?: number;
    desiredNumberScheduled?: number;
    numberAvailable?: number;
    conditions?: Array<{ type: string; reason?: string }>;
  };
}

/** StatusViewer.Status: the line to print, whether the rollout is done, or an error. */
export function rolloutStatus(
  obj: KubeObject,
  revision: number,
): { text: string; done: boolean } | { error: string } {
  const o = obj as unknown as DeploymentLike;
  const name = o.metadata.name;
  const st = o.status ?? {};
  if (obj.kind === 'Deployment') {
    if (revision > 0) {
      const rev = revisionOf(obj);
      if (revision !== rev)
        return {
          error: `desired revision (${revision}) is different from the running revision (${rev})`,
        };
    }
    if ((o.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
      const cond = st.conditions?.find((c) => c.type === 'Progressing');
      if (cond?.reason === 'ProgressDeadlineExceeded')
        return { error: `deployment "${name}" exceeded its progress deadline` };
      const replicas = o.spec?.replicas ?? 1;
      const updated = st.updatedReplicas ?? 0;
      if (updated < replicas)
        return {
          text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`,
          done: false,
        };
      if ((st.replicas ?? 0) > updated)
        return {
          text: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`,
          done: false,
        };
      if ((st.availableReplicas ?? 0) < updated)
        return {
          text: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`,
          done: false,
        };
      return { text: `deployment "${name}" successfully rolled out\n`, done: true };
    }
    return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
  }
  // DaemonSet
  if ((o.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate')
    return { error: 'rollout status is only available for RollingUpdate strategy type' };
  if ((o.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const desired = st.desiredNumberScheduled ?? 0;
    if ((st.updatedNumberScheduled ?? 0) < desired)
      return {
        text: `Waiting for daemon set "${name}" rollout to finish: ${st.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`,
        done: false,
      };
    if ((st.numberAvailable ?? 0) < desired)
      return {
        text: `Waiting for daemon set "${name}" rollout to finish: ${st.numberAvailable ?? 0} of ${desired} updated pods are available...\n`,
        done: false,
      };
    return { text: `daemon set "${name}" successfully rolled out\n`, done: true };
  }
  return { text: 'Waiting for daemon set spec update to be observed...\n', done: false };
}

const statusCommand: CommandSpec = {
  name: 'status',
  usage: 'status (TYPE NAME | TYPE/NAME) [flags] [options]',
  short: 'Show the status of the rollout',
  long: 'Follow the rollout of a deployment or daemon set until it completes, printing a line each time its status changes. Use --watch=false to print the current state once.',
  examples: '  # Wait for the rollout of deployment web\n  kubectl rollout status deployment/web',
  flags: [
    ...FILE_FLAGS,
    {
      name: 'revision',
      type: 'int',
      default: 0,
      usage: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).',
    },
    {
      name: 'timeout',
      type: 'duration',
      default: '0s',
      usage:
        'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).',
    },
    {
      name: 'watch',
      short: 'w',
      type: 'bool',
      default: true,
      usage: "Watch the status of the rollout until it's done.",
    },
  ],
  *run(ctx) {
    const found = yield* targets(ctx);
    if (typeof found === 'number') return found;
    if (found.length !== 1)
      return yield* ctx.fail(
        `rollout status is only supported on individual resources and resource collections - ${found.length} resources were found`,
      );
    const { info, object } = found[0];
    if (object.kind !== 'Deployment' && object.kind !== 'DaemonSet')
      return yield* ctx.fail(`no status viewer has been implemented for ${groupKind(info)}`);
    const revision = ctx.flags.int('revision');
    if (revision < 0) return yield* ctx.fail(`revision must be a positive integer: ${revision}`);
    const watch = !ctx.flags.changed('watch') || ctx.flags.bool('watch');
    const until = deadlineAfter(ctx, flagDuration(ctx, 'timeout'));
    const ns = object.metadata.namespace ?? '';
    const name = object.metadata.name!;
    const queue = WatchQueue.forObject(ctx, object);
    try {
      // UntilWithSync: the current state first (an ADDED event), then each change.
      let current: KubeObject | undefined = ctx.cluster.server.get(object.kind, ns, name);
      for (;;) {
        if (!current) return yield* ctx.fail('object has been deleted');
        const s = rolloutStatus(current, revision);
        if ('error' in s) return yield* ctx.fail(s.error);
        yield* ctx.out(s.text);
        if (s.done || !watch) return 0;
        const e = yield* queue.next(ctx, until);
        if (e === 'interrupted') return 130;
        if (e === 'timeout') return yield* ctx.fail('timed out waiting for the condition');
        current = e.type === 'DELETED' ? undefined : e.object;
      }
    } finally {
      queue.close();
    }
  },
};

// ----------------------------------------------------------------------------------- history

/** Revision number → pod template and change cause, from ReplicaSets or ControllerRevisions. */
function historyOf(
  ctx: CommandContext,
  obj: KubeObject,
): Map<number, { template: unknown; changeCause?: string; source: KubeObject }> {
  const out = new Map<number, { template: unknown; changeCause?: string; source: KubeObject }>();
  if (obj.kind === 'Deployment') {
    for (const rs of controlledBy(ctx, 'ReplicaSet', obj)) {
      const raw = rs.metadata.annotations?.['deployment.kubernetes.io/revision'];
      if (raw === undefined || !/^\d+$/.test(raw)) continue;
      // The viewer shows the ReplicaSet's change cause among the template's annotations.
      const changeCause = rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION];
      const template = cloneJson(
        (rs.spec as { template?: { metadata?: { annotations?: Record<string, string> } } })
          .template ?? {},
      );
      if (changeCause)
        template.metadata = {
          ...template.metadata,
          annotations: {
            ...template.metadata?.annotations,
            [CHANGE_CAUSE_ANNOTATION]: changeCause,
          },
        };
      out.set(Number(raw), { template, changeCause, source: rs });
    }
  } else {
    for (const cr of controlledBy(ctx, 'ControllerRevision', obj)) {
      out.set(revisionNumber(cr as { revision?: unknown }), {
        template: applyRevision(obj, cr),
        changeCause: cr.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION],
        source: cr,
      });
    }
  }
  return out;
}

/** applyDaemonSetHistory: the DaemonSet's template with a revision's data patched in. */
function applyRevision(ds: KubeObject, revision: KubeObject): unknown {
  const patched = strategicMergePatch(
    ds as unknown as JsonValue,
    ((revision as { data?: JsonValue }).data ?? {}) as JsonValue,
  );
  if (patched && typeof patched === 'object' && 'error' in (patched as object)) return undefined;
  return ((patched as { spec?: { template?: unknown } }).spec ?? {}).template;
}

/**
 * history.go#printTemplate: DescribePodTemplate into a PrefixWriter over a plain buffer, so the
 * tabs stay tabs (no tabwriter alignment, unlike `kubectl describe`).
 */
function printTemplate(template: unknown): string {
  let text = '';
  const raw = { write: (t: string) => void (text += t), flush: () => undefined };
  describePodTemplate(template as never, new PrefixWriter(raw as unknown as TabWriter));
  return text;
}

const historyCommand: CommandSpec = {
  name: 'history',
  usage: 'history (TYPE NAME | TYPE/NAME) [flags] [options]',
  short: 'View rollout history',
  long: 'List the recorded revisions of a deployment or daemon set, or show the pod template of one revision with --revision.',
  examples:
    '  # List the revisions of daemon set logd\n  kubectl rollout history daemonset/logd\n\n' +
    '  # Show revision 3\n  kubectl rollout history daemonset/logd --revision=3',
  flags: [
    ...FILE_FLAGS,
    ...MUTATE_PRINT_FLAGS,
    {
      name: 'revision',
      type: 'int',
      default: 0,
      usage: 'See the details, including podTemplate of the revision specified',
    },
  ],
  *run(ctx) {
    const outErr = outputError(ctx);
    if (outErr) return yield* ctx.fail(outErr);
    const revision = ctx.flags.int('revision');
    if (revision < 0) return yield* ctx.fail(`revision must be a positive integer: ${revision}`);
    const found = yield* targets(ctx);
    if (typeof found === 'number') return found;
    for (const { info, object } of found) {
      if (object.kind !== 'Deployment' && object.kind !== 'DaemonSet')
        return yield* ctx.fail(`no history viewer has been implemented for "${groupKind(info)}"`);
      const history = historyOf(ctx, object);
      let text: string;
      if (history.size === 0) text = 'No rollout history found.';
      else if (revision > 0) {
        const h = history.get(revision);
        if (!h) return yield* ctx.fail('unable to find the specified revision');
        text = printTemplate(h.template);
      } else {
        const rows = [...history.keys()]
          .sort((a, b) => a - b)
          .map((r) => `${r}\t${history.get(r)!.changeCause || '<none>'}\n`)
          .join('');
        text = tabFormat(`REVISION\tCHANGE-CAUSE\n${rows}`, {
          minwidth: 0,
          tabwidth: 8,
          padding: 2,
          padchar: ' ',
          flags: 0,
        });
      }
      const withRevision = revision > 0 ? `with revision #${revision}` : '';
      if (ctx.flags.string('output')) yield* printResult(ctx, object, '');
      else yield* ctx.out(`${resourceName(object)} ${withRevision}\n${text}\n`);
    }
    return 0;
  },
};

// -------------------------------------------------------------------------------------- undo

/** Annotations a deployment rollback keeps from the deployment instead of the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = [
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
];

function* rollback(
  ctx: CommandContext,
  obj: KubeObject,
  toRevision: number,
  dry: 'none' | 'client' | 'server',
): Generator<Block, { result: string } | { error: string }, void> {
  const server = ctx.cluster.server;
  const notFoundErr = { error: `unable to find specified revision ${toRevision} in history` };
  if (toRevision < 0) return notFoundErr;
  const ns = obj.metadata.namespace ?? '';
  const name = obj.metadata.name!;
  if (obj.kind === 'Deployment') {
    if ((obj.spec as { paused?: boolean }).paused)
      return {
        error:
          "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
      };
    const rss = controlledBy(ctx, 'ReplicaSet', obj).filter((rs) =>
      /^\d+$/.test(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? ''),
    );
    let target: KubeObject | undefined;
    if (toRevision > 0) {
      target = rss.find((rs) => revisionOf(rs) === toRevision);
      if (!target) return notFoundErr;
    } else {
      const sorted = [...rss].sort((a, b) => revisionOf(b) - revisionOf(a));
      target = sorted[1];
      if (!target) return { error: `no rollout history found for deployment "${name}"` };
    }
    const template = cloneJson(
      (target.spec as { template?: { metadata?: { labels?: Record<string, string> } } }).template ??
        {},
    );
    if (dry === 'client') return { result: printTemplate(template) };
    if (equalIgnoreHash(template, (obj.spec as { template?: unknown }).template))
      return {
        result: `skipped rollback (current template already matches revision ${toRevision})`,
      };
    if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH_LABEL];
    const annotations: Record<string, string> = {};
    for (const k of ANNOTATIONS_TO_SKIP) {
      const v = obj.metadata.annotations?.[k];
      if (v !== undefined) annotations[k] = v;
    }
    for (const [k, v] of Object.entries(target.metadata.annotations ?? {}))
      if (!ANNOTATIONS_TO_SKIP.includes(k)) annotations[k] = v;
    const r = server.patch(
      'Deployment',
      ns,
      name,
      'json',
      [
        { op: 'replace', path: '/spec/template', value: template as JsonValue },
        { op: 'replace', path: '/metadata/annotations', value: annotations },
      ],
      { dryRun: dry === 'server' },
    );
    if (!r.ok) return { error: `failed restoring revision ${toRevision}: ${r.error.message}` };
    return { result: 'rolled back' };
  }
  const history = controlledBy(ctx, 'ControllerRevision', obj);
  if (toRevision === 0 && history.length <= 1) return { error: 'no last revision to roll back to' };
  const sorted = [...history].sort(
    (a, b) =>
      revisionNumber(a as { revision?: unknown }) - revisionNumber(b as { revision?: unknown }),
  );
  const target =
    toRevision === 0
      ? sorted[sorted.length - 2]
      : sorted.find((h) => revisionNumber(h as { revision?: unknown }) === toRevision);
  if (!target) return notFoundErr;
  const template = applyRevision(obj, target);
  if (dry === 'client') return { result: printTemplate(template) };
  if (equalIgnoreHash(template, (obj.spec as { template?: unknown }).template))
    return {
      result: `skipped rollback (current template already matches revision ${toRevision})`,
    };
  const r = server.patch(
    'DaemonSet',
    ns,
    name,
    'strategic',
    ((target as { data?: JsonValue }).data ?? {}) as JsonValue,
    { dryRun: dry === 'server' },
  );
  if (!r.ok) return { error: `failed restoring revision ${toRevision}: ${r.error.message}` };
  return { result: 'rolled back' };
}

const undoCommand: CommandSpec = {
  name: 'undo',
  usage: 'undo (TYPE NAME | TYPE/NAME) [flags] [options]',
  short: 'Undo a previous rollout',
  long: 'Roll a deployment or daemon set back to its previous revision, or to the one given with --to-revision.',
  examples:
    '  # Go back to the previous revision of deployment web\n  kubectl rollout undo deployment/web\n\n' +
    '  # Go back to revision 3 of daemon set logd\n  kubectl rollout undo daemonset/logd --to-revision=3',
  flags: [
    ...FILE_FLAGS,
    ...MUTATE_PRINT_FLAGS,
    MUTATE_DRY_RUN_FLAG,
    {
      name: 'to-revision',
      type: 'int',
      default: 0,
      usage: 'The revision to rollback to. Default to 0 (last revision).',
    },
  ],
  *run(ctx) {
    const dryRun = dryRunStrategy(ctx.flags);
    if (!dryRun.ok) return yield* ctx.fail(dryRun.error);
    const dry = dryRun.value;
    const outErr = outputError(ctx);
    if (outErr) return yield* ctx.fail(outErr);
    const found = yield* targets(ctx);
    if (typeof found === 'number') return found;
    let status = 0;
    for (const { info, object } of found) {
      if (object.kind !== 'Deployment' && object.kind !== 'DaemonSet') {
        yield* ctx.fail(`no rollbacker has been implemented for "${groupKind(info)}"`);
        status = 1;
        continue;
      }
      const r = yield* rollback(ctx, object, ctx.flags.int('to-revision'), dry);
      if ('error' in r) {
        yield* ctx.fail(r.error);
        status = 1;
        continue;
      }
      const now = ctx.cluster.server.get(
        object.kind,
        object.metadata.namespace ?? '',
        object.metadata.name!,
      );
      yield* printResult(ctx, now ?? object, withDryRun(r.result, dry));
    }
    return status;
  },
};

// ------------------------------------------------------------------ restart / pause / resume

type Mutation = (obj: KubeObject, ctx: CommandContext) => { patch?: JsonValue; error?: string };

/** Shared by restart, pause and resume: patch each object, print `<op>` or `<unchanged op>`. */
function patchingCommand(
  name: string,
  short: string,
  long: string,
  examples: string,
  operation: string,
  unchanged: ((obj: KubeObject) => string) | undefined,
  mutate: Mutation,
): CommandSpec {
  return {
    name,
    usage: `${name} RESOURCE [options]`,
    short,
    long,
    examples,
    flags: [...FILE_FLAGS, ...MUTATE_PRINT_FLAGS, fieldManagerFlag('kubectl-rollout')],
    *run(ctx) {
      const outErr = outputError(ctx);
      if (outErr) return yield* ctx.fail(outErr);
      const found = yield* targets(ctx);
      if (typeof found === 'number') return found;
      const errors: string[] = [];
      for (const { info, object } of found) {
        const m = mutate(object, ctx);
        if (m.error) {
          errors.push(`error: ${resourceString(info)} "${object.metadata.name}" ${m.error}`);
          continue;
        }
        if (!m.patch) {
          if (unchanged) yield* printResult(ctx, object, unchanged(object));
          else
            errors.push(
              `failed to create patch for ${object.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
            );
          continue;
        }
        const r = ctx.cluster.server.patch(
          object.kind,
          object.metadata.namespace ?? '',
          object.metadata.name!,
          'strategic',
          m.patch,
        );
        if (!r.ok) {
          errors.push(`failed to patch: ${r.error.message}`);
          continue;
        }
        yield* printResult(ctx, r.value, operation);
      }
      if (errors.length === 1) return yield* ctx.fail(errors[0]);
      if (errors.length > 1) {
        yield* ctx.err(errors.map((e) => `${e}\n`).join(''));
        return 1;
      }
      return 0;
    },
  };
}

const restartCommand = patchingCommand(
  'restart',
  'Restart a resource',
  'Start a new rollout of a deployment or daemon set by stamping its pod template with the restart time, so every pod is replaced.',
  '  # Replace every pod of deployment web\n  kubectl rollout restart deployment/web',
  'restarted',
  undefined,
  (obj, ctx) => {
    if (obj.kind !== 'Deployment' && obj.kind !== 'DaemonSet' && obj.kind !== 'StatefulSet')
      return { error: 'restarting is not supported' };
    if (obj.kind === 'Deployment' && (obj.spec as { paused?: boolean }).paused)
      return { error: "can't restart paused deployment (run rollout resume first)" };
    const stamp = formatRFC3339(ctx.cluster.now());
    const current = (
      obj.spec as { template?: { metadata?: { annotations?: Record<string, string> } } }
    ).template?.metadata?.annotations?.[RESTARTED_AT];
    if (current === stamp) return {};
    return {
      patch: { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: stamp } } } } },
    };
  },
);

function pauseSpec(pause: boolean): CommandSpec {
  const verb = pause ? 'pause' : 'resume';
  return patchingCommand(
    verb,
    pause ? 'Mark the provided resource as paused' : 'Resume a paused resource',
    pause
      ? 'Pause a deployment: template changes are recorded but not rolled out until it is resumed.'
      : 'Resume a paused deployment, so that pending template changes roll out.',
    pause
      ? '  # Pause deployment web while changing it\n  kubectl rollout pause deployment/web'
      : '  # Continue rolling out deployment web\n  kubectl rollout resume deployment/web',
    pause ? 'paused' : 'resumed',
    () => (pause ? 'already paused' : 'already resumed'),
    (obj) => {
      if (obj.kind !== 'Deployment')
        return { error: pause ? 'pausing is not supported' : 'resuming is not supported' };
      const paused = !!(obj.spec as { paused?: boolean }).paused;
      if (paused === pause) return {};
      return { patch: { spec: { paused: pause ? true : null } } };
    },
  );
}

/** `kubectl rollout` with its subcommands. */
export const rolloutCommand: CommandSpec = {
  name: 'rollout',
  group: 'Deploy Commands:',
  usage: 'rollout SUBCOMMAND [options]',
  short: 'Manage the rollout of a resource',
  long: 'Follow, inspect, pause, resume, restart or roll back the rollout of deployments and daemon sets.',
  examples:
    '  # Go back to the template deployment web had before\n  kubectl rollout undo deployment/web\n\n' +
    '  # Follow the update of daemon set logd\n  kubectl rollout status daemonset/logd',
  subcommands: [
    historyCommand,
    pauseSpec(true),
    restartCommand,
    pauseSpec(false),
    statusCommand,
    undoCommand,
  ],
};
