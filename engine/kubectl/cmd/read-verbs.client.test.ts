/**
 * Client-side errors of the read verbs, as the real kubectl 1.32 prints them (recorded with an
 * unreachable kubeconfig, see ../differential/real-kubectl.oracle.ts; re-checked live when a
 * kubectl 1.32 client is installed).
 */
import { describe, expect, it } from 'vitest';
import { kubectlWorkstation } from './workstation-testing';
import { kubectlAvailable, runRealKubectl } from '../differential/real-kubectl.oracle';

const USAGE_HINT = (path: string) => `See '${path} -h' for help and examples\n`;

/** Command line → stderr of kubectl 1.32 (exit status 1, nothing on stdout). */
const RECORDED: Array<[string[], string]> = [
  [['api-resources', '-o', 'foo'], 'error: --output foo is not available\n'],
  [['api-resources', '--sort-by=foo'], 'error: --sort-by accepts only name or kind\n'],
  [
    ['api-resources', 'x'],
    'error: unexpected arguments: [x]\n' + USAGE_HINT('kubectl api-resources'),
  ],
  [['explain', 'a', 'b'], 'error: We accept only this format: explain RESOURCE\n'],
  [
    ['get', '--watch-only'],
    "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
  ],
  [
    ['get', 'pods', '--output-watch-events'],
    'error: --output-watch-events option can only be used with --watch or --watch-only\n',
  ],
  [
    ['get', 'pods', '--raw', '/api'],
    'error: arguments may not be passed when --raw is specified\n',
  ],
  [
    ['get', '--raw', '/api', '-w', '-o', 'json'],
    'error: --raw may not be specified with other flags that filter the server request or alter the output\n',
  ],
  [['get', '--raw', '/api', '-o', 'wide'], 'error: --raw and --output are mutually exclusive\n'],
  [
    ['get', '--raw', 'x%zz'],
    'error: --raw must be a valid URL path: parse "x%zz": invalid URI for request\n',
  ],
  [['get', '-f', '/nope'], 'error: the path "/nope" does not exist\n'],
  [['describe', '-f', '/nope'], 'error: the path "/nope" does not exist\n'],
  [
    ['get', 'pods', '--show-labels', '-o', 'name'],
    'error: --show-labels option cannot be used with name printer\n',
  ],
  [
    ['get', 'pods', '-w', '--output-watch-events', '--show-labels', '-o', 'json'],
    'error: --show-labels option cannot be used with json printer\n',
  ],
  [['top', 'pod', 'a', 'b'], 'error: pod [NAME | -l label]\n' + USAGE_HINT('kubectl top pod')],
  [['top', 'node', 'a', 'b'], 'error: node [NAME | -l label]\n' + USAGE_HINT('kubectl top node')],
  [['top', 'foo', 'bar'], 'error: unknown command "foo bar"\n' + USAGE_HINT('kubectl top')],
  [['top', 'pod', '--sort-by=disk'], 'error: --sort-by accepts only cpu or memory\n'],
  [['top', 'node', '--sort-by=x'], 'error: --sort-by accepts only cpu or memory\n'],
];

describe('read verbs: client-side errors match kubectl 1.32', () => {
  const { k } = kubectlWorkstation();
  for (const [args, stderr] of RECORDED) {
    it(args.join(' '), () => {
      expect(k(...args)).toEqual({
        stdout: '',
        stderr,
        code: 1,
      });
    });
  }

  it.skipIf(!kubectlAvailable())(
    'the recordings are what the installed kubectl prints',
    () => {
      for (const [args, stderr] of RECORDED) {
        const real = runRealKubectl(args);
        const filtered = real.stderr
          .split('\n')
          .filter((l) => !l.includes('memcache.go'))
          .join('\n');
        expect({ args, stderr: filtered, code: real.code }).toEqual({ args, stderr, code: 1 });
      }
    },
    60_000,
  );
});
