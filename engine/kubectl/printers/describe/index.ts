/**
 * `kubectl describe` entry points: the describer per kind (kubectl pkg/describe/describe.go
 * describerMap) and the multi-object join of the describe command.
 */
import type { KubeObject } from '../../../api/object';
import { describeGeneric } from './generic';
import { searchEvents, type DescribeContext, type DescribeSettings } from './helpers';
import { describeNode } from './node';
import { describePod } from './pod';
import { describeService } from './service';
import {
  describeConfigMap,
  describeEndpoints,
  describeNamespace,
  describeSecret,
  describeServiceAccount,
} from './simple';
import {
  describeCronJob,
  describeDaemonSet,
  describeDeployment,
  describeJob,
  describeReplicaSet,
} from './workloads';

export type { DescribeContext, DescribeSettings } from './helpers';

/** The describe text of one object at virtual time `now` (events shown unless disabled). */
export function describe(
  object: KubeObject,
  ctx: DescribeContext,
  now: number,
  settings: DescribeSettings = {},
): string {
  const showEvents = settings.showEvents ?? true;
  const events = () => (showEvents ? searchEvents(object, ctx) : undefined);
  switch (object.kind) {
    case 'Pod':
      return describePod(object, events(), now);
    case 'Node':
      return describeNode(object, ctx, events(), now);
    case 'Job':
      return describeJob(object, events(), now);
    case 'CronJob':
      return describeCronJob(object, events(), now);
    case 'DaemonSet':
      return describeDaemonSet(object, ctx, events(), now);
    case 'Deployment':
      return describeDeployment(object, ctx, events(), now);
    case 'ReplicaSet':
      return describeReplicaSet(object, ctx, events(), now);
    case 'Service':
      return describeService(object, ctx, events(), now);
    case 'Namespace':
      return describeNamespace(object);
    case 'ConfigMap':
      return describeConfigMap(object, events(), now);
    case 'Secret':
      return describeSecret(object);
    case 'ServiceAccount':
      return describeServiceAccount(object, ctx, events(), now);
    case 'Endpoints':
      return describeEndpoints(object, events(), now);
    default:
      return describeGeneric(object, events(), now);
  }
}

/** `kubectl describe` of several objects: outputs separated by a blank line (describe.go#Run). */
export function describeAll(
  objects: readonly KubeObject[],
  ctx: DescribeContext,
  now: number,
  settings: DescribeSettings = {},
): string {
  return objects.map((o, i) => (i === 0 ? '' : '\n\n') + describe(o, ctx, now, settings)).join('');
}
