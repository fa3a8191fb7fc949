/**
 * `kubectl set image` and `kubectl set env` (kubectl pkg/cmd/set/set_image.go, set_env.go,
 * pkg/cmd/set/env/env_parse.go): change the pod template of pods, deployments, replica sets,
 * daemon sets, stateful sets, jobs and cron jobs with a strategic merge patch. An update that
 * changes nothing prints nothing, as upstream skips empty patches.
 */
import type { KubeObject } from '../../api/object';
import { cloneJson, jsonEqual } from '../../api/patch';
import type { Block } from '../../runtime/kernel';
import type { CommandContext, CommandSpec } from '../command';
import type { FlagDef } from '../flags';
import { dryRunStrategy, withDryRun } from './dry-run';
import {
  MUTATE_DRY_RUN_FLAG,
  MUTATE_PRINT_FLAGS,
  fieldManagerFlag,
  SELECTOR_FLAG,
  filenameOptionFlags,
} from './common-flags';
import { collectTargets, outputError, printResult, resourcesAndPairs } from './mutate-common';
import { MISSING_RESOURCE_ERROR } from '../resource/builder';

interface Container {
  name: string;
  image?: string;
  env?: Array<{ name: string; value?: string; valueFrom?: Record<string, unknown> }>;
}

interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
  ephemeralContainers?: Container[];
}

/** The pod spec inside an object (polymorphichelpers.UpdatePodSpecForObject), or undefined. */
export function podSpecOf(obj: KubeObject): PodSpec | undefined {
  const spec = obj.spec as Record<string, unknown> | undefined;
  switch (obj.kind) {
    case 'Pod':
      return spec as PodSpec;
    case 'Deployment':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'ReplicationController':
    case 'Job':
      return (spec?.template as { spec?: PodSpec } | undefined)?.spec;
    case 'CronJob':
      return (
        (spec?.jobTemplate as { spec?: { template?: { spec?: PodSpec } } } | undefined)?.spec
          ?.template as { spec?: PodSpec } | undefined
      )?.spec;
    default:
      return undefined;
  }
}

/** Go's %T of the typed object kubectl decoded. */
function goType(obj: KubeObject): string {
  const group = obj.apiVersion?.includes('/') ? obj.apiVersion.split('/')[0] : '';
  const pkg = group === '' ? 'v1' : group === 'apps' ? 'v1' : group === 'batch' ? 'v1' : 'v1';
  return `*${pkg}.${obj.kind}`;
}

const COMMON_FLAGS: FlagDef[] = [
  {
    name: 'all',
    type: 'bool',
    usage: 'Select all resources, in the namespace of the specified resource types',
  },
  ...MUTATE_PRINT_FLAGS,
  MUTATE_DRY_RUN_FLAG,
  fieldManagerFlag('kubectl-set'),
  ...filenameOptionFlags('identifying the resource to update'),
  {
    name: 'local',
    type: 'bool',
    usage: 'If true, set will NOT contact api-server but run locally.',
  },
  SELECTOR_FLAG,
];

/** Prints an aggregate of errors as cmdutil.CheckErr does (one alone gets `error: `). */
function* failAll(ctx: CommandContext, errors: string[]): Generator<Block, number, void> {
  if (errors.length === 1) return yield* ctx.fail(errors[0]);
  yield* ctx.err(errors.map((e) => (e.endsWith('\n') ? e : `${e}\n`)).join(''));
  return 1;
}

/**
 * Applies `mutate` to a copy of each object's pod spec and patches what changed; prints
 * `<operation>` per changed object. Errors are gathered and printed at the end.
 */
function* updatePodSpecs(
  ctx: CommandContext,
  found: Array<{ info: { resource: string }; object: KubeObject }>,
  operation: string,
  /** Changes the spec copy; a returned message rejects the object (`error: <res>/<name> <msg>`). */
  mutate: (spec: PodSpec, obj: KubeObject, errors: string[]) => string | void,
): Generator<Block, number, void> {
  const dryRun = dryRunStrategy(ctx.flags);
  if (!dryRun.ok) return yield* ctx.fail(dryRun.error);
  const dry = dryRun.value;
  const errors: string[] = [];
  for (const { info, object } of found) {
    const copy = cloneJson(object);
    const spec = podSpecOf(copy);
    if (!spec) {
      errors.push(
        `error: ${info.resource}/${object.metadata.name} the object is not a pod or does not have a pod template: ${goType(object)}\n`,
      );
      continue;
    }
    const rejected = mutate(spec, copy, errors);
    if (rejected) {
      errors.push(`error: ${info.resource}/${object.metadata.name} ${rejected}\n`);
      continue;
    }
    if (jsonEqual(copy, object)) continue;
    if (dry === 'client') {
      yield* printResult(ctx, copy, withDryRun(operation, dry));
      continue;
    }
    // @simplified: the changed object goes out as an update (same resourceVersion) rather than
    // as a computed strategic merge patch; the stored result is the same.
    const r = ctx.cluster.server.update(copy, {
      dryRun: dry === 'server',
      namespace: object.metadata.namespace,
      fromClient: true,
    });
    if (!r.ok) {
      errors.push(
        `failed to patch ${operation.split(' ')[0]} update to pod template: ${r.error.message}`,
      );
      continue;
    }
    yield* printResult(ctx, r.value, withDryRun(operation, dry));
  }
  if (errors.length > 0) return yield* failAll(ctx, errors);
  return 0;
}

function findTargets(ctx: CommandContext, resources: string[]) {
  return collectTargets(ctx, resources, {
    selector: ctx.flags.string('selector'),
    all: ctx.flags.bool('all'),
  });
}

/** `kubectl set image`. */
export const setImageCommand: CommandSpec = {
  name: 'image',
  usage:
    'image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]',
  short: 'Update the image of a pod template',
  long: 'Change the image of containers in pods or in the pod template of deployments, daemon sets, replica sets, stateful sets, jobs and cron jobs. `*` stands for every container.',
  examples:
    '  # Use nginx:1.27 for container web of deployment web\n  kubectl set image deployment/web web=nginx:1.27\n\n' +
    '  # Use busybox:1.37 for every container of daemon set logd\n  kubectl set image ds/logd *=busybox:1.37',
  flags: COMMON_FLAGS,
  *run(ctx) {
    const outErr = outputError(ctx);
    if (outErr) return yield* ctx.fail(outErr);
    const split = resourcesAndPairs(ctx.args, 'image');
    if ('error' in split) return yield* ctx.fail(split.error);
    const images = new Map<string, string>();
    const invalid: string[] = [];
    for (const p of split.pairs) {
      const eq = p.indexOf('=');
      if (eq > 0) images.set(p.slice(0, eq), p.slice(eq + 1));
      else invalid.push(p);
    }
    if (invalid.length > 0) return yield* ctx.fail(`invalid image format: ${invalid.join(', ')}`);
    if (split.resources.length === 0 && ctx.flags.strings('filename').length === 0)
      return yield* ctx.fail(MISSING_RESOURCE_ERROR);
    const found = yield* findTargets(ctx, split.resources);
    if ('error' in found) return yield* ctx.fail(found.error);
    if (found.errors.length > 0) {
      for (const e of found.errors) yield* ctx.statusError(e);
      return 1;
    }
    const errs: string[] = [];
    if (ctx.flags.bool('all') && ctx.flags.string('selector'))
      errs.push('cannot set --all and --selector at the same time');
    if (images.size < 1) errs.push('at least one image update is required');
    else if (images.size > 1 && images.has('*'))
      errs.push(
        'all containers are already specified by *, but saw more than one container_name=container_image pairs',
      );
    if (errs.length > 0) return yield* failAll(ctx, errs);
    return yield* updatePodSpecs(ctx, found.found, 'image updated', (spec, _obj, errors) => {
      for (const [name, image] of images) {
        let hit = false;
        for (const list of [spec.initContainers, spec.containers, spec.ephemeralContainers])
          for (const c of list ?? [])
            if (c.name === name || name === '*') {
              c.image = image;
              hit = true;
            }
        if (!hit) errors.push(`unable to find container named "${name}"`);
      }
    });
  },
};

/** validation.IsEnvVarName. */
function envNameErrors(name: string): string[] {
  if (/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) return [];
  return [
    "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
  ];
}

/** Shell-style glob match for --containers. */
function globMatch(pattern: string, name: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`).test(name);
}

/** `kubectl set env`. */
export const setEnvCommand: CommandSpec = {
  name: 'env',
  usage: 'env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N [options]',
  short: 'Update environment variables on a pod template',
  long: 'Add, change, remove or list environment variables of the containers of pods or pod templates. A trailing dash removes a variable.',
  examples:
    '  # Give every container of deployment web LOG_LEVEL=debug\n  kubectl set env deployment/web LOG_LEVEL=debug\n\n' +
    '  # Print the variables of deployment web\n  kubectl set env deployment/web --list\n\n' +
    '  # Drop LOG_LEVEL from the container named app of all deployments\n  kubectl set env deployments --all -c app LOG_LEVEL-',
  flags: [
    ...COMMON_FLAGS,
    {
      name: 'containers',
      short: 'c',
      type: 'string',
      default: '*',
      usage: 'The names of containers in the selected pod templates to change - may use wildcards',
    },
    {
      name: 'env',
      short: 'e',
      type: 'stringArray',
      usage: 'Specify a key-value pair for an environment variable to set into each container.',
    },
    {
      name: 'from',
      type: 'string',
      usage: 'The name of a resource from which to inject environment variables',
    },
    {
      name: 'keys',
      type: 'stringSlice',
      usage: 'Comma-separated list of keys to import from specified resource',
    },
    {
      name: 'list',
      type: 'bool',
      usage:
        'If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env.',
    },
    {
      name: 'overwrite',
      type: 'bool',
      default: true,
      usage:
        'If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.',
    },
    {
      name: 'prefix',
      type: 'string',
      usage: 'Prefix to append to variable names',
    },
    {
      name: 'resolve',
      type: 'bool',
      usage: 'If true, show secret or configmap references when listing variables',
    },
  ],
  *run(ctx) {
    const outErr = outputError(ctx);
    if (outErr) return yield* ctx.fail(outErr);
    // envutil.SplitEnvironmentFromResources: resources first, then KEY=VALUE / KEY- / -.
    const resources: string[] = [];
    const envArgs: string[] = [];
    for (const a of ctx.args) {
      const isEnv = a.includes('=') || a === '-' || a.endsWith('-');
      if (isEnv) envArgs.push(a);
      else if (envArgs.length === 0) resources.push(a);
      else
        return yield* ctx.usageError(
          `all resources must be specified before environment changes: ${ctx.args.join(' ')}`,
        );
    }
    const specs = [...ctx.flags.strings('env'), ...envArgs];
    const env: Array<{ name: string; value: string }> = [];
    const remove: string[] = [];
    for (const s of specs) {
      const eq = s.indexOf('=');
      if (eq >= 0) {
        const name = s.slice(0, eq);
        const errs = envNameErrors(name);
        if (errs.length)
          return yield* ctx.fail(`"${name}" is not a valid key name: ${errs.join(';')}`);
        env.push({ name, value: s.slice(eq + 1) });
      } else if (s.endsWith('-') && s !== '-') remove.push(s.slice(0, -1));
      // @simplified: `-` (variables from stdin) is not supported.
      else return yield* ctx.fail(`unknown environment variable: ${s}`);
    }
    if (remove.some((r) => env.some((e) => e.name === r)))
      return yield* ctx.fail(
        'can not both modify and remove the same environment variable in the same command',
      );
    if (resources.length < 1 && ctx.flags.strings('filename').length === 0)
      return yield* ctx.fail(
        'one or more resources must be specified as <resource> <name> or <resource>/<name>',
      );
    const list = ctx.flags.bool('list');
    if (list && ctx.flags.string('output'))
      return yield* ctx.fail('--list and --output may not be specified together');
    if (ctx.flags.strings('keys').length > 0 && !ctx.flags.string('from'))
      return yield* ctx.fail(
        'when specifying --keys, a configmap or secret must be provided with --from',
      );
    // @simplified: --from (configmaps/secrets), --prefix and --resolve are not supported.
    if (ctx.flags.string('from')) return yield* ctx.fail('--from is not supported in Podlab');
    const found = yield* findTargets(ctx, resources);
    if ('error' in found) return yield* ctx.fail(found.error);
    if (found.errors.length > 0) {
      for (const e of found.errors) yield* ctx.statusError(e);
      return 1;
    }
    const pattern = ctx.flags.string('containers') || '*';
    if (list) {
      for (const { object } of found.found) {
        const spec = podSpecOf(object);
        for (const c of [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])]) {
          if (!globMatch(pattern, c.name)) continue;
          let text = `# ${object.kind} ${object.metadata.name}, container ${c.name}\n`;
          for (const e of c.env ?? []) {
            if (!e.valueFrom) text += `${e.name}=${e.value ?? ''}\n`;
            else text += `# ${e.name} from ${envRefString(e.valueFrom)}\n`;
          }
          yield* ctx.out(text);
        }
      }
      return 0;
    }
    if (env.length === 0 && remove.length === 0)
      return yield* ctx.fail('at least one environment variable must be provided');
    const overwrite = ctx.flags.bool('overwrite');
    const warnings: string[] = [];
    const status = yield* updatePodSpecs(ctx, found.found, 'env updated', (spec, obj) => {
      const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])].filter((c) =>
        globMatch(pattern, c.name),
      );
      if (containers.length === 0) {
        warnings.push(
          `Warning: ${obj.kind}/${obj.metadata.name} does not have any containers matching "${pattern}"\n`,
        );
        return;
      }
      for (const c of containers) {
        let vars = [...(c.env ?? [])];
        for (const e of env) {
          const i = vars.findIndex((v) => v.name === e.name);
          if (i >= 0 && !overwrite && vars[i].value !== e.value)
            return `'${e.name}' already has a value (${vars[i].value ?? ''}), and --overwrite is false`;
          if (i >= 0) vars[i] = { name: e.name, value: e.value };
          else vars.push({ name: e.name, value: e.value });
        }
        vars = vars.filter((v) => !remove.includes(v.name));
        if (vars.length) c.env = vars;
        else delete c.env;
      }
    });
    for (const w of warnings) yield* ctx.err(w);
    return status;
  },
};

/** envutil.GetEnvVarRefString. */
function envRefString(from: Record<string, unknown>): string {
  const cm = from.configMapKeyRef as { name?: string; key?: string } | undefined;
  if (cm) return `configmap ${cm.name}, key ${cm.key}`;
  const sec = from.secretKeyRef as { name?: string; key?: string } | undefined;
  if (sec) return `secret ${sec.name}, key ${sec.key}`;
  const field = from.fieldRef as { fieldPath?: string } | undefined;
  if (field) return `field path ${field.fieldPath}`;
  const res = from.resourceFieldRef as { containerName?: string; resource?: string } | undefined;
  if (res)
    return `resource ${res.resource}${res.containerName ? `, container ${res.containerName}` : ''}`;
  return 'invalid valueFrom';
}

/** `kubectl set`. */
export const setCommand: CommandSpec = {
  name: 'set',
  group: 'Basic Commands (Beginner):',
  usage: 'set SUBCOMMAND [options]',
  short: 'Set specific features on objects',
  long: 'Change particular parts of existing objects, such as container images or environment variables.',
  subcommands: [setEnvCommand, setImageCommand],
};
