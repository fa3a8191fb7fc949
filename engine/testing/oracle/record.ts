/**
 * Records kubectl's real outputs for every oracle case into
 * engine/kubectl/printers/fixtures/recorded.json, so the expectations also run on machines
 * without kubectl. Run: `npx tsx engine/testing/oracle/record.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { oracleCases } from './cases';
import { createOracleRunner } from './run';
import type { RecordedCase } from './record-types';
import { hasKubectl } from './server';

async function main(): Promise<void> {
  if (!hasKubectl) throw new Error('kubectl 1.32 is not installed');
  const runner = await createOracleRunner();
  const recorded: RecordedCase[] = [];
  let mismatches = 0;
  for (const c of oracleCases()) {
    const outcome = await runner.run(c);
    recorded.push({
      name: c.name,
      base: outcome.base,
      stdout: outcome.kubectl.stdout,
      stderr: outcome.kubectl.stderr,
    });
    const same =
      outcome.kubectl.stdout === outcome.podlab.stdout &&
      outcome.kubectl.stderr === (outcome.podlab.stderr ?? '');
    if (!same) {
      mismatches++;
      console.log(`MISMATCH ${c.name}`);
    }
  }
  await runner.close();
  const target = fileURLToPath(
    new URL('../../kubectl/printers/fixtures/recorded.json', import.meta.url),
  );
  writeFileSync(target, JSON.stringify(recorded, null, 1) + '\n');
  console.log(`recorded ${recorded.length} cases, ${mismatches} mismatches`);
}

await main();
