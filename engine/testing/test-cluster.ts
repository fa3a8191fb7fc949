/**
 * TestCluster: a fluent harness over a real simulation for engine tests —
 * `TestCluster.seed(1).apply(yaml).advance('30s').expectPod('pi-*', { phase: 'Succeeded' })`.
 * Everything runs in virtual time; nothing waits on the wall clock.
 */
import { parseAllDocuments } from 'yaml';
import type { Pod } from 'kubernetes-types/core/v1';
import {
  createSimulation,
  type Simulation,
  type SimulationOptions,
  type Userland,
} from '../simulation';
import type { KubeObject } from '../api/object';
import type { StrategyLookup } from '../api/strategy';
import type { Controller } from '../controllers/framework';
import type { ClusterSpec } from '../cluster/topology';
import type { TimingModel } from '../kubelet/timing';
import { parseDuration, parseRFC3339, type Instant } from '../time/instant';
import type { Result } from '../api/errors';

/** The golden scenarios' start: Wed, 15 Jan 2025 10:00:00 UTC. */
export const GOLDEN_START = Date.UTC(2025, 0, 15, 10, 0, 0);

/** Expectations on a pod. */
export interface PodExpectation {
  phase?: string;
  node?: string;
  restarts?: number;
  /** State of the first container: 'waiting:<reason>', 'running', 'terminated:<reason>'. */
  state?: string;
  deleting?: boolean;
}

type Builder = Partial<SimulationOptions> & { seed: number };

/** A running test cluster. */
export class TestCluster {
  private constructor(readonly sim: Simulation) {}

  /** Starts configuring a cluster with a seed. */
  static seed(seed: number): TestClusterBuilder {
    return new TestClusterBuilder({ seed });
  }

  /** Wraps an existing simulation. */
  static of(sim: Simulation): TestCluster {
    return new TestCluster(sim);
  }

  /** Current virtual time. */
  get now(): Instant {
    return this.sim.now;
  }

  /** Seconds since the simulation's start. */
  get elapsed(): number {
    return (this.sim.now - this.sim.startedAt) / 1000;
  }

  /** Creates every document of a YAML manifest, as `kubectl create -f` would; throws on failure. */
  apply(manifest: string, namespace = 'default'): this {
    for (const doc of parseAllDocuments(manifest)) {
      const obj = doc.toJS() as KubeObject | null;
      if (!obj) continue;
      const created = this.sim.server.create(obj, { namespace, fromClient: true });
      if (!created.ok)
        throw new Error(`create ${obj.kind}/${obj.metadata?.name}: ${created.error.message}`);
    }
    this.sim.settle();
    return this;
  }

  /** Creates one object and returns the API result (for tests of rejections). */
  create(obj: KubeObject, namespace = 'default'): Result<KubeObject> {
    const r = this.sim.server.create(obj, { namespace, fromClient: true });
    this.sim.settle();
    return r;
  }

  /** Moves virtual time forward (`'30s'`, `'2m'`, or milliseconds). */
  advance(duration: string | number): this {
    const ms = typeof duration === 'number' ? duration : parseDuration(duration);
    if (ms === undefined) throw new Error(`bad duration ${duration}`);
    this.sim.advance(ms);
    return this;
  }

  /** Moves virtual time to `seconds` after the simulation's start. */
  at(seconds: number): this {
    this.sim.runUntil(this.sim.startedAt + Math.round(seconds * 1000));
    return this;
  }

  /** Moves to an absolute RFC 3339 time. */
  until(iso: string): this {
    const t = parseRFC3339(iso);
    if (t === undefined) throw new Error(`bad time ${iso}`);
    this.sim.runUntil(t);
    return this;
  }

  /** Pods in a namespace whose names match a glob (`two-times-*`), sorted by name. */
  pods(glob = '*', namespace = 'default'): Pod[] {
    const re = new RegExp(`^${glob.split('*').map(escapeRegExp).join('.*')}$`);
    return (this.sim.server.list('Pod', { namespace }) as unknown as Pod[]).filter((p) =>
      re.test(p.metadata!.name!),
    );
  }

  /** One object, or undefined. */
  get<T = KubeObject>(kind: string, name: string, namespace = 'default'): T | undefined {
    return this.sim.server.get(kind, namespace, name) as T | undefined;
  }

  /** Events about an object (by name), oldest first. */
  events(
    name: string,
    namespace = 'default',
  ): Array<{ type: string; reason: string; message: string; count: number }> {
    return this.sim.server
      .list('Event', { namespace })
      .filter((e) => (e.involvedObject as { name?: string }).name === name)
      .sort((a, b) => String(a.firstTimestamp).localeCompare(String(b.firstTimestamp)))
      .map((e) => ({
        type: String(e.type),
        reason: String(e.reason),
        message: String(e.message),
        count: Number(e.count),
      }));
  }

  /** Asserts that exactly `count` pods match `glob` and each meets `expected` (throws otherwise). */
  expectPod(glob: string, expected: PodExpectation, count = 1): this {
    const pods = this.pods(glob);
    if (pods.length !== count)
      throw new Error(
        `expected ${count} pod(s) matching ${glob}, found ${pods.length}: ${pods.map((p) => p.metadata!.name).join(', ')}`,
      );
    for (const pod of pods) {
      const problems: string[] = [];
      if (expected.phase !== undefined && pod.status?.phase !== expected.phase)
        problems.push(`phase ${pod.status?.phase}`);
      if (expected.node !== undefined && pod.spec?.nodeName !== expected.node)
        problems.push(`node ${pod.spec?.nodeName}`);
      const cs = pod.status?.containerStatuses?.[0];
      if (expected.restarts !== undefined && (cs?.restartCount ?? 0) !== expected.restarts)
        problems.push(`restarts ${cs?.restartCount}`);
      if (expected.state !== undefined) {
        const s = cs?.state;
        const text = s?.running
          ? 'running'
          : s?.terminated
            ? `terminated:${s.terminated.reason}`
            : s?.waiting
              ? `waiting:${s.waiting.reason}`
              : 'none';
        if (text !== expected.state) problems.push(`state ${text}`);
      }
      if (
        expected.deleting !== undefined &&
        !!pod.metadata?.deletionTimestamp !== expected.deleting
      )
        problems.push(`deleting ${!!pod.metadata?.deletionTimestamp}`);
      if (problems.length)
        throw new Error(
          `pod ${pod.metadata!.name} at +${this.elapsed}s: ${problems.join(', ')} (expected ${JSON.stringify(expected)})`,
        );
    }
    return this;
  }
}

/** Configures a TestCluster before it starts. */
export class TestClusterBuilder {
  constructor(private readonly options: Builder) {}

  /** Start time (RFC 3339); default the golden scenarios' 2025-01-15T10:00:00Z. */
  start(iso: string): this {
    this.options.start = parseRFC3339(iso);
    return this;
  }

  cluster(spec: ClusterSpec): this {
    this.options.cluster = spec;
    return this;
  }

  userland(userland: Userland): this {
    this.options.userland = userland;
    return this;
  }

  strategies(lookup: StrategyLookup): this {
    this.options.strategies = lookup;
    return this;
  }

  controllers(...controllers: Controller[]): this {
    this.options.controllers = controllers;
    return this;
  }

  timing(model: TimingModel): this {
    this.options.timing = model;
    return this;
  }

  /** Builds the cluster. */
  build(): TestCluster {
    return TestCluster.of(
      createSimulation({
        start: GOLDEN_START,
        freezeObjects: true,
        ...this.options,
      } as SimulationOptions),
    );
  }

  /** Builds the cluster and applies a manifest. */
  apply(manifest: string): TestCluster {
    return this.build().apply(manifest);
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
