/**
 * `kubectl logs` (kubectl pkg/cmd/logs/logs.go): a pod's, a workload's or a selector's container
 * logs, read from the kubelet's log store (engine/kubelet/logs.ts). The server-side refusals are
 * the kubelet's (pkg/kubelet/kubelet_pods.go#validateContainerLogStatus). `-f` follows the log
 * until the container ends, blocking on the log's notifier.
 */
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import type { Block } from '../../runtime/kernel';
import { badRequest, type StatusError } from '../../api/errors';
import { isSelectorError, parseSelector } from '../../api/labels';
import type { ContainerLog, LogLine } from '../../kubelet/logs';
import { parseRFC3339 } from '../../time/instant';
import type { CommandContext, CommandSpec } from '../command';
import {
  allContainerNames,
  byLogging,
  containerRuntime,
  defaultContainer,
  hasContainer,
  podForObject,
  reportLookup,
  selectorForObject,
  splitObjectArg,
} from './pod-target';
import { notFound } from '../../api/errors';

const USAGE_ERROR =
  "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

/** A duration flag's value in ms (defaults are kept as their help text). */
export function durationFlag(ctx: CommandContext, name: string, fallback: number): number {
  const v = ctx.flags.parsed.values.get(name);
  return typeof v === 'number' ? v : fallback;
}

/** RFC3339NanoFixed, the kubelet's `--timestamps` format. */
export function logTimestamp(t: number): string {
  const iso = new Date(t).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`;
}

/** One log stream kubectl reads. */
interface Source {
  pod: Pod;
  container: string;
  log?: ContainerLog;
  error?: StatusError;
}

function statusOf(pod: Pod, container: string): ContainerStatus | undefined {
  return [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
    ...(pod.status?.ephemeralContainerStatuses ?? []),
  ].find((s) => s.name === container);
}

/** What the kubelet answers for one container's log request. */
function openSource(ctx: CommandContext, pod: Pod, container: string, previous: boolean): Source {
  const src: Source = { pod, container };
  // apiserver pod/strategy.go#LogLocation: a pod without a node has an empty log.
  if (!pod.spec?.nodeName) return src;
  const name = pod.metadata?.name ?? '';
  const rt = containerRuntime(ctx, pod, container);
  const status = statusOf(pod, container);
  const refuse = (message: string) => ({ ...src, error: badRequest(message) });
  if (!rt || !status) return refuse(`container "${container}" in pod "${name}" is not available`);
  const last = status.lastState?.terminated;
  if (previous) {
    if (!last)
      return refuse(`previous terminated container "${container}" in pod "${name}" not found`);
    return { ...src, log: rt.terminated ? rt.log : (rt.previousLog ?? rt.log) };
  }
  if (status.state?.running || status.state?.terminated) return { ...src, log: rt.log };
  if (last) return { ...src, log: rt.terminated ? rt.log : (rt.previousLog ?? rt.log) };
  const reason = status.state?.waiting?.reason;
  if (reason === 'ErrImagePull')
    return refuse(
      `container "${container}" in pod "${name}" is waiting to start: image can't be pulled`,
    );
  if (reason === 'ImagePullBackOff')
    return refuse(
      `container "${container}" in pod "${name}" is waiting to start: trying and failing to pull image`,
    );
  if (reason)
    return refuse(`container "${container}" in pod "${name}" is waiting to start: ${reason}`);
  return refuse(`container "${container}" in pod "${name}" is waiting to start - no logs yet`);
}

/** Options that shape the printed lines. */
interface PrintOptions {
  prefix: boolean;
  timestamps: boolean;
  sinceMs?: number;
  tail: number;
  limitBytes: number;
}

// @simplified: a follower tracks a line index, so lines dropped by log rotation (10 Mi) while
// following shift what it prints next; --limit-bytes counts per container, not per request.
/** Where a reader stands in a log: the line index and how much of that line was printed. */
interface Cursor {
  src: Source;
  log: ContainerLog;
  index: number;
  offset: number;
  written: number;
  done: boolean;
}

function firstIndex(log: ContainerLog, o: PrintOptions): number {
  let lines: LogLine[] = log.lines;
  let start = 0;
  if (o.sinceMs !== undefined) {
    while (start < lines.length && lines[start].time < o.sinceMs) start++;
  }
  lines = lines.slice(start);
  if (o.tail >= 0 && lines.length > o.tail) start += lines.length - o.tail;
  return start;
}

/** The new text of a cursor's log, advancing it. */
function take(c: Cursor, o: PrintOptions): string {
  let out = '';
  const lines = c.log.lines;
  while (c.index < lines.length) {
    const line = lines[c.index];
    const piece = line.text.slice(c.offset);
    if (c.offset === 0 && (piece.length > 0 || line.complete)) {
      if (o.prefix) out += `[pod/${c.src.pod.metadata?.name}/${c.src.container}] `;
      if (o.timestamps) out += `${logTimestamp(line.time)} `;
    }
    out += piece;
    if (!line.complete) {
      c.offset = line.text.length;
      break;
    }
    out += '\n';
    c.index++;
    c.offset = 0;
  }
  if (o.limitBytes > 0) {
    const room = o.limitBytes - c.written;
    if (out.length >= room) {
      out = out.slice(0, Math.max(0, room));
      c.done = true;
    }
  }
  c.written += out.length;
  return out;
}

/** Prints sources one after another, or all at once while following. */
function* consume(
  ctx: CommandContext,
  sources: Source[],
  o: PrintOptions,
  follow: boolean,
  ignoreErrors: boolean,
): Generator<Block, number, void> {
  const cursors: Cursor[] = [];
  for (const src of sources) {
    if (src.error) {
      if (ignoreErrors) continue;
      if (!follow || sources.length === 1) {
        // Sequential reading stops at the first failure.
        for (const c of cursors) if (!(yield* ctx.proc.write(1, take(c, o)))) return 1;
        return yield* ctx.statusError(src.error);
      }
      yield* ctx.err(`error: ${src.error.message}\n`);
      continue;
    }
    if (!src.log) continue;
    const cursor: Cursor = {
      src,
      log: src.log,
      index: firstIndex(src.log, o),
      offset: 0,
      written: 0,
      done: false,
    };
    cursors.push(cursor);
    if (!follow && !(yield* ctx.proc.write(1, take(cursor, o)))) return 1;
  }
  if (!follow) return 0;
  for (;;) {
    for (const c of cursors) {
      if (c.done) continue;
      const text = take(c, o);
      if (text && !(yield* ctx.proc.write(1, text))) return 1;
      if (c.log.closed && c.index >= c.log.lines.length) c.done = true;
    }
    const open = cursors.filter((c) => !c.done);
    if (open.length === 0) return 0;
    yield { on: open.map((c) => c.log.changed) };
  }
}

/** logs.go#Complete wraps the builder's NotFound, naming the namespace. */
function* notFoundInNamespace(
  ctx: CommandContext,
  message: string,
): Generator<Block, number, void> {
  return yield* ctx.fail(
    `error from server (NotFound): ${message} in namespace "${ctx.namespace}"`,
  );
}

/** The logs command. */
export const logsCommand: CommandSpec = {
  name: 'logs',
  group: 'Troubleshooting and Debugging Commands:',
  usage: 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  short: 'Print the logs for a container in a pod',
  long: 'Print what a container of a pod wrote to its standard output and error. With one container the name may be left out; a workload (TYPE/NAME) picks one of its pods.',
  examples: [
    '  # Show the output of the only container of pod web',
    '  kubectl logs web',
    '',
    '  # Show the output of container nginx of pod web, with timestamps',
    '  kubectl logs web -c nginx --timestamps',
    '',
    '  # Show the output of the previous (crashed) instance of the container',
    '  kubectl logs -p web',
    '',
    '  # Keep printing the output of a pod of job pi as it is written',
    '  kubectl logs -f job/pi',
    '',
    '  # Show the last 20 lines of every pod labelled app=web',
    '  kubectl logs -l app=web --tail=20 --prefix',
  ].join('\n'),
  flags: [
    {
      name: 'all-containers',
      type: 'bool',
      usage: 'Read the logs of every container of the pods.',
    },
    {
      name: 'all-pods',
      type: 'bool',
      usage: 'Read the logs of every pod of the object; turns --prefix on.',
    },
    { name: 'container', short: 'c', type: 'string', usage: 'The container to read the logs of.' },
    {
      name: 'follow',
      short: 'f',
      type: 'bool',
      usage: 'Keep streaming the logs as they are written.',
    },
    {
      name: 'ignore-errors',
      type: 'bool',
      usage: 'When following several streams, carry on past errors.',
    },
    {
      name: 'insecure-skip-tls-verify-backend',
      type: 'bool',
      usage: "Skip checking the kubelet's serving certificate (insecure).",
    },
    {
      name: 'limit-bytes',
      type: 'int',
      usage: 'Largest number of bytes of log to return; no limit by default.',
    },
    {
      name: 'max-log-requests',
      type: 'int',
      default: 5,
      usage: 'With a selector, the most log streams followed at once.',
    },
    {
      name: 'pod-running-timeout',
      type: 'duration',
      default: '20s',
      usage: 'How long to wait for at least one pod to be running (e.g. 5s, 2m).',
    },
    {
      name: 'prefix',
      type: 'bool',
      usage: 'Start every line with its source (pod and container).',
    },
    {
      name: 'previous',
      short: 'p',
      type: 'bool',
      usage: 'Print the logs of the previous instance of the container, if any.',
    },
    { name: 'selector', short: 'l', type: 'string', usage: 'Label selector for the pods to read.' },
    {
      name: 'since',
      type: 'duration',
      default: '0s',
      usage: 'Only logs newer than this relative duration (5s, 2m, 3h); all by default.',
    },
    {
      name: 'since-time',
      type: 'string',
      usage: 'Only logs after this RFC3339 date; all by default.',
    },
    {
      name: 'tail',
      type: 'int',
      default: -1,
      usage: 'Lines of recent log to print; -1 prints all (10 with a selector).',
    },
    { name: 'timestamps', type: 'bool', usage: 'Start every line with its timestamp.' },
  ],
  *run(ctx) {
    const f = ctx.flags;
    const selector = f.string('selector');
    let container = f.string('container');
    const args = ctx.args;
    // logs.go#Complete: POD [CONTAINER], or a selector alone.
    if ((args.length === 0 && !selector) || args.length > 2)
      return yield* ctx.usageError(USAGE_ERROR);
    if (args.length === 1 && selector)
      return yield* ctx.usageError('only a selector (-l) or a POD name is allowed');
    if (args.length === 2) {
      // The builder refuses a selector next to named resources.
      if (selector)
        return yield* ctx.fail(
          'selectors and the all flag cannot be used when passing resource/name arguments',
        );
      container = args[1];
    }
    const follow = f.bool('follow');
    const previous = f.bool('previous');
    const allContainers = f.bool('all-containers');
    const allPods = f.bool('all-pods');
    let tail = f.int('tail');
    if (selector && !f.changed('tail')) tail = 10;
    const since = durationFlag(ctx, 'since', 0);
    const sinceTime = f.string('since-time');
    if (f.int('limit-bytes') < 0) return yield* ctx.fail('--limit-bytes must be greater than 0');
    if (tail < -1) return yield* ctx.fail('--tail must be greater than or equal to -1');
    if (since && sinceTime)
      return yield* ctx.fail('at most one of `sinceTime` or `sinceSeconds` may be specified');
    if (allContainers && container)
      return yield* ctx.fail(
        `--all-containers=true should not be specified with container name ${container}`,
      );
    if (f.int('max-log-requests') <= 0)
      return yield* ctx.fail('--max-log-requests must be greater than 0');
    let sinceMs: number | undefined;
    if (sinceTime) {
      const t = parseRFC3339(sinceTime);
      if (t === undefined)
        return yield* ctx.fail(
          `parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"`,
        );
      sinceMs = t;
    } else if (since > 0) sinceMs = ctx.cluster.now() - Math.ceil(since / 1000) * 1000;

    // Which pods.
    let pods: Pod[];
    const quietDefault = allPods;
    if (selector) {
      const s = parseSelector(selector);
      if (isSelectorError(s)) return yield* ctx.fail(s.error);
      pods = ctx.cluster.server.list('Pod', {
        namespace: ctx.namespace,
        labelSelector: s,
      }) as Pod[];
      if (pods.length === 0) {
        yield* ctx.err(`No resources found in ${ctx.namespace} namespace.\n`);
        return 0;
      }
    } else if (allPods && args[0].includes('/')) {
      const split = splitObjectArg(args[0]);
      if ('error' in split) return yield* ctx.fail(split.error);
      const obj = ctx.cluster.server.get(split.kind, ctx.namespace, split.name);
      if (!obj)
        return yield* notFoundInNamespace(
          ctx,
          notFound(split.group, split.resource, split.name).message,
        );
      if (obj.kind === 'Pod') pods = [obj as Pod];
      else {
        const sel = selectorForObject(obj);
        if (typeof sel === 'string')
          return yield* ctx.fail(`cannot get the logs from ${obj.kind}: ${sel}`);
        pods = (
          ctx.cluster.server.list('Pod', { namespace: ctx.namespace, labelSelector: sel }) as Pod[]
        ).sort(byLogging);
      }
    } else {
      const target = yield* podForObject(
        ctx,
        args[0],
        durationFlag(ctx, 'pod-running-timeout', 20_000),
      );
      if (!('pod' in target)) {
        if ('status' in target && target.status.reason === 'NotFound')
          return yield* notFoundInNamespace(ctx, target.status.message);
        return yield* reportLookup(ctx, target);
      }
      if (target.numPods > 1)
        yield* ctx.err(`Found ${target.numPods} pods, using pod/${target.pod.metadata?.name}\n`);
      pods = [target.pod];
    }
    if (follow && previous)
      return yield* ctx.fail('only one of follow (-f) or previous (-p) is allowed');

    // Which containers of each pod.
    const sources: Source[] = [];
    for (const pod of pods) {
      let names: string[];
      if (allContainers) {
        names = [
          ...(pod.spec?.initContainers ?? []),
          ...(pod.spec?.containers ?? []),
          ...(pod.spec?.ephemeralContainers ?? []),
        ].map((c) => c.name);
      } else if (container) {
        if (!hasContainer(pod, container))
          return yield* ctx.fail(
            `container ${container} is not valid for pod ${pod.metadata?.name} out of: ${allContainerNames(pod)}`,
          );
        names = [container];
      } else {
        const chosen = yield* defaultContainer(ctx, pod, '', quietDefault);
        if ('error' in chosen) return yield* ctx.fail(chosen.error);
        names = [chosen.name];
      }
      for (const name of names) sources.push(openSource(ctx, pod, name, previous));
    }
    const max = f.int('max-log-requests');
    if (follow && sources.length > max)
      return yield* ctx.fail(
        `you are attempting to follow ${sources.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`,
      );
    return yield* consume(
      ctx,
      sources,
      {
        prefix: f.bool('prefix') || allPods,
        timestamps: f.bool('timestamps'),
        sinceMs,
        tail,
        limitBytes: f.int('limit-bytes'),
      },
      follow,
      f.bool('ignore-errors'),
    );
  },
};
