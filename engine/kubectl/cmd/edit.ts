/**
 * `kubectl edit` (kubectl pkg/cmd/util/editor/editoptions.go): the objects are written as YAML to
 * a temporary file under a comment header, the workstation's editor ($KUBE_EDITOR, $EDITOR, vi)
 * opens it, and the saved changes are patched into the live objects (`edited`). Invalid changes
 * reopen the file with the server's reasons at the top; saving it unchanged then gives up.
 */
import { decodeStream } from '../../api/decode/documents';
import type { KubeObject } from '../../api/object';
import { cloneJson, jsonEqual, threeWayMerge } from '../../api/patch';
import type { ResourceInfo } from '../../api/resources';
import type { StatusError } from '../../api/errors';
import { findExecutable } from '../../runtime/exec';
import type { Block } from '../../runtime/kernel';
import { utf8Decode, utf8Encode } from '../../util/utf8';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { marshalYaml } from '../printers';
import { fetchTargets, parseResourceArgs, MISSING_RESOURCE_ERROR } from '../resource/builder';
import {
  filenameFlags,
  PRINT_FLAGS,
  SAVE_CONFIG_FLAG,
  VALIDATE_FLAG,
  fieldManagerFlag,
} from './common-flags';
import { readLiveFileObjects, unsupportedFlag } from './file-infos';
import { LAST_APPLIED, lastAppliedAnnotated } from './last-applied';
import { objectPrinter } from './write-output';

export const EDIT_HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
  '# reopened with the relevant failures.\n#\n';

/** What the editor opens first: the header, then the object or a v1 List of the objects. */
export function editText(objects: readonly KubeObject[]): string {
  const body =
    objects.length === 1
      ? marshalYaml(objects[0])
      : marshalYaml({ apiVersion: 'v1', items: objects, kind: 'List', metadata: {} });
  return EDIT_HEADER + body;
}

/** The temporary file the edited text goes to (editor.go's LaunchTempFile, random suffix). */
export function editTempPath(ctx: CommandContext): string {
  return `/tmp/kubectl-edit-${1_000_000_000 + ctx.proc.rng.int(3_000_000_000)}.yaml`;
}

/** One reason written under the header after a failed save. */
interface EditReason {
  head: string;
  other: string[];
}

function headerText(reasons: readonly EditReason[]): string {
  let out = EDIT_HEADER;
  for (const r of reasons) {
    out += r.other.length ? `# ${r.head}:\n` : `# ${r.head}\n`;
    for (const o of r.other) out += `# * ${o.replace(/\n/g, '\n# ')}\n`;
    out += '#\n';
  }
  return out;
}

/** cmdutil.StripComments: drops the lines starting with `#`. */
export function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n');
}

/** `jobs.batch`, `pods`: how edit names a resource in its messages. */
function resourceString(info: ResourceInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}

/** The object as the file shows it (without managedFields). */
function forEditing(obj: KubeObject): KubeObject {
  const copy = cloneJson(obj) as KubeObject;
  if (copy.metadata) delete (copy.metadata as { managedFields?: unknown }).managedFields;
  return copy;
}

// @simplified: --output-patch and --windows-line-endings are accepted but change nothing.
function* runEdit(ctx: CommandContext): CommandResult {
  const f = ctx.flags;
  const unsupported = unsupportedFlag(ctx);
  if (unsupported) return yield* ctx.fail(unsupported);
  const printer = objectPrinter(f);
  if (!printer.ok) return yield* ctx.fail(printer.error);
  // The objects to edit: from -f (read back from the server) or from the arguments.
  const targets: Array<{ info: ResourceInfo; object: KubeObject }> = [];
  if (f.strings('filename').length > 0) {
    const live = yield* readLiveFileObjects(ctx);
    if (!live.ok)
      return 'status' in live ? yield* ctx.statusError(live.status) : yield* ctx.fail(live.error);
    targets.push(...live.items);
  } else {
    if (ctx.args.length === 0) return yield* ctx.fail(MISSING_RESOURCE_ERROR);
    const parsed = parseResourceArgs(ctx.args);
    if (!parsed.ok) return yield* ctx.fail(parsed.error);
    const fetched = fetchTargets(ctx.cluster.server, parsed.targets, {
      namespace: ctx.namespace,
      allNamespaces: false,
    });
    for (const r of fetched) {
      if (!r.ok) return yield* ctx.statusError(r.error);
      targets.push({ info: r.info, object: r.object });
    }
  }
  if (targets.length === 0) return yield* ctx.fail('edit cancelled, no objects found');

  const originals = targets.map((t) => forEditing(t.object));
  const original = editText(originals);
  const path = editTempPath(ctx);
  const fs = ctx.proc.ns.fs;
  let fileText = original;
  let containsError = false;
  let lastEdited = '';
  for (;;) {
    fs.writeFile(path, utf8Encode(fileText));
    const code = yield* launchEditor(ctx, path);
    // editor.go#Launch: an editor that cannot start, or one that fails.
    if (code === undefined)
      return yield* ctx.fail(`unable to launch the editor "${editorCommand(ctx)}"`);
    if (code !== 0)
      return yield* ctx.fail(`there was a problem with the editor "${editorCommand(ctx)}"`);
    const read = fs.readFile(path);
    const edited = read.ok ? utf8Decode(read.value) : '';
    if (containsError && stripComments(edited) === stripComments(lastEdited)) {
      yield* ctx.err(`A copy of your changes has been stored to "${path}"\n`);
      return yield* ctx.fail('Edit cancelled, no valid changes were saved.');
    }
    if (stripComments(original) === stripComments(edited)) {
      fs.unlink(path);
      yield* ctx.err('Edit cancelled, no changes made.\n');
      return 0;
    }
    if (stripComments(edited).trim() === '') {
      fs.unlink(path);
      yield* ctx.err('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    lastEdited = edited;
    const reasons: EditReason[] = [];
    const docs = decodeStream(stripComments(edited));
    const values: KubeObject[] = [];
    let syntax: string | undefined;
    for (const d of docs) {
      if (d.kind === 'error') {
        syntax = d.message;
        break;
      }
      const v = d.value as unknown as KubeObject;
      if (v && typeof v === 'object' && v.kind === 'List' && Array.isArray(v.items))
        values.push(...(v.items as KubeObject[]));
      else if (v) values.push(v);
    }
    if (syntax !== undefined) {
      containsError = true;
      reasons.push({ head: `The edited file had a syntax error: ${syntax}`, other: [] });
      fileText = headerText(reasons) + stripComments(edited).replace(/^\n+/, '');
      continue;
    }
    // visitToPatch: every edited object must still be one of the originals.
    const same = (a: KubeObject, b: KubeObject) =>
      a.apiVersion === b.apiVersion && a.kind === b.kind && a.metadata?.name === b.metadata?.name;
    if (values.some((v) => !v || typeof v !== 'object' || !originals.some((o) => same(o, v)))) {
      yield* ctx.err(`A copy of your changes has been stored to "${path}"\n`);
      return yield* ctx.fail('At least one of apiVersion, kind and name was changed');
    }
    let retry = false;
    for (let i = 0; i < targets.length; i++) {
      const { info } = targets[i];
      const before = originals[i];
      const after = values.find((v) => same(v, before));
      if (!after || jsonEqual(after, before)) {
        const printed = printer.value(before, 'skipped');
        if (printed.ok) yield* ctx.out(printed.text);
        continue;
      }
      const current = ctx.cluster.server.get(
        info.kind,
        before.metadata.namespace ?? '',
        before.metadata.name ?? '',
      );
      if (!current) {
        yield* ctx.err(
          `error: ${resourceString(info)} "${before.metadata.name}" could not be found on the server\n`,
        );
        yield* ctx.err(`The edits you made on deleted resources have been saved to "${path}"\n`);
        return 1;
      }
      let wanted = after;
      // An object managed by apply keeps its annotation in step with the edit.
      if (f.bool('save-config') || current.metadata.annotations?.[LAST_APPLIED] !== undefined)
        wanted = lastAppliedAnnotated(after);
      const merged = threeWayMerge(
        before as never,
        wanted as never,
        current as never,
      ) as unknown as KubeObject;
      const r = ctx.cluster.server.update(merged, {
        namespace: before.metadata.namespace,
        fromClient: true,
      });
      if (!r.ok) {
        const err: StatusError = r.error;
        if (err.reason === 'Invalid') {
          reasons.push({
            head: `${resourceString(info)} "${before.metadata.name}" was not valid`,
            other: (err.details?.causes ?? []).map((c) => `${c.field}: ${c.message}`),
          });
          yield* ctx.err(`error: ${resourceString(info)} "${before.metadata.name}" is invalid\n`);
          retry = true;
          continue;
        }
        yield* ctx.err(
          `error: ${resourceString(info)} "${before.metadata.name}" could not be patched: ${err.message}\n`,
        );
        yield* ctx.err(`You can run \`kubectl replace -f ${path}\` to try this update again.\n`);
        return 1;
      }
      const printed = printer.value(r.value, 'edited');
      if (printed.ok) yield* ctx.out(printed.text);
    }
    if (!retry) {
      fs.unlink(path);
      return 0;
    }
    containsError = true;
    fileText = headerText(reasons) + stripComments(edited).replace(/^\n+/, '');
  }
}

/** $KUBE_EDITOR, then $EDITOR, then vi (editor.go#NewDefaultEditor). */
export function editorCommand(ctx: CommandContext): string {
  return ctx.proc.env.get('KUBE_EDITOR') || ctx.proc.env.get('EDITOR') || 'vi';
}

/** Runs the editor on `path` and returns its exit status (undefined when it cannot be found). */
export function* launchEditor(
  ctx: CommandContext,
  path: string,
): Generator<Block, number | undefined, void> {
  const argv = [...editorCommand(ctx).split(/\s+/).filter(Boolean), path];
  const exe = findExecutable(ctx.proc.ns, ctx.proc.cwd, ctx.proc.env.get('PATH'), argv);
  if (typeof exe === 'string') return undefined;
  const child = ctx.proc.spawn({ program: exe.program, argv: exe.argv });
  return (yield* ctx.proc.wait(child)) ?? 1;
}

/** The `edit` command. */
export const editCommand: CommandSpec = {
  name: 'edit',
  group: 'Basic Commands (Intermediate):',
  usage: 'edit (RESOURCE/NAME | -f FILENAME) [options]',
  short: 'Edit a resource on the server',
  long: 'Open live objects as YAML in the workstation editor ($KUBE_EDITOR, $EDITOR, else vi) and save the changes back to the cluster when the editor is closed. If the server refuses a change, the file opens again with the reasons at the top.',
  examples: [
    '  # Edit a job',
    '  kubectl edit job/pi',
    '',
    '  # Edit with nano',
    '  KUBE_EDITOR=nano kubectl edit cronjob hello',
  ].join('\n'),
  flags: [
    ...PRINT_FLAGS,
    fieldManagerFlag('kubectl-edit'),
    ...filenameFlags('naming the objects to edit'),
    {
      name: 'output-patch',
      type: 'bool',
      usage: 'Print the patch of the edited objects.',
    },
    SAVE_CONFIG_FLAG,
    {
      name: 'subresource',
      type: 'string',
      usage: 'Edit a subresource (status) instead of the object.',
    },
    VALIDATE_FLAG,
    {
      name: 'windows-line-endings',
      type: 'bool',
      usage: "Use Windows line endings in the file (default: the platform's).",
    },
  ],
  run: runEdit,
};
