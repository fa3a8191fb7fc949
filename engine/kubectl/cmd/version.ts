/** `kubectl version`: client, kustomize and server versions (kubectl pkg/cmd/version). */
import type { CommandSpec } from '../command';
import { CLIENT_VERSION, KUSTOMIZE_VERSION, SERVER_VERSION } from '../version-info';

/** The version command. */
export const versionCommand: CommandSpec = {
  name: 'version',
  group: 'Other Commands:',
  usage: 'version [flags] [options]',
  short: 'Print the client and server version information',
  long: 'Print the version of this kubectl and of the cluster it talks to.',
  examples: '  # Show the versions of kubectl and of the API server\n  kubectl version',
  flags: [
    {
      name: 'client',
      type: 'bool',
      usage: 'If true, shows client version only (no server required).',
    },
    { name: 'output', short: 'o', type: 'string', usage: "One of 'yaml' or 'json'." },
  ],
  *run(ctx) {
    const output = ctx.flags.string('output');
    if (output !== '' && output !== 'yaml' && output !== 'json')
      return yield* ctx.fail("--output must be 'yaml' or 'json'");
    if (ctx.args.length > 0)
      return yield* ctx.fail(`unexpected arguments: [${ctx.args.join(' ')}]`);
    const client = ctx.flags.bool('client');
    if (output === 'json') {
      const doc: Record<string, unknown> = {
        clientVersion: CLIENT_VERSION,
        kustomizeVersion: KUSTOMIZE_VERSION,
      };
      if (!client) doc.serverVersion = SERVER_VERSION;
      yield* ctx.out(`${JSON.stringify(doc, null, 2)}\n`);
      return 0;
    }
    if (output === 'yaml') {
      const block = (title: string, v: typeof CLIENT_VERSION) =>
        `${title}:\n${Object.entries(v)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, x]) => `  ${k}: ${/^\d+$/.test(x) ? `"${x}"` : x}`)
          .join('\n')}\n`;
      let text =
        block('clientVersion', CLIENT_VERSION) + `kustomizeVersion: ${KUSTOMIZE_VERSION}\n`;
      if (!client) text += block('serverVersion', SERVER_VERSION);
      yield* ctx.out(text);
      return 0;
    }
    let text = `Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`;
    if (!client) text += `Server Version: ${SERVER_VERSION.gitVersion}\n`;
    yield* ctx.out(text);
    return 0;
  },
};
