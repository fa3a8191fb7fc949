import { describe, expect, it } from 'vitest';
import { humanDuration, shortHumanDuration, translateTimestampSince } from './duration';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('HumanDuration (apimachinery duration.HumanDuration)', () => {
  it.each([
    [-2 * s, '<invalid>'],
    [-1999, '0s'],
    [-1 * s, '0s'],
    [-1, '0s'],
    [0, '0s'],
    [999, '0s'],
    [6 * s, '6s'],
    [119 * s, '119s'],
    [119 * s + 999, '119s'],
    [120 * s, '2m'],
    [121 * s, '2m1s'],
    [229 * s, '3m49s'],
    [319 * s, '5m19s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'],
    [10 * m + 59 * s, '10m'],
    [59 * m, '59m'],
    [179 * m + 59 * s, '179m'],
    [3 * h, '3h'],
    [3 * h + m, '3h1m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h, '8h'],
    [47 * h + 59 * m, '47h'],
    [48 * h, '2d'],
    [3 * d + h, '3d1h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d, '8d'],
    [729 * d, '729d'],
    [730 * d, '2y'],
    [740 * d, '2y10d'],
    [8 * 365 * d - h, '7y364d'],
    [8 * 365 * d, '8y'],
    [20 * 365 * d, '20y'],
  ])('%i ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('ShortHumanDuration', () => {
  it.each([
    [-5 * s, '<invalid>'],
    [-1 * s, '0s'],
    [59 * s, '59s'],
    [60 * s, '1m'],
    [59 * m, '59m'],
    [60 * m, '1h'],
    [23 * h, '23h'],
    [24 * h, '1d'],
    [364 * d, '364d'],
    [365 * d, '1y'],
  ])('%i ms → %s', (ms, text) => {
    expect(shortHumanDuration(ms)).toBe(text);
  });
});

describe('translateTimestampSince', () => {
  it('is <unknown> for a missing time and the human age otherwise', () => {
    expect(translateTimestampSince(undefined, 0)).toBe('<unknown>');
    expect(translateTimestampSince('2025-01-15T10:00:00Z', Date.UTC(2025, 0, 15, 10, 3, 49))).toBe(
      '3m49s',
    );
    expect(
      translateTimestampSince('2025-01-15T10:00:00.123456Z', Date.UTC(2025, 0, 15, 10, 0, 1)),
    ).toBe('0s');
  });
});
