/**
 * A tiny stub Kubernetes API server for differential tests against the real kubectl: it serves
 * legacy discovery (`/api`, `/apis`, group versions), `/version` (v1.32.0), and GET of objects and
 * lists from an in-memory set, with label and field selectors, and (optionally) server-side
 * Tables. Test-only Node code: binds to 127.0.0.1 on an ephemeral port.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { KubeObject } from '../../api/object';
import { RESOURCES, apiVersionOf, type ResourceInfo } from '../../api/resources';

/** Extra resources the describers ask for that Podlab does not serve itself. */
const EXTRA_RESOURCES: ResourceInfo[] = [
  {
    resource: 'leases',
    singular: 'lease',
    kind: 'Lease',
    group: 'coordination.k8s.io',
    version: 'v1',
    namespaced: true,
    shortNames: [],
    categories: [],
    verbs: ['get', 'list'],
  },
  {
    resource: 'endpointslices',
    singular: 'endpointslice',
    kind: 'EndpointSlice',
    group: 'discovery.k8s.io',
    version: 'v1',
    namespaced: true,
    shortNames: [],
    categories: [],
    verbs: ['get', 'list'],
  },
];

for (const [resource, kind] of [
  ['resourcequotas', 'ResourceQuota'],
  ['limitranges', 'LimitRange'],
]) {
  EXTRA_RESOURCES.push({
    resource,
    singular: kind.toLowerCase(),
    kind,
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: [],
    categories: [],
    verbs: ['get', 'list'],
  });
}

const ALL_RESOURCES = [...RESOURCES, ...EXTRA_RESOURCES];

/** A server-side Table as JSON (what `Accept: …;as=Table` gets). */
export type TableProvider = (kind: string, objects: readonly KubeObject[]) => unknown | undefined;

/** What a kubectl run printed and its exit status. */
export interface KubectlResult {
  stdout: string;
  stderr: string;
  status: number;
}

/** One watch event as the apiserver streams it. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
}

/** A running stub server. */
export interface OracleServer {
  readonly url: string;
  readonly kubeconfig: string;
  /** Requests seen, as `METHOD path?query`. */
  readonly requests: string[];
  /** Replaces the stored objects. */
  setObjects(objects: readonly KubeObject[]): void;
  /** Sets the events a `?watch=1` request receives (then the stream ends). */
  setWatchEvents(events: readonly WatchEvent[]): void;
  /** Runs the real kubectl against this server (asynchronously: the server shares the loop). */
  kubectl(args: readonly string[]): Promise<KubectlResult>;
  close(): Promise<void>;
}

/** Whether a real kubectl binary is on PATH. */
export const hasKubectl: boolean = (() => {
  try {
    const r = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8', timeout: 20_000 });
    return r.status === 0 && /v1\.32\./.test(r.stdout);
  } catch {
    return false;
  }
})();

function groups(): Map<string, ResourceInfo[]> {
  const map = new Map<string, ResourceInfo[]>();
  for (const info of ALL_RESOURCES) {
    const key = apiVersionOf(info);
    map.set(key, [...(map.get(key) ?? []), info]);
  }
  return map;
}

function resourceList(groupVersion: string, infos: ResourceInfo[]) {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion,
    resources: infos.map((info) => ({
      name: info.resource,
      singularName: info.singular,
      namespaced: info.namespaced,
      kind: info.kind,
      verbs: info.verbs,
      ...(info.shortNames.length ? { shortNames: info.shortNames } : {}),
      ...(info.categories.length ? { categories: info.categories } : {}),
    })),
  };
}

/** Evaluates a field selector of `a.b=c`, `a.b==c`, `a.b!=c` terms against an object. */
function matchesFieldSelector(obj: KubeObject, selector: string): boolean {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const m = /^([^!=]+)(!=|==|=)(.*)$/.exec(term);
    if (!m) return true;
    let value: unknown = obj;
    for (const part of m[1].split('.')) {
      value =
        value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
    }
    const text = value === undefined || value === null ? '' : String(value);
    return m[2] === '!=' ? text !== m[3] : text === m[3];
  });
}

/** Evaluates an equality/set-based label selector. */
function matchesLabelSelector(obj: KubeObject, selector: string): boolean {
  if (!selector) return true;
  const labels = obj.metadata.labels ?? {};
  const terms = selector.match(/([^,(]+(\([^)]*\))?)/g) ?? [];
  return terms.every((raw) => {
    const term = raw.trim();
    let m = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
    if (m) {
      const values = m[3].split(',').map((v) => v.trim());
      const has = m[1] in labels && values.includes(labels[m[1]]);
      return m[2] === 'in' ? has : !has;
    }
    m = /^([^!=]+)(!=|==|=)(.*)$/.exec(term);
    if (m) return m[2] === '!=' ? labels[m[1]] !== m[3] : labels[m[1]] === m[3];
    if (term.startsWith('!')) return !(term.slice(1) in labels);
    return term in labels;
  });
}

function storageKey(o: KubeObject): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
}

/** Starts the stub server with the given objects. */
export async function startOracle(
  objects: readonly KubeObject[] = [],
  tables?: TableProvider,
): Promise<OracleServer> {
  let store: readonly KubeObject[] = objects;
  let watchEvents: readonly WatchEvent[] = [];
  const requests: string[] = [];
  const byVersion = groups();

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(body));
  };
  const notFound = (res: ServerResponse, info: ResourceInfo | undefined, name: string) =>
    send(res, 404, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: info
        ? `${info.group ? `${info.resource}.${info.group}` : info.resource} "${name}" not found`
        : 'the server could not find the requested resource',
      reason: 'NotFound',
      details: info ? { name, group: info.group || undefined, kind: info.resource } : {},
      code: 404,
    });

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    const path = url.pathname.replace(/\/$/, '');
    if (path === '/version') {
      return send(res, 200, {
        major: '1',
        minor: '32',
        gitVersion: 'v1.32.0',
        gitCommit: '70d3cc986aa8221cd1dfb1121852688902d3bf53',
        gitTreeState: 'clean',
        buildDate: '2024-12-11T17:59:15Z',
        goVersion: 'go1.23.3',
        compiler: 'gc',
        platform: 'linux/amd64',
      });
    }
    if (path === '/api') {
      return send(res, 200, {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }],
      });
    }
    if (path === '/apis') {
      const list = [...byVersion.keys()].filter((gv) => gv.includes('/'));
      return send(res, 200, {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: list.map((gv) => {
          const [group, version] = gv.split('/');
          return {
            name: group,
            versions: [{ groupVersion: gv, version }],
            preferredVersion: { groupVersion: gv, version },
          };
        }),
      });
    }
    const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(?:\/(.*))?$/.exec(path);
    if (!m) return notFound(res, undefined, '');
    const groupVersion = m[1] ?? `${m[2]}/${m[3]}`;
    const infos = byVersion.get(groupVersion);
    if (!infos) return notFound(res, undefined, '');
    if (!m[4]) return send(res, 200, resourceList(groupVersion, infos));
    const parts = m[4].split('/');
    let namespace: string | undefined;
    if (parts[0] === 'namespaces' && parts.length >= 3) {
      namespace = parts[1];
      parts.splice(0, 2);
    }
    const info = infos.find((i) => i.resource === parts[0]);
    if (!info) return notFound(res, undefined, '');
    const name = parts[1];
    const candidates = store.filter(
      (o) =>
        o.kind === info.kind &&
        o.apiVersion === groupVersion &&
        (namespace === undefined || !info.namespaced || o.metadata.namespace === namespace),
    );
    const wantsTable = (req.headers.accept ?? '').includes('as=Table') && tables !== undefined;
    if (name) {
      const found = candidates.find((o) => o.metadata.name === name);
      if (!found) return notFound(res, info, name);
      const table = wantsTable ? tables!(info.kind, [found]) : undefined;
      return send(res, 200, table ?? found);
    }
    if (url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1') {
      res.statusCode = 200;
      res.setHeader('Content-Type', 'application/json');
      for (const event of watchEvents.filter((e) => e.object.kind === info.kind)) {
        const table = wantsTable ? tables!(info.kind, [event.object]) : undefined;
        res.write(JSON.stringify({ type: event.type, object: table ?? event.object }) + '\n');
      }
      res.end();
      return;
    }
    // A real apiserver lists in storage-key order: namespace, then name.
    const selected = candidates
      .filter(
        (o) =>
          matchesLabelSelector(o, url.searchParams.get('labelSelector') ?? '') &&
          matchesFieldSelector(o, url.searchParams.get('fieldSelector') ?? ''),
      )
      .sort((a, b) => (storageKey(a) < storageKey(b) ? -1 : storageKey(a) > storageKey(b) ? 1 : 0));
    const table = wantsTable ? tables!(info.kind, selected) : undefined;
    if (table !== undefined) return send(res, 200, table);
    return send(res, 200, {
      kind: `${info.kind}List`,
      apiVersion: groupVersion,
      metadata: { resourceVersion: '1000' },
      items: selected.map((o) => {
        // List items carry no apiVersion/kind, as a real apiserver's list does.
        const { apiVersion: _a, kind: _k, ...rest } = o;
        return rest;
      }),
    });
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'podlab-oracle-'));
  const kubeconfig = join(dir, 'config');
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      `- cluster: {server: "${url}"}`,
      '  name: oracle',
      'contexts:',
      '- context: {cluster: oracle, user: oracle, namespace: default}',
      '  name: oracle',
      'current-context: oracle',
      'users:',
      '- name: oracle',
      '  user: {}',
      '',
    ].join('\n'),
  );

  return {
    url,
    kubeconfig,
    requests,
    setObjects(next) {
      store = next;
    },
    setWatchEvents(next) {
      watchEvents = next;
    },
    kubectl(args) {
      return new Promise((resolve) => {
        execFile(
          'kubectl',
          ['--kubeconfig', kubeconfig, ...args],
          {
            encoding: 'utf8',
            timeout: 30_000,
            maxBuffer: 64 * 1024 * 1024,
            env: { ...process.env, HOME: dir, KUBECACHEDIR: join(dir, 'cache'), TZ: 'UTC' },
          },
          (error, stdout, stderr) => {
            const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
            resolve({ stdout, stderr, status: code });
          },
        );
      });
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        server.closeAllConnections();
      });
    },
  };
}
