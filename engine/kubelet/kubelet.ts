/**
 * The kubelet of one node (pkg/kubelet): runs the pods bound to it. For each pod it creates the
 * sandbox (pod IP), volumes and containers; runs init containers in order, then the containers,
 * as real processes of the simulated userland; reports container states and the pod phase and
 * conditions; restarts containers by restartPolicy with the crash-loop back-off; pulls images
 * (ErrImagePull / ImagePullBackOff for unknown ones); and terminates pods gracefully (SIGTERM,
 * then SIGKILL after the grace period) before deleting them from the API.
 */
import type {
  Container,
  ContainerStatus,
  Pod,
  PodCondition,
  Service,
  Volume,
} from 'kubernetes-types/core/v1';
import type { ApiServer } from '../api/apiserver';
import type { EventRecorder } from '../api/events';
import type { KubeObject } from '../api/object';
import type { Rng } from '../random';
import { formatRFC3339, parseRFC3339, type Duration, type Instant } from '../time/instant';
import { FileTree, Vfs } from '../runtime/fs';
import {
  FileDescription,
  type Kernel,
  type Process,
  type ProcessNamespace,
  type ProgramRegistry,
} from '../runtime/kernel';
import type { NetNamespace, Network } from '../runtime/network';
import { createNetNamespace, createProcessNamespace } from '../runtime/namespace';
import { callbackWriter, emptyReader, Pipe } from '../runtime/streams';
import { Tty } from '../runtime/tty';
import { findExecutable } from '../runtime/exec';
import { parseImageRef, formatImageRef, type ImageCatalog, type ImageSpec } from '../runtime/image';
import type { NarrationLog } from '../narration';
import { describeObject } from '../narration';
import { CrashLoopBackoff } from './backoff';
import { containerEnv, base64Decode } from './environment';
import { ContainerLog } from './logs';
import type { TimingModel } from './timing';

/** What a kubelet needs from the cluster. */
export interface KubeletDeps {
  server: ApiServer;
  recorder: EventRecorder;
  narration: NarrationLog;
  kernel: Kernel;
  network: Network;
  images: ImageCatalog;
  programs: ProgramRegistry;
  timing: TimingModel;
  rng: Rng;
  now(): Instant;
  after(delay: Duration, label: string, run: () => void): object;
  cancel(timer: object): void;
  /** The node's own disk (hostPath volumes, files that outlive pods). */
  nodeDisk(node: string): FileTree;
  /** The shared, frozen file tree of an image (each container writes to an overlay of it). */
  imageTree(image: ImageSpec): FileTree;
  /** Resolves a name the way cluster DNS answers a pod in `namespace`. */
  resolve(namespace: string, name: string): string | undefined;
}

type Waiting = { reason: string; message?: string };
type Terminated = {
  exitCode: number;
  reason: string;
  signal?: number;
  message?: string;
  startedAt: Instant;
  finishedAt: Instant;
  containerID: string;
};

/** One container's runtime state. */
export class ContainerRuntime {
  waiting?: Waiting = { reason: 'ContainerCreating' };
  running?: { startedAt: Instant };
  terminated?: Terminated;
  lastTerminated?: Terminated;
  restartCount = 0;
  containerID = '';
  imageID = '';
  imageRef = '';
  log: ContainerLog;
  previousLog?: ContainerLog;
  process?: Process;
  ns?: ProcessNamespace;
  /** The OCI process cwd (workingDir, else the image's, else /): exec sessions start there too. */
  cwd = '/';
  tty?: Tty;
  stdinWriter?: ReturnType<Pipe['openWriter']>;
  attached = new Set<(data: string) => void>();
  readonly backoff = new CrashLoopBackoff();
  pullBackoff = new CrashLoopBackoff();
  timer?: object;
  /** Set when the kubelet is stopping the container (deletion). */
  stopping = false;

  constructor(
    readonly spec: Container,
    readonly init: boolean,
    now: () => Instant,
  ) {
    this.log = new ContainerLog(now);
  }
}

/** One pod's runtime state on the node. */
export class PodRuntime {
  pod: Pod;
  readonly uid: string;
  ip?: string;
  net?: NetNamespace;
  readonly volumes = new Map<string, FileTree>();
  readonly containers: ContainerRuntime[] = [];
  readonly initContainers: ContainerRuntime[] = [];
  sandboxReady = false;
  startTime: Instant;
  terminating = false;
  /** The effective grace period of the termination in progress (it only ever shrinks). */
  gracePeriod = 0;
  killTimer?: object;
  finished = false;
  deletedFromApi = false;
  conditionTimes = new Map<string, Instant>();

  constructor(pod: Pod, now: () => Instant) {
    this.pod = pod;
    this.uid = pod.metadata!.uid!;
    this.startTime = now();
    for (const c of pod.spec?.initContainers ?? [])
      this.initContainers.push(new ContainerRuntime(c, true, now));
    for (const c of pod.spec?.containers ?? [])
      this.containers.push(new ContainerRuntime(c, false, now));
  }

  get all(): ContainerRuntime[] {
    return [...this.initContainers, ...this.containers];
  }

  get restartPolicy(): string {
    return this.pod.spec?.restartPolicy ?? 'Always';
  }
}

// @simplified: probes are not run: a container is Ready as soon as it runs. The pod IP is assigned
// when the containers start (with the reference model, 2 s after binding).
/** The kubelet of one node. */
export class Kubelet {
  readonly pods = new Map<string, PodRuntime>();
  private nextIp = 2;
  private stopped = false;
  private pulled = new Set<string>();

  constructor(
    readonly nodeName: string,
    /** The node's InternalIP. */
    readonly nodeIp: string,
    /** The node's pod CIDR prefix, e.g. `10.244.1.` */
    private readonly podCidrPrefix: string,
    private readonly deps: KubeletDeps,
  ) {}

  private now(): Instant {
    return this.deps.now();
  }

  /** Handles the latest state of a pod bound to this node (undefined: it left the API). */
  syncPod(pod: Pod | undefined, uid: string): void {
    if (this.stopped) return;
    const rt = this.pods.get(uid);
    if (!pod) {
      if (rt) this.forceStop(rt);
      return;
    }
    if (!rt) {
      if (pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Running') {
        // Deleted before we ever started it: nothing to stop.
        this.deps.server.delete('Pod', pod.metadata.namespace ?? 'default', pod.metadata.name!, {
          gracePeriodSeconds: 0,
          preconditions: { uid },
        });
        return;
      }
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') return;
      this.admit(pod);
      return;
    }
    rt.pod = pod;
    if (pod.metadata?.deletionTimestamp && !rt.terminating) this.beginTermination(rt);
    else if (rt.terminating && !rt.finished) this.maybeShortenGrace(rt);
  }

  /** The node went away: every container dies with it, silently. */
  stop(): void {
    this.stopped = true;
    for (const rt of this.pods.values()) {
      for (const c of rt.all) {
        if (c.timer) this.deps.cancel(c.timer);
        if (c.ns) this.deps.kernel.killAll(c.ns);
        c.log.close();
      }
      if (rt.net) this.deps.network.detach(rt.net);
    }
    this.pods.clear();
  }

  // --------------------------------------------------------------------------- pod start

  private admit(pod: Pod): void {
    const rt = new PodRuntime(pod, () => this.now());
    this.pods.set(rt.uid, rt);
    this.reportStatus(rt);
    this.deps.after(
      this.deps.timing.containerStart,
      `kubelet ${this.nodeName} start ${pod.metadata!.name}`,
      () => {
        if (this.pods.get(rt.uid) !== rt || rt.terminating) return;
        this.createSandbox(rt);
        this.startNext(rt);
      },
    );
  }

  private createSandbox(rt: PodRuntime): void {
    const pod = rt.pod;
    const ns = pod.metadata?.namespace ?? 'default';
    if (pod.spec?.hostNetwork) {
      rt.ip = this.nodeIp;
    } else {
      rt.ip = `${this.podCidrPrefix}${this.nextIp}`;
      this.nextIp = this.nextIp >= 254 ? 2 : this.nextIp + 1;
    }
    rt.net = pod.spec?.hostNetwork
      ? createNetNamespace(this.deps.network, `node/${this.nodeName}`, [this.nodeIp], (n) =>
          this.deps.resolve(ns, n),
        )
      : createNetNamespace(this.deps.network, `pod/${rt.uid}`, [rt.ip], (n) =>
          this.deps.resolve(ns, n),
        );
    rt.sandboxReady = true;
    for (const v of pod.spec?.volumes ?? []) {
      const tree = this.volumeTree(rt, v);
      if (tree) rt.volumes.set(v.name, tree);
    }
  }

  /** The file tree behind a volume. */
  private volumeTree(rt: PodRuntime, v: Volume): FileTree | undefined {
    const now = this.now();
    const ns = rt.pod.metadata?.namespace ?? 'default';
    if (v.hostPath) return this.deps.nodeDisk(this.nodeName);
    const tree = new FileTree(`${v.name}`, now);
    const fs = new Vfs(tree, () => this.now());
    const put = (path: string, data: string, mode = 0o644) => {
      fs.mkdir(path.split('/').slice(0, -1).join('/') || '/', { parents: true });
      fs.writeFile(path, data, { mode });
    };
    if (v.emptyDir) return tree;
    if (v.configMap || v.secret) {
      const kind = v.configMap ? 'ConfigMap' : 'Secret';
      const name = v.configMap?.name ?? v.secret?.secretName ?? '';
      const obj = this.deps.server.get(kind, ns, name);
      const data = (obj?.data ?? {}) as Record<string, string>;
      for (const [k, value] of Object.entries(data))
        put(`/${k}`, kind === 'Secret' ? base64Decode(value) : value);
      return tree;
    }
    if (v.projected) {
      for (const source of v.projected.sources ?? []) {
        if (source.serviceAccountToken)
          put(
            `/${source.serviceAccountToken.path}`,
            `eyJhbGciOiJSUzI1NiIsImtpZCI6InBvZGxhYiJ9.${rt.uid}.sig`,
            0o600,
          );
        if (source.configMap)
          for (const item of source.configMap.items ?? [])
            put(
              `/${item.path}`,
              '-----BEGIN CERTIFICATE-----\nMIIBpodlab\n-----END CERTIFICATE-----\n',
            );
        if (source.downwardAPI)
          for (const item of source.downwardAPI.items ?? []) put(`/${item.path}`, ns);
      }
      return tree;
    }
    if (v.downwardAPI) {
      for (const item of v.downwardAPI.items ?? []) {
        const path = item.fieldRef?.fieldPath ?? '';
        const meta = rt.pod.metadata ?? {};
        const value =
          path === 'metadata.labels'
            ? Object.entries(meta.labels ?? {})
                .map(([k, x]) => `${k}="${x}"`)
                .join('\n')
            : path === 'metadata.annotations'
              ? Object.entries(meta.annotations ?? {})
                  .map(([k, x]) => `${k}="${x}"`)
                  .join('\n')
              : path === 'metadata.name'
                ? (meta.name ?? '')
                : path === 'metadata.namespace'
                  ? ns
                  : '';
        put(`/${item.path}`, value);
      }
      return tree;
    }
    // @simplified: other volume types (PVCs, cloud disks) are empty directories.
    return tree;
  }

  /** Starts whatever should run next: the next init container, or all containers. */
  private startNext(rt: PodRuntime): void {
    if (rt.terminating) return;
    const pendingInit = rt.initContainers.find(
      (c) => !(c.terminated && c.terminated.exitCode === 0),
    );
    if (pendingInit) {
      if (!pendingInit.running && !pendingInit.timer) this.startContainer(rt, pendingInit);
      this.reportStatus(rt);
      return;
    }
    for (const c of rt.containers)
      if (!c.running && !c.terminated && !c.timer) this.startContainer(rt, c);
    this.reportStatus(rt);
  }

  private event(
    rt: PodRuntime,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    container?: ContainerRuntime,
  ): void {
    const fieldPath = container
      ? `spec.${container.init ? 'initContainers' : 'containers'}{${container.spec.name}}`
      : undefined;
    this.deps.recorder.record(
      { component: 'kubelet', host: this.nodeName },
      { object: rt.pod as unknown as KubeObject, type, reason, message, fieldPath },
    );
  }

  private explain(rt: PodRuntime, message: string, field?: string): void {
    this.deps.narration.add({
      at: this.now(),
      source: `kubelet ${this.nodeName}`,
      object: describeObject('Pod', rt.pod.metadata?.namespace, rt.pod.metadata!.name!),
      message,
      field,
    });
  }

  /** Pulls (if needed) and starts one container. */
  private startContainer(rt: PodRuntime, c: ContainerRuntime): void {
    const image = c.spec.image ?? '';
    const spec = this.deps.images.lookup(image);
    const policy =
      c.spec.imagePullPolicy ??
      (image.includes(':') && !image.endsWith(':latest') ? 'IfNotPresent' : 'Always');
    const ref = parseImageRef(image);
    c.imageRef = ref ? formatImageRef(ref) : image;
    const present = this.pulled.has(image) || !this.deps.timing.coldPulls;
    if (!spec) {
      this.imagePullFailed(rt, c, image, policy);
      return;
    }
    if (policy === 'Never' && !present) {
      c.waiting = {
        reason: 'ErrImageNeverPull',
        message: `Container image "${image}" is not present with pull policy of Never`,
      };
      this.event(rt, 'Warning', 'ErrImageNeverPull', c.waiting.message!, c);
      this.reportStatus(rt);
      return;
    }
    if (policy === 'Always' || !present) {
      const duration =
        this.deps.timing.coldPulls && !this.pulled.has(image)
          ? this.deps.timing.pullDuration(spec.sizeBytes, this.deps.rng)
          : 0;
      this.event(rt, 'Normal', 'Pulling', `Pulling image "${image}"`, c);
      const finish = () => {
        c.timer = undefined;
        if (rt.terminating || this.pods.get(rt.uid) !== rt) return;
        this.pulled.add(image);
        const shown = duration > 0 ? duration : 300 + this.deps.rng.int(700);
        const secs = formatGoDuration(shown);
        this.event(
          rt,
          'Normal',
          'Pulled',
          `Successfully pulled image "${image}" in ${secs} (${secs} including waiting). Image size: ${spec.sizeBytes} bytes.`,
          c,
        );
        this.runContainer(rt, c, spec);
      };
      if (duration > 0) c.timer = this.deps.after(duration, `pull ${image}`, finish);
      else finish();
      return;
    }
    this.event(rt, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, c);
    this.runContainer(rt, c, spec);
  }

  private imagePullFailed(
    rt: PodRuntime,
    c: ContainerRuntime,
    image: string,
    policy: string,
  ): void {
    if (policy === 'Never') {
      c.waiting = {
        reason: 'ErrImageNeverPull',
        message: `Container image "${image}" is not present with pull policy of Never`,
      };
      this.event(rt, 'Warning', 'ErrImageNeverPull', c.waiting.message!, c);
      this.reportStatus(rt);
      return;
    }
    const ref = parseImageRef(image);
    const full = ref ? formatImageRef(ref) : image;
    const detail = ref
      ? `failed to pull and unpack image "${full}": failed to resolve reference "${full}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`
      : `failed to pull and unpack image "${image}": failed to resolve reference "${image}": invalid reference format`;
    const message = `Failed to pull image "${image}": ${detail}`;
    this.event(rt, 'Normal', 'Pulling', `Pulling image "${image}"`, c);
    this.event(rt, 'Warning', 'Failed', message, c);
    this.event(rt, 'Warning', 'Failed', 'Error: ErrImagePull', c);
    c.waiting = { reason: 'ErrImagePull', message };
    this.explain(
      rt,
      `Image "${image}" cannot be pulled: the simulated registry has no such image or tag`,
      `spec.containers[${c.spec.name}].image`,
    );
    this.reportStatus(rt);
    // The next sync finds the pull in back-off: ImagePullBackOff, then retry with growing delays.
    const wait = c.pullBackoff.check(this.now(), this.now());
    c.timer = this.deps.after(this.deps.timing.restartDelay, `pull backoff ${image}`, () => {
      c.timer = undefined;
      if (rt.terminating || this.pods.get(rt.uid) !== rt) return;
      const delay = c.pullBackoff.current ?? 10_000;
      c.waiting = { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` };
      this.event(rt, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, c);
      this.event(rt, 'Warning', 'Failed', 'Error: ImagePullBackOff', c);
      this.reportStatus(rt);
      c.timer = this.deps.after(
        Math.max(1000, delay - this.deps.timing.restartDelay + wait),
        `pull retry ${image}`,
        () => {
          c.timer = undefined;
          if (rt.terminating || this.pods.get(rt.uid) !== rt) return;
          this.startContainer(rt, c);
        },
      );
    });
  }

  /** Creates the container's namespace and starts its PID 1. */
  private runContainer(rt: PodRuntime, c: ContainerRuntime, image: ImageSpec): void {
    const pod = rt.pod;
    const podNs = pod.metadata?.namespace ?? 'default';
    const env = containerEnv(pod, c.spec, {
      get: (kind, ns, name) => this.deps.server.get(kind, ns, name),
      services: (ns) => this.deps.server.list('Service', { namespace: ns }) as unknown as Service[],
    });
    if (!Array.isArray(env)) {
      c.waiting = { reason: 'CreateContainerConfigError', message: env.error };
      this.event(rt, 'Warning', 'Failed', `Error: ${env.error}`, c);
      this.reportStatus(rt);
      c.timer = this.deps.after(10_000, 'config retry', () => {
        c.timer = undefined;
        if (!rt.terminating) this.startContainer(rt, c);
      });
      return;
    }
    const hostname = pod.spec?.hostname ?? pod.metadata!.name!;
    const root = FileTree.overlay(
      this.deps.imageTree(image),
      `${pod.metadata!.name}/${c.spec.name}`,
    );
    const fs = new Vfs(root, () => this.now());
    fs.mkdir('/etc', { parents: true });
    fs.writeFile('/etc/hostname', `${hostname}\n`);
    fs.writeFile(
      '/etc/hosts',
      `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${rt.ip}\t${hostname}\n`,
    );
    fs.writeFile(
      '/etc/resolv.conf',
      `search ${podNs}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`,
    );
    fs.mkdir('/dev', { parents: true });
    fs.writeFile('/dev/termination-log', '');
    for (const m of c.spec.volumeMounts ?? []) {
      const tree = rt.volumes.get(m.name);
      if (!tree) continue;
      const volume = pod.spec?.volumes?.find((v) => v.name === m.name);
      const subPath = volume?.hostPath ? `${volume.hostPath.path}/${m.subPath ?? ''}` : m.subPath;
      fs.mount(m.mountPath, tree, { readOnly: m.readOnly, subPath });
    }
    const ns = createProcessNamespace({
      id: `pod/${podNs}/${pod.metadata!.name}/${c.spec.name}/${c.restartCount}`,
      hostname,
      fs,
      net: rt.net!,
      isContainer: true,
      programs: this.deps.programs,
    });
    c.ns = ns;
    const envMap = new Map<string, string>();
    for (const [k, v] of image.env) envMap.set(k, v);
    envMap.set('HOSTNAME', hostname);
    for (const [k, v] of env) envMap.set(k, v);
    const argv = [
      ...(c.spec.command ?? image.entrypoint),
      ...(c.spec.args ?? (c.spec.command ? [] : image.cmd)),
    ];
    const cwd = c.spec.workingDir || image.workingDir || '/';
    c.cwd = cwd;
    const containerId = this.deps.rng.chars('0123456789abcdef', 64);
    c.containerID = `containerd://${containerId}`;
    c.imageID = image.imageId;
    const exe = findExecutable(ns, cwd, envMap.get('PATH'), argv);
    if (typeof exe === 'string') {
      const message =
        exe === 'ENOENT'
          ? `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${argv[0] ?? ''}": executable file not found in $PATH: unknown`
          : `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${argv[0] ?? ''}": permission denied: unknown`;
      this.event(rt, 'Normal', 'Created', `Created container: ${c.spec.name}`, c);
      this.event(rt, 'Warning', 'Failed', `Error: ${message}`, c);
      const now = this.now();
      this.containerExited(rt, c, 128, now, now, 'StartError', message);
      return;
    }
    // stdio: a TTY, a stdin pipe for attach, or nothing; output goes to the log and attached clients.
    const sink = (stream: 'stdout' | 'stderr') => (data: string) => {
      c.log.append(stream, data);
      for (const l of c.attached) l(data);
    };
    let fds: Map<number, FileDescription>;
    if (c.spec.tty) {
      c.tty = new Tty(this.deps.kernel, ns, sink('stdout'));
      fds = new Map([
        [0, c.tty.description],
        [1, c.tty.description],
        [2, c.tty.description],
      ]);
    } else {
      let stdin = new FileDescription(emptyReader(), undefined, '/dev/null');
      if (c.spec.stdin) {
        const pipe = new Pipe(1 << 20);
        c.stdinWriter = pipe.openWriter();
        stdin = new FileDescription(pipe.openReader(), undefined, 'pipe');
      }
      fds = new Map([
        [0, stdin],
        [1, new FileDescription(undefined, callbackWriter(sink('stdout')), 'pipe')],
        [2, new FileDescription(undefined, callbackWriter(sink('stderr')), 'pipe')],
      ]);
    }
    this.event(rt, 'Normal', 'Created', `Created container: ${c.spec.name}`, c);
    const proc = this.deps.kernel.spawn({
      program: exe.program,
      argv: exe.argv,
      env: envMap,
      cwd,
      ns,
      fds,
      rng: this.deps.rng.fork(`${rt.uid}/${c.spec.name}/${c.restartCount}`),
    });
    if (c.tty) c.tty.foregroundPgid = proc.pgid;
    c.process = proc;
    const startedAt = this.now();
    c.waiting = undefined;
    c.terminated = undefined;
    c.running = { startedAt };
    this.event(rt, 'Normal', 'Started', `Started container ${c.spec.name}`, c);
    this.reportStatus(rt);
    const unsubscribe = proc.exited.subscribe(() => {
      unsubscribe();
      if (this.stopped || this.pods.get(rt.uid) !== rt || c.process !== proc) return;
      const code = proc.exitCode ?? 0;
      this.containerExited(rt, c, code, startedAt, this.now(), code === 0 ? 'Completed' : 'Error');
    });
  }

  /** A container's PID 1 ended: record it, then restart, start the next one, or finish the pod. */
  private containerExited(
    rt: PodRuntime,
    c: ContainerRuntime,
    exitCode: number,
    startedAt: Instant,
    finishedAt: Instant,
    reason: string,
    message?: string,
  ): void {
    c.running = undefined;
    c.process = undefined;
    c.terminated = {
      exitCode,
      reason,
      startedAt,
      finishedAt,
      containerID: c.containerID,
      ...(message ? { message } : {}),
    };
    c.log.close();
    if (c.ns) {
      this.deps.kernel.killAll(c.ns);
    }
    if (rt.terminating) {
      this.reportStatus(rt);
      this.maybeFinishTermination(rt);
      return;
    }
    const policy = rt.restartPolicy;
    const restart = c.init
      ? exitCode !== 0 && policy !== 'Never'
      : policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
    if (!restart) {
      if (c.init && exitCode === 0) {
        this.reportStatus(rt);
        c.timer = this.deps.after(this.deps.timing.nextContainerDelay, 'next container', () => {
          c.timer = undefined;
          this.startNext(rt);
        });
        return;
      }
      this.reportStatus(rt);
      return;
    }
    this.reportStatus(rt);
    const wait = c.backoff.check(finishedAt, this.now());
    if (wait === 0) {
      c.timer = this.deps.after(this.deps.timing.restartDelay, `restart ${c.spec.name}`, () => {
        c.timer = undefined;
        this.restart(rt, c);
      });
      return;
    }
    // Crash loop: the next sync (a second later) shows CrashLoopBackOff until the back-off ends.
    c.timer = this.deps.after(
      Math.min(this.deps.timing.restartDelay, wait),
      `backoff ${c.spec.name}`,
      () => {
        c.timer = undefined;
        if (rt.terminating || this.pods.get(rt.uid) !== rt) return;
        const delay = c.backoff.current!;
        const podId = `${rt.pod.metadata!.name}_${rt.pod.metadata!.namespace ?? 'default'}(${rt.uid})`;
        c.waiting = {
          reason: 'CrashLoopBackOff',
          message: `back-off ${formatGoDuration(delay)} restarting failed container=${c.spec.name} pod=${podId}`,
        };
        this.event(
          rt,
          'Warning',
          'BackOff',
          `Back-off restarting failed container ${c.spec.name} in pod ${podId}`,
          c,
        );
        this.explain(
          rt,
          `Container ${c.spec.name} crashed again: restarting in ${Math.round(delay / 1000)} s (back-off doubles to 5 min)`,
          'spec.restartPolicy',
        );
        this.reportStatus(rt);
        const remaining = c.backoff.check(finishedAt, this.now());
        c.timer = this.deps.after(remaining, `restart ${c.spec.name}`, () => {
          c.timer = undefined;
          // The back-off has passed: doBackOff advances the entry (Next) as the restart goes ahead.
          c.backoff.check(finishedAt, this.now());
          this.restart(rt, c);
        });
      },
    );
  }

  private restart(rt: PodRuntime, c: ContainerRuntime): void {
    if (rt.terminating || this.pods.get(rt.uid) !== rt) return;
    c.lastTerminated = c.terminated;
    c.terminated = undefined;
    c.restartCount++;
    c.previousLog = c.log;
    c.log = new ContainerLog(() => this.now());
    c.attached.clear();
    this.startContainer(rt, c);
  }

  // --------------------------------------------------------------------------- termination

  /**
   * The grace period the pod worker uses: the apiserver's deletionGracePeriodSeconds, else the
   * spec's; never longer than one already in force, and at least 1 s
   * (pkg/kubelet/pod_workers.go#calculateEffectiveGracePeriod).
   */
  private effectiveGrace(rt: PodRuntime): number {
    let grace = rt.gracePeriod;
    const requested = rt.pod.metadata?.deletionGracePeriodSeconds;
    if (requested !== undefined && (grace === 0 || requested < grace)) grace = requested;
    if (grace === 0) grace = rt.pod.spec?.terminationGracePeriodSeconds ?? 30;
    return Math.max(1, grace);
  }

  /**
   * A second delete with a shorter grace period (`kubectl delete --now`, `--grace-period=1`):
   * the pod worker cancels the termination in progress and kills again with the new period, so
   * the containers get the stop signal again and SIGKILL that much later
   * (pod_workers.go#UpdatePod, "gracePeriodShortened"; kuberuntime killContainer).
   */
  private maybeShortenGrace(rt: PodRuntime): void {
    const grace = this.effectiveGrace(rt);
    if (grace >= rt.gracePeriod) return;
    if (rt.killTimer) this.deps.cancel(rt.killTimer);
    rt.killTimer = undefined;
    this.stopContainers(rt, grace);
  }

  private beginTermination(rt: PodRuntime): void {
    rt.terminating = true;
    this.stopContainers(rt, this.effectiveGrace(rt));
    this.reportStatus(rt);
    this.maybeFinishTermination(rt);
  }

  /** Sends every running container its stop signal, and SIGKILL after `grace` seconds. */
  private stopContainers(rt: PodRuntime, grace: number): void {
    rt.gracePeriod = grace;
    let anyRunning = false;
    for (const c of rt.all) {
      if (c.timer) {
        this.deps.cancel(c.timer);
        c.timer = undefined;
      }
      if (c.process && !c.process.done) {
        anyRunning = true;
        c.stopping = true;
        this.event(rt, 'Normal', 'Killing', `Stopping container ${c.spec.name}`, c);
        this.deps.kernel.signal(c.process, 'TERM');
      }
    }
    if (anyRunning) {
      this.explain(
        rt,
        `Pod is terminating: containers got SIGTERM and have ${grace} s to exit before SIGKILL`,
        'spec.terminationGracePeriodSeconds',
      );
      rt.killTimer = this.deps.after(grace * 1000, `kill ${rt.pod.metadata!.name}`, () => {
        for (const c of rt.all)
          if (c.process && !c.process.done) this.deps.kernel.signal(c.process, 'KILL');
      });
    }
  }

  private maybeFinishTermination(rt: PodRuntime): void {
    if (rt.finished) return;
    if (rt.all.some((c) => c.process && !c.process.done)) return;
    rt.finished = true;
    if (rt.killTimer) this.deps.cancel(rt.killTimer);
    for (const c of rt.all) {
      if (!c.terminated && (c.running || c.waiting)) {
        const now = this.now();
        c.terminated = {
          exitCode: 137,
          reason: 'ContainerStatusUnknown',
          startedAt: now,
          finishedAt: now,
          containerID: c.containerID,
        };
        c.waiting = undefined;
        c.running = undefined;
      }
    }
    this.reportStatus(rt, true);
    if (rt.net) this.deps.network.detach(rt.net);
    const pod = rt.pod;
    this.deps.server.delete('Pod', pod.metadata!.namespace ?? 'default', pod.metadata!.name!, {
      gracePeriodSeconds: 0,
      preconditions: { uid: rt.uid },
    });
    this.pods.delete(rt.uid);
  }

  /** The pod left the API while running (force delete): kill everything now. */
  private forceStop(rt: PodRuntime): void {
    for (const c of rt.all) {
      if (c.timer) this.deps.cancel(c.timer);
      if (c.ns) this.deps.kernel.killAll(c.ns);
      c.log.close();
    }
    if (rt.killTimer) this.deps.cancel(rt.killTimer);
    if (rt.net) this.deps.network.detach(rt.net);
    this.pods.delete(rt.uid);
  }

  // --------------------------------------------------------------------------- status

  /** Computes and writes the pod's status (kubelet_pods.go#generateAPIPodStatus). */
  private reportStatus(rt: PodRuntime, terminal = false): void {
    const current = this.deps.server.get(
      'Pod',
      rt.pod.metadata!.namespace ?? 'default',
      rt.pod.metadata!.name!,
    ) as Pod | undefined;
    if (!current || current.metadata?.uid !== rt.uid) return;
    const status = this.computeStatus(rt, current, terminal);
    const updated = this.deps.server.updateStatus({
      ...(current as unknown as KubeObject),
      status,
    });
    if (updated.ok) rt.pod = updated.value as unknown as Pod;
  }

  private computeStatus(rt: PodRuntime, pod: Pod, terminal: boolean): Pod['status'] {
    const now = this.now();
    const init = rt.initContainers;
    const initDone = init.every((c) => c.terminated?.exitCode === 0);
    const containerStatuses = rt.containers.map((c) => this.containerStatus(rt, c, !initDone));
    const initStatuses = init.map((c) => this.containerStatus(rt, c, false));
    const phase = this.phase(rt, terminal);
    const allReady = rt.containers.every((c) => !!c.running) && initDone && phase === 'Running';
    const notReady = rt.containers.filter((c) => !c.running).map((c) => c.spec.name);
    const done = phase === 'Succeeded' || phase === 'Failed';
    const cond = (type: string, ok: boolean, reason?: string, message?: string): PodCondition => {
      const prev = pod.status?.conditions?.find((x) => x.type === type);
      const status = ok ? 'True' : 'False';
      const time = prev && prev.status === status ? prev.lastTransitionTime : formatRFC3339(now);
      return {
        type,
        status,
        lastProbeTime: null as unknown as string,
        lastTransitionTime: time,
        ...(reason ? { reason } : {}),
        ...(message ? { message } : {}),
      };
    };
    const conditions: PodCondition[] = [
      cond('PodReadyToStartContainers', rt.sandboxReady && !rt.finished),
      init.length
        ? cond(
            'Initialized',
            initDone,
            initDone ? undefined : 'ContainersNotInitialized',
            initDone
              ? undefined
              : `containers with incomplete status: [${init
                  .filter((c) => c.terminated?.exitCode !== 0)
                  .map((c) => c.spec.name)
                  .join(' ')}]`,
          )
        : cond('Initialized', true),
      allReady
        ? cond('Ready', true)
        : cond(
            'Ready',
            false,
            done ? 'PodCompleted' : 'ContainersNotReady',
            done ? undefined : `containers with unready status: [${notReady.join(' ')}]`,
          ),
      allReady
        ? cond('ContainersReady', true)
        : cond(
            'ContainersReady',
            false,
            done ? 'PodCompleted' : 'ContainersNotReady',
            done ? undefined : `containers with unready status: [${notReady.join(' ')}]`,
          ),
      cond('PodScheduled', true),
    ];
    const status: Record<string, unknown> = {
      phase,
      conditions,
      hostIP: this.nodeIp,
      hostIPs: [{ ip: this.nodeIp }],
      startTime: formatRFC3339(rt.startTime),
      ...(init.length ? { initContainerStatuses: initStatuses } : {}),
      containerStatuses,
      qosClass: pod.status?.qosClass ?? 'BestEffort',
    };
    if (rt.ip && !rt.finished) {
      status.podIP = rt.ip;
      status.podIPs = [{ ip: rt.ip }];
    } else if (rt.ip && pod.status?.podIP) {
      status.podIP = pod.status.podIP;
      status.podIPs = pod.status.podIPs;
    }
    return status as Pod['status'];
  }

  private containerStatus(
    rt: PodRuntime,
    c: ContainerRuntime,
    initializing: boolean,
  ): ContainerStatus {
    const time = (t: Instant) => formatRFC3339(t);
    const term = (t: Terminated) => ({
      exitCode: t.exitCode,
      reason: t.reason,
      ...(t.message ? { message: t.message } : {}),
      startedAt: time(t.startedAt),
      finishedAt: time(t.finishedAt),
      containerID: t.containerID,
    });
    let state: ContainerStatus['state'];
    if (c.running) state = { running: { startedAt: time(c.running.startedAt) } };
    else if (c.terminated && !(c.waiting && c.waiting.reason === 'CrashLoopBackOff'))
      state = { terminated: term(c.terminated) };
    else
      state = {
        waiting: {
          reason:
            initializing && !c.init
              ? 'PodInitializing'
              : (c.waiting?.reason ?? 'ContainerCreating'),
          ...(c.waiting?.message ? { message: c.waiting.message } : {}),
        },
      };
    const lastState =
      c.waiting?.reason === 'CrashLoopBackOff' && c.terminated
        ? { terminated: term(c.terminated) }
        : c.lastTerminated
          ? { terminated: term(c.lastTerminated) }
          : {};
    const status: ContainerStatus = {
      name: c.spec.name,
      state,
      lastState,
      ready: !!c.running,
      restartCount: c.restartCount,
      image: c.imageID ? c.imageRef : (c.spec.image ?? ''),
      imageID: c.imageID,
      started: !!c.running,
      ...(c.containerID ? { containerID: c.containerID } : {}),
    };
    const mounts = (c.spec.volumeMounts ?? []).map((m) => ({
      name: m.name,
      mountPath: m.mountPath,
      ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
    }));
    if (mounts.length && (c.running || c.terminated))
      (status as unknown as Record<string, unknown>).volumeMounts = mounts;
    return status;
  }

  /** The pod phase from its containers (kubelet_pods.go#getPhase). */
  private phase(rt: PodRuntime, terminal: boolean): string {
    const policy = rt.restartPolicy;
    const init = rt.initContainers;
    if (init.some((c) => c.terminated && c.terminated.exitCode !== 0) && policy === 'Never')
      return 'Failed';
    if (!init.every((c) => c.terminated?.exitCode === 0)) return terminal ? 'Failed' : 'Pending';
    let running = 0;
    let waiting = 0;
    let failed = 0;
    let restarting = 0;
    for (const c of rt.containers) {
      if (c.running) running++;
      else if (c.terminated) {
        if (c.terminated.exitCode !== 0) failed++;
        const willRestart =
          !terminal &&
          !rt.terminating &&
          (policy === 'Always' || (policy === 'OnFailure' && c.terminated.exitCode !== 0));
        if (willRestart) restarting++;
      } else if (c.waiting?.reason === 'CrashLoopBackOff') restarting++;
      else waiting++;
    }
    if (waiting > 0 && running === 0 && restarting === 0) return terminal ? 'Failed' : 'Pending';
    if (running > 0 || restarting > 0)
      return terminal ? (failed > 0 || running > 0 ? 'Failed' : 'Succeeded') : 'Running';
    if (waiting > 0) return 'Running';
    if (failed > 0) return 'Failed';
    return 'Succeeded';
  }

  // --------------------------------------------------------------------------- exec, logs, attach

  /** The runtime state of a container, for exec / logs / attach. */
  container(podUid: string, name: string): ContainerRuntime | undefined {
    const rt = this.pods.get(podUid);
    return rt?.all.find((c) => c.spec.name === name);
  }

  /** Runs a command inside a running container (CRI Exec). */
  exec(
    podUid: string,
    name: string,
    argv: string[],
    fds: Map<number, FileDescription>,
  ): Process | 'not-running' | 'not-found' | { notExecutable: string } {
    const c = this.container(podUid, name);
    if (!c) return 'not-found';
    if (!c.running || !c.ns || !c.process) return 'not-running';
    const env = new Map(c.process.env);
    // runc exec runs the container's process spec: it changes to its cwd (the workingDir, not
    // wherever PID 1 has cd'ed since) and then looks the command up, so `./x` is relative to it
    // (runc libcontainer setns_init.go: chdir, then exec.LookPath).
    const exe = findExecutable(c.ns, c.cwd, env.get('PATH'), argv);
    if (typeof exe === 'string') return { notExecutable: exe };
    return this.deps.kernel.spawn({
      program: exe.program,
      argv: exe.argv,
      env,
      cwd: c.cwd,
      ns: c.ns,
      fds,
    });
  }
}

/** Formats a duration as Go's time.Duration.String() does for the values events use (1.234s, 10s, 5m0s). */
export function formatGoDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000) {
    const s = ms / 1000;
    return `${Number.isInteger(s) ? s : s.toFixed(3).replace(/0+$/, '')}s`;
  }
  const m = Math.floor(ms / 60_000);
  const s = (ms % 60_000) / 1000;
  return `${m}m${Number.isInteger(s) ? s : s.toFixed(3).replace(/0+$/, '')}s`;
}

/** Parses an RFC 3339 status time (helper for tests and controllers). */
export function statusTime(text: string | undefined): Instant | undefined {
  return text ? parseRFC3339(text) : undefined;
}
