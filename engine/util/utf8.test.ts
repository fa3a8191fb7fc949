import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Decode, utf8Encode } from './utf8';

describe('utf8', () => {
  it('round-trips any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(utf8Decode(utf8Encode(s))).toBe(s);
      }),
      { seed: 1 },
    );
  });
  it('encodes Hangul as three bytes per syllable', () => {
    expect(utf8Encode('잡').length).toBe(3);
    expect(utf8Decode('\xff')).toBe('\ufffd');
  });
});
