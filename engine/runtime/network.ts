/**
 * The cluster network: IP addresses of network namespaces (pods, nodes, the workstation),
 * TCP listeners and connections between simulated processes, and a translation hook through
 * which the cluster adds Services (ClusterIP → endpoints) and hostPorts (node IP → pod).
 */
import { Notifier } from './notifier';
import { Pipe } from './streams';
import { FileDescription } from './kernel';
import type { Rng } from '../random';

/** A network namespace: what a process's sockets belong to. */
export interface NetNamespace {
  readonly id: string;
  /** Addresses of this namespace (first is primary); 127.0.0.1 is implicit. */
  ips: string[];
  readonly network: Network;
  /** Resolves a host name as the namespace's resolv.conf would (cluster DNS for pods). */
  resolve(name: string): string | undefined;
}

/** A socket's two ends as a FileDescription plus its addresses. */
export interface Connection {
  desc: FileDescription;
  localIp: string;
  localPort: number;
  remoteIp: string;
  remotePort: number;
}

/** A listening TCP socket. */
export class Listener {
  readonly queue: Connection[] = [];
  /** Notified when a connection is waiting to be accepted. */
  readonly acceptable = new Notifier();
  closed = false;

  constructor(
    readonly ns: NetNamespace,
    readonly port: number,
    readonly backlog: number,
    private readonly onClose: () => void,
  ) {}

  /** Takes the next pending connection, if any. */
  accept(): Connection | undefined {
    return this.queue.shift();
  }

  /** Stops listening; pending connections are reset (their client sees EOF). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const conn of this.queue.splice(0)) conn.desc.retain().release();
    this.onClose();
  }
}

/** Where a connection to (ip, port) really goes after Service / hostPort translation. */
export type Translate = (ip: string, port: number) => { ip: string; port: number } | undefined;

/** Errors a connect can give. */
export type ConnectError = 'ECONNREFUSED' | 'EHOSTUNREACH';

/** The whole cluster's network. */
export class Network {
  private byIp = new Map<string, NetNamespace>();
  private listeners = new Map<string, Listener>();
  /**
   * Ports whose listener closed while its namespace stayed up: a one-shot server run in a loop
   * (`while true; do … | nc -l -p PORT; done`) is about to listen there again.
   */
  private relistening = new Set<string>();
  private nextEphemeral = 32768;
  /** Set by the cluster: Services and hostPorts. */
  translate: Translate = () => undefined;

  constructor(readonly rng: Rng) {}

  /** Gives `ns` the address `ip`. */
  attach(ns: NetNamespace, ip: string): void {
    if (!ns.ips.includes(ip)) ns.ips.push(ip);
    this.byIp.set(ip, ns);
  }

  /** Removes every address of `ns` and closes its listeners. */
  detach(ns: NetNamespace): void {
    for (const ip of ns.ips) if (this.byIp.get(ip) === ns) this.byIp.delete(ip);
    for (const [key, listener] of [...this.listeners])
      if (listener.ns === ns) {
        this.listeners.delete(key);
        listener.close();
      }
    for (const key of [...this.relistening])
      if (key.startsWith(`${ns.id}:`)) this.relistening.delete(key);
  }

  /** The namespace that owns `ip`. */
  owner(ip: string): NetNamespace | undefined {
    return this.byIp.get(ip);
  }

  /** Listens on `port` on all addresses of `ns`. */
  listen(ns: NetNamespace, port: number, backlog = 1): Listener | 'EADDRINUSE' {
    const key = `${ns.id}:${port}`;
    const existing = this.listeners.get(key);
    if (existing && !existing.closed) return 'EADDRINUSE';
    const listener = new Listener(ns, port, backlog, () => {
      if (this.listeners.get(key) !== listener) return;
      this.listeners.delete(key);
      if (this.byIp.get(ns.ips[0] ?? '') === ns) this.relistening.add(key);
    });
    this.listeners.set(key, listener);
    this.relistening.delete(key);
    return listener;
  }

  /** Whether something listens on (ns, port). */
  isListening(ns: NetNamespace, port: number): boolean {
    const l = this.listeners.get(`${ns.id}:${port}`);
    return !!l && !l.closed;
  }

  /** Where a connection to ip:port lands: the target after translation and its namespace. */
  private route(from: NetNamespace, ip: string, port: number) {
    let target =
      ip === '127.0.0.1' || ip === 'localhost'
        ? { ip: from.ips[0] ?? '127.0.0.1', port }
        : { ip, port };
    const translated = this.translate(target.ip, target.port);
    if (translated) target = translated;
    const ns = ip === '127.0.0.1' ? from : this.byIp.get(target.ip);
    return { target, translated, ns, key: ns && `${ns.id}:${target.port}` };
  }

  /**
   * Whether a refused connect to ip:port only met a server between two accepts: the port's
   * accept queue is full, or its one-shot listener closed and the server has not listened again
   * yet. Clients retry such a SYN a moment later (see SYN_RETRY_MS in the nc applet).
   */
  // @simplified: processes take no virtual time, so clients woken in the same instant (three Job
  // workers started together, then each sleeping exactly 1 s) would reach a one-shot server at
  // the very same instant, which pods started milliseconds apart never do. Retrying keeps that
  // artificial collision off (lesson-sources D2) while a port nobody serves is still refused.
  refusalIsTransient(from: NetNamespace, ip: string, port: number): boolean {
    const { key } = this.route(from, ip, port);
    if (key === undefined) return false;
    const listener = this.listeners.get(key);
    if (listener && !listener.closed) return listener.queue.length >= Math.max(1, listener.backlog);
    return this.relistening.has(key);
  }

  /**
   * Opens a TCP connection from `from` to ip:port. The server side is queued on the listener;
   * a full backlog or no listener refuses, as a closed port answers with RST.
   */
  connect(from: NetNamespace, ip: string, port: number): Connection | ConnectError {
    const { target, translated, ns, key } = this.route(from, ip, port);
    if (!ns || key === undefined) return translated ? 'ECONNREFUSED' : 'EHOSTUNREACH';
    const listener = this.listeners.get(key);
    if (!listener || listener.closed || listener.queue.length >= Math.max(1, listener.backlog))
      return 'ECONNREFUSED';
    const up = new Pipe();
    const down = new Pipe();
    const localIp = from.ips[0] ?? '127.0.0.1';
    const localPort = this.nextEphemeral++;
    if (this.nextEphemeral > 60999) this.nextEphemeral = 32768;
    const client = new FileDescription(
      down.openReader(),
      up.openWriter(),
      `socket ${localIp}:${localPort}`,
    );
    const server = new FileDescription(
      up.openReader(),
      down.openWriter(),
      `socket ${target.ip}:${target.port}`,
    );
    listener.queue.push({
      desc: server,
      localIp: target.ip,
      localPort: target.port,
      remoteIp: localIp,
      remotePort: localPort,
    });
    listener.acceptable.notify();
    return { desc: client, localIp, localPort, remoteIp: target.ip, remotePort: target.port };
  }
}
