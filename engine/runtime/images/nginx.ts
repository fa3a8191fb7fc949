/**
 * The nginx server of the official `nginx` image: /docker-entrypoint.sh prints its set-up lines
 * and hands over to `nginx -g 'daemon off;'`, whose master process logs its start-up notices,
 * starts worker processes that serve /usr/share/nginx/html on port 80 and log each request in
 * the `main` format to stdout. TERM/INT stop it at once, QUIT gracefully (the image's
 * STOPSIGNAL); both exit 0.
 */
import type { Block, Process, Program, SignalName } from '../kernel';
import { SIGNALS } from '../kernel';
import { resolvePath } from '../fs';
import type { Connection, Listener } from '../network';
import { setProcessTitle } from '../applets/ps';
import {
  formatResponse,
  header,
  httpDate,
  serveConnections,
  type HttpRequest,
  type Reply,
} from '../applets/http';
import { nginxLocalTime, slashTime } from './log-time';
import type { KernelInfo } from '../applets/common';

/**
 * The page the simulated nginx serves at `/`. Written for Podlab (the real image's page is the
 * nginx project's text): same title and heading, so learners recognise it.
 */
export const NGINX_WELCOME_PAGE =
  '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n' +
  '<h1>Welcome to nginx!</h1>\n<p>This nginx (simulated by Podlab) is running and serving its default page.</p>\n' +
  '</body>\n</html>\n';

/** Where the image's docroot is. */
export const NGINX_ROOT = '/usr/share/nginx/html';

const ENTRYPOINT_LINES = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
];

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  txt: 'text/plain',
  css: 'text/css',
  js: 'application/javascript',
  json: 'application/json',
  png: 'image/png',
  ico: 'image/x-icon',
};

const REASONS: Record<number, string> = {
  200: 'OK',
  301: 'Moved Permanently',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Not Allowed',
};

/** What the nginx program needs to know about its build and host. */
export interface NginxOptions {
  version: string;
  /** The node kernel, for the "OS:" notice. */
  kernel: (proc: Process) => KernelInfo;
  /** Worker processes ("auto" = the node's CPUs). */
  workers?: number;
}

function errorPage(version: string, status: number): string {
  const title = `${status} ${REASONS[status]}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

/** Answers one request from the docroot, as nginx's default server does. */
function respond(proc: Process, version: string, req: HttpRequest | undefined): Reply {
  const base: Array<[string, string]> = [
    ['Server', `nginx/${version}`],
    ['Date', httpDate(proc.now())],
  ];
  const close =
    !req ||
    (header(req.headers, 'Connection') ?? '').toLowerCase() === 'close' ||
    req.version === 'HTTP/1.0';
  const connection: [string, string] = ['Connection', close ? 'close' : 'keep-alive'];
  const error = (status: number): Reply => {
    const body = errorPage(version, status);
    return {
      response: formatResponse(
        `HTTP/1.1 ${status} ${REASONS[status]}`,
        [
          ...base,
          ['Content-Type', 'text/html'],
          ['Content-Length', String(body.length)],
          ['Connection', 'close'],
        ],
        req?.method === 'HEAD' ? '' : body,
      ),
      status,
      bodyBytes: body.length,
    };
  };
  if (!req) return error(400);
  if (req.method !== 'GET' && req.method !== 'HEAD') return error(405);
  const path = decodeURIComponent(req.target.split('?')[0]);
  let file = resolvePath(NGINX_ROOT, `.${path}`);
  if (!file.startsWith(NGINX_ROOT)) return error(403);
  let st = proc.ns.fs.stat(file);
  if (st.ok && st.value.type === 'dir') {
    if (!path.endsWith('/')) {
      const body = errorPage(version, 301);
      return {
        response: formatResponse(
          'HTTP/1.1 301 Moved Permanently',
          [
            ...base,
            ['Content-Type', 'text/html'],
            ['Content-Length', String(body.length)],
            ['Location', `${path}/`],
            connection,
          ],
          body,
        ),
        status: 301,
        bodyBytes: body.length,
      };
    }
    file = `${file}/index.html`;
    st = proc.ns.fs.stat(file);
  }
  const data = proc.ns.fs.readFile(file);
  if (!st.ok || !data.ok) return error(404);
  const ext = file.split('.').pop() ?? '';
  const mtime = Math.floor(st.value.mtime / 1000);
  const headers: Array<[string, string]> = [
    ...base,
    ['Content-Type', CONTENT_TYPES[ext] ?? 'application/octet-stream'],
    ['Content-Length', String(data.value.length)],
    ['Last-Modified', httpDate(st.value.mtime)],
    connection,
    ['ETag', `"${mtime.toString(16)}-${data.value.length.toString(16)}"`],
    ['Accept-Ranges', 'bytes'],
  ];
  return {
    response: formatResponse('HTTP/1.1 200 OK', headers, req.method === 'HEAD' ? '' : data.value),
    status: 200,
    bodyBytes: req.method === 'HEAD' ? 0 : data.value.length,
  };
}

/** A worker: serves the shared listener, logging each request to stdout. */
function worker(version: string, listener: Listener): Program {
  return function* (proc) {
    setProcessTitle(proc, 'nginx: worker process');
    for (const sig of ['TERM', 'INT', 'QUIT', 'HUP'] as const) proc.setDisposition(sig, 'catch');
    const result = yield* serveConnections(proc, listener, function* (req, conn: Connection) {
      const reply = respond(proc, version, req);
      const agent = (req && header(req.headers, 'User-Agent')) ?? '-';
      const referer = (req && header(req.headers, 'Referer')) ?? '-';
      const forwarded = (req && header(req.headers, 'X-Forwarded-For')) ?? '-';
      // log_format main (the image's nginx.conf).
      yield* proc.out(
        `${conn.remoteIp} - - [${nginxLocalTime(proc)}] "${req?.line ?? ''}" ${reply.status} ${reply.bodyBytes} "${referer}" "${agent}" "${forwarded}"\n`,
      );
      return reply;
    });
    const sig = proc.takeSignal();
    if (result === 'signal' && sig === 'QUIT')
      yield* proc.err(
        `${slashTime(proc)} [notice] ${proc.pid}#${proc.pid}: gracefully shutting down\n`,
      );
    yield* proc.err(
      `${slashTime(proc)} [notice] ${proc.pid}#${proc.pid}: exiting\n${slashTime(proc)} [notice] ${proc.pid}#${proc.pid}: exit\n`,
    );
    return 0;
  };
}

/** The nginx master process body, given nginx's own arguments. */
export function* nginxMaster(
  proc: Process,
  options: NginxOptions,
  argv: readonly string[],
): Generator<Block, number, void> {
  const { version } = options;
  const notice = (msg: string) => `${slashTime(proc)} [notice] ${proc.pid}#${proc.pid}: ${msg}\n`;
  const listener = proc.ns.net.network.listen(proc.ns.net, 80, 511);
  if (listener === 'EADDRINUSE') {
    yield* proc.err(
      `${slashTime(proc)} [emerg] ${proc.pid}#${proc.pid}: bind() to 0.0.0.0:80 failed (98: Address already in use)\nnginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\n`,
    );
    return 1;
  }
  setProcessTitle(proc, `nginx: master process ${argv.join(' ')}`);
  for (const sig of ['TERM', 'INT', 'QUIT', 'HUP', 'USR1'] as const)
    proc.setDisposition(sig, 'catch');
  const k = options.kernel(proc);
  yield* proc.err(
    notice('using the "epoll" event method') +
      notice(`nginx/${version}`) +
      notice('built by gcc 12.2.0 (Debian 12.2.0-14) ') +
      notice(`OS: Linux ${k.release}`) +
      notice('getrlimit(RLIMIT_NOFILE): 1048576:1048576') +
      notice('start worker processes'),
  );
  // The entrypoint's helper scripts used the PIDs before the workers'.
  if (proc.ns.isContainer && proc.pid === 1) proc.ns.nextPid = Math.max(proc.ns.nextPid, 29);
  const workers: Process[] = [];
  for (let i = 0; i < (options.workers ?? 2); i++) {
    const w = proc.spawn({ program: worker(version, listener), argv: [...argv] });
    workers.push(w);
    yield* proc.err(notice(`start worker process ${w.pid}`));
  }
  try {
    for (;;) {
      yield { on: workers.map((w) => w.exited), interruptible: true };
      const sig: SignalName | undefined = proc.takeSignal();
      if (!sig) continue;
      if (sig === 'HUP') {
        yield* proc.err(
          notice('signal 1 (SIGHUP) received, reconfiguring') + notice('reconfiguring'),
        );
        continue;
      }
      if (sig === 'USR1') {
        yield* proc.err(
          notice('signal 10 (SIGUSR1) received, reopening logs') + notice('reopening logs'),
        );
        continue;
      }
      const graceful = sig === 'QUIT';
      yield* proc.err(
        notice(
          `signal ${SIGNALS[sig]} (SIG${sig}) received, ${graceful ? 'shutting down' : 'exiting'}`,
        ),
      );
      listener.close();
      for (const w of workers) proc.kernel.signal(w, graceful ? 'QUIT' : 'TERM');
      for (const w of workers) {
        yield* proc.wait(w);
        yield* proc.err(
          notice(`signal 17 (SIGCHLD) received from ${w.pid}`) +
            notice(`worker process ${w.pid} exited with code 0`),
        );
      }
      yield* proc.err(notice('exit'));
      return 0;
    }
  } finally {
    listener.close();
  }
}

/** `nginx` (the binary at /usr/sbin/nginx). */
export function createNginx(options: NginxOptions): Program {
  return function* (proc) {
    const args = proc.argv.slice(1);
    if (args[0] === '-v' || args[0] === '-V') {
      yield* proc.err(`nginx version: nginx/${options.version}\n`);
      return 0;
    }
    if (args[0] === '-t') {
      yield* proc.err(
        'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n',
      );
      return 0;
    }
    return yield* nginxMaster(proc, options, proc.argv);
  };
}

/** `/docker-entrypoint.sh`: prints its configuration steps, then becomes nginx. */
export function createNginxEntrypoint(
  options: NginxOptions,
  run: (proc: Process, argv: string[]) => Generator<Block, number, void>,
): Program {
  return function* (proc) {
    const args = proc.argv.slice(1);
    if (args[0] === 'nginx' || args[0] === 'nginx-debug') {
      if (!proc.env.has('NGINX_ENTRYPOINT_QUIET_LOGS'))
        yield* proc.out(ENTRYPOINT_LINES.join('\n') + '\n');
      return yield* nginxMaster(proc, options, args);
    }
    // Any other command is exec'ed as given.
    return yield* run(proc, args);
  };
}
