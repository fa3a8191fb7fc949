/** The version facts `kubectl version` reports for Podlab's simulated client and server. */

/** A version.Info as Kubernetes serialises it. */
export interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

/** kubectl v1.32.0 (client) — the release's published build facts. */
export const CLIENT_VERSION: VersionInfo = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0',
  gitCommit: '70d3cc986aa8221cd1dfb1121852688902d3bf53',
  gitTreeState: 'clean',
  buildDate: '2024-12-11T18:05:36Z',
  goVersion: 'go1.23.3',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** The simulated kube-apiserver v1.32.0. */
export const SERVER_VERSION: VersionInfo = { ...CLIENT_VERSION };

/** The kustomize version bundled with kubectl 1.32. */
export const KUSTOMIZE_VERSION = 'v5.5.0';
