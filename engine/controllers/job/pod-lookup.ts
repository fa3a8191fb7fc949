/**
 * Where a sync gets its candidate pods from (the pod lister of getPodsForJob): the
 * controller's incremental pod cache when it runs in a simulation, or a scan of the namespace.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { ClusterView } from '../framework';
import type { JobPodIndex } from './pod-index';

/** Returns the pods a Job might claim: its own pods that matter and the namespace's orphans. */
export type PodIndexLookup = (job: Job) => Pod[];

/** Candidates from the incremental cache. */
export function indexLookup(index: JobPodIndex): PodIndexLookup {
  return (job) => {
    const own = index.podsOf(job.metadata!.uid!);
    const orphans = index.orphansIn(job.metadata?.namespace ?? 'default');
    return orphans.length ? own.concat(orphans) : own;
  };
}

/** Candidates from a full scan of the Job's namespace, as upstream lists labels.Everything(). */
export function scanLookup(view: ClusterView): PodIndexLookup {
  return (job) => view.list<Pod>('Pod', job.metadata?.namespace ?? 'default');
}
