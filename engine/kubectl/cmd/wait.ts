/**
 * `kubectl wait` (kubectl pkg/cmd/wait/wait.go, condition.go, delete.go, json.go): block on the
 * objects' watch events in virtual time until each one meets `--for=delete`,
 * `--for=condition=NAME[=VALUE]`, `--for=jsonpath=EXPR[=VALUE]` or `--for=create`, sharing one
 * `--timeout` (30s by default) across all of them.
 */
import type { KubeObject } from '../../api/object';
import type { ResourceInfo } from '../../api/resources';
import type { Block } from '../../runtime/kernel';
import type { CommandContext, CommandSpec } from '../command';
import { relaxedJsonPathExpression } from '../printers/customcolumns';
import { findJsonPathResults, parseJsonPath, type JsonPathTemplate } from '../printers/jsonpath';
import { goSprint } from '../printers/govalue';
import { MUTATE_PRINT_FLAGS } from './common-flags';
import {
  WatchQueue,
  collectTargets,
  flagDuration,
  outputError,
  printResult,
  MISSING_NAMED_RESOURCE_ERROR,
} from './mutate-common';

/** A parsed --for. */
export type WaitCondition =
  | { type: 'delete' }
  | { type: 'create' }
  | { type: 'condition'; name: string; status: string }
  | { type: 'jsonpath'; template: JsonPathTemplate; value?: string };

/** conditionFuncFor. */
export function parseCondition(condition: string): WaitCondition | { error: string } {
  if (condition.toLowerCase() === 'delete') return { type: 'delete' };
  if (condition.startsWith('condition=')) {
    let name = condition.slice('condition='.length);
    let status = 'true';
    const eq = name.indexOf('=');
    if (eq !== -1) {
      status = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    return { type: 'condition', name, status };
  }
  if (condition.startsWith('jsonpath=')) {
    const input = condition.slice('jsonpath='.length);
    const parts = input.split('=');
    let expression = parts[0];
    let value: string | undefined;
    if (parts.length > 2)
      return {
        error:
          "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'",
      };
    if (parts.length === 2) {
      value = parts[1].replace(/^['"]+|['"]+$/g, '');
      if (value === '')
        return {
          error:
            "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3",
        };
    }
    const relaxed = relaxedJsonPathExpression(expression);
    if (!relaxed.ok) return { error: relaxed.error };
    expression = relaxed.value;
    if (expression === '') return { error: 'jsonpath expression cannot be empty' };
    const parsed = parseJsonPath(expression);
    if (!parsed.ok) return { error: parsed.error };
    return { type: 'jsonpath', template: parsed.value, value };
  }
  if (condition.toLowerCase() === 'create') return { type: 'create' };
  return { error: `unrecognized condition: ${JSON.stringify(condition)}` };
}

/** Whether an object meets a condition / jsonpath wait (errors end the wait). */
export function conditionMet(
  obj: KubeObject,
  cond: WaitCondition,
): { met: boolean } | { error: string } {
  if (cond.type === 'condition') {
    const conditions = (obj.status as { conditions?: unknown } | undefined)?.conditions;
    if (!Array.isArray(conditions)) return { met: false };
    for (const c of conditions as Array<Record<string, unknown>>) {
      if (typeof c.type !== 'string' || c.type.toLowerCase() !== cond.name.toLowerCase()) continue;
      if (typeof c.status !== 'string') continue;
      const generation = obj.metadata.generation;
      const observed =
        typeof c.observedGeneration === 'number'
          ? c.observedGeneration
          : (obj.status as { observedGeneration?: number }).observedGeneration;
      if (generation !== undefined && observed !== undefined && observed < generation)
        return { met: false };
      return { met: c.status.toLowerCase() === cond.status.toLowerCase() };
    }
    return { met: false };
  }
  if (cond.type === 'jsonpath') {
    const results = findJsonPathResults(cond.template, obj, { allowMissingKeys: true });
    if (!results.ok) return { error: results.error };
    const r = results.value;
    if (r.length === 0 || r[0].length === 0) return { met: false };
    if (r.length > 1) return { error: 'given jsonpath expression matches more than one list' };
    if (r[0].length > 1) return { error: 'given jsonpath expression matches more than one value' };
    if (cond.value === undefined) return { met: true };
    const v = r[0][0];
    if (v !== null && typeof v === 'object')
      return { error: 'jsonpath leads to a nested object or list which is not supported' };
    return { met: goSprint(v).trim() === cond.value.trim() };
  }
  return { met: cond.type === 'create' };
}

/** Waits for one object; returns the object to print, or an error message. */
function* waitFor(
  ctx: CommandContext,
  info: ResourceInfo,
  obj: KubeObject,
  cond: WaitCondition,
  until: number,
): Generator<Block, { object: KubeObject } | { error: string } | 'interrupted', void> {
  const ns = obj.metadata.namespace ?? '';
  const name = obj.metadata.name!;
  const queue = WatchQueue.forObject(ctx, obj);
  try {
    let last = obj;
    for (;;) {
      const now = ctx.cluster.server.get(obj.kind, ns, name);
      if (cond.type === 'delete') {
        if (!now || now.metadata.uid !== obj.metadata.uid) return { object: last };
      } else if (now) {
        last = now;
        const m = conditionMet(now, cond);
        if ('error' in m) return m;
        if (m.met) return { object: now };
      }
      const e = yield* queue.next(ctx, until);
      if (e === 'interrupted') return 'interrupted';
      if (e === 'timeout')
        return { error: `timed out waiting for the condition on ${info.resource}/${name}` };
    }
  } finally {
    queue.close();
  }
}

/** The wait command. */
export const waitCommand: CommandSpec = {
  name: 'wait',
  group: 'Advanced Commands:',
  usage:
    "wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
  short: 'Experimental: Wait for a specific condition on one or many resources',
  long: 'Block until the named objects are deleted, have a status condition with the given value, or have a field (a JSONPath) with the given value. One --timeout covers all objects; a negative timeout means a week.',
  examples:
    '  # Wait until job pi has completed\n  kubectl wait --for=condition=complete job/pi\n\n' +
    '  # Wait until pod web is Ready, for at most a minute\n  kubectl wait --for=condition=Ready pod/web --timeout=60s\n\n' +
    "  # Wait until a pod's phase is Running\n  kubectl wait --for=jsonpath='{.status.phase}'=Running pod/web\n\n" +
    '  # Wait until pod web is gone\n  kubectl wait --for=delete pod/web',
  flags: [
    {
      name: 'all',
      type: 'bool',
      usage: 'Select all resources in the namespace of the specified resource types',
    },
    {
      name: 'all-namespaces',
      short: 'A',
      type: 'bool',
      usage:
        'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
    },
    ...MUTATE_PRINT_FLAGS,
    {
      name: 'field-selector',
      type: 'string',
      usage:
        "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
    },
    {
      name: 'filename',
      short: 'f',
      type: 'stringSlice',
      usage: 'identifying the resource.',
    },
    {
      name: 'for',
      type: 'string',
      usage:
        "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true.  Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity.",
    },
    {
      name: 'local',
      type: 'bool',
      usage: 'If true, annotation will NOT contact api-server but run locally.',
    },
    {
      name: 'recursive',
      short: 'R',
      type: 'bool',
      default: true,
      usage: 'Process the directory used in -f, --filename recursively.',
    },
    {
      name: 'selector',
      short: 'l',
      type: 'string',
      usage:
        "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)",
    },
    {
      name: 'timeout',
      type: 'duration',
      default: '30s',
      usage:
        "The length of time to wait before giving up.  Zero means check once and don't wait, negative means wait for a week.",
    },
  ],
  *run(ctx) {
    const outErr = outputError(ctx);
    if (outErr) return yield* ctx.fail(outErr);
    let timeout = flagDuration(ctx, 'timeout');
    if (timeout < 0) timeout = 168 * 3_600_000;
    const cond = parseCondition(ctx.flags.string('for'));
    if ('error' in cond) return yield* ctx.fail(cond.error);
    if (ctx.args.length === 0 && ctx.flags.strings('filename').length === 0)
      return yield* ctx.fail(MISSING_NAMED_RESOURCE_ERROR);
    const until = ctx.cluster.now() + timeout;
    const options = {
      selector: ctx.flags.string('selector'),
      fieldSelector: ctx.flags.string('field-selector'),
      all: ctx.flags.bool('all'),
      allNamespaces: ctx.flags.bool('all-namespaces'),
    };
    let found = yield* collectTargets(ctx, ctx.args, options);
    if (cond.type === 'create' && !('error' in found) && found.errors.length > 0) {
      // --for=create: look again whenever something is created, until every object exists.
      // @simplified: kubectl re-lists every 500 ms; Podlab looks again on each ADDED event.
      const queue = new WatchQueue(ctx, ['*'], (e) => e.type === 'ADDED');
      try {
        while (!('error' in found) && found.errors.length > 0) {
          const e = yield* queue.next(ctx, until);
          if (e === 'interrupted') return 130;
          if (e === 'timeout') {
            const d = found.errors[0].details;
            return yield* ctx.fail(
              `timed out waiting for the condition on ${d?.kind ?? ''}/${d?.name ?? ''}`,
            );
          }
          queue.clear();
          found = yield* collectTargets(ctx, ctx.args, options);
        }
      } finally {
        queue.close();
      }
    }
    if ('error' in found) return yield* ctx.fail(found.error);
    const missing = cond.type === 'delete' ? [] : found.errors;
    for (const { info, object } of found.found) {
      const r = yield* waitFor(ctx, info, object, cond, until);
      if (r === 'interrupted') return 130;
      if ('error' in r) return yield* ctx.fail(r.error);
      yield* printResult(ctx, r.object, 'condition met');
    }
    if (missing.length > 0) {
      yield* ctx.statusError(missing[0]);
      return 1;
    }
    if (found.found.length === 0 && cond.type !== 'delete')
      return yield* ctx.fail('no matching resources found');
    return 0;
  },
};
