/**
 * How long the simulated kubelet takes for things. The reference model (PRODUCT.md §4, the
 * golden scenarios) has every image present and a container Running 2 s after the pod is bound;
 * the optional cold-pull mode gives each node's first pull of an image a realistic delay.
 */
import { SECOND, type Duration } from '../time/instant';
import type { Rng } from '../random';

/** Timing parameters of the kubelets. */
export interface TimingModel {
  /** From the pod being bound to its (first) container running. */
  readonly containerStart: Duration;
  /** From a container exiting to its restart when no crash-loop back-off applies. */
  readonly restartDelay: Duration;
  /** From one init container finishing to the next container starting. */
  readonly nextContainerDelay: Duration;
  /** Whether the first pull of an image on a node takes time (with Pulling/Pulled events). */
  readonly coldPulls: boolean;
  /** Duration of a pull of `sizeBytes` (cold-pull mode), in ms. */
  pullDuration(sizeBytes: number, rng: Rng): Duration;
}

/** The reference timing model. */
export const REFERENCE_TIMING: TimingModel = {
  containerStart: 2 * SECOND,
  restartDelay: 1 * SECOND,
  nextContainerDelay: 1 * SECOND,
  coldPulls: false,
  // @simplified: about 20 MB/s plus a second of registry round trips, with ±20 % jitter.
  pullDuration: (sizeBytes, rng) =>
    Math.round((1000 + sizeBytes / 20_000) * (0.8 + 0.4 * rng.next())),
};

/** The reference model with cold pulls switched on. */
export const COLD_PULL_TIMING: TimingModel = { ...REFERENCE_TIMING, coldPulls: true };
