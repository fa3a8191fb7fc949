/**
 * Help output in kubectl's layout (k8s.io/kubectl/pkg/util/templates): description, Examples,
 * Available Commands, Options (`    -n, --name='default':` then the usage on a tab-indented line),
 * Usage, and the closing hints. The prose of every command is Podlab's own.
 */
import type { CommandSpec } from './command';
import type { FlagDef } from './flags';

function defaultText(def: FlagDef): string {
  const d = def.default;
  switch (def.type) {
    case 'bool':
      return String(d ?? false);
    case 'int':
      return String(d ?? 0);
    case 'duration':
      return String(d ?? '0s');
    case 'stringArray':
    case 'stringSlice':
      return `[${Array.isArray(d) ? d.join(',') : ''}]`;
    case 'stringToString':
      return '[]';
    default:
      return `'${d ?? ''}'`;
  }
}

/** The Options block for a list of flags, sorted by name as kubectl prints them. */
export function renderFlags(flags: readonly FlagDef[]): string {
  return [...flags]
    .filter((f) => !f.hidden)
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map(
      (f) => `    ${f.short ? `-${f.short}, ` : ''}--${f.name}=${defaultText(f)}:\n\t${f.usage}\n`,
    )
    .join('\n');
}

/** Help text for the last command of `chain` (root first). */
export function renderHelp(chain: readonly CommandSpec[]): string {
  const cmd = chain[chain.length - 1];
  const isRoot = chain.length === 1;
  let out = `${cmd.long ?? cmd.short}\n\n`;
  if (isRoot) {
    const groups = new Map<string, CommandSpec[]>();
    for (const sub of cmd.subcommands ?? []) {
      if (sub.hidden) continue;
      const g = sub.group ?? 'Other Commands:';
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g)!.push(sub);
    }
    for (const [title, subs] of groups) {
      out += `${title}\n${subs.map((s) => `  ${s.name.padEnd(15)} ${s.short}`).join('\n')}\n\n`;
    }
    out += 'Usage:\n  kubectl [flags] [options]\n\n';
    out += 'Use "kubectl <command> --help" for more information about a given command.\n';
    out +=
      'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
    return out;
  }
  if (cmd.examples) out += `Examples:\n${cmd.examples.replace(/\n*$/, '')}\n\n`;
  const subs = (cmd.subcommands ?? []).filter((s) => !s.hidden);
  if (subs.length) {
    const width = Math.max(...subs.map((s) => s.name.length)) + 3;
    out += `Available Commands:\n${subs.map((s) => `  ${s.name.padEnd(width)}${s.short}`).join('\n')}\n\n`;
  }
  const local = cmd.flags ?? [];
  if (local.filter((f) => !f.hidden).length) out += `Options:\n${renderFlags(local)}\n`;
  const prefix = chain
    .slice(0, -1)
    .map((c) => c.name)
    .join(' ');
  out += `Usage:\n  ${prefix} ${cmd.usage}\n\n`;
  if (subs.length)
    out += `Use "${chain.map((c) => c.name).join(' ')} <command> --help" for more information about a given command.\n`;
  out +=
    'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return out;
}
