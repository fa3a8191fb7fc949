import { describe, expect, it } from 'vitest';
import { createWorkstation } from '../../shell/workstation';
import { runOnWorkstation } from '../../testing/run-command';
import { TestCluster } from '../../testing/test-cluster';
import { findExecutable } from '../../runtime/exec';
import { FileDescription } from '../../runtime/kernel';
import { callbackWriter, stringReader } from '../../runtime/streams';
import { HOME } from '../../shell/workstation';
import { utf8Decode, utf8Encode } from '../../util/utf8';

const JOB = `apiVersion: batch/v1
kind: Job
metadata: {name: pi, labels: {app: calc}}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: pi, image: busybox, command: [sh, -c, "sleep 3"]}]
`;

function setup(manifest = JOB, wait = '30s') {
  const tc = TestCluster.seed(1).apply(manifest).advance(wait);
  const ws = createWorkstation(tc.sim);
  const k = (...args: string[]) => runOnWorkstation(tc.sim, ws, ['kubectl', ...args]);
  const watch = (seconds: number, ...args: string[]) =>
    runOnWorkstation(tc.sim, ws, ['kubectl', ...args], { maxSeconds: seconds });
  return { tc, ws, k, watch };
}

describe('kubectl get', () => {
  it('groups `get all` by kind with kind.group/ names and blank lines', () => {
    const { k } = setup();
    expect(k('get', 'all')).toEqual({
      stdout:
        'NAME           READY   STATUS      RESTARTS   AGE\n' +
        'pod/pi-ssbbz   0/1     Completed   0          30s\n' +
        '\n' +
        'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n' +
        'service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   3d1h\n' +
        '\n' +
        'NAME           STATUS     COMPLETIONS   DURATION   AGE\n' +
        'job.batch/pi   Complete   1/1           6s         30s\n',
      stderr: '',
      code: 0,
    });
  });

  it('prefixes kinds whenever several types were asked for, even if one is empty', () => {
    const { k } = setup();
    expect(k('get', 'jobs,cronjobs').stdout).toBe(
      'NAME           STATUS     COMPLETIONS   DURATION   AGE\njob.batch/pi   Complete   1/1           6s         30s\n',
    );
    expect(k('get', 'job', 'pi', '--show-kind').stdout).toContain('job.batch/pi');
  });

  it('reports empty lists on stderr', () => {
    const { k } = setup();
    expect(k('get', 'cronjobs')).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      code: 0,
    });
    expect(k('get', 'pods', '-n', 'kube-public').stderr).toBe(
      'No resources found in kube-public namespace.\n',
    );
    expect(k('get', 'cronjobs', '-A').stderr).toBe('No resources found\n');
    expect(k('get', 'pods', '-l', 'app=none').stderr).toBe(
      'No resources found in default namespace.\n',
    );
  });

  it('prints found objects, then NotFound errors, and exits 1', () => {
    const { k } = setup();
    expect(k('get', 'job', 'x')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): jobs.batch "x" not found\n',
      code: 1,
    });
    expect(k('get', 'jobs', 'pi', 'x', 'y')).toEqual({
      stdout:
        'NAME   STATUS     COMPLETIONS   DURATION   AGE\npi     Complete   1/1           6s         30s\n',
      stderr:
        'Error from server (NotFound): jobs.batch "x" not found\nError from server (NotFound): jobs.batch "y" not found\n',
      code: 1,
    });
    expect(k('get', 'job', 'pi', '-A').stderr).toBe(
      'error: a resource cannot be retrieved by name across all namespaces\n',
    );
    expect(k('get', 'node', 'node01', '-A', '-o', 'name').stdout).toBe('node/node01\n');
    expect(k('get', 'job', 'x', '--ignore-not-found')).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(k('get', 'nosuch')).toEqual({
      stdout: '',
      stderr: 'error: the server doesn\'t have a resource type "nosuch"\n',
      code: 1,
    });
  });

  it('adds NAMESPACE with -A, labels with --show-labels and -L', () => {
    const { k } = setup();
    expect(k('get', 'jobs', '-A', '-L', 'app').stdout).toBe(
      'NAMESPACE   NAME   STATUS     COMPLETIONS   DURATION   AGE   APP\n' +
        'default     pi     Complete   1/1           6s         30s   calc\n',
    );
    expect(k('get', 'job', 'pi', '--show-labels', '--no-headers').stdout).toBe(
      'pi    Complete   1/1   6s    30s   app=calc\n',
    );
    expect(k('get', 'job', '-o', 'yaml', '--show-labels').stderr).toBe(
      'error: --show-labels option cannot be used with yaml printer\n',
    );
  });

  it('prints one object as itself and several as a v1 List', () => {
    const { k, ws } = setup();
    const one = JSON.parse(k('get', 'job', 'pi', '-o', 'json').stdout);
    expect(one.kind).toBe('Job');
    const list = JSON.parse(k('get', 'jobs', '-o', 'json').stdout);
    expect(list).toMatchObject({
      apiVersion: 'v1',
      kind: 'List',
      metadata: { resourceVersion: '' },
    });
    expect(list.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['pi']);
    expect(k('get', 'job', 'pi', '-o', 'yaml').stdout).toMatch(
      /^apiVersion: batch\/v1\nkind: Job\n/,
    );
    expect(k('get', 'pods,jobs', '-o', 'name').stdout).toBe('pod/pi-ssbbz\njob.batch/pi\n');
    expect(k('get', 'jobs', '-o', 'jsonpath={.items[*].metadata.name}').stdout).toBe('pi');
    expect(k('get', 'job', 'pi', '-o', 'jsonpath={.spec.backoffLimit}').stdout).toBe('6');
    expect(k('get', 'jobs', '-o', 'jsonpath-as-json={.items[*].metadata.name}').stdout).toBe(
      '[\n    "pi"\n]\n',
    );
    expect(
      k('get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,NODE:.spec.nodeName').stdout,
    ).toBe('NAME       NODE\npi-ssbbz   node02\n');
    ws.ns.fs.writeFile('/root/cols.txt', 'NAME          NODE\n.metadata.name .spec.nodeName\n');
    expect(
      k('get', 'pods', '-o', 'custom-columns-file=/root/cols.txt', '--no-headers').stdout,
    ).toBe('pi-ssbbz   node02\n');
    ws.ns.fs.writeFile('/root/t.jsonpath', '{.metadata.name}');
    expect(k('get', 'job', 'pi', '-o', 'jsonpath-file=/root/t.jsonpath').stdout).toBe('pi');
    expect(k('get', 'job', 'pi', '-o', 'jsonpath-file=/root/none').stderr).toBe(
      'error: error reading --template /root/none, open /root/none: no such file or directory\n',
    );
    expect(k('get', 'job', 'pi', '-o', 'go-template={{.metadata.name}}').code).toBe(1);
    expect(k('get', 'pods', '-o', 'bogus').stderr).toBe(
      'error: unable to match a printer suitable for the output format "bogus", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    );
    expect(k('get', 'pods', '-o', 'jsonpath=').stderr).toBe(
      'error: template format specified but no template given\n',
    );
  });

  it('sorts with --sort-by and reports fields no object has', () => {
    const { tc, k } = setup();
    tc.apply(JOB.replace('name: pi,', 'name: a-job,').replace('sleep 3', 'sleep 1'));
    expect(k('get', 'jobs', '-o', 'name').stdout).toBe('job.batch/a-job\njob.batch/pi\n');
    expect(k('get', 'jobs', '--sort-by=.metadata.creationTimestamp', '-o', 'name').stdout).toBe(
      'job.batch/pi\njob.batch/a-job\n',
    );
    expect(k('get', 'jobs', '--sort-by={.metadata.nope}').stderr).toBe(
      'error: couldn\'t find any field with path "{.metadata.nope}" in the list of objects\n',
    );
  });

  it('filters with -l and --field-selector and rejects bad selectors', () => {
    const { k } = setup();
    expect(k('get', 'jobs', '-l', 'app=calc', '-o', 'name').stdout).toBe('job.batch/pi\n');
    expect(
      k('get', 'pods', '--field-selector', 'status.phase=Succeeded', '-o', 'name').stdout,
    ).toBe('pod/pi-ssbbz\n');
    expect(k('get', 'jobs', 'pi', '-l', 'app=calc').stderr).toBe(
      'error: name cannot be provided when a selector is specified\n',
    );
    expect(k('get', 'pods', '--field-selector', 'spec.nope=x').stderr).toMatch(
      /^Error from server \(BadRequest\): Unable to find "\/v1, Resource=pods" that match label selector "", field selector "spec.nope=x": /,
    );
  });

  it('reads the objects named in a manifest with -f', () => {
    const { tc, ws, k } = setup();
    void tc;
    ws.ns.fs.writeFile('/root/job.yaml', JOB);
    expect(k('get', '-f', '/root/job.yaml').stdout).toBe(
      'NAME   STATUS     COMPLETIONS   DURATION   AGE\npi     Complete   1/1           6s         30s\n',
    );
    expect(k('get', '-f', '/root/job.yaml', '-o', 'name').stdout).toBe('job.batch/pi\n');
    ws.ns.fs.writeFile('/root/other.yaml', JOB.replace('name: pi,', 'name: pi, namespace: other,'));
    expect(k('get', '-f', '/root/other.yaml', '-n', 'default').stderr).toBe(
      'error: the namespace from the provided object "other" does not match the namespace "default". You must pass \'--namespace=other\' to perform this operation.\n',
    );
    expect(k('get', '-f', '/root/other.yaml').stderr).toBe(
      'Error from server (NotFound): jobs.batch "pi" not found\n',
    );
    expect(k('get', 'jobs', '-f', '/root/job.yaml').stderr).toBe(
      'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n',
    );
    const r = k('get', '-f', '/nope.yaml');
    expect(r).toEqual({
      stdout: '',
      stderr: 'error: the path "/nope.yaml" does not exist\n',
      code: 1,
    });
  });

  it('asks for a resource type when none is given', () => {
    const { k } = setup();
    expect(k('get').code).toBe(1);
    expect(k('get', '--watch-only').stderr).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
    expect(k('get', 'pods', '--output-watch-events').stderr).toBe(
      'error: --output-watch-events option can only be used with --watch or --watch-only\n',
    );
    expect(k('get', 'pods', '--raw', '/api').stderr).toBe(
      'error: arguments may not be passed when --raw is specified\n',
    );
  });
});

describe('kubectl get --watch', () => {
  it('prints the table, then one aligned row per change, until interrupted', () => {
    const { tc, watch } = setup();
    tc.apply(JOB.replace('name: pi,', 'name: second,'));
    const r = watch(20, 'get', 'jobs', '-w');
    expect(r.code).toBe(124);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('NAME     STATUS     COMPLETIONS   DURATION   AGE');
    expect(lines[1]).toBe('pi       Complete   1/1           6s         30s');
    expect(lines[2]).toMatch(/^second {3}Running {4}0\/1 {11}0s {9}0s$/);
    expect(lines.some((l) => /^second {3}Complete {3}1\/1 /.test(l))).toBe(true);
  });

  it('prints EVENT with --output-watch-events and only changes with --watch-only', () => {
    const { tc, watch } = setup();
    const quiet = watch(5, 'get', 'jobs', '--watch-only');
    expect(quiet).toEqual({ stdout: '', stderr: '', code: 124 });
    tc.apply(JOB.replace('name: pi,', 'name: second,'));
    const r = watch(20, 'get', 'jobs', '-w', '--output-watch-events');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('EVENT      NAME     STATUS     COMPLETIONS   DURATION   AGE');
    expect(lines[1]).toBe('ADDED      pi       Complete   1/1           6s         35s');
    expect(lines[2]).toMatch(/^ADDED {6}second {3}Running {4}0\/1 {11}0s {9}0s$/);
    expect(lines.slice(3).every((l) => l === '' || l.startsWith('MODIFIED   second'))).toBe(true);
    expect(lines.length).toBeGreaterThan(4);
  });

  it('refuses several types', () => {
    const { k } = setup();
    expect(k('get', 'pods,jobs', '-w').stderr).toBe(
      'error: you may only specify a single resource type\n',
    );
  });
});

describe('kubectl get --watch and Ctrl-C', () => {
  it('stops and exits 1 on SIGINT, as kubectl interrupt handler does', () => {
    const tc = TestCluster.seed(1).apply(JOB).advance('30s');
    const sim = tc.sim;
    const ws = createWorkstation(sim);
    const exe = findExecutable(ws.ns, HOME, ws.env.get('PATH'), ['kubectl', 'get', 'jobs', '-w']);
    if (typeof exe === 'string') throw new Error(exe);
    let out = '';
    const proc = sim.kernel.spawn({
      program: exe.program,
      argv: exe.argv,
      env: ws.env,
      cwd: HOME,
      ns: ws.ns,
      fds: new Map([
        [0, new FileDescription(stringReader(utf8Encode('')))],
        [
          1,
          new FileDescription(
            undefined,
            callbackWriter((d) => (out += utf8Decode(d))),
          ),
        ],
        [
          2,
          new FileDescription(
            undefined,
            callbackWriter(() => undefined),
          ),
        ],
      ]),
    });
    sim.advance(5000);
    expect(proc.done).toBe(false);
    expect(out).toContain('pi     Complete');
    sim.kernel.signal(proc, 'INT');
    sim.settle();
    expect(proc.done).toBe(true);
    expect(proc.exitCode).toBe(1);
    // The watch is gone: later changes print nothing.
    tc.apply(JOB.replace('name: pi,', 'name: later,')).advance('10s');
    expect(out).not.toContain('later');
  });
});
