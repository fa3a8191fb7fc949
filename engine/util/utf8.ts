/**
 * The userland moves bytes as "byte strings" (one char per byte, codes 0–255), so `wc -c`,
 * gzip and tar see real bytes. These helpers convert at the edges (terminal, manifests).
 */

/** Encodes text (UTF-16 JS string) as a UTF-8 byte string. */
export function utf8Encode(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out += ch;
    else if (cp < 0x800) out += String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000)
      out += String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else
      out += String.fromCharCode(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 63),
        0x80 | ((cp >> 6) & 63),
        0x80 | (cp & 63),
      );
  }
  return out;
}

/** Decodes a UTF-8 byte string; invalid sequences become U+FFFD, as terminals show them. */
export function utf8Decode(bytes: string): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes.charCodeAt(i);
    if (b < 0x80) {
      out += bytes[i++];
      continue;
    }
    const need =
      b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xc0 && b < 0xe0 ? 1 : -1;
    let cp = need === 1 ? b & 0x1f : need === 2 ? b & 0x0f : b & 0x07;
    let valid = need > 0 && i + need <= bytes.length - 1;
    for (let k = 1; valid && k <= need; k++) {
      const c = bytes.charCodeAt(i + k);
      if ((c & 0xc0) !== 0x80) valid = false;
      else cp = (cp << 6) | (c & 63);
    }
    if (!valid) {
      out += '\ufffd';
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

/** True when the byte string is plain ASCII (no conversion needed). */
export function isAscii(bytes: string): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes.charCodeAt(i) > 0x7f) return false;
  return true;
}
