/**
 * `podlab lessons verify` in the test suite: every lesson's solution must satisfy its checks.
 * A lesson waiting for kubectl verbs is listed in PENDING_LESSONS and must still fail, so the
 * list cannot go stale.
 */
import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonFolders, verifyLesson } from './lessons';

/** Lesson folder → what it still needs. */
const PENDING_LESSONS: Record<string, string> = {};

const bin = new URL('../bin/podlab.js', import.meta.url).pathname;

describe('podlab lessons verify', () => {
  const folders = lessonFolders();

  it('finds the lessons, and every pending entry names one', () => {
    expect(folders.length).toBeGreaterThan(0);
    const names = folders.map((d) => basename(d));
    expect(Object.keys(PENDING_LESSONS).filter((n) => !names.includes(n))).toEqual([]);
  });

  for (const dir of folders) {
    const name = basename(dir);
    const pending = PENDING_LESSONS[name];
    it(
      pending ? `${name} is still pending: ${pending}` : `${name}: the solution passes every check`,
      async () => {
        const v = await verifyLesson(dir);
        if (pending)
          expect(
            v.failed,
            `${name} now verifies: remove it from PENDING_LESSONS in cli/lessons.test.ts`,
          ).not.toEqual([]);
        else expect(v.failed).toEqual([]);
      },
    );
  }

  it('runs from the command line: one line per lesson, a summary, exit 1 iff a lesson fails', () => {
    const r = spawnSync('node', [bin, 'lessons', 'verify'], { encoding: 'utf8' });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(folders.length + 1);
    const failing = lines.filter((l) => l.startsWith('FAIL  ')).length;
    expect(lines.at(-1)).toBe(`${folders.length - failing} of ${folders.length} lessons verified`);
    expect(r.status).toBe(failing === 0 ? 0 : 1);
    expect(r.stderr).toBe('');
  });

  it('rejects other subcommands with a usage line', () => {
    const r = spawnSync('node', [bin, 'lessons', 'frobnicate'], { encoding: 'utf8' });
    expect(r.stderr).toBe('podlab: usage: podlab lessons verify\n');
    expect(r.status).toBe(2);
  });
});
