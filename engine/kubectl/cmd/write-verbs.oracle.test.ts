/**
 * Client-side behaviour of the write verbs compared live with the real kubectl 1.32 (skipped
 * where it is not installed): argument errors, generators, print flags.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubectlWorkstation } from './workstation-testing';
import { kubectlAvailable, runRealKubectl } from '../differential/real-kubectl.oracle';

const NS = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: w\n';

const CASES = [
  'apply -f ns.yaml extra',
  'apply -f nope.yaml',
  'apply -f ns.yaml --validate=bad',
  'replace -f ns.yaml --grace-period=3',
  'replace -f ns.yaml --timeout=3s',
  'create -f nope.yaml',
  'create -f ns.yaml --dry-run=bad',
  'delete -f nope.yaml',
  'delete -f ns.yaml pods',
  'delete pods x --now --grace-period=3',
  'delete pods --all --field-selector=a=b',
  'delete pods x --all',
  'delete pods x --cascade=bad',
  'edit',
  'edit -f nope.yaml',
  'create job x --image=b --from=cronjob/y',
  'create job x --from=cronjob/y -- echo',
  'create job x --image=b --dry-run=client -o wide',
  'create job x --image=b --dry-run=client --save-config -o yaml',
  'create deployment x --image=a --image=b -- echo',
  'create deployment d --image=b --dry-run=client --save-config -o json',
  'create configmap',
  'create configmap c --from-literal=a',
  'create configmap c --from-literal=a=1 --from-literal=b=2 --dry-run=client -o json',
  'create service externalname x --external-name=Bar_com',
  'create service externalname x --external-name=bar.com --dry-run=client -o json',
  'create service loadbalancer x --tcp=80 --dry-run=client -o yaml',
  'create service clusterip x --tcp=80:http --dry-run=client -o yaml',
  'create service clusterip x --tcp=80:Bad --dry-run=client',
  'create service clusterip x --tcp=99999 --dry-run=client',
  'create cronjob c --image=b --schedule=x --dry-run=client -o json -n foo',
  'create namespace n --dry-run=client -o json',
];

/** The real client's discovery noise when it cannot reach a server. */
function withoutDiscoveryNoise(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => !/^E\d{4} .*memcache\.go/.test(l))
    .join('\n');
}

describe.skipIf(!kubectlAvailable())('write verbs match the installed kubectl', () => {
  const dir = join(tmpdir(), 'podlab-kubectl-oracle');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'ns.yaml'), NS);
  const { k } = kubectlWorkstation({ files: { 'ns.yaml': NS } });
  for (const c of CASES) {
    it(`kubectl ${c}`, () => {
      const args = c.split(' ');
      const real = runRealKubectl(args);
      const ours = k(...args);
      expect(ours).toEqual({ ...real, stderr: withoutDiscoveryNoise(real.stderr) });
    });
  }
});
