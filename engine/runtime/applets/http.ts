/**
 * Minimal HTTP/1.x for the simulated servers and wget: parsing a request or response head,
 * formatting responses, HTTP dates, and a connection-at-a-time server loop on a listener.
 */
import type { Block, FileDescription, Process } from '../kernel';
import type { Connection, Listener } from '../network';
import { WEEKDAYS, MONTHS } from './strftime';
import { select, tryRead, writeAll } from './socket';

/** A parsed request head. */
export interface HttpRequest {
  method: string;
  target: string;
  version: string;
  /** Header lines in order, names as sent. */
  headers: Array<[string, string]>;
  /** The request line as sent (for access logs). */
  line: string;
}

/** Looks a header up case-insensitively. */
export function header(headers: ReadonlyArray<[string, string]>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([k]) => k.toLowerCase() === lower)?.[1];
}

/** Splits a head (up to the blank line) from the body; undefined while the head is incomplete. */
export function splitHead(data: string): { head: string[]; rest: string } | undefined {
  const crlf = data.indexOf('\r\n\r\n');
  const lf = data.indexOf('\n\n');
  let end: number;
  let sep: number;
  if (crlf >= 0 && (lf < 0 || crlf < lf)) {
    end = crlf;
    sep = 4;
  } else if (lf >= 0) {
    end = lf;
    sep = 2;
  } else return undefined;
  return { head: data.slice(0, end).split(/\r?\n/), rest: data.slice(end + sep) };
}

function parseHeaders(lines: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const l of lines) {
    const colon = l.indexOf(':');
    if (colon > 0) out.push([l.slice(0, colon).trim(), l.slice(colon + 1).trim()]);
  }
  return out;
}

/** Parses a request head; undefined for a malformed request line. */
export function parseRequest(head: string[]): HttpRequest | undefined {
  const m = /^([A-Z]+) (\S+)(?: (HTTP\/\d\.\d))?$/.exec(head[0] ?? '');
  if (!m) return undefined;
  return {
    method: m[1],
    target: m[2],
    version: m[3] ?? 'HTTP/0.9',
    headers: parseHeaders(head.slice(1)),
    line: head[0],
  };
}

/** A parsed response head. */
export interface HttpResponseHead {
  statusLine: string;
  status: number;
  headers: Array<[string, string]>;
}

/** Parses a response head; undefined when the status line is not HTTP. */
export function parseResponseHead(head: string[]): HttpResponseHead | undefined {
  const m = /^HTTP\/\d\.\d (\d{3})/.exec(head[0] ?? '');
  if (!m) return undefined;
  return { statusLine: head[0], status: Number(m[1]), headers: parseHeaders(head.slice(1)) };
}

/** Decodes a chunked body; undefined when incomplete. */
export function decodeChunked(body: string): string | undefined {
  let out = '';
  let at = 0;
  for (;;) {
    const nl = body.indexOf('\r\n', at);
    if (nl < 0) return undefined;
    const size = parseInt(body.slice(at, nl), 16);
    if (Number.isNaN(size)) return undefined;
    if (size === 0) return out;
    out += body.slice(nl + 2, nl + 2 + size);
    at = nl + 2 + size + 2;
  }
}

/** An RFC 7231 date: `Wed, 15 Jan 2025 10:00:05 GMT`. */
export function httpDate(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${WEEKDAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} GMT`;
}

/** Formats a response. */
export function formatResponse(
  statusLine: string,
  headers: Array<[string, string]>,
  body: string,
): string {
  return `${statusLine}\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`;
}

/** What a handler answers. */
export interface Reply {
  response: string;
  /** The status code and body size, for access logs. */
  status: number;
  bodyBytes: number;
}

/**
 * Serves connections from `listener` one at a time until a caught signal arrives: reads a
 * request head (waiting up to `readTimeoutMs`), calls `handle`, writes the reply, closes.
 * Returns the signal that ended the loop, or undefined if the listener was closed.
 */
export function* serveConnections(
  proc: Process,
  listener: Listener,
  handle: (
    req: HttpRequest | undefined,
    conn: Connection,
    raw: string,
  ) => Generator<Block, Reply | undefined, void>,
  readTimeoutMs = 60_000,
): Generator<Block, 'signal' | 'closed', void> {
  for (;;) {
    let conn: Connection | undefined;
    while (!(conn = listener.accept())) {
      if (listener.closed) return 'closed';
      const r = yield* select(proc, [listener.acceptable]);
      if (r === 'signal') return 'signal';
    }
    const signalled = yield* serveOne(proc, conn, handle, readTimeoutMs);
    if (signalled) return 'signal';
  }
}

function* serveOne(
  proc: Process,
  conn: Connection,
  handle: (
    req: HttpRequest | undefined,
    conn: Connection,
    raw: string,
  ) => Generator<Block, Reply | undefined, void>,
  readTimeoutMs: number,
): Generator<Block, boolean, void> {
  const sock: FileDescription = conn.desc;
  let data = '';
  const deadline = proc.now() + readTimeoutMs;
  try {
    for (;;) {
      const split = splitHead(data);
      if (split) {
        const req = parseRequest(split.head);
        const reply = yield* handle(req, conn, data);
        if (reply) yield* writeAll(sock, reply.response);
        return false;
      }
      const chunk = tryRead(sock);
      if (chunk === null) {
        // The client went away before sending a whole head.
        if (data.length > 0) yield* handle(undefined, conn, data);
        return false;
      }
      if (chunk !== undefined) {
        data += chunk;
        continue;
      }
      const r = yield* select(proc, sock.readEnd ? [sock.readEnd.readable] : [], deadline);
      if (r === 'signal') return true;
      if (r === 'timeout') return false;
    }
  } finally {
    sock.retain().release();
  }
}
