import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createSimulation } from '../../simulation';
import { createWorkstation } from '../../shell/workstation';
import { runOnWorkstation } from '../../testing/run-command';
import { GOLDEN_START, TestCluster } from '../../testing/test-cluster';

it('scratch', () => {
  const sim = createSimulation({ seed: 1, start: GOLDEN_START });
  const ws = createWorkstation(sim);
  const tc = TestCluster.of(sim);
  const k = (...a: string[]) => {
    const t0 = sim.now;
    const r = runOnWorkstation(sim, ws, ['kubectl', ...a]);
    console.log(`$ kubectl ${a.join(' ')}   (+${(sim.now - t0) / 1000}s)\n${r.stdout}${r.stderr}[${r.code}]`);
  };
  k('version', '--client');
  if (process.env.SETUP) { tc.apply(readFileSync(process.env.SETUP, 'utf8')); if (!process.env.NOADV) tc.advance('60s'); }
  const cmds = (process.env.CMDS ?? '').split(';;').filter(Boolean);
  for (const c of cmds) {
    const a = JSON.parse(c) as string[];
    if (a[0] === 'advance') tc.advance(a[1]);
    else k(...a);
  }
});
