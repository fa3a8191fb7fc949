/**
 * The simulation: one virtual clock, one timer queue and one seeded generator shared by the
 * whole cluster — API server, garbage collector, scheduler, kubelets (with the userland their
 * containers run in) and controllers. It never reads the wall clock; a host (worker, CLI, test)
 * moves it forward with `runUntil` / `advance`.
 */
import { VirtualClock } from './time/clock';
import { SECOND, type Duration, type Instant } from './time/instant';
import { TimerQueue, type Timer } from './time/timer-queue';
import { Rng } from './random';
import { snapshotCluster, type ClusterSnapshot } from './view';
import { ApiServer } from './api/apiserver';
import type { StrategyLookup } from './api/strategy';
import { strategyFor } from './api/registry';
import { installScheduleValidator } from './controllers/cron/schedule-validator-install';
import { EventRecorder } from './api/events';
import { GarbageCollector } from './api/garbage-collector';
import type { KubeObject } from './api/object';
import { NarrationLog } from './narration';
import { Kernel, type ProgramRegistry } from './runtime/kernel';
import { Network } from './runtime/network';
import { FileTree, Vfs } from './runtime/fs';
import type { ImageCatalog, ImageSpec } from './runtime/image';
import { defaultUserland } from './runtime/default-userland';
import { Scheduler } from './scheduler/scheduler';
import { Kubelet } from './kubelet/kubelet';
import { REFERENCE_TIMING, type TimingModel } from './kubelet/timing';
import { ControllerManager, type Controller } from './controllers/framework';
import { endpointsController } from './controllers/endpoints';
import { podGcController } from './controllers/podgc';
import { nodeLifecycleController } from './controllers/node-lifecycle';
import { namespaceController } from './controllers/namespace';
import { daemonSetController } from './controllers/daemonset/daemonset';
import { deploymentController } from './controllers/deployment/deployment';
import { replicaSetController } from './controllers/replicaset/replicaset';
import { jobController } from './controllers/job/job-controller';
import { ttlAfterFinishedController } from './controllers/ttl-after-finished';
import { cronJobController } from './controllers/cronjob/cronjob-controller';
import { kubernetesServiceController } from './controllers/kubernetes-service';
import { ServiceNetwork } from './cluster/service-network';
import { DEFAULT_CLUSTER, type ClusterSpec, type NodeSpec } from './cluster/topology';
import { bootstrapCluster, createNode } from './cluster/bootstrap';
import { nodeIpFor, podCidrPrefixFor } from './cluster/node-object';

/** The programs and images containers run with. */
export interface Userland {
  programs: ProgramRegistry;
  images: ImageCatalog;
}

/** What a simulation is created from. */
export interface SimulationOptions {
  /** Seed of every random choice (names, uids, scheduler ties, program randomness). */
  seed: number;
  /** Virtual start time in milliseconds since the epoch. */
  start: Instant;
  /** Nodes to start with (default: controlplane + node01..node03). */
  cluster?: ClusterSpec;
  /** Kubelet timing (default: the reference model). */
  timing?: TimingModel;
  /** Programs and images (default: the full simulated userland). */
  userland?: Userland;
  /** Per-kind API strategies (defaulting, validation). */
  strategies?: StrategyLookup;
  /** Extra controllers to run besides the built-in ones (tests). */
  controllers?: Controller[];
  /** Freeze stored API objects (tests): catches code that mutates what it read. */
  freezeObjects?: boolean;
}

/** The result of running the simulation for a while. */
export interface RunResult {
  /** Timers run in this call. */
  events: number;
  /** False when `maxEvents` stopped the run before `until` was reached. */
  caughtUp: boolean;
}

/** A deterministic, headless simulated cluster. */
export class Simulation {
  readonly clock: VirtualClock;
  readonly timers = new TimerQueue();
  readonly rng: Rng;
  readonly seed: number;
  readonly startedAt: Instant;
  readonly server: ApiServer;
  readonly recorder: EventRecorder;
  readonly narration = new NarrationLog();
  readonly kernel: Kernel;
  readonly network: Network;
  readonly services: ServiceNetwork;
  readonly scheduler: Scheduler;
  readonly controllers: ControllerManager;
  readonly kubelets = new Map<string, Kubelet>();
  readonly userland: Userland;
  readonly timing: TimingModel;
  private readonly gc: GarbageCollector;
  private readonly nodeDisks = new Map<string, FileTree>();
  private readonly imageTrees = new Map<string, FileTree>();
  private nodeIndex = new Map<string, number>();
  private nextNodeIndex = 0;
  private pendingPodSyncs = new Map<string, string>();

  constructor(options: SimulationOptions) {
    installScheduleValidator();
    this.seed = options.seed;
    this.startedAt = options.start;
    const cluster = options.cluster ?? DEFAULT_CLUSTER;
    const age = (cluster.ageSeconds ?? 0) * SECOND;
    this.clock = new VirtualClock(options.start - age);
    this.rng = Rng.seeded(options.seed);
    this.timing = options.timing ?? REFERENCE_TIMING;
    const clusterCreated = options.start - age;
    this.userland =
      options.userland ??
      defaultUserland({
        system: {
          bootTime: () => clusterCreated,
          credentials: (proc) =>
            proc.ns.isContainer ? { uid: 0, gid: 0 } : { uid: 1000, gid: 1000 },
        },
      });
    const now = () => this.clock.now;
    const after = (delay: Duration, label: string, run: () => void) =>
      this.after(delay, label, run);
    const cancel = (timer: object) => this.cancel(timer);
    this.server = new ApiServer({
      now,
      rng: this.rng.fork('apiserver'),
      strategies: options.strategies ?? strategyFor,
      freezeObjects: options.freezeObjects,
      afterWrite: (event) => this.gc.observe(event),
    });
    this.gc = new GarbageCollector(this.server, (label, run) => this.after(0, label, run));
    this.recorder = new EventRecorder(this.server, now, after, cancel);
    this.kernel = new Kernel({
      get now() {
        return now();
      },
      after,
      cancel,
      rng: this.rng.fork('kernel'),
    });
    this.network = new Network(this.rng.fork('network'));
    this.services = new ServiceNetwork(this.server, this.rng.fork('kube-proxy'));
    this.network.translate = (ip, port) => this.services.translate(ip, port);
    const deps = {
      server: this.server,
      recorder: this.recorder,
      narration: this.narration,
      now,
      after,
      cancel,
    };
    this.scheduler = new Scheduler({ ...deps, rng: this.rng.fork('scheduler') });
    this.controllers = new ControllerManager({ ...deps, rng: this.rng.fork('controllers') });
    // The kube-controller-manager controllers Podlab simulates.
    for (const c of [
      endpointsController,
      podGcController,
      nodeLifecycleController,
      namespaceController(this.server),
      daemonSetController,
      deploymentController,
      replicaSetController,
      jobController,
      ttlAfterFinishedController,
      cronJobController,
      kubernetesServiceController,
    ])
      this.controllers.add(c);
    for (const c of options.controllers ?? []) this.controllers.add(c);
    this.server.watch('Node', (e) => {
      const name = e.object.metadata.name!;
      if (e.type === 'ADDED') this.startKubelet(name);
      if (e.type === 'DELETED') {
        this.kubelets.get(name)?.stop();
        this.kubelets.delete(name);
      }
    });
    this.server.watch('Pod', (e) => {
      const node = (e.object.spec as { nodeName?: string } | undefined)?.nodeName;
      if (!node) return;
      // Kubelets react asynchronously, as they do to their watch: never inside another write.
      const uid = e.object.metadata.uid!;
      if (this.pendingPodSyncs.has(uid)) return;
      this.pendingPodSyncs.set(uid, node);
      this.after(0, `kubelet ${node} sync`, () => {
        this.pendingPodSyncs.delete(uid);
        const current = this.server.store.getByUid(uid);
        this.kubelets
          .get(node)
          ?.syncPod(current?.kind === 'Pod' ? (current as never) : undefined, uid);
      });
    });
    bootstrapCluster(this.server, cluster, (spec) => this.assignNodeIndex(spec.name), now);
    this.runUntil(options.start);
  }

  /** Current virtual time. */
  get now(): Instant {
    return this.clock.now;
  }

  /** Schedules `run` after `delay` of virtual time (0 = later in this same instant). */
  after(delay: Duration, label: string, run: () => void): Timer {
    return this.timers.schedule(this.clock.now + Math.max(0, delay), label, run);
  }

  /** Cancels a timer scheduled with `after`. */
  cancel(timer: Timer | object): void {
    this.timers.cancel(timer as Timer);
  }

  private assignNodeIndex(name: string): number {
    let i = this.nodeIndex.get(name);
    if (i === undefined) {
      i = this.nextNodeIndex++;
      this.nodeIndex.set(name, i);
    }
    return i;
  }

  private startKubelet(name: string): void {
    const index = this.assignNodeIndex(name);
    const kubelet = new Kubelet(name, nodeIpFor(index), podCidrPrefixFor(index), {
      server: this.server,
      recorder: this.recorder,
      narration: this.narration,
      kernel: this.kernel,
      network: this.network,
      images: this.userland.images,
      programs: this.userland.programs,
      timing: this.timing,
      rng: this.rng.fork(`kubelet-${name}`),
      now: () => this.clock.now,
      after: (d, l, r) => this.after(d, l, r),
      cancel: (t) => this.cancel(t),
      nodeDisk: (node) => this.nodeDisk(node),
      imageTree: (image) => this.imageTree(image),
      resolve: (ns, host) => this.services.resolve(ns, host),
    });
    this.kubelets.set(name, kubelet);
  }

  /** A node's disk: the tree behind hostPath volumes; it outlives pods (and the node object). */
  nodeDisk(node: string): FileTree {
    let disk = this.nodeDisks.get(node);
    if (!disk) {
      disk = new FileTree(`node:${node}`, this.clock.now);
      this.nodeDisks.set(node, disk);
    }
    return disk;
  }

  /** The read-only file tree of an image, built once and shared by every container (overlays). */
  imageTree(image: ImageSpec): FileTree {
    let tree = this.imageTrees.get(image.ref);
    if (!tree) {
      tree = new FileTree(`image:${image.ref}`, this.clock.now);
      image.populate(new Vfs(tree, () => this.clock.now));
      tree.freeze();
      this.imageTrees.set(image.ref, tree);
    }
    return tree;
  }

  /** Adds a node (Ready, with its kubelet), as joining a machine to the cluster. */
  addNode(spec: NodeSpec): KubeObject | undefined {
    return createNode(this.server, spec, this.assignNodeIndex(spec.name), () => this.clock.now);
  }

  /**
   * Runs every timer due up to `until`, in (due time, sequence) order, then sets the clock to
   * `until`. `maxEvents` bounds the work of one call so a host can stay responsive.
   */
  runUntil(until: Instant, maxEvents = Infinity): RunResult {
    let events = 0;
    while (events < maxEvents) {
      const timer = this.timers.popDue(until);
      if (!timer) break;
      this.clock.advanceTo(timer.dueAt);
      timer.run();
      events++;
    }
    const next = this.timers.peekTime();
    const caughtUp = events < maxEvents || next === undefined || next > until;
    if (caughtUp) this.clock.advanceTo(until);
    return { events, caughtUp };
  }

  /** Advances virtual time by `duration`, running everything that falls due. */
  advance(duration: Duration): RunResult {
    return this.runUntil(this.clock.now + duration);
  }

  /** Runs everything due now (zero-delay work) without moving the clock. */
  settle(): RunResult {
    return this.runUntil(this.clock.now);
  }

  /** The plain-data snapshot for the UI and automation. */
  snapshot(): ClusterSnapshot {
    return snapshotCluster(this.server, this.clock.now, this.seed);
  }
}

/** Creates a simulation; the entry point used by the worker, the CLI and the tests. */
export function createSimulation(options: SimulationOptions): Simulation {
  return new Simulation(options);
}
