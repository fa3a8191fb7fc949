/**
 * Finding the pod and container a container verb (logs, exec, attach) talks to, as kubectl's
 * polymorphic helpers do: `POD`, `TYPE/NAME` or `TYPE NAME` resolves to a pod (for a workload,
 * the best pod its selector matches: pkg/polymorphichelpers/{logsforobject,attachablepodforobject,
 * helpers}.go#GetFirstPod), then the container is `-c`, the default-container annotation, or the
 * first one (pkg/cmd/util/podcmd/podcmd.go).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Block } from '../../runtime/kernel';
import type { KubeObject } from '../../api/object';
import { isSelectorError, parseSelector, type Selector } from '../../api/labels';
import { notFound, type StatusError } from '../../api/errors';
import { resolveResource } from '../../api/resources';
import { unknownTypeError } from '../resource/builder';
import type { CommandContext } from '../command';
import type { ContainerRuntime } from '../../kubelet/kubelet';
import { parseTime } from '../format';
import { Notifier } from '../../runtime/notifier';

/** The annotation that names a pod's default container. */
export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** A lookup that failed: a plain kubectl error or an API error. */
export type LookupError = { message: string } | { status: StatusError };

/** A resolved pod (and how many pods the object's selector matched). */
export interface PodTarget {
  pod: Pod;
  numPods: number;
}

/** `TYPE/NAME` or a bare pod name → [kind info, name]. */
export function splitObjectArg(
  arg: string,
): { kind: string; group: string; resource: string; name: string } | { error: string } {
  const i = arg.indexOf('/');
  if (i < 0) return { kind: 'Pod', group: '', resource: 'pods', name: arg };
  const info = resolveResource(arg.slice(0, i));
  if (!info) return { error: unknownTypeError(arg.slice(0, i)) };
  return { kind: info.kind, group: info.group, resource: info.resource, name: arg.slice(i + 1) };
}

/** polymorphichelpers.SelectorsForObject: the pod selector of a workload or service. */
export function selectorForObject(obj: KubeObject): Selector | string {
  const spec = (obj as { spec?: Record<string, unknown> }).spec ?? {};
  let text: string;
  switch (obj.kind) {
    case 'ReplicationController':
    case 'Service': {
      const sel = (spec.selector ?? {}) as Record<string, string>;
      if (obj.kind === 'Service' && Object.keys(sel).length === 0)
        return (
          "invalid service '" +
          (obj.metadata.name ?? '') +
          "': Service is defined without a selector"
        );
      text = Object.keys(sel)
        .sort()
        .map((k) => `${k}=${sel[k]}`)
        .join(',');
      break;
    }
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job': {
      const sel = (spec.selector ?? {}) as {
        matchLabels?: Record<string, string>;
        matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
      };
      const parts = Object.keys(sel.matchLabels ?? {})
        .sort()
        .map((k) => `${k}=${sel.matchLabels![k]}`);
      for (const e of sel.matchExpressions ?? []) {
        if (e.operator === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`);
        else if (e.operator === 'NotIn')
          parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`);
        else if (e.operator === 'Exists') parts.push(e.key);
        else parts.push(`!${e.key}`);
      }
      text = parts.join(',');
      break;
    }
    default:
      return `selector for ${obj.kind} not implemented`;
  }
  const s = parseSelector(text);
  return isSelectorError(s) ? s.error : s;
}

function podReady(p: Pod): boolean {
  return !!p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
}

function restarts(p: Pod): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** podutils.ByLogging: the pod most worth reading logs from sorts first. */
export function byLogging(a: Pod, b: Pod): number {
  const an = a.spec?.nodeName ? 1 : 0;
  const bn = b.spec?.nodeName ? 1 : 0;
  if (an !== bn) return bn - an;
  const ap = PHASE_RANK[a.status?.phase ?? ''] ?? 0;
  const bp = PHASE_RANK[b.status?.phase ?? ''] ?? 0;
  if (ap !== bp) return bp - ap;
  const ar = podReady(a) ? 1 : 0;
  const br = podReady(b) ? 1 : 0;
  if (ar !== br) return br - ar;
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  const at = parseTime(a.metadata?.creationTimestamp) ?? 0;
  const bt = parseTime(b.metadata?.creationTimestamp) ?? 0;
  if (at !== bt) return at - bt;
  return (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1;
}

/**
 * Reads `arg` (POD or TYPE/NAME) and resolves it to a pod. A workload with no pods yet is
 * waited for (watch on pods) up to `timeoutMs`, as GetFirstPod does.
 */
export function* podForObject(
  ctx: CommandContext,
  arg: string,
  timeoutMs: number,
): Generator<Block, PodTarget | LookupError, void> {
  const split = splitObjectArg(arg);
  if ('error' in split) return { message: split.error };
  const server = ctx.cluster.server;
  const obj = server.get(split.kind, ctx.namespace, split.name);
  if (!obj) return { status: notFound(split.group, split.resource, split.name) };
  if (obj.kind === 'Pod') return { pod: obj as Pod, numPods: 1 };
  const selector = selectorForObject(obj);
  if (typeof selector === 'string') return { message: `cannot attach to ${obj.kind}: ${selector}` };
  const namespace = obj.metadata.namespace ?? ctx.namespace;
  const deadline = ctx.cluster.now() + timeoutMs;
  for (;;) {
    const pods = server.list('Pod', { namespace, labelSelector: selector }) as Pod[];
    if (pods.length > 0) {
      const sorted = [...pods].sort(byLogging);
      return { pod: sorted[0], numPods: pods.length };
    }
    if (ctx.cluster.now() >= deadline) return { message: 'timed out waiting for the condition' };
    const changed = yield* waitForPodChange(ctx, deadline);
    if (!changed && ctx.cluster.now() >= deadline)
      return { message: 'timed out waiting for the condition' };
  }
}

/** Blocks until any pod changes (a watch) or `deadline` passes; false on timeout. */
export function* waitForPodChange(
  ctx: CommandContext,
  deadline?: number,
): Generator<Block, boolean, void> {
  const n = new Notifier();
  let fired = false;
  const stop = ctx.cluster.server.watch('Pod', () => {
    fired = true;
    n.notify();
  });
  try {
    while (!fired) {
      if (deadline !== undefined && ctx.cluster.now() >= deadline) return false;
      yield { on: [n], until: deadline, interruptible: false };
    }
    return true;
  } finally {
    stop();
  }
}

/** podcmd.AllContainerNames: `a, b, init (init), dbg (ephem)`. */
export function allContainerNames(pod: Pod): string {
  const names: string[] = [];
  for (const c of pod.spec?.containers ?? []) names.push(c.name);
  for (const c of pod.spec?.initContainers ?? []) names.push(`${c.name} (init)`);
  for (const c of pod.spec?.ephemeralContainers ?? []) names.push(`${c.name} (ephem)`);
  return names.join(', ');
}

/** Whether the pod has a container of that name (any kind). */
export function hasContainer(pod: Pod, name: string): boolean {
  return [
    ...(pod.spec?.containers ?? []),
    ...(pod.spec?.initContainers ?? []),
    ...(pod.spec?.ephemeralContainers ?? []),
  ].some((c) => c.name === name);
}

/**
 * podcmd.FindOrDefaultContainerByName: `-c`, else the annotation, else the first container
 * (announcing the choice on stderr unless quiet). Returns the name or an error message.
 */
export function* defaultContainer(
  ctx: CommandContext,
  pod: Pod,
  requested: string,
  quiet: boolean,
): Generator<Block, { name: string } | { error: string }, void> {
  let name = requested;
  if (!name) {
    const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
    if (annotated) {
      if (hasContainer(pod, annotated)) name = annotated;
      else
        yield* ctx.err(
          `Default container name "${annotated}" not found in pod ${pod.metadata?.name}\n`,
        );
    }
  }
  if (!name) {
    const containers = pod.spec?.containers ?? [];
    name = containers[0]?.name ?? '';
    const many =
      containers.length > 1 ||
      (pod.spec?.initContainers?.length ?? 0) > 0 ||
      (pod.spec?.ephemeralContainers?.length ?? 0) > 0;
    if (many && !quiet)
      yield* ctx.err(`Defaulted container "${name}" out of: ${allContainerNames(pod)}\n`);
  }
  if (!hasContainer(pod, name))
    return { error: `container ${name} not found in pod ${pod.metadata?.name}` };
  return { name };
}

/** The kubelet's runtime state of a pod's container, if the pod runs on a node. */
export function containerRuntime(
  ctx: CommandContext,
  pod: Pod,
  container: string,
): ContainerRuntime | undefined {
  const node = pod.spec?.nodeName;
  if (!node) return undefined;
  return ctx.cluster.kubelet(node)?.container(pod.metadata!.uid!, container);
}

/** Prints a lookup error the way kubectl does. */
export function* reportLookup(ctx: CommandContext, e: LookupError): Generator<Block, number, void> {
  if ('status' in e) return yield* ctx.statusError(e.status);
  return yield* ctx.fail(e.message);
}
