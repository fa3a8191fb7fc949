/**
 * `-f` objects as the write verbs get them from cli-runtime's builder
 * (`.Unstructured().ContinueOnError().NamespaceParam(ns).DefaultNamespace().FilenameParam(enforce, …)`):
 * every object of the files, namespaced ones defaulted to the request namespace, a mismatch with
 * an explicit `-n` reported per object, and `-l` filtering.
 */
import type { KubeObject } from '../../api/object';
import type { StatusError } from '../../api/errors';
import type { ResourceInfo } from '../../api/resources';
import { cloneJson } from '../../api/patch';
import type { ManifestObject } from '../../api/decode/manifest';
import type { Selector } from '../../api/labels';
import { matches } from '../../api/labels';
import type { Block } from '../../runtime/kernel';
import type { CommandContext } from '../command';
import { visitManifests } from '../resource/manifests';

/**
 * The flags Podlab accepts for compatibility but does not model (`--raw`, `--subresource`): the
 * message to fail with when one is set.
 */
export function unsupportedFlag(ctx: CommandContext): string | undefined {
  for (const name of ['raw', 'subresource']) {
    // @simplified: raw REST requests and subresource writes are not offered by Podlab's kubectl.
    if (ctx.flags.changed(name)) return `Podlab does not support --${name}`;
  }
  return undefined;
}

/** One object to act on (a resource.Info), or the error reading it gave. */
export type FileInfo = { ok: true; info: ManifestObject } | { ok: false; error: string };

/** What reading the files gave: the items in order, or an error that stops the command. */
export type FileInfos =
  { ok: true; items: FileInfo[]; streamErrors: string[] } | { ok: false; error: string };

/** Reads every `-f` source with the builder's namespace rules. */
export function* readFileInfos(
  ctx: CommandContext,
  selector?: Selector,
): Generator<Block, FileInfos, void> {
  const filenames = ctx.flags.strings('filename');
  if (ctx.flags.changed('kustomize'))
    // @simplified: kustomize is not part of Podlab's kubectl.
    return {
      ok: false,
      error: 'Podlab does not support -k (kustomize); use -f with plain manifests',
    };
  const validate = ctx.flags.string('validate');
  const visited = yield* visitManifests(ctx.proc, filenames, ctx.flags.bool('recursive'), {
    validate:
      validate === 'false' || validate === 'ignore'
        ? 'ignore'
        : validate === 'warn'
          ? 'warn'
          : 'strict',
  });
  if (visited.fatal !== undefined) return { ok: false, error: visited.fatal };
  const items: FileInfo[] = [];
  for (const item of visited.items) {
    if (!item.ok) {
      items.push(item);
      continue;
    }
    const info = { ...item.value, object: cloneJson(item.value.object) as KubeObject };
    if (info.resource.namespaced) {
      const ns = info.namespace;
      if (ctx.namespaceExplicit && ns && ns !== ctx.namespace) {
        // visitor.go#RequireNamespace
        items.push({
          ok: false,
          error: `the namespace from the provided object "${ns}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${ns}' to perform this operation.`,
        });
        continue;
      }
      if (!ns) {
        info.namespace = ctx.namespace;
        info.object.metadata = { ...(info.object.metadata ?? {}), namespace: ctx.namespace };
      }
    } else {
      info.namespace = '';
    }
    if (selector && !matches(selector, info.object.metadata?.labels ?? {})) continue;
    items.push({ ok: true, info });
  }
  return { ok: true, items, streamErrors: visited.errors };
}

/** The `<kind>.<group>` of an info, lowercased as delete and the name printer write it. */
export function kindDotGroup(info: { kind: string; group: string }): string {
  const kind = info.kind.toLowerCase();
  return info.group ? `${kind}.${info.group}` : kind;
}

/**
 * The live objects the `-f` manifests name, read back from the server as info.Get() does (edit,
 * apply view-last-applied); or the error to fail with, or the API error to report.
 */
export function* readLiveFileObjects(
  ctx: CommandContext,
): Generator<
  Block,
  | { ok: true; items: Array<{ info: ResourceInfo; object: KubeObject }> }
  | { ok: false; error: string }
  | { ok: false; status: StatusError },
  void
> {
  const read = yield* readFileInfos(ctx);
  if (!read.ok) return { ok: false, error: read.error };
  const items: Array<{ info: ResourceInfo; object: KubeObject }> = [];
  for (const item of read.items) {
    if (!item.ok) return { ok: false, error: item.error };
    const live = ctx.cluster.server.read(
      item.info.resource.kind,
      item.info.namespace,
      item.info.name,
    );
    if (!live.ok) return { ok: false, status: live.error };
    items.push({ info: item.info.resource, object: live.value });
  }
  return { ok: true, items };
}
