/** `kubectl create cronjob NAME --image=IMAGE --schedule=SPEC` (kubectl pkg/cmd/create/create_cronjob.go). */
import type { KubeObject } from '../../api/object';
import type { CommandSpec } from '../command';
import {
  GENERATOR_FLAGS,
  generatedContainer,
  generatedMeta,
  missingRequired,
  runGenerator,
} from './create-generator';

/** The CronJob the generator builds (createCronJob), in Go field order. */
export function generatedCronJob(
  name: string,
  image: string,
  schedule: string,
  restart: string,
  command: readonly string[],
  namespace?: string,
): KubeObject {
  return {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    metadata: generatedMeta(name, namespace),
    spec: {
      schedule,
      jobTemplate: {
        metadata: generatedMeta(name, undefined),
        spec: {
          template: {
            metadata: { creationTimestamp: null },
            spec: {
              containers: [generatedContainer(name, image, command)],
              ...(restart ? { restartPolicy: restart } : {}),
            },
          },
        },
      },
    },
    status: {},
  } as KubeObject;
}

/** The `create cronjob` subcommand. */
export const createCronJobCommand: CommandSpec = {
  name: 'cronjob',
  aliases: ['cj'],
  usage:
    "cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...] [flags] [options]",
  short: 'Create a cron job with the specified name',
  long: 'Create a CronJob that starts a Job running IMAGE on the given cron schedule.',
  examples: [
    '  # Say hello every minute',
    '  kubectl create cronjob hello --image=busybox:1.28 --schedule="*/1 * * * *" -- echo hello',
  ].join('\n'),
  flags: [
    ...GENERATOR_FLAGS,
    { name: 'image', type: 'string', usage: 'Image for the container to run.' },
    { name: 'schedule', type: 'string', usage: 'When to run the job, in cron format.' },
    {
      name: 'restart',
      type: 'string',
      usage: "The pods' restart policy. Supported values: OnFailure, Never",
    },
  ],
  *run(ctx) {
    const missing = missingRequired(ctx, ['image', 'schedule']);
    if (missing) return yield* ctx.fail(missing);
    return yield* runGenerator(ctx, {
      wrapError: 'failed to create cronjob',
      build(c, name) {
        return generatedCronJob(
          name,
          c.flags.string('image'),
          c.flags.string('schedule'),
          // create_cronjob.go#Complete: an empty --restart means OnFailure.
          c.flags.string('restart') || 'OnFailure',
          c.args.slice(1),
          c.namespaceExplicit ? c.namespace : undefined,
        );
      },
    });
  },
};
