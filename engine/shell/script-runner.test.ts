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

  it('continues a line that ends in a backslash on the next one (PS2), as bash does', () => {
    const { run } = session();
    expect(run('echo a \\\n    b\necho abc\\\ndef', true)).toEqual({
      output: '$ echo a \\\n>     b\na b\n$ echo abc\\\n> def\nabcdef\n',
      status: 0,
    });
  });

  it("reports finished background jobs as bash does: Done, Exit N, or the signal's name", () => {
    const { run } = session();
    expect(run('sleep 100 &\nkill %1\nfalse &\nsleep 1\ntrue &\nsleep 1', true).output).toBe(
      '$ sleep 100 &\n[1] 2\n$ kill %1\n[1]+  Terminated              sleep 100\n' +
        '$ false &\n[1] 3\n$ sleep 1\n[1]+  Exit 1                  false\n' +
        '$ true &\n[1] 5\n$ sleep 1\n[1]+  Done                    true\n',
    );
  });

  it('ends watch on SIGTERM with status 0 after leaving its screen, as procps die() does', () => {
    const { run } = session();
    const out = run('watch -n 5 -t echo hi &\nsleep 1\nkill %1\nsleep 1', true).output;
    expect(out).toBe(
      '$ watch -n 5 -t echo hi &\n[1] 2\n$ sleep 1\n\x1b[?1049h\x1b[H\x1b[2Jhi$ kill %1\n' +
        '$ sleep 1\n\x1b[?1049l[1]+  Done                    watch -n 5 -t echo hi\n',
    );
  });

  it("lists jobs with bash's command text: compound commands on several lines, ` &` while running", () => {
    const { run } = session();
    const out = run(
      'while true; do a=1; sleep 1 | cat ; done &\nfor i in 1 2; do sleep 5; done &\n' +
        '{ sleep 5; echo x; } &\nsleep 1\njobs\nkill %1 %2 %3',
    ).output;
    // Recorded from bash 5.2 (interactive, job control on).
    expect(out).toBe(
      '[1] 2\n[2] 3\n[3] 4\n' +
        '[1]   Running                 while true; do\n    a=1; sleep 1 | cat;\ndone &\n' +
        '[2]-  Running                 for i in 1 2;\ndo\n    sleep 5;\ndone &\n' +
        '[3]+  Running                 { sleep 5; echo x; } &\n' +
        '[1]   Terminated              while true; do\n    a=1; sleep 1 | cat;\ndone\n' +
        '[2]-  Terminated              for i in 1 2;\ndo\n    sleep 5;\ndone\n' +
        '[3]+  Terminated              { sleep 5; echo x; }\n',
    );
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
