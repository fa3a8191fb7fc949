import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { Kernel } from './kernel';
import { FileTree, Vfs } from './fs';
import { Network } from './network';
import { MapRegistry, createNetNamespace, createProcessNamespace } from './namespace';
import { Tty } from './tty';

function setup() {
  const sim = createSimulation({ seed: 1, start: 0 });
  const kernel = new Kernel(sim);
  const ns = createProcessNamespace({
    id: 't',
    hostname: 't',
    fs: new Vfs(new FileTree('root'), () => sim.now),
    net: createNetNamespace(new Network(sim.rng.fork('net')), 't', ['10.0.0.2']),
    isContainer: false,
    programs: new MapRegistry(),
  });
  let screen = '';
  const tty = new Tty(kernel, ns, (d) => (screen += d));
  const fds = new Map([
    [0, tty.description],
    [1, tty.description],
    [2, tty.description],
  ]);
  return { sim, kernel, ns, tty, fds, screen: () => screen };
}

describe('Tty line discipline', () => {
  it('delivers Ctrl-D on an empty line as one end of file and keeps the terminal usable', () => {
    const { sim, kernel, ns, tty, fds } = setup();
    const reads: Array<string | null | undefined> = [];
    const proc = kernel.spawn({
      program: function* (p) {
        for (let i = 0; i < 3; i++) reads.push(yield* p.readLine(0));
        return 0;
      },
      argv: ['reader'],
      env: new Map(),
      cwd: '/',
      ns,
      fds,
    });
    sim.settle();
    tty.type('a\r');
    sim.settle();
    tty.type('\x04');
    sim.settle();
    tty.type('b\r');
    sim.settle();
    expect(reads).toEqual(['a', null, 'b']);
    expect(proc.done).toBe(true);
  });

  it('passes Ctrl-C through as a byte when ISIG is off, and signals when on', () => {
    const { sim, kernel, ns, tty, fds } = setup();
    const got: string[] = [];
    const proc = kernel.spawn({
      program: function* (p) {
        got.push((yield* p.read(0)) ?? 'EOF');
        yield* p.sleep(1000);
        return 0;
      },
      argv: ['raw'],
      env: new Map(),
      cwd: '/',
      ns,
      fds,
    });
    tty.foregroundPgid = proc.pgid;
    tty.canonical = false;
    tty.isig = false;
    sim.settle();
    tty.type('\x03');
    sim.settle();
    expect(got).toEqual(['\x03']);
    tty.isig = true;
    tty.type('\x03');
    sim.settle();
    expect(proc.killedBy).toBe('INT');
  });
});
