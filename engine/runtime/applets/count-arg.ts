/** Parsing the N of `head -n N` / `tail -c N`: digits with a multiplier suffix. */

const BUSYBOX_SUFFIXES: Record<string, number> = { '': 1, b: 512, k: 1024, m: 1024 * 1024 };
const GNU_SUFFIXES: Record<string, number> = {
  '': 1,
  b: 512,
  kB: 1000,
  K: 1024,
  KiB: 1024,
  MB: 1000 ** 2,
  M: 1024 ** 2,
  MiB: 1024 ** 2,
  GB: 1000 ** 3,
  G: 1024 ** 3,
  GiB: 1024 ** 3,
};

/** A parsed count: its magnitude and whether it had a leading `+` or `-`. */
export interface CountArg {
  n: number;
  sign: '' | '+' | '-';
}

/** Parses a count like `10`, `-5`, `+3`, `2k`; undefined when invalid. */
export function parseCount(text: string, gnu: boolean): CountArg | undefined {
  const m = /^([+-]?)(\d+)([a-zA-Z]*)$/.exec(text);
  if (!m) return undefined;
  const factor = (gnu ? GNU_SUFFIXES : BUSYBOX_SUFFIXES)[m[3]];
  if (factor === undefined) return undefined;
  return { n: Number(m[2]) * factor, sign: m[1] as CountArg['sign'] };
}
