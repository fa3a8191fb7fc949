import { describe, expect, it } from 'vitest';
import type { EditorHost } from '../../shell/programs/misc';
import { Notifier } from '../../runtime/notifier';
import { kubectlWorkstation, PI_JOB as JOB } from './workstation-testing';

/** An editor host that answers each opening with `edit(content)` (undefined: quit unsaved). */
function scriptedEditor(edits: Array<(content: string) => string | undefined>) {
  const seen: string[] = [];
  const host: EditorHost = {
    open(_path, content) {
      seen.push(content);
      const next = edits.shift();
      const out = next ? next(content) : undefined;
      return {
        closed: new Notifier(),
        result: out === undefined ? { saved: false } : { saved: true, content: out },
      };
    },
  };
  return { host, seen };
}

function setup(editor?: EditorHost) {
  return kubectlWorkstation({ files: { 'job.yaml': JOB }, editor: () => editor });
}

describe('kubectl edit', () => {
  it('patches the saved change and reports edited', () => {
    const { host, seen } = scriptedEditor([
      (c) =>
        c.replace('activeDeadlineSeconds', 'x').replace('  backoffLimit: 6', '  backoffLimit: 2'),
    ]);
    const { k, sim } = setup(host);
    k('create', '-f', 'job.yaml');
    expect(k('edit', 'job/pi')).toEqual({ stdout: 'job.batch/pi edited\n', stderr: '', code: 0 });
    expect(
      seen[0].startsWith(
        "# Please edit the object below. Lines beginning with a '#' will be ignored,\n",
      ),
    ).toBe(true);
    expect(
      (sim.server.get('Job', 'default', 'pi')!.spec as { backoffLimit: number }).backoffLimit,
    ).toBe(2);
  });

  it('cancels when nothing changed', () => {
    const { host } = scriptedEditor([(c) => c]);
    const { k } = setup(host);
    k('create', '-f', 'job.yaml');
    expect(k('edit', 'job', 'pi')).toEqual({
      stdout: '',
      stderr: 'Edit cancelled, no changes made.\n',
      code: 0,
    });
  });

  it('reopens an invalid change with the reasons, then gives up', () => {
    const { host, seen } = scriptedEditor([
      (c) => c.replace('image: busybox', 'image: alpine'),
      (c) => c,
    ]);
    const { k } = setup(host);
    k('create', '-f', 'job.yaml');
    const out = k('edit', 'job/pi');
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(
      /^error: jobs\.batch "pi" is invalid\nA copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/,
    );
    expect(seen[1]).toContain(
      '#\n# jobs.batch "pi" was not valid:\n# * spec.template: Invalid value: ',
    );
  });

  it('says no editor is attached on the command line', () => {
    const { k } = setup(undefined);
    k('create', '-f', 'job.yaml');
    const out = k('edit', 'job/pi');
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('vi: no editor is attached');
    expect(out.stderr).toContain('error: there was a problem with the editor "vi"\n');
  });

  it('uses $KUBE_EDITOR and says when it cannot start', () => {
    const { k, ws } = setup(undefined);
    k('create', '-f', 'job.yaml');
    ws.env.set('KUBE_EDITOR', 'no-such-editor');
    expect(k('edit', 'job/pi')).toEqual({
      stdout: '',
      stderr: 'error: unable to launch the editor "no-such-editor"\n',
      code: 1,
    });
  });

  it('edits several objects as one List and skips the unchanged ones', () => {
    const { host, seen } = scriptedEditor([(c) => c.replace('a: "1"', 'a: "2"')]);
    const { k, ws, sim } = setup(host);
    ws.fs.writeFile(
      '/home/learner/cm.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  a: "1"\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n  b: "1"\n',
    );
    k('create', '-f', 'cm.yaml');
    expect(k('edit', 'configmaps', 'a', 'b')).toEqual({
      stdout: 'configmap/a edited\nconfigmap/b skipped\n',
      stderr: '',
      code: 0,
    });
    expect(seen[0]).toContain('\nkind: List\n');
    expect(sim.server.get('ConfigMap', 'default', 'a')!.data).toEqual({ a: '2' });
  });

  it('refuses a changed name', () => {
    const { host } = scriptedEditor([(c) => c.replace('  name: pi\n', '  name: pie\n')]);
    const { k } = setup(host);
    k('create', '-f', 'job.yaml');
    const out = k('edit', 'job/pi');
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(
      /^A copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: At least one of apiVersion, kind and name was changed\n$/,
    );
  });

  it('reports missing objects', () => {
    const { k } = setup(undefined);
    expect(k('edit', 'job/nope')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): jobs.batch "nope" not found\n',
      code: 1,
    });
  });
});

describe('kubectl create --edit', () => {
  it('creates what was saved in the editor', () => {
    const { host, seen } = scriptedEditor([(c) => c.replace('image: busybox', 'image: alpine')]);
    const { k, sim } = setup(host);
    expect(k('create', '-f', 'job.yaml', '--edit')).toEqual({
      stdout: 'job.batch/pi created\n',
      stderr: '',
      code: 0,
    });
    expect(seen[0]).toContain('  name: pi\n');
    const job = sim.server.get('Job', 'default', 'pi')!;
    expect(JSON.stringify(job.spec)).toContain('"image":"alpine"');
  });
});

describe('kubectl replace', () => {
  it('replaces, reports NotFound, and force-replaces immutable changes', () => {
    const { k, ws, sim } = setup();
    expect(k('replace', '-f', 'job.yaml')).toEqual({
      stdout: '',
      stderr:
        'Error from server (NotFound): error when replacing "job.yaml": jobs.batch "pi" not found\n',
      code: 1,
    });
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "1"\n';
    ws.fs.writeFile('/home/learner/cm.yaml', cm);
    k('create', '-f', 'cm.yaml');
    ws.fs.writeFile('/home/learner/cm.yaml', cm.replace('"1"', '"2"'));
    expect(k('replace', '-f', 'cm.yaml')).toEqual({
      stdout: 'configmap/c replaced\n',
      stderr: '',
      code: 0,
    });
    expect(sim.server.get('ConfigMap', 'default', 'c')!.data).toEqual({ a: '2' });
    k('create', '-f', 'job.yaml');
    const uid = sim.server.get('Job', 'default', 'pi')!.metadata.uid;
    ws.fs.writeFile('/home/learner/job.yaml', JOB.replace('image: busybox', 'image: alpine'));
    expect(k('replace', '-f', 'job.yaml').stderr).toMatch(/^The Job "pi" is invalid: \n/);
    expect(k('replace', '--force', '-f', 'job.yaml')).toEqual({
      stdout: 'job.batch "pi" deleted\njob.batch/pi replaced\n',
      stderr: '',
      code: 0,
    });
    expect(sim.server.get('Job', 'default', 'pi')!.metadata.uid).not.toBe(uid);
    expect(k('replace', '-f', 'job.yaml', '--grace-period=3').stderr).toBe(
      'error: --grace-period must have --force specified\n',
    );
  });
});
