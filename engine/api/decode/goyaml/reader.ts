/**
 * The character source of the YAML scanner, modelled on go-yaml v2's reader (readerc.go, the
 * libyaml reader ported to Go). It matters for one observable behaviour: characters are checked
 * chunk by chunk as the scanner asks for them, so a forbidden control character is reported
 * (`yaml: control characters are not allowed`) as soon as the scanner needs any character of the
 * 512-byte input chunk that holds it, possibly before a syntax error earlier in the text.
 */

/** go-yaml's raw input buffer size in bytes (`input_raw_buffer_size`). */
const RAW_CHUNK = 512;

/** UTF-8 length of a code point. */
function utf8Width(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Whether the YAML reader accepts a character (printable set of YAML 1.1, plus tab/LF/CR). */
function allowed(cp: number): boolean {
  return (
    cp === 0x09 ||
    cp === 0x0a ||
    cp === 0x0d ||
    (cp >= 0x20 && cp <= 0x7e) ||
    cp === 0x85 ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Code points of a document plus the lazy, chunked validity check of go-yaml's reader. */
export class YamlReader {
  /** The input as code points; index `length` and beyond read as 0 (end of stream). */
  readonly cps: Uint32Array;
  readonly length: number;
  /** Number of code points decoded (checked) so far. */
  private decoded = 0;
  /** Input bytes moved into the raw buffer so far. */
  private inputBytes = 0;
  /** Bytes in the raw buffer not yet decoded (the start of an incomplete character). */
  private leftover = 0;
  /** Set once a forbidden character has been decoded. */
  error: string | undefined;

  constructor(text: string) {
    const cps = new Uint32Array(text.length);
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          cps[n++] = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          i++;
          continue;
        }
      }
      cps[n++] = c;
    }
    this.cps = cps.subarray(0, n);
    this.length = n;
  }

  /** The code point at `i`, or 0 past the end. */
  at(i: number): number {
    return i < this.length ? this.cps[i] : 0;
  }

  /**
   * Makes sure the characters before index `end` have been decoded; returns false (and sets
   * `error`) when a forbidden character is met on the way.
   */
  ensure(end: number): boolean {
    if (this.error) return false;
    while (this.decoded < end && this.decoded < this.length) {
      // Refill the raw buffer up to 512 bytes, then decode every complete character in it.
      const unreadInput = this.totalBytes() - this.inputBytes;
      const read = Math.min(RAW_CHUNK - this.leftover, unreadInput);
      const budget = this.leftover + read;
      this.inputBytes += read;
      let used = 0;
      let i = this.decoded;
      while (i < this.length) {
        const w = utf8Width(this.cps[i]);
        if (used + w > budget) break;
        if (!allowed(this.cps[i])) {
          this.error = 'control characters are not allowed';
          return false;
        }
        used += w;
        i++;
      }
      this.leftover = budget - used;
      this.decoded = i;
    }
    return true;
  }

  /** UTF-8 length of the whole input. */
  private totalBytes(): number {
    if (this.bytes < 0) {
      let n = 0;
      for (let i = 0; i < this.length; i++) n += utf8Width(this.cps[i]);
      this.bytes = n;
    }
    return this.bytes;
  }

  private bytes = -1;
}
