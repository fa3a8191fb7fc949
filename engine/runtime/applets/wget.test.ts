import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { wget } from './wget';
import { defaultSystemInfo } from './common';
import { createTestMachine } from './testkit';
import { formatResponse, serveConnections } from './http';
import { hasBusybox } from './host.oracle';
import type { Program } from '../kernel';

const BODIES: Record<string, string> = { '/': '0'.repeat(615), '/big': '1'.repeat(150_000) };

/** A simulated HTTP server answering like the host test server below. */
const simServer: Program = function* (proc) {
  const listener = proc.ns.net.network.listen(proc.ns.net, 18080, 16);
  if (listener === 'EADDRINUSE') return 1;
  proc.setDisposition('TERM', 'catch');
  yield* serveConnections(proc, listener, function* (req) {
    const body = req ? BODIES[req.target] : undefined;
    if (body === undefined) {
      return {
        response: formatResponse('HTTP/1.0 404 File not found', [['Content-Length', '0']], ''),
        status: 404,
        bodyBytes: 0,
      };
    }
    return {
      response: formatResponse('HTTP/1.0 200 OK', [['Content-Length', String(body.length)]], body),
      status: 200,
      bodyBytes: body.length,
    };
  });
  return 0;
};

function runOurs(args: string[]) {
  const m = createTestMachine({ ip: '127.0.0.1' });
  m.start(simServer, ['server']);
  m.sim.advance(1);
  m.fs.mkdir('/work', { parents: true });
  return m.run(wget('busybox', defaultSystemInfo()), ['wget', ...args], { cwd: '/work' });
}

const CASES: Array<{ args: string[]; stdout: string; stderr: string; status: number }> = [
  {
    args: ['-O', '-', 'http://127.0.0.1:18080/'],
    stdout: BODIES['/'],
    stderr:
      'Connecting to 127.0.0.1:18080 (127.0.0.1:18080)\nwriting to stdout\n-                    100% |********************************|   615  0:00:00 ETA\nwritten to stdout\n',
    status: 0,
  },
  {
    args: ['-O', '-', 'http://127.0.0.1:18080/big'],
    stdout: BODIES['/big'],
    stderr:
      'Connecting to 127.0.0.1:18080 (127.0.0.1:18080)\nwriting to stdout\n-                    100% |********************************|  146k  0:00:00 ETA\nwritten to stdout\n',
    status: 0,
  },
  {
    args: ['-O', 'x', 'http://127.0.0.1:18080/'],
    stdout: '',
    stderr:
      "Connecting to 127.0.0.1:18080 (127.0.0.1:18080)\nsaving to 'x'\nx                    100% |********************************|   615  0:00:00 ETA\n'x' saved\n",
    status: 0,
  },
  {
    args: ['-q', '-O', '-', 'http://127.0.0.1:18080/'],
    stdout: BODIES['/'],
    stderr: '',
    status: 0,
  },
  {
    args: ['http://127.0.0.1:18080/nope'],
    stdout: '',
    stderr:
      'Connecting to 127.0.0.1:18080 (127.0.0.1:18080)\nwget: server returned error: HTTP/1.0 404 File not found\n',
    status: 1,
  },
  {
    args: ['http://127.0.0.1:18089/'],
    stdout: '',
    stderr:
      "Connecting to 127.0.0.1:18089 (127.0.0.1:18089)\nwget: can't connect to remote host (127.0.0.1): Connection refused\n",
    status: 1,
  },
];

describe('busybox wget', () => {
  it.each(CASES)('$args', (c) => {
    const r = runOurs(c.args);
    expect(r.stderr).toBe(c.stderr);
    expect(r.stdout).toBe(c.stdout);
    expect(r.status).toBe(c.status);
  });

  describe.skipIf(!hasBusybox)('against the host busybox wget and a real HTTP server', () => {
    let server: Server;
    beforeAll(async () => {
      server = createServer((req, res) => {
        const body = BODIES[req.url ?? ''];
        if (body === undefined) {
          res.writeHead(404, 'File not found', { 'Content-Length': '0' });
          res.end();
          return;
        }
        res.writeHead(200, { 'Content-Length': String(body.length) });
        res.end(body);
      });
      await new Promise<void>((resolve) => server.listen(18080, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it.each(CASES.filter((c) => !c.args.includes('x')))('host: $args', async (c) => {
      const { spawn } = await import('node:child_process');
      const r = await new Promise<{ stdout: string; stderr: string; status: number | null }>(
        (resolve) => {
          const child = spawn('busybox', ['wget', ...c.args]);
          let stdout = '';
          let stderr = '';
          child.stdout.setEncoding('latin1').on('data', (d: string) => (stdout += d));
          child.stderr.setEncoding('latin1').on('data', (d: string) => (stderr += d));
          child.on('close', (status) => resolve({ stdout, stderr, status }));
        },
      );
      // Node answers HTTP/1.1; the recorded case used an HTTP/1.0 server.
      expect(r.stderr.replace('HTTP/1.1 404', 'HTTP/1.0 404')).toBe(c.stderr);
      expect(r.stdout).toBe(c.stdout);
      expect(r.status).toBe(c.status);
    });
  });
});
