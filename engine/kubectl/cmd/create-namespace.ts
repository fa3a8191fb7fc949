/** `kubectl create namespace NAME` (kubectl pkg/cmd/create/create_namespace.go). */
import type { KubeObject } from '../../api/object';
import type { CommandSpec } from '../command';
import { GENERATOR_FLAGS, generatedMeta, runGenerator } from './create-generator';

/** The `create namespace` subcommand. */
export const createNamespaceCommand: CommandSpec = {
  name: 'namespace',
  aliases: ['ns'],
  usage: 'namespace NAME [--dry-run=server|client|none] [options]',
  short: 'Create a namespace with the specified name',
  long: 'Create a namespace with the given name.',
  examples: ['  # A namespace called work', '  kubectl create namespace work'].join('\n'),
  flags: GENERATOR_FLAGS,
  *run(ctx) {
    return yield* runGenerator(ctx, {
      build(_c, name): KubeObject {
        return {
          kind: 'Namespace',
          apiVersion: 'v1',
          metadata: generatedMeta(name, undefined),
          spec: {},
          status: {},
        } as KubeObject;
      },
    });
  },
};
