import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { createWorkstation } from '../shell/workstation';
import { runOnWorkstation } from '../testing/run-command';
import { GOLDEN_START } from '../testing/test-cluster';

function setup() {
  const sim = createSimulation({ seed: 1, start: GOLDEN_START });
  const ws = createWorkstation(sim);
  return (...args: string[]) => runOnWorkstation(sim, ws, ['kubectl', ...args]);
}

describe('kubectl command dispatch', () => {
  it('prints versions', () => {
    const k = setup();
    expect(k('version')).toEqual({
      stdout: 'Client Version: v1.32.0\nKustomize Version: v5.5.0\nServer Version: v1.32.0\n',
      stderr: '',
      code: 0,
    });
    expect(k('version', '--client').stdout).toBe(
      'Client Version: v1.32.0\nKustomize Version: v5.5.0\n',
    );
    expect(k('version', '-o', 'bad')).toEqual({
      stdout: '',
      stderr: "error: --output must be 'yaml' or 'json'\n",
      code: 1,
    });
  });

  it('reports flag errors as kubectl does', () => {
    const k = setup();
    expect(k('version', '--foo')).toEqual({
      stdout: '',
      stderr: "error: unknown flag: --foo\nSee 'kubectl version --help' for usage.\n",
      code: 1,
    });
    expect(k('version', '-x').stderr).toBe(
      "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl version --help' for usage.\n",
    );
    expect(k('version', '-o').stderr).toBe(
      "error: flag needs an argument: 'o' in -o\nSee 'kubectl version --help' for usage.\n",
    );
    expect(k('version', '--client=maybe').stderr).toBe(
      'error: invalid argument "maybe" for "--client" flag: strconv.ParseBool: parsing "maybe": invalid syntax\nSee \'kubectl version --help\' for usage.\n',
    );
  });

  it('reports unknown commands with suggestions', () => {
    const k = setup();
    expect(k('verison')).toEqual({
      stdout: '',
      stderr: 'error: unknown command "verison" for "kubectl"\n\nDid you mean this?\n\tversion\n',
      code: 1,
    });
  });

  it('prints cluster-info with the control plane address', () => {
    const k = setup();
    expect(k('cluster-info').stdout).toBe(
      '\x1b[0;32mKubernetes control plane\x1b[0m is running at \x1b[0;33mhttps://172.18.0.2:6443\x1b[0m\n' +
        '\x1b[0;32mCoreDNS\x1b[0m is running at \x1b[0;33mhttps://172.18.0.2:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\x1b[0m\n' +
        "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });

  it('shows help in kubectl layout', () => {
    const k = setup();
    const help = k('version', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(
      'Options:\n    --client=false:\n\tIf true, shows client version only (no server required).\n',
    );
    expect(help.stdout).toContain(
      'Usage:\n  kubectl version [flags] [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n',
    );
  });
});
