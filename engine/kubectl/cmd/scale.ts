/**
 * `kubectl scale` (kubectl pkg/cmd/scale/scale.go, pkg/scale/scale.go): set spec.replicas through
 * the scale subresource, with the --current-replicas / --resource-version preconditions.
 * Only kinds with a scale subresource can be scaled: Jobs lost theirs (kubectl 1.32 has no Job
 * scaler), so the server answers NotFound as it does for any kind without /scale.
 */
import type { KubeObject } from '../../api/object';
import type { StatusError } from '../../api/errors';
import type { CommandSpec } from '../command';
import { dryRunStrategy, withDryRun } from './dry-run';
import {
  MUTATE_DRY_RUN_FLAG,
  MUTATE_PRINT_FLAGS,
  SELECTOR_FLAG,
  filenameOptionFlags,
} from './common-flags';
import {
  WatchQueue,
  flagDuration,
  collectTargets,
  deadlineAfter,
  outputError,
  printResult,
  MISSING_NAMED_RESOURCE_ERROR,
} from './mutate-common';

/** Kinds served with a scale subresource. */
const SCALABLE = ['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'];

const NO_SCALE: StatusError = {
  status: 'Failure',
  reason: 'NotFound',
  code: 404,
  message: 'the server could not find the requested resource',
};

/** The scale command. */
export const scaleCommand: CommandSpec = {
  name: 'scale',
  group: 'Deploy Commands:',
  usage:
    'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  long: 'Change the number of replicas of a deployment, replica set, replication controller or stateful set. With --current-replicas or --resource-version the change only happens if the object is still in that state.',
  examples:
    '  # Run 3 replicas of deployment web\n  kubectl scale --replicas=3 deployment/web\n\n' +
    '  # Scale to 5 only if it currently has 2\n  kubectl scale --current-replicas=2 --replicas=5 deployment/web',
  flags: [
    {
      name: 'all',
      type: 'bool',
      usage: 'Select all resources in the namespace of the specified resource types',
    },
    ...MUTATE_PRINT_FLAGS,
    {
      name: 'current-replicas',
      type: 'int',
      default: -1,
      usage:
        'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.',
    },
    MUTATE_DRY_RUN_FLAG,
    ...filenameOptionFlags('identifying the resource to set a new size'),
    {
      name: 'replicas',
      type: 'int',
      default: 0,
      usage: 'The new desired number of replicas. Required.',
    },
    {
      name: 'resource-version',
      type: 'string',
      usage:
        'Precondition for resource version. Requires that the current resource version match this value in order to scale.',
    },
    SELECTOR_FLAG,
    {
      name: 'timeout',
      type: 'duration',
      default: '0s',
      usage:
        "The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).",
    },
  ],
  *run(ctx) {
    if (!ctx.flags.changed('replicas'))
      return yield* ctx.fail('required flag(s) "replicas" not set');
    const dryRun = dryRunStrategy(ctx.flags);
    if (!dryRun.ok) return yield* ctx.fail(dryRun.error);
    const dry = dryRun.value;
    const outErr = outputError(ctx);
    if (outErr) return yield* ctx.fail(outErr);
    const replicas = ctx.flags.int('replicas');
    const currentReplicas = ctx.flags.int('current-replicas');
    if (replicas < 0)
      return yield* ctx.fail(
        'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
      );
    if (currentReplicas < -1)
      return yield* ctx.fail('The --current-replicas must specify an integer of -1 or greater');
    if (ctx.args.length === 0 && ctx.flags.strings('filename').length === 0)
      return yield* ctx.fail(MISSING_NAMED_RESOURCE_ERROR);
    const found = yield* collectTargets(ctx, ctx.args, {
      selector: ctx.flags.string('selector'),
      all: ctx.flags.bool('all'),
    });
    if ('error' in found) return yield* ctx.fail(found.error);
    for (const e of found.errors) yield* ctx.statusError(e);
    const rv = ctx.flags.string('resource-version');
    if (rv && found.found.length > 1)
      return yield* ctx.fail('cannot use --resource-version with multiple resources');
    if (found.found.length === 0) return yield* ctx.fail('no objects passed to scale');
    const timeoutMs = flagDuration(ctx, 'timeout');
    for (const { object } of found.found) {
      if (dry === 'client') {
        yield* printResult(ctx, object, withDryRun('scaled', dry));
        continue;
      }
      if (!SCALABLE.includes(object.kind)) return yield* ctx.statusError(NO_SCALE);
      const current = (object.spec as { replicas?: number } | undefined)?.replicas ?? 1;
      if (currentReplicas !== -1 && current !== currentReplicas)
        return yield* ctx.fail(`Expected replicas to be ${currentReplicas}, was ${current}`);
      if (rv && object.metadata.resourceVersion !== rv)
        return yield* ctx.fail(
          `Expected resource version to be ${rv}, was ${object.metadata.resourceVersion}`,
        );
      const r = ctx.cluster.server.patch(
        object.kind,
        object.metadata.namespace ?? '',
        object.metadata.name!,
        'merge',
        { spec: { replicas } },
        { dryRun: dry === 'server' },
      );
      if (!r.ok) return yield* ctx.statusError(r.error);
      if (timeoutMs > 0 && dry === 'none') {
        const waited = yield* waitForReplicas(ctx, r.value, replicas, timeoutMs);
        if (waited !== 0) return waited;
      }
      yield* printResult(ctx, r.value, withDryRun('scaled', dry));
    }
    return found.errors.length > 0 ? 1 : 0;
  },
};

/** --timeout: waits until status.replicas reaches the new size (scale.WaitForScaleHasDesiredReplicas). */
function* waitForReplicas(
  ctx: Parameters<NonNullable<CommandSpec['run']>>[0],
  obj: KubeObject,
  replicas: number,
  timeoutMs: number,
) {
  const until = deadlineAfter(ctx, timeoutMs);
  const ns = obj.metadata.namespace ?? '';
  const name = obj.metadata.name!;
  const queue = WatchQueue.forObject(ctx, obj);
  try {
    for (;;) {
      const now = ctx.cluster.server.get(obj.kind, ns, name);
      const st = now?.status as { replicas?: number; observedGeneration?: number } | undefined;
      if (
        now &&
        (st?.observedGeneration ?? 0) >= (now.metadata.generation ?? 0) &&
        (st?.replicas ?? 0) === replicas
      )
        return 0;
      const e = yield* queue.next(ctx, until);
      if (e === 'interrupted') return 130;
      if (e === 'timeout') return yield* ctx.fail('timed out waiting for the condition');
    }
  } finally {
    queue.close();
  }
}
