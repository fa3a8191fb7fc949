/**
 * The golden scenarios about validation (golden-scenarios.md S14, S15, S27, S37), rendered
 * through errors.invalid() and kubectl's Invalid-error printing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { invalid } from '../errors';
import { fieldErrors } from '../field-error';
import type { KubeObject } from '../object';
import { clone, type Obj } from './json';
import { setScheduleValidator } from './schedule-validator';
import { createThrough, kubectlText, updateThrough } from './testing';

describe('S14: restartPolicy Always rejected', () => {
  const badJob = (restartPolicy?: string) =>
    ({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'bad-job' },
      spec: {
        template: {
          spec: {
            containers: [{ name: 'c', image: 'busybox' }],
            ...(restartPolicy ? { restartPolicy } : {}),
          },
        },
      },
    }) as KubeObject;

  it.each([['Always'], [undefined]])('restartPolicy %s', (policy) => {
    expect(kubectlText(createThrough(badJob(policy)))).toBe(
      'The Job "bad-job" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    );
  });
});

describe('S15: Job template is immutable', () => {
  const twoTimes = (image: string, extra: Obj = {}) =>
    ({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'two-times' },
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'two-times',
                image,
                command: ['sh', '-c', 'for i in $(seq 10);do echo $(($i*2));done'],
              },
            ],
            restartPolicy: 'Never',
          },
        },
        ...extra,
      },
    }) as KubeObject;

  it('rejects a different image with the PodTemplateSpec dump', () => {
    const live = createThrough(twoTimes('alpine')).obj;
    const applied = clone(live);
    (((applied.spec as Obj).template as Obj).spec as { containers: Obj[] }).containers[0].image =
      'busybox';
    const text = kubectlText(updateThrough(applied, live));
    expect(
      text.startsWith(
        'The Job "two-times" is invalid: spec.template: Invalid value: core.PodTemplateSpec{',
      ),
    ).toBe(true);
    expect(text.endsWith(': field is immutable')).toBe(true);
    expect(text.split('\n')).toHaveLength(1);
  });

  it('accepts parallelism and activeDeadlineSeconds changes', () => {
    const live = createThrough(twoTimes('alpine')).obj;
    const applied = clone(live);
    Object.assign(applied.spec as Obj, { parallelism: 2, activeDeadlineSeconds: 100 });
    expect(updateThrough(applied, live).errors).toEqual([]);
  });
});

describe('S27: invalid schedule, TZ in schedule, timeZone field', () => {
  afterEach(() => setScheduleValidator(undefined));

  const cron = (name: string, spec: Obj) =>
    ({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name },
      spec: {
        jobTemplate: {
          metadata: { name },
          spec: {
            template: {
              spec: { containers: [{ name, image: 'busybox' }], restartPolicy: 'OnFailure' },
            },
          },
        },
        ...spec,
      },
    }) as KubeObject;

  // The cron parser lives in another module; this stand-in answers for the scenario's inputs
  // only, to check that the registry places the parser's errors where upstream does.
  const scenarioParser = () =>
    setScheduleValidator((schedule, timeZone, fldPath) => {
      const errs = [];
      if (schedule === '61 * * * *') {
        errs.push(
          fieldErrors.invalid(fldPath, `"${schedule}"`, 'end of range (61) above maximum (59): 61'),
        );
      }
      if (schedule === '* * * *') {
        errs.push(
          fieldErrors.invalid(
            fldPath,
            `"${schedule}"`,
            'expected exactly 5 fields, found 4: [* * * *]',
          ),
        );
      }
      if (timeZone === 'Europe/Pariss') {
        errs.push(
          fieldErrors.invalid('spec.timeZone', `"${timeZone}"`, `unknown time zone ${timeZone}`),
        );
      }
      return errs;
    });

  it('1: kubectl create cronjob prints the Status message', () => {
    scenarioParser();
    const r = createThrough(cron('bad', { schedule: '61 * * * *' }));
    expect(
      `error: failed to create cronjob: ${invalid('batch', 'CronJob', 'bad', r.errors).message}`,
    ).toBe(
      'error: failed to create cronjob: CronJob.batch "bad" is invalid: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61',
    );
  });

  it('2: apply prints the Invalid form', () => {
    scenarioParser();
    expect(kubectlText(createThrough(cron('bad2', { schedule: '* * * *' })))).toBe(
      'The CronJob "bad2" is invalid: spec.schedule: Invalid value: "* * * *": expected exactly 5 fields, found 4: [* * * *]',
    );
  });

  it('3: TZ in the schedule', () => {
    expect(kubectlText(createThrough(cron('tz', { schedule: 'CRON_TZ=UTC 0 3 * * *' })))).toBe(
      'The CronJob "tz" is invalid: spec.schedule: Invalid value: "CRON_TZ=UTC 0 3 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    );
  });

  it('4: unknown time zone', () => {
    scenarioParser();
    expect(
      kubectlText(createThrough(cron('tz2', { schedule: '0 3 * * *', timeZone: 'Europe/Pariss' }))),
    ).toBe(
      'The CronJob "tz2" is invalid: spec.timeZone: Invalid value: "Europe/Pariss": unknown time zone Europe/Pariss',
    );
  });

  it('5: a valid schedule and zone pass', () => {
    scenarioParser();
    expect(
      createThrough(cron('nightly', { schedule: '0 3 * * *', timeZone: 'Asia/Seoul' })).errors,
    ).toEqual([]);
  });
});

describe('S37: DaemonSet validation errors', () => {
  const logd = (templateLabels: Obj, restartPolicy?: string) =>
    ({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'logd' },
      spec: {
        selector: { matchLabels: { app: 'logd' } },
        template: {
          metadata: { labels: templateLabels },
          spec: {
            containers: [{ name: 'logd', image: 'busybox' }],
            ...(restartPolicy ? { restartPolicy } : {}),
          },
        },
      },
    }) as KubeObject;

  it('1: selector does not match template labels', () => {
    expect(kubectlText(createThrough(logd({ app: 'other' })))).toBe(
      'The DaemonSet "logd" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`',
    );
  });

  it('2: restartPolicy Never', () => {
    expect(kubectlText(createThrough(logd({ app: 'logd' }, 'Never')))).toBe(
      'The DaemonSet "logd" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    );
  });

  it('3: both problems, multi-line with a trailing space on the first line', () => {
    expect(kubectlText(createThrough(logd({ app: 'other' }, 'Never')))).toBe(
      [
        'The DaemonSet "logd" is invalid: ',
        '* spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`',
        '* spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
      ].join('\n'),
    );
  });

  it('4: changing the selector of an existing DaemonSet', () => {
    const live = createThrough(logd({ app: 'logd' })).obj;
    const applied = clone(live);
    (applied.spec as Obj).selector = { matchLabels: { app: 'x' } };
    ((applied.spec as Obj).template as { metadata: Obj }).metadata.labels = { app: 'x' };
    expect(kubectlText(updateThrough(applied, live))).toBe(
      'The DaemonSet "logd" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });
});
