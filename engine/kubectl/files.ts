/** Reading the learner's files (and stdin) for `-f`, as UTF-8 text. */
import type { Block, Process } from '../runtime/kernel';
import { ERRNO_TEXT, resolvePath } from '../runtime/fs';
import { utf8Decode } from '../util/utf8';

/** A file's text, or why it could not be read (worded as Go's os errors). */
export type FileReadResult =
  { ok: true; text: string; path: string } | { ok: false; error: string };

/** Reads `path` relative to the process's cwd; `-` reads stdin to EOF. */
export function* readFileAt(proc: Process, path: string): Generator<Block, FileReadResult, void> {
  if (path === '-') {
    const data = yield* proc.readAll(0);
    return { ok: true, text: utf8Decode(data), path: 'STDIN' };
  }
  const abs = resolvePath(proc.cwd, path);
  const r = proc.ns.fs.readFile(abs);
  if (!r.ok) return { ok: false, error: `open ${path}: ${ERRNO_TEXT[r.errno].toLowerCase()}` };
  return { ok: true, text: utf8Decode(r.value), path };
}

/** Lists the manifest files of a directory as kubectl does (`.json`, `.yaml`, `.yml`), sorted. */
export function manifestFilesIn(
  proc: Process,
  dir: string,
  recursive: boolean,
): string[] | undefined {
  const abs = resolvePath(proc.cwd, dir);
  const st = proc.ns.fs.stat(abs);
  if (!st.ok || st.value.type !== 'dir') return undefined;
  const out: string[] = [];
  const walk = (rel: string, absDir: string) => {
    const entries = proc.ns.fs.readdir(absDir);
    if (!entries.ok) return;
    for (const name of entries.value) {
      const childAbs = `${absDir}/${name}`.replace(/\/+/g, '/');
      const childRel = rel.endsWith('/') ? `${rel}${name}` : `${rel}/${name}`;
      const s = proc.ns.fs.stat(childAbs);
      if (!s.ok) continue;
      if (s.value.type === 'dir') {
        if (recursive) walk(childRel, childAbs);
      } else if (/\.(json|ya?ml)$/.test(name)) out.push(childRel);
    }
  };
  walk(dir, abs);
  return out;
}
