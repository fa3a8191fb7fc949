/**
 * The real kubectl 1.32 client as an oracle for client-side behaviour (dry-run output, argument
 * and flag errors). It runs with an unreachable kubeconfig, so anything that needs a server shows
 * up as a connection error and is not used as a case.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a kubectl invocation printed. */
export interface Outcome {
  stdout: string;
  stderr: string;
  code: number;
}

/** Whether a kubectl 1.32 client is installed here. */
export function kubectlAvailable(): boolean {
  const r = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  return r.status === 0 && /Client Version: v1\.32\./.test(r.stdout);
}

let home: string | undefined;

function kubeHome(): string {
  if (home) return home;
  home = join(tmpdir(), 'podlab-kubectl-oracle');
  mkdirSync(home, { recursive: true });
  // A context whose server refuses connections at once: client-side work still happens.
  writeFileSync(
    join(home, 'config'),
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]',
      'users: [{name: u, user: {token: podlab}}]',
      'contexts: [{name: c, context: {cluster: c, user: u}}]',
      'current-context: c',
      '',
    ].join('\n'),
  );
  return home;
}

/**
 * The local client is a distribution build whose error path differs from upstream's cmdutil:
 * it capitalises cobra's `Error:` and logs CheckErr failures through klog. Upstream prints both
 * as `error: <msg>` (k8s.io/kubectl/pkg/cmd/util/helpers.go#fatal), which is what Podlab matches.
 */
export function normalizeDistribution(stderr: string): string {
  return stderr
    .split('\n')
    .map((line) => {
      if (line.startsWith('Error: ')) return `error: ${line.slice(7)}`;
      const klog = /^E\d{4} [\d:.]+ +\d+ [\w.]+:\d+\] "command failed" err=(".*")$/.exec(line);
      if (klog) return `error: ${JSON.parse(klog[1]) as string}`;
      return line;
    })
    .join('\n');
}

/** Runs the real kubectl with `args` (and optional stdin) in a scratch directory. */
export function runRealKubectl(args: readonly string[], stdin = ''): Outcome {
  const dir = kubeHome();
  const r = spawnSync('kubectl', [...args], {
    cwd: dir,
    input: stdin,
    encoding: 'utf8',
    timeout: 20_000,
    env: { PATH: process.env.PATH ?? '', HOME: dir, KUBECONFIG: join(dir, 'config') },
  });
  return { stdout: r.stdout, stderr: normalizeDistribution(r.stderr), code: r.status ?? 1 };
}

/** Whether the outcome shows kubectl tried to reach a server (such a case tests nothing here). */
export function neededServer(o: Outcome): boolean {
  return /127\.0\.0\.1:1|connection refused|Unable to connect to the server/.test(o.stderr);
}
