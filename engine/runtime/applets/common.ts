/**
 * What every applet shares: the flavour (busybox on alpine, GNU on the learner's workstation),
 * the busybox banner, the applet name used in messages, and GNU's file-name quoting.
 */
import { baseName } from '../fs';
import type { Errno } from '../fs';
import { ERRNO_TEXT } from '../fs';
import type { Process, ProcessNamespace } from '../kernel';
import type { Instant } from '../../time/instant';

/** Which implementation an applet imitates: busybox 1.36 (alpine, busybox) or GNU coreutils. */
export type Flavour = 'busybox' | 'gnu';

/**
 * The banner busybox prints above usage text. Alpine 3.19–3.20 and the busybox:1.36 image
 * ship busybox 1.36.1.
 */
// @simplified: one build string for every image; real alpine and busybox images differ in the
// build date inside the parentheses.
export const BUSYBOX_BANNER = 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.';

/** The GNU coreutils version the workstation imitates (Cloud Shell's Ubuntu 24.04). */
export const COREUTILS_VERSION = '9.4';

/**
 * The name an applet uses in its messages. Busybox uses the applet name (the base name of
 * argv[0]); GNU programs use argv[0] as given (`/bin/cat: x: No such file or directory`).
 */
export function progName(proc: Process, flavour: Flavour, fallback: string): string {
  const arg0 = proc.argv[0] ?? fallback;
  if (flavour === 'gnu') return arg0 || fallback;
  return baseName(arg0) || fallback;
}

/** strerror() text of an errno. */
export function strerror(errno: Errno | string): string {
  return (ERRNO_TEXT as Record<string, string>)[errno] ?? errno;
}

/** Characters GNU's shell quoting style leaves unquoted. */
const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * Quotes a file name as GNU coreutils does in diagnostics (`quotef`, shell-escape style):
 * unchanged when it has no special characters, otherwise in single quotes.
 */
export function quoteGnu(name: string): string {
  if (name !== '' && SHELL_SAFE.test(name)) return name;
  if (!name.includes("'")) return `'${name}'`;
  // Embedded single quotes close the quoted run, are escaped, and reopen it.
  return `'${name.replace(/'/g, `'\\''`)}'`;
}

/** Quotes a name always, as GNU's `quoteaf` does (`ls: cannot access 'x'`). */
export function quoteAlways(name: string): string {
  return `'${name.replace(/'/g, `'\\''`)}'`;
}

/**
 * Quotes a value as GNU's `quote()` does in messages such as `sleep: invalid time interval 'x'`.
 */
// @simplified: the C-locale form with ASCII apostrophes; in UTF-8 locales GNU prints ‘curly’
// quotes here.
export function quoteLocale(value: string): string {
  return `'${value}'`;
}

/** What `uname` reports for a namespace's (node's) kernel. */
export interface KernelInfo {
  release: string;
  version: string;
  machine: string;
}

/** Facts about the simulated machines that applets report (uname, uptime, id). */
export interface SystemInfo {
  /** The kernel of the node (or workstation) a namespace runs on. */
  kernel(ns: ProcessNamespace): KernelInfo;
  /** When that machine booted (for `uptime` and /proc-like answers). */
  bootTime(ns: ProcessNamespace): Instant;
  /** The user and group a process runs as (containers: root). */
  credentials(proc: Process): { uid: number; gid: number };
}

/** A GKE node's Container-Optimized OS kernel, as `uname` shows it. */
export const GKE_KERNEL: KernelInfo = {
  release: '6.1.112+',
  version: '#1 SMP PREEMPT_DYNAMIC Sat Oct 19 16:19:06 UTC 2024',
  machine: 'x86_64',
};

/** Defaults: every machine runs the GKE kernel, booted when first asked about, root everywhere. */
export function defaultSystemInfo(): SystemInfo {
  const booted = new WeakMap<ProcessNamespace, Instant>();
  return {
    kernel: () => GKE_KERNEL,
    bootTime(ns) {
      let t = booted.get(ns);
      if (t === undefined) {
        // @simplified: without a node boot time from the cluster, a machine "boots" the first
        // time a program asks, minus nothing; the lead wires real node start times.
        const first = [...ns.processes][0];
        t = first ? first.now() : 0;
        booted.set(ns, t);
      }
      return t;
    },
    credentials: () => ({ uid: 0, gid: 0 }),
  };
}
