import { describe, expect, it } from 'vitest';
import { createUserland } from './userland';
import { createTestMachine, type TestMachine } from './applets/testkit';
import { FileTree, Vfs } from './fs';
import { findExecutable } from './exec';
import { FileDescription, type Process, type Program } from './kernel';
import { Pipe, stringReader } from './streams';
import { bpi } from './perl/bigpi';
import { NGINX_WELCOME_PAGE } from './images/nginx';

const START = Date.UTC(2024, 0, 22, 10, 0, 0);

describe('image catalog', () => {
  const { images } = createUserland();

  it('resolves the images the lessons use, with Docker normalisation', () => {
    const cases: Array<[string, string]> = [
      ['alpine', 'docker.io/library/alpine:latest'],
      ['alpine:3.19', 'docker.io/library/alpine:3.19'],
      ['docker.io/library/alpine:3.20.3', 'docker.io/library/alpine:3.20.3'],
      ['busybox', 'docker.io/library/busybox:latest'],
      ['busybox:1.36', 'docker.io/library/busybox:1.36'],
      ['perl', 'docker.io/library/perl:latest'],
      ['perl:5.34.0', 'docker.io/library/perl:5.34.0'],
      ['nginx', 'docker.io/library/nginx:latest'],
      ['nginx:1.27', 'docker.io/library/nginx:1.27'],
      ['ghcr.io/c1t1d0s7/go-myweb', 'ghcr.io/c1t1d0s7/go-myweb:latest'],
      ['fluent/fluentd:v1.16-1', 'docker.io/fluent/fluentd:v1.16-1'],
      ['fluent/fluentd:v1.4', 'docker.io/fluent/fluentd:v1.4'],
      [
        'quay.io/fluentd_elasticsearch/fluentd:v2.5.2',
        'quay.io/fluentd_elasticsearch/fluentd:v2.5.2',
      ],
    ];
    for (const [image, ref] of cases) expect(images.lookup(image)?.ref, image).toBe(ref);
  });

  it('does not know unknown repositories or tags (so the kubelet reports ErrImagePull)', () => {
    for (const image of [
      'fluentd/fluentd:v1.4-1',
      'alpine:9.9',
      'nginx:0.1',
      'example.com/foo/bar',
      'Alpine',
      'perl:4.0',
    ])
      expect(images.lookup(image), image).toBeUndefined();
  });

  it('gives each image its command, a fixed digest and a size', () => {
    const alpine = images.lookup('alpine')!;
    expect(alpine.cmd).toEqual(['/bin/sh']);
    expect(alpine.entrypoint).toEqual([]);
    expect(alpine.imageId).toMatch(/^docker\.io\/library\/alpine@sha256:[0-9a-f]{64}$/);
    expect(images.lookup('alpine')!.imageId).toBe(alpine.imageId);
    expect(images.lookup(`alpine@${alpine.imageId.split('@')[1]}`)?.ref).toBe(
      'docker.io/library/alpine:latest',
    );
    expect(images.lookup('alpine@sha256:' + '0'.repeat(64))).toBeUndefined();
    expect(images.lookup('busybox')!.cmd).toEqual(['sh']);
    expect(images.lookup('perl:5.34.0')!.cmd).toEqual(['perl5.34.0', '-de0']);
    expect(images.lookup('nginx')!.entrypoint).toEqual(['/docker-entrypoint.sh']);
    expect(images.lookup('nginx')!.cmd).toEqual(['nginx', '-g', 'daemon off;']);
    expect(images.lookup('ghcr.io/c1t1d0s7/go-myweb')!.entrypoint).toEqual(['/myweb']);
    expect(alpine.sizeBytes).toBeGreaterThan(1_000_000);
  });

  it('lays out alpine so that commands resolve to busybox applets and the shell', () => {
    const sh: Program = function* () {
      return 0;
    };
    const { programs } = createUserland({ shells: { sh } });
    const fs = new Vfs(new FileTree('alpine'), () => START);
    images.lookup('alpine')!.populate(fs);
    const ns = { fs, programs } as unknown as Parameters<typeof findExecutable>[0];
    for (const cmd of [
      'cat',
      'ls',
      'nc',
      'seq',
      'sleep',
      'date',
      'tar',
      'find',
      'wc',
      'sh',
      'wget',
      'hostname',
    ]) {
      const exe = findExecutable(
        ns,
        '/',
        '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        [cmd],
      );
      expect(typeof exe, cmd).toBe('object');
    }
    expect(fs.readFile('/etc/os-release').ok).toBe(true);
    const exe = findExecutable(ns, '/', undefined, ['nc']);
    expect(typeof exe === 'object' && exe.path).toBe('/usr/bin/nc');
  });

  it('makes perl:latest fail like perl 5.36 when asked to (the unpinned image trap)', () => {
    const strict = createUserland({ catalog: { unpinnedPerlFails: true } });
    const fs = new Vfs(new FileTree('perl'), () => START);
    strict.images.lookup('perl')!.populate(fs);
    const node = fs.lookup('/usr/local/bin/perl');
    expect(node.ok && node.value.type === 'file' && node.value.program).toBe('perl5.36');
  });
});

/** A pod: a namespace with an image's root file system and the userland's programs. */
function pod(m: TestMachine, image: string, id: string, ip: string): TestMachine {
  const p = m.peer(id, ip, id);
  createUserland().images.lookup(image)!.populate(p.fs);
  return p;
}

function program(m: TestMachine, name: string): Program {
  const p = m.registry.get(name);
  if (!p) throw new Error(`no program ${name}`);
  return p;
}

/**
 * A test-only stand-in for `sh -c 'i=1; while true; do echo -n $i | nc -l -p 1080; i=$((i+1)); done'`.
 */
function queueServer(m: TestMachine): Program {
  return function* (proc) {
    for (let i = 1; ; i++) {
      const input = new FileDescription(stringReader(String(i)));
      const nc = proc.spawn({
        program: program(m, 'busybox:nc'),
        argv: ['nc', '-l', '-p', '1080'],
        fds: new Map([...proc.fds, [0, input]]),
      });
      yield* proc.wait(nc);
    }
  };
}

/**
 * A stand-in for multiplier.yaml's loop: item=$(nc -w 1 queue 1080); exit 0 if item ≥ 101;
 * echo $((item*2)); sleep 1. An empty item is busybox ash's arithmetic syntax error (exit 2).
 */
function multiplier(m: TestMachine): Program {
  return function* (proc) {
    for (;;) {
      const pipe = new Pipe();
      const w = new FileDescription(undefined, pipe.openWriter());
      const r = new FileDescription(pipe.openReader());
      r.retain();
      const nc = proc.spawn({
        program: program(m, 'busybox:nc'),
        argv: ['nc', '-w', '1', 'queue', '1080'],
        fds: new Map([...proc.fds, [1, w]]),
      });
      const item = yield* readAllFrom(proc, r);
      r.release();
      yield* proc.wait(nc);
      if (!/^\d+$/.test(item)) {
        yield* proc.err('sh: arithmetic syntax error\n');
        return 2;
      }
      if (Number(item) >= 101) return 0;
      yield* proc.out(`${Number(item) * 2}\n`);
      yield* proc.sleep(1000);
    }
  };
}

function* readAllFrom(proc: Process, desc: FileDescription) {
  let out = '';
  for (;;) {
    const data = desc.readEnd!.read();
    if (data === null) return out;
    if (data !== undefined) out += data;
    else yield { on: [desc.readEnd!.readable] };
  }
}

describe('the queue and multiplier pattern on the kernel', () => {
  function cluster() {
    const { programs } = createUserland();
    const m = createTestMachine({
      start: START,
      registry: programs,
      resolve: (n) => (n === 'queue' ? '10.96.12.3' : undefined),
    });
    // The Service: ClusterIP 10.96.12.3:1080 → the queue pod.
    m.network.translate = (ip, port) =>
      ip === '10.96.12.3' && port === 1080 ? { ip: '10.244.1.10', port: 1080 } : undefined;
    const queue = pod(m, 'alpine', 'queue', '10.244.1.10');
    return { m, queue };
  }

  it('delivers every item exactly once to three workers started a moment apart', () => {
    const { m, queue } = cluster();
    queue.start(queueServer(queue), ['sh', '-c', 'queue loop']);
    m.sim.advance(2000);
    const workers = [0, 1, 2].map((k) => {
      const w = pod(m, 'alpine', `multiplier-${k}`, `10.244.2.${10 + k}`);
      m.sim.advance(137 * (k + 1));
      return w.start(multiplier(w), ['sh', '-c', 'multiplier loop']);
    });
    m.sim.advance(60_000);
    for (const w of workers) {
      expect(w.proc.exitCode).toBe(0);
      expect(w.stderr()).toBe('');
    }
    const all = workers.flatMap((w) => w.stdout().trim().split('\n')).map(Number);
    expect(all.length).toBe(100);
    expect([...all].sort((x, y) => x - y)).toEqual(
      Array.from({ length: 100 }, (_, i) => (i + 1) * 2),
    );
    // About one item per second per worker: the run takes ~35 s.
    expect(m.sim.now - START).toBeGreaterThan(30_000);
  });

  it('serves clients that arrive in the same instant one after the other (D2: no collision)', () => {
    const { m, queue } = cluster();
    queue.start(queueServer(queue), ['sh']);
    m.sim.advance(1000);
    const clients = [1, 2, 3].map((k) => {
      const c = pod(m, 'alpine', `c${k}`, `10.244.2.${k}`);
      return c.start(program(m, 'busybox:nc'), ['nc', '-w', '1', 'queue', '1080']);
    });
    m.sim.advance(5000);
    expect(clients.map((c) => c.stdout())).toEqual(['1', '2', '3']);
    expect(clients.map((c) => c.proc.exitCode)).toEqual([0, 0, 0]);
  });

  it('three workers started together still share the items exactly once', () => {
    const { m, queue } = cluster();
    queue.start(queueServer(queue), ['sh', '-c', 'queue loop']);
    m.sim.advance(2000);
    const pods = [0, 1, 2].map((k) => pod(m, 'alpine', `w-${k}`, `10.244.2.${10 + k}`));
    const workers = pods.map((w) => w.start(multiplier(w), ['sh', '-c', 'multiplier loop']));
    m.sim.advance(60_000);
    for (const w of workers) expect([w.proc.exitCode, w.stderr()]).toEqual([0, '']);
    const all = workers.flatMap((w) => w.stdout().trim().split('\n')).map(Number);
    expect([...all].sort((x, y) => x - y)).toEqual(
      Array.from({ length: 100 }, (_, i) => (i + 1) * 2),
    );
  });

  it('refuses at once when nothing ever listened, and after a few ms when the server is gone', () => {
    const { m, queue } = cluster();
    const client = pod(m, 'alpine', 'client', '10.244.2.9');
    const early = client.start(program(m, 'busybox:nc'), ['nc', 'queue', '1080']);
    m.sim.settle();
    expect([early.proc.exitCode, early.stdout()]).toEqual([1, '']);
    // A one-shot server that never listens again: the retries end in a refusal.
    const once = queue.start(program(m, 'busybox:nc'), ['nc', '-l', '-p', '1080']);
    once.proc.setFd(0, new FileDescription(stringReader('7')));
    m.sim.advance(10);
    const first = client.start(program(m, 'busybox:nc'), ['nc', 'queue', '1080']);
    const second = client.start(program(m, 'busybox:nc'), ['nc', 'queue', '1080']);
    m.sim.settle();
    expect(second.proc.done).toBe(false);
    m.sim.advance(1000);
    expect([first.stdout(), first.proc.exitCode]).toEqual(['7', 0]);
    expect([second.stdout(), second.proc.exitCode]).toEqual(['', 1]);
  });

  it('nc -w 1 from a terminal keeps waiting for stdin after the item, and punt!s on Ctrl-C', () => {
    const { m, queue } = cluster();
    queue.start(queueServer(queue), ['sh']);
    m.sim.advance(1000);
    const test = pod(m, 'alpine', 'test', '10.244.3.3');
    const pipe = new Pipe();
    const keyboard = new FileDescription(pipe.openReader());
    const typing = new FileDescription(undefined, pipe.openWriter()).retain();
    const client = test.start(program(m, 'busybox:nc'), ['nc', '-w', '1', 'queue', '1080']);
    client.proc.setFd(0, keyboard);
    m.sim.advance(10_000);
    expect(client.stdout()).toBe('1');
    expect(client.proc.done).toBe(false);
    m.kernel.signal(client.proc, 'INT');
    m.sim.advance(0);
    expect(client.stderr()).toBe('punt!\n');
    expect(client.proc.exitCode).toBe(130);
    typing.release();
  });
});

describe('servers', () => {
  it('nginx serves its welcome page to wget and logs the request', () => {
    const { programs } = createUserland();
    const m = createTestMachine({
      start: START,
      registry: programs,
      resolve: (n) => (n === 'web' ? '10.244.5.5' : undefined),
    });
    const web = pod(m, 'nginx', 'web', '10.244.5.5');
    const server = web.start(program(m, 'nginx-entrypoint@1.27.3'), [
      '/docker-entrypoint.sh',
      'nginx',
      '-g',
      'daemon off;',
    ]);
    m.sim.advance(1000);
    expect(server.stdout()).toContain(
      '/docker-entrypoint.sh: Configuration complete; ready for start up\n',
    );
    expect(server.stderr()).toContain('2024/01/22 10:00:00 [notice] 1#1: nginx/1.27.3\n');
    expect(server.stderr()).toContain('[notice] 1#1: start worker process 29\n');
    const client = pod(m, 'alpine', 'client', '10.244.6.6');
    const r = client.run(program(m, 'busybox:wget'), ['wget', '-O', '-', 'http://web/']);
    expect(r.stdout).toBe(NGINX_WELCOME_PAGE);
    expect(r.stderr).toBe(
      `Connecting to web (10.244.5.5:80)\nwriting to stdout\n-                    100% |********************************|   ${String(NGINX_WELCOME_PAGE.length).padStart(3)}  0:00:00 ETA\nwritten to stdout\n`,
    );
    expect(server.stdout()).toContain(
      `10.244.6.6 - - [22/Jan/2024:10:00:01 +0000] "GET / HTTP/1.1" 200 ${NGINX_WELCOME_PAGE.length} "-" "Wget" "-"\n`,
    );
    const missing = client.run(program(m, 'busybox:wget'), [
      'wget',
      '-q',
      '-O',
      '-',
      'http://web/nope',
    ]);
    expect(missing.stderr).toBe('wget: server returned error: HTTP/1.1 404 Not Found\n');
    expect(missing.status).toBe(1);
    m.kernel.signal(server.proc, 'TERM');
    m.sim.advance(0);
    expect(server.proc.exitCode).toBe(0);
    expect(server.stderr()).toContain('signal 15 (SIGTERM) received, exiting\n');
  });

  it('wget reports refused and unresolvable hosts as busybox does', () => {
    const { programs } = createUserland();
    const m = createTestMachine({
      start: START,
      registry: programs,
      resolve: (n) => (n === 'queue' ? '10.96.0.10' : undefined),
    });
    m.network.translate = (ip) =>
      ip === '10.96.0.10' ? { ip: '10.244.9.9', port: 80 } : undefined;
    const refused = m.run(program(m, 'busybox:wget'), [
      'wget',
      '-q',
      '-O',
      '-',
      'http://queue:8080/',
    ]);
    expect(refused.stderr).toBe(
      "wget: can't connect to remote host (10.96.0.10): Connection refused\n",
    );
    const noname = m.run(program(m, 'busybox:wget'), ['wget', 'http://nope/']);
    expect(noname.stderr).toBe("wget: bad address 'nope'\n");
    const timeout = m.run(program(m, 'busybox:wget'), ['wget', '-T', '1', 'http://10.1.2.3/']);
    expect(timeout.stderr).toBe('Connecting to 10.1.2.3 (10.1.2.3:80)\nwget: download timed out\n');
  });

  it('go-myweb answers with the host name and exits 2 on TERM as PID 1', () => {
    const { programs } = createUserland();
    const m = createTestMachine({
      start: START,
      registry: programs,
      resolve: (n) => (n === 'myweb' ? '10.244.7.7' : undefined),
    });
    const app = pod(m, 'ghcr.io/c1t1d0s7/go-myweb', 'testapp-ds-abcde', '10.244.7.7');
    const server = app.start(program(m, 'go-myweb'), ['/myweb']);
    m.sim.advance(10);
    expect(server.stderr()).toBe(
      '2024/01/22 10:00:00 Start MyWeb Application\n2024/01/22 10:00:00 Listen:  0.0.0.0:8080\n',
    );
    const r = m.run(program(m, 'busybox:wget'), ['wget', '-q', '-O', '-', 'http://myweb:8080/']);
    expect(r.stdout).toContain('\tHostname: testapp-ds-abcde\n');
    expect(r.stdout).toContain('[Request Headers]\n\tGET / HTTP/1.1\n');
    expect(r.stdout).toContain('\tIP: 10.244.7.7\n');
    m.kernel.signal(server.proc, 'TERM');
    m.sim.advance(0);
    expect(server.proc.exitCode).toBe(2);
  });

  it('fluentd starts, follows /var/log files and stops gracefully on TERM', () => {
    const { programs } = createUserland();
    const m = createTestMachine({ start: START, registry: programs });
    const agent = pod(
      m,
      'quay.io/fluentd_elasticsearch/fluentd:v2.5.2',
      'fluentd-elasticsearch-x',
      '10.244.8.8',
    );
    agent.write({ '/var/log/kube-proxy.log': 'x\n' });
    const f = agent.start(program(m, 'fluentd-elasticsearch@1.4.2'), ['/entrypoint.sh']);
    m.sim.advance(1000);
    expect(f.stdout()).toContain("[info]: gem 'fluentd' version '1.4.2'\n");
    expect(f.stdout()).toContain('[info]: #0 following tail of /var/log/kube-proxy.log\n');
    agent.write({ '/var/log/containers/client-1.log': 'y\n' });
    m.sim.advance(60_000);
    expect(f.stdout()).toContain('[info]: #0 following tail of /var/log/containers/client-1.log\n');
    m.kernel.signal(f.proc, 'TERM');
    m.sim.advance(0);
    expect(f.proc.exitCode).toBe(0);
    expect(f.stdout()).toContain('[info]: Worker 0 finished with status 0\n');
  });

  it('nc -lk -p 6666 -e serves every connection (the logd DaemonSet)', () => {
    const { programs } = createUserland();
    // A test-only stand-in for `sh -c 'cat >> /var/node_log'`.
    const append: Program = function* (proc) {
      for (let d = yield* proc.read(0); d; d = yield* proc.read(0))
        proc.ns.fs.writeFile('/var/node_log', d, { append: true });
      return 0;
    };
    programs.add('test:append', append);
    const m = createTestMachine({ start: START, registry: programs });
    const logd = pod(m, 'alpine', 'logd-x', '10.154.0.2');
    logd.fs.installProgram('/usr/bin/append', 'test:append');
    const daemon = logd.start(program(m, 'busybox:nc'), [
      'nc',
      '-lk',
      '-p',
      '6666',
      '-e',
      'append',
    ]);
    m.sim.advance(10);
    const client = pod(m, 'alpine', 'client-1', '10.244.4.4');
    for (const line of ['Mon Jan 22 10:00:00 UTC 2024 - Greetings from client-1\n', 'second\n']) {
      const r = client.run(program(m, 'busybox:nc'), ['nc', '10.154.0.2', '6666'], { stdin: line });
      expect(r.status).toBe(0);
    }
    m.sim.advance(10);
    expect(logd.fs.readFile('/var/node_log')).toEqual({
      ok: true,
      value: 'Mon Jan 22 10:00:00 UTC 2024 - Greetings from client-1\nsecond\n',
    });
    m.kernel.signal(daemon.proc, 'TERM');
    m.sim.advance(0);
    expect(daemon.stderr()).toBe('punt!\n');
    expect(daemon.proc.exitCode).toBe(143);
  });

  it('runs the perl image command of the pi Job', () => {
    const { programs } = createUserland();
    const m = createTestMachine({ start: START, registry: programs });
    const job = pod(m, 'perl:5.34.0', 'pi-abcde', '10.244.9.1');
    const r = job.run(program(m, 'perl'), ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)']);
    expect(r.stdout).toBe(`${bpi(2000)}\n`);
  });
});

describe('find -exec with the userland', () => {
  it('runs a command for each match and passes its status on', () => {
    const { programs } = createUserland();
    const m = createTestMachine({ start: START, registry: programs });
    const node = pod(m, 'alpine', 'logcd-x', '10.154.0.3');
    node.write({ '/var/log/a.log': 'A\n', '/var/log/b.txt': 'B\n', '/var/log/sub/c.log': 'C\n' });
    const r = node.run(program(m, 'busybox:find'), [
      'find',
      '/var/log',
      '-name',
      '*.log',
      '-exec',
      'cat',
      '{}',
      ';',
    ]);
    expect(r.stdout).toBe('A\nC\n');
    expect(r.status).toBe(0);
    const missing = node.run(program(m, 'busybox:find'), [
      'find',
      '/var/log',
      '-name',
      '*.txt',
      '-exec',
      'nosuch',
      '{}',
      ';',
    ]);
    expect(missing.stderr).toBe("find: can't execute 'nosuch': No such file or directory\n");
  });
});
