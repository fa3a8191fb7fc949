/**
 * The kubelet's crash-loop back-off (k8s.io/client-go/util/flowcontrol Backoff with
 * kubelet.go backOffPeriod 10 s and MaxContainerBackOff 300 s; kuberuntime_manager.go#doBackOff):
 * the first failure restarts at once and arms 10 s; each later failure waits the current delay
 * (measured from the container's finish time) and doubles it up to 5 min. An entry untouched for
 * twice the maximum is forgotten, so a container that ran 10 min starts over.
 */
import { SECOND, type Duration, type Instant } from '../time/instant';

/** Initial back-off. */
export const BACKOFF_INITIAL: Duration = 10 * SECOND;
/** Maximum back-off. */
export const BACKOFF_MAX: Duration = 300 * SECOND;

/** One container's back-off entry. */
export class CrashLoopBackoff {
  private delay?: Duration;
  private lastUpdate?: Instant;

  constructor(
    private readonly initial = BACKOFF_INITIAL,
    private readonly max = BACKOFF_MAX,
  ) {}

  /** The current delay, if an entry exists. */
  get current(): Duration | undefined {
    return this.delay;
  }

  /**
   * Whether a restart after a container that finished at `finishedAt` must still wait at `now`
   * (IsInBackOffSince); when it need not wait, the entry advances (Next) as doBackOff does.
   * Returns the remaining wait, or 0 to restart now.
   */
  check(finishedAt: Instant, now: Instant): Duration {
    if (
      this.delay !== undefined &&
      this.lastUpdate !== undefined &&
      now - this.lastUpdate > 2 * this.max
    ) {
      this.delay = undefined;
    }
    if (this.delay !== undefined && now - finishedAt < this.delay)
      return finishedAt + this.delay - now;
    this.delay = this.delay === undefined ? this.initial : Math.min(this.delay * 2, this.max);
    this.lastUpdate = now;
    return 0;
  }
}
