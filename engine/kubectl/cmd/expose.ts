/**
 * `kubectl expose` (kubectl pkg/cmd/expose/expose.go, polymorphichelpers canbeexposed /
 * mapbasedselectorforobject / portsforobject / protocolsforobject): makes a Service for a pod,
 * service, deployment, replica set or replication controller, taking the selector, ports and
 * protocols from the object unless flags give them.
 */
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import type { CommandSpec } from '../command';
import {
  parseResourceArgs,
  fetchTargets,
  type Fetched,
  MISSING_RESOURCE_ERROR,
} from '../resource/builder';
import { visitManifests } from '../resource/manifests';
import { dryRunStrategy } from './dry-run';
import {
  GENERATOR_DRY_RUN_FLAG,
  GENERATOR_OUTPUT_FLAG,
  GENERATOR_OVERRIDE_FLAGS,
  GENERATOR_TEMPLATE_FLAGS,
  fieldManagerFlag,
} from './common-flags';
import { checkOutputFormat, parseLabels, printGenerated } from './generated-output';
import { applyOverrides } from './overrides';

/** What the service generator takes (generate/versioned/service.go params). */
export interface ServiceParams {
  name: string;
  ports: string[];
  /** --protocol: one protocol for every port. */
  protocol: string;
  /** Per-port protocols found on the object (`80` → `TCP`). */
  protocols?: Record<string, string>;
  /** `k=v,k2=v2` */
  selector: string;
  labels: string;
  targetPort: string;
  type: string;
  clusterIP?: string;
  externalIP?: string;
  loadBalancerIP?: string;
  sessionAffinity?: string;
}

/** The Service the generator builds, in Go field order. */
export function buildService(p: ServiceParams): { service: KubeObject } | { error: string } {
  const parsedSelector = parseLabels(p.selector);
  if ('error' in parsedSelector) return parsedSelector;
  const selector = parsedSelector.map;
  let labels: Record<string, string> | undefined;
  if (p.labels) {
    const l = parseLabels(p.labels);
    if ('error' in l) return l;
    labels = l.map;
  }
  const headless = p.clusterIP === 'None';
  const portStrings = p.ports.join(',').split(',');
  if (portStrings.length === 1 && portStrings[0] === '' && !headless)
    return { error: "'ports' or 'port' is a required parameter" };
  const ports: Array<Record<string, unknown>> = [];
  if (!(portStrings.length === 1 && portStrings[0] === '')) {
    for (let i = 0; i < portStrings.length; i++) {
      const s = portStrings[i];
      if (!/^[+-]?\d+$/.test(s)) return { error: `strconv.Atoi: parsing "${s}": invalid syntax` };
      const port = parseInt(s, 10);
      let protocol = p.protocol;
      if (!protocol) protocol = p.protocols?.[s] ?? 'TCP';
      const entry: Record<string, unknown> = {};
      if (portStrings.length > 1) entry.name = `port-${i + 1}`;
      entry.protocol = protocol;
      entry.port = port;
      entry.targetPort = p.targetPort
        ? /^[+-]?\d+$/.test(p.targetPort)
          ? parseInt(p.targetPort, 10)
          : p.targetPort
        : port;
      ports.push(entry);
    }
  }
  const metadata: Record<string, unknown> = { name: p.name, creationTimestamp: null };
  if (labels) metadata.labels = labels;
  const spec: Record<string, unknown> = {};
  if (ports.length) spec.ports = ports;
  spec.selector = selector;
  if (p.clusterIP) spec.clusterIP = p.clusterIP;
  if (p.type) spec.type = p.type;
  if (p.externalIP) spec.externalIPs = [p.externalIP];
  if (p.sessionAffinity) {
    if (p.sessionAffinity !== 'None' && p.sessionAffinity !== 'ClientIP')
      return { error: `unknown session affinity: ${p.sessionAffinity}` };
    spec.sessionAffinity = p.sessionAffinity;
  }
  if (p.type === 'LoadBalancer' && p.loadBalancerIP) spec.loadBalancerIP = p.loadBalancerIP;
  return {
    service: {
      kind: 'Service',
      apiVersion: 'v1',
      metadata,
      spec,
      status: { loadBalancer: {} },
    } as unknown as KubeObject,
  };
}

/** generate.MakeLabels: sorted `k=v` pairs. */
function makeLabels(map: Record<string, string> | undefined): string {
  return Object.keys(map ?? {})
    .sort()
    .map((k) => `${k}=${map![k]}`)
    .join(',');
}

function podSpecOf(obj: KubeObject): Pod['spec'] | undefined {
  if (obj.kind === 'Pod') return (obj as Pod).spec;
  return ((obj as { spec?: { template?: PodTemplateSpec } }).spec?.template ?? {}).spec;
}

/** MapBasedSelectorForObject. */
function selectorFor(obj: KubeObject): string | { error: string } {
  const spec = (obj as { spec?: Record<string, unknown> }).spec ?? {};
  switch (obj.kind) {
    case 'Pod':
      if (!Object.keys(obj.metadata.labels ?? {}).length)
        return { error: 'the pod has no labels and cannot be exposed' };
      return makeLabels(obj.metadata.labels);
    case 'Service':
      if (!Object.keys((spec.selector as object) ?? {}).length)
        return { error: 'the service has no pod selector set' };
      return makeLabels(spec.selector as Record<string, string>);
    case 'ReplicationController':
      return makeLabels(spec.selector as Record<string, string>);
    default: {
      const sel = (spec.selector ?? {}) as {
        matchLabels?: Record<string, string>;
        matchExpressions?: unknown[];
      };
      if (sel.matchExpressions?.length)
        return {
          error: `couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`,
        };
      return makeLabels(sel.matchLabels);
    }
  }
}

/** PortsForObject and ProtocolsForObject. */
function portsFor(obj: KubeObject): { ports: string[]; protocols: Record<string, string> } {
  const ports: string[] = [];
  const protocols: Record<string, string> = {};
  if (obj.kind === 'Service') {
    for (const p of (obj as { spec?: { ports?: Array<{ port: number; protocol?: string }> } }).spec
      ?.ports ?? []) {
      ports.push(String(p.port));
      protocols[String(p.port)] = p.protocol ?? 'TCP';
    }
    return { ports, protocols };
  }
  for (const c of podSpecOf(obj)?.containers ?? []) {
    for (const p of c.ports ?? []) {
      ports.push(String(p.containerPort));
      protocols[String(p.containerPort)] = p.protocol ?? 'TCP';
    }
  }
  return { ports, protocols };
}

const EXPOSABLE = new Set(['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet']);

/** The expose command. */
export const exposeCommand: CommandSpec = {
  name: 'expose',
  group: 'Basic Commands (Beginner):',
  usage:
    'expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  short:
    'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  long: 'Create a Service that sends traffic to the pods of a deployment, replica set, replication controller, service or pod, using its selector (or the pod labels) and its container ports unless given.',
  examples: [
    "  # A ClusterIP service on port 80 for deployment web, to the containers' port 8080",
    '  kubectl expose deployment web --port=80 --target-port=8080',
    '',
    '  # A NodePort service named web-np for pod web',
    '  kubectl expose pod web --type=NodePort --name=web-np --port=80',
    '',
    '  # Print the service that would be created',
    '  kubectl expose deploy/web --port=80 --dry-run=client -o yaml',
  ].join('\n'),
  flags: [
    ...GENERATOR_TEMPLATE_FLAGS,
    {
      name: 'cluster-ip',
      type: 'string',
      usage: "ClusterIP for the service; 'None' makes it headless.",
    },
    GENERATOR_DRY_RUN_FLAG,
    {
      name: 'external-ip',
      type: 'string',
      usage: 'An extra external IP address the service accepts traffic on.',
    },
    fieldManagerFlag('kubectl-expose', 'Name of the manager tracking field ownership.'),
    {
      name: 'filename',
      short: 'f',
      type: 'stringSlice',
      usage: 'Files naming the resource to expose.',
    },
    {
      name: 'kustomize',
      short: 'k',
      type: 'string',
      usage: 'Process a kustomization folder (not supported in Podlab).',
    },
    { name: 'labels', short: 'l', type: 'string', usage: 'Labels of the service.' },
    { name: 'load-balancer-ip', type: 'string', usage: 'IP for a LoadBalancer service.' },
    { name: 'name', type: 'string', usage: "Name of the service; the object's name by default." },
    GENERATOR_OUTPUT_FLAG,
    ...GENERATOR_OVERRIDE_FLAGS,
    {
      name: 'port',
      type: 'string',
      usage: "The port the service serves on; the object's ports by default.",
    },
    {
      name: 'protocol',
      type: 'string',
      usage: 'Network protocol of the service: TCP (default), UDP or SCTP.',
    },
    {
      name: 'recursive',
      short: 'R',
      type: 'bool',
      usage: 'Read folders given with -f recursively.',
    },
    {
      name: 'selector',
      type: 'string',
      usage: "Label selector of the service; the object's by default.",
    },
    { name: 'session-affinity', type: 'string', usage: "'None' or 'ClientIP'." },
    {
      name: 'target-port',
      type: 'string',
      usage: 'Container port (number or name) the service sends traffic to.',
    },
    {
      name: 'type',
      type: 'string',
      usage: 'Service type: ClusterIP, NodePort, LoadBalancer, or ExternalName.',
    },
  ],
  *run(ctx) {
    const f = ctx.flags;
    const strategy = dryRunStrategy(f);
    if (!strategy.ok) return yield* ctx.fail(strategy.error);
    const dryRun = strategy.value;
    const output = f.string('output');
    const badOutput = checkOutputFormat(output);
    if (badOutput) return yield* ctx.fail(badOutput);
    const filenames = f.strings('filename');
    if (ctx.args.length === 0 && filenames.length === 0)
      return yield* ctx.fail(MISSING_RESOURCE_ERROR);
    // The objects to expose: read from the server by name, or as written in -f files.
    let targets: Fetched[];
    if (filenames.length > 0) {
      const read = yield* visitManifests(ctx.proc, filenames, f.bool('recursive'));
      if (read.fatal) return yield* ctx.fail(read.fatal);
      targets = [];
      for (const item of read.items) {
        if (!item.ok) return yield* ctx.fail(item.error);
        targets.push({ ok: true, info: item.value.resource, object: item.value.object });
      }
      if (read.errors.length) return yield* ctx.fail(read.errors[0]);
    } else {
      const parsed = parseResourceArgs(ctx.args);
      if (!parsed.ok) return yield* ctx.fail(parsed.error);
      if (parsed.mode === 'list')
        return yield* ctx.fail('resource(s) were provided, but no name was specified');
      targets = fetchTargets(ctx.cluster.server, parsed.targets, {
        namespace: ctx.namespace,
        allNamespaces: false,
      });
    }
    const type = f.string('type');
    let status = 0;
    for (const got of targets) {
      if (!got.ok) {
        yield* ctx.statusError(got.error);
        status = 1;
        continue;
      }
      const obj = got.object;
      if (!EXPOSABLE.has(obj.kind)) {
        const gk = got.info.group ? `${obj.kind}.${got.info.group}` : obj.kind;
        return yield* ctx.fail(`cannot expose a ${gk}`);
      }
      let selector = f.string('selector');
      if (!selector) {
        const s = selectorFor(obj);
        if (typeof s === 'object') return yield* ctx.fail(s.error);
        selector = s;
      }
      const found = portsFor(obj);
      let ports = f.string('port') ? [f.string('port')] : found.ports;
      if (ports.length === 0 && f.string('cluster-ip') !== 'None' && type !== 'ExternalName')
        return yield* ctx.fail("couldn't find port via --port flag or introspection");
      if (ports.length === 0) ports = [];
      const built = buildService({
        name: f.string('name') || obj.metadata.name!,
        ports,
        protocol: f.string('protocol'),
        // Protocols always come from the object, even with --port (expose.go).
        protocols: found.protocols,
        selector,
        labels: f.string('labels') || makeLabels(obj.metadata.labels),
        targetPort: f.string('target-port'),
        type,
        clusterIP: f.string('cluster-ip'),
        externalIP: f.string('external-ip'),
        loadBalancerIP: f.string('load-balancer-ip'),
        sessionAffinity: f.string('session-affinity'),
      });
      if ('error' in built) return yield* ctx.fail(built.error);
      let service = built.service;
      if (f.string('overrides')) {
        const merged = applyOverrides(service, f.string('overrides'), f.string('override-type'));
        if ('error' in merged) return yield* ctx.fail(merged.error);
        service = merged.object;
      }
      if (dryRun !== 'client') {
        const r = ctx.cluster.server.create(service, {
          namespace: ctx.namespace,
          fromClient: true,
          dryRun: dryRun === 'server',
        });
        if (!r.ok) {
          yield* ctx.statusError(r.error);
          status = 1;
          continue;
        }
        service = r.value;
      }
      const printed = printGenerated(service, output, dryRun, 'exposed');
      if ('error' in printed) return yield* ctx.fail(printed.error);
      yield* ctx.out(printed.text);
    }
    return status;
  },
};
