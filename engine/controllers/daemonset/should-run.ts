/**
 * daemon_controller.go#NodeShouldRunDaemonPod: whether a node should get a daemon pod
 * (shouldRun) and whether a pod already there may stay (shouldContinueRunning). The would-be pod
 * is the template with the default daemon tolerations; node name, nodeSelector plus required
 * node affinity, and taints decide. A NoSchedule taint only blocks new pods; a NoExecute taint
 * also evicts. Each verdict carries the plain reason and the field behind it, for narration.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import { matchesNodeAffinity, untoleratedTaint } from '../../scheduler/predicates';
import { withDaemonTolerations } from './daemonset-util';

/** The verdict for one node. */
export interface NodeVerdict {
  shouldRun: boolean;
  shouldContinueRunning: boolean;
  /** Why the node gets no new pod (when !shouldRun). */
  reason?: string;
  /** The DaemonSet field behind the reason. */
  field?: string;
}

/** `key=value:Effect` or `key:Effect`, as kubectl writes taints. */
export function formatTaint(t: Taint): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}

const RUN: NodeVerdict = { shouldRun: true, shouldContinueRunning: true };

/** Precomputes the would-be pod of a DaemonSet and judges nodes against it. */
export class NodeEvaluator {
  private readonly pod: Pod;
  private readonly tolerations: Toleration[];
  private readonly nodeName: string;
  private readonly hasSelector: boolean;
  private readonly hasAffinity: boolean;

  constructor(ds: DaemonSet) {
    const spec = ds.spec?.template?.spec ?? { containers: [] };
    this.tolerations = withDaemonTolerations(spec);
    this.pod = { spec: { ...spec, tolerations: this.tolerations } };
    this.nodeName = spec.nodeName ?? '';
    this.hasSelector = Object.keys(spec.nodeSelector ?? {}).length > 0;
    this.hasAffinity =
      !!spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  }

  /** NodeShouldRunDaemonPod for one node. */
  evaluate(node: Node): NodeVerdict {
    const name = node.metadata?.name ?? '';
    if (this.nodeName !== '' && this.nodeName !== name) {
      return {
        shouldRun: false,
        shouldContinueRunning: false,
        reason: `the template names node ${this.nodeName}`,
        field: 'spec.template.spec.nodeName',
      };
    }
    if ((this.hasSelector || this.hasAffinity) && !matchesNodeAffinity(this.pod, node)) {
      return {
        shouldRun: false,
        shouldContinueRunning: false,
        ...this.affinityReason(node),
      };
    }
    const taints = node.spec?.taints;
    if (!taints?.length) return RUN;
    const blocking = untoleratedTaint(taints, this.tolerations, ['NoSchedule', 'NoExecute']);
    if (!blocking) return RUN;
    const evicting = untoleratedTaint(taints, this.tolerations, ['NoExecute']);
    return {
      shouldRun: false,
      shouldContinueRunning: !evicting,
      reason: `taint ${formatTaint(evicting ?? blocking)} is not tolerated`,
      field: 'spec.template.spec.tolerations',
    };
  }

  private affinityReason(node: Node): { reason: string; field: string } {
    const labels = node.metadata?.labels ?? {};
    for (const [k, v] of Object.entries(this.pod.spec?.nodeSelector ?? {})) {
      if (labels[k] === v) continue;
      return {
        reason:
          labels[k] === undefined
            ? `it has no label ${k}=${v}`
            : `its label ${k}=${labels[k]} is not ${k}=${v}`,
        field: 'spec.template.spec.nodeSelector',
      };
    }
    return {
      reason: 'its labels do not match the required node affinity',
      field: 'spec.template.spec.affinity.nodeAffinity',
    };
  }
}

/** NodeShouldRunDaemonPod for a single (node, DaemonSet) pair. */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): NodeVerdict {
  return new NodeEvaluator(ds).evaluate(node);
}
