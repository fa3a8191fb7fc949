/**
 * Differential corpus for manifest reading: each file under testdata/corpus is read the way
 * `kubectl create -f FILE` reads it. The engine's stdout/stderr are compared with the recorded
 * fixtures (always), and with the real kubectl 1.32 (`create --dry-run=client`, offline) when it
 * is installed: everything kubectl decides before talking to a server must match byte for byte.
 * Re-record the fixtures with RECORD_CORPUS=1 after checking the differences.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qualifiedKind } from '../resources';
import { formatKubectlErrors, readManifests, type ValidateDirective } from './manifest';
import { decodeBody } from './strict';

const dir = join(__dirname, 'testdata', 'corpus');
const cases = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as {
  file: string;
  validate: 'strict' | 'false';
}[];
const expectedPath = join(dir, 'expected.json');
const expected: Record<string, { stdout: string; stderr: string }> = existsSync(expectedPath)
  ? JSON.parse(readFileSync(expectedPath, 'utf8'))
  : {};

const hasKubectl = (() => {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** What `kubectl create -f FILE` prints against a 1.32 server, per the engine. */
function engine(file: string, validate: ValidateDirective): { stdout: string; stderr: string } {
  const text = readFileSync(join(dir, file), 'utf8');
  const result = readManifests(text, file, { validate });
  const errors: string[] = [];
  let stdout = '';
  for (const item of result.items) {
    if (!item.ok) {
      errors.push(item.error);
      continue;
    }
    const decoded = decodeBody(item.value.object as never, 'Strict');
    if (!decoded.ok) {
      errors.push(
        `Error from server (BadRequest): error when creating "${file}": ${decoded.error.message}`,
      );
    } else {
      stdout += `${qualifiedKind(item.value.resource)}/${item.value.name} created\n`;
    }
  }
  if (result.streamError !== undefined) errors.push(result.streamError);
  let stderr = formatKubectlErrors(errors);
  if (errors.length === 0 && stdout === '') stderr = 'error: no objects passed to create\n';
  return { stdout, stderr };
}

/** The offline kubectl's stderr, without client-go's discovery log noise. */
function oracle(file: string, validate: string): string {
  let out = '';
  try {
    execFileSync('kubectl', ['create', '--dry-run=client', `--validate=${validate}`, '-f', file], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KUBECONFIG: '/nonexistent' },
    });
  } catch (e) {
    out = String((e as { stderr?: Buffer }).stderr ?? '');
  }
  return out
    .split('\n')
    .filter((l) => !l.includes('memcache.go'))
    .join('\n');
}

/** Lines kubectl decides without a server (parse, client validation, decode). */
function clientSideLines(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((l) => l !== '' && !l.includes('localhost:8080'))
    .map((l) => l.replace(/^error: /, ''))
    .filter((l) => /^(error parsing|error validating|unable to decode|no objects passed)/.test(l));
}

describe('manifest corpus (kubectl create -f)', () => {
  const recorded: Record<string, { stdout: string; stderr: string }> = {};
  it('has at least 60 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });
  for (const c of cases) {
    const validate: ValidateDirective = c.validate === 'false' ? 'ignore' : 'strict';
    it(`${c.file} matches the recorded output`, () => {
      const got = engine(c.file, validate);
      recorded[c.file] = got;
      if (process.env.RECORD_CORPUS) return;
      expect(got).toEqual(expected[c.file]);
    });
    it.skipIf(!hasKubectl)(`${c.file} matches real kubectl before the server`, () => {
      let real = oracle(c.file, c.validate);
      let mine = engine(c.file, validate).stderr;
      if (real.includes('failed to download openapi')) {
        // Offline, kubectl stops where it would ask the server whether it validates fields;
        // compare the later client-side steps (decode, metadata checks) without validation.
        real = oracle(c.file, 'false');
        mine = engine(c.file, 'ignore').stderr;
      }
      if (real.includes('localhost:8080')) {
        // kubectl needed the server from here on: compare what it decided before that.
        expect(clientSideLines(mine)).toEqual(clientSideLines(real));
      } else {
        expect(mine).toBe(real.endsWith('\n') ? real : real + '\n');
      }
    });
  }
  it.runIf(!!process.env.RECORD_CORPUS)('records the fixtures', () => {
    writeFileSync(expectedPath, JSON.stringify(recorded, null, 1) + '\n');
  });
});
