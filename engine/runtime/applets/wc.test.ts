import { describe, expect, it } from 'vitest';
import { appletCases, runCase } from './cases.oracle';
import { wc } from './wc';
import { defaultSystemInfo } from './common';

const w = { w: 'a b\nc\n\nd  e f\n', f: 'a\nb\n' };
const odd = 'a\x01b c\xc3\xa9 d\te\n';

appletCases('busybox', 'wc', wc, [
  { args: ['w'], files: w, stdout: '        4         6        14 w\n' },
  { args: [], stdin: w.w, stdout: '        4         6        14\n' },
  { args: ['-l', 'w'], files: w, stdout: '4 w\n' },
  { args: ['-c'], stdin: w.w, stdout: '14\n' },
  {
    args: ['-lw', 'w', 'f'],
    files: w,
    stdout: '        4         6 w\n        2         2 f\n        6         8 total\n',
  },
  { args: ['-l', 'w', 'f'], files: w, stdout: '        4 w\n        2 f\n        6 total\n' },
  { args: [], stdin: odd, stdout: '        1         4        12\n' },
  { args: ['-L'], stdin: 'a\tb\nxyz\n', stdout: '9\n' },
  { args: ['-'], stdin: 'x\n', stdout: '        1         1         2 -\n' },
  {
    args: ['w', 'nope'],
    files: w,
    stdout: '        4         6        14 w\n        4         6        14 total\n',
    stderr: 'wc: nope: No such file or directory\n',
    status: 1,
  },
  {
    args: ['d'],
    files: { 'd/x': '' },
    stdout: '        0         0         0 d\n',
    stderr: 'wc: d: Is a directory\n',
    status: 1,
  },
  { args: [], stdin: '', stdout: '        0         0         0\n' },
]);

appletCases('gnu', 'wc', wc, [
  { args: ['w'], files: w, stdout: ' 4  6 14 w\n' },
  { args: [], stdin: w.w, stdout: '      4       6      14\n' },
  { args: ['-l', 'w', 'f'], files: w, stdout: ' 4 w\n 2 f\n 6 total\n' },
  { args: ['-l', 'w'], files: w, stdout: '4 w\n' },
  { args: ['-l'], stdin: w.w, stdout: '4\n' },
  { args: [], stdin: odd, stdout: '      1       4      12\n' },
  { args: ['-L'], stdin: 'a\tb\nxyz\n', stdout: '9\n' },
  {
    args: ['w', 'nope'],
    files: w,
    stdout: ' 4  6 14 w\n 4  6 14 total\n',
    stderr: 'wc: nope: No such file or directory\n',
    status: 1,
  },
  {
    args: ['nope', 'w'],
    files: w,
    stdout: ' 4  6 14 w\n 4  6 14 total\n',
    stderr: 'wc: nope: No such file or directory\n',
    status: 1,
  },
  {
    args: ['d'],
    files: { 'd/x': '' },
    stdout: '      0       0       0 d\n',
    stderr: 'wc: d: Is a directory\n',
    status: 1,
  },
  { args: [], stdin: '', stdout: '      0       0       0\n' },
]);

describe('gnu wc on the multiplier output', () => {
  it('prints the lesson line for 100 numbers from a pipe', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `${(i + 1) * 2}\n`).join('');
    const r = runCase(wc('gnu', defaultSystemInfo()), 'wc', { args: [], stdin: lines, stdout: '' });
    expect(r.stdout).toBe('    100     100     347\n');
  });
});
