/** /etc contents of the base distributions the images build on (data of those images). */

/** Alpine's /etc/passwd. */
export const ALPINE_PASSWD = [
  'root:x:0:0:root:/root:/bin/sh',
  'bin:x:1:1:bin:/bin:/sbin/nologin',
  'daemon:x:2:2:daemon:/sbin:/sbin/nologin',
  'lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin',
  'sync:x:5:0:sync:/sbin:/bin/sync',
  'shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown',
  'halt:x:7:0:halt:/sbin:/sbin/halt',
  'mail:x:8:12:mail:/var/mail:/sbin/nologin',
  'news:x:9:13:news:/usr/lib/news:/sbin/nologin',
  'uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin',
  'cron:x:16:16:cron:/var/spool/cron:/sbin/nologin',
  'ftp:x:21:21::/var/lib/ftp:/sbin/nologin',
  'sshd:x:22:22:sshd:/dev/null:/sbin/nologin',
  'games:x:35:35:games:/usr/games:/sbin/nologin',
  'ntp:x:123:123:NTP:/var/empty:/sbin/nologin',
  'guest:x:405:100:guest:/dev/null:/sbin/nologin',
  'nobody:x:65534:65534:nobody:/:/sbin/nologin',
  '',
].join('\n');

/** Alpine's /etc/group (root's memberships give `id` its groups= list). */
export const ALPINE_GROUP = [
  'root:x:0:root',
  'bin:x:1:root,bin,daemon',
  'daemon:x:2:root,bin,daemon',
  'sys:x:3:root,bin',
  'adm:x:4:root,daemon',
  'tty:x:5:',
  'disk:x:6:root',
  'lp:x:7:lp',
  'kmem:x:9:',
  'wheel:x:10:root',
  'floppy:x:11:root',
  'mail:x:12:mail',
  'news:x:13:news',
  'uucp:x:14:uucp',
  'cron:x:16:cron',
  'audio:x:18:',
  'console:x:19:',
  'dialout:x:20:root',
  'ftp:x:21:',
  'sshd:x:22:',
  'input:x:23:',
  'cdrom:x:24:',
  'tape:x:26:root',
  'video:x:27:root',
  'netdev:x:28:',
  'kvm:x:34:kvm',
  'games:x:35:',
  'shadow:x:42:',
  'www-data:x:82:',
  'users:x:100:games',
  'ntp:x:123:',
  'abuild:x:300:',
  'utmp:x:406:',
  'ping:x:999:',
  'nogroup:x:65533:',
  'nobody:x:65534:',
  '',
].join('\n');

/** Alpine's /etc/os-release for a release like 3.20.3. */
export function alpineOsRelease(version: string): string {
  const minor = version.split('.').slice(0, 2).join('.');
  return [
    'NAME="Alpine Linux"',
    'ID=alpine',
    `VERSION_ID=${version}`,
    `PRETTY_NAME="Alpine Linux v${minor}"`,
    'HOME_URL="https://alpinelinux.org/"',
    'BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"',
    '',
  ].join('\n');
}

/** The busybox image's accounts (a minimal set). */
export const BUSYBOX_PASSWD =
  'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n';
/** The busybox image's groups. */
export const BUSYBOX_GROUP =
  'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nkmem:x:9:\nwheel:x:10:root\ncdrom:x:11:\ndialout:x:18:\nfloppy:x:19:\nvideo:x:28:\naudio:x:29:\ntape:x:32:\nwww-data:x:33:\noperator:x:37:\nutmp:x:43:\nplugdev:x:46:\nstaff:x:50:\nlock:x:54:\nnetdev:x:82:\nusers:x:100:\nnobody:x:65534:\n';

/** Debian bookworm's /etc/passwd (base accounts). */
export const DEBIAN_PASSWD = [
  'root:x:0:0:root:/root:/bin/bash',
  'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
  'bin:x:2:2:bin:/bin:/usr/sbin/nologin',
  'sys:x:3:3:sys:/dev:/usr/sbin/nologin',
  'sync:x:4:65534:sync:/bin:/bin/sync',
  'games:x:5:60:games:/usr/games:/usr/sbin/nologin',
  'man:x:6:12:man:/var/cache/man:/usr/sbin/nologin',
  'lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin',
  'mail:x:8:8:mail:/var/mail:/usr/sbin/nologin',
  'news:x:9:9:news:/var/spool/news:/usr/sbin/nologin',
  'uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin',
  'proxy:x:13:13:proxy:/bin:/usr/sbin/nologin',
  'www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin',
  'backup:x:34:34:backup:/var/backups:/usr/sbin/nologin',
  'list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin',
  'irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin',
  '_apt:x:42:65534::/nonexistent:/usr/sbin/nologin',
  'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
  '',
].join('\n');

/** Debian bookworm's /etc/group (base groups). */
export const DEBIAN_GROUP =
  'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nnews:x:9:\nuucp:x:10:\nman:x:12:\nproxy:x:13:\nkmem:x:15:\ndialout:x:20:\nfax:x:21:\nvoice:x:22:\ncdrom:x:24:\nfloppy:x:25:\ntape:x:26:\nsudo:x:27:\naudio:x:29:\ndip:x:30:\nwww-data:x:33:\nbackup:x:34:\noperator:x:37:\nlist:x:38:\nirc:x:39:\nsrc:x:40:\nshadow:x:42:\nutmp:x:43:\nvideo:x:44:\nsasl:x:45:\nplugdev:x:46:\nstaff:x:50:\ngames:x:60:\nusers:x:100:\nnogroup:x:65534:\n';

/** Debian 12's /etc/os-release. */
export const DEBIAN_OS_RELEASE = [
  'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"',
  'NAME="Debian GNU/Linux"',
  'VERSION_ID="12"',
  'VERSION="12 (bookworm)"',
  'VERSION_CODENAME=bookworm',
  'ID=debian',
  'HOME_URL="https://www.debian.org/"',
  'SUPPORT_URL="https://www.debian.org/support"',
  'BUG_REPORT_URL="https://bugs.debian.org/"',
  '',
].join('\n');
