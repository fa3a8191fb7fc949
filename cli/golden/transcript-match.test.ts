import { describe, expect, it } from 'vitest';
import { matchTranscript, parseTemplateLine, renderExpected } from './transcript-match';

const table = (rows: string[]) =>
  ['NAME              READY   STATUS      RESTARTS   AGE', ...rows].join('\n');

describe('matchTranscript', () => {
  it('binds a suffix placeholder to one value everywhere', () => {
    const expected = 'two-times-xxxxx   0/1\nCreated pod: two-times-xxxxx';
    expect(
      matchTranscript(expected, 'two-times-b7k2q   0/1\nCreated pod: two-times-b7k2q'),
    ).toEqual({
      ok: true,
      bindings: new Map([['xxxxx', 'b7k2q']]),
    });
    expect(
      matchTranscript(expected, 'two-times-b7k2q   0/1\nCreated pod: two-times-zzzzz').ok,
    ).toBe(false);
  });

  it('keeps every other byte exact, including the number of lines', () => {
    expect(matchTranscript('a-xxxxx   1s', 'a-b7k2q  1s').ok).toBe(false);
    expect(matchTranscript('a-xxxxx\n', 'a-b7k2q').ok).toBe(false);
    expect(matchTranscript('a-xxxxx', 'a-b7k2a').ok).toBe(false); // 'a' is not in the alphabet
  });

  it('never binds two placeholders to one value', () => {
    expect(matchTranscript('p-aaaaa\np-bbbbb', 'p-b7k2q\np-b7k2q').ok).toBe(false);
  });

  it('lets rows named by placeholders match in any order (tables sort by the random name)', () => {
    const expected = table([
      'job-aaaaa         0/1     Completed   0          18s',
      'job-bbbbb         0/1     Running     0          0s',
    ]);
    const actual = table([
      'job-9zz4m         0/1     Running     0          0s',
      'job-b7k2q         0/1     Completed   0          18s',
    ]);
    const r = matchTranscript(expected, actual);
    expect(r.ok).toBe(true);
    expect(r.bindings.get('aaaaa')).toBe('b7k2q');
    expect(renderExpected(expected, r.bindings)).toBe(
      table([
        'job-b7k2q         0/1     Completed   0          18s',
        'job-9zz4m         0/1     Running     0          0s',
      ]),
    );
  });

  it('knows revision hashes and uids', () => {
    expect(parseTemplateLine('hash=hhhhhhhhhh,uid=<uid>')).toEqual([
      { literal: 'hash=' },
      { placeholder: 'hhhhhhhhhh', kind: 'hash' },
      { literal: ',uid=' },
      { placeholder: '<uid>', kind: 'uid' },
    ]);
    expect(
      matchTranscript(
        'h=hhhhhhhhhh u=<uid> again <uid>',
        'h=6895fcbd55 u=9b3380cf-44e1-443d-9769-41cc9f3230fa again 9b3380cf-44e1-443d-9769-41cc9f3230fa',
      ).ok,
    ).toBe(true);
  });

  it('permutes per-object message lines too, but not event lines', () => {
    const expected =
      'pod "logd-aaaaa" deleted\npod "logd-bbbbb" deleted\nservice "kubernetes" deleted';
    expect(
      matchTranscript(
        expected,
        'pod "logd-9zz4m" deleted\npod "logd-b7k2q" deleted\nservice "kubernetes" deleted',
      ).ok,
    ).toBe(true);
    const events =
      '  Normal  SuccessfulCreate  50s  Created pod: p-aaaaa\n  Normal  SuccessfulCreate  38s  Created pod: p-bbbbb';
    expect(
      matchTranscript(
        events,
        '  Normal  SuccessfulCreate  38s  Created pod: p-9zz4m\n  Normal  SuccessfulCreate  50s  Created pod: p-b7k2q',
      ).ok,
    ).toBe(false);
  });

  it('lets … stand for any text within one line', () => {
    const expected = 'spec.template: Invalid value: core.PodTemplateSpec{…}: field is immutable';
    expect(
      matchTranscript(
        expected,
        'spec.template: Invalid value: core.PodTemplateSpec{ObjectMeta:v1.ObjectMeta{Name:""}}: field is immutable',
      ).ok,
    ).toBe(true);
    expect(matchTranscript('a…b', 'a\nb').ok).toBe(false);
  });
});
