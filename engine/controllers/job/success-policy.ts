/**
 * spec.successPolicy of Indexed Jobs (k/k pkg/controller/job/success_policy.go).
 *
 * The Job may be declared successful before every index succeeded: a rule matches when the
 * listed `succeededIndexes` all succeeded (or at least `succeededCount` of them), or, without an
 * index list, when `succeededCount` indexes succeeded in total. The first matching rule gives the
 * SuccessCriteriaMet condition (reason SuccessPolicy) its message.
 */
import type { JobCondition, JobStatus, SuccessPolicy } from 'kubernetes-types/batch/v1';
import { findConditionByType } from './job-util';
import { parseIndexesFromString, total, type OrderedIntervals } from './ordered-intervals';

/** The message of the first matching rule, or undefined when none matches. */
export function matchSuccessPolicy(
  policy: SuccessPolicy | undefined,
  completions: number,
  succeededIndexes: OrderedIntervals,
): string | undefined {
  if (!policy || succeededIndexes.length === 0) return undefined;
  for (const [index, rule] of (policy.rules ?? []).entries()) {
    if (rule.succeededIndexes !== undefined && rule.succeededIndexes !== null) {
      const required = parseIndexesFromString(rule.succeededIndexes, completions);
      // A rule whose index list does not parse is skipped.
      if (required.length === 0) continue;
      if (matchSucceededIndexesRule(required, succeededIndexes, rule.succeededCount))
        return `Matched rules at index ${index}`;
    } else if (
      rule.succeededCount !== undefined &&
      rule.succeededCount !== null &&
      total(succeededIndexes) >= rule.succeededCount
    ) {
      return `Matched rules at index ${index}`;
    }
  }
  return undefined;
}

/** Whether enough of the rule's indexes succeeded: all of them, or at least `succeededCount`. */
function matchSucceededIndexesRule(
  ruleIndexes: OrderedIntervals,
  succeededIndexes: OrderedIntervals,
  succeededCount: number | undefined,
): boolean {
  let contains = 0;
  let s = 0;
  let r = 0;
  while (r < ruleIndexes.length && s < succeededIndexes.length) {
    const overlap =
      Math.min(ruleIndexes[r].last, succeededIndexes[s].last) -
      Math.max(ruleIndexes[r].first, succeededIndexes[s].first) +
      1;
    if (overlap > 0) contains += overlap;
    if (succeededIndexes[s].last < ruleIndexes[r].last) s++;
    else if (succeededIndexes[s].last > ruleIndexes[r].last) r++;
    else {
      s++;
      r++;
    }
  }
  return (
    contains === total(ruleIndexes) ||
    (succeededCount !== undefined && succeededCount !== null && contains >= succeededCount)
  );
}

/**
 * The SuccessCriteriaMet condition if it is True (hasSuccessCriteriaMetCondition): once recorded,
 * the Job's success is settled and failures no longer change the outcome.
 */
export function hasSuccessCriteriaMetCondition(status: JobStatus): JobCondition | undefined {
  const c = findConditionByType(status.conditions, 'SuccessCriteriaMet');
  return c && c.status === 'True' ? c : undefined;
}

/** Whether a condition is a True SuccessCriteriaMet (isSuccessCriteriaMetCondition). */
export function isSuccessCriteriaMetCondition(c: JobCondition | undefined): boolean {
  return c !== undefined && c.type === 'SuccessCriteriaMet' && c.status === 'True';
}
