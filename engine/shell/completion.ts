/**
 * Tab completion on the workstation, as bash with kubectl's completion script loaded offers it:
 * command names, file names, and for kubectl its verbs, flags, resource types and the names of
 * the objects in the cluster.
 */
import type { Completion } from './readline';
import type { Vfs } from '../runtime/fs';
import { resolvePath } from '../runtime/fs';
import type { ApiServer } from '../api/apiserver';
import { RESOURCES, resolveResource } from '../api/resources';
import type { CommandSpec } from '../kubectl/command';

/** What completion may look at. */
export interface CompletionContext {
  fs: Vfs;
  cwd(): string;
  path(): string;
  builtins: readonly string[];
  server: ApiServer;
  kubectl: CommandSpec;
}

/** Verbs whose next argument is a resource type. */
const TYPED_VERBS = new Set([
  'get',
  'describe',
  'delete',
  'edit',
  'label',
  'annotate',
  'patch',
  'explain',
  'scale',
  'wait',
]);

function files(ctx: CompletionContext, word: string): { candidates: string[]; dirs: Set<string> } {
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const base = slash >= 0 ? word.slice(slash + 1) : word;
  const dir = resolvePath(
    ctx.cwd(),
    dirPart.startsWith('~/') ? dirPart.replace(/^~/, '/home/learner') : dirPart || '.',
  );
  const entries = ctx.fs.readdir(dir);
  const dirs = new Set<string>();
  if (!entries.ok) return { candidates: [], dirs };
  const candidates: string[] = [];
  for (const name of entries.value) {
    if (!name.startsWith(base) || (name.startsWith('.') && !base.startsWith('.'))) continue;
    const st = ctx.fs.stat(`${dir}/${name}`);
    const full = dirPart + name + (st.ok && st.value.type === 'dir' ? '/' : '');
    if (st.ok && st.value.type === 'dir') dirs.add(full);
    candidates.push(full);
  }
  return { candidates, dirs };
}

function commands(ctx: CompletionContext, word: string): string[] {
  const names = new Set(ctx.builtins.filter((b) => b.startsWith(word)));
  for (const dir of ctx.path().split(':')) {
    const entries = ctx.fs.readdir(dir || '.');
    if (!entries.ok) continue;
    for (const name of entries.value) if (name.startsWith(word)) names.add(name);
  }
  return [...names].sort();
}

function resourceNames(word: string): string[] {
  const names = new Set<string>();
  for (const r of RESOURCES)
    for (const n of [r.resource, r.singular, ...r.shortNames]) if (n.startsWith(word)) names.add(n);
  return [...names].sort();
}

function objectNames(
  ctx: CompletionContext,
  type: string,
  namespace: string,
  word: string,
): string[] {
  const info = resolveResource(type);
  if (!info) return [];
  return ctx.server
    .list(info.kind, { namespace: info.namespaced ? namespace : undefined })
    .map((o) => o.metadata.name!)
    .filter((n) => n.startsWith(word))
    .sort();
}

function kubectlCompletion(
  ctx: CompletionContext,
  words: string[],
  word: string,
): Completion['candidates'] {
  const args = words.slice(1);
  const nsIndex = args.findIndex((a) => a === '-n' || a === '--namespace');
  const namespace = nsIndex >= 0 && args[nsIndex + 1] ? args[nsIndex + 1] : 'default';
  const positional = args.filter(
    (a, i) =>
      !a.startsWith('-') && !(i > 0 && (args[i - 1] === '-n' || args[i - 1] === '--namespace')),
  );
  if (word.startsWith('-')) {
    const verb = ctx.kubectl.subcommands?.find((c) => c.name === positional[0]);
    const flags = [...(verb?.flags ?? []), { name: 'namespace' }];
    return flags
      .map((f) => `--${f.name}`)
      .filter((f) => f.startsWith(word))
      .sort();
  }
  if (positional.length === 0)
    return (ctx.kubectl.subcommands ?? [])
      .filter((c) => !c.hidden)
      .map((c) => c.name)
      .filter((n) => n.startsWith(word))
      .sort();
  const verb = positional[0];
  if (['logs', 'exec', 'attach'].includes(verb)) return objectNames(ctx, 'pods', namespace, word);
  if (['cordon', 'uncordon', 'drain', 'taint'].includes(verb)) {
    if (verb === 'taint' && positional.length === 1)
      return ['nodes', 'node'].filter((n) => n.startsWith(word));
    return objectNames(ctx, 'nodes', namespace, word);
  }
  if (TYPED_VERBS.has(verb) || verb === 'rollout' || verb === 'set') {
    const rest = positional.slice(verb === 'rollout' || verb === 'set' ? 2 : 1);
    if (word.includes('/')) {
      const [type, partial] = word.split('/');
      return objectNames(ctx, type, namespace, partial).map((n) => `${type}/${n}`);
    }
    if (rest.length === 0) return resourceNames(word);
    return objectNames(ctx, rest[0], namespace, word);
  }
  return [];
}

/** Completes the word before `cursor` in `line`. */
export function completeLine(
  ctx: CompletionContext,
  line: string,
  cursor: number,
): Completion | undefined {
  const before = line.slice(0, cursor);
  const start = before.search(/\S*$/);
  const word = before.slice(start);
  const words = before.slice(0, start).trim().split(/\s+/).filter(Boolean);
  // The command of the current pipeline stage / list element.
  const lastSep = Math.max(...['|', ';', '&&', '||'].map((s) => words.lastIndexOf(s)));
  const stage = words.slice(lastSep + 1);
  if (stage.length === 0 && !word.includes('/')) return { start, candidates: commands(ctx, word) };
  if (stage[0] === 'kubectl' || stage[0] === 'k') {
    const candidates = kubectlCompletion(ctx, stage, word);
    if (candidates.length) return { start, candidates };
  }
  const f = files(ctx, word);
  return { start, candidates: f.candidates.sort(), terminal: (c) => !f.dirs.has(c) };
}
