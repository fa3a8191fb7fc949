/**
 * kubectl describe for Job, CronJob, DaemonSet, Deployment and ReplicaSet
 * (kubectl pkg/describe/describe.go#describeJob, #describeCronJob, #describeDaemonSet,
 * #describeDeployment, #describeReplicaSet).
 */
import type { DaemonSet, Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { CronJob, Job, JobTemplateSpec } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../../api/object';
import { parseTime } from '../../format/duration';
import {
  compareStrings,
  formatLabelSelector,
  formatLabels,
  labelSelectorString,
} from '../../format/labels';
import { describePodTemplate } from './containers';
import {
  describeEvents,
  durationBetween,
  goBool,
  printAnnotationsMultiline,
  printBoolPtr,
  printController,
  printLabelsMultiline,
  rfc1123z,
  sortByNamespaceAndName,
  type DescribeContext,
} from './helpers';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer';

/** metav1.LabelSelectorAsSelector(s).String(), or the error line describe prints. */
function selectorText(selector: LabelSelector | undefined): string {
  if (!selector) return '';
  const text = labelSelectorString(selector);
  // @simplified: apimachinery's error names the bad operator; validation rejects it earlier.
  return text ?? 'Failed to get selector: invalid selector operator';
}

/** describe.go#capIndexesListOrNone: cut after the first comma past `softLimit` characters. */
export function capIndexesListOrNone(indexes: string | undefined, softLimit: number): string {
  if (!indexes) return '<none>';
  let ix = softLimit;
  for (; ix < indexes.length; ix++) if (indexes[ix] === ',') break;
  if (ix >= indexes.length) return indexes;
  return indexes.slice(0, ix + 1) + '...';
}

/** The describe text of a Job. */
export function describeJob(
  obj: KubeObject,
  events: readonly KubeObject[] | undefined,
  now: number,
): string {
  const job = obj as unknown as Job;
  const spec = job.spec ?? ({} as NonNullable<Job['spec']>);
  const status = job.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorText(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    const controlledBy = printController(obj);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (spec.parallelism !== undefined && spec.parallelism !== null) {
      w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
    }
    if (spec.completions !== undefined && spec.completions !== null) {
      w.write(LEVEL_0, `Completions:\t${spec.completions}\n`);
    } else {
      w.write(LEVEL_0, 'Completions:\t<unset>\n');
    }
    if (spec.completionMode) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
    if (spec.suspend !== undefined && spec.suspend !== null)
      w.write(LEVEL_0, `Suspend:\t${goBool(spec.suspend)}\n`);
    if (spec.backoffLimit !== undefined && spec.backoffLimit !== null) {
      w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    }
    if (spec.ttlSecondsAfterFinished !== undefined && spec.ttlSecondsAfterFinished !== null) {
      w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    }
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    if (status.completionTime)
      w.write(LEVEL_0, `Completed At:\t${rfc1123z(status.completionTime)}\n`);
    if (status.startTime && status.completionTime) {
      w.write(LEVEL_0, `Duration:\t${durationBetween(status.startTime, status.completionTime)}\n`);
    }
    if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
      w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    }
    const active = status.active ?? 0;
    const succeeded = status.succeeded ?? 0;
    const failed = status.failed ?? 0;
    if (status.ready === undefined || status.ready === null) {
      w.write(
        LEVEL_0,
        `Pods Statuses:\t${active} Active / ${succeeded} Succeeded / ${failed} Failed\n`,
      );
    } else {
      w.write(
        LEVEL_0,
        `Pods Statuses:\t${active} Active (${status.ready} Ready) / ${succeeded} Succeeded / ${failed} Failed\n`,
      );
    }
    // 1.32 prints no Failed Indexes line (checked against kubectl 1.32).
    if (spec.completionMode === 'Indexed') {
      w.write(
        LEVEL_0,
        `Completed Indexes:\t${capIndexesListOrNone(status.completedIndexes, 50)}\n`,
      );
    }
    describePodTemplate(spec.template, w);
    if (events) describeEvents(events, w, now);
  });
}

function describeJobTemplate(template: JobTemplateSpec | undefined, w: PrefixWriter): void {
  const spec = template?.spec;
  if (spec?.selector) w.write(LEVEL_0, `Selector:\t${selectorText(spec.selector)}\n`);
  else w.write(LEVEL_0, 'Selector:\t<unset>\n');
  w.write(LEVEL_0, `Parallelism:\t${spec?.parallelism ?? '<unset>'}\n`);
  w.write(LEVEL_0, `Completions:\t${spec?.completions ?? '<unset>'}\n`);
  if (spec?.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  }
  describePodTemplate(spec?.template, w);
}

/** The describe text of a CronJob. */
export function describeCronJob(
  obj: KubeObject,
  events: readonly KubeObject[] | undefined,
  now: number,
): string {
  const cronJob = obj as unknown as CronJob;
  const spec = cronJob.spec ?? ({} as NonNullable<CronJob['spec']>);
  const status = cronJob.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(LEVEL_0, `Schedule:\t${spec.schedule ?? ''}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Suspend:\t${printBoolPtr(spec.suspend)}\n`);
    w.write(
      LEVEL_0,
      `Successful Job History Limit:\t${spec.successfulJobsHistoryLimit ?? '<unset>'}\n`,
    );
    w.write(LEVEL_0, `Failed Job History Limit:\t${spec.failedJobsHistoryLimit ?? '<unset>'}\n`);
    const deadline = spec.startingDeadlineSeconds;
    w.write(
      LEVEL_0,
      `Starting Deadline Seconds:\t${deadline !== undefined && deadline !== null ? `${deadline}s` : '<unset>'}\n`,
    );
    describeJobTemplate(spec.jobTemplate, w);
    w.write(
      LEVEL_0,
      `Last Schedule Time:\t${status.lastScheduleTime ? rfc1123z(status.lastScheduleTime) : '<unset>'}\n`,
    );
    const active = status.active ?? [];
    w.write(LEVEL_0, 'Active Jobs:\t');
    if (active.length === 0) w.writeLine('<none>');
    else {
      w.write(LEVEL_0, active.map((j) => j.name ?? '').join(', '));
      w.writeLine('');
    }
    if (events) describeEvents(events, w, now);
  });
}

/** getPodStatusForController: phase counts of the selected pods the controller owns. */
export function podStatusForController(
  ctx: DescribeContext,
  namespace: string,
  selector: LabelSelector | undefined,
  uid: string | undefined,
): [number, number, number, number] {
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  let failed = 0;
  for (const obj of ctx.list('Pod')) {
    if (obj.metadata.namespace !== namespace) continue;
    if (!selector || !matchesSelector(obj.metadata.labels ?? {}, selector)) continue;
    const owner = (obj.metadata.ownerReferences ?? []).find((o) => o.controller);
    if (!owner || owner.uid !== uid) continue;
    switch ((obj as unknown as Pod).status?.phase) {
      case 'Running':
        running++;
        break;
      case 'Pending':
        waiting++;
        break;
      case 'Succeeded':
        succeeded++;
        break;
      case 'Failed':
        failed++;
        break;
    }
  }
  return [running, waiting, succeeded, failed];
}

/** Whether labels satisfy a LabelSelector. */
export function matchesSelector(
  labels: Readonly<Record<string, string>>,
  selector: LabelSelector,
): boolean {
  for (const [k, v] of Object.entries(selector.matchLabels ?? {}))
    if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const values = e.values ?? [];
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(labels[e.key])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[e.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** The describe text of a DaemonSet. */
export function describeDaemonSet(
  obj: KubeObject,
  ctx: DescribeContext,
  events: readonly KubeObject[] | undefined,
  now: number,
): string {
  const ds = obj as unknown as DaemonSet;
  const spec = ds.spec!;
  const status = ds.status ?? ({} as NonNullable<DaemonSet['status']>);
  const [running, waiting, succeeded, failed] = podStatusForController(
    ctx,
    obj.metadata.namespace ?? '',
    spec.selector,
    obj.metadata.uid,
  );
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorText(spec.selector)}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(spec.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${status.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${status.currentNumberScheduled ?? 0}\n`);
    w.write(
      LEVEL_0,
      `Number of Nodes Scheduled with Up-to-date Pods: ${status.updatedNumberScheduled ?? 0}\n`,
    );
    w.write(
      LEVEL_0,
      `Number of Nodes Scheduled with Available Pods: ${status.numberAvailable ?? 0}\n`,
    );
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${status.numberMisscheduled ?? 0}\n`);
    w.write(
      LEVEL_0,
      `Pods Status:\t${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed\n`,
    );
    describePodTemplate(spec.template, w);
    if (events) describeEvents(events, w, now);
  });
}

/** JSON deep equality (key order independent). */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => deepEqual(ao[k], bo[k]));
}

/** deployment util EqualIgnoreHash: templates equal once pod-template-hash is dropped. */
function equalIgnoreHash(a: unknown, b: unknown): boolean {
  const strip = (t: unknown) => {
    const copy = JSON.parse(JSON.stringify(t ?? {})) as {
      metadata?: { labels?: Record<string, string> };
    };
    if (copy.metadata?.labels) {
      delete copy.metadata.labels['pod-template-hash'];
      if (Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels;
    }
    return copy;
  };
  return deepEqual(strip(a), strip(b));
}

/** deploymentutil.GetAllReplicaSets: the deployment's old replica sets and its new one. */
export function deploymentReplicaSets(
  deployment: KubeObject,
  ctx: DescribeContext,
): { oldRSs: KubeObject[]; newRS: KubeObject | undefined } {
  const spec = (deployment as unknown as Deployment).spec;
  const owned = sortByNamespaceAndName(
    ctx.list('ReplicaSet').filter((rs) => {
      if (rs.metadata.namespace !== deployment.metadata.namespace) return false;
      if (!spec?.selector || !matchesSelector(rs.metadata.labels ?? {}, spec.selector))
        return false;
      const owner = (rs.metadata.ownerReferences ?? []).find((o) => o.controller);
      return owner?.uid === deployment.metadata.uid;
    }),
  );
  // controller.ReplicaSetsByCreationTimestamp: oldest first, ties by name.
  owned.sort((a, b) => {
    const ta = parseTime(a.metadata.creationTimestamp) ?? 0;
    const tb = parseTime(b.metadata.creationTimestamp) ?? 0;
    return ta !== tb ? ta - tb : compareStrings(a.metadata.name ?? '', b.metadata.name ?? '');
  });
  const newRS = owned.find((rs) =>
    equalIgnoreHash((rs as unknown as ReplicaSet).spec?.template, spec?.template),
  );
  return { oldRSs: owned.filter((rs) => rs !== newRS), newRS };
}

function printReplicaSetsByLabels(list: readonly KubeObject[]): string {
  const text = list
    .map((o) => {
      const rs = o as unknown as ReplicaSet;
      return `${o.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`;
    })
    .join(', ');
  return text || '<none>';
}

/** intstr.IntOrString.String(). */
function intOrString(v: number | string | undefined): string {
  return v === undefined ? '0' : String(v);
}

/** The describe text of a Deployment. */
export function describeDeployment(
  obj: KubeObject,
  ctx: DescribeContext,
  events: readonly KubeObject[] | undefined,
  now: number,
): string {
  const d = obj as unknown as Deployment;
  const spec = d.spec!;
  const status = d.status ?? {};
  const { oldRSs, newRS } = deploymentReplicaSets(obj, ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorText(spec.selector)}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${spec.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
    const ru = spec.strategy?.rollingUpdate;
    if (ru) {
      w.write(
        LEVEL_0,
        `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`,
      );
    }
    describePodTemplate(spec.template, w);
    const conditions = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (oldRSs.length > 0 || newRS) {
      w.write(LEVEL_0, `OldReplicaSets:\t${printReplicaSetsByLabels(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${printReplicaSetsByLabels(newRS ? [newRS] : [])}\n`);
    }
    if (events) describeEvents(events, w, now);
  });
}

/** The describe text of a ReplicaSet. */
export function describeReplicaSet(
  obj: KubeObject,
  ctx: DescribeContext,
  events: readonly KubeObject[] | undefined,
  now: number,
): string {
  const rs = obj as unknown as ReplicaSet;
  const spec = rs.spec!;
  const status = rs.status ?? ({} as NonNullable<ReplicaSet['status']>);
  const [running, waiting, succeeded, failed] = podStatusForController(
    ctx,
    obj.metadata.namespace ?? '',
    spec.selector,
    obj.metadata.uid,
  );
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    const controlledBy = printController(obj);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${status.replicas ?? 0} current / ${spec.replicas ?? 1} desired\n`,
    );
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(
      LEVEL_0,
      `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed\n`,
    );
    describePodTemplate(spec.template, w);
    const conditions = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (events) describeEvents(events, w, now);
  });
}
