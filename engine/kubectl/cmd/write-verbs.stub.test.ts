/**
 * Write verbs whose client-side output needs to read the cluster, compared with the real kubectl
 * 1.32 talking to the stub API server (engine/testing/oracle/server.ts) that serves the objects
 * of a Podlab simulation: `create job --from=cronjob`, client dry runs of apply and delete, and
 * `apply view-last-applied`. Skipped when kubectl is not installed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlWorkstation } from './workstation-testing';
import { hasKubectl, startOracle, type OracleServer } from '../../testing/oracle/server';

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
  labels: {app: pi}
spec:
  template:
    spec:
      containers:
      - name: pi
        image: busybox
        command: ["sh", "-c", "echo hi"]
      restartPolicy: Never
`;
const NEW =
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fresh\n  annotations: {note: "a<b"}\ndata:\n  k: v\n';
const CHANGED = JOB.replace('spec:\n  template', 'spec:\n  activeDeadlineSeconds: 60\n  template');

describe.skipIf(!hasKubectl)('write verbs that read the cluster match the real kubectl', () => {
  const { sim, k: podlab } = kubectlWorkstation({
    files: { 'job.yaml': JOB, 'changed.yaml': CHANGED, 'new.yaml': NEW },
  });
  const dir = mkdtempSync(join(tmpdir(), 'podlab-write-'));
  writeFileSync(join(dir, 'job.yaml'), JOB);
  writeFileSync(join(dir, 'changed.yaml'), CHANGED);
  writeFileSync(join(dir, 'new.yaml'), NEW);
  let oracle: OracleServer;

  beforeAll(async () => {
    podlab('apply', '-f', 'job.yaml');
    podlab('create', 'cronjob', 'hello', '--image=busybox', '--schedule=*/5 * * * *', '--', 'date');
    const objects = ['Job', 'CronJob'].flatMap((kind) => sim.server.list(kind));
    oracle = await startOracle(objects);
  });
  afterAll(async () => {
    await oracle?.close();
  });

  const cases: Array<{ ours: string[]; real: string[] }> = [
    ['create', 'job', 'now', '--from=cronjob/hello', '--dry-run=client', '-o', 'yaml'],
    ['create', 'job', 'now', '--from=cronjob/hello', '--dry-run=client', '-o', 'json'],
    ['create', 'job', 'now', '--from=cronjob/nope', '--dry-run=client'],
    ['apply', '-f', 'changed.yaml', '--dry-run=client', '--validate=false'],
    ['apply', '-f', 'changed.yaml', '--dry-run=client', '--validate=false', '-o', 'yaml'],
    ['apply', '-f', 'job.yaml', '--dry-run=client', '--validate=false', '-o', 'json'],
    ['create', '-f', 'job.yaml', '--dry-run=client', '--validate=false', '-o', 'yaml'],
    ['replace', '-f', 'job.yaml', '--dry-run=client', '--validate=false'],
    ['delete', '-f', 'job.yaml', '--dry-run=client'],
    ['replace', '-f', 'changed.yaml', '--dry-run=client', '--validate=false', '-o', 'json'],
    ['create', '-f', 'changed.yaml', '--dry-run=client', '--validate=false', '-o', 'name'],
    [
      'apply',
      '-f',
      'job.yaml',
      '-f',
      'changed.yaml',
      '--dry-run=client',
      '--validate=false',
      '-o',
      'yaml',
    ],
    ['delete', 'job', 'nope', '--dry-run=client'],
    ['apply', '-f', 'new.yaml', '--dry-run=client', '--validate=false', '-o', 'yaml'],
    ['apply', '-f', 'new.yaml', '--dry-run=client', '--validate=false', '-o', 'json'],
    ['apply', '-f', 'new.yaml', '-n', 'other', '--dry-run=client', '--validate=false'],
    [
      'create',
      '-f',
      'new.yaml',
      '--save-config',
      '--dry-run=client',
      '--validate=false',
      '-o',
      'json',
    ],
    ['delete', 'job', 'nope', '--ignore-not-found', '--dry-run=client'],
    ['create', 'job', 'x', '--from=job/pi', '--dry-run=client'],
    ['delete', 'job', 'pi', '--dry-run=client'],
    ['delete', 'jobs', '--all', '--dry-run=client'],
    ['delete', 'job/pi', 'cronjob/hello', '--dry-run=client', '-o', 'name'],
    ['apply', 'view-last-applied', 'job/pi'],
    ['apply', 'set-last-applied', '-f', 'changed.yaml', '--dry-run=client'],
    ['apply', 'set-last-applied', '-f', 'changed.yaml', '--dry-run=client', '-o', 'yaml'],
    ['apply', 'set-last-applied', '-f', 'new.yaml', '--dry-run=client'],
    ['apply', 'set-last-applied'],
    ['apply', 'view-last-applied', 'job/pi', '-o', 'json'],
  ].map((args) => ({
    ours: args,
    real: args.map((a) => (a.endsWith('.yaml') ? join(dir, a) : a)),
  }));

  for (const c of cases) {
    it(`kubectl ${c.ours.join(' ')}`, async () => {
      const real = await oracle.kubectl(c.real);
      const ours = podlab(...c.ours);
      expect({ stdout: ours.stdout, stderr: ours.stderr, code: ours.code }).toEqual({
        stdout: real.stdout.split(dir + '/').join(''),
        stderr: real.stderr.split(dir + '/').join(''),
        code: real.status,
      });
    });
  }
});
