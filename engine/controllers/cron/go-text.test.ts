import { describe, expect, it } from 'vitest';
import { goParseDuration } from './go-duration';
import { goAtoi, goFields, goQuote, goTimeQuote, goTrimSpace } from './go-text';

describe('goAtoi (strconv.Atoi, 64-bit)', () => {
  it.each([
    ['0', 0n],
    ['59', 59n],
    ['+5', 5n],
    ['-0', 0n],
    ['007', 7n],
    ['-12', -12n],
    ['9223372036854775807', 9223372036854775807n],
    ['-9223372036854775808', -9223372036854775808n],
    ['000000000000000000005', 5n],
  ])('%j → %s', (text, value) => {
    expect(goAtoi(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'strconv.Atoi: parsing "": invalid syntax'],
    ['+', 'strconv.Atoi: parsing "+": invalid syntax'],
    ['abc', 'strconv.Atoi: parsing "abc": invalid syntax'],
    ['1_000', 'strconv.Atoi: parsing "1_000": invalid syntax'],
    ['0x10', 'strconv.Atoi: parsing "0x10": invalid syntax'],
    ['9223372036854775808', 'strconv.Atoi: parsing "9223372036854775808": value out of range'],
    ['-9223372036854775809', 'strconv.Atoi: parsing "-9223372036854775809": value out of range'],
    // Overflow is found before the trailing letter on the slow path.
    ['99999999999999999999x', 'strconv.Atoi: parsing "99999999999999999999x": value out of range'],
    ['1234567890123456789x', 'strconv.Atoi: parsing "1234567890123456789x": invalid syntax'],
    ['\u0665', 'strconv.Atoi: parsing "\u0665": invalid syntax'], // Arabic-Indic five
  ])('%j fails', (text, error) => {
    expect(goAtoi(text)).toEqual({ ok: false, error });
  });
});

describe('quoting', () => {
  it('goQuote escapes like strconv.Quote', () => {
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(goQuote('\t\n\x01\x7f')).toBe('"\\t\\n\\x01\\x7f"');
    expect(goQuote('서울 ü')).toBe('"서울 ü"');
    expect(goQuote('\u00a0\u200b\u{1F600}')).toBe('"\\u00a0\\u200b\u{1F600}"');
  });

  it('goTimeQuote writes non-ASCII as UTF-8 bytes', () => {
    expect(goTimeQuote('1ü')).toBe('"1\\xc3\\xbc"');
    expect(goTimeQuote('a"\t')).toBe('"a\\"\\x09"');
  });
});

describe('goFields / goTrimSpace (unicode.IsSpace)', () => {
  it('splits on Go whitespace only', () => {
    expect(goFields(' a\tb\u00a0c\u0085d\u3000e ')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(goFields('a\ufeffb')).toEqual(['a\ufeffb']); // BOM is not a Go space
    expect(goFields('')).toEqual([]);
    expect(goTrimSpace('\u2028 x y \n')).toBe('x y');
  });
});

describe('goParseDuration (time.ParseDuration)', () => {
  it.each([
    ['0', 0n],
    ['-0', 0n],
    ['5m', 300_000_000_000n],
    ['1h30m', 5_400_000_000_000n],
    ['1.5h', 5_400_000_000_000n],
    ['.5s', 500_000_000n],
    ['1.s', 1_000_000_000n],
    ['+5s', 5_000_000_000n],
    ['-1.5h', -5_400_000_000_000n],
    ['1\u00b5s', 1_000n],
    ['1\u03bcs', 1_000n],
    ['1us2ns', 1_002n],
    ['9223372036854775807ns', 9223372036854775807n],
    ['-9223372036854775808ns', -9223372036854775808n],
    ['0.000000001s', 1n],
  ])('%j → %s ns', (text, value) => {
    expect(goParseDuration(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'time: invalid duration ""'],
    ['abc', 'time: invalid duration "abc"'],
    ['.', 'time: invalid duration "."'],
    ['5m.', 'time: invalid duration "5m."'],
    ['-', 'time: invalid duration "-"'],
    ['5', 'time: missing unit in duration "5"'],
    ['5x', 'time: unknown unit "x" in duration "5x"'],
    ['5 m', 'time: unknown unit " m" in duration "5 m"'],
    ['1ü', 'time: unknown unit "\\xc3\\xbc" in duration "1\\xc3\\xbc"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['2562048h', 'time: invalid duration "2562048h"'],
  ])('%j fails', (text, error) => {
    expect(goParseDuration(text)).toEqual({ ok: false, error });
  });
});
