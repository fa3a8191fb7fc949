/**
 * The pod garbage collector (pkg/controller/podgc): pods bound to a node that no longer exists
 * are force-deleted once the node has been gone for the 40 s quarantine.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { SECOND } from '../time/instant';
import type { ClusterView, Controller, ControllerHost, ReconcileResult } from './framework';

/** How long a node must be missing before its pods are deleted (podgc quarantineTime). */
export const QUARANTINE = 40 * SECOND;

/** The pod GC controller; keys are node names. */
export const podGcController: Controller = {
  name: 'pod-garbage-collector',

  setup(host: ControllerHost) {
    host.watch('Node', (e) => {
      if (e.type === 'DELETED') host.enqueue(e.object.metadata.name!, QUARANTINE);
    });
    host.watch('Pod', (e) => {
      const node = (e.object as unknown as Pod).spec?.nodeName;
      if (e.type !== 'DELETED' && node && !host.view.get('Node', '', node))
        host.enqueue(node, QUARANTINE);
    });
  },

  reconcile(node: string, view: ClusterView): ReconcileResult {
    if (view.get('Node', '', node)) return {};
    const pods = view.podsOnNode<Pod>(node);
    return {
      actions: pods.map((p) => ({
        op: 'delete' as const,
        kind: 'Pod',
        namespace: p.metadata!.namespace!,
        name: p.metadata!.name!,
        options: { gracePeriodSeconds: 0 },
      })),
      explanations: pods.map((p) => ({
        object: `Pod/${p.metadata!.namespace}/${p.metadata!.name}`,
        message: `Deleted: its node ${node} no longer exists (pods are not moved to other nodes)`,
        field: 'spec.nodeName',
      })),
    };
  },
};
