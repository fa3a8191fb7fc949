/**
 * `-f` for every verb that takes it (create, apply, delete, get, describe, replace, label…):
 * files, folders (`-R` to recurse), `-` for stdin, as cli-runtime's FileVisitorForSTDIN /
 * ExpandPathsToFileVisitors read them. Objects come back in order with their errors.
 */
import type { Block, Process } from '../../runtime/kernel';
import { resolvePath } from '../../runtime/fs';
import { readManifests, type ManifestItem, type ManifestOptions } from '../../api/decode/manifest';
import { manifestFilesIn, readFileAt } from '../files';

/** Everything read from all `-f` arguments. */
export interface VisitResult {
  /** Objects and per-object errors in reading order. */
  items: ManifestItem[];
  /** Errors that stopped a source (unreadable file, parse error), in order, after the items. */
  errors: string[];
  /** An error that stops the command before anything is sent (missing path). */
  fatal?: string;
}

/** Reads every `-f` argument in order. */
export function* visitManifests(
  proc: Process,
  filenames: readonly string[],
  recursive: boolean,
  opts: ManifestOptions = {},
): Generator<Block, VisitResult, void> {
  const result: VisitResult = { items: [], errors: [] };
  for (const name of filenames) {
    if (/^https?:\/\//.test(name)) {
      // @simplified: Podlab has no network to the outside world, so URLs cannot be read.
      result.fatal = `unable to read URL "${name}": Podlab has no internet access; save the manifest to a file first`;
      return result;
    }
    const sources: string[] = [];
    if (name === '-') sources.push('-');
    else {
      const st = proc.ns.fs.stat(resolvePath(proc.cwd, name));
      if (!st.ok) {
        // builder.go#FilenameParam → visitor.go#ExpandPathsToFileVisitors
        result.fatal = `the path "${name}" does not exist`;
        return result;
      }
      if (st.value.type === 'dir') sources.push(...(manifestFilesIn(proc, name, recursive) ?? []));
      else sources.push(name);
    }
    for (const src of sources) {
      const file = yield* readFileAt(proc, src);
      if (!file.ok) {
        result.errors.push(file.error);
        continue;
      }
      const read = readManifests(file.text, file.path, opts);
      result.items.push(...read.items);
      if (read.streamError !== undefined) result.errors.push(read.streamError);
    }
  }
  return result;
}
