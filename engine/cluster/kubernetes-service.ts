/**
 * The apiserver's bootstrap controller for the `kubernetes` Service in `default`
 * (pkg/controlplane/controller/kubernetesservice/controller.go): every EndpointInterval (10 s,
 * DefaultEndpointReconcilerInterval in pkg/controlplane/instance.go, run with
 * wait.NonSlidingUntil from the apiserver's start) it creates the Service if it is missing, and
 * the endpoint reconciler recreates its Endpoints. So `kubectl delete all --all` deletes
 * `service/kubernetes`, and it is back, with a new uid and age, at the next 10-s tick.
 */
import type { ApiServer } from '../api/apiserver';
import type { Duration, Instant } from '../time/instant';
import { SECOND } from '../time/instant';
import { kubernetesEndpoints, kubernetesService } from './bootstrap';

/** How often the apiserver reconciles the `kubernetes` Service and its Endpoints. */
export const ENDPOINT_INTERVAL = 10 * SECOND;

export interface KubernetesServiceDeps {
  server: ApiServer;
  now: () => Instant;
  after: (delay: Duration, label: string, run: () => void) => unknown;
  /** When the apiserver started: the ticks fall at startedAt + k × 10 s. */
  startedAt: Instant;
}

/** Watches the Service and its Endpoints; returns the unsubscribe function. */
// @simplified: instead of polling every 10 s, the controller only arms a timer for the next
// tick after one of the two objects is deleted (the outcome is the same, the event queue stays
// empty while nothing happens).
export function startKubernetesServiceController(deps: KubernetesServiceDeps): () => void {
  // The apiserver's own address, as bootstrap published it (its --advertise-address).
  const published = deps.server.get('Endpoints', 'default', 'kubernetes') as
    { subsets?: Array<{ addresses?: Array<{ ip?: string }> }> } | undefined;
  const apiserverIp = published?.subsets?.[0]?.addresses?.[0]?.ip ?? '172.18.0.2';
  let armed = false;
  const reconcile = () => {
    armed = false;
    const { server } = deps;
    if (!server.get('Service', 'default', 'kubernetes')) server.create(kubernetesService());
    if (!server.get('Endpoints', 'default', 'kubernetes'))
      server.create(kubernetesEndpoints(apiserverIp));
  };
  const onDelete = (e: {
    type: string;
    object: { metadata: { namespace?: string; name?: string } };
  }) => {
    if (e.type !== 'DELETED' || armed) return;
    if (e.object.metadata.namespace !== 'default' || e.object.metadata.name !== 'kubernetes')
      return;
    armed = true;
    const now = deps.now();
    const elapsed = now - deps.startedAt;
    const next = deps.startedAt + (Math.floor(elapsed / ENDPOINT_INTERVAL) + 1) * ENDPOINT_INTERVAL;
    deps.after(next - now, 'apiserver kubernetes service', reconcile);
  };
  const stops = [deps.server.watch('Service', onDelete), deps.server.watch('Endpoints', onDelete)];
  return () => stops.forEach((s) => s());
}
