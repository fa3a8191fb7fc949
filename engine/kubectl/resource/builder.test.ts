import { describe, expect, it } from 'vitest';
import { parseResourceArgs, resolveTypes } from './builder';

const show = (args: string[]) => {
  const r = parseResourceArgs(args);
  return r.ok
    ? { mode: r.mode, targets: r.targets.map((t) => `${t.info.resource}/${t.name ?? '*'}`) }
    : r.error;
};

describe('resource arguments (cli-runtime builder.go)', () => {
  it('resolves aliases, kind.group forms and several types', () => {
    expect(show(['po,jobs.batch,ds.apps'])).toEqual({
      mode: 'list',
      targets: ['pods/*', 'jobs/*', 'daemonsets/*'],
    });
    expect(show(['cj', 'a', 'b'])).toEqual({
      mode: 'typeNames',
      targets: ['cronjobs/a', 'cronjobs/b'],
    });
    expect(show(['job/pi', 'pod/x'])).toEqual({ mode: 'names', targets: ['jobs/pi', 'pods/x'] });
  });
  it('expands all in discovery order', () => {
    const r = resolveTypes('all');
    expect(r.ok && r.infos.map((i) => i.resource)).toEqual([
      'pods',
      'services',
      'daemonsets',
      'deployments',
      'replicasets',
      'cronjobs',
      'jobs',
    ]);
  });
  it('reports the errors kubectl reports', () => {
    expect(show(['foo'])).toBe('the server doesn\'t have a resource type "foo"');
    expect(show(['pods', 'job/x'])).toMatch(/^there is no need to specify a resource type/);
    expect(show(['job/'])).toBe(
      'arguments in resource/name form must have a single resource and name',
    );
  });
});
