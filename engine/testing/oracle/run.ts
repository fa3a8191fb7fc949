/**
 * Runs differential cases against the real kubectl through the stub server, aligning the wall
 * clock so kubectl's ages match Podlab's `now` (see clock.ts).
 */
import { T0 } from '../../kubectl/printers/testdata/cluster';
import { ORACLE_OBJECTS, type OracleCase } from './cases';
import { nextSecond, rebase, shiftTimes, wallClockMs } from './clock';
import { startOracle, type KubectlResult, type OracleServer } from './server';
import { tableJson } from './tables';

/** The outcome of one case: what kubectl printed and what Podlab rendered, at `base`. */
export interface CaseOutcome {
  name: string;
  base: number;
  kubectl: KubectlResult;
  podlab: { stdout: string; stderr?: string };
}

/** A runner owning one stub server; `close()` when done. */
export interface OracleRunner {
  run(c: OracleCase): Promise<CaseOutcome>;
  close(): Promise<void>;
}

/** Starts a stub server and returns a runner for cases. */
export async function createOracleRunner(): Promise<OracleRunner> {
  let now = 0;
  let tables = false;
  const server: OracleServer = await startOracle([], (kind, objects) =>
    tables ? tableJson(kind, objects, now) : undefined,
  );
  let base = 0;
  let objects = ORACLE_OBJECTS;
  const run = async (c: OracleCase): Promise<CaseOutcome> => {
    // Reuse the current second while there is comfortable margin left in it.
    if (base === 0 || wallClockMs() - base > 600) {
      base = await nextSecond();
      objects = rebase(ORACLE_OBJECTS, T0, base);
      server.setObjects(objects);
    }
    now = base;
    tables = !!c.tables;
    server.setWatchEvents(
      (c.watch ?? []).map((e) => ({ ...e, object: shiftTimes(e.object, base - T0) })),
    );
    const kubectl = await server.kubectl(c.args);
    const elapsed = wallClockMs() - base;
    if (elapsed >= 1000) {
      // kubectl crossed into the next second: its ages may be off by one; retry once.
      base = 0;
      return run(c);
    }
    return { name: c.name, base, kubectl, podlab: c.render(objects, base) };
  };
  return { run, close: () => server.close() };
}
