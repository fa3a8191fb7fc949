/**
 * Shared pieces of the mutating verbs (label, annotate, patch, scale, taint, cordon, drain, set,
 * rollout, wait): finding the objects named on the command line, the `kind.group/name <op>`
 * success line, and waiting on API watches in virtual time.
 */
import type { Block } from '../../runtime/kernel';
import { notFound } from '../../api/errors';
import { visitManifests } from '../resource/manifests';
import { Notifier } from '../../runtime/notifier';
import type { WatchEvent } from '../../api/apiserver';
import type { StatusError } from '../../api/errors';
import type { KubeObject } from '../../api/object';
import type { ResourceInfo } from '../../api/resources';
import type { Instant } from '../../time/instant';
import type { CommandContext } from '../command';
import { parseGoDuration } from '../flags';
import { groupKindOf } from '../printers/tableprinter';
import { printJson } from '../printers/json';
import { printYaml } from '../printers/yaml';
import { fetchTargets, parseResourceArgs, parseSelectors } from '../resource/builder';

/** scale's and wait's error when neither arguments nor -f name a resource (no type-only example). */
export const MISSING_NAMED_RESOURCE_ERROR =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'";

/** `deployment.apps/web` (the name printer's prefix). */
export function resourceName(obj: KubeObject): string {
  return `${groupKindOf(obj.kind, obj.apiVersion).toLowerCase()}/${obj.metadata.name}`;
}

/** An object found for a command-line target. */
export interface Found {
  info: ResourceInfo;
  object: KubeObject;
}

/** What a command found, plus the errors (already worded) of targets it could not read. */
export interface Collected {
  found: Found[];
  errors: StatusError[];
}

/** The resource-finding options kubectl's builder takes. */
export interface CollectOptions {
  selector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  /** Raw `--field-selector`. */
  fieldSelector?: string;
}

/**
 * Resolves `TYPE NAME…`, `TYPE/NAME…` and `TYPE -l sel|--all` as cli-runtime's builder does with
 * ResourceTypeOrNameArgs (pkg/resource/builder.go). Returns an error text for argument errors.
 */
export function collect(
  ctx: CommandContext,
  args: readonly string[],
  options: CollectOptions = {},
): Collected | { error: string } {
  const parsed = parseResourceArgs(args);
  if (!parsed.ok) return { error: parsed.error };
  const hasSelector = !!options.selector || !!options.fieldSelector;
  if (parsed.mode !== 'list' && hasSelector)
    return { error: 'name cannot be provided when a selector is specified' };
  if (parsed.mode === 'list') {
    if (parsed.targets.length === 0) return { found: [], errors: [] };
    if (!hasSelector && !options.all)
      return { error: 'resource(s) were provided, but no name was specified' };
  }
  const sel = parseSelectors(options.selector, options.fieldSelector);
  if (!sel.ok) return { error: sel.error };
  const fetched = fetchTargets(
    ctx.cluster.server,
    parsed.targets,
    { namespace: ctx.namespace, allNamespaces: !!options.allNamespaces },
    sel.value,
  );
  const found: Found[] = [];
  const errors: StatusError[] = [];
  for (const f of fetched) {
    if (f.ok) found.push({ info: f.info, object: f.object });
    else errors.push(f.error);
  }
  return { found, errors };
}

/**
 * `collect`, or with `-f` the objects the manifests name (read from the server, as the builder
 * does with FilenameParam; the file content itself is not used).
 */
export function* collectTargets(
  ctx: CommandContext,
  args: readonly string[],
  options: CollectOptions = {},
): Generator<Block, Collected | { error: string }, void> {
  const filenames = ctx.flags.strings('filename');
  if (filenames.length === 0) return collect(ctx, args, options);
  const visited = yield* visitManifests(ctx.proc, filenames, ctx.flags.bool('recursive'));
  if (visited.fatal) return { error: visited.fatal };
  const found: Found[] = [];
  const errors: StatusError[] = [];
  for (const item of visited.items) {
    if (!item.ok) return { error: item.error };
    const { resource, name, namespace } = item.value;
    const ns = resource.namespaced ? namespace || ctx.namespace : '';
    const object = ctx.cluster.server.get(resource.kind, ns, name);
    if (object) found.push({ info: resource, object });
    else errors.push(notFound(resource.group, resource.resource, name));
  }
  if (visited.errors.length > 0) return { error: visited.errors[0] };
  return { found, errors };
}

/** Prints the API errors of targets that could not be read; returns the exit status so far. */
export function* printErrors(ctx: CommandContext, errors: readonly StatusError[]) {
  for (const e of errors) yield* ctx.statusError(e);
  return errors.length > 0 ? 1 : 0;
}

/** Prints an object the way `-o` asks (default: `kind.group/name <operation>`). */
export function* printResult(ctx: CommandContext, obj: KubeObject, operation: string) {
  const output = ctx.flags.string('output');
  if (output === 'name') return yield* ctx.out(`${resourceName(obj)}\n`);
  if (output === 'json') return yield* ctx.out(printJson(obj));
  if (output === 'yaml') return yield* ctx.out(printYaml(obj));
  return yield* ctx.out(`${resourceName(obj)} ${operation}\n`);
}

/** Checks `-o` for the verbs that accept only the basic printers. */
export function outputError(ctx: CommandContext): string | undefined {
  const output = ctx.flags.string('output');
  if (['', 'name', 'json', 'yaml'].includes(output)) return undefined;
  // @simplified: only name/json/yaml printers for mutating verbs.
  return `unable to match a printer suitable for the output format "${output}", allowed formats are: json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`;
}

/**
 * A queue of watch events of some kinds, filled synchronously by the API server while the
 * command is blocked; `next` blocks (no busy loop) until an event arrives or `until` passes.
 */
export class WatchQueue {
  private readonly events: WatchEvent[] = [];
  private readonly notifier = new Notifier();
  private readonly unsubscribe: Array<() => void>;

  constructor(
    ctx: CommandContext,
    kinds: readonly string[],
    private readonly filter: (e: WatchEvent) => boolean = () => true,
  ) {
    this.unsubscribe = kinds.map((k) =>
      ctx.cluster.server.watch(k, (e) => {
        if (!this.filter(e)) return;
        this.events.push(e);
        this.notifier.notify();
      }),
    );
  }

  /** A queue of the events of one object (same kind, namespace and name). */
  static forObject(ctx: CommandContext, obj: KubeObject): WatchQueue {
    const ns = obj.metadata.namespace ?? '';
    const name = obj.metadata.name;
    return new WatchQueue(
      ctx,
      [obj.kind],
      (e) => e.object.metadata.name === name && (e.object.metadata.namespace ?? '') === ns,
    );
  }

  /** Next event, or 'timeout' once `until` has passed, or 'interrupted' on a caught signal. */
  *next(
    ctx: CommandContext,
    until?: Instant,
  ): Generator<Block, WatchEvent | 'timeout' | 'interrupted', void> {
    for (;;) {
      const e = this.events.shift();
      if (e) return e;
      if (until !== undefined && ctx.cluster.now() >= until) return 'timeout';
      if (ctx.proc.pendingSignals.length > 0) return 'interrupted';
      yield { on: [this.notifier], until, interruptible: true };
    }
  }

  /** Drops queued events (the caller re-reads the current state instead). */
  clear(): void {
    this.events.length = 0;
  }

  close(): void {
    for (const u of this.unsubscribe) u();
  }
}

/** A deadline from a Go duration in ms (0 or negative: none). */
export function deadlineAfter(ctx: CommandContext, ms: number): Instant | undefined {
  return ms > 0 ? ctx.cluster.now() + ms : undefined;
}

/** Go's time.Duration String() for whole milliseconds (`30s`, `1m0s`, `1.5s`, `0s`). */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  const neg = ms < 0;
  let rest = Math.abs(ms);
  if (rest < 1000) return `${neg ? '-' : ''}${rest}ms`;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = rest / 1000;
  let out = '';
  if (h > 0) out += `${h}h`;
  if (h > 0 || m > 0) out += `${m}m`;
  out += `${s}s`;
  return (neg ? '-' : '') + out;
}

/** JSON with sorted keys (Go's encoding of unstructured objects), for before/after comparisons. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Splits `args` into resources and `key=value` / `key-` pairs (cmdutil.GetResourcesAndPairs). */
export function resourcesAndPairs(
  args: readonly string[],
  pairType: string,
): { resources: string[]; pairs: string[] } | { error: string } {
  const resources: string[] = [];
  const pairs: string[] = [];
  let foundPair = false;
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (isPair) {
      foundPair = true;
      pairs.push(s);
    } else if (!foundPair) resources.push(s);
    else return { error: `all resources must be specified before ${pairType} changes: ${s}` };
  }
  return { resources, pairs };
}

/** A duration flag in milliseconds (set values are parsed numbers, defaults are Go strings). */
export function flagDuration(ctx: CommandContext, name: string): number {
  const v = ctx.flags.parsed.values.get(name);
  if (typeof v === 'number') return v;
  return parseGoDuration(typeof v === 'string' ? v : '0s') ?? 0;
}
