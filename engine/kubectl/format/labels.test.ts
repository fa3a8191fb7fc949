import { describe, expect, it } from 'vitest';
import {
  goLabelSelectorSyntax,
  goMapStringStringSyntax,
  goMapStringStringValue,
  goQuote,
} from './gofmt';
import { formatLabelSelector, formatLabels, formatSelectorSet } from './labels';
import {
  canonicalQuantity,
  formatQuantity,
  milliValue,
  parseQuantity,
  quantityValue,
} from './quantity';

describe('labels.FormatLabels and metav1.FormatLabelSelector', () => {
  it('formats label maps sorted by key, <none> when empty', () => {
    expect(formatLabels({ b: '2', a: '1', 'app.kubernetes.io/name': 'x' })).toBe(
      'a=1,app.kubernetes.io/name=x,b=2',
    );
    expect(formatLabels({})).toBe('<none>');
    expect(formatLabels(undefined)).toBe('<none>');
    expect(formatSelectorSet({})).toBe('');
  });

  it('formats selectors with expressions, sorted by key, values sorted', () => {
    expect(
      formatLabelSelector({
        matchLabels: { app: 'x' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['b', 'a'] },
          { key: 'env', operator: 'NotIn', values: ['prod'] },
          { key: 'gone', operator: 'DoesNotExist' },
          { key: 'has', operator: 'Exists' },
        ],
      }),
    ).toBe('app=x,env notin (prod),!gone,has,tier in (a,b)');
    expect(formatLabelSelector(undefined)).toBe('<none>');
    expect(formatLabelSelector({})).toBe('<none>');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Bogus' }] })).toBe(
      '<error>',
    );
  });
});

describe('Go renderings in messages', () => {
  it('quotes like strconv.Quote', () => {
    expect(goQuote('a"b\\c\n\t')).toBe('"a\\"b\\\\c\\n\\t"');
    expect(goQuote('ü')).toBe('"ü"');
    expect(goQuote('\x01')).toBe('"\\x01"');
  });

  it('prints %#v and %v of string maps', () => {
    expect(goMapStringStringSyntax({ app: 'other' })).toBe('map[string]string{"app":"other"}');
    expect(goMapStringStringSyntax({ b: '2', a: '1' })).toBe('map[string]string{"a":"1", "b":"2"}');
    expect(goMapStringStringSyntax(undefined)).toBe('map[string]string(nil)');
    expect(goMapStringStringValue({ b: '2', a: '1' })).toBe('map[a:1 b:2]');
  });

  it('prints a LabelSelector as validation messages do (S37)', () => {
    expect(goLabelSelectorSyntax({ matchLabels: { app: 'x' } })).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}',
    );
    expect(
      goLabelSelectorSyntax({
        matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }],
      }),
    ).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"tier", Operator:"In", Values:[]string{"a", "b"}}}}',
    );
  });
});

describe('resource quantities', () => {
  it.each([
    ['100m', '100m'],
    ['0.1', '100m'],
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['2', '2'],
    ['128Mi', '128Mi'],
    ['1024Ki', '1Mi'],
    ['1536Mi', '1536Mi'],
    ['0.5Gi', '512Mi'],
    ['512', '512'],
    ['1.5G', '1500M'],
    ['2000000', '2M'],
    ['1e3', '1e3'],
    ['0', '0'],
    ['8039920Ki', '8039920Ki'],
  ])('%s → %s', (input, output) => {
    expect(canonicalQuantity(input)).toBe(output);
  });

  it('computes Value and MilliValue rounded up', () => {
    expect(milliValue(parseQuantity('100m')!)).toBe(100);
    expect(milliValue(parseQuantity('2')!)).toBe(2000);
    expect(quantityValue(parseQuantity('128Mi')!)).toBe(134217728);
    expect(quantityValue(parseQuantity('100m')!)).toBe(1);
    expect(formatQuantity({ nanos: -500_000_000n, format: 'DecimalSI' })).toBe('-500m');
    expect(parseQuantity('abc')).toBeUndefined();
    expect(canonicalQuantity('abc')).toBe('abc');
  });
});
