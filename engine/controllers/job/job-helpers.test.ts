/**
 * Tables for the Job controller's pure helpers, with cases taken from upstream's unit tests
 * (indexed_job_utils_test.go, backoff_utils_test.go, pod_failure_policy_test.go,
 * success_policy_test.go, controller_utils_test.go).
 */
import { describe, expect, it } from 'vitest';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { SECOND } from '../../time/instant';
import {
  backoffDuration,
  BackoffStore,
  getFinishedTime,
  getRemainingTimeForFailuresCount,
} from './backoff-utils';
import { compareActivePods } from './controller-utils';
import { firstPendingIndexes, podGenerateNameWithIndex } from './indexed-job-utils';
import {
  has,
  intervalsString,
  parseIndexesFromString,
  total,
  withOrderedIndexes,
  type Interval,
} from './ordered-intervals';
import { matchPodFailurePolicy } from './pod-failure-policy';
import { matchSuccessPolicy } from './success-policy';
import { podOf, storedJob } from './test-support';

const iv = (...pairs: Array<[number, number]>): Interval[] =>
  pairs.map(([first, last]) => ({ first, last }));

describe('ordered intervals', () => {
  it.each([
    ['', []],
    ['0', [[0, 0]]],
    ['0,1', [[0, 1]]],
    ['0-2', [[0, 2]]],
    [
      '1,3-5,7',
      [
        [1, 1],
        [3, 5],
        [7, 7],
      ],
    ],
    ['0-2,3,4', [[0, 4]]],
  ] as Array<[string, Array<[number, number]>]>)('parses %j', (text, pairs) => {
    expect(parseIndexesFromString(text, 10)).toEqual(iv(...pairs));
  });

  it('drops corrupt pieces and indexes at or above completions', () => {
    expect(parseIndexesFromString('x,1,3-a,4-20,30', 8)).toEqual(iv([1, 1], [4, 7]));
    expect(parseIndexesFromString('9,10', 8)).toEqual([]);
  });

  it.each([
    [iv(), [], ''],
    [iv([0, 0]), [], '0'],
    [iv([0, 1]), [], '0,1'],
    [iv([0, 2]), [], '0-2'],
    [iv([0, 0], [4, 4]), [1, 2, 3], '0-4'],
    [iv([1, 1], [3, 5]), [7], '1,3-5,7'],
    [iv([2, 4]), [0, 9], '0,2-4,9'],
  ] as Array<[Interval[], number[], string]>)('merges %j with %j into "%s"', (a, add, text) => {
    const merged = withOrderedIndexes(a, add);
    expect(intervalsString(merged)).toBe(text);
    expect(total(merged)).toBe(add.length + total(a) - add.filter((x) => has(a, x)).length);
  });

  it('answers membership by binary search', () => {
    const list = iv([1, 1], [3, 5], [9, 12]);
    expect([0, 1, 2, 3, 5, 6, 9, 12, 13].map((x) => has(list, x))).toEqual([
      false,
      true,
      false,
      true,
      true,
      false,
      true,
      true,
      false,
    ]);
  });
});

describe('firstPendingIndexes', () => {
  const job = storedJob('ix', { completionMode: 'Indexed', completions: 6 }) as unknown as Job;
  const active = (...ix: number[]) =>
    ix.map((i) => podOf(job as never, `p${i}`, { index: i }) as unknown as Pod);
  it.each([
    ['nothing done', [], iv(), 3, [0, 1, 2]],
    ['skips active and succeeded', [1], iv([0, 0], [3, 3]), 3, [2, 4, 5]],
    ['stops at completions', [], iv([0, 3]), 5, [4, 5]],
    ['nothing left', [0, 1, 2], iv([3, 5]), 2, []],
  ] as Array<[string, number[], Interval[], number, number[]]>)(
    '%s',
    (_name, act, done, count, want) => {
      const activePods = active(...act);
      expect(
        firstPendingIndexes(
          { job, pods: activePods, activePods, succeededIndexes: done },
          count,
          6,
        ),
      ).toEqual(want);
    },
  );

  it('cuts long job names so the generated prefix fits 58 characters', () => {
    expect(podGenerateNameWithIndex('short', 3)).toBe('short-3-');
    const long = 'a'.repeat(60);
    expect(podGenerateNameWithIndex(long, 12)).toBe(`${'a'.repeat(54)}-12-`);
  });
});

describe('pod failure back-off', () => {
  it.each([
    [1, 10],
    [2, 20],
    [3, 40],
    [6, 320],
    [7, 600],
    [20, 600],
  ])('after %i failures in a row waits %i s (capped at 10 min)', (n, secs) => {
    expect(backoffDuration(n)).toBe(secs * SECOND);
  });

  it('measures the wait from the last failure', () => {
    expect(getRemainingTimeForFailuresCount(13 * SECOND, 1, 2 * SECOND)).toBe(0);
    expect(getRemainingTimeForFailuresCount(3 * SECOND, 1, 2 * SECOND)).toBe(9 * SECOND);
    expect(getRemainingTimeForFailuresCount(12 * SECOND, 1, 2 * SECOND)).toBe(0);
    expect(getRemainingTimeForFailuresCount(3 * SECOND, 0, undefined)).toBe(0);
  });

  const job = storedJob('b');
  const pod = (name: string, phase: 'Succeeded' | 'Failed', at: number) =>
    podOf(job, name, { phase, finishedAt: at * SECOND }) as unknown as Pod;
  it.each([
    ['no new pods keeps the record', { failures: 2, last: 5 }, [], [], { failures: 2, last: 5 }],
    ['failures add up', { failures: 1, last: 5 }, [], [7, 6], { failures: 3, last: 7 }],
    [
      'a newer success resets',
      { failures: 3, last: 5 },
      [8],
      [6, 7],
      { failures: 0, last: undefined },
    ],
    [
      'only failures after the last success count',
      { failures: 3, last: 5 },
      [8],
      [6, 9, 10],
      { failures: 2, last: 10 },
    ],
    [
      'a failure at the same second as the success does not count',
      { failures: 0, last: undefined },
      [8],
      [8],
      { failures: 0, last: undefined },
    ],
  ] as Array<
    [
      string,
      { failures: number; last?: number },
      number[],
      number[],
      { failures: number; last?: number },
    ]
  >)('%s', (_name, before, succeeded, failed, after) => {
    const store = new BackoffStore();
    store.updateBackoffRecord({
      key: 'k',
      failuresAfterLastSuccess: before.failures,
      lastFailureTime: before.last === undefined ? undefined : before.last * SECOND,
    });
    const record = store.newBackoffRecord(
      'k',
      succeeded.map((t, i) => pod(`s${i}`, 'Succeeded', t)),
      failed.map((t, i) => pod(`f${i}`, 'Failed', t)),
    );
    expect(record.failuresAfterLastSuccess).toBe(after.failures);
    expect(record.lastFailureTime).toBe(after.last === undefined ? undefined : after.last * SECOND);
  });

  it('takes the finish time from containers, else Ready=False, else deletion, else creation', () => {
    const base = podOf(job, 'x', {
      phase: 'Failed',
      finishedAt: 7 * SECOND,
      created: SECOND,
    }) as unknown as Pod;
    expect(getFinishedTime(base)).toBe(7 * SECOND);
    const running = podOf(job, 'y', {
      phase: 'Running',
      created: SECOND,
      ready: false,
      finishedAt: 4 * SECOND,
    }) as unknown as Pod;
    expect(getFinishedTime(running)).toBe(4 * SECOND);
    const deleting = podOf(job, 'z', {
      phase: 'Running',
      created: SECOND,
      deleting: 50 * SECOND,
    }) as unknown as Pod;
    expect(getFinishedTime(deleting)).toBe(20 * SECOND);
  });
});

describe('matchPodFailurePolicy', () => {
  const job = storedJob('p');
  const failed = (exitCode: number, conditions: Array<{ type: string; status: string }> = []) =>
    podOf(job, 'mypod', { phase: 'Failed', exitCode, conditions }) as unknown as Pod;
  it.each([
    ['no policy counts the failure', undefined, failed(1), { countFailed: true }],
    [
      'FailJob on an exit code',
      { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [1, 2] } }] },
      failed(2),
      {
        countFailed: true,
        action: 'FailJob',
        ruleIndex: 0,
        jobFailureMessage:
          'Container c for pod default/mypod failed with exit code 2 matching FailJob rule at index 0',
      },
    ],
    [
      'NotIn matches other codes; the first matching rule wins',
      {
        rules: [
          { action: 'Ignore', onExitCodes: { operator: 'NotIn', values: [5] } },
          { action: 'FailJob', onExitCodes: { operator: 'In', values: [3] } },
        ],
      },
      failed(3),
      { countFailed: false, action: 'Ignore', ruleIndex: 0 },
    ],
    [
      'an unknown action skips to the next rule',
      {
        rules: [
          { action: 'UnknownAction', onExitCodes: { operator: 'In', values: [1] } },
          { action: 'Count', onExitCodes: { operator: 'In', values: [1] } },
        ],
      },
      failed(1),
      { countFailed: true, action: 'Count', ruleIndex: 1 },
    ],
    [
      'a rule for another container does not match',
      {
        rules: [
          {
            action: 'FailJob',
            onExitCodes: { containerName: 'other', operator: 'In', values: [1] },
          },
        ],
      },
      failed(1),
      { countFailed: true },
    ],
    [
      'FailIndex on a pod condition',
      {
        rules: [
          { action: 'FailIndex', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
        ],
      },
      failed(137, [{ type: 'DisruptionTarget', status: 'True' }]),
      { countFailed: true, action: 'FailIndex', ruleIndex: 0 },
    ],
    [
      'a condition with another status does not match',
      {
        rules: [
          { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'False' }] },
        ],
      },
      failed(137, [{ type: 'DisruptionTarget', status: 'True' }]),
      { countFailed: true },
    ],
  ] as Array<
    [
      string,
      Job['spec'] extends infer S ? (S extends { podFailurePolicy?: infer P } ? P : never) : never,
      Pod,
      object,
    ]
  >)('%s', (_name, policy, pod, want) => {
    expect(matchPodFailurePolicy(policy, pod)).toEqual(want);
  });
});

describe('matchSuccessPolicy', () => {
  it.each([
    ['no policy', undefined, iv([0, 4]), undefined],
    [
      'all listed indexes succeeded',
      { rules: [{ succeededIndexes: '0-2' }] },
      iv([0, 3]),
      'Matched rules at index 0',
    ],
    ['a listed index missing', { rules: [{ succeededIndexes: '0-2' }] }, iv([0, 1]), undefined],
    [
      'enough of the listed indexes',
      { rules: [{ succeededIndexes: '0-4', succeededCount: 2 }] },
      iv([3, 4]),
      'Matched rules at index 0',
    ],
    [
      'a count without a list',
      { rules: [{ succeededIndexes: '9' }, { succeededCount: 3 }] },
      iv([1, 3]),
      'Matched rules at index 1',
    ],
    ['nothing succeeded yet', { rules: [{ succeededCount: 0 }] }, iv(), undefined],
  ] as Array<[string, NonNullable<Job['spec']>['successPolicy'], Interval[], string | undefined]>)(
    '%s',
    (_name, policy, succeeded, want) => {
      expect(matchSuccessPolicy(policy, 5, succeeded)).toBe(want);
    },
  );
});

describe('ActivePods order (cheapest to delete first)', () => {
  const job = storedJob('a');
  const pod = (name: string, o: Parameters<typeof podOf>[2]) =>
    podOf(job, name, o) as unknown as Pod;
  it('puts unscheduled before scheduled, pending before running, not ready before ready', () => {
    const pods = [
      pod('ready-old', { phase: 'Running', ready: true, finishedAt: 1 * SECOND, created: 0 }),
      pod('ready-new', {
        phase: 'Running',
        ready: true,
        finishedAt: 9 * SECOND,
        created: 5 * SECOND,
      }),
      pod('running-not-ready', { phase: 'Running', ready: false }),
      pod('pending', { phase: 'Pending', ready: false }),
      pod('unscheduled', { phase: 'Pending', ready: false, node: '' }),
    ];
    expect([...pods].sort(compareActivePods).map((p) => p.metadata!.name)).toEqual([
      'unscheduled',
      'pending',
      'running-not-ready',
      'ready-new',
      'ready-old',
    ]);
  });

  it('prefers more restarts, then newer pods', () => {
    const pods = [
      pod('old', { phase: 'Running', ready: false, created: 0 }),
      pod('new', { phase: 'Running', ready: false, created: 5 * SECOND }),
      pod('crashy', { phase: 'Running', ready: false, created: 0, restarts: 4 }),
    ];
    expect([...pods].sort(compareActivePods).map((p) => p.metadata!.name)).toEqual([
      'crashy',
      'new',
      'old',
    ]);
  });
});
