/**
 * The DaemonSet controller (k/k pkg/controller/daemon/daemon_controller.go, update.go): one pod
 * per eligible node. A sync records the template as a ControllerRevision, creates a pod on every
 * node that should run one and has none, deletes pods on nodes that no longer qualify (and failed,
 * succeeded or surplus pods), then — when nothing was created or deleted, as upstream waits for
 * its expectations — lets the update strategy replace old pods, trims the revision history and
 * writes the status counters.
 *
 * Informer wiring follows upstream: DaemonSet changes; pod changes (by controller reference, or
 * orphans by selector); node additions that should run a pod; node updates only when a label,
 * taint or condition change flips shouldRun or shouldContinueRunning. Node deletion is left to the
 * pod garbage collector.
 */
import type { DaemonSet, DaemonSetStatus } from 'kubernetes-types/apps/v1';
import type { Node, NodeCondition, Pod } from 'kubernetes-types/core/v1';
import { fromLabelSelector, matches, type Selector } from '../../api/labels';
import type { KubeObject } from '../../api/object';
import { jsonEqual } from '../../api/patch';
import type { EventIntent } from '../../api/events';
import { describeObject, type Explanation } from '../../narration';
import type { Rng } from '../../random';
import { SECOND } from '../../time/instant';
import type {
  Action,
  ClusterView,
  Controller,
  ControllerHost,
  ReconcileResult,
} from '../framework';
import {
  controllerOf,
  createdPodEvent,
  deletedPodEvent,
  failedCreateEvent,
  failedDeleteEvent,
  isPodAvailable,
  isPodReady,
  isPodTerminal,
  newControllerRef,
  objectKey,
  podFromTemplate,
  slowStartCreates,
  splitKey,
  withControllerRef,
  withoutOwnerRef,
} from '../replicaset/controller-utils';
import {
  allowsSurge,
  createPodTemplate,
  isPodUpdated,
  pinToNode,
  targetNodeName,
  templateGeneration,
  updateStrategyType,
} from './daemonset-util';
import { memoryFor, type DaemonSetMemory } from './memory';
import { cleanupHistory, constructHistory } from './revisions';
import { planRollingUpdate } from './rolling-update';
import { NodeEvaluator, type NodeVerdict } from './should-run';

type DS = DaemonSet & KubeObject;
type PodObj = Pod & KubeObject;

/** Creations and deletions per sync (daemon_controller.go BurstReplicas). */
export const BURST_REPLICAS = 250;
/** Ineligible nodes narrated per sync before the rest are summed up. */
const NARRATED_NODES_PER_SYNC = 20;

/** Event reasons (daemon_controller.go). */
export const SELECTING_ALL_REASON = 'SelectingAll';
export const FAILED_DAEMON_POD_REASON = 'FailedDaemonPod';
export const SUCCEEDED_DAEMON_POD_REASON = 'SucceededDaemonPod';

/** Whether a selector is the empty `{}` that selects every pod. */
function selectsEverything(ds: DaemonSet): boolean {
  const s = ds.spec?.selector;
  return !!s && !s.matchLabels && !s.matchExpressions;
}

/** podByCreationTimestampAndPhase: scheduled first, then oldest, then by name. */
function byCreationAndPhase(a: Pod, b: Pod): number {
  const sa = !!a.spec?.nodeName;
  const sb = !!b.spec?.nodeName;
  if (sa !== sb) return sa ? -1 : 1;
  const ta = a.metadata?.creationTimestamp ?? '';
  const tb = b.metadata?.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = a.metadata?.name ?? '';
  const nb = b.metadata?.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/**
 * PodControllerRefManager.ClaimPods: pods this DaemonSet controls and selects, plus selected
 * orphans (adopted); controlled pods it no longer selects are released.
 */
function claimPods(
  ds: DS,
  selector: Selector,
  view: ClusterView,
  actions: Action[],
  releaseHint: boolean,
): PodObj[] {
  const uid = ds.metadata.uid!;
  const claimed: PodObj[] = [];
  if (releaseHint) {
    for (const obj of view.dependents<PodObj>(uid)) {
      if (obj.kind !== 'Pod' || controllerOf(obj)?.uid !== uid) continue;
      if (!matches(selector, obj.metadata.labels) && !obj.metadata.deletionTimestamp)
        actions.push({ op: 'update', object: withoutOwnerRef(obj, uid) });
    }
  }
  // Selected pods come from the label index; controlled ones are kept, orphans adopted.
  for (const pod of view.list<PodObj>('Pod', ds.metadata.namespace, selector)) {
    const ref = controllerOf(pod);
    if (ref) {
      if (ref.uid === uid) claimed.push(pod);
      continue;
    }
    if (pod.metadata.deletionTimestamp) continue;
    const adopted = withControllerRef(pod, ds) as PodObj;
    actions.push({ op: 'update', object: adopted });
    claimed.push(adopted);
  }
  return claimed;
}

/**
 * getNodesToDaemonPods: claimed pods by target node; with `includeDeletedTerminal` false,
 * finished pods already being deleted are left out.
 */
function groupByNode(pods: readonly PodObj[], includeDeletedTerminal: boolean) {
  const byNode = new Map<string, PodObj[]>();
  for (const pod of pods) {
    if (!includeDeletedTerminal && isPodTerminal(pod) && pod.metadata.deletionTimestamp) continue;
    const node = targetNodeName(pod);
    if (node === undefined) continue;
    const list = byNode.get(node);
    if (list) list.push(pod);
    else byNode.set(node, [pod]);
  }
  return byNode;
}

/** Status counters (updateDaemonSetStatus). */
interface Counters {
  desired: number;
  current: number;
  misscheduled: number;
  ready: number;
  updated: number;
  available: number;
}

/** The work one sync found on the nodes (podsShouldBeOnNode over every node). */
interface NodePlan {
  create: string[];
  delete: Array<{ pod: PodObj; why: string; field?: string }>;
  events: EventIntent[];
  explanations: Explanation[];
  requeueAfter?: number;
}

function dsObject(ds: DS): string {
  return describeObject('DaemonSet', ds.metadata.namespace, ds.metadata.name!);
}

/** podsShouldBeOnNode for every node, plus unscheduled pods of vanished nodes. */
function planNodes(
  ds: DS,
  nodes: readonly Node[],
  verdicts: Map<string, NodeVerdict>,
  nodeToPods: Map<string, PodObj[]>,
  hash: string,
  memory: DaemonSetMemory,
  now: number,
): NodePlan {
  const plan: NodePlan = { create: [], delete: [], events: [], explanations: [] };
  const ns = ds.metadata.namespace!;
  const surge = allowsSurge(ds);
  const uid = ds.metadata.uid!;
  let narrated = memory.narratedNodes.get(uid);
  if (!narrated) memory.narratedNodes.set(uid, (narrated = new Map()));
  let narratedNow = 0;
  let unnarrated = 0;
  const nodeNames = new Set<string>();
  for (const node of nodes) {
    const name = node.metadata!.name!;
    nodeNames.add(name);
    const v = verdicts.get(name)!;
    const pods = nodeToPods.get(name);
    // Narrate a node's verdict when it changes.
    const said = narrated.get(name);
    if (!v.shouldRun) {
      const text =
        v.shouldContinueRunning && pods?.length
          ? `No new pod on ${name}: ${v.reason}; the pod already there stays, as only NoExecute taints evict`
          : `No pod on ${name}: ${v.reason}`;
      if (said !== text) {
        narrated.set(name, text);
        if (narratedNow++ < NARRATED_NODES_PER_SYNC)
          plan.explanations.push({ object: dsObject(ds), message: text, field: v.field });
        else unnarrated++;
      }
    } else if (said !== undefined) narrated.delete(name);

    if (v.shouldRun && !pods) {
      plan.create.push(name);
      continue;
    }
    if (!pods) continue;
    if (v.shouldContinueRunning) {
      const running: PodObj[] = [];
      for (const pod of pods) {
        if (pod.metadata.deletionTimestamp) continue;
        const phase = pod.status?.phase;
        if (phase === 'Failed') {
          // Kubelets may keep rejecting the pod: back off per node before killing it again.
          const key = `${uid}/${ds.status?.observedGeneration ?? 0}/${name}`;
          if (memory.failedPods.isInBackOffSinceUpdate(key, now)) {
            const delay = memory.failedPods.get(key);
            plan.requeueAfter = Math.min(plan.requeueAfter ?? Infinity, delay);
            continue;
          }
          memory.failedPods.next(key, now);
          plan.events.push({
            object: ds,
            type: 'Warning',
            reason: FAILED_DAEMON_POD_REASON,
            message: `Found failed daemon pod ${ns}/${pod.metadata.name} on node ${name}, will try to kill it`,
          });
          plan.delete.push({ pod, why: `it failed; a new one replaces it` });
        } else if (phase === 'Succeeded') {
          plan.events.push({
            object: ds,
            type: 'Normal',
            reason: SUCCEEDED_DAEMON_POD_REASON,
            message: `Found succeeded daemon pod ${ns}/${pod.metadata.name} on node ${name}, will try to delete it`,
          });
          plan.delete.push({
            pod,
            why: 'it exited; a daemon pod must keep running, so a new one replaces it',
          });
        } else running.push(pod);
      }
      if (!surge) {
        if (running.length > 1) {
          running.sort(byCreationAndPhase);
          for (const extra of running.slice(1))
            plan.delete.push({ pod: extra, why: `node ${name} already runs an older daemon pod` });
        }
        continue;
      }
      if (running.length <= 1) {
        if (running.length === 0 && v.shouldRun) plan.create.push(name);
        continue;
      }
      // Surge: keep at most the oldest new pod and the oldest old pod.
      running.sort(byCreationAndPhase);
      let oldestNew: PodObj | undefined;
      let oldestOld: PodObj | undefined;
      for (const pod of running) {
        if (pod.metadata.labels?.['controller-revision-hash'] === hash) {
          if (!oldestNew) {
            oldestNew = pod;
            continue;
          }
        } else if (!oldestOld) {
          oldestOld = pod;
          continue;
        }
        plan.delete.push({ pod, why: `node ${name} has surplus daemon pods` });
      }
      if (oldestNew && oldestOld) {
        if (!isPodReady(oldestOld))
          plan.delete.push({ pod: oldestOld, why: 'it is not ready and a new pod is there' });
        else if (isPodAvailable(oldestNew, ds.spec?.minReadySeconds ?? 0, now))
          plan.delete.push({
            pod: oldestOld,
            why: `the new pod ${oldestNew.metadata.name} is available`,
            field: 'spec.updateStrategy.rollingUpdate.maxSurge',
          });
      }
      continue;
    }
    // The node no longer qualifies for its pods.
    for (const pod of pods)
      if (!pod.metadata.deletionTimestamp)
        plan.delete.push({
          pod,
          why: `node ${name} no longer qualifies: ${v.reason}`,
          field: v.field,
        });
  }
  if (unnarrated > 0)
    plan.explanations.push({
      object: dsObject(ds),
      message: `…and ${unnarrated} more node(s) get no pod`,
    });
  // Pods pinned to nodes that are gone and never scheduled: the pod GC cannot see them.
  for (const [name, pods] of nodeToPods) {
    if (nodeNames.has(name)) continue;
    for (const pod of pods)
      if (!pod.spec?.nodeName)
        plan.delete.push({
          pod,
          why: `its node ${name} does not exist and it was never scheduled`,
        });
  }
  return plan;
}

/** syncNodes: pod deletions and creations, at most BURST_REPLICAS of each. */
function syncNodes(
  ds: DS,
  toDelete: NodePlan['delete'],
  toCreate: readonly string[],
  hash: string,
  explainCreate: (node: string) => string,
): { actions: Action[]; deferred: boolean } {
  const ns = ds.metadata.namespace!;
  const createCount = Math.min(toCreate.length, BURST_REPLICAS);
  const deleteCount = Math.min(toDelete.length, BURST_REPLICAS);
  const generation = templateGeneration(ds);
  const template = createPodTemplate(ds.spec!.template, generation, hash);
  const ref = newControllerRef(ds);
  const creates = slowStartCreates(createCount, (i) => {
    const node = toCreate[i];
    const pod = podFromTemplate(
      {
        ...template,
        spec: { ...template.spec!, affinity: pinToNode(template.spec!.affinity, node) },
      },
      ds,
      ref,
    );
    return {
      op: 'create',
      object: pod,
      namespace: ns,
      onSuccess: (created) => ({
        events: [createdPodEvent(ds, created.metadata.name!)],
        explanations: [
          {
            object: describeObject('Pod', ns, created.metadata.name!),
            message: explainCreate(node),
            field: 'spec.template',
          },
        ],
      }),
      onFailure: (error) =>
        /being terminated/.test(error.message)
          ? undefined
          : { events: [failedCreateEvent(ds, error)] },
    };
  });
  const deletes: Action[] = toDelete.slice(0, deleteCount).map(({ pod, why, field }) => ({
    op: 'delete',
    kind: 'Pod',
    namespace: ns,
    name: pod.metadata.name!,
    onSuccess: () => ({
      events: [deletedPodEvent(ds, pod.metadata.name!)],
      explanations: [
        {
          object: describeObject('Pod', ns, pod.metadata.name!),
          message: `Deleted: ${why}`,
          field: field ?? 'spec.template',
        },
      ],
    }),
    onFailure: (error) =>
      error.code === 404 ? undefined : { events: [failedDeleteEvent(ds, error)] },
  }));
  return {
    actions: [...creates, ...deletes],
    deferred: toCreate.length > createCount || toDelete.length > deleteCount,
  };
}

/** updateDaemonSetStatus's counters. */
function countStatus(
  ds: DS,
  nodes: readonly Node[],
  verdicts: Map<string, NodeVerdict>,
  nodeToPods: Map<string, PodObj[]>,
  hash: string,
  now: number,
): Counters {
  const c: Counters = {
    desired: 0,
    current: 0,
    misscheduled: 0,
    ready: 0,
    updated: 0,
    available: 0,
  };
  const generation = templateGeneration(ds);
  const minReady = ds.spec?.minReadySeconds ?? 0;
  for (const node of nodes) {
    const name = node.metadata!.name!;
    const pods = nodeToPods.get(name);
    if (!verdicts.get(name)!.shouldRun) {
      if (pods?.length) c.misscheduled++;
      continue;
    }
    c.desired++;
    if (!pods?.length) continue;
    c.current++;
    const oldest = pods.length > 1 ? [...pods].sort(byCreationAndPhase)[0] : pods[0];
    if (isPodReady(oldest)) {
      c.ready++;
      if (isPodAvailable(oldest, minReady, now)) c.available++;
    }
    if (isPodUpdated(oldest, hash, generation)) c.updated++;
  }
  return c;
}

/** The status object, with Go's omitempty for the optional counters. */
function statusOf(ds: DS, c: Counters): DaemonSetStatus {
  const status: DaemonSetStatus = {
    currentNumberScheduled: c.current,
    desiredNumberScheduled: c.desired,
    numberMisscheduled: c.misscheduled,
    numberReady: c.ready,
  };
  const generation = ds.metadata.generation;
  if (generation) status.observedGeneration = generation;
  if (c.updated) status.updatedNumberScheduled = c.updated;
  if (c.available) status.numberAvailable = c.available;
  if (c.desired - c.available) status.numberUnavailable = c.desired - c.available;
  const prev = ds.status;
  if (prev?.collisionCount !== undefined) status.collisionCount = prev.collisionCount;
  if (prev?.conditions?.length) status.conditions = prev.conditions;
  return status;
}

/** nodeInSameCondition: the same set of condition types with status True. */
function sameTrueConditions(a: NodeCondition[] | undefined, b: NodeCondition[] | undefined) {
  const set = (l: NodeCondition[] | undefined) =>
    (l ?? [])
      .filter((c) => c.status === 'True')
      .map((c) => c.type)
      .sort()
      .join(',');
  return set(a) === set(b);
}

/** shouldIgnoreNodeUpdate: nothing but heartbeats and resourceVersion changed. */
function ignorableNodeUpdate(old: Node, cur: Node): boolean {
  if (!sameTrueConditions(old.status?.conditions, cur.status?.conditions)) return false;
  const strip = (n: Node) => ({
    ...n,
    metadata: { ...n.metadata, resourceVersion: undefined },
    status: { ...n.status, conditions: undefined },
  });
  return jsonEqual(strip(old), strip(cur));
}

/** The DaemonSet controller; keys are `namespace/name`. */
export const daemonSetController: Controller = {
  name: 'daemonset-controller',

  setup(host: ControllerHost) {
    const view = host.view;
    const byOwner = (pod: Pod): DS | undefined => {
      const ref = controllerOf(pod);
      if (!ref || ref.kind !== 'DaemonSet') return undefined;
      const ds = view.get<DS>('DaemonSet', pod.metadata?.namespace ?? '', ref.name);
      return ds && ds.metadata.uid === ref.uid ? ds : undefined;
    };
    const selecting = (pod: Pod) =>
      view
        .list<DS>('DaemonSet', pod.metadata?.namespace)
        .filter((ds) => matches(fromLabelSelector(ds.spec?.selector), pod.metadata?.labels));

    host.watch('DaemonSet', (e) => host.enqueue(objectKey(e.object)));
    host.watch('ControllerRevision', (e) => {
      const ref = controllerOf(e.object);
      if (ref?.kind === 'DaemonSet') host.enqueue(`${e.object.metadata.namespace}/${ref.name}`);
      else if (!ref && e.type !== 'DELETED')
        for (const ds of selecting(e.object as unknown as Pod)) host.enqueue(objectKey(ds));
    });
    host.watch('Pod', (e) => {
      const pod = e.object as unknown as Pod;
      const old = e.old as unknown as Pod | undefined;
      if (e.type === 'MODIFIED' && old) {
        const oldRef = controllerOf(old);
        const curRef = controllerOf(pod);
        if (oldRef && oldRef.uid !== curRef?.uid) {
          const prev = byOwner(old);
          if (prev) host.enqueue(objectKey(prev));
        }
      }
      const owner = byOwner(pod);
      if (owner) {
        if (
          e.type === 'MODIFIED' &&
          !matches(fromLabelSelector(owner.spec?.selector), pod.metadata?.labels)
        )
          memoryFor(view).releaseHints.add(owner.metadata.uid!);
        host.enqueue(objectKey(owner));
        const minReady = owner.spec?.minReadySeconds ?? 0;
        if (e.type === 'MODIFIED' && old && minReady > 0 && !isPodReady(old) && isPodReady(pod))
          host.enqueue(objectKey(owner), (minReady + 1) * SECOND);
        return;
      }
      if (controllerOf(pod) || e.type === 'DELETED') return;
      if (e.type === 'MODIFIED' && old && jsonEqual(old.metadata?.labels, pod.metadata?.labels))
        return;
      for (const ds of selecting(pod)) host.enqueue(objectKey(ds));
    });
    host.watch('Node', (e) => {
      const node = e.object as unknown as Node;
      if (e.type === 'DELETED') return;
      const dsList = view.list<DS>('DaemonSet');
      if (e.type === 'ADDED') {
        for (const ds of dsList)
          if (new NodeEvaluator(ds).evaluate(node).shouldRun) host.enqueue(objectKey(ds));
        return;
      }
      const old = e.old as unknown as Node;
      if (!old || ignorableNodeUpdate(old, node)) return;
      for (const ds of dsList) {
        const ev = new NodeEvaluator(ds);
        const a = ev.evaluate(old);
        const b = ev.evaluate(node);
        if (a.shouldRun !== b.shouldRun || a.shouldContinueRunning !== b.shouldContinueRunning)
          host.enqueue(objectKey(ds));
      }
    });
  },

  reconcile(key: string, view: ClusterView, rng: Rng): ReconcileResult {
    const [ns, name] = splitKey(key);
    const ds = view.get<DS>('DaemonSet', ns, name);
    if (!ds) return {};
    if (selectsEverything(ds)) {
      return {
        events: [
          {
            object: ds,
            type: 'Warning',
            reason: SELECTING_ALL_REASON,
            message: 'This daemon set is selecting all pods. A non-empty selector is required.',
          },
        ],
      };
    }
    // Status of a DaemonSet being deleted cannot be trusted: its revisions may be gone.
    if (ds.metadata.deletionTimestamp) return {};
    const memory = memoryFor(view);
    const now = view.now;
    const selector = fromLabelSelector(ds.spec?.selector);
    const actions: Action[] = [];
    const events: EventIntent[] = [];
    const explanations: Explanation[] = [];
    const releaseHint = memory.releaseHints.delete(ds.metadata.uid!);
    const claimed = claimPods(ds, selector, view, actions, releaseHint);

    const history = constructHistory(ds, selector, claimed, view);
    actions.push(...history.actions);
    explanations.push(...history.explanations);
    if (history.collision) return { actions, explanations, requeueAfter: 0 };
    const hash = history.hash;

    const nodes = view.list<Node>('Node');
    const evaluator = new NodeEvaluator(ds);
    const verdicts = new Map<string, NodeVerdict>();
    for (const node of nodes) verdicts.set(node.metadata!.name!, evaluator.evaluate(node));
    const nodeToPods = groupByNode(claimed, false);
    const generation = templateGeneration(ds);

    // manage
    const nodePlan = planNodes(ds, nodes, verdicts, nodeToPods, hash, memory, now);
    events.push(...nodePlan.events);
    explanations.push(...nodePlan.explanations);
    let requeueAfter = nodePlan.requeueAfter;
    const explainCreate = (node: string) => {
      const onDelete = updateStrategyType(ds) === 'OnDelete';
      const replacing =
        onDelete && (nodeToPods.get(node)?.length ?? 0) === 0 && generation && generation > 1;
      return replacing
        ? `Created for node ${node} with the current template (pod-template-generation ${generation}): OnDelete replaces only pods that are gone`
        : `Created for node ${node}: the node qualifies and runs no pod of this DaemonSet`;
    };
    const managed = syncNodes(ds, nodePlan.delete, nodePlan.create, hash, explainCreate);
    actions.push(...managed.actions);
    if (managed.deferred) requeueAfter = 0;
    const managedWrites = nodePlan.create.length + nodePlan.delete.length;

    // The update strategy acts once manage has nothing left to do (its expectations are met).
    if (managedWrites === 0 && updateStrategyType(ds) === 'RollingUpdate') {
      const plan = planRollingUpdate(ds, nodeToPods, verdicts, hash, generation, now, rng);
      if (!plan.error) {
        const field =
          plan.maxSurge > 0
            ? 'spec.updateStrategy.rollingUpdate.maxSurge'
            : 'spec.updateStrategy.rollingUpdate.maxUnavailable';
        const budget =
          plan.maxSurge > 0 ? `maxSurge ${plan.maxSurge}` : `maxUnavailable ${plan.maxUnavailable}`;
        const rolled = syncNodes(
          ds,
          plan.podsToDelete.map((pod) => ({
            pod: pod as PodObj,
            why: isPodUpdated(pod, hash, generation)
              ? `its node already runs the new pod`
              : `rolling update to controller-revision-hash ${hash} (${budget})`,
            field,
          })),
          plan.nodesToCreate,
          hash,
          (node) => `Created for node ${node} next to the old pod: rolling update with ${budget}`,
        );
        actions.push(...rolled.actions);
        if (rolled.deferred) requeueAfter = 0;
        const wait =
          plan.waiting > 0 && plan.podsToDelete.length === 0 && plan.nodesToCreate.length === 0
            ? `Rolling update waits: ${plan.numUnavailable} node(s) ${plan.maxSurge > 0 ? 'surging' : 'without an available pod'}, ${budget}; ${plan.waiting} old pod(s) to go`
            : '';
        if (wait && memory.narratedWait.get(ds.metadata.uid!) !== wait)
          explanations.push({ object: dsObject(ds), message: wait, field });
        memory.narratedWait.set(ds.metadata.uid!, wait);
      } else {
        explanations.push({
          object: dsObject(ds),
          message: `Rolling update stopped: ${plan.error}`,
          field: 'spec.updateStrategy.rollingUpdate',
        });
      }
    }
    const cleanup = cleanupHistory(ds, history.old, claimed);
    actions.push(...cleanup.actions);
    explanations.push(...cleanup.explanations);

    // Status, from the state this sync started with (as the informer cache shows it upstream).
    const counters = countStatus(ds, nodes, verdicts, nodeToPods, hash, now);
    const status = statusOf(ds, counters);
    if (!jsonEqual(status, ds.status))
      actions.push({ op: 'update', status: true, object: { ...ds, status } });
    const minReady = ds.spec?.minReadySeconds ?? 0;
    if (minReady > 0 && counters.ready !== counters.available)
      requeueAfter = Math.min(requeueAfter ?? Infinity, minReady * SECOND);
    return {
      actions,
      events,
      explanations,
      ...(requeueAfter !== undefined ? { requeueAfter } : {}),
    };
  },
};
