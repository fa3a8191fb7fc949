/**
 * The engine's only source of randomness: a seeded generator (sfc32) with named forks.
 * A fork's stream depends only on the root seed and the fork's path, never on how many numbers
 * other forks have drawn, so adding a consumer does not shift anybody else's sequence.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(
    /** The seed path this generator was derived from, e.g. "1/names". */
    readonly path: string,
  ) {
    [this.a, this.b, this.c, this.d] = hash128(path);
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A root generator for a numeric or textual seed. */
  static seeded(seed: number | string): Rng {
    return new Rng(String(seed));
  }

  /** An independent generator for one consumer, e.g. rng.fork('job-controller'). */
  fork(name: string): Rng {
    return new Rng(`${this.path}/${name}`);
  }

  /** A uniformly distributed 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  /** An RFC 4122 version-4 UUID string. */
  uuid(): string {
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    const s =
      hex(this.nextUint32()) +
      hex(this.nextUint32()) +
      hex(this.nextUint32()) +
      hex(this.nextUint32());
    const variant = '89ab'[this.int(4)];
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20, 32)}`;
  }
}

/** cyrb128: a fast string hash giving four 32-bit words to seed sfc32. */
function hash128(str: string): [number, number, number, number] {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
