/** Test harness for the mutating verbs: a golden-start cluster, a workstation and `kubectl …`. */
import { HOME } from '../../shell/workstation';
import { TestCluster } from '../../testing/test-cluster';
import { kubectlWorkstation } from './workstation-testing';

/** A web Deployment (3 replicas), a logd DaemonSet and a bare pod `alone` on node01. */
export const WORKLOADS = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, image: nginx}]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: logd}
spec:
  selector: {matchLabels: {app: logd}}
  template:
    metadata: {labels: {app: logd}}
    spec:
      containers: [{name: c, image: busybox, command: [sleep, "3600"]}]
---
apiVersion: v1
kind: Pod
metadata: {name: alone}
spec:
  nodeName: node01
  terminationGracePeriodSeconds: 5
  containers: [{name: c, image: busybox, command: [sleep, "3600"]}]
`;

/** A cluster with `manifest` applied and settled for `settle`; `k(...)` runs kubectl. */
export function mutateCluster(manifest = '', settle = '60s') {
  const { sim, ws, k } = kubectlWorkstation();
  const tc = TestCluster.of(sim);
  if (manifest) tc.apply(manifest).advance(settle);
  /** Writes a file in the learner's home directory. */
  const write = (name: string, text: string) => ws.ns.fs.writeFile(`${HOME}/${name}`, text);
  return { sim, tc, k, write };
}
