import { appletCases } from './cases.oracle';
import { sort } from './sort';

const s = { s: '10\n9\n2\nb\na\n-1\n1e2\nB\n\n 3\n' };
const k = { k: 'b 2\na 10\nc 1\na 2\n' };
const multiplier =
  Array.from({ length: 100 }, (_, i) => `${((i * 37) % 100) * 2 + 2}`).join('\n') +
  '\nsh: arithmetic syntax error\n';

const common = [
  { args: ['s'], files: s, stdout: '\n 3\n-1\n10\n1e2\n2\n9\nB\na\nb\n' },
  { args: ['-g', 's'], files: s, stdout: '\nB\na\nb\n-1\n2\n 3\n9\n10\n1e2\n' },
  { args: ['-r', 's'], files: s, stdout: 'b\na\nB\n9\n2\n1e2\n10\n-1\n 3\n\n' },
  { args: ['-u', 's'], files: s, stdout: '\n 3\n-1\n10\n1e2\n2\n9\nB\na\nb\n' },
  { args: ['-f', 's'], files: s, stdout: '\n 3\n-1\n10\n1e2\n2\n9\na\nB\nb\n' },
  { args: ['-k2', 'k'], files: k, stdout: 'c 1\na 10\na 2\nb 2\n' },
  { args: ['-k2n', 'k'], files: k, stdout: 'c 1\na 2\nb 2\na 10\n' },
  { args: ['-k2,2n', 'k'], files: k, stdout: 'c 1\na 2\nb 2\na 10\n' },
  { args: ['-k1,1', '-k2n', 'k'], files: k, stdout: 'a 2\na 10\nb 2\nc 1\n' },
  { args: ['-t:', '-k2', 'k'], files: k, stdout: 'a 10\na 2\nb 2\nc 1\n' },
  { args: ['-k2', '-r', 'k'], files: k, stdout: 'b 2\na 2\na 10\nc 1\n' },
  { args: ['-u', '-k1,1', 'k'], files: k, stdout: 'a 10\nb 2\nc 1\n' },
  { args: ['-n', '-r', '-k2', 'k'], files: k, stdout: 'a 10\nb 2\na 2\nc 1\n' },
  { args: ['-k2nr', 'k'], files: k, stdout: 'a 10\na 2\nb 2\nc 1\n' },
  { args: ['-t', ' ', '-k2,2', '-s', 'k'], files: k, stdout: 'c 1\na 10\nb 2\na 2\n' },
  {
    args: ['-g'],
    stdin: multiplier,
    stdout:
      'sh: arithmetic syntax error\n' +
      Array.from({ length: 100 }, (_, i) => `${(i + 1) * 2}\n`).join(''),
  },
];

appletCases('busybox', 'sort', sort, [
  ...common,
  { args: ['-n', 's'], files: s, stdout: '-1\n\nB\na\nb\n2\n 3\n9\n10\n1e2\n' },
  { args: ['-nr', 's'], files: s, stdout: '1e2\n10\n9\n 3\n2\nb\na\nB\n\n-1\n' },
  { args: ['nope'], stdout: '', stderr: 'sort: nope: No such file or directory\n', status: 2 },
  { args: ['-c'], stdin: 'a\nc\nb\n', stdout: '', stderr: 'Check line 2\n', status: 1 },
]);

appletCases('gnu', 'sort', sort, [
  ...common,
  { args: ['-n', 's'], files: s, stdout: '-1\n\nB\na\nb\n1e2\n2\n 3\n9\n10\n' },
  { args: ['-nr', 's'], files: s, stdout: '10\n9\n 3\n2\n1e2\nb\na\nB\n\n-1\n' },
  {
    args: ['nope'],
    stdout: '',
    stderr: 'sort: cannot read: nope: No such file or directory\n',
    status: 2,
  },
  { args: ['-c'], stdin: 'a\nc\nb\n', stdout: '', stderr: 'sort: -:3: disorder: b\n', status: 1 },
  {
    args: ['-j'],
    stdout: '',
    stderr: "sort: invalid option -- 'j'\nTry 'sort --help' for more information.\n",
    status: 2,
  },
]);
