/**
 * yaml.Unmarshal(doc, &interface{}) of go-yaml v2: builds the node tree of the first document
 * (parser.go), then decodes it into Go-like values (decode.go) with anchors, aliases, `<<` merges,
 * the "excessive aliasing" guard and go-yaml's error texts and line numbers.
 */
import { YamlReader } from './reader';
import { Scanner, type YamlProblem } from './scanner';
import { Parser, type YamlEvent } from './parser';
import { resolveScalar, TAG } from './resolve';
import { GoMap, goSharpV, type GoValue } from './values';

type NodeKind = 'document' | 'mapping' | 'sequence' | 'scalar' | 'alias';

interface YamlNode {
  kind: NodeKind;
  tag: string;
  value: string;
  implicit: boolean;
  children: YamlNode[];
  alias?: YamlNode;
}

/** Internal unwinding for go-yaml's failf; caught in `unmarshalYaml`, never escapes. */
class YamlFailure {
  constructor(readonly message: string) {}
}

function failf(message: string): never {
  throw new YamlFailure('yaml: ' + message);
}

/** go-yaml's parser.fail(): `line N: ` from the problem mark (scanner errors count from 1). */
function problemMessage(p: YamlProblem): string {
  let line = 0;
  if (p.problemMark && p.problemMark.line !== 0) {
    line = p.problemMark.line;
    if (p.kind === 'scanner') line++;
  } else if (p.contextMark && p.contextMark.line !== 0) {
    line = p.contextMark.line;
  }
  const where = line !== 0 ? `line ${line}: ` : '';
  return where + (p.problem || 'unknown problem parsing YAML content');
}

/** Builds the node tree from parser events. */
class TreeBuilder {
  private event: YamlEvent | undefined;
  private anchors = new Map<string, YamlNode>();

  constructor(private readonly parser: Parser) {}

  private fail(): never {
    const p = this.parser.problem ?? { kind: 'parser' as const, problem: '' };
    failf(problemMessage(p));
  }

  private peek(): YamlEvent {
    if (!this.event) {
      const ev = this.parser.next();
      if (!ev) this.fail();
      this.event = ev;
    }
    return this.event;
  }

  private expect(type: YamlEvent['type']): void {
    const ev = this.peek();
    if (ev.type === 'STREAM-END') failf('attempted to go past the end of stream; corrupted value?');
    if (ev.type !== type) failf(`expected ${type} event but got ${ev.type}`);
    this.event = undefined;
  }

  /** The first document of the stream, or null for an empty stream. */
  parseFirst(): YamlNode | null {
    this.expect('STREAM-START');
    return this.parse();
  }

  private parse(): YamlNode | null {
    switch (this.peek().type) {
      case 'SCALAR':
        return this.scalar();
      case 'ALIAS':
        return this.aliasNode();
      case 'MAPPING-START':
        return this.collection('mapping', 'MAPPING-START', 'MAPPING-END');
      case 'SEQUENCE-START':
        return this.collection('sequence', 'SEQUENCE-START', 'SEQUENCE-END');
      case 'DOCUMENT-START':
        return this.document();
      case 'STREAM-END':
        return null;
      default:
        return failf('attempted to parse unknown event: ' + this.peek().type);
    }
  }

  private node(kind: NodeKind, ev: YamlEvent): YamlNode {
    return {
      kind,
      tag: ev.tag ?? '',
      value: ev.value ?? '',
      implicit: ev.implicit ?? false,
      children: [],
    };
  }

  private register(n: YamlNode, anchor: string | undefined) {
    if (anchor !== undefined) this.anchors.set(anchor, n);
  }

  private document(): YamlNode {
    const n = this.node('document', this.peek());
    this.anchors = new Map();
    this.expect('DOCUMENT-START');
    const child = this.parse();
    if (child) n.children.push(child);
    this.expect('DOCUMENT-END');
    return n;
  }

  private scalar(): YamlNode {
    const ev = this.peek();
    const n = this.node('scalar', ev);
    this.register(n, ev.anchor);
    this.expect('SCALAR');
    return n;
  }

  private aliasNode(): YamlNode {
    const ev = this.peek();
    const n = this.node('alias', ev);
    n.value = ev.anchor ?? '';
    n.alias = this.anchors.get(n.value);
    if (!n.alias) failf(`unknown anchor '${n.value}' referenced`);
    this.expect('ALIAS');
    return n;
  }

  private collection(
    kind: 'mapping' | 'sequence',
    start: YamlEvent['type'],
    end: YamlEvent['type'],
  ): YamlNode {
    const ev = this.peek();
    const n = this.node(kind, ev);
    this.register(n, ev.anchor);
    this.expect(start);
    while (this.peek().type !== end) {
      const child = this.parse();
      if (child) n.children.push(child);
      if (kind === 'mapping') {
        const value = this.parse();
        if (value) n.children.push(value);
      }
    }
    this.expect(end);
    return n;
  }
}

const ALIAS_RATIO_LOW = 400000;
const ALIAS_RATIO_HIGH = 4000000;

/** go-yaml's allowedAliasRatio: 99% for small documents down to 10% for huge ones. */
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= ALIAS_RATIO_LOW) return 0.99;
  if (decodeCount >= ALIAS_RATIO_HIGH) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - ALIAS_RATIO_LOW) / (ALIAS_RATIO_HIGH - ALIAS_RATIO_LOW));
}

/** Decodes a node tree into `interface{}` values. */
class Decoder {
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private readonly active = new Set<YamlNode>();

  private count() {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (
      this.aliasCount > 100 &&
      this.decodeCount > 1000 &&
      this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)
    ) {
      failf('document contains excessive aliasing');
    }
  }

  unmarshal(n: YamlNode): GoValue {
    this.count();
    switch (n.kind) {
      case 'document':
        return n.children.length > 0 ? this.unmarshal(n.children[0]) : null;
      case 'alias':
        return this.viaAlias(n, (target) => this.unmarshal(target));
      case 'scalar':
        return this.scalar(n);
      case 'sequence':
        return n.children.map((c) => this.unmarshal(c));
      case 'mapping': {
        const m = new GoMap();
        this.fillMapping(n, m);
        return m;
      }
    }
  }

  private viaAlias<T>(n: YamlNode, fn: (target: YamlNode) => T): T {
    if (this.active.has(n)) failf(`anchor '${n.value}' value contains itself`);
    this.active.add(n);
    this.aliasDepth++;
    const out = fn(n.alias as YamlNode);
    this.aliasDepth--;
    this.active.delete(n);
    return out;
  }

  private scalar(n: YamlNode): GoValue {
    if (n.tag === '' && !n.implicit) return n.value;
    const r = resolveScalar(n.tag, n.value);
    if ('error' in r) return failf(r.error);
    if (r.tag === TAG.binary) {
      const data = decodeBase64(String(r.value));
      if (data === undefined) failf('!!binary value contains invalid base64 data');
      return data;
    }
    if (r.tag === TAG.timestamp) return n.value;
    return r.value;
  }

  private isMerge(n: YamlNode): boolean {
    return n.kind === 'scalar' && n.value === '<<' && (n.implicit || n.tag === TAG.merge);
  }

  /** Decodes mapping node `n` into the existing map `m` (go-yaml reuses the target map). */
  private fillMapping(n: YamlNode, m: GoMap) {
    for (let i = 0; i + 1 < n.children.length; i += 2) {
      if (this.isMerge(n.children[i])) {
        this.merge(n.children[i + 1], m);
        continue;
      }
      const k = this.unmarshal(n.children[i]);
      if (Array.isArray(k) || k instanceof GoMap) failf(`invalid map key: ${goSharpV(k)}`);
      const v = this.unmarshal(n.children[i + 1]);
      m.set(k, v);
    }
  }

  /** Decodes a node that must be a mapping into `m` (an alias counts as a decode step). */
  private into(n: YamlNode, m: GoMap) {
    this.count();
    if (n.kind === 'alias') {
      this.viaAlias(n, (target) => this.into(target, m));
      return;
    }
    if (n.kind === 'mapping') this.fillMapping(n, m);
  }

  private merge(n: YamlNode, m: GoMap) {
    const wantMap = () => failf('map merge requires map or sequence of maps as the value');
    switch (n.kind) {
      case 'mapping':
        this.into(n, m);
        return;
      case 'alias':
        if (n.alias && n.alias.kind !== 'mapping') wantMap();
        this.into(n, m);
        return;
      case 'sequence':
        // Earlier maps take precedence, so merge from the last one.
        for (let i = n.children.length - 1; i >= 0; i--) {
          const ni = n.children[i];
          if (ni.kind === 'alias') {
            if (ni.alias && ni.alias.kind !== 'mapping') wantMap();
          } else if (ni.kind !== 'mapping') {
            wantMap();
          }
          this.into(ni, m);
        }
        return;
      default:
        wantMap();
    }
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Go's base64.StdEncoding.DecodeString (padding required; CR/LF ignored) → a Go string. */
function decodeBase64(s: string): string | undefined {
  const clean = s.replace(/[\r\n]/g, '');
  if (clean.length % 4 !== 0) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const q = clean.slice(i, i + 4);
    const pad = q.endsWith('==') ? 2 : q.endsWith('=') ? 1 : 0;
    if (pad > 0 && i + 4 !== clean.length) return undefined;
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const c = q[k];
      const v = c === '=' && k >= 4 - pad ? 0 : B64.indexOf(c);
      if (v < 0) return undefined;
      n = (n << 6) | v;
    }
    bytes.push((n >> 16) & 0xff);
    if (pad < 2) bytes.push((n >> 8) & 0xff);
    if (pad < 1) bytes.push(n & 0xff);
  }
  return utf8ToString(bytes);
}

/** Decodes bytes as UTF-8, replacing each invalid byte with U+FFFD (as Go's JSON encoder does). */
export function utf8ToString(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const n =
      b < 0x80
        ? 1
        : b >= 0xc2 && b < 0xe0
          ? 2
          : b >= 0xe0 && b < 0xf0
            ? 3
            : b >= 0xf0 && b < 0xf5
              ? 4
              : 0;
    let ok = n > 0 && i + n <= bytes.length;
    let cp = n === 1 ? b : b & (0xff >> (n + 1));
    for (let k = 1; ok && k < n; k++) {
      if ((bytes[i + k] & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (bytes[i + k] & 0x3f);
    }
    if (
      ok &&
      ((n === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
        (n === 4 && (cp < 0x10000 || cp > 0x10ffff)))
    ) {
      ok = false;
    }
    if (!ok) {
      out += '\ufffd';
      i++;
    } else {
      out += String.fromCodePoint(cp);
      i += n;
    }
  }
  return out;
}

/** Outcome of decoding one YAML document: a value (undefined for an empty stream) or an error. */
export type UnmarshalResult =
  { ok: true; value: GoValue | undefined } | { ok: false; error: string };

/**
 * yaml.Unmarshal(text, &out) with out an interface{}: only the first document is read. Errors
 * are go-yaml's own texts (`yaml: line 5: mapping values are not allowed in this context`).
 */
export function unmarshalYaml(text: string): UnmarshalResult {
  const input = text.length === 0 ? '\n' : text;
  const parser = new Parser(new Scanner(new YamlReader(input)));
  try {
    const root = new TreeBuilder(parser).parseFirst();
    if (!root) return { ok: true, value: undefined };
    return { ok: true, value: new Decoder().unmarshal(root) };
  } catch (e) {
    if (e instanceof YamlFailure) return { ok: false, error: e.message };
    if (e instanceof RangeError) return { ok: false, error: 'yaml: document too deeply nested' };
    throw e;
  }
}
