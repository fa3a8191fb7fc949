/**
 * The tar archive format as busybox writes it: 512-byte ustar headers with the GNU magic
 * ("ustar  \0"), GNU ././@LongLink entries for names over 100 bytes, and two zero blocks at the
 * end. The reader also understands POSIX ustar prefixes and pax path records.
 */

/** One archive member. */
export interface TarEntry {
  name: string;
  type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
  mode: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  size: number;
  /** Seconds since the epoch. */
  mtime: number;
  linkname: string;
  data: string;
}

const BLOCK = 512;
const ZERO_BLOCK = '\0'.repeat(BLOCK);

function field(value: string, length: number): string {
  return value.slice(0, length).padEnd(length, '\0');
}

function octal(value: number, length: number): string {
  return value.toString(8).padStart(length - 1, '0') + '\0';
}

function header(e: {
  name: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  typeflag: string;
  linkname: string;
  uname: string;
  gname: string;
}): string {
  let h =
    field(e.name, 100) +
    octal(e.mode & 0o7777, 8) +
    octal(e.uid, 8) +
    octal(e.gid, 8) +
    octal(e.size, 12) +
    octal(e.mtime, 12) +
    '        ' +
    e.typeflag +
    field(e.linkname, 100) +
    'ustar  \0' +
    field(e.uname, 32) +
    field(e.gname, 32) +
    '\0'.repeat(8) +
    '\0'.repeat(8) +
    '\0'.repeat(155);
  h = h.padEnd(BLOCK, '\0');
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += h.charCodeAt(i);
  const chksum = sum.toString(8).padStart(6, '0') + '\0 ';
  return h.slice(0, 148) + chksum + h.slice(156);
}

function padded(data: string): string {
  const rest = data.length % BLOCK;
  return rest === 0 ? data : data + '\0'.repeat(BLOCK - rest);
}

const TYPEFLAG: Record<TarEntry['type'], string> = {
  file: '0',
  dir: '5',
  symlink: '2',
  hardlink: '1',
  other: '0',
};

/** Serialises members, ending with two zero blocks. */
export function writeTar(entries: TarEntry[]): string {
  const parts: string[] = [];
  for (const e of entries) {
    const name = e.type === 'dir' && !e.name.endsWith('/') ? `${e.name}/` : e.name;
    const common = {
      mode: e.mode,
      uid: e.uid,
      gid: e.gid,
      mtime: e.mtime,
      uname: e.uname,
      gname: e.gname,
    };
    if (name.length > 100) {
      const long = name + '\0';
      parts.push(
        header({
          ...common,
          name: '././@LongLink',
          mode: 0,
          mtime: 0,
          size: long.length,
          typeflag: 'L',
          linkname: '',
        }),
      );
      parts.push(padded(long));
    }
    if (e.linkname.length > 100) {
      const long = e.linkname + '\0';
      parts.push(
        header({
          ...common,
          name: '././@LongLink',
          mode: 0,
          mtime: 0,
          size: long.length,
          typeflag: 'K',
          linkname: '',
        }),
      );
      parts.push(padded(long));
    }
    const size = e.type === 'file' ? e.data.length : 0;
    parts.push(header({ ...common, name, size, typeflag: TYPEFLAG[e.type], linkname: e.linkname }));
    if (size) parts.push(padded(e.data));
  }
  parts.push(ZERO_BLOCK, ZERO_BLOCK);
  return parts.join('');
}

/** Why reading failed, in busybox's words. */
export type TarReadError = 'short read' | 'invalid tar magic' | 'invalid tar header checksum';

function readOctal(text: string): number {
  const t = text.replace(/[\0 ]+$/, '').replace(/^[ ]+/, '');
  return t === '' ? 0 : parseInt(t, 8);
}

function cstring(text: string): string {
  const nul = text.indexOf('\0');
  return nul < 0 ? text : text.slice(0, nul);
}

/** Parses an archive (already decompressed). */
export function readTar(data: string): { entries: TarEntry[]; error?: TarReadError } {
  const entries: TarEntry[] = [];
  if (data.length < BLOCK) return { entries, error: 'short read' };
  let at = 0;
  let longName: string | undefined;
  let longLink: string | undefined;
  let paxPath: string | undefined;
  while (at + BLOCK <= data.length) {
    const h = data.slice(at, at + BLOCK);
    if (h === ZERO_BLOCK) break;
    const magic = h.slice(257, 262);
    if (magic !== 'ustar') return { entries, error: 'invalid tar magic' };
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h.charCodeAt(i);
    if (sum !== readOctal(h.slice(148, 156)))
      return { entries, error: 'invalid tar header checksum' };
    const size = readOctal(h.slice(124, 136));
    const typeflag = h[156];
    const body = data.slice(at + BLOCK, at + BLOCK + size);
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (typeflag === 'L') {
      longName = cstring(body);
      continue;
    }
    if (typeflag === 'K') {
      longLink = cstring(body);
      continue;
    }
    if (typeflag === 'x' || typeflag === 'g') {
      const m = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body);
      if (m && typeflag === 'x') paxPath = m[1];
      continue;
    }
    const prefix = h.slice(257, 263) === 'ustar\0' ? cstring(h.slice(345, 500)) : '';
    const rawName = cstring(h.slice(0, 100));
    const name = paxPath ?? longName ?? (prefix ? `${prefix}/${rawName}` : rawName);
    const type: TarEntry['type'] =
      typeflag === '5'
        ? 'dir'
        : typeflag === '2'
          ? 'symlink'
          : typeflag === '1'
            ? 'hardlink'
            : typeflag === '0' || typeflag === '\0' || typeflag === '7'
              ? 'file'
              : 'other';
    entries.push({
      name,
      type: type === 'file' && name.endsWith('/') ? 'dir' : type,
      mode: readOctal(h.slice(100, 108)),
      uid: readOctal(h.slice(108, 116)),
      gid: readOctal(h.slice(116, 124)),
      uname: cstring(h.slice(265, 297)),
      gname: cstring(h.slice(297, 329)),
      size,
      mtime: readOctal(h.slice(136, 148)),
      linkname: longLink ?? cstring(h.slice(157, 257)),
      data: type === 'file' ? body : '',
    });
    longName = longLink = paxPath = undefined;
  }
  return { entries };
}
