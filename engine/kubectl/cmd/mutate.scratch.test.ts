import { it } from 'vitest';
import { createSimulation } from '../../simulation';
import { createWorkstation } from '../../shell/workstation';
import { runOnWorkstation } from '../../testing/run-command';
import { GOLDEN_START } from '../../testing/test-cluster';

it('scratch', () => {
  const sim = createSimulation({ seed: 1, start: GOLDEN_START });
  const ws = createWorkstation(sim);
  const k = (...a: string[]) => {
    const r = runOnWorkstation(sim, ws, ['kubectl', ...a]);
    console.log(`$ kubectl ${a.join(' ')}\n${r.stdout}${r.stderr}[${r.code}]`);
  };
  const cmds = (process.env.CMDS ?? '').split(';;').filter(Boolean);
  for (const c of cmds) k(...JSON.parse(c));
});
