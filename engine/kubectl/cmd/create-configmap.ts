/**
 * `kubectl create configmap NAME --from-literal=K=V --from-file=[KEY=]PATH`
 * (kubectl pkg/cmd/create/create_configmap.go; literal and file sources only).
 */
import type { KubeObject } from '../../api/object';
import type { CommandSpec } from '../command';
import { GENERATOR_FLAGS, generatedMeta, runGenerator } from './create-generator';
import { resolvePath } from '../../runtime/fs';
import { utf8Decode } from '../../util/utf8';

/** The `create configmap` subcommand. */
export const createConfigMapCommand: CommandSpec = {
  name: 'configmap',
  aliases: ['cm'],
  usage:
    'configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
  short: 'Create a config map from a local file, directory or literal value',
  long: 'Create a ConfigMap whose keys come from literal key=value pairs or from files (the key is the file name unless given).',
  examples: [
    '  # Two literal keys',
    '  kubectl create configmap settings --from-literal=mode=fast --from-literal=level=3',
    '',
    '  # A key holding the content of a file',
    '  kubectl create configmap script --from-file=run.sh',
  ].join('\n'),
  flags: [
    ...GENERATOR_FLAGS,
    {
      name: 'append-hash',
      type: 'bool',
      usage: 'Append a hash of the content to the name of the config map.',
    },
    {
      name: 'from-env-file',
      type: 'stringSlice',
      usage: 'Files of KEY=VALUE lines (like a Docker .env file) to read keys from.',
    },
    {
      name: 'from-file',
      type: 'stringSlice',
      usage: 'A file to read a key from ([key=]path); the key defaults to the file name.',
    },
    {
      name: 'from-literal',
      type: 'stringArray',
      usage: 'A key and literal value to add (key=value).',
    },
  ],
  *run(ctx) {
    return yield* runGenerator(ctx, {
      build(c, name) {
        const data: Record<string, string> = {};
        const add = (key: string, value: string): string | undefined => {
          if (key in data)
            return `cannot add key "${key}", another key by that name already exists in Data for ConfigMap "${name}"`;
          data[key] = value;
          return undefined;
        };
        for (const lit of c.flags.strings('from-literal')) {
          const eq = lit.indexOf('=');
          if (eq <= 0) return { failure: `invalid literal source ${lit}, expected key=value` };
          const dup = add(lit.slice(0, eq), lit.slice(eq + 1));
          if (dup) return { failure: dup };
        }
        for (const src of c.flags.strings('from-file')) {
          const eq = src.indexOf('=');
          const path = eq >= 0 ? src.slice(eq + 1) : src;
          const key = eq >= 0 ? src.slice(0, eq) : (path.split('/').pop() ?? path);
          const r = c.proc.ns.fs.readFile(resolvePath(c.proc.cwd, path));
          if (!r.ok) return { failure: `error reading ${path}: no such file or directory` };
          const dup = add(key, utf8Decode(r.value));
          if (dup) return { failure: dup };
        }
        for (const envFile of c.flags.strings('from-env-file')) {
          const r = c.proc.ns.fs.readFile(resolvePath(c.proc.cwd, envFile));
          if (!r.ok) return { failure: `error reading ${envFile}: no such file or directory` };
          for (const line of utf8Decode(r.value).split('\n')) {
            const t = line.trim();
            if (t === '' || t.startsWith('#')) continue;
            const eq = t.indexOf('=');
            const dup = add(eq >= 0 ? t.slice(0, eq) : t, eq >= 0 ? t.slice(eq + 1) : '');
            if (dup) return { failure: dup };
          }
        }
        // @simplified: --append-hash and directory sources are not supported.
        return {
          kind: 'ConfigMap',
          apiVersion: 'v1',
          metadata: generatedMeta(name, c.namespaceExplicit ? c.namespace : undefined),
          // data is a Go map: encoded with sorted keys.
          ...(Object.keys(data).length
            ? {
                data: Object.fromEntries(
                  Object.entries(data).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
                ),
              }
            : {}),
        } as KubeObject;
      },
    });
  },
};
