/**
 * Registry strategies of the simulated 1.32 API server, one per kind: defaulting, mutating
 * admission, PrepareForCreate/PrepareForUpdate and validation with upstream's messages.
 */
import type { Strategy } from './strategy';
import { podStrategy } from './strategies/pod';
import { jobStrategy } from './strategies/job';
import {
  controllerRevisionStrategy,
  cronJobStrategy,
  daemonSetStrategy,
  deploymentStrategy,
  replicaSetStrategy,
} from './strategies/workloads';
import { serviceStrategy } from './strategies/service';
import {
  configMapStrategy,
  endpointsStrategy,
  eventStrategy,
  namespaceStrategy,
  nodeStrategy,
  secretStrategy,
  serviceAccountStrategy,
} from './strategies/core';

export type { Strategy, StrategyContext } from './strategy';
export { setScheduleValidator, type ScheduleValidator } from './schedule-validator';
export { beforeCreate, beforeUpdate, beforeStatusUpdate } from './rest';
export { serviceAllocationNeeds } from './strategies/service';
export { generateJobSelector } from './strategies/job';
export { computePodQOS, type PodQOSClass } from './qos';
export {
  parseQuantity,
  formatQuantity,
  compareQuantity,
  quantityFromJson,
  type Quantity,
} from './quantity';
export { labelSelectorAsSelector, selectorMatches, type Selector } from './label-selector';
export { goQuote, goSharpV, goStringMap, goV, errorValue, type GoType } from './go-value';

const STRATEGIES: readonly Strategy[] = [
  namespaceStrategy,
  nodeStrategy,
  podStrategy,
  serviceStrategy,
  endpointsStrategy,
  eventStrategy,
  configMapStrategy,
  secretStrategy,
  serviceAccountStrategy,
  jobStrategy,
  cronJobStrategy,
  daemonSetStrategy,
  controllerRevisionStrategy,
  deploymentStrategy,
  replicaSetStrategy,
];

const byKind = new Map(STRATEGIES.map((s) => [s.kind, s]));

/** The strategy of a kind (`Job`), or undefined for kinds the registry does not serve. */
export function strategyFor(kind: string): Strategy | undefined {
  return byKind.get(kind);
}
