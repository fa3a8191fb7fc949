/**
 * Who and where: `hostname`, `whoami`, `id`, `uname` and `uptime` (busybox networking/hostname.c,
 * coreutils/whoami.c, id.c, uname.c, procps/uptime.c; GNU coreutils and procps for the
 * workstation).
 */
import { defineApplet } from './applet';
import { groupName, passwd, supplementaryGroups, userName } from './accounts';
import { breakDown, timeZoneFromEnv } from './tz';

/** `hostname [-sidf] [NAME]`: prints the namespace's host name; setting it needs privileges. */
export const hostname = defineApplet(
  {
    name: 'hostname',
    busybox: { short: 'sidfF:' },
    gnu: {
      short: 'sidfF:aAIyb',
      long: {
        short: { key: 's' },
        'ip-address': { key: 'i' },
        domain: { key: 'd' },
        fqdn: { key: 'f' },
        long: { key: 'f' },
        file: { key: 'F', arg: 'required' },
        'all-ip-addresses': { key: 'I' },
      },
    },
    usage: {
      synopsis: '[-sidf] [HOSTNAME | -F FILE]',
      help: 'Show or set the host name\n\n\t-F FILE\tTake the name from FILE\n\t-s\tShort name\n\t-i\tAddresses for the host name\n\t-d\tDNS domain name\n\t-f\tFully qualified name',
    },
    gnuSynopsis: '[-s] [-i] [-d] [-f] [NAME]',
    gnuVersion: 'hostname 3.23+nmu2',
  },
  function* (a, opts) {
    const ns = a.proc.ns;
    if (opts.operands.length > 0 || opts.has('F')) {
      // Containers lack CAP_SYS_ADMIN in their UTS namespace.
      yield* a.error('sethostname: Operation not permitted');
      return 1;
    }
    const name = ns.hostname;
    if (opts.has('i') || opts.has('I')) {
      const ips = ns.net.ips.filter((ip) => ip !== '127.0.0.1');
      yield* a.proc.out(`${(ips.length ? ips : ['127.0.0.1']).join(' ')}${a.gnu ? ' ' : ''}\n`);
      return 0;
    }
    const dot = name.indexOf('.');
    if (opts.has('s')) yield* a.proc.out(`${dot >= 0 ? name.slice(0, dot) : name}\n`);
    else if (opts.has('d')) yield* a.proc.out(`${dot >= 0 ? name.slice(dot + 1) : ''}\n`);
    else yield* a.proc.out(`${name}\n`);
    return 0;
  },
);

/** `whoami`: the name of the effective user. */
export const whoami = defineApplet(
  {
    name: 'whoami',
    busybox: { short: '' },
    gnu: { short: '' },
    usage: { synopsis: '', help: 'Print the name of the effective user' },
    gnuSynopsis: '[OPTION]...',
  },
  function* (a, opts) {
    if (opts.operands.length > 0)
      return yield* a.usageError(a.gnu ? `extra operand '${opts.operands[0]}'` : undefined);
    const { uid } = a.sys.credentials(a.proc);
    const name = userName(a.proc, uid);
    if (name === undefined) {
      yield* a.error(a.gnu ? `cannot find name for user ID ${uid}` : `unknown uid ${uid}`);
      return 1;
    }
    yield* a.proc.out(`${name}\n`);
    return 0;
  },
);

/** `id [-ugGnr] [USER]`: user and group ids with names. */
export const id = defineApplet(
  {
    name: 'id',
    busybox: { short: 'ugGnr' },
    gnu: {
      short: 'ugGnrzaZ',
      long: {
        user: { key: 'u' },
        group: { key: 'g' },
        groups: { key: 'G' },
        name: { key: 'n' },
        real: { key: 'r' },
        zero: { key: 'z' },
      },
    },
    usage: {
      synopsis: '[-ugGnr] [USER]',
      help: 'Print user and group ids of USER or of this process\n\n\t-u\tUser id only\n\t-g\tGroup id only\n\t-G\tAll group ids\n\t-n\tNames instead of numbers\n\t-r\tReal ids instead of effective ones',
    },
    gnuSynopsis: '[OPTION]... [USER]...',
  },
  function* (a, opts) {
    let uid: number;
    let gid: number;
    let user: string | undefined;
    if (opts.operands.length > 0) {
      const wanted = opts.operands[0];
      const entry = passwd(a.proc).find((p) => p.name === wanted || String(p.uid) === wanted);
      if (!entry) {
        yield* a.error(a.gnu ? `'${wanted}': no such user` : `unknown user ${wanted}`);
        return 1;
      }
      ({ uid, gid } = entry);
      user = entry.name;
    } else {
      ({ uid, gid } = a.sys.credentials(a.proc));
      user = userName(a.proc, uid);
    }
    const all = supplementaryGroups(a.proc, user, gid);
    const names = opts.has('n');
    const gname = (g: number) => groupName(a.proc, g);
    const show = (n: number, name: string | undefined) => (names ? (name ?? String(n)) : String(n));
    if (opts.has('u')) {
      yield* a.proc.out(`${show(uid, user)}\n`);
      return 0;
    }
    if (opts.has('g')) {
      yield* a.proc.out(`${show(gid, gname(gid))}\n`);
      return 0;
    }
    if (opts.has('G')) {
      yield* a.proc.out(`${all.map((g) => show(g, gname(g))).join(' ')}\n`);
      return 0;
    }
    const named = (n: number, name: string | undefined) => (name ? `${n}(${name})` : `${n}`);
    const groupsPart = all.map((g) => named(g, gname(g))).join(',');
    yield* a.proc.out(
      `uid=${named(uid, user)} gid=${named(gid, gname(gid))} groups=${groupsPart}\n`,
    );
    return 0;
  },
);

/** `uname [-snrvmpioa]`: the node's kernel. */
export const uname = defineApplet(
  {
    name: 'uname',
    busybox: { short: 'asnrvmipo' },
    gnu: {
      short: 'asnrvmipo',
      long: {
        all: { key: 'a' },
        'kernel-name': { key: 's' },
        nodename: { key: 'n' },
        'kernel-release': { key: 'r' },
        'kernel-version': { key: 'v' },
        machine: { key: 'm' },
        processor: { key: 'p' },
        'hardware-platform': { key: 'i' },
        'operating-system': { key: 'o' },
      },
    },
    usage: {
      synopsis: '[-amnrspvio]',
      help: 'Print system information\n\n\t-a\tEverything (except unknown -p and -i)\n\t-m\tMachine (hardware) type\n\t-n\tHost name\n\t-r\tKernel release\n\t-s\tKernel name (default)\n\t-p\tProcessor type\n\t-v\tKernel version\n\t-i\tHardware platform\n\t-o\tOperating system',
    },
    gnuSynopsis: '[OPTION]...',
  },
  function* (a, opts) {
    if (opts.operands.length > 0)
      return yield* a.usageError(a.gnu ? `extra operand '${opts.operands[0]}'` : undefined);
    const k = a.sys.kernel(a.proc.ns);
    // busybox prints "Linux" as the OS on musl and "GNU/Linux" on glibc (uname.c).
    const fields: Array<[string, string]> = [
      ['s', 'Linux'],
      ['n', a.proc.ns.hostname],
      ['r', k.release],
      ['v', k.version],
      ['m', k.machine],
      ['p', 'unknown'],
      ['i', 'unknown'],
      ['o', a.gnu ? 'GNU/Linux' : 'Linux'],
    ];
    const all = opts.has('a');
    let chosen = fields.filter(([f]) => opts.has(f));
    if (all) chosen = fields.filter(([f]) => (f !== 'p' && f !== 'i') || opts.has(f));
    if (chosen.length === 0) chosen = [fields[0]];
    yield* a.proc.out(`${chosen.map(([, v]) => v).join(' ')}\n`);
    return 0;
  },
);

/** `uptime`: time of day, time since boot, users and load. */
export const uptime = defineApplet(
  {
    name: 'uptime',
    busybox: { short: '' },
    gnu: { short: 'ps', long: { pretty: { key: 'p' }, since: { key: 's' } } },
    usage: { synopsis: '', help: 'Show how long the system has been running' },
    gnuSynopsis: '[options]',
    gnuVersion: 'from procps-ng 4.0.4',
  },
  function* (a, opts) {
    const now = a.proc.now();
    const up = Math.max(0, Math.floor((now - a.sys.bootTime(a.proc.ns)) / 1000));
    const tz = timeZoneFromEnv(a.proc.env.get('TZ'));
    const tm = breakDown(now, tz);
    const two = (n: number) => String(n).padStart(2, '0');
    if (opts.has('s')) {
      const b = breakDown(a.sys.bootTime(a.proc.ns), tz);
      yield* a.proc.out(
        `${b.year}-${two(b.month + 1)}-${two(b.day)} ${two(b.hour)}:${two(b.minute)}:${two(b.second)}\n`,
      );
      return 0;
    }
    const days = Math.floor(up / 86400);
    const hours = Math.floor(up / 3600) % 24;
    const mins = Math.floor(up / 60) % 60;
    let text = ` ${two(tm.hour)}:${two(tm.minute)}:${two(tm.second)} up `;
    if (days) text += `${days} day${days !== 1 ? 's' : ''}, `;
    text += hours ? `${String(hours).padStart(2)}:${two(mins)}` : `${mins} min`;
    // alpine builds busybox without FEATURE_UPTIME_UTMP_SUPPORT, so it shows no user count.
    // procps counts utmp sessions; the workstation has none, and procps 4 prints "0 user".
    if (a.gnu) text += ',  0 user';
    // @simplified: the load average is not modelled; a quiet machine's figures are shown.
    text += ',  load average: 0.00, 0.00, 0.00\n';
    yield* a.proc.out(text);
    return 0;
  },
);
