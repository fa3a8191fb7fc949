/** Reading /etc/passwd and /etc/group of a process's file system, as getpwuid/getgrgid do. */
import type { Process } from '../kernel';

/** One /etc/passwd entry. */
export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

/** One /etc/group entry. */
export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

function lines(proc: Process, path: string): string[][] {
  const r = proc.ns.fs.readFile(path);
  if (!r.ok) return [];
  return r.value
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(':'));
}

/** Every /etc/passwd entry. */
export function passwd(proc: Process): PasswdEntry[] {
  return lines(proc, '/etc/passwd').map((f) => ({
    name: f[0],
    uid: Number(f[2]),
    gid: Number(f[3]),
    home: f[5] ?? '/',
    shell: f[6] ?? '',
  }));
}

/** Every /etc/group entry. */
export function groups(proc: Process): GroupEntry[] {
  return lines(proc, '/etc/group').map((f) => ({
    name: f[0],
    gid: Number(f[2]),
    members: (f[3] ?? '').split(',').filter(Boolean),
  }));
}

/** The user name of a uid, if /etc/passwd has one. */
export function userName(proc: Process, uid: number): string | undefined {
  return passwd(proc).find((p) => p.uid === uid)?.name;
}

/** The group name of a gid, if /etc/group has one. */
export function groupName(proc: Process, gid: number): string | undefined {
  return groups(proc).find((g) => g.gid === gid)?.name;
}

/**
 * The supplementary groups a container runtime gives a user: its primary group plus every
 * group listing it as a member (containerd reads the image's /etc/group this way).
 */
export function supplementaryGroups(
  proc: Process,
  user: string | undefined,
  gid: number,
): number[] {
  const out = [gid];
  if (user)
    for (const g of groups(proc))
      if (g.members.includes(user) && !out.includes(g.gid)) out.push(g.gid);
  return out;
}
