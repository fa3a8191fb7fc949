import { appletCases } from './cases.oracle';
import { cat } from './cat';
import { seq } from './seq';
import { sleep } from './sleep';
import { basename, dirname } from './names';
import { trueApplet, falseApplet } from './trivial';

const two = { f: 'a\nb\n' };

appletCases('busybox', 'cat', cat, [
  { args: ['f'], files: two, stdout: 'a\nb\n' },
  {
    args: ['-n', 'f', '-', 'f'],
    files: two,
    stdin: 'x\ny',
    stdout: '     1\ta\n     2\tb\n     3\tx\n     4\ty\n     5\ta\n     6\tb\n',
  },
  { args: ['-n', '-v'], stdin: 'a\n\nb', stdout: '     1  a\n     2  \n     3  b' },
  { args: ['-b', '-e'], stdin: 'a\n\nb\n', stdout: '     1  a$\n$\n     2  b$\n' },
  { args: ['-n', 'nope'], stdout: '', stderr: 'cat: nope: No such file or directory\n', status: 1 },
  { args: ['-A'], stdin: 'a\tb\x01\xe9\n\n\nc', stdout: 'a^Ib^AM-i$\n$\n$\nc' },
  { args: ['-b'], stdin: 'a\n\n\nb\n', stdout: '     1\ta\n\n\n     2\tb\n' },
  { args: ['-e'], stdin: 'a\x7f\n', stdout: 'a^?$\n' },
  {
    args: ['nope', 'f'],
    files: two,
    stdout: 'a\nb\n',
    stderr: "cat: can't open 'nope': No such file or directory\n",
    status: 1,
  },
  {
    args: ['d'],
    files: { 'd/x': '' },
    stdout: '',
    stderr: 'cat: read error: Is a directory\n',
    status: 1,
  },
  {
    args: ['-z'],
    stdout: '',
    stderrStart: 'cat: unrecognized option: z\n@BANNER@\n\nUsage: cat [-nbvteA] [FILE]...\n',
    status: 1,
  },
]);

appletCases('gnu', 'cat', cat, [
  { args: ['f'], files: two, stdout: 'a\nb\n' },
  {
    args: ['-n', 'f', '-', 'f'],
    files: two,
    stdin: 'x\ny',
    stdout: '     1\ta\n     2\tb\n     3\tx\n     4\tya\n     5\tb\n',
  },
  { args: ['-A'], stdin: 'a\tb\x01\xe9\n\n\nc', stdout: 'a^Ib^AM-i$\n$\n$\nc' },
  { args: ['-s'], stdin: 'a\n\n\nb\n', stdout: 'a\n\nb\n' },
  { args: ['-E', '-T'], stdin: 'a\tb\x01\n', stdout: 'a^Ib\x01$\n' },
  {
    args: ['nope', 'f'],
    files: two,
    stdout: 'a\nb\n',
    stderr: 'cat: nope: No such file or directory\n',
    status: 1,
  },
  { args: ['d'], files: { 'd/x': '' }, stdout: '', stderr: 'cat: d: Is a directory\n', status: 1 },
  {
    args: ['-z'],
    stdout: '',
    stderr: "cat: invalid option -- 'z'\nTry 'cat --help' for more information.\n",
    status: 1,
  },
]);

appletCases('busybox', 'seq', seq, [
  { args: ['3'], stdout: '1\n2\n3\n' },
  { args: ['1', '0.5', '3'], stdout: '1.0\n1.5\n2.0\n2.5\n3.0\n' },
  { args: ['-w', '8', '11'], stdout: '08\n09\n10\n11\n' },
  { args: ['-s,', '3'], stdout: '1,2,3\n' },
  { args: ['-s', ', ', '-w', '9', '10'], stdout: '09, 10\n' },
  { args: ['1.5'], stdout: '1\n' },
  { args: ['1', '2.0'], stdout: '1\n2\n' },
  { args: ['--', '-1', '1'], stdout: '-1\n0\n1\n' },
  { args: ['5', '-2', '0'], stdout: '5\n3\n1\n' },
  { args: ['-w', '--', '-5', '3', '5'], stdout: '-5\n-2\n01\n04\n' },
  {
    args: ['-1', '1'],
    stdout: '',
    stderrStart: 'seq: unrecognized option: 1\n@BANNER@\n',
    status: 1,
  },
  { args: ['0.1', '0.1', '0.5'], stdout: '0.1\n0.2\n0.3\n0.4\n0.5\n' },
  { args: ['10', '1'], stdout: '' },
  {
    args: ['x'],
    stdout: '',
    stderrStart: '@BANNER@\n\nUsage: seq [-w] [-s SEP] [FIRST [INC]] LAST\n',
    status: 1,
  },
  { args: [], stdout: '', stderrStart: '@BANNER@\n', status: 1 },
]);

appletCases('gnu', 'seq', seq, [
  { args: ['3'], stdout: '1\n2\n3\n' },
  { args: ['1', '0.5', '3'], stdout: '1.0\n1.5\n2.0\n2.5\n3.0\n' },
  { args: ['-w', '8', '11'], stdout: '08\n09\n10\n11\n' },
  { args: ['-s,', '3'], stdout: '1,2,3\n' },
  { args: ['-1', '1'], stdout: '-1\n0\n1\n' },
  { args: ['-w', '-5', '3', '5'], stdout: '-5\n-2\n01\n04\n' },
  { args: ['-f', '%05.1f', '1', '3'], stdout: '001.0\n002.0\n003.0\n' },
  { args: ['-f', 'x%gy', '0.5', '1'], stdout: 'x0.5y\n' },
  { args: ['-f', '%e', '2'], stdout: '1.000000e+00\n2.000000e+00\n' },
  { args: ['-f', '%.3g', '1000', '1001'], stdout: '1e+03\n1e+03\n' },
  {
    args: ['-f', 'no', '1'],
    stdout: '',
    stderr: "seq: format 'no' has no % directive\n",
    status: 1,
    env: { LC_ALL: 'C' },
  },
  { args: ['10', '1'], stdout: '' },
  {
    args: ['x'],
    stdout: '',
    stderr: "seq: invalid floating point argument: 'x'\nTry 'seq --help' for more information.\n",
    status: 1,
  },
  {
    args: [],
    stdout: '',
    stderr: "seq: missing operand\nTry 'seq --help' for more information.\n",
    status: 1,
  },
]);

appletCases('busybox', 'sleep', sleep, [
  { args: ['0.3'], stdout: '' },
  { args: ['0', '0s', '0m'], stdout: '' },
  { args: ['x'], stdout: '', stderr: "sleep: invalid number 'x'\n", status: 1 },
  { args: ['1x'], stdout: '', stderr: "sleep: invalid number '1x'\n", status: 1 },
  { args: ['-1'], stdout: '', stderr: "sleep: invalid number '-1'\n", status: 1 },
  { args: [], stdout: '', stderrStart: '@BANNER@\n\nUsage: sleep [N]...\n', status: 1 },
]);

appletCases('gnu', 'sleep', sleep, [
  { args: ['0.3'], stdout: '' },
  {
    args: ['x'],
    stdout: '',
    stderr: "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n",
    status: 1,
  },
  {
    args: [],
    stdout: '',
    stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n",
    status: 1,
  },
]);

appletCases('busybox', 'basename', basename, [
  { args: ['/a/b.txt', '.txt'], stdout: 'b\n' },
  { args: ['a/'], stdout: 'a\n' },
  { args: ['/'], stdout: '/\n' },
  { args: ['-a', 'x/y', 'z/w'], stdout: 'y\nw\n' },
  { args: ['-s', '.c', 'x/y.c', 'z.c'], stdout: 'y\nz\n' },
  { args: [], stdout: '', stderrStart: '@BANNER@\n\nUsage: basename FILE', status: 1 },
]);

appletCases('busybox', 'dirname', dirname, [
  { args: ['a/b/'], stdout: 'a\n' },
  { args: ['a'], stdout: '.\n' },
  { args: ['/a'], stdout: '/\n' },
  { args: ['//a//b//'], stdout: '//a\n' },
  { args: [], stdout: '', stderrStart: '@BANNER@\n\nUsage: dirname FILENAME\n', status: 1 },
]);

appletCases('busybox', 'true', trueApplet, [{ args: ['x'], stdout: '' }]);
appletCases('busybox', 'false', falseApplet, [{ args: [], stdout: '', status: 1 }]);
