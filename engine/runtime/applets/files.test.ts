import { appletCases } from './cases.oracle';
import { find } from './find';
import { cp, mkdir, mv, rm, rmdir, touch } from './fileops';

const logs = {
  files: { 'var/log/a.log': '', 'var/log/b.gz': 'x', 'var/log/sub/c.gz': '' },
  symlinks: { 'var/log/l': 'a.log' },
};

const findCommon = [
  { ...logs, args: ['var', '-name', '*.gz'], stdout: 'var/log/b.gz\nvar/log/sub/c.gz\n' },
  { ...logs, args: ['var/log', '-type', 'd'], stdout: 'var/log\nvar/log/sub\n' },
  { ...logs, args: ['var/log', '-type', 'l'], stdout: 'var/log/l\n' },
  { ...logs, args: ['var', '-mindepth', '3'], stdout: 'var/log/sub/c.gz\n' },
  { ...logs, args: ['var/log', '!', '-name', '*.gz', '-type', 'f'], stdout: 'var/log/a.log\n' },
  {
    ...logs,
    args: ['var/log', '-name', 'a*', '-o', '-name', 'b*'],
    stdout: 'var/log/a.log\nvar/log/b.gz\n',
    oracle: false,
  },
  { ...logs, args: ['var/log', '-iname', 'A.LOG'], stdout: 'var/log/a.log\n' },
  { ...logs, args: ['var/log', '-path', '*/sub/*'], stdout: 'var/log/sub/c.gz\n' },
  { ...logs, args: ['var/log/sub', '-maxdepth', '0'], stdout: 'var/log/sub\n' },
  { ...logs, args: ['var/log/sub', '-empty'], stdout: 'var/log/sub/c.gz\n' },
];

appletCases('busybox', 'find', find, [
  ...findCommon,
  { args: ['nope'], stdout: '', stderr: 'find: nope: No such file or directory\n', status: 1 },
  {
    ...logs,
    args: ['var/log', '-name', '*.gz', '-size', '-1'],
    stdout: 'var/log/b.gz\nvar/log/sub/c.gz\n',
    oracle: false,
  },
  {
    ...logs,
    args: ['var/log', '-name'],
    stdout: '',
    stderr: 'find: -name requires an argument\n',
    status: 1,
  },
  {
    ...logs,
    args: ['var/log', '-bogus'],
    stdout: '',
    stderrStart: 'find: unrecognized: -bogus\n@BANNER@\n',
    status: 1,
  },
]);

appletCases('gnu', 'find', find, [
  ...findCommon,
  {
    args: ['nope'],
    stdout: '',
    stderr: "find: 'nope': No such file or directory\n",
    status: 1,
    env: { LC_ALL: 'C' },
  },
  { ...logs, args: ['var/log', '-name', '*.gz', '-size', '-1'], stdout: 'var/log/sub/c.gz\n' },
  {
    ...logs,
    args: ['var/log', '-name'],
    stdout: '',
    stderr: "find: missing argument to `-name'\n",
    status: 1,
  },
]);

appletCases('busybox', 'mkdir', mkdir, [
  { args: ['-p', 'x/y', 'x/y'], stdout: '' },
  {
    args: ['d'],
    dirs: ['d'],
    stdout: '',
    stderr: "mkdir: can't create directory 'd': File exists\n",
    status: 1,
  },
  {
    args: ['a/b'],
    stdout: '',
    stderr: "mkdir: can't create directory 'a/b': No such file or directory\n",
    status: 1,
  },
]);
appletCases('gnu', 'mkdir', mkdir, [
  {
    args: ['d'],
    dirs: ['d'],
    stdout: '',
    stderr: "mkdir: cannot create directory 'd': File exists\n",
    status: 1,
    env: { LC_ALL: 'C' },
  },
  {
    args: [],
    stdout: '',
    stderr: "mkdir: missing operand\nTry 'mkdir --help' for more information.\n",
    status: 1,
  },
]);

appletCases('busybox', 'rm', rm, [
  {
    args: ['nope'],
    stdout: '',
    stderr: "rm: can't remove 'nope': No such file or directory\n",
    status: 1,
  },
  { args: ['d'], dirs: ['d'], stdout: '', stderr: "rm: 'd' is a directory\n", status: 1 },
  { args: ['-f', 'nope'], stdout: '' },
  { args: ['-r', 'd', 'f'], files: { 'd/e/x': '', f: '' }, stdout: '' },
]);
appletCases('gnu', 'rm', rm, [
  {
    args: ['nope'],
    stdout: '',
    stderr: "rm: cannot remove 'nope': No such file or directory\n",
    status: 1,
  },
  {
    args: ['d'],
    dirs: ['d'],
    stdout: '',
    stderr: "rm: cannot remove 'd': Is a directory\n",
    status: 1,
  },
  { args: ['-rf', 'd'], files: { 'd/e/x': '' }, stdout: '' },
]);

appletCases('busybox', 'rmdir', rmdir, [
  {
    args: ['d'],
    files: { 'd/x': '' },
    stdout: '',
    stderr: "rmdir: 'd': Directory not empty\n",
    status: 1,
  },
  { args: ['-p', 'a/b'], dirs: ['a/b'], stdout: '' },
]);
appletCases('gnu', 'rmdir', rmdir, [
  {
    args: ['d'],
    files: { 'd/x': '' },
    stdout: '',
    stderr: "rmdir: failed to remove 'd': Directory not empty\n",
    status: 1,
  },
]);

appletCases('busybox', 'touch', touch, [
  { args: ['a/b'], stdout: '', stderr: 'touch: a/b: No such file or directory\n', status: 1 },
  { args: ['x', 'y'], stdout: '' },
]);
appletCases('gnu', 'touch', touch, [
  {
    args: ['a/b'],
    stdout: '',
    stderr: "touch: cannot touch 'a/b': No such file or directory\n",
    status: 1,
  },
]);

appletCases('busybox', 'cp', cp, [
  {
    args: ['nope', 'x'],
    stdout: '',
    stderr: "cp: can't stat 'nope': No such file or directory\n",
    status: 1,
  },
  { args: ['d', 'x'], dirs: ['d'], stdout: '', stderr: "cp: omitting directory 'd'\n", status: 1 },
  {
    args: ['f', 'f'],
    files: { f: '' },
    stdout: '',
    stderr: "cp: 'f' and 'f' are the same file\n",
    status: 1,
  },
  { args: ['-r', 'd', 'e'], files: { 'd/x': '1' }, stdout: '' },
  {
    args: ['f', 'g', 'h'],
    files: { f: '', g: '' },
    stdout: '',
    stderr:
      "cp: can't create 'h/f': No such file or directory\ncp: can't create 'h/g': No such file or directory\n",
    status: 1,
  },
  {
    args: ['f', 'g', 'h'],
    files: { f: '', g: '', h: '' },
    stdout: '',
    stderr: "cp: can't stat 'h/f': Not a directory\ncp: can't stat 'h/g': Not a directory\n",
    status: 1,
  },
]);
appletCases('gnu', 'cp', cp, [
  {
    args: ['nope', 'x'],
    stdout: '',
    stderr: "cp: cannot stat 'nope': No such file or directory\n",
    status: 1,
  },
  {
    args: ['d', 'x'],
    dirs: ['d'],
    stdout: '',
    stderr: "cp: -r not specified; omitting directory 'd'\n",
    status: 1,
  },
  {
    args: ['f', 'f'],
    files: { f: '' },
    stdout: '',
    stderr: "cp: 'f' and 'f' are the same file\n",
    status: 1,
  },
  {
    args: ['f', 'g', 'h'],
    files: { f: '', g: '' },
    stdout: '',
    stderr: "cp: target 'h': No such file or directory\n",
    status: 1,
  },
]);

appletCases('busybox', 'mv', mv, [
  {
    args: ['nope', 'x'],
    stdout: '',
    stderr: "mv: can't rename 'nope': No such file or directory\n",
    status: 1,
  },
  {
    args: ['d', 'd/e'],
    dirs: ['d/e'],
    stdout: '',
    stderr: "mv: can't rename 'd': Invalid argument\n",
    status: 1,
  },
  { args: ['f', 'd'], files: { f: '' }, dirs: ['d'], stdout: '' },
]);
appletCases('gnu', 'mv', mv, [
  {
    args: ['nope', 'x'],
    stdout: '',
    stderr: "mv: cannot stat 'nope': No such file or directory\n",
    status: 1,
  },
  {
    args: ['d', 'd/e'],
    dirs: ['d/e'],
    stdout: '',
    stderr: "mv: cannot move 'd' to a subdirectory of itself, 'd/e/d'\n",
    status: 1,
  },
]);
