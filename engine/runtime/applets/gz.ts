/**
 * gzip streams for gzip/gunzip/zcat and tar -z, via fflate. Data are byte strings. Like busybox
 * gzip, the header carries no name and a zero mtime (so output is deterministic), OS = Unix.
 */
import { Gunzip, gzipSync } from 'fflate';

/** Byte string → bytes. */
export function toBytes(data: string): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = data.charCodeAt(i) & 255;
  return out;
}

/** Bytes → byte string. */
export function fromBytes(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 8192)));
  }
  return out;
}

/** Whether data starts with the gzip magic. */
export function isGzip(data: string): boolean {
  return data.charCodeAt(0) === 0x1f && data.charCodeAt(1) === 0x8b;
}

/** Compresses a byte string into one gzip member (level 1–9, 6 by default). */
export function gzipString(data: string, level = 6): string {
  const lvl = Math.min(9, Math.max(1, level)) as 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  return fromBytes(gzipSync(toBytes(data), { level: lvl, mtime: 0 }));
}

/** Why gunzip failed, in busybox's words. */
export type GunzipError = 'invalid magic' | 'corrupted data' | 'unexpected end of file';

/** Decompresses every member of a gzip stream. */
export function gunzipString(
  data: string,
): { ok: true; data: string } | { ok: false; error: GunzipError } {
  if (!isGzip(data)) return { ok: false, error: 'invalid magic' };
  const parts: Uint8Array[] = [];
  let failed = false;
  try {
    const stream = new Gunzip((chunk) => parts.push(chunk));
    stream.push(toBytes(data), true);
  } catch {
    failed = true;
  }
  if (failed)
    return { ok: false, error: parts.length ? 'corrupted data' : 'unexpected end of file' };
  return { ok: true, data: parts.map(fromBytes).join('') };
}
