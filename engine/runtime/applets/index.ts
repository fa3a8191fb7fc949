/**
 * Every applet, by flavour: the busybox applets alpine and busybox images link, and the GNU
 * programs of a Debian/Ubuntu system (coreutils, grep, findutils, procps, hostname).
 */
import type { AppletFactory } from './applet';
import { trueApplet, falseApplet, yes } from './trivial';
import { basename, dirname } from './names';
import { hostname, id, uname, uptime, whoami } from './identity';
import { date } from './date';
import { cat } from './cat';
import { seq } from './seq';
import { sleep } from './sleep';
import { wc } from './wc';
import { head } from './head';
import { tail } from './tail';
import { sort } from './sort';
import { grep, egrep, fgrep } from './grep';
import { ls } from './ls';
import { find } from './find';
import { cp, mkdir, mv, rm, rmdir, touch } from './fileops';
import { cut, tee, tr } from './text';
import { env, printenv } from './env';
import { ps } from './ps';
import { kill } from './kill';
import { gzip, gunzip, zcat } from './gzip';
import { tar } from './tar';
import { nc } from './nc';
import { wget } from './wget';
import { chmod } from './chmod';
import { pwd } from './pwd';
import { timeout } from './timeout';

/** busybox applets implemented here, by applet name. */
export const BUSYBOX_APPLETS: Readonly<Record<string, AppletFactory>> = {
  basename,
  cat,
  chmod,
  cp,
  cut,
  date,
  dirname,
  egrep,
  env,
  false: falseApplet,
  fgrep,
  find,
  grep,
  gunzip,
  gzip,
  head,
  hostname,
  id,
  kill,
  ls,
  mkdir,
  mv,
  nc,
  printenv,
  ps,
  pwd,
  rm,
  rmdir,
  seq,
  sleep,
  sort,
  tail,
  tar,
  tee,
  timeout,
  touch,
  tr,
  true: trueApplet,
  uname,
  uptime,
  wc,
  wget,
  whoami,
  yes,
  zcat,
};

/** GNU programs implemented here, by command name. */
export const GNU_PROGRAMS: Readonly<Record<string, AppletFactory>> = {
  basename,
  cat,
  chmod,
  cp,
  cut,
  date,
  dirname,
  env,
  false: falseApplet,
  find,
  grep,
  head,
  hostname,
  id,
  kill,
  ls,
  mkdir,
  mv,
  printenv,
  ps,
  pwd,
  rm,
  rmdir,
  seq,
  sleep,
  sort,
  tail,
  tee,
  timeout,
  touch,
  tr,
  true: trueApplet,
  uname,
  uptime,
  wc,
  whoami,
  yes,
};

/** Applets the shell helper provides as standalone programs (builtins with a binary too). */
export const SHELL_APPLETS = ['echo', 'printf', 'test', '[', '[['] as const;

/** Where alpine puts each busybox applet link (/bin or /usr/bin), as its busybox package does. */
export const ALPINE_APPLET_DIRS: Readonly<Record<string, '/bin' | '/usr/bin'>> = {
  ash: '/bin',
  busybox: '/bin',
  cat: '/bin',
  chmod: '/bin',
  cp: '/bin',
  date: '/bin',
  echo: '/bin',
  egrep: '/bin',
  false: '/bin',
  fgrep: '/bin',
  grep: '/bin',
  gunzip: '/bin',
  gzip: '/bin',
  hostname: '/bin',
  kill: '/bin',
  ls: '/bin',
  mkdir: '/bin',
  mv: '/bin',
  printenv: '/bin',
  ps: '/bin',
  pwd: '/bin',
  rm: '/bin',
  rmdir: '/bin',
  sh: '/bin',
  sleep: '/bin',
  tar: '/bin',
  touch: '/bin',
  true: '/bin',
  uname: '/bin',
  zcat: '/bin',
  '[': '/usr/bin',
  '[[': '/usr/bin',
  basename: '/usr/bin',
  cut: '/usr/bin',
  dirname: '/usr/bin',
  env: '/usr/bin',
  find: '/usr/bin',
  head: '/usr/bin',
  id: '/usr/bin',
  nc: '/usr/bin',
  printf: '/usr/bin',
  seq: '/usr/bin',
  sort: '/usr/bin',
  tail: '/usr/bin',
  tee: '/usr/bin',
  timeout: '/usr/bin',
  test: '/usr/bin',
  tr: '/usr/bin',
  uptime: '/usr/bin',
  wc: '/usr/bin',
  wget: '/usr/bin',
  whoami: '/usr/bin',
  yes: '/usr/bin',
};
