/**
 * Container images as the kubelet sees them: a reference resolves to an entrypoint, a default
 * command, environment, and a root file system filled with the image's programs and files.
 */
import type { Vfs } from './fs';

/** One image the simulated registry knows. */
export interface ImageSpec {
  /** Fully qualified reference, e.g. `docker.io/library/alpine:latest`. */
  readonly ref: string;
  /** What the kubelet reports as imageID, e.g. `docker.io/library/alpine@sha256:…`. */
  readonly imageId: string;
  /** Uncompressed size in bytes, as the Pulled event reports it. */
  readonly sizeBytes: number;
  /** ENTRYPOINT (replaced by a container's `command`). */
  readonly entrypoint: readonly string[];
  /** CMD (replaced by a container's `args`). */
  readonly cmd: readonly string[];
  /** Image environment (PATH, …), applied before the container's env. */
  readonly env: ReadonlyArray<readonly [string, string]>;
  /** Working directory ('' = /). */
  readonly workingDir: string;
  /** Fills a fresh root file system with the image's files and program links. */
  populate(fs: Vfs): void;
}

/** The simulated registry: resolves what a pod spec says (`alpine`, `perl:5.34.0`, …). */
export interface ImageCatalog {
  lookup(image: string): ImageSpec | undefined;
}

/** A parsed image reference. */
export interface ImageRef {
  /** Registry host, `docker.io` by default. */
  domain: string;
  /** Repository path, with `library/` added for official Docker Hub images. */
  path: string;
  tag: string;
  digest?: string;
}

/**
 * Parses an image reference with Docker's normalisation rules: `alpine` is
 * `docker.io/library/alpine:latest`; the first component is a registry only if it contains a
 * `.` or `:` or is `localhost`.
 */
export function parseImageRef(image: string): ImageRef | undefined {
  if (!/^[a-zA-Z0-9][a-zA-Z0-9._\-/:@]*$/.test(image)) return undefined;
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag = 'latest';
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  let domain = 'docker.io';
  if (
    parts.length > 1 &&
    (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')
  ) {
    domain = parts.shift()!;
  }
  if (domain === 'docker.io' && parts.length === 1) parts.unshift('library');
  if (parts.some((p) => p === '' || p !== p.toLowerCase())) return undefined;
  return { domain, path: parts.join('/'), tag, digest };
}

/** The fully qualified form of a reference: `docker.io/library/alpine:latest`. */
export function formatImageRef(ref: ImageRef): string {
  return `${ref.domain}/${ref.path}:${ref.tag}${ref.digest ? `@${ref.digest}` : ''}`;
}
