import { appletCases } from './cases.oracle';
import { grep } from './grep';

const g = { g: 'Apple pie\nbanana\ncherry apple\nDate\n', h: 'x apple\n' };
const r = { 'r/a': 'apple\n', 'r/s/c': 'apple 2\n', 'r/s/b': 'nope\n' };

const common = [
  { args: ['apple', 'g'], files: g, stdout: 'cherry apple\n' },
  { args: ['-i', 'apple', 'g'], files: g, stdout: 'Apple pie\ncherry apple\n' },
  { args: ['-v', 'apple', 'g'], files: g, stdout: 'Apple pie\nbanana\nDate\n' },
  { args: ['-c', 'apple', 'g'], files: g, stdout: '1\n' },
  { args: ['-n', 'apple', 'g'], files: g, stdout: '3:cherry apple\n' },
  { args: ['-o', '-i', 'apple', 'g'], files: g, stdout: 'Apple\napple\n' },
  { args: ['-l', 'apple', 'g', 'h'], files: g, stdout: 'g\nh\n' },
  { args: ['-c', 'apple', 'g', 'h'], files: g, stdout: 'g:1\nh:1\n' },
  { args: ['apple', 'g', 'h'], files: g, stdout: 'g:cherry apple\nh:x apple\n' },
  { args: ['-h', 'apple', 'g', 'h'], files: g, stdout: 'cherry apple\nx apple\n' },
  { args: ['-q', 'apple', 'g'], files: g, stdout: '' },
  { args: ['-E', 'a(p)+le|Date', 'g'], files: g, stdout: 'cherry apple\nDate\n' },
  { args: ['-F', 'a.p', 'g'], files: g, stdout: '', status: 1 },
  { args: ['a.p', 'g'], files: g, stdout: 'cherry apple\n' },
  { args: ['-w', 'app', 'g'], files: g, stdout: '', status: 1 },
  { args: ['-w', 'apple', 'g'], files: g, stdout: 'cherry apple\n' },
  { args: ['-x', 'Date', 'g'], files: g, stdout: 'Date\n' },
  { args: ['-e', 'pie', '-e', 'Date', 'g'], files: g, stdout: 'Apple pie\nDate\n' },
  { args: ['-r', 'apple', 'r/s'], files: r, stdout: 'r/s/c:apple 2\n' },
  { args: ['zzz', 'g'], files: g, stdout: '', status: 1 },
  {
    args: ['apple', 'nope', 'g'],
    files: g,
    stdout: 'g:cherry apple\n',
    stderr: 'grep: nope: No such file or directory\n',
    status: 2,
  },
  {
    args: ['-s', 'apple', 'nope', 'g'],
    files: g,
    stdout: 'g:cherry apple\n',
    stderr: '',
    status: 2,
  },
  { args: ['a\\(p\\)\\1', 'g'], files: g, stdout: 'cherry apple\n' },
  { args: ['[[:upper:]]a', 'g'], files: g, stdout: 'Date\n' },
  { args: ['-E', 'a{2}', 'g'], files: g, stdout: '', status: 1 },
  { args: ['x\\{1,\\}', 'h'], files: g, stdout: 'x apple\n' },
  { args: ['-m1', 'a', 'g'], files: g, stdout: 'banana\n' },
  { args: ['-A1', 'Apple', 'g'], files: g, stdout: 'Apple pie\nbanana\n' },
  { args: ['-B1', '-n', 'Date', 'g'], files: g, stdout: '3-cherry apple\n4:Date\n' },
  {
    args: ['-C1', 'banana\\|Date', 'g'],
    files: g,
    stdout: 'Apple pie\nbanana\ncherry apple\nDate\n',
  },
  {
    args: ['Statuses'],
    stdin: 'Name: x\nPods Statuses:  0 Active (0 Ready) / 3 Succeeded / 0 Failed\n',
    stdout: 'Pods Statuses:  0 Active (0 Ready) / 3 Succeeded / 0 Failed\n',
  },
  { args: ['^b.*a$', 'g'], files: g, stdout: 'banana\n' },
  { args: ['-c', ''], stdin: 'a\n\nb', stdout: '3\n' },
  { args: ['*a', 'g'], files: g, stdout: '', status: 1 },
  { args: ['-E', 'x+|^D', 'g', 'h'], files: g, stdout: 'g:Date\nh:x apple\n' },
];

appletCases('busybox', 'grep', grep, [
  ...common,
  { args: ['-E', '('], files: g, stdout: '', stderr: '', status: 1 },
  { args: ['-E', '(', 'g'], files: g, stdout: '', stderr: "grep: bad regex '('\n", status: 2 },
  { args: ['-A0', 'pie\\|Date', 'g'], files: g, stdout: 'Apple pie\nDate\n' },
  { args: ['\\(', 'g'], files: g, stdout: '', stderr: "grep: bad regex '\\('\n", status: 2 },
  { args: ['-r', 'apple'], stdin: '', stdout: '', status: 1 },
]);

appletCases('gnu', 'grep', grep, [
  ...common,
  { args: ['-E', '(', 'g'], files: g, stdout: '', stderr: 'grep: Unmatched ( or \\(\n', status: 2 },
  { args: ['\\(', 'g'], files: g, stdout: '', stderr: 'grep: Unmatched ( or \\(\n', status: 2 },
  { args: ['-r', 'apple'], files: { 'r/s/c': 'apple 2\n' }, stdout: 'r/s/c:apple 2\n' },
  { args: ['--count', 'a', 'g'], files: g, stdout: '3\n' },
  { args: ['-A0', 'pie\\|Date', 'g'], files: g, stdout: 'Apple pie\n--\nDate\n' },
]);
