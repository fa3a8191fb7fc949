/**
 * `kubectl cordon`, `uncordon` and `drain` (kubectl pkg/cmd/drain/drain.go, pkg/drain/drain.go,
 * filters.go, cordon.go): mark nodes (un)schedulable, then pick the pods a drain may remove
 * (DaemonSet pods, pods without a controller and pods with emptyDir refuse without the matching
 * flag), evict them and wait until they are gone.
 */
import type { KubeObject } from '../../api/object';
import type { StatusError } from '../../api/errors';
import { notFound } from '../../api/errors';
import { isSelectorError, parseSelector } from '../../api/labels';
import type { Block } from '../../runtime/kernel';
import type { CommandContext, CommandSpec } from '../command';
import { dryRunStrategy, withDryRun } from './dry-run';
import { MUTATE_DRY_RUN_FLAG } from './common-flags';
import { WatchQueue, flagDuration, deadlineAfter, goDuration, resourceName } from './mutate-common';

const SELECTOR_FLAG = {
  name: 'selector',
  short: 'l',
  type: 'string' as const,
  usage: 'Selector (label query) to filter on',
};

type Dry = 'none' | 'client' | 'server';

/** The nodes named by the arguments or the selector (DrainCmdOptions.Complete). */
function* findNodes(
  ctx: CommandContext,
  use: string,
): Generator<Block, KubeObject[] | number, void> {
  const selector = ctx.flags.string('selector');
  if (ctx.args.length === 0 && !ctx.flags.changed('selector'))
    return yield* ctx.usageError(`USAGE: ${use} [flags]`);
  if (ctx.args.length > 0 && selector)
    return yield* ctx.usageError('error: cannot specify both a node name and a --selector option');
  if (ctx.args.length === 0) {
    const s = parseSelector(selector);
    if (isSelectorError(s)) return yield* ctx.fail(s.error);
    return ctx.cluster.server.list('Node', { labelSelector: s });
  }
  const nodes: KubeObject[] = [];
  for (const arg of ctx.args) {
    const slash = arg.indexOf('/');
    const type = slash >= 0 ? arg.slice(0, slash) : 'nodes';
    const name = slash >= 0 ? arg.slice(slash + 1) : arg;
    if (!['node', 'nodes', 'no'].includes(type))
      return yield* ctx.fail(`error: expected resource of type node, got "${type}"`);
    const node = ctx.cluster.server.get('Node', '', name);
    if (!node) return yield* ctx.statusError(notFound('', 'nodes', name));
    nodes.push(node);
  }
  return nodes;
}

/** RunCordonOrUncordon: sets spec.unschedulable and prints `cordoned` / `already cordoned`. */
function* cordonNodes(ctx: CommandContext, nodes: KubeObject[], desired: boolean, dry: Dry) {
  const word = desired ? 'cordoned' : 'uncordoned';
  for (const node of nodes) {
    const current = !!(node.spec as { unschedulable?: boolean } | undefined)?.unschedulable;
    if (current === desired) {
      yield* ctx.out(`${resourceName(node)} ${withDryRun(`already ${word}`, dry)}\n`);
      continue;
    }
    if (dry !== 'client') {
      const r = ctx.cluster.server.patch(
        'Node',
        '',
        node.metadata.name!,
        'strategic',
        { spec: { unschedulable: desired ? true : null } },
        { dryRun: dry === 'server' },
      );
      if (!r.ok) {
        yield* ctx.err(
          `error: unable to ${desired ? 'cordon' : 'uncordon'} node "${node.metadata.name}": ${r.error.message}\n`,
        );
        continue;
      }
    }
    yield* ctx.out(`${resourceName(node)} ${withDryRun(word, dry)}\n`);
  }
}

function cordonSpec(desired: boolean): CommandSpec {
  const name = desired ? 'cordon' : 'uncordon';
  return {
    name,
    group: 'Cluster Management Commands:',
    usage: `${name} NODE [options]`,
    short: desired ? 'Mark node as unschedulable' : 'Mark node as schedulable',
    long: desired
      ? 'Mark a node unschedulable: the scheduler places no new pods on it; pods already there keep running.'
      : 'Mark a node schedulable again, so the scheduler may place new pods on it.',
    examples: desired
      ? '  # Stop new pods from landing on node foo\n  kubectl cordon foo'
      : '  # Let pods be scheduled on node foo again\n  kubectl uncordon foo',
    flags: [MUTATE_DRY_RUN_FLAG, SELECTOR_FLAG],
    *run(ctx) {
      const dryRun = dryRunStrategy(ctx.flags);
      if (!dryRun.ok) return yield* ctx.fail(dryRun.error);
      const dry = dryRun.value;
      const nodes = yield* findNodes(ctx, `${name} NODE`);
      if (typeof nodes === 'number') return nodes;
      yield* cordonNodes(ctx, nodes, desired, dry);
      return 0;
    },
  };
}

/** The cordon command. */
export const cordonCommand = cordonSpec(true);
/** The uncordon command. */
export const uncordonCommand = cordonSpec(false);

// --------------------------------------------------------------------------------------- drain

/** What the filters decided for one pod (pkg/drain/filters.go PodDeleteStatus). */
interface PodDelete {
  pod: KubeObject;
  delete: boolean;
  reason: 'okay' | 'skip' | 'warning' | 'error';
  message?: string;
}

interface DrainOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  podSelector?: string;
}

const finished = (pod: KubeObject) => {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
};

function controllerOf(pod: KubeObject) {
  return pod.metadata.ownerReferences?.find((r) => r.controller);
}

/** GetPodsForDeletion: the drain filters, in upstream order, for each pod on the node. */
function podsForDeletion(ctx: CommandContext, node: string, o: DrainOptions): PodDelete[] {
  const server = ctx.cluster.server;
  let pods = server.list('Pod').filter((p) => (p.spec as { nodeName?: string }).nodeName === node);
  if (o.podSelector) {
    const s = parseSelector(o.podSelector);
    if (!isSelectorError(s))
      pods = server
        .list('Pod', { labelSelector: s })
        .filter((p) => (p.spec as { nodeName?: string }).nodeName === node);
  }
  const out: PodDelete[] = [];
  for (const pod of pods) {
    let status: PodDelete;
    const ref = controllerOf(pod);
    // daemonSetFilter
    if (ref?.kind === 'DaemonSet' && !finished(pod)) {
      if (!server.get('DaemonSet', pod.metadata.namespace ?? '', ref.name)) {
        const msg = `daemonsets.apps "${ref.name}" not found`;
        status = o.force
          ? { pod, delete: true, reason: 'warning', message: msg }
          : { pod, delete: false, reason: 'error', message: msg };
      } else if (!o.ignoreDaemonSets)
        status = {
          pod,
          delete: false,
          reason: 'error',
          message: 'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)',
        };
      else
        status = {
          pod,
          delete: false,
          reason: 'warning',
          message: 'ignoring DaemonSet-managed Pods',
        };
      out.push(status);
      continue;
    }
    // mirrorPodFilter
    if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) {
      out.push({ pod, delete: false, reason: 'skip' });
      continue;
    }
    // localStorageFilter
    const volumes = (pod.spec as { volumes?: Array<{ emptyDir?: unknown }> }).volumes ?? [];
    if (volumes.some((v) => v.emptyDir !== undefined) && !finished(pod)) {
      if (!o.deleteEmptyDirData) {
        out.push({
          pod,
          delete: false,
          reason: 'error',
          message: 'cannot delete Pods with local storage (use --delete-emptydir-data to override)',
        });
        continue;
      }
      // Its warning is always replaced by the next filter's status (the last filter wins).
    }
    // unreplicatedFilter
    if (!ref && !finished(pod)) {
      if (!o.force) {
        out.push({
          pod,
          delete: false,
          reason: 'error',
          // kubectl 1.32 prints "cannot delete" twice here (errors() adds it to this message).
          message:
            'cannot delete cannot delete Pods that declare no controller (use --force to override)',
        });
        continue;
      }
      status = {
        pod,
        delete: true,
        reason: 'warning',
        message: 'deleting Pods that declare no controller',
      };
    } else status = { pod, delete: true, reason: 'okay' };
    out.push(status);
  }
  return out;
}

/**
 * Groups `ns/name` by message.
 * @simplified: messages come in the order of their first pod (namespace/name order); Go keeps
 * them in a map and prints them in random order.
 */
function grouped(list: PodDelete[], reason: 'warning' | 'error'): Array<[string, string[]]> {
  const m = new Map<string, string[]>();
  for (const d of list) {
    if (d.reason !== reason) continue;
    const msg = d.message || 'unexpected error';
    if (!m.has(msg)) m.set(msg, []);
    m.get(msg)!.push(`${d.pod.metadata.namespace}/${d.pod.metadata.name}`);
  }
  return [...m];
}

/** Go's utilerrors aggregate message. */
function aggregate(errors: string[]): string {
  const unique = [...new Set(errors)];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

/**
 * Evicts the pods and waits until each is gone, printing `pod/x evicted` as it disappears.
 * Returns the errors (timeout).
 */
function* evictPods(
  ctx: CommandContext,
  pods: KubeObject[],
  gracePeriod: number,
  timeoutMs: number,
  disableEviction: boolean,
): Generator<Block, string[], void> {
  const server = ctx.cluster.server;
  const waiting = new Map<string, KubeObject>();
  const key = (p: KubeObject) => `${p.metadata.namespace}/${p.metadata.name}`;
  const queue = new WatchQueue(ctx, ['Pod'], (e) => waiting.has(key(e.object)));
  try {
    for (const pod of pods) {
      if (!disableEviction) yield* ctx.out(`evicting pod ${key(pod)}\n`);
      // @simplified: no Eviction subresource or PodDisruptionBudgets: eviction is a pod deletion.
      const r = server.delete('Pod', pod.metadata.namespace ?? '', pod.metadata.name!, {
        gracePeriodSeconds: gracePeriod >= 0 ? gracePeriod : undefined,
      });
      if (!r.ok && r.error.reason !== 'NotFound') return [formatEvictError(r.error, pod)];
      waiting.set(key(pod), pod);
    }
    const until = deadlineAfter(ctx, timeoutMs);
    const operation = disableEviction ? 'deleted' : 'evicted';
    const start = ctx.cluster.now();
    for (;;) {
      // waitForDelete polls every second from the eviction on: a pod that is gone is reported
      // at the first poll after it went (the watch only tells Podlab when to look).
      const gone = [...waiting].filter(([, pod]) => {
        const now = server.get('Pod', pod.metadata.namespace ?? '', pod.metadata.name!);
        return !now || now.metadata.uid !== pod.metadata.uid;
      });
      if (gone.length > 0) {
        const elapsed = ctx.cluster.now() - start;
        const tick = start + Math.ceil(elapsed / 1000) * 1000;
        if (until !== undefined && tick > until) {
          /* reported as a timeout below */
        } else {
          if (tick > ctx.cluster.now() && !(yield* ctx.proc.sleep(tick - ctx.cluster.now(), true)))
            return ['interrupted'];
          for (const [k, pod] of gone) {
            waiting.delete(k);
            yield* ctx.out(`${resourceName(pod)} ${operation}\n`);
          }
          continue;
        }
      }
      if (waiting.size === 0) return [];
      const e = yield* queue.next(ctx, until);
      if (e === 'interrupted') return ['interrupted'];
      if (e === 'timeout') {
        return [...waiting.values()].map(
          (p) =>
            `error when waiting for pod "${p.metadata.name}" in namespace "${p.metadata.namespace}" to terminate: global timeout reached: ${goDuration(timeoutMs)}`,
        );
      }
    }
  } finally {
    queue.close();
  }
}

function formatEvictError(err: StatusError, pod: KubeObject): string {
  return `error when evicting pods/"${pod.metadata.name}" -n "${pod.metadata.namespace}": ${err.message}`;
}

/** The drain command. */
export const drainCommand: CommandSpec = {
  name: 'drain',
  group: 'Cluster Management Commands:',
  usage: 'drain NODE [options]',
  short: 'Drain node in preparation for maintenance',
  long: 'Cordon a node, then evict the pods running on it so their controllers recreate them elsewhere. DaemonSet pods, pods without a controller and pods with emptyDir data are refused unless the matching flag allows them.',
  examples:
    '  # Empty node foo, skipping its DaemonSet pods\n  kubectl drain foo --ignore-daemonsets\n\n' +
    '  # Also remove pods that no controller will recreate, waiting at most 5 minutes\n  kubectl drain foo --ignore-daemonsets --force --timeout=5m',
  flags: [
    {
      name: 'chunk-size',
      type: 'int',
      default: 500,
      usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable.',
    },
    {
      name: 'delete-emptydir-data',
      type: 'bool',
      usage:
        'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).',
    },
    {
      name: 'delete-local-data',
      type: 'bool',
      hidden: true,
      usage:
        'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).',
    },
    {
      name: 'disable-eviction',
      type: 'bool',
      usage:
        'Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution.',
    },
    MUTATE_DRY_RUN_FLAG,
    {
      name: 'force',
      type: 'bool',
      usage: 'Continue even if there are pods that do not declare a controller.',
    },
    {
      name: 'grace-period',
      type: 'int',
      default: -1,
      usage:
        'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.',
    },
    { name: 'ignore-daemonsets', type: 'bool', usage: 'Ignore DaemonSet-managed pods.' },
    {
      name: 'pod-selector',
      type: 'string',
      usage: 'Label selector to filter pods on the node',
    },
    SELECTOR_FLAG,
    {
      name: 'skip-wait-for-delete-timeout',
      type: 'int',
      default: 0,
      usage:
        'If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip.',
    },
    {
      name: 'timeout',
      type: 'duration',
      default: '0s',
      usage: 'The length of time to wait before giving up, zero means infinite',
    },
  ],
  *run(ctx) {
    const dryRun = dryRunStrategy(ctx.flags);
    if (!dryRun.ok) return yield* ctx.fail(dryRun.error);
    const dry = dryRun.value;
    const nodes = yield* findNodes(ctx, 'drain NODE');
    if (typeof nodes === 'number') return nodes;
    const podSelector = ctx.flags.string('pod-selector');
    if (podSelector && isSelectorError(parseSelector(podSelector)))
      return yield* ctx.fail('--pod-selector=<pod_selector> must be a valid label selector');
    if (ctx.flags.changed('delete-local-data'))
      yield* ctx.err(
        'Flag --delete-local-data has been deprecated, This option is deprecated and will be deleted. Use --delete-emptydir-data.\n',
      );
    const options: DrainOptions = {
      force: ctx.flags.bool('force'),
      ignoreDaemonSets: ctx.flags.bool('ignore-daemonsets'),
      deleteEmptyDirData:
        ctx.flags.bool('delete-emptydir-data') || ctx.flags.bool('delete-local-data'),
      podSelector: podSelector || undefined,
    };
    const timeoutMs = flagDuration(ctx, 'timeout');
    yield* cordonNodes(ctx, nodes, true, dry);
    const fatal: string[] = [];
    const remaining: string[] = [];
    for (const node of nodes) {
      const name = node.metadata.name!;
      const list = podsForDeletion(ctx, name, options);
      const errors = grouped(list, 'error').map(([msg, pods]) => `${msg}: ${pods.join(', ')}`);
      let failure: string[] = errors;
      if (errors.length === 0) {
        const warnings = grouped(list, 'warning')
          .map(([msg, pods]) => `${msg}: ${pods.join(', ')}`)
          .join('; ');
        if (warnings) yield* ctx.err(`Warning: ${warnings}\n`);
        const pods = list.filter((d) => d.delete).map((d) => d.pod);
        if (dry === 'client') {
          for (const p of pods)
            yield* ctx.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`);
        } else if (dry === 'server') {
          for (const p of pods)
            yield* ctx.out(
              `evicting pod ${p.metadata.namespace}/${p.metadata.name} (server dry run)\n`,
            );
        } else if (pods.length > 0) {
          failure = yield* evictPods(
            ctx,
            pods,
            ctx.flags.int('grace-period'),
            timeoutMs,
            ctx.flags.bool('disable-eviction'),
          );
          if (failure[0] === 'interrupted') return 130;
          if (failure.length > 0) {
            const pending = podsForDeletion(ctx, name, options).filter((d) => d.delete);
            if (pending.length > 0) {
              yield* ctx.err(
                `There are pending pods in node "${name}" when an error occurred: ${aggregate(failure)}\n`,
              );
              for (const d of pending) yield* ctx.err(`pod/${d.pod.metadata.name}\n`);
            }
          }
        }
      }
      if (failure.length === 0) {
        yield* ctx.out(`${resourceName(node)} ${withDryRun('drained', dry)}\n`);
        continue;
      }
      yield* ctx.err(
        `error: unable to drain node "${name}" due to error: ${aggregate(failure)}, continuing command...\n`,
      );
      fatal.push(failure.length === 1 ? failure[0] : aggregate(failure));
      remaining.push(name);
      // Kept for the final report: one node's errors are printed one per line.
      if (nodes.length === 1) fatal.splice(0, fatal.length, ...failure);
    }
    if (remaining.length > 0) {
      yield* ctx.err(
        `There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`,
      );
      yield* ctx.err(fatal.map((f) => `${f}\n`).join(''));
      return 1;
    }
    return 0;
  },
};
