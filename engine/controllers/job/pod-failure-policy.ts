/**
 * Matching a failed pod against spec.podFailurePolicy (k/k pkg/controller/job/
 * pod_failure_policy.go#matchPodFailurePolicy).
 *
 * Rules are tried in order and the first match decides: FailJob fails the whole Job with a
 * message naming the container and exit code (or the pod condition), Ignore keeps the failure
 * out of the backoffLimit count, Count is the default handling, and FailIndex marks the pod's
 * index failed (with backoffLimitPerIndex). A pod no rule matches is counted.
 */
import type { Pod, ContainerStatus, PodCondition } from 'kubernetes-types/core/v1';
import type {
  PodFailurePolicy,
  PodFailurePolicyOnExitCodesRequirement,
  PodFailurePolicyOnPodConditionsPattern,
} from 'kubernetes-types/batch/v1';

/** The actions a rule can take (batch.PodFailurePolicyAction). */
export type PodFailurePolicyAction = 'FailJob' | 'FailIndex' | 'Ignore' | 'Count';

/** The verdict on one failed pod. */
export interface PodFailurePolicyMatch {
  /** Set when a FailJob rule matched: the Job's failure message. */
  jobFailureMessage?: string;
  /** Whether the failure counts toward backoffLimit (false for Ignore). */
  countFailed: boolean;
  /** The action of the matching rule, if any rule matched. */
  action?: PodFailurePolicyAction;
  /** Index of the matching rule. */
  ruleIndex?: number;
}

// No policy, or no rule matching: the failure counts toward backoffLimit as usual.
const NO_MATCH: PodFailurePolicyMatch = { countFailed: true };

/** Applies the policy's rules to a failed pod; the first matching rule wins. */
export function matchPodFailurePolicy(
  policy: PodFailurePolicy | undefined,
  pod: Pod,
): PodFailurePolicyMatch {
  if (!policy) return NO_MATCH;
  // Exit-code rules look at terminated containers first and init containers second; condition
  // rules at the pod's conditions (e.g. DisruptionTarget set when a pod is evicted).
  const ns = pod.metadata?.namespace ?? 'default';
  const name = pod.metadata?.name ?? '';
  for (const [index, rule] of (policy.rules ?? []).entries()) {
    if (rule.onExitCodes) {
      const status = matchOnExitCodes(pod, rule.onExitCodes);
      if (!status) continue;
      const exitCode = status.state!.terminated!.exitCode;
      const verdict = decide(
        rule.action,
        index,
        `Container ${status.name} for pod ${ns}/${name} failed with exit code ${exitCode} matching ${rule.action} rule at index ${index}`,
      );
      if (verdict) return verdict;
    } else if (rule.onPodConditions) {
      const condition = matchOnPodConditions(pod, rule.onPodConditions);
      if (!condition) continue;
      const verdict = decide(
        rule.action,
        index,
        `Pod ${ns}/${name} has condition ${condition.type} matching ${rule.action} rule at index ${index}`,
      );
      if (verdict) return verdict;
    }
  }
  return NO_MATCH;
}

/** The verdict of a matched rule; an unknown action skips the rule, as upstream's switch does. */
function decide(
  action: string,
  ruleIndex: number,
  failJobMessage: string,
): PodFailurePolicyMatch | undefined {
  switch (action) {
    case 'Ignore':
      return { countFailed: false, action: 'Ignore', ruleIndex };
    case 'FailIndex':
      return { countFailed: true, action: 'FailIndex', ruleIndex };
    case 'Count':
      return { countFailed: true, action: 'Count', ruleIndex };
    // The message names the container, pod and rule, so the Job's condition says exactly why.
    case 'FailJob':
      return { jobFailureMessage: failJobMessage, countFailed: true, action: 'FailJob', ruleIndex };
    default:
      return undefined;
  }
}

/** The first terminated container (then init container) whose non-zero exit code matches. */
function matchOnExitCodes(
  pod: Pod,
  requirement: PodFailurePolicyOnExitCodesRequirement,
): ContainerStatus | undefined {
  return (
    matchingContainer(pod.status?.containerStatuses, requirement) ??
    matchingContainer(pod.status?.initContainerStatuses, requirement)
  );
}

// Containers are checked in the order the pod's status lists them.
function matchingContainer(
  statuses: readonly ContainerStatus[] | undefined,
  requirement: PodFailurePolicyOnExitCodesRequirement,
): ContainerStatus | undefined {
  for (const status of statuses ?? []) {
    const terminated = status.state?.terminated;
    // A container still running or waiting has no exit code to match.
    if (!terminated) continue;
    if (requirement.containerName && requirement.containerName !== status.name) continue;
    // Exit code 0 never matches, not even a NotIn rule: a success is not a failure cause.
    if (terminated.exitCode === 0) continue;
    if (exitCodeMatches(terminated.exitCode, requirement)) return status;
  }
  return undefined;
}

/** In: the code is listed; NotIn: it is not; an unknown operator never matches. */
function exitCodeMatches(
  code: number,
  requirement: PodFailurePolicyOnExitCodesRequirement,
): boolean {
  const listed = (requirement.values ?? []).includes(code);
  if (requirement.operator === 'In') return listed;
  if (requirement.operator === 'NotIn') return !listed;
  return false;
}

/** The first pod condition matching one of the patterns (status defaults to True). */
function matchOnPodConditions(
  pod: Pod,
  patterns: readonly PodFailurePolicyOnPodConditionsPattern[],
): PodCondition | undefined {
  for (const condition of pod.status?.conditions ?? []) {
    for (const pattern of patterns) {
      if (condition.type === pattern.type && condition.status === (pattern.status ?? 'True'))
        return condition;
    }
  }
  return undefined;
}
