import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { Kernel, FileDescription, writerDescription, type Program } from './kernel';
import { FileTree, Vfs } from './fs';
import { Network } from './network';
import { Pipe, emptyReader } from './streams';
import { MapRegistry, createNetNamespace, createProcessNamespace } from './namespace';

function setup(isContainer = true) {
  const sim = createSimulation({ seed: 1, start: 0 });
  const kernel = new Kernel(sim);
  const fs = new Vfs(new FileTree('root'), () => sim.now);
  const network = new Network(sim.rng.fork('net'));
  const net = createNetNamespace(network, 'c1', ['10.0.0.2']);
  const ns = createProcessNamespace({
    id: 'c1',
    hostname: 'c1',
    fs,
    net,
    isContainer,
    programs: new MapRegistry(),
  });
  let out = '';
  const stdout = writerDescription((d) => (out += d));
  const stdin = new FileDescription(emptyReader());
  const fds = new Map([
    [0, stdin],
    [1, stdout],
    [2, stdout],
  ]);
  const spawn = (program: Program, extra: [number, FileDescription][] = []) =>
    kernel.spawn({
      program,
      argv: ['p'],
      env: new Map(),
      cwd: '/',
      ns,
      fds: new Map([...fds, ...extra]),
    });
  return { sim, kernel, ns, spawn, output: () => out };
}

describe('Kernel', () => {
  it('runs a program that sleeps in virtual time and records its exit status', () => {
    const { sim, spawn, output } = setup();
    const proc = spawn(function* (p) {
      yield* p.out('a\n');
      yield* p.sleep(1500);
      yield* p.out(`b ${p.now()}\n`);
      return 3;
    });
    sim.advance(1000);
    expect(output()).toBe('a\n');
    expect(proc.done).toBe(false);
    sim.advance(1000);
    expect(output()).toBe('a\nb 1500\n');
    expect(proc.exitCode).toBe(3);
  });

  it('connects producer and consumer through a bounded pipe', () => {
    const { sim, spawn, output } = setup();
    const pipe = new Pipe(8);
    const w = new FileDescription(undefined, pipe.openWriter());
    const r = new FileDescription(pipe.openReader());
    const producer = spawn(
      function* (p) {
        for (let i = 0; i < 5; i++) yield* p.write(3, `line${i}\n`);
        return 0;
      },
      [[3, w]],
    );
    const consumer = spawn(
      function* (p) {
        p.setFd(0, r);
        p.closeFd(4);
        let n = 0;
        for (let line = yield* p.readLine(0); line !== null; line = yield* p.readLine(0)) n++;
        yield* p.out(`${n} lines\n`);
        return 0;
      },
      [[4, r]],
    );
    sim.advance(0);
    expect(producer.exitCode).toBe(0);
    expect(consumer.exitCode).toBe(0);
    expect(output()).toBe('5 lines\n');
  });

  it('protects a container init from TERM it does not handle, but not from KILL', () => {
    const { sim, kernel, spawn } = setup(true);
    const init = spawn(function* (p) {
      yield* p.sleep(3_600_000);
      return 0;
    });
    sim.advance(0);
    kernel.signal(init, 'TERM');
    sim.advance(1000);
    expect(init.done).toBe(false);
    kernel.signal(init, 'KILL');
    expect(init.exitCode).toBe(137);
  });

  it('delivers caught signals to interruptible waits', () => {
    const { sim, kernel, spawn, output } = setup(true);
    const init = spawn(function* (p) {
      p.setDisposition('TERM', 'catch');
      const slept = yield* p.sleep(60_000, true);
      yield* p.out(`slept=${slept} sig=${p.takeSignal()}\n`);
      return 0;
    });
    sim.advance(5000);
    kernel.signal(init, 'TERM');
    sim.advance(0);
    expect(output()).toBe('slept=false sig=TERM\n');
    expect(init.exitCode).toBe(0);
  });

  it('preempts a busy loop so time and other processes move on', () => {
    const { sim, spawn } = setup();
    let spins = 0;
    spawn(function* (p) {
      for (;;) {
        spins++;
        if (p.tick()) yield p.preempt();
      }
    });
    let ticks = 0;
    spawn(function* (p) {
      for (let i = 0; i < 10; i++) {
        yield* p.sleep(1000);
        ticks++;
      }
      return 0;
    });
    const { events } = sim.advance(24 * 3600 * 1000);
    expect(ticks).toBe(10);
    expect(spins).toBeGreaterThan(1000);
    // A day of spinning costs a bounded number of slices, not one per 10 ms.
    expect(events).toBeLessThan(20_000);
  });

  it('turns a throwing program into an exit with a message instead of escaping the engine', () => {
    const { sim, spawn, output } = setup();
    const proc = spawn(function* () {
      throw new Error('boom');
    });
    sim.advance(0);
    expect(proc.exitCode).toBe(70);
    expect(output()).toContain('internal error: boom');
  });
});
