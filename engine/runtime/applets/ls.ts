/**
 * `ls [-1aAlRdhFpnsrtSxCiL] [--color[=WHEN]] [FILE]...` (busybox coreutils/ls.c; GNU coreutils
 * ls). On a terminal names are laid out in columns (busybox: one width for all, GNU: the most
 * columns that fit, padded with tabs) and busybox colours them by type; into a pipe, one per line.
 */
import type { Block } from '../kernel';
import { resolvePath, type Stat } from '../fs';
import { defineApplet } from './applet';
import { quoteAlways, strerror } from './common';
import { groupName, userName } from './accounts';
import { Output, work } from './io';
import { breakDown, timeZoneFromEnv, type TimeZone } from './tz';
import { MONTHS } from './strftime';
import { permString } from './mode';

interface Entry {
  /** Name as shown. */
  name: string;
  /** Path used to reach it. */
  path: string;
  /** lstat (or stat with -L / for operands that are links to directories). */
  st: Stat;
  /** For symlinks: the target text and what it points to. */
  target?: string;
  targetSt?: Stat;
  nlink: number;
}

const FILE_TYPE_CHAR: Record<Stat['type'], string> = { file: '-', dir: 'd', symlink: 'l' };

/** `-rw-r--r--` for a node. */
export function modeString(st: Stat): string {
  return FILE_TYPE_CHAR[st.type] + permString(st.mode);
}

/** 1K blocks a node occupies (4K allocation units, symlinks stored inline). */
function blocksOf(st: Stat): number {
  if (st.type === 'symlink') return 0;
  if (st.type === 'dir') return 4;
  return Math.ceil(st.size / 4096) * 4;
}

/** busybox make_human_readable_str / GNU human_readable with -h: one decimal below 10. */
export function humanSize(size: number): string {
  if (size < 1024) return String(size);
  const units = 'KMGTPE';
  let value = size;
  let u = -1;
  while (value >= 1024 && u < units.length - 1) {
    value /= 1024;
    u++;
  }
  // Both round up (ceiling) to one decimal below 10 and to an integer above.
  if (value < 10) {
    const tenths = Math.ceil(value * 10 - 1e-9) / 10;
    if (tenths < 10) return `${tenths.toFixed(1)}${units[u]}`;
    return `10${units[u]}`;
  }
  return `${Math.ceil(value - 1e-9)}${units[u]}`;
}

const COLOR_BY_TYPE: Record<string, [number, number]> = {
  dir: [1, 34],
  symlink: [1, 36],
  exec: [1, 32],
  file: [0, 0],
};

export const ls = defineApplet(
  {
    name: 'ls',
    busybox: {
      short: '1AaCxdLHRctuS' + 'lngsihFpr' + 'T:w:Xv' + 'QkZe',
      long: {
        color: { key: 'color', arg: 'optional' },
        'full-time': { key: 'full-time' },
        'group-directories-first': { key: 'dirs-first' },
      },
    },
    gnu: {
      short: 'aAbBcCdDfFgGhHiI:klLmnNopqQrRsStT:uUvw:xXZ1',
      long: {
        all: { key: 'a' },
        'almost-all': { key: 'A' },
        color: { key: 'color', arg: 'optional' },
        colour: { key: 'color', arg: 'optional' },
        directory: { key: 'd' },
        classify: { key: 'F', arg: 'optional' },
        'human-readable': { key: 'h' },
        inode: { key: 'i' },
        'numeric-uid-gid': { key: 'n' },
        recursive: { key: 'R' },
        reverse: { key: 'r' },
        size: { key: 's' },
        dereference: { key: 'L' },
        'full-time': { key: 'full-time' },
        'group-directories-first': { key: 'dirs-first' },
        width: { key: 'w', arg: 'required' },
        'indicator-style': { key: 'indicator-style', arg: 'required' },
        sort: { key: 'sort', arg: 'required' },
        time: { key: 'time', arg: 'required' },
      },
    },
    usage: {
      synopsis: '[-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...',
      help:
        'List directory contents\n\n' +
        '\t-1\tOne name per line\n' +
        '\t-a\tInclude names starting with .\n' +
        '\t-A\tLike -a, without . and ..\n' +
        '\t-C\tList in columns (the default on a terminal)\n' +
        '\t-x\tList across rows\n' +
        '\t-d\tList directories themselves, not their contents\n' +
        '\t-L\tFollow symlinks\n' +
        '\t-R\tRecurse into directories\n' +
        '\t-p\tAppend / to directories\n' +
        '\t-F\tAppend an indicator (one of */=@|) to names\n' +
        '\t-l\tLong listing\n' +
        '\t-i\tShow inode numbers\n' +
        '\t-n\tNumeric user and group ids\n' +
        '\t-s\tShow allocated blocks\n' +
        '\t-h\tSizes as 1K, 243M, 2G\n' +
        '\t-r\tReverse the order\n' +
        '\t-S\tLargest first\n' +
        '\t-t\tNewest first\n' +
        '\t-w N\tAssume a terminal N columns wide\n' +
        '\t--color[={always,never,auto}]',
    },
    gnuSynopsis: '[OPTION]... [FILE]...',
    gnuUsageStatus: 2,
  },
  function* (a, opts) {
    const proc = a.proc;
    const fs = proc.ns.fs;
    const tty = proc.fd(1)?.tty;
    const has = (k: string) => opts.has(k);
    const long = has('l') || has('n') || has('g') || has('o');
    let oneLine = has('1') || !tty;
    if (has('C') || has('x')) oneLine = false;
    if (long) oneLine = true;
    const width = opts.has('w')
      ? Number(opts.value('w')) || 80
      : (tty?.columns ?? (Number(proc.env.get('COLUMNS')) || 80));
    const showAll = has('a');
    const almostAll = has('A') && !showAll;
    const human = has('h');
    const classify = has('F');
    const slash = has('p') || classify;
    const follow = has('L');
    const colorOpt = opts.value('color');
    const colorWhen = has('color') ? (colorOpt ?? 'always') : undefined;
    let color: boolean;
    if (colorWhen === 'always' || colorWhen === 'yes' || colorWhen === 'force') color = true;
    else if (colorWhen === 'never' || colorWhen === 'no' || colorWhen === 'none') color = false;
    else if (colorWhen !== undefined) color = !!tty;
    else {
      // busybox LS_COLOR_IS_DEFAULT (alpine): colours on a terminal unless TERM=dumb or LS_COLORS=none.
      const lsColors = proc.env.get('LS_COLORS');
      color =
        !a.gnu &&
        !!tty &&
        proc.env.get('TERM') !== 'dumb' &&
        (lsColors === undefined || (lsColors !== '' && lsColors !== 'none'));
    }
    // GNU without LS_COLORS colours only for terminal types its database knows (not unset/dumb).
    if (a.gnu && color && proc.env.get('LS_COLORS') === undefined) {
      const term = proc.env.get('TERM');
      if (term === undefined || term === 'dumb') color = false;
    }
    const tz = timeZoneFromEnv(proc.env.get('TZ'));
    const now = proc.now();
    const out = new Output(proc);
    let status = 0;
    let gnuColorStarted = false;

    const statEntry = (
      path: string,
      name: string,
      operand: boolean,
    ): Entry | Stat['type'] | string => {
      const abs = resolvePath(proc.cwd, path);
      const l = fs.stat(abs, false);
      if (!l.ok) return strerror(l.errno);
      let st = l.value;
      let target: string | undefined;
      let targetSt: Stat | undefined;
      if (st.type === 'symlink') {
        const node = fs.lookup(abs, false);
        if (node.ok && node.value.type === 'symlink') target = node.value.target;
        const s = fs.stat(abs);
        if (s.ok) targetSt = s.value;
        // Operands that link to directories are followed unless -l/-d/-F (both implementations).
        if (follow || (operand && targetSt?.type === 'dir' && !long && !has('d') && !classify)) {
          if (s.ok) st = s.value;
        }
      }
      let nlink = 1;
      if (st.type === 'dir') {
        nlink = 2;
        const entries = fs.readdir(abs);
        if (entries.ok)
          for (const e of entries.value) {
            const child = fs.stat(`${abs === '/' ? '' : abs}/${e}`, false);
            if (child.ok && child.value.type === 'dir') nlink++;
          }
      }
      return { name, path, st, target, targetSt, nlink };
    };

    const sortEntries = (list: Entry[]): Entry[] => {
      const byName = (x: Entry, y: Entry): number =>
        x.name < y.name ? -1 : x.name > y.name ? 1 : 0;
      let cmp: (x: Entry, y: Entry) => number = byName;
      if (has('t')) cmp = (x, y) => y.st.mtime - x.st.mtime || byName(x, y);
      else if (has('S')) cmp = (x, y) => y.st.size - x.st.size || byName(x, y);
      const sorted = has('U') || has('f') ? list : [...list].sort(cmp);
      if (has('dirs-first'))
        sorted.sort((x, y) => Number(y.st.type === 'dir') - Number(x.st.type === 'dir'));
      return has('r') ? sorted.reverse() : sorted;
    };

    const kindOf = (st: Stat | undefined): string =>
      !st
        ? 'file'
        : st.type === 'dir'
          ? 'dir'
          : st.type === 'symlink'
            ? 'symlink'
            : st.mode & 0o111
              ? 'exec'
              : 'file';
    const indicator = (st: Stat | undefined): string => {
      if (!st) return '';
      if (st.type === 'dir') return slash ? '/' : '';
      if (!classify) return '';
      if (st.type === 'symlink') return '@';
      return st.mode & 0o111 ? '*' : '';
    };
    const colored = (text: string, st: Stat | undefined): string => {
      if (!color) return text;
      const kind = kindOf(st);
      if (a.gnu) {
        const codes: Record<string, string> = { dir: '01;34', symlink: '01;36', exec: '01;32' };
        if (!codes[kind]) return text;
        const lead = gnuColorStarted ? '' : '\x1b[0m';
        gnuColorStarted = true;
        return `${lead}\x1b[${codes[kind]}m${text}\x1b[0m`;
      }
      const [bold, fg] = COLOR_BY_TYPE[kind];
      return `\x1b[${bold};${fg}m${text}\x1b[m`;
    };
    const nameOf = (e: Entry): string => {
      let text = colored(e.name, e.st);
      if (long && e.target !== undefined) {
        text += ` -> ${colored(e.target, e.targetSt)}`;
        return text + (classify && e.targetSt ? indicator(e.targetSt) : '');
      }
      return text + indicator(e.st.type === 'symlink' && follow ? e.targetSt : e.st);
    };

    const timeText = (ms: number, zone: TimeZone): string => {
      const t = breakDown(ms, zone);
      const age = now - ms;
      const two = (n: number) => String(n).padStart(2, '0');
      const mon = `${MONTHS[t.month]} ${String(t.day).padStart(2)}`;
      if (has('full-time')) {
        const off = t.offset;
        const sign = off < 0 ? '-' : '+';
        const abs = Math.abs(off);
        const z = `${sign}${two(Math.floor(abs / 3600))}${two(Math.floor(abs / 60) % 60)}`;
        return `${t.year}-${two(t.month + 1)}-${two(t.day)} ${two(t.hour)}:${two(t.minute)}:${two(t.second)}${a.gnu ? `.${String(t.ms * 1e6).padStart(9, '0')}` : ''} ${z}`;
      }
      // Recent: within six months in the past (busybox also allows 15 minutes ahead).
      const recent = a.gnu
        ? age >= 0 && age < 15_778_476_000
        : age < (3600 * 24 * 365 * 1000) / 2 && age > -15 * 60 * 1000;
      return recent ? `${mon} ${two(t.hour)}:${two(t.minute)}` : `${mon}  ${t.year}`;
    };

    const ownerText = (id: number, group: boolean): string => {
      if (has('n')) return String(id);
      return (group ? groupName(proc, id) : userName(proc, id)) ?? String(id);
    };

    const printList = (list: Entry[], withTotal: boolean) => {
      if (withTotal && (long || has('s'))) {
        const total = list.reduce((sum, e) => sum + blocksOf(e.st), 0);
        // busybox formats the total from 1K units (so 4K, not 4.0K), left-aligned in 7 columns.
        if (human && a.gnu) out.write(`total ${humanSize(total * 1024)}\n`);
        else if (human) {
          const text = total === 0 ? '0' : total < 1024 ? `${total}K` : humanSize(total * 1024);
          out.write(`total ${text.padEnd(7)}\n`);
        } else out.write(`total ${total}\n`);
      }
      if (list.length === 0) return;
      if (long) {
        const sizes = list.map((e) => (human ? humanSize(e.st.size) : String(e.st.size)));
        const owners = list.map((e) => ownerText(e.st.uid, false));
        const groups = list.map((e) => ownerText(e.st.gid, true));
        const w = (xs: string[]) => Math.max(...xs.map((x) => x.length));
        const linkW = w(list.map((e) => String(e.nlink)));
        const ownerW = w(owners);
        const groupW = w(groups);
        const sizeW = w(sizes);
        list.forEach((e, i) => {
          let line = '';
          if (has('i'))
            line += a.gnu ? `${inode(e.path)} ` : `${String(inode(e.path)).padStart(7)} `;
          if (has('s'))
            line += a.gnu ? `${blocksOf(e.st)} ` : `${String(blocksOf(e.st)).padStart(6)} `;
          if (a.gnu) {
            line += `${modeString(e.st)} ${String(e.nlink).padStart(linkW)} `;
            if (!has('g')) line += `${owners[i].padEnd(ownerW)} `;
            if (!has('o')) line += `${groups[i].padEnd(groupW)} `;
            line += `${sizes[i].padStart(sizeW)} ${timeText(e.st.mtime, tz)} `;
          } else {
            line += `${modeString(e.st).padEnd(10)} ${String(e.nlink).padStart(4)} `;
            if (has('n'))
              line += has('g')
                ? `${e.st.gid}`.padEnd(8) + ' '
                : `${String(e.st.uid).padEnd(8)} ${String(e.st.gid).padEnd(8)} `;
            else if (has('g')) line += `${groups[i].slice(0, 8).padEnd(8)} `;
            else line += `${owners[i].slice(0, 8).padEnd(8)} ${groups[i].slice(0, 8).padEnd(8)} `;
            line += human ? `${sizes[i].padStart(7)} ` : `${sizes[i].padStart(9)} `;
            line += `${timeText(e.st.mtime, tz)} `;
          }
          out.write(line + nameOf(e) + '\n');
        });
        return;
      }
      const prefix = (e: Entry) =>
        (has('i') ? (a.gnu ? `${inode(e.path)} ` : `${String(inode(e.path)).padStart(7)} `) : '') +
        (has('s') ? (a.gnu ? `${blocksOf(e.st)} ` : `${String(blocksOf(e.st)).padStart(6)} `) : '');
      const cells = list.map((e) => ({
        text: prefix(e) + nameOf(e),
        len: prefix(e).length + e.name.length + indicator(e.st).length,
      }));
      if (oneLine) {
        for (const c of cells) out.write(c.text + '\n');
        return;
      }
      if (a.gnu) writeGnuColumns(out, cells, width, has('x'));
      else writeBusyboxColumns(out, cells, width, has('x'));
    };

    // Operands: files first, then directories (each with a header unless it is the only one).
    const operands = opts.operands.length ? opts.operands : ['.'];
    const files: Entry[] = [];
    const dirs: Entry[] = [];
    for (const op of operands) {
      const e = statEntry(op, op, true);
      if (typeof e === 'string') {
        yield* a.error(a.gnu ? `cannot access ${quoteAlways(op)}: ${e}` : `${op}: ${e}`);
        status = a.gnu ? 2 : 1;
        continue;
      }
      if (e.st.type === 'dir' && !has('d')) dirs.push(e);
      else files.push(e);
    }
    printList(sortEntries(files), false);
    const showHeaders = operands.length > 1 || has('R');
    let first = files.length === 0;
    const queue = sortEntries(dirs);
    const listDir = function* (dir: Entry): Generator<Block, void, void> {
      if (showHeaders) {
        out.write(`${first ? '' : '\n'}${dir.path}:\n`);
      }
      first = false;
      const abs = resolvePath(proc.cwd, dir.path);
      const names = fs.readdir(abs);
      if (!names.ok) {
        yield* a.error(
          a.gnu
            ? `cannot open directory ${quoteAlways(dir.path)}: ${strerror(names.errno)}`
            : `${dir.path}: ${strerror(names.errno)}`,
        );
        status = a.gnu ? 2 : 1;
        return;
      }
      const all = showAll ? ['.', '..', ...names.value] : names.value;
      const entries: Entry[] = [];
      for (const n of all) {
        if (n.startsWith('.') && !showAll && !almostAll) continue;
        const childPath =
          n === '.'
            ? dir.path
            : n === '..'
              ? `${dir.path}/..`
              : dir.path === '/'
                ? `/${n}`
                : `${dir.path.replace(/\/$/, '')}/${n}`;
        const e = statEntry(childPath, n, false);
        if (typeof e === 'string') continue;
        entries.push(e);
      }
      const sorted = sortEntries(entries);
      printList(sorted, true);
      if (out.full && !(yield* out.flush())) return;
      yield* work(proc, Math.ceil(entries.length / 20));
      if (has('R')) {
        for (const e of sorted) {
          if (e.st.type === 'dir' && e.name !== '.' && e.name !== '..') yield* listDir(e);
        }
      }
    };
    for (const dir of queue) yield* listDir(dir);
    if (!(yield* out.flush())) return 2;
    return status;
  },
);

/** A stable fake inode number for a path (the simulated fs has no inodes). */
// @simplified: inode numbers are derived from the path, not allocated by a file system.
function inode(path: string): number {
  let h = 5381;
  for (let i = 0; i < path.length; i++) h = ((h * 33) ^ path.charCodeAt(i)) >>> 0;
  return (h % 9_000_000) + 100_000;
}

/** busybox display_files: one column width (longest name + 2), filled down the columns. */
function writeBusyboxColumns(
  out: Output,
  cells: Array<{ text: string; len: number }>,
  width: number,
  across: boolean,
): void {
  const columnWidth = Math.max(...cells.map((c) => c.len)) + 2;
  let ncols = Math.floor(width / columnWidth);
  let nrows: number;
  if (ncols > 1) nrows = Math.ceil(cells.length / ncols);
  else {
    nrows = cells.length;
    ncols = 1;
  }
  for (let row = 0; row < nrows; row++) {
    let line = '';
    let column = 0;
    let nexttab = 0;
    for (let nc = 0; nc < ncols; nc++) {
      const i = across ? row * ncols + nc : nc * nrows + row;
      if (i >= cells.length) continue;
      if (column > 0) {
        line += ' '.repeat(nexttab - column);
        column = nexttab;
      }
      nexttab = column + columnWidth;
      line += cells[i].text;
      column += cells[i].len;
    }
    out.write(line + '\n');
  }
}

/**
 * GNU ls -C: the largest number of columns whose widths (longest name in each + 2, the last
 * without) add up to less than the line width; padding uses tabs where a tab stop fits.
 */
function writeGnuColumns(
  out: Output,
  cells: Array<{ text: string; len: number }>,
  width: number,
  across: boolean,
): void {
  const n = cells.length;
  let best = { cols: 1, rows: n, widths: [Math.max(...cells.map((c) => c.len))] };
  for (let cols = Math.min(n, Math.max(1, Math.floor(width / 3))); cols > 1; cols--) {
    const rows = Math.ceil(n / cols);
    const used = across ? cols : Math.ceil(n / rows);
    if (!across && used < cols) continue;
    const widths: number[] = new Array(cols).fill(0);
    for (let i = 0; i < n; i++) {
      const col = across ? i % cols : Math.floor(i / rows);
      widths[col] = Math.max(widths[col], cells[i].len + (col === cols - 1 ? 0 : 2));
    }
    const total = widths.reduce((s, w) => s + w, 0);
    if (total < width) {
      best = { cols, rows, widths };
      break;
    }
  }
  const { cols, rows, widths } = best;
  for (let row = 0; row < rows; row++) {
    let line = '';
    let pos = 0;
    for (let col = 0; col < cols; col++) {
      const i = across ? row * cols + col : col * rows + row;
      if (i >= n) break;
      const cell = cells[i];
      line += cell.text;
      const start = pos;
      pos += cell.len;
      const next = across ? row * cols + col + 1 : (col + 1) * rows + row;
      if (col < cols - 1 && next < n) {
        const target = start + widths[col];
        while (pos < target) {
          if (Math.floor(target / 8) > Math.floor((pos + 1) / 8)) {
            line += '\t';
            pos += 8 - (pos % 8);
          } else {
            line += ' ';
            pos++;
          }
        }
      }
    }
    out.write(line + '\n');
  }
}
