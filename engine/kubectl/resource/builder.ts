/**
 * kubectl's resource builder for command-line arguments (cli-runtime pkg/resource/builder.go
 * #ResourceTypeOrNameArgs, #hasCombinedTypeArgs, #replaceAliases): turns `pods`, `po,jobs x y`,
 * `job/pi`, `all` into targets, then reads them from the API server in kubectl's order.
 * Manifest files (`-f`) are read by ./manifests.ts.
 */
import type { ApiServer } from '../../api/apiserver';
import { badRequest, notFound, type StatusError } from '../../api/errors';
import { parseFieldSelector, type FieldRequirement } from '../../api/fields';
import { isSelectorError, parseSelector, type Selector } from '../../api/labels';
import type { KubeObject } from '../../api/object';
import { RESOURCES, resolveResource, type ResourceInfo } from '../../api/resources';

/** cli-runtime builder.go's missingResourceError: nothing on the command line names a resource. */
export const MISSING_RESOURCE_ERROR =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** One thing to read: a named object, or every object of a type matching the selectors. */
export interface Target {
  info: ResourceInfo;
  /** Undefined: list every object of the type (in the namespace, or all namespaces). */
  name?: string;
}

/** How the targets were written: `TYPE/NAME` args, `TYPE NAME…`, or `TYPE` alone. */
export type TargetMode = 'names' | 'typeNames' | 'list';

export type ArgsResult =
  { ok: true; mode: TargetMode; targets: Target[] } | { ok: false; error: string };

/** Resources in the `all` category, in discovery order (what `kubectl get all` lists). */
export function allCategory(): ResourceInfo[] {
  return RESOURCES.filter((r) => r.categories.includes('all'));
}

/** The error kubectl prints for a type the server does not serve. */
export function unknownTypeError(typed: string): string {
  return `the server doesn't have a resource type "${typed}"`;
}

/**
 * Resolves a comma-separated type list (`po,jobs.batch`, `all`) to resources. Duplicates are
 * kept, as kubectl keeps them. Category names expand to their members.
 */
export function resolveTypes(
  list: string,
): { ok: true; infos: ResourceInfo[] } | { ok: false; error: string } {
  const infos: ResourceInfo[] = [];
  for (const typed of list.split(',')) {
    if (typed === '') continue;
    if (typed.toLowerCase() === 'all') {
      infos.push(...allCategory());
      continue;
    }
    const info = resolveResource(typed);
    if (!info) return { ok: false, error: unknownTypeError(typed) };
    infos.push(info);
  }
  return { ok: true, infos };
}

/**
 * Parses resource arguments as ResourceTypeOrNameArgs does. `cmd` is the program name used in
 * the mixed-form error (`kubectl`).
 */
export function parseResourceArgs(args: readonly string[], cmd = 'kubectl'): ArgsResult {
  const slashed = args.filter((a) => a.includes('/')).length;
  if (slashed > 0 && slashed !== args.length) {
    return {
      ok: false,
      error: `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. '${cmd} get resource/<resource_name>' instead of '${cmd} get resource resource/<resource_name>'`,
    };
  }
  if (slashed > 0) {
    const targets: Target[] = [];
    for (const arg of args) {
      const i = arg.indexOf('/');
      const type = arg.slice(0, i);
      const name = arg.slice(i + 1);
      if (type === '' || name === '' || name.includes('/'))
        return {
          ok: false,
          error: `arguments in resource/name form must have a single resource and name`,
        };
      const info = resolveResource(type);
      if (!info) return { ok: false, error: unknownTypeError(type) };
      targets.push({ info, name });
    }
    return { ok: true, mode: 'names', targets };
  }
  if (args.length === 0) return { ok: true, mode: 'list', targets: [] };
  const types = resolveTypes(args[0]);
  if (!types.ok) return types;
  const names = args.slice(1);
  if (names.length === 0) {
    return { ok: true, mode: 'list', targets: types.infos.map((info) => ({ info })) };
  }
  const targets: Target[] = [];
  // builder.go#resourceTuples: every type with every name, type-major.
  for (const info of types.infos) for (const name of names) targets.push({ info, name });
  return { ok: true, mode: 'typeNames', targets };
}

/** The `-l` / `--field-selector` values; the field selector is checked per kind by the server. */
export interface Selectors {
  label?: Selector;
  /** Raw `--field-selector` text. */
  field?: string;
  /** Raw `-l` text, for the server's error message. */
  labelText?: string;
}

/** Parses `-l`; the error is worded as labels.Parse reports it. */
export function parseSelectors(
  label: string | undefined,
  field: string | undefined,
): { ok: true; value: Selectors } | { ok: false; error: string } {
  const value: Selectors = { field: field || undefined, labelText: label || undefined };
  if (label) {
    const s = parseSelector(label);
    if (isSelectorError(s)) return { ok: false, error: s.error };
    value.label = s;
  }
  return { ok: true, value };
}

/** One result of reading a target. */
export type Fetched =
  | { ok: true; info: ResourceInfo; object: KubeObject }
  | { ok: false; info: ResourceInfo; error: StatusError };

/** Where to read: one namespace, or all of them (`-A`). */
export interface Scope {
  namespace: string;
  allNamespaces: boolean;
}

/**
 * Reads targets in order. Named targets yield the object or a NotFound error; list targets
 * yield every match (cluster-scoped kinds ignore the namespace).
 */
export function fetchTargets(
  server: ApiServer,
  targets: readonly Target[],
  scope: Scope,
  selectors: Selectors = {},
): Fetched[] {
  const out: Fetched[] = [];
  for (const t of targets) {
    if (t.name !== undefined) {
      const ns = t.info.namespaced ? scope.namespace : '';
      const obj = server.get(t.info.kind, ns, t.name);
      if (obj) out.push({ ok: true, info: t.info, object: obj });
      else
        out.push({
          ok: false,
          info: t.info,
          error: notFound(t.info.group, t.info.resource, t.name),
        });
      continue;
    }
    let fieldSelector: FieldRequirement[] | undefined;
    if (selectors.field) {
      const f = parseFieldSelector(selectors.field, t.info.kind);
      if (!Array.isArray(f)) {
        // The list request fails on the server (apiserver handlers/get.go#ListResource).
        const gvr = `${t.info.group}/${t.info.version}, Resource=${t.info.resource}`;
        const message = `Unable to find "${gvr}" that match label selector "${selectors.labelText ?? ''}", field selector "${selectors.field}": ${f.error}`;
        out.push({ ok: false, info: t.info, error: badRequest(message) });
        continue;
      }
      fieldSelector = f;
    }
    const objs = server.list(t.info.kind, {
      namespace: scope.allNamespaces ? undefined : scope.namespace,
      labelSelector: selectors.label,
      fieldSelector,
    });
    for (const object of objs) out.push({ ok: true, info: t.info, object });
  }
  return out;
}
