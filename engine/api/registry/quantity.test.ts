import { describe, expect, it } from 'vitest';
import {
  compareQuantity,
  formatQuantity,
  milliValue,
  parseQuantity,
  roundUpQuantity,
  QUANTITY_FORMAT_ERROR,
  QUANTITY_SUFFIX_ERROR,
  type Quantity,
} from './quantity';

function q(s: string): Quantity {
  const r = parseQuantity(s);
  if (typeof r === 'string') return expect.fail(`${s}: ${r}`);
  return r;
}

describe('canonical form (Quantity.String)', () => {
  // Expected strings are those the API server stores (apimachinery quantity_test.go cases).
  it.each([
    ['0', '0'],
    ['500m', '500m'],
    ['0.5', '500m'],
    ['.5', '500m'],
    ['1', '1'],
    ['1000', '1k'],
    ['1500', '1500'],
    ['1.5', '1500m'],
    ['100M', '100M'],
    ['1000M', '1G'],
    ['1Gi', '1Gi'],
    ['1024Mi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['1.5Gi', '1536Mi'],
    ['0.5Ki', '512'],
    ['1023Ki', '1023Ki'],
    ['1e3', '1e3'],
    ['1E3', '1e3'],
    ['1.5e3', '1500'],
    ['12e6', '12e6'],
    ['-1', '-1'],
    ['-500m', '-500m'],
    ['+1', '1'],
    ['0001', '1'],
    ['10n', '10n'],
    ['1u', '1u'],
    ['1E', '1E'],
  ])('%s → %s', (input, expected) => {
    expect(formatQuantity(q(input))).toBe(expected);
  });

  it('rounds sub-nano values up and SetDefaults_ResourceList rounds up to milli', () => {
    expect(formatQuantity(q('0.0000000001'))).toBe('1n');
    expect(formatQuantity(roundUpQuantity(q('0.0001'), -3))).toBe('1m');
    expect(formatQuantity(roundUpQuantity(q('100m'), -3))).toBe('100m');
  });
});

describe('parse errors', () => {
  it.each([
    ['', QUANTITY_FORMAT_ERROR],
    ['abc', QUANTITY_FORMAT_ERROR],
    ['1.2.3', QUANTITY_FORMAT_ERROR],
    ['1Kb', QUANTITY_FORMAT_ERROR],
    ['1ki', QUANTITY_SUFFIX_ERROR],
    ['1x', QUANTITY_FORMAT_ERROR],
    ['1e', QUANTITY_SUFFIX_ERROR],
  ])('%j', (input, message) => {
    expect(parseQuantity(input)).toBe(message);
  });
});

describe('comparison and milli values', () => {
  it('compares across formats exactly', () => {
    expect(compareQuantity(q('1'), q('1000m'))).toBe(0);
    expect(compareQuantity(q('1Gi'), q('1G'))).toBe(1);
    expect(compareQuantity(q('2'), q('1'))).toBe(1);
    expect(compareQuantity(q('100m'), q('0.2'))).toBe(-1);
  });

  it('MilliValue rounds up', () => {
    expect(milliValue(q('1.5'))).toBe(1500n);
    expect(milliValue(q('1n'))).toBe(1n);
  });
});
