/**
 * `kubectl apply view-last-applied` (kubectl pkg/cmd/apply/apply_view_last_applied.go): prints
 * the last-applied-configuration annotation of objects, as YAML (default) or indented JSON.
 */
import type { KubeObject } from '../../api/object';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { marshalYaml } from '../printers';
import {
  fetchTargets,
  parseResourceArgs,
  parseSelectors,
  MISSING_RESOURCE_ERROR,
} from '../resource/builder';
import { filenameFlags, WRITE_SELECTOR_FLAG } from './common-flags';
import { readLiveFileObjects } from './file-infos';
import { LAST_APPLIED } from './last-applied';

/** Go's json.Indent(dst, src, "", "  ") of compact JSON text (the annotation's own text). */
function indentJson(text: string): string {
  try {
    const trailing = text.endsWith('\n') ? '\n' : '';
    return JSON.stringify(JSON.parse(text), null, 2) + trailing;
  } catch {
    return text;
  }
}

function* runView(ctx: CommandContext): CommandResult {
  const output = ctx.flags.string('output');
  if (output !== 'yaml' && output !== 'json')
    return yield* ctx.fail(
      `unexpected -o output mode: ${output}, the flag 'output' must be one of yaml|json`,
    );
  const objects: KubeObject[] = [];
  if (ctx.flags.strings('filename').length > 0) {
    const live = yield* readLiveFileObjects(ctx);
    if (!live.ok)
      return 'status' in live ? yield* ctx.statusError(live.status) : yield* ctx.fail(live.error);
    for (const { object } of live.items) objects.push(object);
  } else {
    if (ctx.args.length === 0) return yield* ctx.fail(MISSING_RESOURCE_ERROR);
    const parsed = parseResourceArgs(ctx.args);
    if (!parsed.ok) return yield* ctx.fail(parsed.error);
    const selecting = ctx.flags.bool('all') || ctx.flags.string('selector') !== '';
    if (parsed.mode === 'list' && !selecting)
      return yield* ctx.fail('resource(s) were provided, but no name was specified');
    const sel = parseSelectors(ctx.flags.string('selector'), undefined);
    if (!sel.ok) return yield* ctx.fail(sel.error);
    for (const r of fetchTargets(
      ctx.cluster.server,
      parsed.targets,
      { namespace: ctx.namespace, allNamespaces: false },
      sel.value,
    )) {
      if (!r.ok) return yield* ctx.statusError(r.error);
      objects.push(r.object);
    }
  }
  let out = '';
  for (const obj of objects) {
    const text = obj.metadata.annotations?.[LAST_APPLIED];
    if (text === undefined)
      return yield* ctx.fail(
        `no last-applied-configuration annotation found on resource: ${obj.metadata.name}`,
      );
    if (output === 'json') out += indentJson(text);
    else {
      try {
        out += marshalYaml(JSON.parse(text));
      } catch {
        out += text;
      }
    }
  }
  yield* ctx.out(out);
  return 0;
}

/** The `apply view-last-applied` subcommand. */
export const viewLastAppliedCommand: CommandSpec = {
  name: 'view-last-applied',
  usage: 'view-last-applied (TYPE [NAME | -l label] | TYPE/NAME | -f FILENAME) [options]',
  short: 'View the latest last-applied-configuration annotations of a resource/object',
  long: 'Print what kubectl apply last applied to objects (their last-applied-configuration annotation), as YAML or JSON.',
  examples: [
    '  # What was last applied to job pi',
    '  kubectl apply view-last-applied job/pi',
  ].join('\n'),
  flags: [
    { name: 'all', type: 'bool', usage: 'Every object of the given types in the namespace.' },
    ...filenameFlags('naming the objects'),
    {
      name: 'output',
      short: 'o',
      type: 'string',
      default: 'yaml',
      usage: 'Output format: yaml or json.',
    },
    WRITE_SELECTOR_FLAG,
  ],
  run: runView,
};
