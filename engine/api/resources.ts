/**
 * The resource registry: every kind the simulated API server serves, with the names kubectl
 * resolves (plural, singular, short names, `kind.group`), scope and categories.
 * Data from `kubectl api-resources` against a 1.32 cluster.
 */

/** One API resource, as discovery describes it. */
export interface ResourceInfo {
  /** Plural resource name: `jobs`. */
  readonly resource: string;
  /** Singular name: `job`. */
  readonly singular: string;
  readonly kind: string;
  /** API group; '' for the core group. */
  readonly group: string;
  readonly version: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  /** Discovery categories, e.g. `all`. */
  readonly categories: readonly string[];
  /** Verbs listed by discovery. */
  readonly verbs: readonly string[];
}

const ALL_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

function r(
  resource: string,
  kind: string,
  group: string,
  version: string,
  namespaced: boolean,
  shortNames: string[] = [],
  categories: string[] = [],
  verbs: string[] = ALL_VERBS,
): ResourceInfo {
  return {
    resource,
    singular: kind.toLowerCase(),
    kind,
    group,
    version,
    namespaced,
    shortNames,
    categories,
    verbs,
  };
}

/** Every resource Podlab serves, in discovery order (core group first, then apps, then batch). */
export const RESOURCES: readonly ResourceInfo[] = [
  r('configmaps', 'ConfigMap', '', 'v1', true, ['cm']),
  r('endpoints', 'Endpoints', '', 'v1', true, ['ep']),
  r('events', 'Event', '', 'v1', true, ['ev']),
  r(
    'namespaces',
    'Namespace',
    '',
    'v1',
    false,
    ['ns'],
    [],
    ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  ),
  r('nodes', 'Node', '', 'v1', false, ['no']),
  r('pods', 'Pod', '', 'v1', true, ['po'], ['all']),
  r('secrets', 'Secret', '', 'v1', true),
  r('serviceaccounts', 'ServiceAccount', '', 'v1', true, ['sa']),
  r(
    'services',
    'Service',
    '',
    'v1',
    true,
    ['svc'],
    ['all'],
    ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  ),
  r('controllerrevisions', 'ControllerRevision', 'apps', 'v1', true),
  r('daemonsets', 'DaemonSet', 'apps', 'v1', true, ['ds'], ['all']),
  r('deployments', 'Deployment', 'apps', 'v1', true, ['deploy'], ['all']),
  r('replicasets', 'ReplicaSet', 'apps', 'v1', true, ['rs'], ['all']),
  r('cronjobs', 'CronJob', 'batch', 'v1', true, ['cj'], ['all']),
  r('jobs', 'Job', 'batch', 'v1', true, [], ['all']),
];

const byKind = new Map(RESOURCES.map((info) => [info.kind, info]));

/** The resource for a kind (`Job`), if Podlab serves it. */
export function resourceForKind(kind: string): ResourceInfo | undefined {
  return byKind.get(kind);
}

/** `apiVersion` string of a resource: `batch/v1`, or `v1` for the core group. */
export function apiVersionOf(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** `jobs.batch`, or `pods` for the core group: the form used in NotFound messages. */
export function qualifiedResource(info: ResourceInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}

/** `job.batch`, or `pod` for the core group: the form kubectl prints before `/name`. */
export function qualifiedKind(info: ResourceInfo): string {
  return info.group ? `${info.singular}.${info.group}` : info.singular;
}

/**
 * Resolves what a user typed (`po`, `pods`, `Pod`, `jobs.batch`, `daemonsets.apps`,
 * `ds.apps`, `job.v1.batch`) to a resource, as kubectl's RESTMapper does.
 */
export function resolveResource(typed: string): ResourceInfo | undefined {
  const lower = typed.toLowerCase();
  const [name, ...rest] = lower.split('.');
  let group: string | undefined;
  let version: string | undefined;
  if (rest.length > 0) {
    // `resource.version.group` when the second part looks like a version, else `resource.group`.
    if (/^v\d+((alpha|beta)\d+)?$/.test(rest[0])) {
      version = rest[0];
      group = rest.slice(1).join('.');
    } else {
      group = rest.join('.');
    }
  }
  for (const info of RESOURCES) {
    if (group !== undefined && info.group !== group) continue;
    if (version !== undefined && info.version !== version) continue;
    if (
      info.resource === name ||
      info.singular === name ||
      info.kind.toLowerCase() === name ||
      info.shortNames.includes(name)
    ) {
      return info;
    }
  }
  return undefined;
}
