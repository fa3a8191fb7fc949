/** `kubectl create deployment NAME --image=IMAGE…` (kubectl pkg/cmd/create/create_deployment.go). */
import type { KubeObject } from '../../api/object';
import { NAME_SUFFIX_ALPHABET } from '../../api/apiserver';
import type { Rng } from '../../random';
import type { CommandSpec } from '../command';
import {
  GENERATOR_FLAGS,
  generatedContainer,
  generatedMeta,
  missingRequired,
  runGenerator,
} from './create-generator';

/**
 * The container name for an image (buildPodSpec): the last path part without tag or digest;
 * `.` and `_` become `-` plus a random 5-character suffix (sanitizeAndUniquify).
 */
export function containerNameForImage(image: string, rng: Rng): string {
  let name = image.split('/').pop() ?? image;
  if (name.includes(':')) name = name.split(':')[0];
  if (name.includes('@')) name = name.split('@')[0];
  if (/[_.]/.test(name))
    name = `${name.replace(/_/g, '-').replace(/\./g, '-')}-${rng.chars(NAME_SUFFIX_ALPHABET, 5)}`;
  return name;
}

/** The Deployment the generator builds (createDeployment), in Go field order. */
export function generatedDeployment(
  name: string,
  images: readonly string[],
  replicas: number,
  port: number,
  command: readonly string[],
  rng: Rng,
  namespace?: string,
): KubeObject {
  const containers = images.map((image, i) =>
    generatedContainer(
      containerNameForImage(image, rng),
      image,
      command,
      i === 0 && port >= 0 ? [{ containerPort: port }] : undefined,
    ),
  );
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: generatedMeta(name, namespace, { labels: { app: name } }),
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { creationTimestamp: null, labels: { app: name } },
        spec: { containers },
      },
      strategy: {},
    },
    status: {},
  } as KubeObject;
}

/** The `create deployment` subcommand. */
export const createDeploymentCommand: CommandSpec = {
  name: 'deployment',
  aliases: ['deploy'],
  usage: 'deployment NAME --image=image -- [COMMAND] [args...] [options]',
  short: 'Create a deployment with the specified name',
  long: 'Create a Deployment running one container per --image, labelled app=NAME.',
  examples: [
    '  # Three nginx replicas exposing port 80',
    '  kubectl create deployment web --image=nginx --replicas=3 --port=80',
  ].join('\n'),
  flags: [
    ...GENERATOR_FLAGS,
    { name: 'image', type: 'stringSlice', usage: 'Image names to run, one container each.' },
    {
      name: 'port',
      type: 'int',
      default: -1,
      usage: 'The containerPort the first container exposes.',
    },
    {
      name: 'replicas',
      short: 'r',
      type: 'int',
      default: 1,
      usage: 'Number of replicas to create. Default is 1.',
    },
  ],
  *run(ctx) {
    const missing = missingRequired(ctx, ['image']);
    if (missing) return yield* ctx.fail(missing);
    return yield* runGenerator(ctx, {
      wrapError: 'failed to create deployment',
      validate(c) {
        if (c.flags.strings('image').length > 1 && c.args.length > 1)
          return 'cannot specify multiple --image options and command';
        return undefined;
      },
      build(c, name) {
        return generatedDeployment(
          name,
          c.flags.strings('image'),
          c.flags.changed('replicas') ? c.flags.int('replicas') : 1,
          c.flags.changed('port') ? c.flags.int('port') : -1,
          c.args.slice(1),
          c.proc.rng,
          c.namespaceExplicit ? c.namespace : undefined,
        );
      },
    });
  },
};
