/**
 * `wget [-q] [-O FILE] [-T SEC] [-U AGENT] [--header H] [-P DIR] [--spider] URL...` (busybox
 * networking/wget.c): HTTP/1.1 GET over the simulated network, following redirects. Messages
 * go to stderr: "Connecting to HOST (IP:PORT)", "saving to 'FILE'" or "writing to stdout", the
 * progress bar, then "'FILE' saved" or "written to stdout".
 */
import type { Block } from '../kernel';
import { resolvePath } from '../fs';
import { defineApplet, type Applet } from './applet';
import { strerror } from './common';
import { decodeChunked, header, parseResponseHead, splitHead } from './http';
import { resolveHost, select, tryRead, writeAll } from './socket';

const UNREACHABLE_MS = 3000;

interface Target {
  host: string;
  port: number;
  /** Path without the leading slash, as busybox keeps it. */
  path: string;
  /** Host as given (with :port if any), for the Host header. */
  hostHeader: string;
}

function parseUrl(url: string): Target | undefined {
  const m = /^http:\/\/([^/:?#]+)(?::(\d+))?([^#]*)/i.exec(url);
  if (!m) return undefined;
  const path = (m[3] || '/').replace(/^\/+/, '');
  return {
    host: m[1],
    port: m[2] ? Number(m[2]) : 80,
    path,
    hostHeader: m[2] ? `${m[1]}:${m[2]}` : m[1],
  };
}

/**
 * The progress bar line busybox prints once the transfer is done (sizes of 100000 and more in
 * k). The transfer takes no virtual time, so it is always 100% with a 0:00:00 ETA.
 */
// @simplified: on a terminal busybox redraws the bar with \r while data arrives; only the final
// state is printed here (which is also all a non-terminal stderr shows).
function progressLine(name: string, size: number): string {
  const shown = size < 100_000 ? String(size) : `${Math.floor(size / 1024)}k`;
  return `${name.slice(0, 20).padEnd(20)} 100% |${'*'.repeat(32)}|${shown.padStart(6)}  0:00:00 ETA\n`;
}

export const wget = defineApplet(
  {
    name: 'wget',
    busybox: {
      short: 'cqO:o:P:Y:U:T:t:nsS',
      long: {
        continue: { key: 'c' },
        quiet: { key: 'q' },
        'output-document': { key: 'O', arg: 'required' },
        'output-file': { key: 'o', arg: 'required' },
        'directory-prefix': { key: 'P', arg: 'required' },
        'user-agent': { key: 'U', arg: 'required' },
        timeout: { key: 'T', arg: 'required' },
        tries: { key: 't', arg: 'required' },
        header: { key: 'header', arg: 'required' },
        spider: { key: 's' },
        'server-response': { key: 'S' },
        'no-check-certificate': { key: 'no-check-certificate' },
      },
    },
    usage: {
      synopsis:
        '[-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[-Y on/off] [-P DIR] [-U AGENT] [-T SEC] URL...',
      help:
        'Retrieve files via HTTP or FTP\n\n' +
        '\t--spider\tOnly check URL existence: $? is 0 if exists\n' +
        "\t--header STR\tAdd STR (of form 'header: value') to headers\n" +
        '\t-c\t\tContinue retrieval of aborted transfer\n' +
        '\t-q\t\tQuiet\n' +
        '\t-P DIR\t\tSave to DIR (default .)\n' +
        '\t-S    \t\tShow server response\n' +
        '\t-T SEC\t\tNetwork read timeout is SEC seconds\n' +
        "\t-O FILE\t\tSave to FILE ('-' for stdout)\n" +
        '\t-o LOGFILE\tLog messages to FILE\n' +
        '\t-U STR\t\tUse STR for User-Agent header\n' +
        '\t-Y on/off\tUse proxy',
    },
  },
  function* (a, opts) {
    if (opts.operands.length === 0) return yield* a.usageError();
    const quiet = opts.has('q');
    let timeout = 900_000;
    if (opts.has('T')) {
      const t = opts.value('T')!;
      if (!/^\d+$/.test(t)) {
        yield* a.error(`invalid number '${t}'`);
        return 1;
      }
      timeout = Number(t) * 1000;
    }
    const agent = opts.value('U') ?? 'Wget';
    // @simplified: -c, -o LOGFILE, -t and -Y are accepted and ignored (no resumes, proxies or log files).
    for (const url of opts.operands) {
      const r = yield* fetchOne(a, url, {
        quiet,
        timeout,
        agent,
        output: opts.value('O'),
        dir: opts.value('P'),
        spider: opts.has('s'),
        extra: opts.values('header'),
        showHeaders: opts.has('S'),
      });
      // busybox dies on the first failure.
      if (r !== 0) return r;
    }
    return 0;
  },
);

function* fetchOne(
  a: Applet,
  url: string,
  o: {
    quiet: boolean;
    timeout: number;
    agent: string;
    output?: string;
    dir?: string;
    spider: boolean;
    extra: string[];
    showHeaders: boolean;
  },
): Generator<Block, number, void> {
  const proc = a.proc;
  let target = parseUrl(url);
  if (!target) {
    if (/^https:\/\//i.test(url)) {
      // @simplified: no TLS in the simulated network.
      yield* a.error('TLS is not supported by Podlab');
      return 1;
    }
    yield* a.error(`not an http or ftp url: ${url}`);
    return 1;
  }
  for (let redirects = 0; redirects < 20; redirects++) {
    const ip = resolveHost(proc, target.host);
    if (ip === undefined) {
      yield* a.error(`bad address '${target.host}'`);
      return 1;
    }
    if (!o.quiet) yield* proc.err(`Connecting to ${target.hostHeader} (${ip}:${target.port})\n`);
    const deadline = proc.now() + o.timeout;
    const conn = proc.ns.net.network.connect(proc.ns.net, ip, target.port);
    if (typeof conn === 'string') {
      if (conn === 'EHOSTUNREACH') {
        const r = yield* select(proc, [], Math.min(deadline, proc.now() + UNREACHABLE_MS));
        if (r === 'timeout' && deadline <= proc.now()) {
          yield* a.error('download timed out');
          return 1;
        }
      }
      yield* a.error(
        `can't connect to remote host (${ip}): ${conn === 'ECONNREFUSED' ? 'Connection refused' : 'No route to host'}`,
      );
      return 1;
    }
    const sock = conn.desc;
    try {
      const request =
        `GET /${target.path} HTTP/1.1\r\nHost: ${target.hostHeader}\r\nUser-Agent: ${o.agent}\r\nConnection: close\r\n` +
        o.extra.map((h) => `${h}\r\n`).join('') +
        '\r\n';
      yield* writeAll(sock, request);
      // Read the whole response (the server closes: we asked for Connection: close).
      let data = '';
      for (;;) {
        const chunk = tryRead(sock);
        if (chunk === null) break;
        if (chunk !== undefined) {
          data += chunk;
          continue;
        }
        const r = yield* select(proc, sock.readEnd ? [sock.readEnd.readable] : [], deadline);
        if (r === 'timeout') {
          yield* a.error('download timed out');
          return 1;
        }
      }
      const split = splitHead(data);
      const head = split ? parseResponseHead(split.head) : undefined;
      if (!split || !head) {
        yield* a.error('no response from server');
        return 1;
      }
      if (o.showHeaders) yield* proc.err(split.head.map((l) => `  ${l}\n`).join(''));
      if ([301, 302, 303, 307, 308].includes(head.status)) {
        const location = header(head.headers, 'Location');
        if (location) {
          target = location.startsWith('/')
            ? { ...target, path: location.replace(/^\/+/, '') }
            : (parseUrl(location) ?? target);
          continue;
        }
      }
      if (head.status < 200 || head.status > 299) {
        yield* a.error(`server returned error: ${head.statusLine}`);
        return 1;
      }
      let body = split.rest;
      if ((header(head.headers, 'Transfer-Encoding') ?? '').toLowerCase() === 'chunked')
        body = decodeChunked(body) ?? body;
      const length = header(head.headers, 'Content-Length');
      if (length !== undefined) body = body.slice(0, Number(length));
      if (o.spider) {
        if (!o.quiet) yield* proc.err('remote file exists\n');
        return 0;
      }
      const toStdout = o.output === '-';
      const name = toStdout
        ? '-'
        : (o.output ?? (target.path.split('?')[0].split('/').pop() || 'index.html'));
      if (!o.quiet) yield* proc.err(toStdout ? 'writing to stdout\n' : `saving to '${name}'\n`);
      if (toStdout) {
        if (!(yield* proc.out(body))) return 1;
      } else {
        const path = resolvePath(proc.cwd, o.dir ? `${o.dir}/${name}` : name);
        // Without -O, busybox refuses to overwrite an existing file.
        if (o.output === undefined && proc.ns.fs.exists(path)) {
          yield* a.error(`can't open '${name}': File exists`);
          return 1;
        }
        const w = proc.ns.fs.writeFile(path, body);
        if (!w.ok) {
          yield* a.error(`can't open '${name}': ${strerror(w.errno)}`);
          return 1;
        }
      }
      if (!o.quiet) {
        yield* proc.err(progressLine(name, body.length));
        yield* proc.err(toStdout ? 'written to stdout\n' : `'${name}' saved\n`);
      }
      return 0;
    } finally {
      sock.retain().release();
    }
  }
  yield* a.error('too many redirections');
  return 1;
}
