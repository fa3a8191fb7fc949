/**
 * `/myweb` of ghcr.io/c1t1d0s7/go-myweb (a small Go web server used by the Korean course):
 * listens on 8080 (or `-port`), logs with Go's log package to stderr, and answers every path
 * with the request headers, client and host information as text; `/404` answers 404.
 * A Go program dies on SIGTERM; as a container's PID 1, where the kernel will not kill it
 * with a default action, the Go runtime exits with status 2 instead.
 */
import type { Process, Program } from '../kernel';
import {
  formatResponse,
  header,
  httpDate,
  serveConnections,
  type HttpRequest,
  type Reply,
} from '../applets/http';
import { dieBySignal } from '../applets/socket';
import { slashTime } from './log-time';

/** Canonical MIME header key, as Go's textproto prints it. */
function canonicalKey(name: string): string {
  return name
    .toLowerCase()
    .split('-')
    .map((p) => (p ? p[0].toUpperCase() + p.slice(1) : p))
    .join('-');
}

/** Go's Uptime formatting of the node: "15D, 4H, 19M". */
function uptimeText(seconds: number): string {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds - d * 86400) / 3600);
  const m = Math.floor((seconds - d * 86400 - h * 3600) / 60);
  return `${d}D, ${h}H, ${m}M`;
}

/** What the server needs from the machine. */
export interface MywebOptions {
  /** Node boot time, for the Uptime line. */
  bootTime: (proc: Process) => number;
}

function body(proc: Process, req: HttpRequest, remote: string, options: MywebOptions): string {
  let text = `[Request Headers]\n\t${req.method} ${req.target} ${req.version}\n`;
  // Go iterates a map: the order of header lines is random on every request.
  const grouped = new Map<string, string[]>();
  for (const [k, v] of req.headers) {
    const key = canonicalKey(k);
    if (key === 'Host') continue;
    grouped.set(key, [...(grouped.get(key) ?? []), v]);
  }
  const keys = [...grouped.keys()];
  for (let i = keys.length - 1; i > 0; i--) {
    const j = proc.rng.int(i + 1);
    [keys[i], keys[j]] = [keys[j], keys[i]];
  }
  for (const k of keys) text += `\t${k}: [${grouped.get(k)!.join(' ')}]\n`;
  text += `[Client Informations]\n\tHost: ${header(req.headers, 'Host') ?? ''}\n\tRemoteAddr: ${remote}\n`;
  const resolv = proc.ns.fs.readFile('/etc/resolv.conf');
  let servers: string[] = [];
  let search: string[] = [];
  if (resolv.ok) {
    for (const line of resolv.value.split('\n')) {
      const [word, ...rest] = line.trim().split(/\s+/);
      if (word === 'nameserver' && rest[0]) servers.push(rest[0]);
      if (word === 'search') search = rest;
    }
  } else {
    // @simplified: without a resolv.conf Go's DNS config falls back to localhost.
    servers = ['127.0.0.1', '::1'];
  }
  const uptime = Math.max(0, Math.floor((proc.now() - options.bootTime(proc)) / 1000));
  text +=
    `[Host Informations]\n\tHostname: ${proc.ns.hostname}\n\tIP: ${proc.ns.net.ips[0] ?? '127.0.0.1'}\n` +
    `\tDNS: [${servers.join(' ')}], [${search.join(' ')}]\n\tUptime: ${uptimeText(uptime)}\n` +
    `\tEnv Message: ${proc.env.get('MESSAGE') || 'Hello world'}\n`;
  return text;
}

/** The /myweb program. */
export function createMyweb(options: MywebOptions): Program {
  return function* (proc) {
    // Go's flag package: -port=N, -port N, --port=N, --port N.
    let port = 8080;
    const args = proc.argv.slice(1);
    for (let i = 0; i < args.length; i++) {
      const m = /^--?port(?:=(.*))?$/.exec(args[i]);
      if (!m) continue;
      const value = m[1] ?? args[++i];
      if (value !== undefined && /^\d+$/.test(value)) port = Number(value);
    }
    for (const sig of ['TERM', 'INT', 'HUP', 'QUIT'] as const) proc.setDisposition(sig, 'catch');
    yield* proc.err(
      `${slashTime(proc)} Start MyWeb Application\n${slashTime(proc)} Listen:  0.0.0.0:${port}\n`,
    );
    const listener = proc.ns.net.network.listen(proc.ns.net, port, 128);
    if (listener === 'EADDRINUSE') {
      yield* proc.err(
        `${slashTime(proc)} listen tcp 0.0.0.0:${port}: bind: address already in use\n`,
      );
      return 1;
    }
    try {
      yield* serveConnections(proc, listener, function* (req, conn) {
        if (!req) return undefined;
        const remote = `${conn.remoteIp}:${conn.remotePort}`;
        yield* proc.err(
          `${slashTime(proc)} Request ${remote} --${req.method}--> ${header(req.headers, 'Host') ?? ''}${req.target}\n`,
        );
        const notFound = req.target.split('?')[0] === '/404';
        const text = notFound ? 'Oops! 404 Not Found!' : body(proc, req, remote, options);
        const close = (header(req.headers, 'Connection') ?? '').toLowerCase() === 'close';
        // Go writes header keys in sorted order.
        const headers: Array<[string, string]> = [
          ...(close ? ([['Connection', 'close']] as Array<[string, string]>) : []),
          ['Content-Length', String(text.length)],
          ['Content-Type', 'text/plain; charset=utf-8'],
          ['Date', httpDate(proc.now())],
        ];
        const reply: Reply = {
          response: formatResponse(
            notFound ? 'HTTP/1.1 404 Not Found' : 'HTTP/1.1 200 OK',
            headers,
            req.method === 'HEAD' ? '' : text,
          ),
          status: notFound ? 404 : 200,
          bodyBytes: text.length,
        };
        return reply;
      });
    } finally {
      listener.close();
    }
    const sig = proc.takeSignal() ?? 'TERM';
    // Go's runtime re-raises the signal; PID 1 of a container survives that, so it exits(2).
    if (proc.ns.isContainer && proc.pid === 1) return 2;
    return dieBySignal(proc, sig);
  };
}
