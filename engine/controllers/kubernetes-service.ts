/**
 * The apiserver's `kubernetes` Service reconciler (k/k pkg/controlplane/controller/
 * kubernetesservice/controller.go): every EndpointInterval (10 s) it creates the `kubernetes`
 * Service in `default` again if it is missing, and its endpoint reconciler the `kubernetes`
 * Endpoints (the apiserver's address), so `kubectl delete all --all` cannot remove them for long.
 * It records no event.
 */
import type { Node } from 'kubernetes-types/core/v1';
import { kubernetesEndpoints, kubernetesService } from '../cluster/bootstrap';
import { CONTROL_PLANE_LABEL } from '../cluster/topology';
import { SECOND } from '../time/instant';
import type { ClusterView, Controller, ControllerHost, ReconcileResult } from './framework';

/** How often the apiserver checks the Service (EndpointInterval, default 10 s). */
export const KUBERNETES_SERVICE_INTERVAL = 10 * SECOND;

const KEY = 'default/kubernetes';

/** The reconciler, as a controller of the simulation. */
export const kubernetesServiceController: Controller = {
  name: 'kubernetes-service-controller',

  setup(host: ControllerHost) {
    for (const kind of ['Service', 'Endpoints'])
      host.watch(kind, (e) => {
        const m = e.object.metadata;
        if (e.type !== 'DELETED' || m.namespace !== 'default' || m.name !== 'kubernetes') return;
        // @simplified: the apiserver's 10 s ticks start when it starts; here they fall on
        // multiples of 10 s of virtual time.
        const now = host.view.now;
        host.enqueue(KEY, KUBERNETES_SERVICE_INTERVAL - (now % KUBERNETES_SERVICE_INTERVAL));
      });
  },

  reconcile(_key: string, view: ClusterView): ReconcileResult {
    const result: Required<Pick<ReconcileResult, 'actions' | 'explanations'>> = {
      actions: [],
      explanations: [],
    };
    if (!view.get('Service', 'default', 'kubernetes')) {
      result.actions.push({ op: 'create', object: kubernetesService(), namespace: 'default' });
      result.explanations.push({
        object: 'Service/default/kubernetes',
        message: 'Recreated by the API server, which keeps the kubernetes Service in default',
      });
    }
    if (!view.get('Endpoints', 'default', 'kubernetes')) {
      const ip = apiserverAddress(view);
      if (ip)
        result.actions.push({
          op: 'create',
          object: kubernetesEndpoints(ip),
          namespace: 'default',
        });
    }
    return result;
  },
};

/** The control-plane node's InternalIP, where the apiserver listens. */
function apiserverAddress(view: ClusterView): string | undefined {
  const node = view
    .list<Node>('Node')
    .find((n) => n.metadata?.labels?.[CONTROL_PLANE_LABEL] !== undefined);
  return node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}
