import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { GOLDEN_START } from '../testing/test-cluster';
import { createWorkstation } from './workstation';
import { runScript } from './script-runner';

function session(files: Record<string, string> = {}) {
  const sim = createSimulation({ seed: 1, start: GOLDEN_START });
  const ws = createWorkstation(sim, { files });
  return { sim, run: (script: string, echo = false) => runScript(sim, ws, script, { echo }) };
}

describe('scripted workstation sessions', () => {
  it('runs bash lines with GNU tools and echoes them like a terminal', () => {
    const { run } = session({ 'notes.txt': 'b\na\n' });
    expect(run('cat notes.txt | sort\nfor i in 1 2; do\n  echo $i\ndone\nfoo', true)).toEqual({
      output:
        '$ cat notes.txt | sort\na\nb\n$ for i in 1 2; do\n>   echo $i\n> done\n1\n2\n$ foo\nbash: foo: command not found\n',
      status: 127,
    });
  });

  it('moves virtual time with sleep and keeps shell state between lines', () => {
    const { sim, run } = session();
    const before = sim.now;
    const r = run('x=5\nsleep 30\necho $((x*2))\ncd /tmp && pwd');
    expect(r.output).toBe('10\n/tmp\n');
    expect(sim.now - before).toBe(30_000);
  });

  it('streams output as it is written, and stops a never-ending script at maxSeconds', () => {
    const sim = createSimulation({ seed: 1, start: GOLDEN_START });
    const ws = createWorkstation(sim);
    const chunks: { at: number; text: string }[] = [];
    const r = runScript(sim, ws, 'echo start\nwhile true; do sleep 10; echo tick; done', {
      maxSeconds: 25,
      onOutput: (text) => chunks.push({ at: sim.now - GOLDEN_START, text }),
    });
    expect(r).toEqual({ output: 'start\ntick\ntick\n', status: 124 });
    expect(chunks).toEqual([
      { at: 0, text: 'start\n' },
      { at: 10_000, text: 'tick\n' },
      { at: 20_000, text: 'tick\n' },
    ]);
  });
});
