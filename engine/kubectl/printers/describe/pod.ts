/** kubectl describe pod (kubectl pkg/describe/describe.go#describePod). */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/object';
import { translateTimestampSince } from '../../format/duration';
import { describeContainers, describeVolumes, envValueFromPod } from './containers';
import {
  describeEvents,
  printAnnotationsMultiline,
  printController,
  printLabelsMultiline,
  printTolerationsMultiline,
  rfc1123z,
} from './helpers';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer';
import { podQOSClass } from './resources';

/** The describe text of a pod; `events` is undefined when events are not shown. */
export function describePod(
  obj: KubeObject,
  events: readonly KubeObject[] | undefined,
  now: number,
): string {
  const pod = obj as unknown as Pod;
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    if (spec.priority !== undefined && spec.priority !== null)
      w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    if (spec.priorityClassName)
      w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    if (!spec.nodeName) w.write(LEVEL_0, 'Node:\t<none>\n');
    else w.write(LEVEL_0, `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n`);
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    if (
      obj.metadata.deletionTimestamp &&
      status.phase !== 'Failed' &&
      status.phase !== 'Succeeded'
    ) {
      w.write(
        LEVEL_0,
        `Status:\tTerminating (lasts ${translateTimestampSince(obj.metadata.deletionTimestamp, now)})\n`,
      );
      w.write(
        LEVEL_0,
        `Termination Grace Period:\t${obj.metadata.deletionGracePeriodSeconds ?? 0}s\n`,
      );
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const seccomp = spec.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === 'Localhost')
        w.write(LEVEL_1, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
    const ips = status.podIPs ?? [];
    if (ips.length === 0) {
      w.write(LEVEL_0, 'IPs:\t<none>\n');
    } else {
      w.write(LEVEL_0, 'IPs:\n');
      for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
    }
    const controlledBy = printController(obj);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (status.nominatedNodeName)
      w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    const resolver = envValueFromPod(pod);
    if (spec.initContainers && spec.initContainers.length > 0) {
      describeContainers(
        'Init Containers',
        spec.initContainers,
        status.initContainerStatuses ?? [],
        resolver,
        w,
        '',
      );
    }
    describeContainers(
      'Containers',
      spec.containers ?? [],
      status.containerStatuses ?? [],
      resolver,
      w,
      '',
    );
    const gates = spec.readinessGates ?? [];
    if (gates.length > 0) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of gates) {
        const c = (status.conditions ?? []).find((x) => x.type === g.conditionType);
        w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
      }
    }
    const conditions = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(spec.volumes, w, '');
    w.write(LEVEL_0, `QoS Class:\t${status.qosClass || podQOSClass(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
    if (events) describeEvents(events, w, now);
  });
}
