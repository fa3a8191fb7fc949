/**
 * `kubectl patch` (kubectl pkg/cmd/patch/patch.go): send a strategic merge, JSON merge or JSON
 * patch (given inline as JSON or YAML, or from --patch-file) and report `patched` or
 * `patched (no change)`.
 */
import { parseDocument } from 'yaml';
import type { JsonValue, KubeObject } from '../../api/object';
import type { PatchType } from '../../api/apiserver';
import type { CommandSpec } from '../command';
import { dryRunStrategy, withDryRun } from './dry-run';
import {
  MUTATE_DRY_RUN_FLAG,
  MUTATE_PRINT_FLAGS,
  fieldManagerFlag,
  filenameOptionFlags,
} from './common-flags';
import {
  canonicalJson,
  collectTargets,
  outputError,
  printErrors,
  printResult,
} from './mutate-common';

const PATCH_TYPES = ['json', 'merge', 'strategic'];

/** Parses patch text as yaml.ToJSON does (JSON is YAML). */
export function parsePatch(
  text: string,
): { ok: true; value: JsonValue } | { ok: false; error: string } {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) {
    // @simplified: the YAML parser's message, not go-yaml's wording.
    return {
      ok: false,
      error: `unable to parse "${text}": yaml: ${doc.errors[0].message.split('\n')[0]}`,
    };
  }
  return { ok: true, value: (doc.toJS() ?? null) as JsonValue };
}

/** The patch command. */
export const patchCommand: CommandSpec = {
  name: 'patch',
  group: 'Advanced Commands:',
  usage: 'patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
  short: 'Update fields of a resource',
  long: 'Change fields of an object with a patch: a strategic merge patch (the default, which merges lists such as containers by name), a JSON merge patch, or a JSON patch (a list of operations). The patch may be JSON or YAML.',
  examples:
    '  # Suspend a cron job\n  kubectl patch cronjob hello -p \'{"spec":{"suspend":true}}\'\n\n' +
    '  # Change the image of one container (merged by name)\n  kubectl patch deployment web -p \'{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}}}\'\n\n' +
    '  # Replace a list element with a JSON patch\n  kubectl patch pod p --type=json -p \'[{"op":"replace","path":"/spec/containers/0/image","value":"busybox:1.37"}]\'',
  flags: [
    ...MUTATE_PRINT_FLAGS,
    MUTATE_DRY_RUN_FLAG,
    fieldManagerFlag('kubectl-patch'),
    ...filenameOptionFlags('identifying the resource to update'),
    {
      name: 'local',
      type: 'bool',
      usage:
        'If true, patch will operate on the content of the file, not the server-side resource.',
    },
    {
      name: 'patch',
      short: 'p',
      type: 'string',
      usage: 'The patch to be applied to the resource JSON file.',
    },
    {
      name: 'patch-file',
      type: 'string',
      usage: 'A file containing a patch to be applied to the resource.',
    },
    {
      name: 'subresource',
      type: 'string',
      usage: 'If specified, patch will operate on the subresource of the requested object.',
    },
    {
      name: 'type',
      type: 'string',
      default: 'strategic',
      usage: 'The type of patch being provided; one of [json merge strategic]',
    },
  ],
  *run(ctx) {
    const dryRun = dryRunStrategy(ctx.flags);
    if (!dryRun.ok) return yield* ctx.fail(dryRun.error);
    const dry = dryRun.value;
    const outErr = outputError(ctx);
    if (outErr) return yield* ctx.fail(outErr);
    const inline = ctx.flags.string('patch');
    const file = ctx.flags.string('patch-file');
    if (inline && file) return yield* ctx.fail('cannot specify --patch and --patch-file together');
    if (!inline && !file)
      return yield* ctx.fail(
        'must specify --patch or --patch-file containing the contents of the patch',
      );
    const local = ctx.flags.bool('local');
    if (local && ctx.args.length !== 0)
      return yield* ctx.fail('cannot specify --local and server resources');
    if (local && dry === 'server')
      return yield* ctx.fail(
        'cannot specify --local and --dry-run=server - did you mean --dry-run=client?',
      );
    const typed = ctx.flags.string('type');
    if (typed && !PATCH_TYPES.includes(typed.toLowerCase()))
      return yield* ctx.fail(
        `--type must be one of [${PATCH_TYPES.join(' ')}], not ${JSON.stringify(typed)}`,
      );
    const sub = ctx.flags.string('subresource');
    if (sub && sub !== 'status' && sub !== 'scale')
      return yield* ctx.fail(`invalid subresource value: "${sub}". Must be one of [status scale]`);
    const type = (typed || 'strategic').toLowerCase() as PatchType;
    let text = inline;
    if (file) {
      const r = yield* ctx.readFile(file);
      if (!r.ok) return yield* ctx.fail(`unable to read patch file: ${r.error}`);
      text = r.text;
    }
    const body = parsePatch(text);
    if (!body.ok) return yield* ctx.fail(body.error);
    // @simplified: -k and --local (patching a file offline) are accepted but select nothing.
    const found = yield* collectTargets(ctx, ctx.args);
    if ('error' in found) return yield* ctx.fail(found.error);
    if (found.found.length + found.errors.length === 0)
      return yield* ctx.fail('no objects passed to patch');
    let status = 0;
    for (const { object } of found.found) {
      if (dry === 'client') {
        yield* printResult(ctx, object, withDryRun('patched', dry));
        continue;
      }
      const r = ctx.cluster.server.patch(
        object.kind,
        object.metadata.namespace ?? '',
        object.metadata.name!,
        type,
        body.value,
        {
          dryRun: dry === 'server',
          ...(sub === 'status' ? { subresource: 'status' as const } : {}),
        },
      );
      if (!r.ok) {
        yield* ctx.statusError(r.error);
        status = 1;
        continue;
      }
      const changed = canonicalJson(object) !== canonicalJson(r.value);
      const result: KubeObject = r.value;
      yield* printResult(ctx, result, withDryRun(changed ? 'patched' : 'patched (no change)', dry));
    }
    const errStatus = yield* printErrors(ctx, found.errors);
    return status || errStatus;
  },
};
