import { describe, expect, it } from 'vitest';
import { FileDescription, type Program } from '../kernel';
import { Pipe } from '../streams';
import { defaultSystemInfo } from './common';
import { createTestMachine } from './testkit';
import { seq } from './seq';
import { wc } from './wc';
import { sort } from './sort';
import { grep } from './grep';

const sys = defaultSystemInfo();

/** Runs `a | b` on one machine and returns b's output and the virtual time it took. */
function pipeline(a: [Program, string[]], b: [Program, string[]]) {
  const m = createTestMachine({ isContainer: false });
  const pipe = new Pipe();
  const w = new FileDescription(undefined, pipe.openWriter()).retain();
  const r = new FileDescription(pipe.openReader()).retain();
  const first = m.start(a[0], a[1]);
  first.proc.setFd(1, w);
  const second = m.start(b[0], b[1]);
  second.proc.setFd(0, r);
  w.release();
  r.release();
  const t0 = m.sim.now;
  let ended = Infinity;
  second.proc.exited.subscribe(() => (ended = m.sim.now));
  const wall = process.hrtime.bigint();
  m.sim.advance(3_600_000);
  return {
    out: second.stdout(),
    status: [first.proc.exitCode, second.proc.exitCode],
    virtualMs: ended - t0,
    done: second.proc.done,
    wallMs: Number(process.hrtime.bigint() - wall) / 1e6,
  };
}

describe('pipelines of applets', () => {
  it('seq 1000000 | wc -l streams through a bounded pipe in reasonable time', () => {
    const r = pipeline([seq('busybox', sys), ['seq', '1000000']], [wc('gnu', sys), ['wc', '-l']]);
    expect(r.done).toBe(true);
    expect(r.out).toBe('1000000\n');
    expect(r.status).toEqual([0, 0]);
    expect(r.wallMs).toBeLessThan(5000);
    // CPU-bound work is accounted in virtual time too: about 1 s of virtual CPU here.
    expect(r.virtualMs).toBeLessThan(60_000);
  });

  it('seq 100 | sort -r -n | grep 9 keeps order and filters', () => {
    const m = createTestMachine({ isContainer: false });
    const p1 = new Pipe();
    const p2 = new Pipe();
    const w1 = new FileDescription(undefined, p1.openWriter()).retain();
    const r1 = new FileDescription(p1.openReader()).retain();
    const w2 = new FileDescription(undefined, p2.openWriter()).retain();
    const r2 = new FileDescription(p2.openReader()).retain();
    const a = m.start(seq('busybox', sys), ['seq', '100']);
    a.proc.setFd(1, w1);
    const b = m.start(sort('busybox', sys), ['sort', '-r', '-n']);
    b.proc.setFd(0, r1);
    b.proc.setFd(1, w2);
    const c = m.start(grep('busybox', sys), ['grep', '^9']);
    c.proc.setFd(0, r2);
    for (const d of [w1, r1, w2, r2]) d.release();
    m.sim.advance(10_000);
    expect(c.stdout()).toBe('99\n98\n97\n96\n95\n94\n93\n92\n91\n90\n9\n');
  });
});
