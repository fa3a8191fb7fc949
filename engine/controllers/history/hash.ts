/**
 * The 32-bit FNV hashes Go's `hash/fnv` provides and the "safe encoding" that turns a hash into a
 * label value (k8s.io/apimachinery/pkg/util/rand#SafeEncodeString). Inputs are byte strings (one
 * char per byte, as `utf8Encode` returns), so the arithmetic matches Go byte for byte.
 */
import { utf8Encode } from '../../util/utf8';

const OFFSET_32 = 0x811c9dc5;
const PRIME_32 = 0x01000193;

/** A running 32-bit FNV hash (Go's fnv.New32 / fnv.New32a). */
export class Fnv32 {
  private h = OFFSET_32;

  /** `variant` '1' multiplies then xors (fnv.New32); '1a' xors then multiplies (fnv.New32a). */
  constructor(private readonly variant: '1' | '1a') {}

  /** Feeds bytes (a byte string: char codes 0–255). */
  writeBytes(bytes: string): this {
    let h = this.h;
    if (this.variant === '1a') {
      for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes.charCodeAt(i), PRIME_32);
    } else {
      for (let i = 0; i < bytes.length; i++) h = Math.imul(h, PRIME_32) ^ bytes.charCodeAt(i);
    }
    this.h = h >>> 0;
    return this;
  }

  /** Feeds text, encoded as UTF-8 the way Go strings are. */
  writeString(text: string): this {
    return this.writeBytes(utf8Encode(text));
  }

  /**
   * Feeds a collisionCount as the controllers do: the int32 as uint32, little-endian, in an
   * 8-byte buffer whose last four bytes stay zero (controller_utils.go#ComputeHash).
   */
  writeCollisionCount(count: number): this {
    const u = count >>> 0;
    return this.writeBytes(
      String.fromCharCode(u & 255, (u >>> 8) & 255, (u >>> 16) & 255, u >>> 24, 0, 0, 0, 0),
    );
  }

  /** The hash so far, as an unsigned 32-bit integer (Sum32). */
  sum32(): number {
    return this.h >>> 0;
  }
}

/** The alphabet of apimachinery/pkg/util/rand (no vowels, no 0 1 3). */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * rand.SafeEncodeString: maps each byte to `alphanums[byte % 27]`. Applied to decimal digits it
 * yields only `4 5 6 7 8 9 b c d f` (0→4 … 9→f), so no words can be spelled.
 */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

/**
 * history.HashControllerRevision (pkg/controller/history/controller_history.go): FNV-1 (not 1a)
 * over the revision's Data bytes, then the probe (collisionCount) as decimal text when set,
 * safe-encoded. StatefulSets name their revisions with it; DaemonSets use `computeHash`.
 */
export function hashControllerRevision(dataRaw: string, probe?: number | null): string {
  const h = new Fnv32('1').writeString(dataRaw);
  if (probe !== undefined && probe !== null) h.writeString(String(Math.trunc(probe)));
  return safeEncodeString(String(h.sum32()));
}
