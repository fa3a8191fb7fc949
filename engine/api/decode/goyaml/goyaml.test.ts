import { describe, expect, it } from 'vitest';
import { yamlToJson } from '../yaml-to-json';
import { readManifests } from '../manifest';

function json(yaml: string): string {
  const r = yamlToJson(yaml);
  return r.ok ? r.text : r.error;
}

describe('go-yaml v2 semantics through sigs.k8s.io/yaml', () => {
  it('resolves YAML 1.1 scalars', () => {
    expect(json('a: yes\nb: off\nc: Y\nd: "yes"\ne: 0x10\nf: 010\ng: 1_0\nh: 1.50\ni: -.5\n')).toBe(
      '{"a":true,"b":false,"c":true,"d":"yes","e":16,"f":8,"g":10,"h":1.5,"i":-0.5}',
    );
  });

  it('stringifies non-string keys', () => {
    expect(json('on: 1\n2: b\n0.5: c\n')).toBe('{"0.5":"c","2":"b","true":1}');
  });

  it('applies merges in order and lets explicit keys win', () => {
    // A later merge overrides an earlier explicit key (go-yaml v2 merges in place).
    expect(json('a: &a {p: 1, q: 2}\nb:\n  q: 3\n  <<: *a\n  r: 4\n')).toBe(
      '{"a":{"p":1,"q":2},"b":{"p":1,"q":2,"r":4}}',
    );
  });

  it('reports errors with go-yaml line numbers (parser errors count from 0, as upstream)', () => {
    // Both verified with kubectl 1.32.
    expect(json('apiVersion: v1\nb: [\n')).toBe(
      'error converting YAML to JSON: yaml: line 2: did not find expected node content',
    );
    expect(json('a:\n  b: 1\n c: 2\n')).toBe(
      'error converting YAML to JSON: yaml: line 2: did not find expected key',
    );
  });

  it("stops alias bombs quickly with go-yaml's message", () => {
    let doc = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 12; i++)
      doc += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    const start = process.hrtime.bigint();
    expect(json(doc)).toBe(
      'error converting YAML to JSON: yaml: document contains excessive aliasing',
    );
    expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(5000);
  });

  it('never throws on hostile input', () => {
    expect(() => json('['.repeat(20000))).not.toThrow();
    expect(() => json('- '.repeat(20000) + 'x')).not.toThrow();
    expect(() => json('\u0000\uffff\ud800')).not.toThrow();
  });

  it('refuses oversized manifests with a clear message', () => {
    const r = readManifests('a: b\n'.repeat(10), 'big.yaml', { maxBytes: 20 });
    expect(r.streamError).toBe(
      'error reading big.yaml: the manifest is too large (50 bytes; Podlab accepts at most 20)',
    );
  });
});
