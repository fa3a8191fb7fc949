import { describe, expect, it } from 'vitest';
import { kubectlWorkstation, PI_JOB as JOB } from './workstation-testing';

function setup(files: Record<string, string> = {}) {
  return kubectlWorkstation({ files });
}

describe('kubectl create', () => {
  it('creates a job from a generator and reports AlreadyExists wrapped', () => {
    const { k, sim } = setup();
    expect(k('create', 'job', 'pi', '--image=busybox')).toEqual({
      stdout: 'job.batch/pi created\n',
      stderr: '',
      code: 0,
    });
    expect(sim.server.get('Job', 'default', 'pi')).toBeDefined();
    expect(k('create', 'job', 'pi', '--image=busybox')).toEqual({
      stdout: '',
      stderr: 'error: failed to create job: jobs.batch "pi" already exists\n',
      code: 1,
    });
    expect(k('create', 'job', 'q', '--image=busybox', '--dry-run=server').stdout).toBe(
      'job.batch/q created (server dry run)\n',
    );
    expect(sim.server.get('Job', 'default', 'q')).toBeUndefined();
  });

  it('creates a job from a cronjob as kubectl does', () => {
    const { k, sim } = setup();
    expect(
      k('create', 'cronjob', 'hello', '--image=busybox', '--schedule=*/5 * * * *').stdout,
    ).toBe('cronjob.batch/hello created\n');
    expect(k('create', 'job', 'now', '--from=cronjob/hello').stdout).toBe(
      'job.batch/now created\n',
    );
    const job = sim.server.get('Job', 'default', 'now')!;
    const cj = sim.server.get('CronJob', 'default', 'hello')!;
    expect(job.metadata.annotations?.['cronjob.kubernetes.io/instantiate']).toBe('manual');
    expect(job.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        name: 'hello',
        uid: cj.metadata.uid,
        controller: true,
      },
    ]);
    expect(k('create', 'job', 'x', '--from=cronjob/nope')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): cronjobs.batch "nope" not found\n',
      code: 1,
    });
  });

  it('creates from files, reporting per-object errors after the others', () => {
    const { k, sim } = setup({ 'job.yaml': JOB });
    expect(k('create', '-f', 'job.yaml')).toEqual({
      stdout: 'job.batch/pi created\n',
      stderr: '',
      code: 0,
    });
    expect(k('create', '-f', 'job.yaml')).toEqual({
      stdout: '',
      stderr:
        'Error from server (AlreadyExists): error when creating "job.yaml": jobs.batch "pi" already exists\n',
      code: 1,
    });
    expect(sim.server.get('Job', 'default', 'pi')).toBeDefined();
  });

  it('reports validation errors in the Invalid form', () => {
    const { k } = setup({
      'bad.yaml': JOB.replace('restartPolicy: Never', 'restartPolicy: Always'),
    });
    expect(k('create', '-f', 'bad.yaml')).toEqual({
      stdout: '',
      stderr:
        'The Job "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"\n',
      code: 1,
    });
  });

  it('reads stdin and prints dry-run objects with the namespace defaulted', () => {
    const { kin } = setup();
    const out = kin(JOB, 'create', '-f', '-', '--dry-run=client', '-o', 'name');
    expect(out.stdout).toBe('job.batch/pi\n');
    const yaml = kin(JOB, 'create', '-f', '-', '--dry-run=client', '-o', 'yaml');
    expect(yaml.stdout).toContain('  namespace: default\n');
  });
});

describe('kubectl delete', () => {
  it('deletes by TYPE NAME and TYPE/NAME and reports NotFound', () => {
    const { k, sim } = setup();
    k('create', 'job', 'a', '--image=busybox');
    k('create', 'job', 'b', '--image=busybox');
    expect(k('delete', 'job', 'a')).toEqual({
      stdout: 'job.batch "a" deleted\n',
      stderr: '',
      code: 0,
    });
    expect(k('delete', 'job/b', 'job/a')).toEqual({
      stdout: 'job.batch "b" deleted\n',
      stderr: 'Error from server (NotFound): jobs.batch "a" not found\n',
      code: 1,
    });
    expect(sim.server.list('Job', { namespace: 'default' })).toEqual([]);
    expect(k('delete', 'job', 'a', '--ignore-not-found').code).toBe(0);
  });

  it('deletes --all and says when there is nothing', () => {
    const { k } = setup();
    expect(k('delete', 'jobs', '--all')).toEqual({
      stdout: 'No resources found\n',
      stderr: '',
      code: 0,
    });
    k('create', 'job', 'a', '--image=busybox');
    k('create', 'job', 'b', '--image=busybox');
    expect(k('delete', 'jobs', '--all', '--dry-run=client').stdout).toBe(
      'job.batch "a" deleted (dry run)\njob.batch "b" deleted (dry run)\n',
    );
    expect(k('delete', 'jobs', '--all').stdout).toBe(
      'job.batch "a" deleted\njob.batch "b" deleted\n',
    );
  });

  it('checks its arguments as kubectl does', () => {
    const { k } = setup();
    expect(k('delete', 'pods').stderr).toBe(
      'error: resource(s) were provided, but no name was specified\n',
    );
    expect(k('delete', 'pods', 'x', '--all').stderr).toBe(
      'error: name cannot be provided when a selector is specified\n',
    );
    expect(k('delete', 'pods', 'x', '--cascade=bad').stderr).toBe(
      'error: invalid cascade value (bad). Must be "background", "foreground", or "orphan"\n',
    );
    expect(k('delete', 'pods', 'x', '-o', 'yaml').stderr).toBe(
      "error: unexpected -o output mode: yaml. We only support '-o name'\n",
    );
    expect(k('delete', 'pods', 'x', '--force', '--grace-period=5').stderr).toBe(
      'error: --force and --grace-period greater than 0 cannot be specified together\n',
    );
  });

  it('waits for a running pod to go and force-deletes with the warning', () => {
    const { k, sim } = setup();
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'sleeper', namespace: 'default' },
      spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] },
    };
    expect(sim.server.create(pod as never).ok).toBe(true);
    sim.advance(20_000);
    expect((sim.server.get('Pod', 'default', 'sleeper')?.status as { phase?: string }).phase).toBe(
      'Running',
    );
    const start = sim.now;
    const out = k('delete', 'pod', 'sleeper');
    expect(out).toEqual({ stdout: 'pod "sleeper" deleted\n', stderr: '', code: 0 });
    expect(sim.server.get('Pod', 'default', 'sleeper')).toBeUndefined();
    // The pod had its grace period: kubectl waited (sleep ignores SIGTERM as PID 1).
    expect(sim.now - start).toBeGreaterThan(1000);
    expect(sim.server.create(pod as never).ok).toBe(true);
    expect(k('delete', 'pod', 'sleeper', '--grace-period=0', '--force')).toEqual({
      stdout: 'pod "sleeper" force deleted\n',
      stderr:
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      code: 0,
    });
  });
});

describe('kubectl apply', () => {
  it('creates, leaves unchanged, configures, and rejects immutable changes', () => {
    const { k, ws, sim } = setup({ 'job.yaml': JOB });
    expect(k('apply', '-f', 'job.yaml')).toEqual({
      stdout: 'job.batch/pi created\n',
      stderr: '',
      code: 0,
    });
    const job = sim.server.get('Job', 'default', 'pi')!;
    expect(job.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"batch/v1","kind":"Job","metadata":{"annotations":{},"name":"pi","namespace":"default"},"spec":{"template":{"spec":{"containers":[{"command":["sh","-c","echo hi"],"image":"busybox","name":"pi"}],"restartPolicy":"Never"}}}}\n',
    );
    expect(k('apply', '-f', 'job.yaml').stdout).toBe('job.batch/pi unchanged\n');
    ws.fs.writeFile(
      '/home/learner/job.yaml',
      JOB.replace('spec:\n  template', 'spec:\n  parallelism: 2\n  template'),
    );
    expect(k('apply', '-f', 'job.yaml').stdout).toBe('job.batch/pi configured\n');
    expect(
      (sim.server.get('Job', 'default', 'pi')!.spec as { parallelism: number }).parallelism,
    ).toBe(2);
    ws.fs.writeFile('/home/learner/job.yaml', JOB.replace('image: busybox', 'image: alpine'));
    const bad = k('apply', '-f', 'job.yaml');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^The Job "pi" is invalid: spec\.template: Invalid value: .*: field is immutable\n$/s,
    );
  });

  it('removes fields dropped from the manifest and warns about a missing annotation', () => {
    const { k, ws, sim } = setup({
      'job.yaml': JOB.replace(
        'spec:\n  template',
        'spec:\n  activeDeadlineSeconds: 100\n  template',
      ),
    });
    k('create', '-f', 'job.yaml');
    const first = k('apply', '-f', 'job.yaml');
    expect(first.stderr).toBe(
      'Warning: resource jobs/pi is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    );
    expect(first.stdout).toBe('job.batch/pi configured\n');
    ws.fs.writeFile('/home/learner/job.yaml', JOB);
    expect(k('apply', '-f', 'job.yaml')).toEqual({
      stdout: 'job.batch/pi configured\n',
      stderr: '',
      code: 0,
    });
    // The field the manifest no longer sets is removed from the live object.
    expect(sim.server.get('Job', 'default', 'pi')!.spec).not.toHaveProperty(
      'activeDeadlineSeconds',
    );
  });

  it('applies folders, multi-document files and stdin, with dry runs', () => {
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: work\n';
    const { k, kin, sim } = setup({
      'm/a.yaml': `${ns}---\n${JOB}`,
      'm/sub/b.yaml': JOB.replace('name: pi', 'name: pi2'),
    });
    expect(k('apply', '-f', 'm', '--dry-run=client').stdout).toBe(
      'namespace/work created (dry run)\njob.batch/pi created (dry run)\n',
    );
    expect(k('apply', '-f', 'm', '-R', '--dry-run=server').stdout).toBe(
      'namespace/work created (server dry run)\njob.batch/pi created (server dry run)\njob.batch/pi2 created (server dry run)\n',
    );
    expect(sim.server.get('Namespace', '', 'work')).toBeUndefined();
    expect(kin(JOB, 'apply', '-f', '-').stdout).toBe('job.batch/pi created\n');
    expect(k('apply').stderr).toBe('error: must specify one of -f and -k\n');
    expect(k('apply', '-f', 'nope.yaml').stderr).toBe(
      'error: the path "nope.yaml" does not exist\n',
    );
  });
});

describe('kubectl apply extras', () => {
  it('re-creates on an immutable change with --force and shows the last applied configuration', () => {
    const { k, ws, sim } = setup({ 'job.yaml': JOB });
    k('apply', '-f', 'job.yaml');
    const uid = sim.server.get('Job', 'default', 'pi')!.metadata.uid;
    expect(k('apply', 'view-last-applied', 'job/pi').stdout).toBe(
      'apiVersion: batch/v1\nkind: Job\nmetadata:\n  annotations: {}\n  name: pi\n  namespace: default\nspec:\n  template:\n    spec:\n      containers:\n      - command:\n        - sh\n        - -c\n        - echo hi\n        image: busybox\n        name: pi\n      restartPolicy: Never\n',
    );
    ws.fs.writeFile('/home/learner/job.yaml', JOB.replace('image: busybox', 'image: alpine'));
    expect(k('apply', '-f', 'job.yaml', '--force')).toEqual({
      stdout: 'job.batch/pi configured\n',
      stderr: '',
      code: 0,
    });
    const job = sim.server.get('Job', 'default', 'pi')!;
    expect(job.metadata.uid).not.toBe(uid);
  });
});

describe('kubectl apply printing', () => {
  it('prints several objects as one List with -o, and file objects on a client dry run', () => {
    const cm = (n: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${n}\ndata:\n  a: "1"\n`;
    const { k } = setup({ 'cms.yaml': `${cm('a')}---\n${cm('b')}` });
    const out = k('apply', '-f', 'cms.yaml', '--dry-run=client', '-o', 'yaml');
    expect(out.stdout.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n')).toBe(true);
    expect(out.stdout.endsWith('kind: List\nmetadata: {}\n')).toBe(true);
    k('apply', '-f', 'cms.yaml');
    const again = k('apply', '-f', 'cms.yaml', '--dry-run=client', '-o', 'name');
    expect(again.stdout).toBe('configmap/a\nconfigmap/b\n');
    expect(k('apply', '-f', 'cms.yaml', '--dry-run=client').stdout).toBe(
      'configmap/a configured (dry run)\nconfigmap/b configured (dry run)\n',
    );
  });
});

describe('field validation', () => {
  const TYPO = JOB.replace('spec:\n  template', 'spec:\n  backOffLimit: 4\n  template');
  it('rejects unknown fields by default and warns with --validate=warn', () => {
    const { k } = setup({ 'job.yaml': TYPO });
    expect(k('apply', '-f', 'job.yaml')).toEqual({
      stdout: '',
      stderr:
        'Error from server (BadRequest): error when creating "job.yaml": Job in version "v1" cannot be handled as a Job: strict decoding error: unknown field "spec.backOffLimit"\n',
      code: 1,
    });
    expect(k('apply', '-f', 'job.yaml', '--validate=warn')).toEqual({
      stdout: 'job.batch/pi created\n',
      stderr: 'Warning: unknown field "spec.backOffLimit"\n',
      code: 0,
    });
  });
});

describe('typed output', () => {
  it('prints a created job in Go struct order', () => {
    const { k } = setup();
    const out = JSON.parse(k('create', 'job', 'j', '--image=busybox', '-o', 'json').stdout) as {
      metadata: object;
      spec: { template: { spec: { containers: object[] } } };
    };
    expect(Object.keys(out)).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status']);
    expect(Object.keys(out.metadata).slice(0, 6)).toEqual([
      'name',
      'namespace',
      'uid',
      'resourceVersion',
      'generation',
      'creationTimestamp',
    ]);
    expect(Object.keys(out.spec)).toEqual([
      'parallelism',
      'completions',
      'backoffLimit',
      'selector',
      'manualSelector',
      'template',
      'completionMode',
      'suspend',
      'podReplacementPolicy',
    ]);
    expect(Object.keys(out.spec.template.spec.containers[0])).toEqual([
      'name',
      'image',
      'resources',
      'terminationMessagePath',
      'terminationMessagePolicy',
      'imagePullPolicy',
    ]);
  });
});

describe('generateName', () => {
  it('works with create and is refused by apply', () => {
    const gen = JOB.replace('  name: pi\n', '  generateName: pi-\n');
    const { k } = setup({ 'gen.yaml': gen });
    expect(k('create', '-f', 'gen.yaml').stdout).toMatch(/^job\.batch\/pi-[a-z0-9]{5} created\n$/);
    expect(k('apply', '-f', 'gen.yaml')).toEqual({
      stdout: '',
      stderr: 'error: from pi-: cannot use generate name with apply\n',
      code: 1,
    });
  });
});

describe('apply without a name', () => {
  it('fails in info.Get() with the object mapping, as kubectl does (seed 003 un-indented YAML)', () => {
    const flat = 'apiVersion: batch/v1\nkind: Job\nmetadata:\nname: pi\nspec:\n';
    const { k } = setup({ 'flat.yaml': flat });
    expect(k('apply', '-f', 'flat.yaml')).toEqual({
      stdout: '',
      stderr:
        'error: error when retrieving current configuration of:\n' +
        'Resource: "batch/v1, Resource=jobs", GroupVersionKind: "batch/v1, Kind=Job"\n' +
        'Name: "", Namespace: "default"\n' +
        'from server for: "flat.yaml": resource name may not be empty\n',
      code: 1,
    });
  });
});

describe('kubectl delete --interactive', () => {
  it('asks before deleting', () => {
    const { k, kin, sim } = setup();
    k('create', 'job', 'pi', '--image=busybox');
    expect(kin('n\n', 'delete', 'job', 'pi', '-i')).toEqual({
      stdout:
        'You are about to delete the following 1 resource(s):\njob.batch/pi\nDo you want to continue? (y/n): deletion is cancelled\n',
      stderr: '',
      code: 0,
    });
    expect(sim.server.get('Job', 'default', 'pi')).toBeDefined();
    expect(kin('y\n', 'delete', 'job', 'pi', '-i').stdout).toBe(
      'You are about to delete the following 1 resource(s):\njob.batch/pi\nDo you want to continue? (y/n): job.batch "pi" deleted\n',
    );
    expect(sim.server.get('Job', 'default', 'pi')).toBeUndefined();
  });
});

describe('kubectl apply set-last-applied', () => {
  it('records a file as the last applied configuration', () => {
    const { k, sim } = setup({ 'job.yaml': JOB });
    k('create', '-f', 'job.yaml');
    expect(k('apply', 'set-last-applied', '-f', 'job.yaml').stderr).toBe(
      'error: no last-applied-configuration annotation found on resource: pi, to create the annotation, run the command with --create-annotation\n',
    );
    expect(k('apply', 'set-last-applied', '-f', 'job.yaml', '--create-annotation').stdout).toBe(
      'job.batch/pi configured\n',
    );
    const ann = sim.server.get('Job', 'default', 'pi')!.metadata.annotations!;
    expect(ann['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"pi","namespace":"default"},"spec":{"template":{"spec":{"containers":[{"command":["sh","-c","echo hi"],"image":"busybox","name":"pi"}],"restartPolicy":"Never"}}}}',
    );
    expect(k('apply', 'set-last-applied', '-f', 'job.yaml').stdout).toBe(
      'set-last-applied pi: no changes required.\n',
    );
  });
});
