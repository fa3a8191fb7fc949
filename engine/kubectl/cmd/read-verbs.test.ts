import { describe, expect, it } from 'vitest';
import { createWorkstation } from '../../shell/workstation';
import { runOnWorkstation } from '../../testing/run-command';
import { TestCluster } from '../../testing/test-cluster';

const JOBS = ['pi', 'pi-two', 'other']
  .map(
    (name) => `apiVersion: batch/v1
kind: Job
metadata: {name: ${name}}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox, command: [sh, -c, "sleep 3"]}]
`,
  )
  .join('---\n');

function setup() {
  const tc = TestCluster.seed(1).apply(JOBS).advance('30s');
  const ws = createWorkstation(tc.sim);
  ws.ns.fs.writeFile('/root/jobs.yaml', JOBS);
  return (...args: string[]) => runOnWorkstation(tc.sim, ws, ['kubectl', ...args]);
}

describe('kubectl describe', () => {
  it('describes by name, by prefix, by type and by label', () => {
    const k = setup();
    const one = k('describe', 'job', 'pi');
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^Name: {13}pi\nNamespace: {8}default\n/);
    expect(one.stdout).toContain(
      'Events:\n  Type    Reason            Age   From            Message\n',
    );
    // No job is called "pi-": every job whose name starts with it is described.
    const prefix = k('describe', 'jobs', 'pi-');
    expect(prefix.stdout.match(/^Name: /gm)).toHaveLength(1);
    expect(prefix.stdout).toMatch(/^Name: {13}pi-two\n/);
    expect(prefix.stdout.endsWith('\n\n')).toBe(true);
    // An exact name wins over the prefix.
    expect(k('describe', 'jobs', 'pi').stdout.match(/^Name: /gm)).toHaveLength(1);
    const all = k('describe', 'jobs');
    expect(all.stdout.match(/^Name: /gm)).toHaveLength(3);
    expect(all.stdout).toContain('Job completed\n\n\nName:');
    expect(k('describe', 'pods', '-l', 'batch.kubernetes.io/job-name=other').stdout).toMatch(
      /^Name: {13}other-/,
    );
    expect(k('describe', 'job', 'pi', '--show-events=false').stdout).not.toContain('Events:');
  });

  it('describes the objects of a manifest with -f, separated by a blank line', () => {
    const k = setup();
    const r = k('describe', '-f', '/root/jobs.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^Name: {13}(\S+)$/gm)).toEqual([
      'Name:             pi',
      'Name:             pi-two',
      'Name:             other',
    ]);
  });

  it('reports missing objects and empty lists as kubectl does', () => {
    const k = setup();
    expect(k('describe', 'job', 'nope')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): jobs.batch "nope" not found\n',
      code: 1,
    });
    expect(k('describe', 'cronjobs')).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      code: 0,
    });
    expect(k('describe', 'cronjobs', '-A').stderr).toBe('No resources found\n');
    expect(k('describe')).toEqual({
      stdout: '',
      stderr:
        'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      code: 1,
    });
  });

  it('describes every kind the simulation serves', () => {
    const k = setup();
    for (const type of [
      'nodes',
      'namespaces',
      'services',
      'endpoints',
      'events',
      'serviceaccounts',
      'configmaps',
      'pods',
    ]) {
      const r = k('describe', type);
      expect(r.code, type).toBe(0);
      expect(r.stdout, type).toMatch(/^Name:/);
    }
  });
});

describe('kubectl api-resources', () => {
  it('lists the served types, filtered and sorted', () => {
    const k = setup();
    const r = k('api-resources');
    expect(r.stdout.split('\n')[0]).toBe(
      'NAME                  SHORTNAMES   APIVERSION   NAMESPACED   KIND',
    );
    expect(r.stdout).toContain(
      '\njobs                               batch/v1     true         Job\n',
    );
    expect(k('api-resources', '--api-group=batch', '-o', 'name').stdout).toBe(
      'cronjobs.batch\njobs.batch\n',
    );
    expect(k('api-resources', '--namespaced=false', '--no-headers').stdout).toBe(
      'namespaces   ns    v1    false   Namespace\nnodes        no    v1    false   Node\n',
    );
    expect(k('api-resources', '--namespaced=false', '-o', 'wide').stdout).toBe(
      'NAME         SHORTNAMES   APIVERSION   NAMESPACED   KIND        VERBS                                                          CATEGORIES\n' +
        'namespaces   ns           v1           false        Namespace   [create delete get list patch update watch]                    []\n' +
        'nodes        no           v1           false        Node        [create delete deletecollection get list patch update watch]   []\n',
    );
    expect(k('api-resources', '--sort-by=kind', '-o', 'name', '--api-group=apps').stdout).toBe(
      'controllerrevisions.apps\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\n',
    );
    expect(
      k('api-resources', '--verbs=deletecollection', '--api-group=', '-o', 'name').stdout,
    ).not.toContain('namespaces');
    expect(k('api-resources', '--categories=all', '-o', 'name').stdout).toBe(
      'pods\nservices\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\ncronjobs.batch\njobs.batch\n',
    );
  });

  it('rejects bad flags and arguments like kubectl', () => {
    const k = setup();
    expect(k('api-resources', '-o', 'json').stderr).toBe('error: --output json is not available\n');
    expect(k('api-resources', '--sort-by=x').stderr).toBe(
      'error: --sort-by accepts only name or kind\n',
    );
    expect(k('api-resources', 'x').stderr).toBe(
      "error: unexpected arguments: [x]\nSee 'kubectl api-resources -h' for help and examples\n",
    );
  });
});

describe('kubectl explain', () => {
  it('explains types and field paths from the generated schema', () => {
    const k = setup();
    const job = k('explain', 'jobs');
    expect(job.stdout).toMatch(/^GROUP: {6}batch\nKIND: {7}Job\nVERSION: {4}v1\n\nDESCRIPTION:\n/);
    expect(job.stdout).toContain('FIELDS:\n  apiVersion\t<string>\n');
    const field = k('explain', 'job.spec.backoffLimit');
    expect(field.stdout).toContain('FIELD: backoffLimit <integer>\n');
    expect(k('explain', 'cj', '--recursive').stdout).toContain('  spec\t<CronJobSpec>\n');
    expect(k('explain', 'jobs', '--api-version=batch/v1').code).toBe(0);
    expect(k('explain', 'jobs', '--api-version=batch/v2').stderr).toBe(
      'error: couldn\'t find resource for "batch/v2, Resource=jobs"\n',
    );
    expect(k('explain', 'jobs', '--api-version=apps/v1').stderr).toBe(
      'error: GVR (apps/v1, Resource=jobs) not found in OpenAPI schema\n',
    );
    expect(k('explain', 'jobs.batch.spec.backoffLimit').stdout).toBe(field.stdout);
  });

  it('reports unknown types, fields and argument errors', () => {
    const k = setup();
    expect(k('explain', 'nope').stderr).toBe(
      'error: the server doesn\'t have a resource type "nope"\n',
    );
    expect(k('explain', 'jobs.spec.nope').stderr).toBe('error: field "nope" does not exist\n');
    expect(k('explain', 'a', 'b').stderr).toBe(
      'error: We accept only this format: explain RESOURCE\n',
    );
  });
});

describe('kubectl top', () => {
  it('has no Metrics API to ask', () => {
    const k = setup();
    expect(k('top', 'pods')).toEqual({
      stdout: '',
      stderr: 'error: Metrics API not available\n',
      code: 1,
    });
    expect(k('top', 'node', 'node01').stderr).toBe('error: Metrics API not available\n');
    expect(k('top', 'pod', '--sort-by=disk').stderr).toBe(
      'error: --sort-by accepts only cpu or memory\n',
    );
    // cmdutil.DefaultSubCommandRun: the group alone prints its help on stderr and exits 1.
    const group = k('top');
    expect(group.code).toBe(1);
    expect(group.stdout).toBe('');
    expect(group.stderr).toContain('Available Commands:\n  node          Display');
    expect(k('top', '--help').stdout).toBe(group.stderr);
  });
});
