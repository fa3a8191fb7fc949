/**
 * The simulated registry (`ImageCatalog`): the images the lessons pull, with their real tags,
 * entrypoints, commands, environments, approximate sizes, fixed digests and root file systems
 * linking to the userland's programs (see `userland.ts` for the program names). Unknown
 * repositories or tags resolve to undefined, so the kubelet reports ErrImagePull — including
 * `fluentd/fluentd:v1.4-1`, which one seed uses but which does not exist on Docker Hub.
 */
import type { Vfs } from '../fs';
import { formatImageRef, parseImageRef, type ImageCatalog, type ImageSpec } from '../image';
import { ALPINE_APPLET_DIRS, BUSYBOX_APPLETS, GNU_PROGRAMS, SHELL_APPLETS } from '../applets';
import { NGINX_ROOT, NGINX_WELCOME_PAGE } from './nginx';
import { fakeDigest, installLinks, LINUX_DIRS, makeDirs, writeFiles } from './rootfs';
import {
  ALPINE_GROUP,
  ALPINE_PASSWD,
  BUSYBOX_GROUP,
  BUSYBOX_PASSWD,
  DEBIAN_GROUP,
  DEBIAN_OS_RELEASE,
  DEBIAN_PASSWD,
  alpineOsRelease,
} from './etc-files';

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Program names images link to (registered by `createUserland`). */
export const IMAGE_PROGRAMS = {
  sh: 'sh',
  bash: 'bash',
  busybox: 'busybox:busybox',
  nginx: 'nginx',
  nginxEntrypoint: 'nginx-entrypoint',
  goMyweb: 'go-myweb',
  fluentd: 'fluentd',
  fluentdElasticsearch: 'fluentd-elasticsearch',
  perl534: 'perl',
  perl536: 'perl5.36',
  perl540: 'perl5.40',
} as const;

/** Catalog options. */
export interface CatalogOptions {
  /**
   * Make `perl` / `perl:latest` behave like perl 5.36, whose bpi(2000) dies (lesson-sources
   * §0.5): the "unpinned image" trap. Off by default: `latest` then works.
   */
  unpinnedPerlFails?: boolean;
}

/** Every busybox applet and shell applet name, for links. */
const BUSYBOX_LINK_NAMES = [...Object.keys(BUSYBOX_APPLETS), ...SHELL_APPLETS];

/** Installs busybox applet links the alpine way (/bin and /usr/bin) or all in /bin (busybox image). */
function installBusybox(fs: Vfs, layout: 'alpine' | 'busybox'): void {
  const links: Record<string, string> = {};
  for (const name of BUSYBOX_LINK_NAMES) {
    const dir = layout === 'busybox' ? '/bin' : (ALPINE_APPLET_DIRS[name] ?? '/usr/bin');
    links[`${dir}/${name}`] = `busybox:${name}`;
  }
  links['/bin/busybox'] = IMAGE_PROGRAMS.busybox;
  links['/bin/sh'] = IMAGE_PROGRAMS.sh;
  links['/bin/ash'] = IMAGE_PROGRAMS.sh;
  installLinks(fs, links);
}

/**
 * A Debian system's userland: GNU programs in /usr/bin (with /bin, /sbin, /lib merged into /usr),
 * bash, and /bin/sh.
 */
// @simplified: Debian's /bin/sh is dash; Podlab links it to the busybox ash interpreter, and
// tar/gzip there are busybox's (GNU tar and gzip are not implemented).
export function installDebianUserland(fs: Vfs): void {
  makeDirs(fs, { ...LINUX_DIRS, '/bin': 0o755 });
  for (const dir of ['bin', 'sbin', 'lib']) {
    fs.rmdir(`/${dir}`);
    fs.symlink(`usr/${dir}`, `/${dir}`);
  }
  fs.mkdir('/usr/lib', { parents: true });
  const links: Record<string, string> = {};
  for (const name of Object.keys(GNU_PROGRAMS)) links[`/usr/bin/${name}`] = `gnu:${name}`;
  for (const name of SHELL_APPLETS) if (name !== '[[') links[`/usr/bin/${name}`] = `gnu:${name}`;
  for (const name of ['tar', 'gzip', 'gunzip', 'zcat'])
    links[`/usr/bin/${name}`] = `busybox:${name}`;
  links['/usr/bin/bash'] = IMAGE_PROGRAMS.bash;
  links['/usr/bin/sh'] = IMAGE_PROGRAMS.sh;
  links['/usr/bin/dash'] = IMAGE_PROGRAMS.sh;
  installLinks(fs, links);
  writeFiles(fs, {
    '/etc/passwd': DEBIAN_PASSWD,
    '/etc/group': DEBIAN_GROUP,
    '/etc/os-release': DEBIAN_OS_RELEASE,
    '/etc/debian_version': '12.8\n',
    '/etc/shells':
      '# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/dash\n/usr/bin/dash\n',
  });
}

function alpineRoot(fs: Vfs, version: string): void {
  makeDirs(fs, LINUX_DIRS);
  installBusybox(fs, 'alpine');
  writeFiles(fs, {
    '/etc/passwd': ALPINE_PASSWD,
    '/etc/group': ALPINE_GROUP,
    '/etc/os-release': alpineOsRelease(version),
    '/etc/alpine-release': `${version}\n`,
    '/etc/shells': '# valid login shells\n/bin/sh\n/bin/ash\n',
  });
}

interface Variant {
  /** Canonical tag for the spec's ref. */
  tag: string;
  build: (ref: string) => ImageSpec;
}

interface Family {
  /** Repository as parsed: `docker.io/library/alpine`. */
  repository: string;
  /** Tag → variant; `undefined` for tags the registry does not have. */
  variant(tag: string): Variant | undefined;
}

function spec(ref: string, fields: Omit<ImageSpec, 'ref' | 'imageId'>): ImageSpec {
  const at = ref.lastIndexOf(':');
  const repo = ref.slice(0, at);
  return { ref, imageId: `${repo}@${fakeDigest(ref)}`, ...fields };
}

/** Alpine releases and the tags that name them; `latest` is 3.20 (busybox 1.36.1). */
// @simplified: latest is pinned to the last release with busybox 1.36.1, matching the applets.
const ALPINE_RELEASES: Record<string, string> = {
  '3.16': '3.16.9',
  '3.17': '3.17.10',
  '3.18': '3.18.9',
  '3.19': '3.19.4',
  '3.20': '3.20.3',
};

const alpine: Family = {
  repository: 'docker.io/library/alpine',
  variant(tag) {
    let version: string | undefined;
    if (tag === 'latest' || tag === '3') version = ALPINE_RELEASES['3.20'];
    else if (ALPINE_RELEASES[tag]) version = ALPINE_RELEASES[tag];
    else {
      const minor = tag.split('.').slice(0, 2).join('.');
      if (
        ALPINE_RELEASES[minor] &&
        /^3\.\d+\.\d+$/.test(tag) &&
        Number(tag.split('.')[2]) <= Number(ALPINE_RELEASES[minor].split('.')[2])
      )
        version = tag;
    }
    if (!version) return undefined;
    const v = version;
    return {
      tag,
      build: (ref) =>
        spec(ref, {
          sizeBytes: 3_623_807,
          entrypoint: [],
          cmd: ['/bin/sh'],
          env: [['PATH', DEFAULT_PATH]],
          workingDir: '',
          populate: (fs) => alpineRoot(fs, v),
        }),
    };
  },
};

const BUSYBOX_TAGS = new Set([
  'latest',
  'stable',
  '1',
  '1.36',
  '1.36.1',
  '1.36-musl',
  '1.36.1-musl',
  '1.36-glibc',
  '1.36.1-glibc',
  '1.36-uclibc',
  '1.36.1-uclibc',
  'musl',
  'glibc',
  'uclibc',
  '1.35',
  '1.35.0',
  '1.34',
  '1.34.1',
  '1.33',
  '1.33.1',
  '1.32',
  '1.31',
  '1.31.1',
  '1.37',
  '1.37.0',
]);

const busybox: Family = {
  repository: 'docker.io/library/busybox',
  variant(tag) {
    if (!BUSYBOX_TAGS.has(tag)) return undefined;
    return {
      tag,
      build: (ref) =>
        spec(ref, {
          sizeBytes: 2_156_526,
          entrypoint: [],
          cmd: ['sh'],
          env: [['PATH', DEFAULT_PATH]],
          workingDir: '',
          populate: (fs) => {
            // @simplified: every busybox tag behaves as busybox 1.36.1 built against musl.
            makeDirs(fs, {
              '/bin': 0o755,
              '/etc': 0o755,
              '/root': 0o700,
              '/tmp': 0o1777,
              '/var': 0o755,
              '/home': 0o755,
              '/dev': 0o755,
              '/proc': 0o555,
              '/sys': 0o555,
              '/usr/sbin': 0o755,
            });
            installBusybox(fs, 'busybox');
            writeFiles(fs, { '/etc/passwd': BUSYBOX_PASSWD, '/etc/group': BUSYBOX_GROUP });
          },
        }),
    };
  },
};

const NGINX_VERSIONS: Record<string, string> = {
  latest: '1.27.3',
  mainline: '1.27.3',
  '1': '1.27.3',
  '1.27': '1.27.3',
  '1.27.3': '1.27.3',
  '1.27.2': '1.27.2',
  stable: '1.26.2',
  '1.26': '1.26.2',
  '1.26.2': '1.26.2',
  '1.25': '1.25.5',
  '1.25.5': '1.25.5',
  '1.24': '1.24.0',
  '1.24.0': '1.24.0',
};

/** The nginx version a tag names (for the registry's program factory). */
export function nginxVersionOf(tag: string): string | undefined {
  return NGINX_VERSIONS[tag.replace(/-(bookworm|perl)$/, '')];
}

const nginx: Family = {
  repository: 'docker.io/library/nginx',
  variant(tag) {
    const version = nginxVersionOf(tag);
    if (!version) return undefined;
    return {
      tag,
      build: (ref) =>
        spec(ref, {
          sizeBytes: 72_955_450,
          entrypoint: ['/docker-entrypoint.sh'],
          cmd: ['nginx', '-g', 'daemon off;'],
          env: [
            ['PATH', DEFAULT_PATH],
            ['NGINX_VERSION', version],
            ['NJS_VERSION', '0.8.7'],
            ['NJS_RELEASE', '1~bookworm'],
            ['PKG_RELEASE', '1~bookworm'],
            ['DYNPKG_RELEASE', '1~bookworm'],
          ],
          workingDir: '',
          populate: (fs) => {
            installDebianUserland(fs);
            installLinks(fs, {
              '/docker-entrypoint.sh': `${IMAGE_PROGRAMS.nginxEntrypoint}@${version}`,
              '/usr/sbin/nginx': `${IMAGE_PROGRAMS.nginx}@${version}`,
            });
            makeDirs(fs, {
              '/var/log/nginx': 0o755,
              '/var/cache/nginx': 0o755,
              '/etc/nginx/conf.d': 0o755,
              '/docker-entrypoint.d': 0o755,
            });
            writeFiles(fs, {
              [`${NGINX_ROOT}/index.html`]: NGINX_WELCOME_PAGE,
              [`${NGINX_ROOT}/50x.html`]:
                '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n',
            });
            fs.symlink('/dev/stdout', '/var/log/nginx/access.log');
            fs.symlink('/dev/stderr', '/var/log/nginx/error.log');
          },
        }),
    };
  },
};

const goMyweb: Family = {
  repository: 'ghcr.io/c1t1d0s7/go-myweb',
  variant(tag) {
    if (!['latest', 'v1', 'v2', 'v3', 'alpine'].includes(tag)) return undefined;
    return {
      tag,
      build: (ref) =>
        spec(ref, {
          sizeBytes: 4_263_744,
          entrypoint: ['/myweb'],
          cmd: [],
          env: [['PATH', DEFAULT_PATH]],
          workingDir: '',
          // A scratch image: the binary and nothing else (no shell for kubectl exec).
          populate: (fs) => installLinks(fs, { '/myweb': IMAGE_PROGRAMS.goMyweb }),
        }),
    };
  },
};

const FLUENTD_TAGS: Record<string, { version: string; debian: boolean }> = {
  latest: { version: '1.16.5', debian: false },
  edge: { version: '1.17.1', debian: false },
  'v1.17-1': { version: '1.17.1', debian: false },
  'v1.17-debian-1': { version: '1.17.1', debian: true },
  'v1.16-1': { version: '1.16.5', debian: false },
  'v1.16-debian-1': { version: '1.16.5', debian: true },
  'v1.16.2-1.0': { version: '1.16.2', debian: false },
  'v1.15-1': { version: '1.15.3', debian: false },
  'v1.14-1': { version: '1.14.6', debian: false },
  'v1.4-1': { version: '1.4.2', debian: false },
  'v1.4': { version: '1.4.2', debian: false },
  'v1.4-debian-1': { version: '1.4.2', debian: true },
};

const fluentFluentd: Family = {
  repository: 'docker.io/fluent/fluentd',
  variant(tag) {
    const t = FLUENTD_TAGS[tag];
    if (!t) return undefined;
    return {
      tag,
      build: (ref) =>
        spec(ref, {
          sizeBytes: t.debian ? 88_716_240 : 42_110_372,
          entrypoint: ['tini', '--', '/bin/entrypoint.sh'],
          cmd: ['fluentd'],
          env: [
            ['PATH', DEFAULT_PATH],
            ['FLUENTD_CONF', 'fluent.conf'],
            ['LD_PRELOAD', ''],
            ['RUBYLIB', '/usr/lib/ruby/gems/3.2.0/gems/resolv-0.2.1/lib'],
          ],
          workingDir: '',
          populate: (fs) => {
            if (t.debian) installDebianUserland(fs);
            else alpineRoot(fs, ALPINE_RELEASES['3.19']);
            makeDirs(fs, {
              '/fluentd/etc': 0o755,
              '/fluentd/log': 0o755,
              '/fluentd/plugins': 0o755,
            });
            // @simplified: tini and the entrypoint script are folded into the fluentd program.
            installLinks(fs, {
              '/usr/bin/tini': `${IMAGE_PROGRAMS.fluentd}@${t.version}`,
              '/bin/entrypoint.sh': `${IMAGE_PROGRAMS.fluentd}@${t.version}`,
              '/usr/bin/fluentd': `${IMAGE_PROGRAMS.fluentd}@${t.version}`,
            });
          },
        }),
    };
  },
};

const ES_FLUENTD_TAGS: Record<string, string> = {
  'v2.4.0': '1.2.4',
  'v2.5.0': '1.3.3',
  'v2.5.1': '1.3.3',
  'v2.5.2': '1.4.2',
  'v2.6.0': '1.6.3',
  'v2.7.0': '1.7.4',
  'v2.8.0': '1.9.3',
  'v2.9.0': '1.10.4',
  'v3.0.0': '1.11.5',
  'v3.1.0': '1.12.1',
  'v3.2.0': '1.13.3',
  'v3.3.0': '1.14.6',
  'v3.4.0': '1.15.3',
  'v4.0.0': '1.16.2',
};

const esFluentd: Family = {
  repository: 'quay.io/fluentd_elasticsearch/fluentd',
  variant(tag) {
    const version = ES_FLUENTD_TAGS[tag];
    if (!version) return undefined;
    return {
      tag,
      build: (ref) =>
        spec(ref, {
          sizeBytes: 139_548_113,
          entrypoint: ['/entrypoint.sh'],
          cmd: [],
          env: [['PATH', DEFAULT_PATH]],
          workingDir: '',
          populate: (fs) => {
            installDebianUserland(fs);
            makeDirs(fs, { '/etc/fluent/config.d': 0o755 });
            installLinks(fs, {
              '/entrypoint.sh': `${IMAGE_PROGRAMS.fluentdElasticsearch}@${version}`,
              '/usr/local/bin/fluentd': `${IMAGE_PROGRAMS.fluentdElasticsearch}@${version}`,
            });
          },
        }),
    };
  },
};

const PERL_TAGS: Record<string, string> = {
  '5.34.0': '5.34.0',
  '5.34': '5.34.0',
  '5.34.1': '5.34.1',
  '5.34.3': '5.34.3',
  '5.36.0': '5.36.0',
  '5.36': '5.36.3',
  '5.36.3': '5.36.3',
  '5.38': '5.38.2',
  '5.38.2': '5.38.2',
  '5.40': '5.40.0',
  '5.40.0': '5.40.0',
  '5': '5.40.0',
  latest: '5.40.0',
};

function perlFamily(options: CatalogOptions): Family {
  return {
    repository: 'docker.io/library/perl',
    variant(tag) {
      const slim = tag.endsWith('-slim');
      const base = slim ? tag.slice(0, -5) : tag.replace(/-(bookworm|bullseye|threaded)$/, '');
      let version = PERL_TAGS[base];
      if (!version) return undefined;
      if (options.unpinnedPerlFails && (base === 'latest' || base === '5')) version = '5.36.0';
      const program = version.startsWith('5.36')
        ? IMAGE_PROGRAMS.perl536
        : version.startsWith('5.34')
          ? IMAGE_PROGRAMS.perl534
          : IMAGE_PROGRAMS.perl540;
      const v = version;
      return {
        tag,
        build: (ref) =>
          spec(ref, {
            sizeBytes: slim ? 56_904_118 : 327_566_781,
            entrypoint: [],
            cmd: [`perl${v}`, '-de0'],
            env: [['PATH', DEFAULT_PATH]],
            workingDir: '',
            populate: (fs) => {
              installDebianUserland(fs);
              installLinks(fs, {
                '/usr/local/bin/perl': program,
                [`/usr/local/bin/perl${v}`]: program,
              });
            },
          }),
      };
    },
  };
}

/** Creates the catalog. */
export function createImageCatalog(options: CatalogOptions = {}): ImageCatalog & {
  /** The repositories the catalog knows. */
  repositories(): string[];
} {
  const families = [alpine, busybox, nginx, goMyweb, fluentFluentd, esFluentd, perlFamily(options)];
  return {
    lookup(image: string): ImageSpec | undefined {
      const ref = parseImageRef(image);
      if (!ref) return undefined;
      const family = families.find((f) => f.repository === `${ref.domain}/${ref.path}`);
      const variant = family?.variant(ref.tag);
      if (!variant) return undefined;
      const built = variant.build(formatImageRef({ ...ref, digest: undefined }));
      // A digest pins content: only the digest this catalog reports for the image matches.
      if (ref.digest !== undefined && !built.imageId.endsWith(`@${ref.digest}`)) return undefined;
      return built;
    },
    repositories: () => families.map((f) => f.repository),
  };
}
