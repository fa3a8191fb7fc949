/** Test harness for kubectl verbs: a golden-start simulation, a workstation and `kubectl …`. */
import { createSimulation } from '../../simulation';
import { createWorkstation, type WorkstationOptions } from '../../shell/workstation';
import { runOnWorkstation, type CommandOutput } from '../../testing/run-command';
import { GOLDEN_START } from '../../testing/test-cluster';

/** A Job `pi` that prints once and completes (the write verbs' manifest, as `job.yaml`). */
export const PI_JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      containers:
      - name: pi
        image: busybox
        command: ["sh", "-c", "echo hi"]
      restartPolicy: Never
`;

/** A fresh simulation at GOLDEN_START with a workstation; `k(...)` runs kubectl, `kin` with stdin. */
export function kubectlWorkstation(options: WorkstationOptions = {}) {
  const sim = createSimulation({ seed: 1, start: GOLDEN_START });
  const ws = createWorkstation(sim, options);
  const k = (...args: string[]): CommandOutput => runOnWorkstation(sim, ws, ['kubectl', ...args]);
  const kin = (stdin: string, ...args: string[]): CommandOutput =>
    runOnWorkstation(sim, ws, ['kubectl', ...args], { stdin });
  return { sim, ws, k, kin };
}
