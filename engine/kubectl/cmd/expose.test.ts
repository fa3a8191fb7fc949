import { describe, expect, it } from 'vitest';
import { createWorkstation } from '../../shell/workstation';
import { runOnWorkstation } from '../../testing/run-command';
import { TestCluster } from '../../testing/test-cluster';

const APP = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: nginx, image: nginx, ports: [{containerPort: 80}, {containerPort: 53, protocol: UDP}]}
---
apiVersion: v1
kind: Pod
metadata: {name: bare}
spec:
  containers:
  - {name: main, image: busybox, command: [sleep, '3600']}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers:
      - {name: main, image: busybox, command: [sleep, '3600']}
`;

function setup() {
  const tc = TestCluster.seed(1).apply(APP);
  const ws = createWorkstation(tc.sim);
  return { tc, k: (...args: string[]) => runOnWorkstation(tc.sim, ws, ['kubectl', ...args]) };
}

describe('kubectl expose', () => {
  it('prints the service it would create', () => {
    const { k } = setup();
    expect(
      k(
        'expose',
        'deployment',
        'web',
        '--port=80',
        '--target-port=8080',
        '--dry-run=client',
        '-o',
        'yaml',
      ).stdout,
    ).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 8080\n  selector:\n    app: web\nstatus:\n  loadBalancer: {}\n',
    );
    // Ports and protocols come from the containers when --port is not given.
    expect(
      k('expose', 'deploy/web', '--dry-run=client', '-o', 'yaml', '--type=NodePort').stdout,
    ).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  ports:\n  - name: port-1\n    port: 80\n    protocol: TCP\n    targetPort: 80\n  - name: port-2\n    port: 53\n    protocol: UDP\n    targetPort: 53\n  selector:\n    app: web\n  type: NodePort\nstatus:\n  loadBalancer: {}\n',
    );
  });

  it('creates the service', () => {
    const { tc, k } = setup();
    expect(k('expose', 'deployment', 'web', '--port=80', '--name=front')).toEqual({
      stdout: 'service/front exposed\n',
      stderr: '',
      code: 0,
    });
    const svc = tc.sim.server.get('Service', 'default', 'front') as unknown as {
      spec: { clusterIP?: string; type?: string };
    };
    expect(svc.spec.type).toBe('ClusterIP');
    expect(svc.spec.clusterIP).toMatch(/^10\./);
  });

  it('exposes the object of a manifest file', () => {
    const tc = TestCluster.seed(1).build();
    const ws = createWorkstation(tc.sim, {
      files: {
        'web.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: c, image: nginx, ports: [{containerPort: 8080}]}]\n',
      },
    });
    const r = runOnWorkstation(tc.sim, ws, [
      'kubectl',
      'expose',
      '-f',
      'web.yaml',
      '--dry-run=client',
      '-o',
      'name',
    ]);
    expect(r).toEqual({ stdout: 'service/web\n', stderr: '', code: 0 });
  });

  it('reports what cannot be exposed', () => {
    const { k } = setup();
    expect(k('expose', 'pod', 'bare', '--port=80').stderr).toBe(
      'error: the pod has no labels and cannot be exposed\n',
    );
    expect(k('expose', 'ds', 'agent', '--port=80').stderr).toBe(
      'error: cannot expose a DaemonSet.apps\n',
    );
    expect(k('expose', 'deployment', 'nope', '--port=80').stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
  });
});
