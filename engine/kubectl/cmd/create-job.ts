/**
 * `kubectl create job NAME --image=IMAGE [-- COMMAND…]` and `--from=cronjob/NAME`
 * (kubectl pkg/cmd/create/create_job.go).
 */
import type { KubeObject } from '../../api/object';
import { cloneJson } from '../../api/patch';
import type { CommandContext, CommandSpec } from '../command';
import type { BuildError } from './create-generator';
import { fetchTargets, parseResourceArgs } from '../resource/builder';
import {
  GENERATOR_FLAGS,
  generatedContainer,
  generatedMeta,
  runGenerator,
} from './create-generator';

/** The Job `create job NAME --image` builds (createJob). */
export function jobFromImage(
  name: string,
  image: string,
  command: readonly string[],
  namespace?: string,
): KubeObject {
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: generatedMeta(name, namespace),
    spec: {
      template: {
        metadata: { creationTimestamp: null },
        spec: {
          containers: [generatedContainer(name, image, command)],
          restartPolicy: 'Never',
        },
      },
    },
    status: {},
  } as KubeObject;
}

/**
 * The Job `create job NAME --from=cronjob/CJ` builds (createJobFromCronJob): the CronJob's job
 * template, its labels, its annotations plus `cronjob.kubernetes.io/instantiate: manual`, and a
 * controller reference to the CronJob (without blockOwnerDeletion, as kubectl leaves it out).
 */
export function jobFromCronJob(name: string, cronJob: KubeObject, namespace?: string): KubeObject {
  const template = ((cronJob.spec as { jobTemplate?: Record<string, unknown> } | undefined)
    ?.jobTemplate ?? {}) as {
    metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
    spec?: unknown;
  };
  const annotations: Record<string, string> = { 'cronjob.kubernetes.io/instantiate': 'manual' };
  for (const [k, v] of Object.entries(template.metadata?.annotations ?? {})) annotations[k] = v;
  const labels = template.metadata?.labels;
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: generatedMeta(name, namespace, {
      ...(labels && Object.keys(labels).length ? { labels: { ...labels } } : {}),
      annotations,
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          name: cronJob.metadata.name,
          uid: cronJob.metadata.uid,
          controller: true,
        },
      ],
    }),
    spec: cloneJson(template.spec ?? {}),
    status: {},
  } as KubeObject;
}

/** Reads the `--from` CronJob as the builder does (`cronjob/NAME`). */
function fromCronJob(ctx: CommandContext, from: string): KubeObject | BuildError {
  const parsed = parseResourceArgs([from]);
  if (!parsed.ok) return { failure: parsed.error };
  if (parsed.targets.length !== 1 || parsed.targets[0].name === undefined)
    return { failure: 'from must be an existing cronjob' };
  const fetched = fetchTargets(ctx.cluster.server, parsed.targets, {
    namespace: ctx.namespace,
    allNamespaces: false,
  });
  const first = fetched[0];
  if (!first.ok) {
    return { failure: first.error };
  }
  if (first.object.kind !== 'CronJob')
    return { failure: `unknown object type *v1.${first.object.kind}` };
  return first.object;
}

/** The `create job` subcommand. */
export const createJobCommand: CommandSpec = {
  name: 'job',
  usage: 'job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]',
  short: 'Create a job with the specified name',
  long: 'Create a Job that runs IMAGE once (with an optional command), or a one-off Job from the job template of a CronJob.',
  examples: [
    '  # A Job that runs a container once',
    '  kubectl create job pi --image=perl:5.34.0 -- perl -Mbignum=bpi -wle "print bpi(200)"',
    '',
    '  # Start a run of CronJob "backup" right now',
    '  kubectl create job backup-now --from=cronjob/backup',
  ].join('\n'),
  flags: [
    ...GENERATOR_FLAGS,
    { name: 'image', type: 'string', usage: 'Image for the container to run.' },
    {
      name: 'from',
      type: 'string',
      usage: 'The resource to create the Job from (only cronjob/NAME is supported).',
    },
  ],
  *run(ctx) {
    const image = ctx.flags.string('image');
    const from = ctx.flags.string('from');
    return yield* runGenerator(ctx, {
      wrapError: 'failed to create job',
      validate() {
        if ((image === '' && from === '') || (image !== '' && from !== ''))
          return 'either --image or --from must be specified';
        if (ctx.args.length > 1 && from !== '') return 'cannot specify --from and command';
        return undefined;
      },
      build(c, name) {
        const namespace = c.namespaceExplicit ? c.namespace : undefined;
        if (image !== '') return jobFromImage(name, image, c.args.slice(1), namespace);
        const cj = fromCronJob(c, from);
        if ('failure' in cj) return cj;
        return jobFromCronJob(name, cj, namespace);
      },
    });
  },
};
