/**
 * What the read verbs (get, describe) share: turning `TYPE NAME…`, `TYPE/NAME`, `-l`,
 * `--field-selector` and `-f FILE` into "infos" (one per list request or named object, as
 * cli-runtime's builder returns them), plus kubectl's printing of the errors collected on the way.
 */
import type { StatusError } from '../../api/errors';
import type { KubeObject } from '../../api/object';
import type { ResourceInfo } from '../../api/resources';
import { badRequest, notFound } from '../../api/errors';
import type { Block } from '../../runtime/kernel';
import type { CommandContext } from '../command';
import { formatStatusError } from '../errors';
import {
  fetchTargets,
  parseResourceArgs,
  parseSelectors,
  type Target,
  type TargetMode,
  MISSING_RESOURCE_ERROR,
} from '../resource/builder';
import { visitManifests } from '../resource/manifests';

/** One builder info: a list request's objects, or one named object. */
export interface Info {
  info: ResourceInfo;
  objects: KubeObject[];
  /** True for a named object (get/describe by name, or from a file). */
  named: boolean;
}

/** An error kubectl reports after the output: an API status or a plain message. */
export type CollectedError = { status: StatusError } | { message: string };

/** The builder's result. */
export interface Gathered {
  infos: Info[];
  errors: CollectedError[];
  /** cli-runtime's singleItemImplied: one named object was asked for. */
  singleItem: boolean;
  /** How the targets were written (undefined for -f). */
  mode?: TargetMode;
  targets: Target[];
}

/** Options for {@link gather}. */
export interface GatherOptions {
  args: readonly string[];
  filenames: readonly string[];
  recursive: boolean;
  labelSelector: string;
  fieldSelector: string;
  allNamespaces: boolean;
  /** Only one resource type may be named (get -w: SingleResourceType). */
  singleType?: boolean;
}

/**
 * Runs the builder (builder.go#visitorResult): paths first, then selectors, then names.
 * Returns a fatal message (printed as `error: …`) when the request cannot be made at all.
 */
export function* gather(
  ctx: CommandContext,
  options: GatherOptions,
): Generator<Block, { ok: true; value: Gathered } | { ok: false; error: string }, void> {
  const server = ctx.cluster.server;
  const selectors = parseSelectors(options.labelSelector, options.fieldSelector);
  const hasSelector = !!(options.labelSelector || options.fieldSelector);
  const result: Gathered = { infos: [], errors: [], singleItem: false, targets: [] };

  if (options.filenames.length > 0) {
    if (options.args.length > 0)
      return {
        ok: false,
        error:
          'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
      };
    const visited = yield* visitManifests(ctx.proc, options.filenames, options.recursive);
    if (visited.fatal !== undefined) return { ok: false, error: visited.fatal };
    const items = visited.items;
    result.singleItem = items.length === 1;
    for (const item of items) {
      if (!item.ok) {
        result.errors.push({ message: item.error });
        continue;
      }
      const { resource, name } = item.value;
      // visitor.go#RequireNamespace with an explicit -n (enforceNamespace).
      const own = item.value.namespace;
      if (resource.namespaced && ctx.namespaceExplicit && own !== '' && own !== ctx.namespace) {
        result.errors.push({
          message: `the namespace from the provided object "${own}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${own}' to perform this operation.`,
        });
        continue;
      }
      const ns = resource.namespaced ? item.value.namespace || ctx.namespace : '';
      const obj = server.get(resource.kind, ns, name);
      if (obj) result.infos.push({ info: resource, objects: [obj], named: true });
      else result.errors.push({ status: notFound(resource.group, resource.resource, name) });
    }
    for (const e of visited.errors) result.errors.push({ message: e });
    return { ok: true, value: result };
  }

  const parsed = parseResourceArgs(options.args);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  if (parsed.targets.length === 0) {
    return {
      ok: false,
      error: MISSING_RESOURCE_ERROR,
    };
  }
  if (options.singleType) {
    const types = new Set(parsed.targets.map((t) => t.info.resource));
    if (parsed.mode !== 'names' && types.size > 1)
      return { ok: false, error: 'you may only specify a single resource type' };
  }
  if (hasSelector) {
    if (parsed.mode === 'typeNames')
      return { ok: false, error: 'name cannot be provided when a selector is specified' };
    if (parsed.mode === 'names')
      return {
        ok: false,
        error: 'selectors and the all flag cannot be used when passing resource/name arguments',
      };
  }
  for (const t of parsed.targets) {
    if (t.name === '') return { ok: false, error: 'resource name may not be empty' };
    // builder.go#visitByName / #visitByResource: -A leaves no namespace to get a name from.
    if (t.name !== undefined && t.info.namespaced && options.allNamespaces)
      return { ok: false, error: 'a resource cannot be retrieved by name across all namespaces' };
  }
  result.mode = parsed.mode;
  result.targets = parsed.targets;
  result.singleItem = parsed.mode !== 'list' && parsed.targets.length === 1;
  if (!selectors.ok) {
    // kubectl sends -l unparsed; the API server rejects the list request (400).
    result.errors.push({ status: badRequest(selectors.error) });
    return { ok: true, value: result };
  }
  const scope = { namespace: ctx.namespace, allNamespaces: options.allNamespaces };
  for (const t of parsed.targets) {
    const fetched = fetchTargets(server, [t], scope, selectors.value);
    if (t.name !== undefined) {
      const f = fetched[0];
      if (f.ok) result.infos.push({ info: t.info, objects: [f.object], named: true });
      else result.errors.push({ status: f.error });
      continue;
    }
    const failed = fetched.find((f) => !f.ok);
    if (failed && !failed.ok) {
      result.errors.push({ status: failed.error });
      continue;
    }
    const objects = fetched.flatMap((f) => (f.ok ? [f.object] : []));
    result.infos.push({ info: t.info, objects, named: false });
  }
  return { ok: true, value: result };
}

/** Whether an error is an API NotFound (for --ignore-not-found). */
export function isNotFound(e: CollectedError): boolean {
  return 'status' in e && e.status.reason === 'NotFound';
}

/**
 * Prints the collected errors as cmdutil.CheckErr does: one error as `error: msg` (or the API
 * form), several as one message per line without the `error: ` prefix (MultipleErrors).
 */
export function* printErrors(
  ctx: CommandContext,
  errors: readonly CollectedError[],
): Generator<Block, number, void> {
  if (errors.length === 0) return 0;
  const text = (e: CollectedError) => ('status' in e ? formatStatusError(e.status) : e.message);
  if (errors.length === 1) {
    const e = errors[0];
    if ('status' in e) return yield* ctx.statusError(e.status);
    return yield* ctx.fail(e.message);
  }
  yield* ctx.err(errors.map((e) => `${text(e)}\n`).join(''));
  return 1;
}
