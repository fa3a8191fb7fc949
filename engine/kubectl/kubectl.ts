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
import { getCommand } from './cmd/get';
import { explainCommand } from './cmd/explain';
import { topCommand } from './cmd/top';
import { describeCommand } from './cmd/describe';
import { apiResourcesCommand } from './cmd/api-resources';
import { logsCommand } from './cmd/logs';
import { attachCommand } from './cmd/attach';
import { execCommand } from './cmd/exec';
import { runCommand } from './cmd/run';
import { exposeCommand } from './cmd/expose';
import { eventsCommand } from './cmd/events';
import { labelCommand } from './cmd/label';
import { annotateCommand } from './cmd/annotate';
import { taintCommand } from './cmd/taint';
import { patchCommand } from './cmd/patch';
import { scaleCommand } from './cmd/scale';
import { setCommand } from './cmd/set';
import { rolloutCommand } from './cmd/rollout';
import { waitCommand } from './cmd/wait';
import { cordonCommand, drainCommand, uncordonCommand } from './cmd/drain';
import { createCommand } from './cmd/create';
import { deleteCommand } from './cmd/delete';
import { applyCommand } from './cmd/apply';
import { replaceCommand } from './cmd/replace';
import { editCommand } from './cmd/edit';

/**
 * Every top-level verb, in kubectl 1.32's root help order (groups: Basic (Beginner), Basic
 * (Intermediate), Deploy, Cluster Management, Troubleshooting, Advanced, Settings, Other).
 */
export const VERBS: CommandSpec[] = [
  createCommand,
  exposeCommand,
  runCommand,
  setCommand,
  explainCommand,
  getCommand,
  editCommand,
  deleteCommand,
  rolloutCommand,
  scaleCommand,
  clusterInfoCommand,
  topCommand,
  cordonCommand,
  uncordonCommand,
  drainCommand,
  taintCommand,
  describeCommand,
  logsCommand,
  attachCommand,
  execCommand,
  eventsCommand,
  applyCommand,
  patchCommand,
  replaceCommand,
  waitCommand,
  labelCommand,
  annotateCommand,
  apiResourcesCommand,
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
