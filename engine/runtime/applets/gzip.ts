/**
 * `gzip [-cdfk123456789] [FILE]...`, `gunzip [-cfkt] [FILE]...` and `zcat [FILE]...` (busybox
 * archival/gzip.c, bbunzip.c). Without FILE they filter stdin to stdout; with FILE they replace
 * FILE by FILE.gz (or back) unless -c or -k.
 */
import type { Block } from '../kernel';
import { resolvePath } from '../fs';
import { defineApplet, type Applet } from './applet';
import { strerror } from './common';
import { fdSource, readSource } from './io';
import { gunzipString, gzipString } from './gz';

function* compressOrNot(
  a: Applet,
  decompress: boolean,
  toStdout: boolean,
  keep: boolean,
  test: boolean,
  level: number,
  names: string[],
): Generator<Block, number, void> {
  const proc = a.proc;
  const fs = proc.ns.fs;
  const convert = (data: string): { ok: true; data: string } | { ok: false; error: string } =>
    decompress ? gunzipString(data) : { ok: true, data: gzipString(data, level) };
  if (names.length === 0 || (names.length === 1 && names[0] === '-')) {
    const input = yield* readSource(proc, fdSource(proc, 0));
    const r = convert(input);
    if (!r.ok) {
      yield* a.error(r.error);
      return 1;
    }
    if (!test) yield* proc.out(r.data);
    return 0;
  }
  let status = 0;
  for (const name of names) {
    const path = resolvePath(proc.cwd, name);
    const read = fs.readFile(path);
    if (!read.ok) {
      yield* a.error(`${name}: ${strerror(read.errno)}`);
      status = 1;
      continue;
    }
    const r = convert(read.value);
    if (!r.ok) {
      yield* a.error(r.error);
      status = 1;
      continue;
    }
    if (test) continue;
    if (toStdout) {
      if (!(yield* proc.out(r.data))) return 1;
      continue;
    }
    let target: string;
    if (decompress) {
      const m = /\.(gz|tgz|z)$/i.exec(name);
      if (!m) {
        yield* a.error(`${name}: unknown suffix - ignored`);
        status = 1;
        continue;
      }
      target = name.slice(0, -m[0].length) + (m[1].toLowerCase() === 'tgz' ? '.tar' : '');
    } else target = `${name}.gz`;
    const st = fs.stat(path);
    const w = fs.writeFile(resolvePath(proc.cwd, target), r.data, {
      mode: st.ok ? st.value.mode : 0o644,
    });
    if (!w.ok) {
      yield* a.error(`can't open '${target}': ${strerror(w.errno)}`);
      status = 1;
      continue;
    }
    // The new file keeps the original's modification time.
    if (st.ok) w.value.mtime = st.value.mtime;
    if (!keep) fs.unlink(path);
  }
  return status;
}

const LEVELS = '123456789';

export const gzip = defineApplet(
  {
    name: 'gzip',
    busybox: {
      short: 'cfkqdtvn123456789',
      long: {
        stdout: { key: 'c' },
        force: { key: 'f' },
        keep: { key: 'k' },
        decompress: { key: 'd' },
        test: { key: 't' },
      },
    },
    usage: {
      synopsis: '[-cfkdt123456789] [FILE]...',
      help: 'Compress FILEs (or stdin) with gzip\n\n\t-1..9\tCompression level\n\t-d\tDecompress\n\t-t\tTest integrity\n\t-c\tWrite to stdout\n\t-f\tForce\n\t-k\tKeep input files',
    },
  },
  function* (a, opts) {
    let level = 6;
    for (const o of opts.list) if (LEVELS.includes(o.key)) level = Number(o.key);
    return yield* compressOrNot(
      a,
      opts.has('d') || opts.has('t'),
      opts.has('c'),
      opts.has('k'),
      opts.has('t'),
      level,
      opts.operands,
    );
  },
);

export const gunzip = defineApplet(
  {
    name: 'gunzip',
    busybox: {
      short: 'cfkvqt',
      long: { stdout: { key: 'c' }, force: { key: 'f' }, keep: { key: 'k' }, test: { key: 't' } },
    },
    usage: {
      synopsis: '[-cfkt] [FILE]...',
      help: 'Decompress FILEs (or stdin)\n\n\t-c\tWrite to stdout\n\t-f\tForce\n\t-k\tKeep input files\n\t-t\tTest integrity',
    },
  },
  function* (a, opts) {
    return yield* compressOrNot(
      a,
      true,
      opts.has('c'),
      opts.has('k'),
      opts.has('t'),
      6,
      opts.operands,
    );
  },
);

export const zcat = defineApplet(
  {
    name: 'zcat',
    busybox: { short: 'fqv' },
    usage: { synopsis: '[FILE]...', help: 'Decompress FILEs (or stdin) to stdout' },
  },
  function* (a, opts) {
    return yield* compressOrNot(a, true, true, true, false, 6, opts.operands);
  },
);
