import { describe, expect, it } from 'vitest';
import { errorValue, go, goQuote, goSharpV, goStringMap, goTime, goV } from './go-value';
import { goLabelSelector, goServicePort, goTaint } from './go-types';
import './quantity';

describe('goQuote (strconv.Quote)', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['tab\there', '"tab\\there"'],
    ['new\nline', '"new\\nline"'],
    ['bell\u0007', '"bell\\a"'],
    ['nul\u0000', '"nul\\x00"'],
    ['del\u007f', '"del\\x7f"'],
    ['café', '"café"'],
    ['日本', '"日本"'],
    ['soft\u00adhyphen', '"soft\\u00adhyphen"'],
    ['line\u2028sep', '"line\\u2028sep"'],
  ])('%j', (input, expected) => {
    expect(goQuote(input)).toBe(expected);
  });
});

describe('%#v dumps', () => {
  it('prints label maps with sorted keys, nil and empty maps', () => {
    expect(goStringMap({ b: '2', a: '1' })).toBe('map[string]string{"a":"1", "b":"2"}');
    expect(goStringMap(undefined)).toBe('map[string]string(nil)');
    expect(goStringMap({})).toBe('map[string]string{}');
  });

  it('prints a LabelSelector as S37 shows it', () => {
    expect(goSharpV(goLabelSelector, { matchLabels: { app: 'x' } })).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}',
    );
    expect(
      goSharpV(goLabelSelector, {
        matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }],
      }),
    ).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"tier", Operator:"In", Values:[]string{"a", "b"}}}}',
    );
  });

  it('prints IntOrString with its type tag', () => {
    expect(goSharpV(go.intOrString(), 0)).toBe('intstr.IntOrString{Type:0, IntVal:0, StrVal:""}');
    expect(goSharpV(go.intOrString(), '110%')).toBe(
      'intstr.IntOrString{Type:1, IntVal:0, StrVal:"110%"}',
    );
  });

  it('prints a ServicePort duplicate key', () => {
    expect(goSharpV(goServicePort, { protocol: 'TCP', port: 80 })).toBe(
      'core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    );
  });

  it('prints nested nil *metav1.Time as <nil> (GoString on a nil pointer)', () => {
    expect(goSharpV(goTaint, { key: 'a', effect: 'NoSchedule' })).toBe(
      'core.Taint{Key:"a", Value:"", Effect:"NoSchedule", TimeAdded:<nil>}',
    );
  });

  it('prints a top-level pointer to a struct with &, nested pointers as addresses', () => {
    const t = go.ptr(go.struct('x.T', [['P', 'p', go.ptr(go.int('int32'))]]));
    expect(goSharpV(t, { p: 1 })).toMatch(/^&x\.T\{P:\(\*int32\)\(0xc[0-9a-f]+\)\}$/);
    expect(goSharpV(t, null)).toBe('(*x.T)(nil)');
  });

  it('prints times with time.Date', () => {
    expect(goTime(null)).toBe('time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC)');
    expect(goTime('2025-01-15T10:00:00Z')).toBe(
      'time.Date(2025, time.January, 15, 10, 0, 0, 0, time.Local)',
    );
  });

  it('prints quantities as their internal struct', () => {
    expect(goSharpV(go.quantity(), '500m')).toBe(
      'resource.Quantity{i:resource.int64Amount{value:5, scale:-1}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"", Format:"DecimalSI"}',
    );
  });
});

describe('errorValue (field.Error.ErrorBody value part)', () => {
  it.each<[string, ReturnType<typeof go.str>, unknown, string]>([
    ['string', go.str(), 'Never', '"Never"'],
    ['int32', go.int('int32'), -1, '-1'],
    ['nil pointer', go.ptr(go.int('int32')), undefined, '"null"'],
    ['pointer to int', go.ptr(go.int('int32')), 5, '5'],
    ['pointer to string', go.ptr(go.str('batch.CompletionMode')), 'Indexed', '"Indexed"'],
    ['bool', go.bool(), true, 'true'],
  ])('%s', (_name, t, v, expected) => {
    expect(errorValue(t, v)).toBe(expected);
  });

  it('dereferences a pointer to a struct before printing it with %#v', () => {
    expect(errorValue(go.ptr(goLabelSelector), { matchLabels: { a: 'b' } })).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string{"a":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}',
    );
  });
});

describe('%v', () => {
  it('prints slices, maps and structs the plain way', () => {
    expect(goV(go.slice(go.str()), ['a', 'b'])).toBe('[a b]');
    expect(goV(go.map(go.str(), go.str()), { b: '2', a: '1' })).toBe('map[a:1 b:2]');
    expect(goV(goTaint, { key: 'k', value: 'v', effect: 'NoExecute' })).toBe(
      '{k v NoExecute <nil>}',
    );
    expect(goV(go.ptr(goTaint), { key: 'k' })).toBe('&{k   <nil>}');
  });
});
