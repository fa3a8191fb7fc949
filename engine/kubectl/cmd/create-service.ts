/**
 * `kubectl create service clusterip|nodeport|loadbalancer NAME --tcp=PORT[:TARGET]`
 * (kubectl pkg/cmd/create/create_service.go).
 */
import type { KubeObject } from '../../api/object';
import type { CommandContext, CommandSpec } from '../command';
import { GENERATOR_FLAGS, generatedMeta, runGenerator, type BuildError } from './create-generator';

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

/** Go's strconv.ParseUint(s, 10, 16) as utilnet.ParsePort uses it. */
function parsePort(s: string): number | string {
  if (!/^[0-9]+$/.test(s)) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`;
  const n = Number(s);
  if (n > 65535) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`;
  return n;
}

/** validation.IsValidPortName's messages, joined as parsePorts joins them. */
function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name))
    errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens (-)');
  if (name.startsWith('-') || name.endsWith('-'))
    errs.push('must not begin or end with a hyphen (-)');
  return errs;
}

/** parsePorts: `port[:targetPort]` where the target is a number or a port name. */
export function parseServicePort(
  spec: string,
): { port: number; targetPort: number | string } | { error: string } {
  const parts = spec.split(':');
  const port = parsePort(parts[0]);
  if (typeof port === 'string') return { error: port };
  if (parts.length === 1) return { port, targetPort: port };
  const target = parts[1];
  if (!/^[+-]?[0-9]+$/.test(target)) {
    const errs = portNameErrors(target);
    if (errs.length) return { error: errs.join(',') };
    return { port, targetPort: target };
  }
  const num = Number(target);
  if (num < 1 || num > 65535) return { error: 'must be between 1 and 65535, inclusive' };
  return { port, targetPort: num };
}

/** The Service the generator builds (createService), in Go field order. */
export function generatedService(
  ctx: CommandContext,
  name: string,
  type: ServiceType,
): KubeObject | BuildError {
  const nodePort = type === 'NodePort' ? ctx.flags.int('node-port') : 0;
  const ports: Array<Record<string, unknown>> = [];
  for (const tcp of ctx.flags.strings('tcp')) {
    const p = parseServicePort(tcp);
    if ('error' in p) return { failure: p.error };
    ports.push({
      name: tcp.replace(/:/g, '-'),
      protocol: 'TCP',
      port: p.port,
      targetPort: p.targetPort,
      ...(nodePort ? { nodePort } : {}),
    });
  }
  const clusterIP = type === 'ClusterIP' ? ctx.flags.string('clusterip') : '';
  const externalName = type === 'ExternalName' ? ctx.flags.string('external-name') : '';
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: generatedMeta(name, ctx.namespaceExplicit ? ctx.namespace : undefined, {
      labels: { app: name },
    }),
    spec: {
      ...(ports.length ? { ports } : {}),
      selector: { app: name },
      ...(clusterIP ? { clusterIP } : {}),
      type,
      ...(externalName ? { externalName } : {}),
    },
    status: { loadBalancer: {} },
  } as KubeObject;
}

function serviceCommand(sub: string, type: ServiceType, usage: string): CommandSpec {
  const flags = [
    ...GENERATOR_FLAGS,
    { name: 'tcp', type: 'stringSlice' as const, usage: "Port pairs as '<port>:<targetPort>'." },
  ];
  if (type === 'ClusterIP')
    flags.push({
      name: 'clusterip',
      type: 'string',
      usage: "Your own ClusterIP, or 'None' for a headless service (no load balancing).",
    });
  if (type === 'ExternalName')
    flags.push({
      name: 'external-name',
      type: 'string',
      usage: 'The external DNS name the service points to.',
    });
  if (type === 'NodePort')
    flags.push({
      name: 'node-port',
      type: 'int',
      usage: 'The port every node of the cluster exposes the service on.',
    });
  return {
    name: sub,
    usage,
    short: `Create ${type === 'ExternalName' ? 'an' : 'a'} ${type} service`,
    long: `Create a ${type} service selecting the pods labelled app=NAME.`,
    examples: [
      `  # A ${type} service "web" forwarding port 80 to the pods' port 8080`,
      `  kubectl create service ${sub} web --tcp=80:8080`,
    ].join('\n'),
    flags,
    *run(ctx) {
      if (type === 'ExternalName' && !ctx.flags.changed('external-name'))
        return yield* ctx.fail('required flag(s) "external-name" not set');
      return yield* runGenerator(ctx, {
        wrapError: `failed to create ${type} service`,
        validate(c) {
          const ip = c.flags.string('clusterip');
          if (ip !== 'None' && c.flags.strings('tcp').length === 0 && type !== 'ExternalName')
            return 'at least one tcp port specifier must be provided';
          if (type === 'ExternalName') {
            const n = c.flags.string('external-name');
            // validation.IsDNS1123Subdomain
            const ok =
              n.length <= 253 &&
              /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(n);
            if (!ok) return `invalid service external name ${n}`;
          }
          return undefined;
        },
        build: (c, name) => generatedService(c, name, type),
      });
    },
  };
}

/** The `create service` command and its subcommands. */
export const createServiceCommand: CommandSpec = {
  name: 'service',
  aliases: ['svc'],
  usage: 'service [flags] [options]',
  short: 'Create a service using a specified subcommand',
  long: 'Create a Service of one of the types below.',
  subcommands: [
    serviceCommand(
      'clusterip',
      'ClusterIP',
      'clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]',
    ),
    serviceCommand(
      'externalname',
      'ExternalName',
      'externalname NAME --external-name external.name [--dry-run=server|client|none] [options]',
    ),
    serviceCommand(
      'loadbalancer',
      'LoadBalancer',
      'loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
    ),
    serviceCommand(
      'nodeport',
      'NodePort',
      'nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
    ),
  ],
};
