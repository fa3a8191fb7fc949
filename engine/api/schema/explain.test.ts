import { describe, expect, it } from 'vitest';
import { explain, wrapString } from './explain';

function out(path: string, recursive = false): string {
  const r = explain(path, recursive);
  if (!r.ok) throw new Error(r.error);
  return r.output;
}

describe('kubectl explain', () => {
  it('prints the resource header, description and field list for jobs', () => {
    const text = out('jobs');
    expect(
      text.startsWith('GROUP:      batch\nKIND:       Job\nVERSION:    v1\n\nDESCRIPTION:\n'),
    ).toBe(true);
    expect(text).toContain(
      'FIELDS:\n  apiVersion\t<string>\n    APIVersion defines the versioned schema of this representation of an object.\n' +
        '    Servers should convert recognized schemas to the latest internal value, and\n' +
        '    may reject unrecognized values. More info:\n' +
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources\n\n',
    );
    expect(text).toContain('  spec\t<JobSpec>\n');
    expect(text).toContain(
      'DESCRIPTION:\n    Job represents the configuration of a single job.\n    \nFIELDS:\n',
    );
    expect(text.endsWith('\n\n\n')).toBe(true);
  });

  it('omits GROUP for the core group', () => {
    expect(out('po').startsWith('KIND:       Pod\nVERSION:    v1\n\n')).toBe(true);
  });

  it('shows a struct field with both descriptions and its fields', () => {
    const text = out('jobs.spec');
    expect(text).toContain(
      'FIELD: spec <JobSpec>\n\n\nDESCRIPTION:\n    Specification of the desired behavior of a job.',
    );
    expect(text).toContain(
      '\n    JobSpec describes how the job execution will look like.\n    \nFIELDS:\n',
    );
    expect(text).toContain('  template\t<PodTemplateSpec> -required-\n');
    expect(text).toContain('  completionMode\t<string>\n  enum: Indexed, NonIndexed\n');
  });

  it('shows a scalar field without a field list', () => {
    expect(out('cronjob.spec.schedule')).toBe(
      'GROUP:      batch\nKIND:       CronJob\nVERSION:    v1\n\nFIELD: schedule <string>\n\n\n' +
        'DESCRIPTION:\n    The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.\n    \n\n',
    );
  });

  it('lists ds.spec.updateStrategy fields', () => {
    const text = out('ds.spec.updateStrategy');
    expect(text).toContain('FIELD: updateStrategy <DaemonSetUpdateStrategy>\n');
    expect(text).toContain('  rollingUpdate\t<RollingUpdateDaemonSet>\n');
    expect(text).toContain('  type\t<string>\n  enum: OnDelete, RollingUpdate\n');
  });

  it('prints the field tree with --recursive', () => {
    expect(out('ds.spec.updateStrategy', true)).toBe(
      'GROUP:      apps\nKIND:       DaemonSet\nVERSION:    v1\n\nFIELD: updateStrategy <DaemonSetUpdateStrategy>\n\n\n' +
        'DESCRIPTION:\n    An update strategy to replace existing DaemonSet pods with new pods.\n' +
        '    DaemonSetUpdateStrategy is a struct used to control the update strategy for\n    a DaemonSet.\n    \n' +
        'FIELDS:\n  rollingUpdate\t<RollingUpdateDaemonSet>\n    maxSurge\t<IntOrString>\n    maxUnavailable\t<IntOrString>\n' +
        '  type\t<string>\n  enum: OnDelete, RollingUpdate\n\n',
    );
  });

  it('lists the values of an enum field in the long view', () => {
    expect(out('pods.spec.restartPolicy')).toContain(
      'FIELD: restartPolicy <string>\nENUM:\n    Always\n    Never\n    OnFailure\n\nDESCRIPTION:\n',
    );
  });

  it('fails like kubectl for unknown resources and fields', () => {
    expect(explain('foo', false)).toEqual({
      ok: false,
      error: 'the server doesn\'t have a resource type "foo"',
    });
    expect(explain('jobs.spec.foo', false)).toEqual({
      ok: false,
      error: 'field "foo" does not exist',
    });
    expect(explain('jobs.nope.template', false)).toEqual({
      ok: false,
      error: 'field "template" does not exist',
    });
    expect(explain('jobs.spec.backoffLimit.x', false)).toEqual({
      ok: false,
      error: 'field "x" does not exist',
    });
  });

  it('wraps like go-wordwrap: never splits words, keeps newlines', () => {
    expect(wrapString('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wrapString('a https://example.com/very/long/url b', 10)).toBe(
      'a\nhttps://example.com/very/long/url\nb',
    );
    expect(wrapString('one\n\ntwo', 80)).toBe('one\n\ntwo');
  });
});
