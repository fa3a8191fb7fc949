/**
 * Replays kubectl 1.32 outputs recorded by engine/testing/oracle/record.ts: each case's fixtures
 * are shifted to the recorded wall-clock second and rendered with `now` = that second.
 */
import { describe, expect, it } from 'vitest';
import { ORACLE_OBJECTS, oracleCases } from '../../testing/oracle/cases';
import { rebase } from '../../testing/oracle/clock';
import type { RecordedCase } from '../../testing/oracle/record-types';
import { T0 } from './testdata/cluster';
import recordedJson from './fixtures/recorded.json';

const recorded = recordedJson as RecordedCase[];
const byName = new Map(oracleCases().map((c) => [c.name, c]));

describe('recorded kubectl outputs', () => {
  it('covers every oracle case', () => {
    expect(recorded.map((r) => r.name).sort()).toEqual([...byName.keys()].sort());
  });

  for (const r of recorded) {
    it(r.name, () => {
      const c = byName.get(r.name);
      expect(c).toBeDefined();
      const objects = rebase(ORACLE_OBJECTS, T0, r.base);
      const out = c!.render(objects, r.base);
      expect(out.stdout).toBe(r.stdout);
      expect(out.stderr ?? '').toBe(r.stderr);
    });
  }
});
