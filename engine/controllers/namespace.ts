/**
 * The namespace controller (pkg/controller/namespace): when a namespace is Terminating, delete
 * every object in it; once nothing is left, finalize the namespace so it disappears.
 */
import { RESOURCES } from '../api/resources';
import { SECOND } from '../time/instant';
import type { ApiServer } from '../api/apiserver';
import type { ClusterView, Controller, ControllerHost, ReconcileResult, Action } from './framework';

/** The namespace controller; keys are namespace names. */
export function namespaceController(server: ApiServer): Controller {
  return {
    name: 'namespace-controller',

    setup(host: ControllerHost) {
      host.watch('Namespace', (e) => {
        if (e.type === 'MODIFIED' && e.object.metadata.deletionTimestamp)
          host.enqueue(e.object.metadata.name!);
      });
    },

    reconcile(name: string, view: ClusterView): ReconcileResult {
      const ns = view.get('Namespace', '', name);
      if (!ns?.metadata.deletionTimestamp) return {};
      const actions: Action[] = [];
      let remaining = 0;
      for (const info of RESOURCES) {
        if (!info.namespaced) continue;
        for (const obj of view.list(info.kind, name)) {
          remaining++;
          if (!obj.metadata.deletionTimestamp) {
            actions.push({
              op: 'delete',
              kind: info.kind,
              namespace: name,
              name: obj.metadata.name!,
              options: { propagationPolicy: 'Background' },
            });
          }
        }
      }
      if (remaining === 0) {
        server.finalizeNamespace(name);
        return {};
      }
      // Check again until the content (terminating pods included) is gone.
      return { actions, requeueAfter: 5 * SECOND };
    },
  };
}
