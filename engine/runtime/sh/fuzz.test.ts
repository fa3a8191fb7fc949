/**
 * Robustness: arbitrary input never makes the parser or the interpreter throw out of the engine
 * (the kernel would report "internal error"); every run ends with a status.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Parser } from './parser';
import { runScript } from './testing';

const pieces = [
  'echo',
  ' ',
  ';',
  '&',
  '|',
  '&&',
  '||',
  '(',
  ')',
  '{',
  '}',
  'if',
  'then',
  'fi',
  'else',
  'for',
  'in',
  'do',
  'done',
  'while',
  'case',
  'esac',
  ';;',
  '$',
  '${',
  '}',
  '$(',
  '$((',
  '))',
  '`',
  '"',
  "'",
  '\\',
  '\n',
  '<<',
  'EOF',
  '>',
  '<',
  '2>&1',
  '*',
  '?',
  '[',
  ']',
  'x',
  '=',
  '1',
  '08',
  '+',
  '%',
  '#',
  ':-',
  'read',
  'set -e',
  'trap',
  'exit',
  'f()',
  'local',
  'shift',
  'break',
  '!',
  '[',
  'test',
];

const script = fc.array(fc.constantFrom(...pieces), { maxLength: 25 }).map((a) => a.join(''));

describe('robustness', () => {
  it('the parser returns nodes or errors, never throws', () => {
    fc.assert(
      fc.property(script, fc.constantFrom('ash' as const, 'bash' as const), (src, dialect) => {
        const p = new Parser(src, dialect);
        for (let i = 0; i < 50; i++) {
          const n = p.next();
          if (n === null || !('t' in n)) break;
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('the interpreter never crashes on arbitrary scripts', () => {
    fc.assert(
      fc.property(script, fc.constantFrom('sh', 'bash'), (src, shell) => {
        const r = runScript([shell, '-c', src], { maxMs: 2000 });
        expect(r.stderr).not.toContain('internal error');
      }),
      { numRuns: 400 },
    );
  });
});
