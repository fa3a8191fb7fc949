/**
 * The simulated userland, assembled: one program registry with every program under a stable
 * name, and the image catalog whose root file systems link to those names.
 *
 * Program names:
 * - `busybox:NAME` — busybox 1.36 applets as alpine builds them (cat, date, find, grep, ls, nc,
 *   seq, sleep, sort, tar, wc, wget, …; see `BUSYBOX_APPLETS`), and `busybox:busybox`, the
 *   multi-call binary.
 * - `gnu:NAME` — GNU coreutils/grep/findutils/procps behaviour for the learner's workstation and
 *   Debian-based images (`GNU_PROGRAMS`).
 * - `sh`, `bash` — the shells, and `busybox:echo|printf|test|[|[[`, `gnu:echo|printf|test|[` —
 *   builtins that also exist as programs. These come from the shell interpreter
 *   (engine/runtime/sh), passed in through `createUserland({ shells })`.
 * - `perl` (perl 5.34), `perl5.36` (its bpi(2000) dies), `perl5.40`.
 * - `nginx@VERSION`, `nginx-entrypoint@VERSION` — the nginx image's server and entrypoint.
 * - `go-myweb` — ghcr.io/c1t1d0s7/go-myweb's /myweb.
 * - `fluentd@VERSION`, `fluentd-elasticsearch@VERSION` — the fluentd agents.
 */
import type { Program, ProcessNamespace } from './kernel';
import { MapRegistry } from './namespace';
import { BUSYBOX_APPLETS, GNU_PROGRAMS, SHELL_APPLETS } from './applets';
import { defaultSystemInfo, type SystemInfo } from './applets/common';
import { createBusyboxMulticall } from './applets/busybox';
import { createImageCatalog, IMAGE_PROGRAMS, type CatalogOptions } from './images/catalog';
import { createNginx, createNginxEntrypoint } from './images/nginx';
import { execLike } from './images/exec-like';
import { createMyweb } from './images/go-myweb';
import { createFluentd } from './images/fluentd';
import { createPerl, PERL_5_34, PERL_5_36, PERL_5_40 } from './perl/perl';
import type { ImageCatalog } from './image';

/** Programs the shell helper provides. */
export interface ShellPrograms {
  /** busybox ash: /bin/sh of alpine and busybox (and, simplified, Debian's dash). */
  sh?: Program;
  /** bash: the workstation's and Debian images' bash. */
  bash?: Program;
  /** busybox builtins that are also applets (/bin/echo, /usr/bin/printf, /usr/bin/[, …). */
  busyboxApplets?: Partial<Record<(typeof SHELL_APPLETS)[number], Program>>;
  /** GNU coreutils echo, printf, test and [ (/usr/bin/echo, …). */
  gnuPrograms?: Partial<Record<Exclude<(typeof SHELL_APPLETS)[number], '[['>, Program>>;
}

/** How to build the userland. */
export interface UserlandOptions {
  /** The shell interpreter's programs (from engine/runtime/sh, a parallel branch). */
  shells?: ShellPrograms;
  /** Machine facts: node kernel, boot time, credentials. */
  system?: Partial<SystemInfo>;
  /** Image catalog options (e.g. the failing unpinned perl). */
  catalog?: CatalogOptions;
}

/** The assembled userland. */
export interface Userland {
  programs: UserlandRegistry;
  images: ImageCatalog;
  system: SystemInfo;
}

/**
 * A MapRegistry that also builds versioned server programs on demand: `nginx@1.27.3` asks the
 * `nginx` family for version 1.27.3 (and keeps the result).
 */
export class UserlandRegistry extends MapRegistry {
  private readonly families = new Map<string, (version: string) => Program>();

  /** Registers a program family reached as `NAME@VERSION`. */
  addFamily(name: string, make: (version: string) => Program): this {
    this.families.set(name, make);
    return this;
  }

  override get(name: string): Program | undefined {
    const direct = super.get(name);
    if (direct) return direct;
    const at = name.indexOf('@');
    if (at < 0) return undefined;
    const make = this.families.get(name.slice(0, at));
    if (!make) return undefined;
    const program = make(name.slice(at + 1));
    this.add(name, program);
    return program;
  }
}

/** Builds the registry and the catalog. */
export function createUserland(options: UserlandOptions = {}): Userland {
  const system: SystemInfo = { ...defaultSystemInfo(), ...options.system };
  const registry = new UserlandRegistry();
  for (const [name, factory] of Object.entries(BUSYBOX_APPLETS))
    registry.add(`busybox:${name}`, factory('busybox', system));
  for (const [name, factory] of Object.entries(GNU_PROGRAMS))
    registry.add(`gnu:${name}`, factory('gnu', system));
  const shells = options.shells ?? {};
  if (shells.sh) registry.add(IMAGE_PROGRAMS.sh, shells.sh);
  if (shells.bash) registry.add(IMAGE_PROGRAMS.bash, shells.bash);
  for (const [name, program] of Object.entries(shells.busyboxApplets ?? {}))
    if (program) registry.add(`busybox:${name}`, program);
  for (const [name, program] of Object.entries(shells.gnuPrograms ?? {}))
    if (program) registry.add(`gnu:${name}`, program);
  const appletNames = [
    ...Object.keys(BUSYBOX_APPLETS),
    ...SHELL_APPLETS.filter((n) => registry.get(`busybox:${n}`)),
    'sh',
    'ash',
  ];
  registry.add(IMAGE_PROGRAMS.busybox, createBusyboxMulticall(registry, appletNames));
  if (shells.sh) registry.add('busybox:sh', shells.sh).add('busybox:ash', shells.sh);

  registry.add(IMAGE_PROGRAMS.perl534, createPerl(PERL_5_34));
  registry.add(IMAGE_PROGRAMS.perl536, createPerl(PERL_5_36));
  registry.add(IMAGE_PROGRAMS.perl540, createPerl(PERL_5_40));

  const kernel = (proc: { ns: ProcessNamespace }) => system.kernel(proc.ns);
  registry.addFamily(IMAGE_PROGRAMS.nginx, (version) => createNginx({ version, kernel }));
  registry.addFamily(IMAGE_PROGRAMS.nginxEntrypoint, (version) =>
    createNginxEntrypoint({ version, kernel }, (proc, argv) => execLike(proc, argv)),
  );
  registry.add(
    IMAGE_PROGRAMS.goMyweb,
    createMyweb({ bootTime: (proc) => system.bootTime(proc.ns) }),
  );
  registry.addFamily(IMAGE_PROGRAMS.fluentd, (version) =>
    createFluentd({
      version,
      ruby: '3.2.4',
      configPath: '/fluentd/etc/fluent.conf',
      tails: [],
      forward: true,
    }),
  );
  registry.addFamily(IMAGE_PROGRAMS.fluentdElasticsearch, (version) =>
    createFluentd({
      version,
      ruby: '2.7.8',
      configPath: '/etc/fluent/fluent.conf',
      tails: ['/var/log/containers/*.log', '/var/log/*.log'],
      forward: false,
    }),
  );
  return { programs: registry, images: createImageCatalog(options.catalog), system };
}
