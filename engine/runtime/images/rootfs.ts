/**
 * Building image root file systems: the directory skeleton, /etc files, and program links
 * (regular files whose `program` names a registry entry, as `installProgram` writes them).
 */
import type { Vfs } from '../fs';

/** Creates directories (with their modes). */
export function makeDirs(fs: Vfs, dirs: Record<string, number>): void {
  for (const [path, mode] of Object.entries(dirs)) {
    fs.mkdir(path, { parents: true });
    fs.chmod(path, mode);
  }
}

/** Writes text files (mode 0644 unless given). */
export function writeFiles(fs: Vfs, files: Record<string, string>, mode = 0o644): void {
  for (const [path, data] of Object.entries(files)) {
    const dir = path.slice(0, path.lastIndexOf('/')) || '/';
    fs.mkdir(dir, { parents: true });
    fs.writeFile(path, data, { mode });
  }
}

/** Installs program links: path → registry name. */
export function installLinks(fs: Vfs, links: Record<string, string>): void {
  for (const [path, program] of Object.entries(links)) fs.installProgram(path, program);
}

/** The usual root skeleton of a Linux image. */
export const LINUX_DIRS: Record<string, number> = {
  '/bin': 0o755,
  '/sbin': 0o755,
  '/usr/bin': 0o755,
  '/usr/sbin': 0o755,
  '/usr/local/bin': 0o755,
  '/etc': 0o755,
  '/root': 0o700,
  '/home': 0o755,
  '/tmp': 0o1777,
  '/var/log': 0o755,
  '/var/tmp': 0o1777,
  '/dev': 0o755,
  '/proc': 0o555,
  '/sys': 0o555,
  '/run': 0o755,
  '/mnt': 0o755,
  '/opt': 0o755,
  '/srv': 0o755,
  '/lib': 0o755,
  '/media': 0o755,
};

/** A fixed, realistic-looking sha256 digest for an image (not a real one). */
// @simplified: digests are derived from the reference text; they identify images in the
// simulation but are not the registry's digests.
export function fakeDigest(ref: string): string {
  let out = '';
  for (let round = 0; out.length < 64; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < ref.length; i++) {
      h ^= ref.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= Math.imul(round + 1, 0x9e3779b1) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return `sha256:${out.slice(0, 64)}`;
}
