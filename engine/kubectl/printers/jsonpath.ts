/**
 * client-go's JSONPath (k8s.io/client-go/util/jsonpath: parser.go, jsonpath.go, node.go),
 * re-implemented over plain JSON values: fields, `[n]`, slices, `[*]`, unions, `..`, filters
 * `?(@.x=="y")`, `range`/`end`, quoted text, and kubectl's JSONPathPrinter error wrapping.
 */
import { marshalJson } from './json';
import { goQuote } from '../format/gofmt';
import { goSprint, goSyntax } from './govalue';

/** A parse or execution outcome: the value or an error message (never thrown). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(error: string): Result<T> => ({ ok: false, error });

interface ParamsEntry {
  value: number;
  known: boolean;
  derived: boolean;
}

/** The node types of client-go's parser. */
type Node =
  | { type: 'list'; nodes: Node[] }
  | { type: 'text'; text: string }
  | { type: 'field'; value: string }
  | { type: 'identifier'; name: string }
  | { type: 'array'; params: [ParamsEntry, ParamsEntry, ParamsEntry] }
  | { type: 'filter'; left: ListNode; right: ListNode; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: ListNode[] }
  | { type: 'bool'; value: boolean };

type ListNode = { type: 'list'; nodes: Node[] };

const EOF_CHAR = '';

function isTerminator(r: string): boolean {
  return (
    r === EOF_CHAR ||
    r === ' ' ||
    r === '\t' ||
    r === '\r' ||
    r === '\n' ||
    r === '.' ||
    r === ',' ||
    r === '[' ||
    r === ']' ||
    r === '$' ||
    r === '@' ||
    r === '{' ||
    r === '}'
  );
}

const isAlphaNumeric = (r: string) => r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
const isDigit = (r: string) => /^\p{Nd}$/u.test(r);

/** strconv.Unquote extended to single-quoted strings of any length (parser.go#UnquoteExtend). */
function unquoteExtend(s: string): string | undefined {
  if (s.length < 2) return undefined;
  const quote = s[0];
  if (quote !== s[s.length - 1] || (quote !== '"' && quote !== "'")) return undefined;
  const body = s.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === quote) return undefined;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    const simple: Record<string, string> = {
      a: '\x07',
      b: '\b',
      f: '\f',
      n: '\n',
      r: '\r',
      t: '\t',
      v: '\v',
      '\\': '\\',
      "'": "'",
      '"': '"',
    };
    if (e in simple) {
      if ((e === "'" && quote === '"') || (e === '"' && quote === "'")) return undefined;
      out += simple[e];
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + len);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) return undefined;
      out += String.fromCodePoint(parseInt(hex, 16));
      i += len;
    } else if (e !== undefined && /[0-7]/.test(e)) {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct)) return undefined;
      out += String.fromCharCode(parseInt(oct, 8));
      i += 2;
    } else {
      return undefined;
    }
  }
  return out;
}

class Parser {
  private input = '';
  private pos = 0;
  private start = 0;
  root: ListNode = { type: 'list', nodes: [] };

  parse(text: string): string | undefined {
    this.input = text;
    this.pos = 0;
    this.start = 0;
    this.root = { type: 'list', nodes: [] };
    return this.parseText(this.root);
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }

  private next(): string {
    if (this.pos >= this.input.length) {
      // Go's next() sets width 0 at EOF, so backup() then stays put.
      this.lastWidth = 0;
      return EOF_CHAR;
    }
    const cp = this.input.codePointAt(this.pos)!;
    const ch = String.fromCodePoint(cp);
    this.lastWidth = ch.length;
    this.pos += ch.length;
    return ch;
  }

  private lastWidth = 0;

  private peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.lastWidth;
  }

  private parseText(cur: ListNode): string | undefined {
    for (;;) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
        return this.parseLeftDelim(cur);
      }
      if (this.next() === EOF_CHAR) break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
    return undefined;
  }

  private parseLeftDelim(cur: ListNode): string | undefined {
    this.pos += 1;
    this.consumeText();
    const node: ListNode = { type: 'list', nodes: [] };
    cur.nodes.push(node);
    return this.parseInsideAction(node);
  }

  private parseInsideAction(cur: ListNode): string | undefined {
    const rest = this.input.slice(this.pos);
    if (rest.startsWith('}')) return this.parseRightDelim();
    if (rest.startsWith('[?(')) return this.parseFilter(cur);
    if (rest.startsWith('..')) return this.parseRecursive(cur);
    const r = this.next();
    if (r === EOF_CHAR || r === '\r' || r === '\n') return 'unclosed action';
    if (r === ' ') {
      this.consumeText();
    } else if (r === '@' || r === '$') {
      this.consumeText();
    } else if (r === '[') {
      return this.parseArray(cur);
    } else if (r === '"' || r === "'") {
      return this.parseQuote(cur, r);
    } else if (r === '.') {
      return this.parseField(cur);
    } else if (r === '+' || r === '-' || isDigit(r)) {
      this.backup();
      return this.parseNumber(cur);
    } else if (isAlphaNumeric(r)) {
      this.backup();
      return this.parseIdentifier(cur);
    } else {
      const cp = r.codePointAt(0)!;
      const hex = cp.toString(16).toUpperCase().padStart(4, '0');
      return `unrecognized character in action: U+${hex} '${r}'`;
    }
    return this.parseInsideAction(cur);
  }

  private parseRightDelim(): string | undefined {
    this.pos += 1;
    this.consumeText();
    return this.parseText(this.root);
  }

  private parseIdentifier(cur: ListNode): string | undefined {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === 'true' || value === 'false')
      cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
    return this.parseInsideAction(cur);
  }

  private parseRecursive(cur: ListNode): string | undefined {
    const last = cur.nodes[cur.nodes.length - 1];
    if (last && last.type === 'recursive') return 'invalid multiple recursive descent';
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) return this.parseField(cur);
    return this.parseInsideAction(cur);
  }

  private parseNumber(cur: ListNode): string | undefined {
    const r = this.peek();
    if (r === '+' || r === '-') this.next();
    for (;;) {
      const c = this.next();
      if (c !== '.' && !isDigit(c)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (/^[+-]?\d+$/.test(value)) {
      cur.nodes.push({ type: 'int', value: parseInt(value, 10) });
      return this.parseInsideAction(cur);
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) {
      cur.nodes.push({ type: 'float', value: parseFloat(value) });
      return this.parseInsideAction(cur);
    }
    return `cannot parse number ${value}`;
  }

  private parseArray(cur: ListNode): string | undefined {
    for (;;) {
      const r = this.next();
      if (r === EOF_CHAR || r === '\n') return 'unterminated array';
      if (r === ']') break;
    }
    let text = this.consumeText();
    text = text.slice(1, -1);
    if (text === '*') text = ':';
    const strs = text.split(',');
    if (strs.length > 1) {
      const union: ListNode[] = [];
      for (const str of strs) {
        const parsed = parseAction(`[${str.trim()}]`);
        if (!parsed.ok) return parsed.error;
        union.push(parsed.value);
      }
      cur.nodes.push({ type: 'union', nodes: union });
      return this.parseInsideAction(cur);
    }
    const dict = /^'([^']*)'$/.exec(text);
    if (dict) {
      const parsed = parseAction(`.${dict[1]}`);
      if (!parsed.ok) return parsed.error;
      cur.nodes.push(...parsed.value.nodes);
      return this.parseInsideAction(cur);
    }
    const m = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text);
    if (!m) return `invalid array index ${text}`;
    const parts = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    const params: [ParamsEntry, ParamsEntry, ParamsEntry] = [
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
    ];
    for (let i = 0; i < 3; i++) {
      let part = parts[i];
      if (part !== '') {
        if (i > 0) part = part.slice(1);
        if (i > 0 && part === '') {
          params[i].known = false;
        } else {
          if (!/^[+-]?\d+$/.test(part)) return `array index ${part} is not a number`;
          params[i].known = true;
          params[i].value = parseInt(part, 10);
        }
      } else if (i === 1) {
        params[i].known = true;
        params[i].value = params[0].value + 1;
        params[i].derived = true;
      }
    }
    cur.nodes.push({ type: 'array', params });
    return this.parseInsideAction(cur);
  }

  private parseFilter(cur: ListNode): string | undefined {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === EOF_CHAR || r === '\n') return 'unterminated filter';
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')') {
        if (begin === end) break;
      }
    }
    if (this.next() !== ']') return 'unclosed array expect ]';
    let text = this.consumeText();
    text = text.slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/s.exec(text);
    if (!m) {
      const parsed = parseAction(text);
      if (!parsed.ok) return parsed.error;
      cur.nodes.push({
        type: 'filter',
        left: parsed.value,
        right: { type: 'list', nodes: [] },
        operator: 'exists',
      });
    } else {
      const left = parseAction(m[1]);
      if (!left.ok) return left.error;
      const right = parseAction(m[3]);
      if (!right.ok) return right.error;
      cur.nodes.push({ type: 'filter', left: left.value, right: right.value, operator: m[2] });
    }
    return this.parseInsideAction(cur);
  }

  private parseQuote(cur: ListNode, end: string): string | undefined {
    for (;;) {
      const r = this.next();
      if (r === EOF_CHAR || r === '\n') return 'unterminated quoted string';
      if (r === '\\') {
        const e = this.next();
        if (e === EOF_CHAR || e === '\n') return 'unterminated quoted string';
      } else if (r === end) {
        break;
      }
    }
    const value = this.consumeText();
    const s = unquoteExtend(value);
    if (s === undefined) return `unquote string ${value} error invalid syntax`;
    cur.nodes.push({ type: 'text', text: s });
    return this.parseInsideAction(cur);
  }

  private parseField(cur: ListNode): string | undefined {
    this.consumeText();
    for (;;) {
      const r = this.next();
      if (r === '\\') {
        this.next();
        continue;
      }
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === '*') cur.nodes.push({ type: 'wildcard' });
    else cur.nodes.push({ type: 'field', value: value.replace(/\\/g, '') });
    return this.parseInsideAction(cur);
  }
}

/** parser.go#parseAction: parses `{text}` and returns its list node. */
function parseAction(text: string): Result<ListNode> {
  const p = new Parser();
  const error = p.parse(`{${text}}`);
  if (error !== undefined) return fail(error);
  return ok(p.root.nodes[0] as ListNode);
}

/** A parsed template. */
export interface JsonPathTemplate {
  readonly root: ListNode;
}

/** Parses a JSONPath template (`{.items[*].metadata.name}`). */
export function parseJsonPath(template: string): Result<JsonPathTemplate> {
  const p = new Parser();
  const error = p.parse(template);
  if (error !== undefined) return fail(error);
  return ok({ root: p.root });
}

// ---------------------------------------------------------------------------------------------
// Evaluation. Values are plain JSON; a "result" box distinguishes a present null from absence.

type Value = unknown;

const kindOf = (v: Value) =>
  v === null || v === undefined
    ? 'nil'
    : Array.isArray(v)
      ? 'slice'
      : typeof v === 'object'
        ? 'map'
        : typeof v;

/** Go reflect type names used in error messages. */
function goTypeName(v: Value): string {
  switch (kindOf(v)) {
    case 'slice':
      return '[]interface {}';
    case 'map':
      return 'map[string]interface {}';
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(v) ? 'int64' : 'float64';
    case 'boolean':
      return 'bool';
  }
  return 'interface {}';
}

/** The UTF-8 bytes of a string (Go indexes strings by byte). */
function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else {
      out.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 63),
        0x80 | ((cp >> 6) & 63),
        0x80 | (cp & 63),
      );
    }
  }
  return out;
}

function sortedMapValues(map: Record<string, Value>): Value[] {
  return Object.keys(map)
    .sort()
    .map((k) => map[k]);
}

class Evaluator {
  private inRange = 0;
  private beginRange = 0;
  private endRange = 0;
  private lastEndNode: Node | undefined;

  constructor(private readonly allowMissingKeys: boolean) {}

  findResults(data: Value, nodes: Node[]): Result<Value[][]> {
    const full: Value[][] = [];
    const cur: Value[] = [data];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      const results = this.walk(cur, node);
      if (!results.ok) return results;
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = nodes[i];
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.value.length > 0) {
          for (const value of results.value) {
            const next = this.findResults(value, nodes.slice(i + 1));
            if (!next.ok) return next;
            full.push(...next.value);
          }
        } else {
          // Still walk the range body so the position advances to its end node.
          const next = this.findResults(null, nodes.slice(i + 1));
          if (!next.ok) return next;
        }
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results.value);
    }
    return ok(full);
  }

  private walk(input: Value[], node: Node): Result<Value[]> {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return ok([node.text]);
      case 'field':
        return this.evalField(input, node.value);
      case 'array':
        return this.evalArray(input, node.params);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
      case 'float':
      case 'bool':
        return ok([node.value]);
      case 'wildcard':
        return ok(this.evalWildcard(input));
      case 'recursive':
        return ok(this.evalRecursive(input));
      case 'union': {
        const out: Value[] = [];
        for (const list of node.nodes) {
          const r = this.evalList(input, list);
          if (!r.ok) return r;
          out.push(...r.value);
        }
        return ok(out);
      }
      case 'identifier':
        if (node.name === 'range') {
          this.beginRange++;
          return ok(input);
        }
        if (node.name === 'end') {
          if (this.inRange > 0) {
            this.endRange++;
            return ok([]);
          }
          return fail('not in range, nothing to end');
        }
        return fail(`unrecognized identifier ${node.name}`);
    }
  }

  private evalList(input: Value[], node: ListNode): Result<Value[]> {
    let cur = input;
    for (const n of node.nodes) {
      const r = this.walk(cur, n);
      if (!r.ok) return r;
      cur = r.value;
    }
    return ok(cur);
  }

  private evalField(input: Value[], name: string): Result<Value[]> {
    const results: Value[] = [];
    if (input.length === 0) return ok(results);
    for (const value of input) {
      if (kindOf(value) !== 'map') continue;
      const map = value as Record<string, Value>;
      if (Object.prototype.hasOwnProperty.call(map, name) && map[name] !== undefined) {
        results.push(map[name]);
      }
    }
    if (results.length === 0) {
      if (this.allowMissingKeys) return ok(results);
      return fail(`${name} is not found`);
    }
    return ok(results);
  }

  private evalArray(input: Value[], p: [ParamsEntry, ParamsEntry, ParamsEntry]): Result<Value[]> {
    const result: Value[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      if (!Array.isArray(value)) return fail(`${goTypeName(value)} is not array or slice`);
      const len = value.length;
      let first = p[0].known ? p[0].value : 0;
      if (first < 0) first += len;
      let last = p[1].known ? p[1].value : len;
      if (last < 0 || (last === 0 && p[1].derived)) last += len;
      if (last === first) return ok(result);
      if (first >= len || first < 0) {
        return fail(`array index out of bounds: index ${first}, length ${len}`);
      }
      if (last > len || last < 0) {
        return fail(`array index out of bounds: index ${last - 1}, length ${len}`);
      }
      if (first > last) return fail(`starting index ${first} is greater than ending index ${last}`);
      let step = 1;
      if (p[2].known) {
        if (p[2].value <= 0) return fail('step must be > 0');
        step = p[2].value;
      }
      for (let i = first; i < last; i += step) result.push(value[i]);
    }
    return ok(result);
  }

  private evalWildcard(input: Value[]): Value[] {
    const results: Value[] = [];
    for (const value of input) {
      const kind = kindOf(value);
      // @simplified: Go iterates map keys in random order; Podlab uses sorted keys.
      if (kind === 'map') results.push(...sortedMapValues(value as Record<string, Value>));
      else if (kind === 'slice') results.push(...(value as Value[]));
      else if (kind === 'string') {
        // Go indexes a string by byte.
        results.push(...utf8Bytes(value as string));
      }
    }
    return results;
  }

  private evalRecursive(input: Value[]): Value[] {
    const result: Value[] = [];
    for (const value of input) {
      const kind = kindOf(value);
      let children: Value[] = [];
      if (kind === 'map') children = sortedMapValues(value as Record<string, Value>);
      else if (kind === 'slice') children = value as Value[];
      else if (kind === 'string') children = utf8Bytes(value as string);
      if (children.length !== 0) {
        result.push(value);
        result.push(...this.evalRecursive(children));
      }
    }
    return result;
  }

  private evalFilter(
    input: Value[],
    node: { left: ListNode; right: ListNode; operator: string },
  ): Result<Value[]> {
    const results: Value[] = [];
    for (const value of input) {
      if (!Array.isArray(value))
        return fail(`${goSprint(value)} is not array or slice and cannot be filtered`);
      for (const item of value) {
        const lefts = this.evalList([item], node.left);
        if (node.operator === 'exists') {
          if (lefts.ok && lefts.value.length > 0) results.push(item);
          continue;
        }
        if (!lefts.ok) return lefts;
        if (lefts.value.length === 0) continue;
        if (lefts.value.length > 1) return fail('can only compare one element at a time');
        const rights = this.evalList([item], node.right);
        if (!rights.ok) return rights;
        if (rights.value.length === 0) continue;
        if (rights.value.length > 1) return fail('can only compare one element at a time');
        const pass = compare(lefts.value[0], rights.value[0], node.operator);
        if (!pass.ok) return pass;
        if (pass.value) results.push(item);
      }
    }
    return ok(results);
  }
}

/** text/template's eq/ne/lt/le/gt/ge on basic kinds (template.Equal, template.Less …). */
function compare(left: Value, right: Value, operator: string): Result<boolean> {
  const lk = basicKind(left);
  const rk = basicKind(right);
  if (operator === '==' || operator === '!=') {
    if (lk === 'invalid' || rk === 'invalid') return fail('invalid type for comparison');
    if (lk !== rk) return fail('incompatible types for comparison');
    return ok(operator === '==' ? left === right : left !== right);
  }
  if (lk === 'invalid' || rk === 'invalid' || lk === 'bool' || rk === 'bool') {
    return fail('invalid type for comparison');
  }
  if (lk !== rk) return fail('incompatible types for comparison');
  const l = left as number | string;
  const r = right as number | string;
  switch (operator) {
    case '<':
      return ok(l < r);
    case '<=':
      return ok(l <= r);
    case '>':
      return ok(l > r);
    case '>=':
      return ok(l >= r);
  }
  return fail(`unrecognized filter operator ${operator}`);
}

function basicKind(v: Value): 'int' | 'float' | 'string' | 'bool' | 'invalid' {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return 'invalid';
}

/** jsonpath.go#PrintResults: JSON for maps/slices, fmt.Sprint for the rest, space-joined. */
function printResults(results: Value[]): string {
  let out = '';
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    const kind = kindOf(r);
    let text: string;
    if (kind === 'map' || kind === 'slice') text = marshalJson(r, { indent: '' });
    else if (r === null || r === undefined) text = 'null';
    else text = goSprint(r);
    if (i !== results.length - 1) text += ' ';
    out += text;
  }
  return out;
}

/** Executes a template against data (jsonpath.go#Execute). */
export function executeJsonPath(
  template: JsonPathTemplate,
  data: unknown,
  options: { allowMissingKeys?: boolean } = {},
): Result<string> {
  const evaluator = new Evaluator(options.allowMissingKeys ?? false);
  const results = evaluator.findResults(data, template.root.nodes);
  if (!results.ok) return results;
  return ok(results.value.map(printResults).join(''));
}

/** Finds raw results (for custom columns). */
export function findJsonPathResults(
  template: JsonPathTemplate,
  data: unknown,
  options: { allowMissingKeys?: boolean } = {},
): Result<unknown[][]> {
  return new Evaluator(options.allowMissingKeys ?? false).findResults(data, template.root.nodes);
}

/**
 * kubectl's `-o jsonpath=TEMPLATE` (cli-runtime JSONPathPrinter with
 * `--allow-missing-template-keys`, default true). On failure the error is the message kubectl
 * prints after `error: `.
 */
export function printJsonPath(
  template: string,
  value: unknown,
  options: { allowMissingKeys?: boolean } = {},
): Result<string> {
  const parsed = parseJsonPath(template);
  if (!parsed.ok) return fail(`error parsing jsonpath ${template}, ${parsed.error}\n`);
  const allowMissingKeys = options.allowMissingKeys ?? true;
  const result = executeJsonPath(parsed.value, value, { allowMissingKeys });
  if (result.ok) return result;
  const detail =
    `Error executing template: ${result.error}. Printing more information for debugging the template:\n` +
    `\ttemplate was:\n\t\t${template}\n` +
    `\tobject given to jsonpath engine was:\n\t\t${goSyntax(value)}\n\n`;
  return fail(`error executing jsonpath ${goQuote(template)}: ${detail}\n`);
}
