/**
 * kubectl 1.32 as a program of the simulated workstation: the root command, its verbs, and the
 * entry that turns argv into a dispatch over the command tree.
 */
import type { Program } from '../runtime/kernel';
import { dispatch, type CommandSpec } from './command';
import type { ClusterAccess } from './cluster-access';
import { versionCommand } from './cmd/version';
import { clusterInfoCommand } from './cmd/cluster-info';
import { optionsCommand } from './cmd/options';
import { createCommand } from './cmd/create';
import { deleteCommand } from './cmd/delete';
import { applyCommand } from './cmd/apply';
import { replaceCommand } from './cmd/replace';
import { editCommand } from './cmd/edit';

/** Every top-level verb, in the order root help lists them within their groups. */
export const VERBS: CommandSpec[] = [
  createCommand,
  editCommand,
  deleteCommand,
  clusterInfoCommand,
  applyCommand,
  replaceCommand,
  versionCommand,
  optionsCommand,
];

/** The root `kubectl` command. */
export function rootCommand(verbs: CommandSpec[] = VERBS): CommandSpec {
  return {
    name: 'kubectl',
    usage: '[flags] [options]',
    short: 'kubectl controls the Kubernetes cluster manager.',
    long: 'kubectl talks to the (simulated) Kubernetes cluster: create, inspect, change and delete its objects.',
    subcommands: verbs,
  };
}

/** The `kubectl` program bound to a cluster. */
export function kubectlProgram(cluster: ClusterAccess, verbs: CommandSpec[] = VERBS): Program {
  const root = rootCommand(verbs);
  return function* kubectl(proc) {
    return yield* dispatch(root, proc, cluster, proc.argv.slice(1));
  };
}
