/**
 * A tiny userland for engine tests that must not depend on the real shell and applets: a
 * `tiny` image whose programs are `sleep N`, `true`, `false`, `exit N`, `echo ARGS`, and
 * `graceful` (sleeps until SIGTERM, then exits 0).
 */
import type { Program } from '../runtime/kernel';
import type { ImageCatalog, ImageSpec } from '../runtime/image';
import { MapRegistry } from '../runtime/namespace';
import type { Userland } from '../simulation';

const programs: Record<string, Program> = {
  sleep: function* (p) {
    yield* p.sleep(Number(p.argv[1] ?? 0) * 1000);
    return 0;
  },
  true: function* () {
    return 0;
  },
  false: function* () {
    return 1;
  },
  exit: function* (p) {
    return Number(p.argv[1] ?? 0);
  },
  echo: function* (p) {
    yield* p.out(p.argv.slice(1).join(' ') + '\n');
    return 0;
  },
  graceful: function* (p) {
    p.setDisposition('TERM', 'catch');
    while (p.pendingSignals.length === 0) yield* p.sleep(3_600_000, true);
    return 0;
  },
};

/** Builds the fake userland: images `tiny` and `tiny:1` (ENTRYPOINT none, CMD `sleep 3600`). */
export function fakeUserland(): Userland {
  const registry = new MapRegistry();
  for (const [name, program] of Object.entries(programs)) registry.add(`tiny:${name}`, program);
  const image = (tag: string): ImageSpec => ({
    ref: `docker.io/library/tiny:${tag}`,
    imageId: `docker.io/library/tiny@sha256:${'ab'.repeat(32)}`,
    sizeBytes: 1_234_567,
    entrypoint: [],
    cmd: ['sleep', '3600'],
    env: [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']],
    workingDir: '',
    populate(fs) {
      for (const name of Object.keys(programs)) fs.installProgram(`/bin/${name}`, `tiny:${name}`);
    },
  });
  const images: ImageCatalog = {
    lookup: (ref) =>
      ref === 'tiny' || ref === 'tiny:latest'
        ? image('latest')
        : ref === 'tiny:1'
          ? image('1')
          : undefined,
  };
  return { programs: registry, images };
}
