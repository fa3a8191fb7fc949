/**
 * Records the real kubectl's answers to every differential case into recorded.json, so the
 * comparison also runs on machines without kubectl. Cases that need a server are dropped and
 * listed. Run: `npx tsx engine/kubectl/differential/record.oracle.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { caseName, differentialCases } from './cases';
import {
  kubectlAvailable,
  neededServer,
  runRealKubectl,
  type Outcome,
} from './real-kubectl.oracle';

if (!kubectlAvailable()) {
  process.stderr.write('record: a kubectl 1.32 client is needed\n');
  process.exit(1);
}
const recorded: Record<string, Outcome> = {};
for (const c of differentialCases()) {
  const outcome = runRealKubectl(c.args, c.stdin);
  if (neededServer(outcome)) {
    process.stderr.write(`needs a server, not recorded: ${caseName(c)}\n`);
    continue;
  }
  recorded[caseName(c)] = outcome;
}
const file = fileURLToPath(new URL('./recorded.json', import.meta.url));
writeFileSync(file, JSON.stringify(recorded, null, 1) + '\n');
process.stderr.write(`recorded ${Object.keys(recorded).length} cases\n`);
