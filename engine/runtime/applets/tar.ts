/**
 * `tar -c|-x|-t [-zvOhk] [-f TARFILE] [-C DIR] [-T FILE] [-X FILE] [FILE]...` (busybox
 * archival/tar.c as alpine builds it: gzip autodetected when reading, GNU long names). Options
 * may be bundled without a dash (`tar czf out.tgz dir`). Creating continues past missing files
 * ("error exit delayed") and still writes the archive.
 */
import type { Block } from '../kernel';
import { normalize, resolvePath } from '../fs';
import { defineApplet, type Applet } from './applet';
import { groupName, userName } from './accounts';
import { strerror } from './common';
import { fdSource, Output, readSource, work } from './io';
import { globToRegExp } from './glob';
import { gunzipString, gzipString, isGzip } from './gz';
import { readTar, writeTar, type TarEntry } from './ustar';
import { breakDown, timeZoneFromEnv } from './tz';
import { modeString } from './ls';

const TYPE_CHAR: Record<TarEntry['type'], string> = {
  file: '-',
  dir: 'd',
  symlink: 'l',
  hardlink: 'h',
  other: '-',
};

export const tar = defineApplet(
  {
    name: 'tar',
    busybox: {
      short: 'cxtf:C:T:X:zjJahmvOkoNp',
      long: {
        create: { key: 'c' },
        extract: { key: 'x' },
        list: { key: 't' },
        file: { key: 'f', arg: 'required' },
        directory: { key: 'C', arg: 'required' },
        'files-from': { key: 'T', arg: 'required' },
        'exclude-from': { key: 'X', arg: 'required' },
        exclude: { key: 'exclude', arg: 'required' },
        gzip: { key: 'z' },
        dereference: { key: 'h' },
        verbose: { key: 'v' },
        'to-stdout': { key: 'O' },
        'keep-old': { key: 'k' },
        touch: { key: 'm' },
        'no-same-owner': { key: 'o' },
        'same-permissions': { key: 'p' },
      },
    },
    usage: {
      synopsis:
        'c|x|t [-zJjahmvokO] [-f TARFILE] [-C DIR] [-T FILE] [-X FILE] [LONGOPT]... [FILE]...',
      help:
        'Create, extract, or list files from a tar file\n\n' +
        '\tc\tCreate\n\tx\tExtract\n\tt\tList\n' +
        "\t-f FILE\tName of TARFILE ('-' for stdin/out)\n" +
        '\t-C DIR\tChange to DIR before operation\n' +
        '\t-v\tVerbose\n' +
        '\t-O\tExtract to stdout\n' +
        "\t-m\tDon't restore mtime\n" +
        "\t-o\tDon't restore user:group\n" +
        "\t-k\tDon't replace existing files\n" +
        '\t-z\t(De)compress using gzip\n' +
        '\t-h\tFollow symlinks\n' +
        '\t-T FILE\tFile with names to include\n' +
        '\t-X FILE\tFile with glob patterns to exclude\n' +
        '\t--exclude PATTERN\tGlob pattern to exclude',
    },
    parseInBody: true,
  },
  function* (a) {
    // Old-style bundled first argument: `tar czf x.tgz dir` means `tar -czf x.tgz dir`.
    const args = a.proc.argv.slice(1);
    if (args.length && !args[0].startsWith('-')) args[0] = `-${args[0]}`;
    const opts = yield* a.parse(args);
    if (typeof opts === 'number') return opts;
    const modes = ['c', 'x', 't'].filter((m) => opts.has(m));
    if (modes.length !== 1) return yield* a.usageError();
    const mode = modes[0];
    const proc = a.proc;
    const fs = proc.ns.fs;
    const archive = opts.value('f') ?? '-';
    let cwd = proc.cwd;
    if (opts.has('C')) {
      const dir = resolvePath(proc.cwd, opts.value('C')!);
      const st = fs.stat(dir);
      if (!st.ok || st.value.type !== 'dir') {
        yield* a.error(
          `can't change directory to '${opts.value('C')}': ${strerror(st.ok ? 'ENOTDIR' : st.errno)}`,
        );
        return 1;
      }
      cwd = dir;
    }
    const excludes: RegExp[] = opts.values('exclude').map((p) => globToRegExp(p));
    for (const file of opts.values('X')) {
      const r = fs.readFile(resolvePath(proc.cwd, file));
      if (!r.ok) {
        yield* a.error(`can't open '${file}': ${strerror(r.errno)}`);
        return 1;
      }
      for (const line of r.value.split('\n')) if (line) excludes.push(globToRegExp(line));
    }
    const names = [...opts.operands];
    for (const file of opts.values('T')) {
      const r = fs.readFile(resolvePath(proc.cwd, file));
      if (!r.ok) {
        yield* a.error(`can't open '${file}': ${strerror(r.errno)}`);
        return 1;
      }
      names.push(...r.value.split('\n').filter(Boolean));
    }
    const verboseOut = new Output(proc, archive === '-' && mode === 'c' ? 2 : 1);

    if (mode === 'c') {
      if (names.length === 0) {
        yield* a.error('empty archive');
        return 1;
      }
      const entries: TarEntry[] = [];
      let failed = false;
      let warnedSlash = false;
      for (const name of names) {
        // busybox warns once, when it first strips a member name (missing files are not members).
        if (name.startsWith('/') && !warnedSlash && fs.stat(resolvePath(cwd, name), false).ok) {
          warnedSlash = true;
          yield* a.error("removing leading '/' from member names");
        }
        const added = yield* addPath(
          a,
          cwd,
          name,
          entries,
          opts.has('h'),
          excludes,
          verboseOut,
          opts.has('v'),
        );
        if (added === 'missing') failed = true;
      }
      let data = writeTar(entries);
      if (opts.has('z')) data = gzipString(data);
      if (archive === '-') {
        if (!(yield* proc.out(data))) return 1;
      } else {
        const w = fs.writeFile(resolvePath(proc.cwd, archive), data);
        if (!w.ok) {
          yield* a.error(`can't open '${archive}': ${strerror(w.errno)}`);
          return 1;
        }
      }
      yield* verboseOut.flush();
      if (failed) {
        yield* a.error('error exit delayed from previous errors');
        return 1;
      }
      return 0;
    }

    // List or extract.
    let raw: string;
    if (archive === '-') raw = yield* readSource(proc, fdSource(proc, 0));
    else {
      const r = fs.readFile(resolvePath(proc.cwd, archive));
      if (!r.ok) {
        yield* a.error(`can't open '${archive}': ${strerror(r.errno)}`);
        return 1;
      }
      raw = r.value;
    }
    if (isGzip(raw)) {
      const g = gunzipString(raw);
      if (!g.ok) {
        yield* a.error(g.error);
        return 1;
      }
      raw = g.data;
    } else if (opts.has('z')) {
      yield* a.error('invalid magic');
      return 1;
    }
    const parsed = readTar(raw);
    if (parsed.error && parsed.entries.length === 0) {
      yield* a.error(parsed.error);
      return 1;
    }
    const wanted = new Set(names.map((n) => n.replace(/^\/+/, '').replace(/\/+$/, '')));
    const seen = new Set<string>();
    const matches = (name: string) => {
      if (wanted.size === 0) return true;
      const clean = name.replace(/\/+$/, '');
      for (const w of wanted) {
        if (clean === w || clean.startsWith(`${w}/`)) {
          seen.add(w);
          return true;
        }
      }
      return false;
    };
    const out = new Output(proc);
    const tz = timeZoneFromEnv(proc.env.get('TZ'));
    let warnedSlash = false;
    let status = 0;
    for (const e of parsed.entries) {
      let name = e.name;
      if (name.startsWith('/')) {
        name = name.replace(/^\/+/, '');
        if (!warnedSlash && mode === 'x') {
          warnedSlash = true;
          yield* a.error("removing leading '/' from member names");
        }
      }
      if (!matches(name) || excludes.some((re) => re.test(name))) continue;
      if (mode === 't') {
        if (opts.has('v')) out.write(verboseLine(e, name, tz));
        else out.write(`${name}\n`);
      } else {
        if (opts.has('v')) out.write(`${name}\n`);
        if (opts.has('O')) {
          if (e.type === 'file') out.write(e.data);
        } else {
          const err = extract(a, cwd, name, e, opts.has('k'), opts.has('m'));
          if (err) {
            yield* a.error(err);
            status = 1;
          }
        }
      }
      if (out.full && !(yield* out.flush())) return 1;
      yield* work(proc);
    }
    if (!(yield* out.flush())) return 1;
    if (parsed.error) {
      yield* a.error(parsed.error);
      status = 1;
    }
    for (const w of wanted) {
      if (!seen.has(w)) {
        yield* a.error(`${w}: not found in archive`);
        status = 1;
      }
    }
    return status;
  },
);

function verboseLine(e: TarEntry, name: string, tz: ReturnType<typeof timeZoneFromEnv>): string {
  const t = breakDown(e.mtime * 1000, tz);
  const two = (n: number) => String(n).padStart(2, '0');
  const mode =
    TYPE_CHAR[e.type] +
    modeString({ type: 'file', mode: e.mode, size: 0, mtime: 0, uid: 0, gid: 0 }).slice(1);
  const owner = `${e.uname || e.uid}/${e.gname || e.gid}`;
  const date = `${t.year}-${two(t.month + 1)}-${two(t.day)} ${two(t.hour)}:${two(t.minute)}:${two(t.second)}`;
  const link =
    e.type === 'symlink'
      ? ` -> ${e.linkname}`
      : e.type === 'hardlink'
        ? ` link to ${e.linkname}`
        : '';
  return `${mode} ${owner} ${String(e.size).padStart(9)} ${date} ${name}${link}\n`;
}

/** Adds a path (recursively for directories); 'missing' when it could not be read. */
function* addPath(
  a: Applet,
  cwd: string,
  name: string,
  entries: TarEntry[],
  dereference: boolean,
  excludes: RegExp[],
  verbose: Output,
  beVerbose: boolean,
): Generator<Block, 'ok' | 'missing' | 'excluded', void> {
  const fs = a.proc.ns.fs;
  const abs = resolvePath(cwd, name);
  const member = normalize(name).join('/');
  if (excludes.some((re) => re.test(member) || re.test(member.split('/').pop() ?? '')))
    return 'excluded';
  const st = fs.stat(abs, dereference);
  if (!st.ok) {
    yield* a.error(`${name}: ${strerror(st.errno)}`);
    return 'missing';
  }
  const s = st.value;
  const owner = {
    uid: s.uid,
    gid: s.gid,
    uname: userName(a.proc, s.uid) ?? '',
    gname: groupName(a.proc, s.gid) ?? '',
  };
  const base = {
    name: member,
    mode: s.mode,
    size: 0,
    mtime: Math.floor(s.mtime / 1000),
    linkname: '',
    data: '',
    ...owner,
  };
  if (beVerbose) verbose.write(`${member}${s.type === 'dir' ? '/' : ''}\n`);
  if (s.type === 'dir') {
    entries.push({ ...base, type: 'dir' });
    const names = fs.readdir(abs);
    if (names.ok)
      for (const child of names.value) {
        yield* addPath(
          a,
          cwd,
          `${name.replace(/\/+$/, '')}/${child}`,
          entries,
          dereference,
          excludes,
          verbose,
          beVerbose,
        );
      }
    return 'ok';
  }
  if (s.type === 'symlink') {
    const node = fs.lookup(abs, false);
    entries.push({
      ...base,
      type: 'symlink',
      linkname: node.ok && node.value.type === 'symlink' ? node.value.target : '',
    });
    return 'ok';
  }
  const data = fs.readFile(abs);
  if (!data.ok) {
    yield* a.error(`${name}: ${strerror(data.errno)}`);
    return 'missing';
  }
  entries.push({ ...base, type: 'file', size: data.value.length, data: data.value });
  yield* work(a.proc, Math.ceil(data.value.length / 65536));
  return 'ok';
}

/** Writes one member under `cwd`; returns an error message or undefined. */
function extract(
  a: Applet,
  cwd: string,
  name: string,
  e: TarEntry,
  keepOld: boolean,
  noMtime: boolean,
): string | undefined {
  const fs = a.proc.ns.fs;
  const path = resolvePath(cwd, name);
  const parent = path.slice(0, path.lastIndexOf('/')) || '/';
  fs.mkdir(parent, { parents: true });
  const mtime = noMtime ? a.proc.now() : e.mtime * 1000;
  if (keepOld && fs.exists(path)) return undefined;
  if (e.type === 'dir') {
    const r = fs.mkdir(path, { parents: true, mode: e.mode });
    if (!r.ok) return `can't create directory '${name}': ${strerror(r.errno)}`;
    r.value.mtime = mtime;
    return undefined;
  }
  if (e.type === 'symlink') {
    fs.unlink(path);
    const r = fs.symlink(e.linkname, path);
    return r.ok ? undefined : `can't create symlink '${name}': ${strerror(r.errno)}`;
  }
  let data = e.data;
  if (e.type === 'hardlink') {
    const target = fs.readFile(resolvePath(cwd, e.linkname));
    if (!target.ok) return `can't create hardlink '${name}': ${strerror(target.errno)}`;
    data = target.value;
  }
  const w = fs.writeFile(path, data, { mode: e.mode });
  if (!w.ok) return `can't open '${name}': ${strerror(w.errno)}`;
  w.value.mode = e.mode;
  w.value.mtime = mtime;
  return undefined;
}
