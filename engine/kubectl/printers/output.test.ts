/**
 * `-o json|yaml|name|jsonpath|custom-columns` behaviour beyond the oracle fixtures, including
 * kubectl's own client-side `--dry-run=client` outputs (recorded in fixtures/dry-run).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasKubectl } from '../../testing/oracle/server';
import {
  parseCustomColumnsSpec,
  parseCustomColumnsTemplate,
  printCustomColumns,
  relaxedJsonPathExpression,
} from './customcolumns';
import { goJsonString, listWrapper, marshalJson, printJson } from './json';
import { executeJsonPath, parseJsonPath, printJsonPath } from './jsonpath';
import { printName } from './name';
import {
  goFormatFloatG,
  marshalYaml,
  printYamlDocuments,
  resolvesToNonString,
  sortYamlKeys,
} from './yaml';

const dryRun = (file: string) =>
  readFileSync(new URL(`./fixtures/dry-run/${file}`, import.meta.url), 'utf8');
const LONG =
  'for i in $(seq 10); do echo "value number $i is here"; sleep 1; done; echo all done with the loop now, exiting cleanly after a while';

describe('typed objects from --dry-run=client', () => {
  it.each(['job', 'cronjob'])(
    '%s: JSON keeps field order, YAML sorts keys and folds long lines',
    (name) => {
      const json = dryRun(`${name}.json`);
      const value = JSON.parse(json);
      expect(printJson(value, { sortKeys: false })).toBe(json);
      expect(marshalYaml(value)).toBe(dryRun(`${name}.yaml`));
    },
  );

  it.skipIf(!hasKubectl)('the recorded dry-run outputs are what kubectl prints today', () => {
    const run = (format: string) =>
      execFileSync(
        'kubectl',
        [
          'create',
          'job',
          'x',
          '--image=alpine',
          '--dry-run=client',
          '-o',
          format,
          '--',
          'sh',
          '-c',
          LONG,
        ],
        {
          encoding: 'utf8',
        },
      );
    expect(run('json')).toBe(dryRun('job.json'));
    expect(run('yaml')).toBe(dryRun('job.yaml'));
  });
});

describe('JSON printer', () => {
  it('escapes like Go encoding/json (HTML-safe) and sorts keys', () => {
    expect(goJsonString('<a href="x">&</a>\u2028\x01é😀')).toBe(
      '"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e\\u2028\\u0001é😀"',
    );
    expect(marshalJson({ b: 1, a: [true, null, 1.5], c: {}, d: [] })).toBe(
      '{\n    "a": [\n        true,\n        null,\n        1.5\n    ],\n    "b": 1,\n    "c": {},\n    "d": []\n}',
    );
    expect(marshalJson({ b: 1, a: 2 }, { indent: '' })).toBe('{"a":2,"b":1}');
  });

  it('wraps several objects in a v1 List', () => {
    expect(printJson(listWrapper([]))).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    );
  });
});

describe('YAML printer details', () => {
  it('quotes strings that would resolve to other types', () => {
    for (const s of [
      '1',
      '-1',
      '+1',
      '1.5',
      '.5',
      '1e3',
      '0x1F',
      '0o17',
      'true',
      'No',
      'on',
      '~',
      'null',
      '',
      '2025-01-15',
      '1_000',
    ]) {
      expect(resolvesToNonString(s)).toBe(true);
    }
    for (const s of ['1.2.3', '1e', '-', 'x1', 'node01', '0b2', '2025-13-01', 'v1.32.0']) {
      expect(resolvesToNonString(s)).toBe(false);
    }
    expect(marshalYaml({ a: '1', b: 'x: y', c: '*x', d: 'ok' })).toBe(
      "a: \"1\"\nb: 'x: y'\nc: '*x'\nd: ok\n",
    );
  });

  it('sorts keys with digit runs compared numerically', () => {
    // A letter sorts after a non-letter, so `_x` comes before `A` (as kubectl prints).
    expect(sortYamlKeys(['a10', 'a9', 'a1', 'b', 'A', '_x', 'a-b', 'ab'])).toEqual([
      '_x',
      'A',
      'a-b',
      'a1',
      'a9',
      'a10',
      'ab',
      'b',
    ]);
  });

  it('keeps insertion order when asked, and separates documents', () => {
    expect(marshalYaml({ kind: 'Job', apiVersion: 'batch/v1' }, { sortKeys: false })).toBe(
      'kind: Job\napiVersion: batch/v1\n',
    );
    expect(printYamlDocuments([{ a: 1 }, { b: [1, [2, 3], {}] }])).toBe(
      'a: 1\n---\nb:\n- 1\n- - 2\n  - 3\n- {}\n',
    );
  });

  it('formats floats like Go %g', () => {
    expect(goFormatFloatG(0.5)).toBe('0.5');
    expect(goFormatFloatG(1234567.5)).toBe('1.2345675e+06');
    expect(goFormatFloatG(0.00001)).toBe('1e-05');
    // `n` is a YAML 1.1 boolean, so even the key is quoted.
    expect(marshalYaml({ f: 0.25, n: -3 })).toBe('f: 0.25\n"n": -3\n');
  });

  it('uses literal blocks with chomping indicators', () => {
    expect(marshalYaml({ a: 'x\ny\n', b: 'x\ny', c: 'x\n\n', d: ' x\ny' })).toBe(
      'a: |\n  x\n  y\nb: |-\n  x\n  y\nc: |+\n  x\n\nd: |2-\n   x\n  y\n',
    );
  });
});

describe('-o name', () => {
  it('prints kind.group/name, optionally with an operation', () => {
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'x' } };
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } };
    const ds = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd' } };
    expect(printName([job, pod, ds])).toBe('job.batch/x\npod/p\ndaemonset.apps/d\n');
    expect(printName([job], 'created')).toBe('job.batch/x created\n');
  });
});

describe('JSONPath', () => {
  const data = {
    items: [
      { name: 'a', n: 1, tags: ['x', 'y'], meta: { 'k.io/x': 'dotted' } },
      { name: 'b', n: 2, tags: [] },
      { name: 'c', n: 3 },
    ],
  };
  const run = (t: string, allowMissingKeys = false) => {
    const p = parseJsonPath(t);
    if (!p.ok) return `PARSE: ${p.error}`;
    const r = executeJsonPath(p.value, data, { allowMissingKeys });
    return r.ok ? r.value : `ERR: ${r.error}`;
  };

  it('evaluates fields, slices, unions, filters, ranges and recursion', () => {
    expect(run('{.items[*].name}')).toBe('a b c');
    expect(run('{.items[0:2].n}')).toBe('1 2');
    expect(run('{.items[-1].name}')).toBe('c');
    expect(run('{.items[?(@.n>1)].name}')).toBe('b c');
    expect(run('{.items[?(@.n<=2)].name}')).toBe('a b');
    expect(run('{.items[?(@.name!="a")].name}')).toBe('b c');
    expect(run('{.items[?(@.tags)].name}')).toBe('a b');
    expect(run('{range .items[*]}{.name}={.n};{end}')).toBe('a=1;b=2;c=3;');
    expect(run('{.items[0].tags}')).toBe('["x","y"]');
    // Bracket keys are re-parsed as dotted fields, so dots must be escaped even there.
    expect(run("{.items[0].meta['k.io/x']}")).toBe('ERR: k is not found');
    expect(run("{.items[0].meta['k\\.io/x']}")).toBe('dotted');
    expect(run('{.items[0].meta.k\\.io/x}')).toBe('dotted');
    expect(run('{..n}')).toBe('1 2 3');
    expect(run('{.items[0].name}{"\\n"}')).toBe('a\n');
    expect(run("{.items[*]['name','n']}")).toBe('a b c 1 2 3');
    expect(run('{.items[*]["name"]}')).toBe('PARSE: invalid array index "name"');
  });

  it('reports errors as client-go does', () => {
    expect(run('{.missing}')).toBe('ERR: missing is not found');
    expect(run('{.missing}', true)).toBe('');
    expect(run('{.items[5]}')).toBe('ERR: array index out of bounds: index 5, length 3');
    expect(run('{.items[0].name[0]}')).toBe('ERR: string is not array or slice');
    expect(run('{.items[::0]}')).toBe('ERR: step must be > 0');
    expect(run('{end}')).toBe('ERR: not in range, nothing to end');
    expect(run('{.items[?(@.n=="1")].name}')).toBe('ERR: incompatible types for comparison');
    expect(run('{.a')).toBe('PARSE: unclosed action');
    expect(run('{.items[x]}')).toBe('PARSE: invalid array index x');
  });

  it('wraps execution errors like kubectl JSONPathPrinter', () => {
    const r = printJsonPath('{.foo}', { a: 1 }, { allowMissingKeys: false });
    expect(r).toEqual({
      ok: false,
      error:
        'error executing jsonpath "{.foo}": Error executing template: foo is not found. Printing more information for debugging the template:\n' +
        '\ttemplate was:\n\t\t{.foo}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"a":1}\n\n\n',
    });
  });
});

describe('custom columns', () => {
  it('relaxes paths', () => {
    expect(relaxedJsonPathExpression('metadata.name')).toEqual({
      ok: true,
      value: '{.metadata.name}',
    });
    expect(relaxedJsonPathExpression('{.a}')).toEqual({ ok: true, value: '{.a}' });
    expect(relaxedJsonPathExpression('{a}{b}').ok).toBe(false);
  });

  it('parses specs and templates, with kubectl error messages', () => {
    expect(parseCustomColumnsSpec('')).toEqual({
      ok: false,
      error: 'custom-columns format specified but no custom columns given',
    });
    expect(parseCustomColumnsSpec('NAME')).toEqual({
      ok: false,
      error: 'unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>',
    });
    const t = parseCustomColumnsTemplate('NAME   NODE\n.metadata.name   .spec.nodeName\n');
    expect(t.ok && t.value).toEqual([
      { header: 'NAME', fieldSpec: '{.metadata.name}' },
      { header: 'NODE', fieldSpec: '{.spec.nodeName}' },
    ]);
  });

  it('prints <none> for missing values and joins several with commas', () => {
    const cols = parseCustomColumnsSpec('NAME:.metadata.name,C:.spec.containers[*].name,X:.nope');
    const out = cols.ok
      ? printCustomColumns(cols.value, [
          { metadata: { name: 'p' }, spec: { containers: [{ name: 'a' }, { name: 'b' }] } },
        ])
      : cols;
    expect(out).toEqual({ ok: true, value: 'NAME   C     X\np      a,b   <none>\n' });
  });
});
