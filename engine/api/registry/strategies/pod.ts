/**
 * The Pod strategy (k/k pkg/registry/core/pod/strategy.go) and the pod admission chain. A new
 * pod is Pending with its QoS class; a pod with scheduling gates starts with a PodScheduled=False
 * condition (applySchedulingGatedCondition).
 */
import {
  admitDefaultTolerationSeconds,
  admitNamespaceLifecycle,
  admitPriority,
  admitServiceAccount,
} from '../admission';
import { defaultPod } from '../defaults/pod-spec';
import { isObj, objAt, strAt, type Obj } from '../json';
import { computePodQOS } from '../qos';
import type { Strategy } from '../strategy';
import { validatePodCreate, validatePodStatusUpdate, validatePodUpdate } from '../validation/pod';
import { asObj, keepOldStatus, metaOf } from './common';

function specOf(pod: Obj): Obj {
  return isObj(pod.spec) ? pod.spec : {};
}

/** The Pod strategy. */
export const podStrategy: Strategy = {
  kind: 'Pod',
  namespaced: true,
  applyDefaults: (obj) => defaultPod(asObj(obj)),
  admit(obj, ctx, old) {
    const pod = asObj(obj);
    const lifecycle = admitNamespaceLifecycle('pods', pod, ctx, old === undefined);
    if (lifecycle) return lifecycle;
    if (old === undefined) {
      const sa = admitServiceAccount(pod, ctx);
      if (sa) return sa;
    }
    const priority = admitPriority(pod, ctx, old === undefined ? undefined : asObj(old));
    if (priority) return priority;
    admitDefaultTolerationSeconds(pod);
    return undefined;
  },
  prepareForCreate(obj) {
    const pod = asObj(obj);
    const spec = specOf(pod);
    const status: Obj = { phase: 'Pending', qosClass: computePodQOS(spec) };
    if (Array.isArray(spec.schedulingGates) && spec.schedulingGates.length > 0) {
      status.conditions = [
        {
          lastProbeTime: null,
          lastTransitionTime: null,
          message: 'Scheduling is blocked due to non-empty scheduling gates',
          reason: 'SchedulingGated',
          status: 'False',
          type: 'PodScheduled',
        },
      ];
    }
    pod.status = status;
  },
  prepareForUpdate: keepOldStatus,
  prepareForStatusUpdate(obj, old) {
    const pod = asObj(obj);
    pod.spec = old.spec;
    // Old kubelets corrupt owner references through /status, so upstream keeps the stored ones.
    const oldRefs = metaOf(old).ownerReferences;
    if (oldRefs === undefined) delete metaOf(obj).ownerReferences;
    else metaOf(obj).ownerReferences = oldRefs;
    const status = objAt(pod, 'status');
    const oldQos = strAt(objAt(asObj(old), 'status'), 'qosClass');
    if (status && (strAt(status, 'qosClass') ?? '') === '' && oldQos !== undefined) {
      status.qosClass = oldQos;
    }
  },
  validate: (obj) => validatePodCreate(asObj(obj)),
  validateUpdate: (obj, old) => validatePodUpdate(asObj(obj), asObj(old)),
  validateStatusUpdate: (obj, old) => validatePodStatusUpdate(asObj(obj), asObj(old)),
};
