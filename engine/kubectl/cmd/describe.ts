/**
 * `kubectl describe` (kubectl pkg/cmd/describe/describe.go): the describer text of each object,
 * separated by a blank line; `TYPE PREFIX` falls back to every object whose name starts with
 * PREFIX when no object has that exact name (DescribeMatchingResources).
 */
import type { CommandSpec } from '../command';
import { describe as describeObject, type DescribeContext } from '../printers';
import { ALL_NAMESPACES_FLAG, CHUNK_SIZE_FLAG, FILENAME_FLAGS, SELECTOR_FLAG } from './get-flags';
import { gather, isNotFound, printErrors } from './resource-args';

const EXAMPLES = `  # Everything about one node
  kubectl describe nodes node01

  # A pod, with its containers, conditions and recent events
  kubectl describe pods/web-0

  # Every job whose name starts with "backup-"
  kubectl describe jobs backup-

  # The pods selected by a label
  kubectl describe pods -l app=web

  # The objects a manifest names
  kubectl describe -f job.yaml`;

/** The describe command. */
export const describeCommand: CommandSpec = {
  name: 'describe',
  group: 'Troubleshooting and Debugging Commands:',
  usage: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  short: 'Show details of a specific resource or group of resources',
  long: `Print a readable report about objects and what happened to them: their settings, status,
related objects and recent events.

 An argument after the type is first looked up as an exact name; if no object has that name,
every object whose name begins with it is described. Without a name, all objects of the type in
the namespace (or those matching -l) are described.`,
  examples: EXAMPLES,
  flags: [
    ALL_NAMESPACES_FLAG,
    CHUNK_SIZE_FLAG,
    ...FILENAME_FLAGS.map((f) =>
      f.name === 'filename'
        ? { ...f, usage: 'Files, folders or URLs naming the objects to describe.' }
        : f,
    ),
    SELECTOR_FLAG,
    {
      name: 'show-events',
      type: 'bool',
      default: true,
      usage: 'Include the events that concern each described object.',
    },
  ],
  *run(ctx) {
    const f = ctx.flags;
    const args = ctx.args;
    const filenames = f.strings('filename');
    const kustomize = f.string('kustomize');
    if (args.length === 0 && filenames.length === 0 && kustomize === '')
      return yield* ctx.fail(
        'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
      );
    if (kustomize !== '') {
      // @simplified: kustomize is not part of Podlab.
      return yield* ctx.fail(`kustomize (-k ${kustomize}) is not supported in Podlab`);
    }
    const allNamespaces = f.bool('all-namespaces');
    const gathered = yield* gather(ctx, {
      args,
      filenames,
      recursive: f.bool('recursive'),
      labelSelector: f.string('selector'),
      fieldSelector: '',
      allNamespaces,
    });
    if (!gathered.ok) return yield* ctx.fail(gathered.error);
    const server = ctx.cluster.server;
    const dctx: DescribeContext = { list: (kind) => server.list(kind) };
    const now = ctx.cluster.now();
    const settings = { showEvents: f.bool('show-events') };
    const { infos, errors } = gathered.value;

    // describe.go#Run: `TYPE NAME` that is not found becomes a name-prefix search.
    if (errors.length > 0 && args.length === 2 && errors.every(isNotFound)) {
      const target = gathered.value.targets[0];
      if (gathered.value.mode === 'typeNames' && target) {
        const types = new Set(gathered.value.targets.map((t) => t.info.resource));
        if (types.size > 1) return yield* ctx.fail('you may only specify a single resource type');
        const prefix = args[1];
        const ns = target.info.namespaced ? ctx.namespace : undefined;
        const matching = server
          .list(target.info.kind, { namespace: ns })
          .filter((o) => (o.metadata.name ?? '').startsWith(prefix));
        if (matching.length === 0) return yield* printErrors(ctx, errors);
        for (const o of matching) yield* ctx.out(`${describeObject(o, dctx, now, settings)}\n`);
        return 0;
      }
    }

    const objects = infos.flatMap((i) => i.objects);
    let first = true;
    for (const o of objects) {
      const text = describeObject(o, dctx, now, settings);
      yield* ctx.out(first ? text : `\n\n${text}`);
      first = false;
    }
    if (objects.length === 0 && errors.length === 0) {
      yield* ctx.err(
        allNamespaces
          ? 'No resources found\n'
          : `No resources found in ${ctx.namespace} namespace.\n`,
      );
    }
    return yield* printErrors(ctx, errors);
  },
};
