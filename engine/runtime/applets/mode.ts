/**
 * File mode arithmetic for `chmod`: busybox's one-pass parser (libbb/parse_mode.c), GNU's
 * compile-then-adjust pair (gnulib lib/modechange.c), and the ls-style permission string with
 * set-id and sticky letters (strmode / bb_mode_string).
 */

const SUID = 0o4000;
const SGID = 0o2000;
const SVTX = 0o1000;
const RWXU = 0o700;
const RWXG = 0o070;
const RWXO = 0o007;
const ALL_X = 0o111;
/** Every bit chmod can set (CHMOD_MODE_BITS). */
export const MODE_BITS = 0o7777;

/** The umask chmod applies to a mode without `ugoa`. */
// @simplified: processes carry no umask in the simulated kernel; chmod uses the 022 every image
// and the workstation start with (a shell's `umask` builtin does not reach its children).
export const DEFAULT_UMASK = 0o022;

const R = 0o444;
const W = 0o222;
const X = 0o111;

/** `rwxr-xr-x` (nine letters) with s/S and t/T for the set-id and sticky bits. */
export function permString(mode: number): string {
  const triple = (shift: number, special: number, letter: string) => {
    const bits = (mode >> shift) & 7;
    const x = bits & 1;
    const s = mode & special;
    return (
      (bits & 4 ? 'r' : '-') +
      (bits & 2 ? 'w' : '-') +
      (s ? (x ? letter : letter.toUpperCase()) : x ? 'x' : '-')
    );
  };
  return triple(6, SUID, 's') + triple(3, SGID, 's') + triple(0, SVTX, 't');
}

/** Spreads any r, w or x bit of `bits` to all three classes (a `g=u` copy). */
function spreadCopy(bits: number): number {
  return (bits & R ? R : 0) | (bits & W ? W : 0) | (bits & X ? X : 0);
}

/**
 * busybox bb_parse_mode: applies `text` to `current` (permission bits only) and returns the new
 * bits, or undefined for an invalid mode. `isDir` makes `X` apply as for a directory.
 */
export function busyboxParseMode(
  text: string,
  current: number,
  isDir: boolean,
  umask = DEFAULT_UMASK,
): number | undefined {
  if (text[0] >= '0' && text[0] <= '7') {
    // strtoul: digits up to the first non-octal character, which must be the end.
    if (!/^[0-7]+$/.test(text)) return undefined;
    const v = parseInt(text, 8);
    return v > MODE_BITS ? undefined : v;
  }
  const whoMask: Record<string, number> = {
    a: MODE_BITS,
    u: SUID | RWXU,
    g: SGID | RWXG,
    o: RWXO,
  };
  const permMask: Record<string, number> = {
    r: R,
    w: W,
    x: X,
    X: X,
    s: SUID | SGID,
    t: SVTX,
  };
  let mode = current;
  let i = 0;
  while (i < text.length) {
    if (text[i] === ',') {
      i++;
      continue;
    }
    let who = 0;
    while (text[i] in whoMask) {
      who |= whoMask[text[i]];
      i++;
      if (i >= text.length) return undefined;
    }
    do {
      const op = text[i];
      if (op !== '+' && op !== '-' && op !== '=') return undefined;
      if (op === '=') mode &= who ? ~who : ~MODE_BITS;
      i++;
      let perms = 0;
      const c = text[i];
      if (c === 'u' || c === 'g' || c === 'o') {
        perms = spreadCopy(whoMask[c] & (RWXU | RWXG | RWXO) & mode);
        i++;
      } else {
        while (i < text.length && text[i] in permMask) {
          const p = text[i];
          if (p !== 'X' || isDir || mode & ALL_X) perms |= permMask[p];
          i++;
        }
      }
      if (perms) {
        perms &= who ? who : ~umask;
        mode = op === '-' ? mode & ~perms : mode | perms;
      }
    } while (i < text.length && text[i] !== ',');
  }
  return mode & MODE_BITS;
}

/** One compiled GNU mode change (gnulib struct mode_change). */
interface GnuChange {
  op: '+' | '-' | '=';
  flag: 'ordinary' | 'x-if-any-x' | 'copy';
  affected: number;
  value: number;
  mentioned: number;
}

/** A compiled GNU mode: what `mode_compile` returns. */
export type GnuMode = readonly GnuChange[];

/** gnulib mode_compile: parses a GNU mode string, or undefined when invalid. */
export function gnuCompileMode(text: string): GnuMode | undefined {
  if (text[0] >= '0' && text[0] <= '7') {
    if (!/^[0-7]+$/.test(text)) return undefined;
    // Overflow is checked digit by digit, so leading zeros are fine.
    const value = parseInt(text, 8);
    if (value > MODE_BITS) return undefined;
    // Fewer than five digits keep a directory's set-id bits unless they are set.
    const mentioned = text.length < 5 ? (value & (SUID | SGID)) | SVTX | 0o777 : MODE_BITS;
    return [{ op: '=', flag: 'ordinary', affected: MODE_BITS, value, mentioned }];
  }
  const changes: GnuChange[] = [];
  let i = 0;
  for (;;) {
    let affected = 0;
    for (;;) {
      const c = text[i];
      if (c === 'u') affected |= SUID | RWXU;
      else if (c === 'g') affected |= SGID | RWXG;
      else if (c === 'o') affected |= SVTX | RWXO;
      else if (c === 'a') affected |= MODE_BITS;
      else if (c === '=' || c === '+' || c === '-') break;
      else return undefined;
      i++;
    }
    do {
      const op = text[i] as GnuChange['op'];
      i++;
      let value = 0;
      let mentioned = 0;
      let flag: GnuChange['flag'] = 'copy';
      const c = text[i];
      if (c !== undefined && c >= '0' && c <= '7') {
        const start = i;
        while (text[i] !== undefined && text[i] >= '0' && text[i] <= '7') i++;
        value = parseInt(text.slice(start, i), 8);
        if (value > MODE_BITS) return undefined;
        if (affected || (i < text.length && text[i] !== ',')) return undefined;
        affected = mentioned = MODE_BITS;
        flag = 'ordinary';
      } else if (c === 'u' || c === 'g' || c === 'o') {
        value = c === 'u' ? RWXU : c === 'g' ? RWXG : RWXO;
        i++;
      } else {
        flag = 'ordinary';
        for (; i < text.length; i++) {
          const p = text[i];
          if (p === 'r') value |= R;
          else if (p === 'w') value |= W;
          else if (p === 'x') value |= X;
          else if (p === 'X') flag = 'x-if-any-x';
          else if (p === 's') value |= SUID | SGID;
          else if (p === 't') value |= SVTX;
          else break;
        }
      }
      changes.push({
        op,
        flag,
        affected,
        value,
        mentioned: mentioned || (affected ? affected & value : value),
      });
    } while (text[i] === '=' || text[i] === '+' || text[i] === '-');
    if (text[i] !== ',') break;
    i++;
  }
  return i === text.length ? changes : undefined;
}

/** The mode change `--reference=RFILE` makes: RFILE's bits, all of them mentioned. */
export function gnuReferenceMode(mode: number): GnuMode {
  return [
    {
      op: '=',
      flag: 'ordinary',
      affected: MODE_BITS,
      value: mode & MODE_BITS,
      mentioned: MODE_BITS,
    },
  ];
}

/** gnulib mode_adjust: the permission bits `changes` give a file whose bits are `old`. */
export function gnuAdjustMode(
  old: number,
  isDir: boolean,
  umask: number,
  changes: GnuMode,
): number {
  let mode = old & MODE_BITS;
  for (const ch of changes) {
    const omit = (isDir ? SUID | SGID : 0) & ~ch.mentioned;
    let value = ch.value;
    if (ch.flag === 'copy') value = spreadCopy(value & mode) | (value & mode);
    else if (ch.flag === 'x-if-any-x' && (mode & ALL_X || isDir)) value |= ALL_X;
    value &= (ch.affected ? ch.affected : ~umask) & ~omit;
    if (ch.op === '=') {
      const preserved = (ch.affected ? ~ch.affected : 0) | omit;
      mode = (mode & preserved) | value;
    } else if (ch.op === '+') mode |= value;
    else mode &= ~value;
  }
  return mode & MODE_BITS;
}
