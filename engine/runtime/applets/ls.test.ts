import { appletCases } from './cases.oracle';
import { ls } from './ls';

// Files older than six months (relative to both the simulation and the host) show their year.
const OLD = Date.UTC(2023, 2, 4, 5, 6, 7);
const tree = {
  files: {
    'a.txt': 'hello\n',
    big: '0'.repeat(5000),
    'run.sh': '#!/bin/sh\n',
    '.hidden': '',
    'dir/sub/x': 'x',
  },
  symlinks: { link: 'a.txt' },
  modes: { 'run.sh': 0o755 },
  mtime: OLD,
};

appletCases('busybox', 'ls', ls, [
  { ...tree, args: [], stdout: 'a.txt\nbig\ndir\nlink\nrun.sh\n' },
  { ...tree, args: ['-a'], stdout: '.\n..\n.hidden\na.txt\nbig\ndir\nlink\nrun.sh\n' },
  { ...tree, args: ['-A'], stdout: '.hidden\na.txt\nbig\ndir\nlink\nrun.sh\n' },
  {
    ...tree,
    args: ['-l'],
    stdout:
      'total 20\n' +
      '-rw-r--r--    1 root     root             6 Mar  4  2023 a.txt\n' +
      '-rw-r--r--    1 root     root          5000 Mar  4  2023 big\n' +
      'drwxr-xr-x    3 root     root          4096 Mar  4  2023 dir\n' +
      'lrwxrwxrwx    1 root     root             5 Mar  4  2023 link -> a.txt\n' +
      '-rwxr-xr-x    1 root     root            10 Mar  4  2023 run.sh\n',
  },
  {
    ...tree,
    args: ['-lh', 'big', 'dir'],
    stdout:
      '-rw-r--r--    1 root     root        4.9K Mar  4  2023 big\n\ndir:\ntotal 4K     \ndrwxr-xr-x    2 root     root        4.0K Mar  4  2023 sub\n',
  },
  { ...tree, args: ['-R', 'dir'], stdout: 'dir:\nsub\n\ndir/sub:\nx\n' },
  { ...tree, args: ['-F'], stdout: 'a.txt\nbig\ndir/\nlink@\nrun.sh*\n' },
  { ...tree, args: ['-p', 'dir'], stdout: 'sub/\n' },
  {
    ...tree,
    args: ['-ld', 'dir'],
    stdout: 'drwxr-xr-x    3 root     root          4096 Mar  4  2023 dir\n',
  },
  {
    ...tree,
    args: ['-1', 'nope', 'a.txt'],
    stdout: 'a.txt\n',
    stderr: 'ls: nope: No such file or directory\n',
    status: 1,
  },
  { ...tree, args: ['-r'], stdout: 'run.sh\nlink\ndir\nbig\na.txt\n' },
  { ...tree, args: ['-S'], stdout: 'big\ndir\nrun.sh\na.txt\nlink\n' },
  { ...tree, args: ['a.txt', 'dir'], stdout: 'a.txt\n\ndir:\nsub\n' },
  {
    ...tree,
    args: ['-n', 'a.txt'],
    stdout: '-rw-r--r--    1 0        0                6 Mar  4  2023 a.txt\n',
  },
  // On a terminal: columns of one width (longest name + 2) and colours by type.
  {
    ...tree,
    tty: 30,
    args: [],
    stdout:
      '\x1b[0;0ma.txt\x1b[m   \x1b[1;34mdir\x1b[m     \x1b[1;32mrun.sh\x1b[m\n' +
      '\x1b[0;0mbig\x1b[m     \x1b[1;36mlink\x1b[m\n',
  },
  { ...tree, tty: 80, args: ['--color=never'], stdout: 'a.txt   big     dir     link    run.sh\n' },
  {
    ...tree,
    args: ['--color=always'],
    stdout:
      '\x1b[0;0ma.txt\x1b[m\n\x1b[0;0mbig\x1b[m\n\x1b[1;34mdir\x1b[m\n\x1b[1;36mlink\x1b[m\n\x1b[1;32mrun.sh\x1b[m\n',
  },
]);

appletCases('gnu', 'ls', ls, [
  { ...tree, args: [], stdout: 'a.txt\nbig\ndir\nlink\nrun.sh\n' },
  {
    ...tree,
    args: ['-l'],
    stdout:
      'total 20\n' +
      '-rw-r--r-- 1 root root    6 Mar  4  2023 a.txt\n' +
      '-rw-r--r-- 1 root root 5000 Mar  4  2023 big\n' +
      'drwxr-xr-x 3 root root 4096 Mar  4  2023 dir\n' +
      'lrwxrwxrwx 1 root root    5 Mar  4  2023 link -> a.txt\n' +
      '-rwxr-xr-x 1 root root   10 Mar  4  2023 run.sh\n',
  },
  {
    ...tree,
    args: ['-lh', 'big', 'dir'],
    stdout:
      '-rw-r--r-- 1 root root 4.9K Mar  4  2023 big\n\ndir:\ntotal 4.0K\ndrwxr-xr-x 2 root root 4.0K Mar  4  2023 sub\n',
  },
  {
    ...tree,
    args: ['-1', 'nope', 'a.txt'],
    stdout: 'a.txt\n',
    stderr: "ls: cannot access 'nope': No such file or directory\n",
    status: 2,
  },
  { ...tree, args: ['-F'], stdout: 'a.txt\nbig\ndir/\nlink@\nrun.sh*\n' },
  { ...tree, args: ['-R', 'dir'], stdout: 'dir:\nsub\n\ndir/sub:\nx\n' },
  {
    ...tree,
    args: ['-z'],
    stdout: '',
    stderr: "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n",
    status: 2,
  },
  { ...tree, args: ['-C', '-w', '20'], stdout: 'a.txt  dir   run.sh\nbig    link\n' },
  {
    ...tree,
    args: ['--color=always', '-1'],
    env: { TERM: 'xterm' },
    stdout:
      'a.txt\nbig\n\x1b[0m\x1b[01;34mdir\x1b[0m\n\x1b[01;36mlink\x1b[0m\n\x1b[01;32mrun.sh\x1b[0m\n',
  },
]);
