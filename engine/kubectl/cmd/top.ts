/**
 * `kubectl top node|pod` (kubectl pkg/cmd/top): resource usage from the Metrics API. Podlab runs
 * no metrics-server, so after checking its arguments each command reports, as kubectl does when
 * the metrics.k8s.io group is missing, `error: Metrics API not available`.
 */
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import type { FlagDef } from '../flags';
import { ALL_NAMESPACES_FLAG, SELECTOR_FLAG } from './get-flags';

const PROTOBUF_FLAG: FlagDef = {
  name: 'use-protocol-buffers',
  type: 'bool',
  default: true,
  usage: 'Talk to the Metrics API with protocol buffers.',
};

/** top_pod.go / top_node.go Complete + Validate, then the missing Metrics API. */
function* runTop(ctx: CommandContext, use: string): CommandResult {
  if (ctx.args.length > 1) return yield* ctx.usageError(use);
  const sortBy = ctx.flags.string('sort-by');
  if (sortBy !== '' && sortBy !== 'cpu' && sortBy !== 'memory')
    return yield* ctx.fail('--sort-by accepts only cpu or memory');
  if (ctx.args.length === 1 && ctx.flags.string('selector') !== '')
    return yield* ctx.fail('only one of NAME or --selector can be provided');
  // @simplified: no metrics-server (and no usage accounting) in the simulation.
  return yield* ctx.fail('Metrics API not available');
}

const topPod: CommandSpec = {
  name: 'pod',
  aliases: ['pods', 'po'],
  usage: 'pod [NAME | -l label] [options]',
  short: 'Display resource (CPU/memory) usage of pods',
  long: `Show how much CPU and memory pods use, as reported by the Metrics API.

 Fresh pods may have no numbers yet: the metrics pipeline samples them with some delay.`,
  examples: `  # Usage of the pods of the current namespace
  kubectl top pod

  # Usage of one pod, per container
  kubectl top pod web-0 --containers

  # Usage of the pods labelled app=web
  kubectl top pod -l app=web`,
  flags: [
    ALL_NAMESPACES_FLAG,
    { name: 'containers', type: 'bool', usage: 'Show the usage of each container of the pods.' },
    {
      name: 'field-selector',
      type: 'string',
      usage: "Field query to filter by, with '=', '==' and '!='.",
    },
    { name: 'no-headers', type: 'bool', usage: 'Leave out the header row.' },
    SELECTOR_FLAG,
    { name: 'sort-by', type: 'string', usage: "Sort the pods by 'cpu' or by 'memory'." },
    { name: 'sum', type: 'bool', usage: 'Add a line with the total usage.' },
    PROTOBUF_FLAG,
  ],
  run: (ctx) => runTop(ctx, 'pod [NAME | -l label]'),
};

const topNode: CommandSpec = {
  name: 'node',
  aliases: ['nodes', 'no'],
  usage: 'node [NAME | -l label] [options]',
  short: 'Display resource (CPU/memory) usage of nodes',
  long: 'Show how much CPU and memory the nodes use, as reported by the Metrics API.',
  examples: `  # Usage of every node
  kubectl top node

  # Usage of one node
  kubectl top node node01`,
  flags: [
    { name: 'no-headers', type: 'bool', usage: 'Leave out the header row.' },
    SELECTOR_FLAG,
    {
      name: 'show-capacity',
      type: 'bool',
      usage: 'Compare usage with the capacity of the nodes instead of their allocatable resources.',
    },
    { name: 'sort-by', type: 'string', usage: "Sort the nodes by 'cpu' or by 'memory'." },
    PROTOBUF_FLAG,
  ],
  run: (ctx) => runTop(ctx, 'node [NAME | -l label]'),
};

/** The top command (help only; the work is in its subcommands). */
export const topCommand: CommandSpec = {
  name: 'top',
  group: 'Cluster Management Commands:',
  usage: 'top [flags] [options]',
  short: 'Display resource (CPU/memory) usage',
  long: `Show how much CPU and memory nodes and pods use.

 The numbers come from the Metrics API, which needs a working metrics-server in the cluster.`,
  subcommands: [topNode, topPod],
};
