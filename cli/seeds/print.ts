/** Prints a seed's transcript: `npx tsx cli/seeds/print.ts s000-lesson4` (to write expected.txt). */
import { loadSeeds, runSeed } from './seed';

const id = process.argv[2];
const seed = loadSeeds().find((s) => s.id === id);
if (!seed) throw new Error(`no seed folder ${id}`);
const r = runSeed(seed);
process.stdout.write(r.output);
process.stderr.write(`status ${r.status}\n`);
