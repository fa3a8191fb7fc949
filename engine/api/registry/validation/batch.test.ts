import { afterEach, describe, expect, it } from 'vitest';
import { fieldErrorText, fieldErrors } from '../../field-error';
import type { KubeObject } from '../../object';
import { clone, type Obj } from '../json';
import { setScheduleValidator } from '../schedule-validator';
import { createThrough, TEST_UID, updateThrough } from '../testing';
import { validateIndexesFormat } from './batch';

function job(spec: Obj = {}, podSpec: Obj = {}, metadata: Obj = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', ...metadata },
    spec: {
      template: {
        spec: { containers: [{ name: 'pi', image: 'perl' }], restartPolicy: 'Never', ...podSpec },
      },
      ...spec,
    },
  } as KubeObject;
}

function errors(obj: KubeObject): string[] {
  return createThrough(obj).errors.map(fieldErrorText);
}

describe('Job validation (§2.2)', () => {
  it.each<[string, Obj, Obj, string[]]>([
    ['valid', {}, {}, []],
    [
      'restartPolicy Always',
      {},
      { restartPolicy: 'Always' },
      ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'],
    ],
    [
      'restartPolicy omitted (defaulted to Always)',
      {},
      { restartPolicy: undefined },
      ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'],
    ],
    [
      'unknown restartPolicy',
      {},
      { restartPolicy: 'Sometimes' },
      [
        'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
        'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"',
      ],
    ],
    [
      'podFailurePolicy with OnFailure',
      {
        podFailurePolicy: {
          rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }],
        },
      },
      { restartPolicy: 'OnFailure' },
      [
        'spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified',
      ],
    ],
    [
      'negative parallelism',
      { parallelism: -1 },
      {},
      ['spec.parallelism: Invalid value: -1: must be greater than or equal to 0'],
    ],
    [
      'negative completions',
      { completions: -1 },
      {},
      ['spec.completions: Invalid value: -1: must be greater than or equal to 0'],
    ],
    [
      'negative activeDeadlineSeconds',
      { activeDeadlineSeconds: -5 },
      {},
      ['spec.activeDeadlineSeconds: Invalid value: -5: must be greater than or equal to 0'],
    ],
    [
      'negative backoffLimit',
      { backoffLimit: -1 },
      {},
      ['spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0'],
    ],
    [
      'negative ttlSecondsAfterFinished',
      { ttlSecondsAfterFinished: -1 },
      {},
      ['spec.ttlSecondsAfterFinished: Invalid value: -1: must be greater than or equal to 0'],
    ],
    [
      'Indexed without completions',
      { completionMode: 'Indexed', parallelism: 3 },
      {},
      ['spec.completions: Required value: when completion mode is Indexed'],
    ],
    [
      'backoffLimitPerIndex on a NonIndexed job',
      { backoffLimitPerIndex: 1 },
      {},
      ['spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode'],
    ],
    [
      'maxFailedIndexes without backoffLimitPerIndex',
      { completionMode: 'Indexed', completions: 3, maxFailedIndexes: 1 },
      {},
      ['spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified'],
    ],
    [
      'unknown completionMode',
      { completionMode: 'Ordered' },
      {},
      [
        'spec.completionMode: Unsupported value: "Ordered": supported values: "NonIndexed", "Indexed"',
      ],
    ],
    [
      'podFailurePolicy rule without action',
      { podFailurePolicy: { rules: [{ onExitCodes: { operator: 'In', values: [1] } }] } },
      {},
      [
        'spec.podFailurePolicy.rules[0].action: Required value: valid values: ["Count" "FailIndex" "FailJob" "Ignore"]',
      ],
    ],
    [
      'podFailurePolicy exit code 0 with In, unordered and duplicated',
      {
        podFailurePolicy: {
          rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [0, 3, 3, 1] } }],
        },
      },
      {},
      [
        'spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator',
        'spec.podFailurePolicy.rules[0].onExitCodes.values[2]: Duplicate value: 3',
        'spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{0, 3, 3, 1}: must be ordered',
      ],
    ],
    [
      'podFailurePolicy with both matchers',
      {
        podFailurePolicy: {
          rules: [
            {
              action: 'Ignore',
              onExitCodes: { operator: 'In', values: [1] },
              onPodConditions: [{ type: 'DisruptionTarget' }],
            },
          ],
        },
      },
      {},
      [
        'spec.podFailurePolicy.rules[0]: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported',
      ],
    ],
    [
      'podFailurePolicy with neither matcher',
      { podFailurePolicy: { rules: [{ action: 'Ignore' }] } },
      {},
      [
        'spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required',
      ],
    ],
    [
      'podFailurePolicy naming an unknown container',
      {
        podFailurePolicy: {
          rules: [
            {
              action: 'FailJob',
              onExitCodes: { containerName: 'main', operator: 'In', values: [1] },
            },
          ],
        },
      },
      {},
      [
        'spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "main": must be one of the container or initContainer names in the pod template',
      ],
    ],
    [
      'podReplacementPolicy other than Failed with podFailurePolicy',
      {
        podFailurePolicy: {
          rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }],
        },
        podReplacementPolicy: 'TerminatingOrFailed',
      },
      {},
      [
        'spec.podReplacementPolicy: Unsupported value: "TerminatingOrFailed": supported values: "Failed"',
      ],
    ],
    [
      'successPolicy on a NonIndexed job',
      { successPolicy: { rules: [{ succeededCount: 1 }] } },
      {},
      [
        'spec.successPolicy: Invalid value: batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{batch.SuccessPolicyRule{SucceededIndexes:(*string)(nil), SucceededCount:(*int32)(0xc000100018)}}}: requires indexed completion mode',
      ],
    ],
    [
      'successPolicy with a bad index list',
      {
        completionMode: 'Indexed',
        completions: 3,
        successPolicy: { rules: [{ succeededIndexes: '2-1' }] },
      },
      {},
      [
        'spec.successPolicy.rules[0].succeededIndexes: Invalid value: "2-1": error parsing succeededIndexes: non-increasing order, previous: 2, current: 1',
      ],
    ],
  ])('%s', (_name, spec, podSpec, expected) => {
    expect(errors(job(spec, podSpec))).toEqual(expected);
  });

  it('rejects a user selector without manualSelector', () => {
    const texts = errors(job({ selector: { matchLabels: { app: 'pi' } } }).valueOf() as KubeObject);
    // The template does not carry app=pi either, so the label check fails too.
    expect(texts).toEqual([
      `spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"pi", "batch.kubernetes.io/controller-uid":"${TEST_UID}"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: \`selector\` not auto-generated`,
      `spec.template.metadata.labels: Invalid value: map[string]string{"batch.kubernetes.io/controller-uid":"${TEST_UID}", "batch.kubernetes.io/job-name":"pi", "controller-uid":"${TEST_UID}", "job-name":"pi"}: \`selector\` does not match template \`labels\``,
    ]);
  });

  it('checks a manual selector against the template labels', () => {
    const manual = job({ manualSelector: true, selector: { matchLabels: { app: 'x' } } });
    (manual.spec as Obj).template = {
      metadata: { labels: { app: 'y' } },
      spec: { containers: [{ name: 'c', image: 'perl' }], restartPolicy: 'Never' },
    };
    expect(errors(manual)).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"y"}: `selector` does not match template `labels`',
    ]);
    const noSelector = job({ manualSelector: true });
    expect(errors(noSelector)).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`',
    ]);
  });

  it('rejects generated labels the user overrode', () => {
    const obj = job();
    (obj.spec as Obj).template = {
      metadata: { labels: { 'job-name': 'other' } },
      spec: { containers: [{ name: 'c', image: 'perl' }], restartPolicy: 'Never' },
    };
    expect(errors(obj)[0]).toBe(
      `spec.template.metadata.labels[job-name]: Invalid value: map[string]string{"batch.kubernetes.io/controller-uid":"${TEST_UID}", "batch.kubernetes.io/job-name":"pi", "controller-uid":"${TEST_UID}", "job-name":"other"}: must be 'pi'`,
    );
  });

  it('limits an Indexed job name so pod hostnames stay DNS labels', () => {
    const name = 'a'.repeat(62);
    expect(errors(job({ completionMode: 'Indexed', completions: 10 }, {}, { name }))).toEqual([
      `metadata.name: Invalid value: "${name}": will not able to create pod with invalid DNS label: ${name}-9`,
    ]);
  });

  it('parses index intervals', () => {
    expect(validateIndexesFormat('0-2,4', 5)).toBe(4);
    expect(validateIndexesFormat('1,1', 5)).toBe('non-increasing order, previous: 1, current: 1');
    expect(validateIndexesFormat('7', 5)).toBe('too large index: "7"');
    expect(validateIndexesFormat('x', 5)).toBe('cannot convert string to integer for index: "x"');
    expect(validateIndexesFormat('1-2-3', 5)).toBe(
      `the fragment "1-2-3" violates the requirement that an index interval can have at most two parts separated by '-'`,
    );
  });
});

describe('Job update (ValidateJobUpdate)', () => {
  const created = (spec: Obj = {}) => createThrough(job(spec)).obj;

  function update(old: KubeObject, mutate: (spec: Obj) => void) {
    const next = clone(old);
    mutate(next.spec as Obj);
    return updateThrough(next, old);
  }

  it('allows parallelism, activeDeadlineSeconds, backoffLimit and suspend and bumps the generation', () => {
    const old = created();
    const r = update(old, (spec) => {
      spec.parallelism = 3;
      spec.activeDeadlineSeconds = 100;
      spec.backoffLimit = 2;
      spec.suspend = true;
    });
    expect(r.errors).toEqual([]);
    expect(r.obj.metadata.generation).toBe(2);
  });

  it('keeps the generation when only labels change', () => {
    const old = created();
    const next = clone(old);
    (next.metadata as Obj).labels = { app: 'pi' };
    const r = updateThrough(next, old);
    expect(r.errors).toEqual([]);
    expect(r.obj.metadata.generation).toBe(1);
  });

  it.each<[string, (spec: Obj) => void, string]>([
    [
      'completions',
      (s) => (s.completions = 5),
      'spec.completions: Invalid value: 5: field is immutable',
    ],
    [
      'completionMode',
      (s) => {
        s.completionMode = 'Indexed';
      },
      'spec.completionMode: Invalid value: "Indexed": field is immutable',
    ],
    [
      'selector',
      (s) => {
        (s.selector as Obj).matchLabels = { 'batch.kubernetes.io/controller-uid': 'other' };
      },
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"batch.kubernetes.io/controller-uid":"other"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ],
  ])('keeps %s immutable', (_name, mutate, expected) => {
    expect(update(created(), mutate).errors.map(fieldErrorText)).toContain(expected);
  });

  it('dumps the new template when it changes (S15)', () => {
    const r = update(created(), (spec) => {
      ((spec.template as Obj).spec as Obj & { containers: Obj[] }).containers[0].image =
        'perl:5.34';
    });
    const [text] = r.errors.map(fieldErrorText);
    expect(
      text.startsWith(
        'spec.template: Invalid value: core.PodTemplateSpec{ObjectMeta:v1.ObjectMeta{Name:""',
      ),
    ).toBe(true);
    expect(text).toContain(
      'Containers:[]core.Container{core.Container{Name:"pi", Image:"perl:5.34"',
    );
    expect(text.endsWith('}: field is immutable')).toBe(true);
  });

  it('lets a suspended, never-started job change its scheduling directives', () => {
    const suspended = created({ suspend: true });
    const r = update(suspended, (spec) => {
      ((spec.template as Obj).spec as Obj).nodeSelector = { disk: 'ssd' };
    });
    expect(r.errors).toEqual([]);
    const running = created();
    expect(
      update(running, (spec) => {
        ((spec.template as Obj).spec as Obj).nodeSelector = { disk: 'ssd' };
      }).errors.map(fieldErrorText)[0],
    ).toMatch(/^spec\.template: Invalid value: core\.PodTemplateSpec\{/);
  });

  it('lets Indexed jobs scale completions with parallelism (ElasticIndexedJob)', () => {
    const old = created({ completionMode: 'Indexed', completions: 3, parallelism: 3 });
    expect(update(old, (s) => ((s.completions = 5), (s.parallelism = 5))).errors).toEqual([]);
    expect(update(old, (s) => (s.completions = 5)).errors.map(fieldErrorText)).toEqual([
      'spec.completions: Invalid value: 5: can only be modified in tandem with spec.parallelism',
    ]);
  });
});

function cronJob(spec: Obj = {}, metadata: Obj = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', ...metadata },
    spec: {
      schedule: '*/1 * * * *',
      jobTemplate: {
        spec: {
          template: {
            spec: { containers: [{ name: 'hello', image: 'busybox' }], restartPolicy: 'OnFailure' },
          },
        },
      },
      ...spec,
    },
  } as KubeObject;
}

describe('CronJob validation (§3.2)', () => {
  afterEach(() => setScheduleValidator(undefined));

  it.each<[string, Obj, string[]]>([
    ['valid', {}, []],
    ['empty schedule', { schedule: '' }, ['spec.schedule: Required value']],
    [
      'TZ in the schedule',
      { schedule: 'CRON_TZ=UTC 0 3 * * *' },
      [
        'spec.schedule: Invalid value: "CRON_TZ=UTC 0 3 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      ],
    ],
    [
      'empty time zone',
      { timeZone: '' },
      ['spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string'],
    ],
    [
      'time zone with a space',
      { timeZone: 'Bad Zone' },
      ['spec.timeZone: Invalid value: "Bad Zone": unknown time zone Bad Zone'],
    ],
    [
      'Local time zone',
      { timeZone: 'Local' },
      [
        'spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
      ],
    ],
    [
      'negative startingDeadlineSeconds',
      { startingDeadlineSeconds: -1 },
      ['spec.startingDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0'],
    ],
    [
      'unknown concurrencyPolicy',
      { concurrencyPolicy: 'Never' },
      [
        'spec.concurrencyPolicy: Unsupported value: "Never": supported values: "Allow", "Forbid", "Replace"',
      ],
    ],
    [
      'negative history limits',
      { successfulJobsHistoryLimit: -1, failedJobsHistoryLimit: -2 },
      [
        'spec.successfulJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0',
        'spec.failedJobsHistoryLimit: Invalid value: -2: must be greater than or equal to 0',
      ],
    ],
    [
      'job template with restartPolicy Always',
      {
        jobTemplate: {
          spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }] } } },
        },
      },
      [
        'spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
      ],
    ],
    [
      'job template with a selector',
      {
        jobTemplate: {
          spec: {
            selector: { matchLabels: { app: 'x' } },
            template: {
              spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' },
            },
          },
        },
      },
      [
        'spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated',
      ],
    ],
    [
      'job template with manualSelector',
      {
        jobTemplate: {
          spec: {
            manualSelector: true,
            template: {
              spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' },
            },
          },
        },
      },
      [
        'spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: "nil", "false"',
      ],
    ],
  ])('%s', (_name, spec, expected) => {
    expect(errors(cronJob(spec))).toEqual(expected);
  });

  it('limits names to 52 characters on create only', () => {
    const name = 'c'.repeat(53);
    expect(errors(cronJob({}, { name }))).toEqual([
      `metadata.name: Invalid value: "${name}": must be no more than 52 characters`,
    ]);
    const stored = createThrough(cronJob({}, { name: 'c'.repeat(52) })).obj;
    const renamedOld = clone(stored);
    (renamedOld.metadata as Obj).name = name;
    const next = clone(renamedOld);
    (next.spec as Obj).suspend = true;
    expect(updateThrough(next, renamedOld).errors).toEqual([]);
  });

  it('calls the injected schedule validator where upstream parses schedule and zone', () => {
    const calls: unknown[][] = [];
    setScheduleValidator((schedule, timeZone, fldPath) => {
      calls.push([schedule, timeZone, fldPath]);
      const errs = [];
      if (schedule === '61 * * * *') {
        errs.push(
          fieldErrors.invalid(fldPath, `"${schedule}"`, 'end of range (61) above maximum (59): 61'),
        );
      }
      if (timeZone === 'Europe/Pariss') {
        errs.push(
          fieldErrors.invalid('spec.timeZone', `"${timeZone}"`, `unknown time zone ${timeZone}`),
        );
      }
      return errs;
    });
    expect(
      errors(
        cronJob({ schedule: '61 * * * *', startingDeadlineSeconds: -1, timeZone: 'Europe/Pariss' }),
      ),
    ).toEqual([
      'spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61',
      'spec.startingDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0',
      'spec.timeZone: Invalid value: "Europe/Pariss": unknown time zone Europe/Pariss',
    ]);
    expect(calls).toEqual([['61 * * * *', 'Europe/Pariss', 'spec.schedule']]);
  });

  it('accepts TZ in a schedule that already had it, but not together with timeZone', () => {
    const old = createThrough(cronJob({})).obj;
    (old.spec as Obj).schedule = 'TZ=UTC 0 3 * * *';
    const next = clone(old);
    (next.spec as Obj).suspend = true;
    expect(updateThrough(next, old).errors).toEqual([]);
    (next.spec as Obj).timeZone = 'UTC';
    expect(updateThrough(next, old).errors.map(fieldErrorText)).toEqual([
      'spec.schedule: Invalid value: "TZ=UTC 0 3 * * *": cannot use both timeZone field and TZ or CRON_TZ in schedule',
    ]);
  });
});
