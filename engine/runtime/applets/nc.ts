/**
 * `nc` as alpine's busybox builds it: "nc 1.10 compat" with server support and the extras
 * (networking/nc_bloaty.c).
 *
 *   nc [-w SECS] [-v] HOST PORT          connect; stdin → socket, socket → stdout
 *   nc -l -p PORT [-w SECS]              accept one connection (backlog 1), then stop listening
 *   nc -lk -p PORT -e PROG [ARGS]...     run PROG for every connection, socket as its stdin/stdout
 *
 * Since busybox 1.22 nc half-closes the socket when stdin ends and exits once both stdin and
 * the socket are closed. With -w, a connect or accept gives up after SECS, and once stdin is
 * closed two idle SECS periods end the session. Refused connections print nothing unless -vv
 * (other failures with -v). INT, QUIT and TERM print "punt!" and kill nc.
 */
import type { Block, FileDescription, Process } from '../kernel';
import type { Connection } from '../network';
import { findExecutable } from '../exec';
import { defineApplet, type Applet } from './applet';
import { strerror } from './common';
import { dieBySignal, parsePort, resolveHost, select, tryRead, writeAll } from './socket';

const CONNECT_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'Connection refused',
  EHOSTUNREACH: 'No route to host',
  ETIMEDOUT: 'Connection timed out',
};

/** How long a SYN to an address nobody owns takes to fail (ARP resolution gives up). */
// @simplified: Linux reports EHOSTUNREACH after its neighbour discovery timeout (about 3 s).
const UNREACHABLE_MS = 3000;

/** A refused SYN that only met a one-shot server between two accepts is sent again this much later… */
const SYN_RETRY_MS = 1;
/** …at most this many times (the server's loop listens again within the same instant). */
const SYN_RETRIES = 20;

/** Ends nc on INT/QUIT/TERM as its signal handler does; undefined when no signal is pending. */
function* punt(a: Applet): Generator<Block, number | undefined, void> {
  const sig = a.proc.takeSignal();
  if (!sig) return undefined;
  yield* a.proc.err('punt!\n');
  return dieBySignal(a.proc, sig);
}

/** A socket's address as busybox prints it: IPv6 sockets show v4 peers as [::ffff:a.b.c.d]:port. */
function dotted(ip: string, port: number, v6: boolean): string {
  return v6 ? `[::ffff:${ip}]:${port}` : `${ip}:${port}`;
}

export const nc = defineApplet(
  {
    name: 'nc',
    busybox: { short: 'np:s:uvw:lki:o:z' },
    usage: {
      synopsis: '[OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen',
      help:
        '\t-e PROG\tRun PROG after connect (must be last)\n' +
        '\t-l\tListen mode, for inbound connects\n' +
        '\t-lk\tWith -e, provides persistent server\n' +
        '\t-p PORT\tLocal port\n' +
        '\t-s ADDR\tLocal address\n' +
        '\t-w SEC\tTimeout for connects and final net reads\n' +
        '\t-i SEC\tDelay interval for lines sent\n' +
        "\t-n\tDon't do DNS resolution\n" +
        '\t-u\tUDP mode\n' +
        '\t-v\tVerbose\n' +
        '\t-o FILE\tHex dump traffic\n' +
        '\t-z\tZero-I/O mode (scanning)',
    },
    parseInBody: true,
  },
  function* (a) {
    const proc = a.proc;
    // `-e PROG ARGS...` must be last: everything after it is the program's argv.
    let args = proc.argv.slice(1);
    let prog: string[] | undefined;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg === '-e' || (/^-[nuvlkz]*e$/.test(arg) && arg.length > 2)) {
        prog = args.slice(i + 1);
        args = arg === '-e' ? args.slice(0, i) : [...args.slice(0, i), arg.slice(0, -1)];
        break;
      }
    }
    const opts = yield* a.parse(args);
    if (typeof opts === 'number') return opts;
    if (opts.operands.length > 2) return yield* a.usageError();
    if (prog !== undefined && prog.length === 0) return yield* a.usageError();
    if (opts.has('u')) {
      // @simplified: the simulated network carries TCP only.
      yield* a.error('UDP is not supported by Podlab');
      return 1;
    }
    // Signal handlers, as nc installs them: INT/QUIT/TERM end it with "punt!", PIPE is ignored.
    for (const sig of ['INT', 'QUIT', 'TERM'] as const) proc.setDisposition(sig, 'catch');
    proc.setDisposition('PIPE', 'ignore');
    const verbose = opts.count('v');
    let wait = 0;
    if (opts.has('w')) {
      const w = opts.value('w')!;
      if (!/^\d+$/.test(w)) {
        yield* a.error(`invalid number '${w}'`);
        return 1;
      }
      wait = Number(w) * 1000;
    }
    let localPort = 0;
    if (opts.has('p')) {
      const p = parsePort(opts.value('p')!);
      if (!p) {
        yield* a.error(`bad local port '${opts.value('p')}'`);
        return 1;
      }
      localPort = p;
    }
    const [host, portText] = opts.operands;
    let remoteIp: string | undefined;
    if (host !== undefined) {
      remoteIp = resolveHost(proc, host);
      if (remoteIp === undefined) {
        yield* a.error(`bad address '${host}'`);
        return 1;
      }
    }
    const listen = opts.count('l') > 0;
    // @simplified: in listen mode a HOST [PORT] filter on the peer is accepted but not applied.
    const persistent = opts.has('k') || opts.count('l') > 1;
    if (prog) {
      // nc closes its stdin when it will exec a program.
      proc.closeFd(0);
    }

    if (listen) {
      const listener = proc.ns.net.network.listen(proc.ns.net, localPort, 1);
      if (listener === 'EADDRINUSE') {
        yield* a.error('bind: Address in use');
        return 1;
      }
      if (verbose) yield* proc.err(`listening on [::]:${localPort} ...\n`);
      try {
        for (;;) {
          // accept(), wrapped in the -w timer.
          const deadline = wait ? proc.now() + wait : undefined;
          let conn: Connection | undefined;
          while (!(conn = listener.accept())) {
            const r = yield* select(proc, [listener.acceptable], deadline);
            if (r === 'signal') return (yield* punt(a))!;
            if (r === 'timeout') {
              yield* a.error('timeout');
              return 1;
            }
          }
          if (verbose) {
            const remote = dotted(conn.remoteIp, conn.remotePort, true);
            yield* proc.err(
              `connect to ${dotted(conn.localIp, conn.localPort, true)} from ${remote} (${remote})\n`,
            );
          }
          if (persistent && prog) {
            // -lk -e: a child per connection; the parent goes back to accept() at once.
            yield* startProgram(a, prog, conn.desc, false);
            conn.desc.retain().release();
            continue;
          }
          // One shot: the listening socket is closed once a connection is accepted.
          listener.close();
          if (prog) return yield* startProgram(a, prog, conn.desc, true);
          return yield* readwrite(a, conn.desc, wait);
        }
      } finally {
        listener.close();
      }
    }

    if (remoteIp === undefined || portText === undefined) return yield* a.usageError();
    const port = parsePort(portText) ?? 0;
    const themdotted = `${remoteIp}:${port}`;
    const network = proc.ns.net.network;
    let conn = network.connect(proc.ns.net, remoteIp, port);
    for (
      let tries = 0;
      conn === 'ECONNREFUSED' &&
      tries < SYN_RETRIES &&
      network.refusalIsTransient(proc.ns.net, remoteIp, port);
      tries++
    ) {
      const r = yield* select(proc, [], proc.now() + SYN_RETRY_MS);
      if (r === 'signal') return (yield* punt(a))!;
      conn = network.connect(proc.ns.net, remoteIp, port);
    }
    if (typeof conn === 'string') {
      let failure: string = conn;
      if (conn === 'EHOSTUNREACH') {
        // Nobody answers: connect() blocks until the -w alarm or the network gives up.
        const limit = wait ? Math.min(wait, UNREACHABLE_MS) : UNREACHABLE_MS;
        const r = yield* select(proc, [], proc.now() + limit);
        if (r === 'signal') return (yield* punt(a))!;
        if (wait && wait <= UNREACHABLE_MS) failure = 'ETIMEDOUT';
      }
      if (verbose > 1 || (verbose && failure !== 'ECONNREFUSED')) {
        yield* a.error(`${host} (${themdotted}): ${CONNECT_ERRORS[failure] ?? strerror(failure)}`);
      }
      return 1;
    }
    if (verbose) yield* proc.err(`${host} (${themdotted}) open\n`);
    if (prog) return yield* startProgram(a, prog, conn.desc, true);
    return yield* readwrite(a, conn.desc, wait);
  },
);

/**
 * Runs `-e PROG` with the socket as stdin and stdout (stderr stays nc's). With `waitForIt`
 * nc behaves as if it exec'ed PROG: it waits and returns PROG's status.
 */
// @simplified: the kernel has no exec(), so the one-shot `-e` runs PROG as a child of nc.
function* startProgram(
  a: Applet,
  prog: string[],
  sock: FileDescription,
  waitForIt: boolean,
): Generator<Block, number, void> {
  const proc = a.proc;
  const exe = findExecutable(proc.ns, proc.cwd, proc.env.get('PATH'), prog);
  if (typeof exe === 'string') {
    const errno = exe === 'ENOENT' ? 'ENOENT' : 'EACCES';
    yield* a.error(`can't execute '${prog[0]}': ${strerror(errno)}`);
    return errno === 'ENOENT' ? 127 : 126;
  }
  const fds = new Map<number, FileDescription>([
    [0, sock],
    [1, sock],
  ]);
  const stderr = proc.fd(2);
  if (stderr) fds.set(2, stderr);
  const child: Process = proc.spawn({ program: exe.program, argv: exe.argv, fds });
  if (!waitForIt) return 0;
  for (;;) {
    const code = yield* proc.wait(child, true);
    if (code !== undefined) return code;
    const died = yield* punt(a);
    if (died !== undefined) return died;
  }
}

/**
 * The select loop: network data to stdout, stdin to the network, half-close on stdin EOF,
 * done when both are closed or, with -w, after two idle periods once stdin is closed.
 */
function* readwrite(
  a: Applet,
  sock: FileDescription,
  wait: number,
): Generator<Block, number, void> {
  const proc = a.proc;
  const stdin = proc.fd(0);
  let stdinOpen = stdin?.readEnd !== undefined;
  // No stdin at all reads as an immediate EOF: half-close right away.
  if (!stdinOpen) sock.writeEnd?.close();
  let netOpen = true;
  let netRetry = 2;
  try {
    while (stdinOpen || netOpen) {
      let progress = false;
      if (netOpen) {
        const data = tryRead(sock);
        if (data === null) {
          // The peer half-closed: it sends no more, but may still read what we send.
          netOpen = false;
          progress = true;
        } else if (data !== undefined) {
          progress = true;
          if (!(yield* proc.write(1, data))) return 1;
        }
      }
      if (stdinOpen && stdin) {
        const data = tryRead(stdin);
        if (data === null) {
          stdinOpen = false;
          progress = true;
          // Let the peer know no more data is coming (shutdown(SHUT_WR)).
          sock.writeEnd?.close();
        } else if (data !== undefined) {
          progress = true;
          // Once the peer has closed completely, writes fail and nc gives up on the session.
          if (!(yield* writeAll(sock, data))) return 1;
        }
      }
      if (progress) continue;
      const on = [];
      if (netOpen && sock.readEnd) on.push(sock.readEnd.readable);
      if (stdinOpen && stdin?.readEnd) on.push(stdin.readEnd.readable);
      const r = yield* select(proc, on, wait ? proc.now() + wait : undefined);
      if (r === 'signal') return (yield* punt(a))!;
      if (r === 'timeout' && !stdinOpen && --netRetry === 0) return 0;
    }
    return 0;
  } finally {
    sock.retain().release();
  }
}
