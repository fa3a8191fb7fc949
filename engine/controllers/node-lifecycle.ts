/**
 * The part of the node lifecycle controller Podlab needs (TaintNodesByCondition,
 * pkg/controller/nodelifecycle): NoSchedule taints that follow the node's state —
 * `node.kubernetes.io/not-ready` while Ready is not True (a newly registered node carries it until
 * then) and `node.kubernetes.io/unschedulable` while the node is cordoned.
 */
import type { Node, Taint } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import type { ClusterView, Controller, ControllerHost, ReconcileResult } from './framework';

/** The taint kept in step with spec.unschedulable. */
export const UNSCHEDULABLE_TAINT = 'node.kubernetes.io/unschedulable';
/** The taint kept in step with the Ready condition. */
export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';

/** The node lifecycle controller; keys are node names. */
export const nodeLifecycleController: Controller = {
  name: 'node-lifecycle-controller',

  setup(host: ControllerHost) {
    host.watch('Node', (e) => {
      if (e.type !== 'DELETED') host.enqueue(e.object.metadata.name!);
    });
  },

  reconcile(name: string, view: ClusterView): ReconcileResult {
    const node = view.get<Node>('Node', '', name);
    if (!node) return {};
    const ready =
      node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
    const want = new Map<string, boolean>([
      [UNSCHEDULABLE_TAINT, !!node.spec?.unschedulable],
      [NOT_READY_TAINT, !ready],
    ]);
    const taints = node.spec?.taints ?? [];
    let next: Taint[] = taints.filter(
      (t) => !(t.effect === 'NoSchedule' && want.has(t.key) && !want.get(t.key)),
    );
    for (const [key, on] of want) {
      if (on && !next.some((t) => t.key === key && t.effect === 'NoSchedule'))
        next = [...next, { key, effect: 'NoSchedule' }];
    }
    if (next.length === taints.length && next.every((t, i) => t === taints[i])) return {};
    const spec: Record<string, unknown> = { ...node.spec };
    if (next.length) spec.taints = next;
    else delete spec.taints;
    const changes = [...want].filter(
      ([key, on]) => on !== taints.some((t) => t.key === key && t.effect === 'NoSchedule'),
    );
    return {
      actions: [{ op: 'update', object: { ...(node as unknown as KubeObject), spec } }],
      explanations: changes.map(([key, on]) => ({
        object: `Node/${name}`,
        message: `${on ? 'Added' : 'Removed'} taint ${key}:NoSchedule: ${key === NOT_READY_TAINT ? (on ? 'the node is not Ready' : 'the node is Ready') : on ? 'the node is cordoned' : 'the node is uncordoned'}`,
        field: key === NOT_READY_TAINT ? 'status.conditions' : 'spec.unschedulable',
      })),
    };
  },
};
