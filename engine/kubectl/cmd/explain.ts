/**
 * `kubectl explain` (kubectl pkg/cmd/explain/explain.go): documentation of a resource or of a
 * field path (`job.spec.backoffLimit`), from the schema generated at build time out of the
 * Kubernetes API types (engine/api/schema, scripts/gen-schema.mjs).
 */
import { RESOURCES, apiVersionOf, resolveResource } from '../../api/resources';
import { explain } from '../../api/schema/explain';
import type { CommandSpec } from '../command';

/** The explain command. */
export const explainCommand: CommandSpec = {
  name: 'explain',
  group: 'Basic Commands (Intermediate):',
  usage:
    'explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  short: 'Get documentation for a resource',
  long: `Show what the fields of a resource type mean, as the API server documents them.

 Name a type (pods, jobs.batch) to see its top-level fields, or follow a path of fields with dots
(jobs.spec.template.spec.containers) to read about one field and the fields below it.`,
  examples: `  # What is a job, and which fields does it have?
  kubectl explain jobs

  # One field of a job
  kubectl explain job.spec.backoffLimit

  # The whole field tree of a CronJob, names only
  kubectl explain cronjobs --recursive

  # A type in an explicit API version
  kubectl explain deployments --api-version=apps/v1`,
  flags: [
    {
      name: 'api-version',
      type: 'string',
      usage: 'Explain the type in this API version (group/version).',
    },
    {
      name: 'output',
      short: 'o',
      type: 'string',
      default: 'plaintext',
      usage: 'How to render the schema. Valid values are: (plaintext, plaintext-openapiv2).',
    },
    {
      name: 'recursive',
      type: 'bool',
      usage: 'List the names of all fields below the type or field instead of their descriptions.',
    },
  ],
  *run(ctx) {
    if (ctx.args.length === 0)
      return yield* ctx.fail(
        'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
      );
    if (ctx.args.length > 1)
      return yield* ctx.fail('We accept only this format: explain RESOURCE\n');
    const path = ctx.args[0];
    const resourceName = path.split('.')[0];
    const info = resolveResource(resourceName);
    if (!info) return yield* ctx.fail(`the server doesn't have a resource type "${resourceName}"`);
    const apiVersion = ctx.flags.string('api-version');
    if (apiVersion !== '' && apiVersion !== apiVersionOf(info)) {
      const slash = apiVersion.lastIndexOf('/');
      const group = slash >= 0 ? apiVersion.slice(0, slash) : '';
      const version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
      const gv = `${group ? `${group}/` : ''}${version}`;
      // openapiv3 explain: a served group/version without this resource fails in the template.
      if (RESOURCES.some((r) => apiVersionOf(r) === gv))
        return yield* ctx.fail(
          `GVR (${gv}, Resource=${info.resource}) not found in OpenAPI schema`,
        );
      return yield* ctx.fail(
        `couldn't find resource for "${group ? `${group}/` : ''}${version}, Resource=${info.resource}"`,
      );
    }
    const output = ctx.flags.string('output');
    if (output === 'plaintext-openapiv2') {
      // @simplified: only the OpenAPI v3 rendering (kubectl's default) is implemented.
      return yield* ctx.fail('the plaintext-openapiv2 format is not supported in Podlab');
    }
    if (output !== 'plaintext') return yield* ctx.fail(`unrecognized format: ${output}`);
    // explain.SplitAndParseResourceRequestWithMatchingPrefix: `deployments.apps.spec` names the
    // group after the resource; the group's parts are not field names.
    const parts = path.split('.');
    const groupParts = info.group ? info.group.split('.') : [];
    if (groupParts.length > 0 && groupParts.every((g, i) => parts[1 + i]?.toLowerCase() === g))
      parts.splice(1, groupParts.length);
    const result = explain(parts.join('.'), ctx.flags.bool('recursive'));
    if (!result.ok) return yield* ctx.fail(result.error);
    yield* ctx.out(result.output);
    return 0;
  },
};
