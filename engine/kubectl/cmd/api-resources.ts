/**
 * `kubectl api-resources` (kubectl pkg/cmd/apiresources/apiresources.go, 1.32): the discovery
 * list as a table (`-o wide` adds VERBS and CATEGORIES as Go prints slices), `-o name`, filters
 * by group, scope, verbs and categories, sorted by group (default), name or kind.
 */
import type { CommandSpec } from '../command';
import { createTableWriter } from '../format/tabwriter';
import { RESOURCES, apiVersionOf, type ResourceInfo } from '../../api/resources';

/** Go's strings.Compare as a sort.Stable Less, with the name tie-break of sortableResource. */
function sortResources(list: ResourceInfo[], sortBy: string): ResourceInfo[] {
  const key = (r: ResourceInfo) =>
    sortBy === 'name' ? r.resource : sortBy === 'kind' ? r.kind : r.group;
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  // Array.prototype.sort is stable, as sort.Stable is.
  return list.sort((a, b) => {
    const c = cmp(key(a), key(b));
    if (c !== 0) return c;
    return cmp(a.resource, b.resource);
  });
}

/** The api-resources command. */
export const apiResourcesCommand: CommandSpec = {
  name: 'api-resources',
  group: 'Other Commands:',
  usage: 'api-resources [flags] [options]',
  short: 'Print the supported API resources on the server',
  long: 'List the resource types the API server serves, with their short names, API version, scope and kind.',
  examples: `  # Every resource type of the cluster
  kubectl api-resources

  # With verbs and categories
  kubectl api-resources -o wide

  # Sorted by kind
  kubectl api-resources --sort-by=kind

  # Only the cluster-wide types
  kubectl api-resources --namespaced=false

  # Only the types of the batch group
  kubectl api-resources --api-group=batch

  # Only types that can be listed and watched
  kubectl api-resources --verbs=list,watch`,
  flags: [
    { name: 'api-group', type: 'string', usage: 'Only show resources of this API group.' },
    { name: 'cached', type: 'bool', usage: 'Answer from the discovery cache when possible.' },
    {
      name: 'categories',
      type: 'stringSlice',
      usage: 'Only show resources that belong to all of these categories.',
    },
    {
      name: 'namespaced',
      type: 'bool',
      default: true,
      usage: 'true: only namespaced resources; false: only cluster-wide ones (when given).',
    },
    {
      name: 'no-headers',
      type: 'bool',
      usage: 'Leave out the header row of the default and wide formats.',
    },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (wide, name).' },
    {
      name: 'sort-by',
      type: 'string',
      usage: "Sort the resources by 'name' or by 'kind' (default: by API group).",
    },
    {
      name: 'verbs',
      type: 'stringSlice',
      usage: 'Only show resources that support all of these verbs.',
    },
  ],
  *run(ctx) {
    const f = ctx.flags;
    if (ctx.args.length > 0)
      return yield* ctx.usageError(`unexpected arguments: [${ctx.args.join(' ')}]`);
    const output = f.string('output');
    if (output !== '' && output !== 'wide' && output !== 'name')
      return yield* ctx.fail(`--output ${output} is not available`);
    const sortBy = f.string('sort-by');
    if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind')
      return yield* ctx.fail('--sort-by accepts only name or kind');
    const verbs = f.strings('verbs');
    const categories = f.strings('categories');
    // @simplified: only the resource types the simulation serves are listed.
    let list = RESOURCES.filter((r) => {
      if (f.changed('api-group') && r.group !== f.string('api-group')) return false;
      if (f.changed('namespaced') && r.namespaced !== f.bool('namespaced')) return false;
      if (verbs.some((v) => !r.verbs.includes(v))) return false;
      if (categories.some((c) => !r.categories.includes(c))) return false;
      return true;
    });
    list = sortResources([...list], sortBy);
    const w = createTableWriter();
    if (output !== 'name' && !f.bool('no-headers')) {
      const headers = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'];
      if (output === 'wide') headers.push('VERBS', 'CATEGORIES');
      w.write(`${headers.join('\t')}\n`);
    }
    for (const r of list) {
      if (output === 'name') {
        w.write(`${r.resource}${r.group ? `.${r.group}` : ''}\n`);
        continue;
      }
      const cells = [
        r.resource,
        r.shortNames.join(','),
        apiVersionOf(r),
        String(r.namespaced),
        r.kind,
      ];
      if (output === 'wide') cells.push(`[${r.verbs.join(' ')}]`, `[${r.categories.join(' ')}]`);
      w.write(`${cells.join('\t')}\n`);
    }
    w.flush();
    yield* ctx.out(w.takeOutput());
    return 0;
  },
};
