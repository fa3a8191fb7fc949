/**
 * A YAML scanner that reproduces go-yaml v2 (the libyaml port that kubectl uses through
 * sigs.k8s.io/yaml) closely enough to report the same errors at the same lines: the same token
 * queue, simple-key bookkeeping, indentation stack and scalar rules as scannerc.go. Written anew
 * in TypeScript; only the algorithm and the message texts follow upstream.
 */
import type { YamlReader } from './reader';

/** A position in the input; `line` and `column` are 0-based, `index` counts characters. */
export interface Mark {
  index: number;
  line: number;
  column: number;
}

/** Scalar presentation styles. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

/** Token kinds produced by the scanner. */
export type TokenType =
  | 'STREAM-START'
  | 'STREAM-END'
  | 'VERSION-DIRECTIVE'
  | 'TAG-DIRECTIVE'
  | 'DOCUMENT-START'
  | 'DOCUMENT-END'
  | 'BLOCK-SEQUENCE-START'
  | 'BLOCK-MAPPING-START'
  | 'BLOCK-END'
  | 'FLOW-SEQUENCE-START'
  | 'FLOW-SEQUENCE-END'
  | 'FLOW-MAPPING-START'
  | 'FLOW-MAPPING-END'
  | 'BLOCK-ENTRY'
  | 'FLOW-ENTRY'
  | 'KEY'
  | 'VALUE'
  | 'ALIAS'
  | 'ANCHOR'
  | 'TAG'
  | 'SCALAR';

/** One token. `value` holds scalar text, anchor names, tag handles and directive handles. */
export interface Token {
  type: TokenType;
  start: Mark;
  end: Mark;
  value?: string;
  /** Tag suffix, or a %TAG directive prefix. */
  suffix?: string;
  style?: ScalarStyle;
  major?: number;
  minor?: number;
}

/** Which stage found a problem; go-yaml numbers lines differently per stage. */
export type YamlErrorKind = 'reader' | 'scanner' | 'parser';

/** A syntax problem, with libyaml's problem/context marks. */
export interface YamlProblem {
  kind: YamlErrorKind;
  problem: string;
  problemMark?: Mark;
  context?: string;
  contextMark?: Mark;
}

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

const MAX_FLOW_LEVEL = 10000;
const MAX_INDENTS = 10000;

/** Decodes UTF-8 octets (already checked to be well-formed sequences) into a string. */
function decodeUtf8(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    let cp = n === 1 ? b : b & (0xff >> (n + 1));
    for (let k = 1; k < n; k++) cp = (cp << 6) | (bytes[i + k] & 0x3f);
    out += String.fromCodePoint(cp > 0x10ffff ? 0xfffd : cp);
    i += n;
  }
  return out;
}

const copy = (m: Mark): Mark => ({ index: m.index, line: m.line, column: m.column });

const isBreakCp = (c: number) =>
  c === 0x0d || c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029;
const isBlankCp = (c: number) => c === 0x20 || c === 0x09;
const isAlphaCp = (c: number) =>
  (c >= 0x30 && c <= 0x39) ||
  (c >= 0x41 && c <= 0x5a) ||
  (c >= 0x61 && c <= 0x7a) ||
  c === 0x5f ||
  c === 0x2d;
const isDigitCp = (c: number) => c >= 0x30 && c <= 0x39;
const isHexCp = (c: number) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const hexValue = (c: number) => (c <= 0x39 ? c - 0x30 : c <= 0x46 ? c - 0x41 + 10 : c - 0x61 + 10);

/** Characters allowed in a tag URI besides alphanumerics (libyaml's list). */
const URI_CHARS = new Set(";/?:@&=+$,.!~*'()[]%".split('').map((c) => c.charCodeAt(0)));
/** Characters that may not start a plain scalar. */
const INDICATORS = new Set('-?:,[]{}#&*!|>\'"%@`'.split('').map((c) => c.charCodeAt(0)));

const ch = (s: string) => s.charCodeAt(0);
const C = {
  space: 0x20,
  tab: 0x09,
  hash: ch('#'),
  dash: ch('-'),
  dot: ch('.'),
  question: ch('?'),
  colon: ch(':'),
  comma: ch(','),
  lbracket: ch('['),
  rbracket: ch(']'),
  lbrace: ch('{'),
  rbrace: ch('}'),
  star: ch('*'),
  amp: ch('&'),
  bang: ch('!'),
  pipe: ch('|'),
  gt: ch('>'),
  lt: ch('<'),
  squote: ch("'"),
  dquote: ch('"'),
  percent: ch('%'),
  at: ch('@'),
  backtick: ch('`'),
  backslash: ch('\\'),
  plus: ch('+'),
  cr: 0x0d,
  lf: 0x0a,
  bom: 0xfeff,
};

/** The token scanner. Call `next()` until STREAM-END; on failure `problem` is set. */
export class Scanner {
  private readonly r: YamlReader;
  private pos = 0;
  private mark: Mark = { index: 0, line: 0, column: 0 };
  problem: YamlProblem | undefined;

  private readonly tokens: Token[] = [];
  private head = 0;
  private tokensParsed = 0;
  private tokenAvailable = false;
  private streamStartProduced = false;
  private streamEndProduced = false;

  private indent = -1;
  private readonly indents: number[] = [];
  private simpleKeyAllowed = false;
  private readonly simpleKeys: SimpleKey[] = [];
  private readonly possibleKeys = new Set<number>();
  private minPossible = 0;
  private flowLevel = 0;

  constructor(reader: YamlReader) {
    this.r = reader;
  }

  // ---- character access -------------------------------------------------------------------

  private cache(n: number): boolean {
    if (this.r.ensure(this.pos + n)) return true;
    this.problem = { kind: 'reader', problem: this.r.error ?? 'input error' };
    return false;
  }
  private at(k = 0): number {
    return this.r.at(this.pos + k);
  }
  private isZ(k = 0) {
    return this.at(k) === 0;
  }
  private isBreak(k = 0) {
    return isBreakCp(this.at(k));
  }
  private isBreakZ(k = 0) {
    const c = this.at(k);
    return c === 0 || isBreakCp(c);
  }
  private isBlank(k = 0) {
    return isBlankCp(this.at(k));
  }
  private isBlankZ(k = 0) {
    const c = this.at(k);
    return c === 0 || isBlankCp(c) || isBreakCp(c);
  }
  private isCrlf(k = 0) {
    return this.at(k) === C.cr && this.at(k + 1) === C.lf;
  }
  private skip() {
    this.pos++;
    this.mark.index++;
    this.mark.column++;
  }
  private skipLine() {
    if (this.isCrlf()) {
      this.pos += 2;
      this.mark.index += 2;
      this.mark.column = 0;
      this.mark.line++;
    } else if (this.isBreak()) {
      this.pos++;
      this.mark.index++;
      this.mark.column = 0;
      this.mark.line++;
    }
  }
  /** Appends the current character to `s` and advances. */
  private read(s: string): string {
    const c = this.at();
    this.skip();
    return s + String.fromCodePoint(c);
  }
  /** Appends a normalized line break to `s` and advances past it. */
  private readLine(s: string): string {
    const c = this.at();
    if (c === C.cr && this.at(1) === C.lf) {
      s += '\n';
      this.pos += 2;
      this.mark.index++;
    } else if (c === C.cr || c === C.lf || c === 0x85) {
      s += '\n';
      this.pos++;
    } else if (c === 0x2028 || c === 0x2029) {
      s += String.fromCodePoint(c);
      this.pos++;
    } else {
      return s;
    }
    this.mark.index++;
    this.mark.column = 0;
    this.mark.line++;
    return s;
  }

  private scannerError(context: string, contextMark: Mark, problem: string): false {
    this.problem = {
      kind: 'scanner',
      context,
      contextMark: copy(contextMark),
      problem,
      problemMark: copy(this.mark),
    };
    return false;
  }

  // ---- token queue ------------------------------------------------------------------------

  /** The next token without consuming it, or undefined on error. */
  peek(): Token | undefined {
    if (this.tokenAvailable || this.fetchMoreTokens()) return this.tokens[this.head];
    return undefined;
  }

  /** Consumes the token returned by `peek()`. */
  skipToken(): void {
    this.tokenAvailable = false;
    this.tokensParsed++;
    this.streamEndProduced = this.tokens[this.head].type === 'STREAM-END';
    this.head++;
    if (this.head > 256 && this.head * 2 > this.tokens.length) {
      this.tokens.splice(0, this.head);
      this.head = 0;
    }
  }

  /** True once STREAM-END has been consumed. */
  get done(): boolean {
    return this.streamEndProduced;
  }

  private insert(pos: number, token: Token) {
    if (pos < 0) this.tokens.push(token);
    else this.tokens.splice(this.head + pos, 0, token);
  }

  private fetchMoreTokens(): boolean {
    for (;;) {
      let need: boolean;
      if (this.head === this.tokens.length) {
        need = true;
      } else {
        if (!this.staleSimpleKeys()) return false;
        need = this.possibleKeys.has(this.tokensParsed);
      }
      if (!need) break;
      if (!this.fetchNextToken()) return false;
    }
    this.tokenAvailable = true;
    return true;
  }

  private fetchNextToken(): boolean {
    if (!this.cache(1)) return false;
    if (!this.streamStartProduced) return this.fetchStreamStart();
    if (!this.scanToNextToken()) return false;
    if (!this.staleSimpleKeys()) return false;
    this.unrollIndent(this.mark.column);
    if (!this.cache(4)) return false;

    const c = this.at();
    if (c === 0) return this.fetchStreamEnd();
    if (this.mark.column === 0 && c === C.percent) return this.fetchDirective();
    if (
      this.mark.column === 0 &&
      c === C.dash &&
      this.at(1) === C.dash &&
      this.at(2) === C.dash &&
      this.isBlankZ(3)
    ) {
      return this.fetchDocumentIndicator('DOCUMENT-START');
    }
    if (
      this.mark.column === 0 &&
      c === C.dot &&
      this.at(1) === C.dot &&
      this.at(2) === C.dot &&
      this.isBlankZ(3)
    ) {
      return this.fetchDocumentIndicator('DOCUMENT-END');
    }
    if (c === C.lbracket) return this.fetchFlowCollectionStart('FLOW-SEQUENCE-START');
    if (c === C.lbrace) return this.fetchFlowCollectionStart('FLOW-MAPPING-START');
    if (c === C.rbracket) return this.fetchFlowCollectionEnd('FLOW-SEQUENCE-END');
    if (c === C.rbrace) return this.fetchFlowCollectionEnd('FLOW-MAPPING-END');
    if (c === C.comma) return this.fetchFlowEntry();
    if (c === C.dash && this.isBlankZ(1)) return this.fetchBlockEntry();
    if (c === C.question && (this.flowLevel > 0 || this.isBlankZ(1))) return this.fetchKey();
    if (c === C.colon && (this.flowLevel > 0 || this.isBlankZ(1))) return this.fetchValue();
    if (c === C.star) return this.fetchAnchor('ALIAS');
    if (c === C.amp) return this.fetchAnchor('ANCHOR');
    if (c === C.bang) return this.fetchTag();
    if (c === C.pipe && this.flowLevel === 0) return this.fetchBlockScalar(true);
    if (c === C.gt && this.flowLevel === 0) return this.fetchBlockScalar(false);
    if (c === C.squote) return this.fetchFlowScalar(true);
    if (c === C.dquote) return this.fetchFlowScalar(false);
    if (
      !(this.isBlankZ() || INDICATORS.has(c)) ||
      (c === C.dash && !this.isBlank(1)) ||
      (this.flowLevel === 0 && (c === C.question || c === C.colon) && !this.isBlankZ(1))
    ) {
      return this.fetchPlainScalar();
    }
    return this.scannerError(
      'while scanning for the next token',
      this.mark,
      'found character that cannot start any token',
    );
  }

  // ---- simple keys ------------------------------------------------------------------------

  private staleSimpleKeys(): boolean {
    for (let i = this.minPossible; i < this.simpleKeys.length; i++) {
      const key = this.simpleKeys[i];
      if (!key.possible) {
        this.minPossible = i;
        continue;
      }
      // A simple key is limited to one line and 1024 characters.
      if (key.mark.line < this.mark.line || key.mark.index + 1024 < this.mark.index) {
        if (key.required) {
          return this.scannerError(
            'while scanning a simple key',
            key.mark,
            "could not find expected ':'",
          );
        }
        key.possible = false;
        this.possibleKeys.delete(key.tokenNumber);
        this.minPossible = i + 1;
      } else {
        break;
      }
    }
    return true;
  }

  private saveSimpleKey(): boolean {
    const required = this.flowLevel === 0 && this.indent === this.mark.column;
    if (this.simpleKeyAllowed) {
      const key: SimpleKey = {
        possible: true,
        required,
        tokenNumber: this.tokensParsed + (this.tokens.length - this.head),
        mark: copy(this.mark),
      };
      if (!this.removeSimpleKey()) return false;
      this.possibleKeys.add(key.tokenNumber);
      this.simpleKeys[this.simpleKeys.length - 1] = key;
    }
    return true;
  }

  private removeSimpleKey(): boolean {
    const i = this.simpleKeys.length - 1;
    const key = this.simpleKeys[i];
    if (key.possible) {
      if (key.required) {
        return this.scannerError(
          'while scanning a simple key',
          key.mark,
          "could not find expected ':'",
        );
      }
      key.possible = false;
      this.possibleKeys.delete(key.tokenNumber);
    }
    if (this.minPossible > i) this.minPossible = i;
    return true;
  }

  private emptyKey(): SimpleKey {
    return {
      possible: false,
      required: false,
      tokenNumber: 0,
      mark: { index: 0, line: 0, column: 0 },
    };
  }

  private increaseFlowLevel(): boolean {
    this.simpleKeys.push(this.emptyKey());
    this.flowLevel++;
    if (this.flowLevel > MAX_FLOW_LEVEL) {
      return this.scannerError(
        'while increasing flow level',
        this.simpleKeys[this.simpleKeys.length - 1].mark,
        `exceeded max depth of ${MAX_FLOW_LEVEL}`,
      );
    }
    return true;
  }

  private decreaseFlowLevel() {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      const last = this.simpleKeys.length - 1;
      if (this.simpleKeys[last].possible)
        this.possibleKeys.delete(this.simpleKeys[last].tokenNumber);
      this.simpleKeys.pop();
      if (this.minPossible > last) this.minPossible = last;
    }
  }

  // ---- indentation ------------------------------------------------------------------------

  private rollIndent(column: number, number: number, type: TokenType, mark: Mark): boolean {
    if (this.flowLevel > 0) return true;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      if (this.indents.length > MAX_INDENTS) {
        return this.scannerError(
          'while increasing indent level',
          this.simpleKeys[this.simpleKeys.length - 1].mark,
          `exceeded max depth of ${MAX_INDENTS}`,
        );
      }
      const token: Token = { type, start: copy(mark), end: copy(mark) };
      this.insert(number > -1 ? number - this.tokensParsed : -1, token);
    }
    return true;
  }

  private unrollIndent(column: number) {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      this.insert(-1, { type: 'BLOCK-END', start: copy(this.mark), end: copy(this.mark) });
      this.indent = this.indents.pop() as number;
    }
  }

  // ---- token fetchers ---------------------------------------------------------------------

  private simple(type: TokenType): Token {
    const start = copy(this.mark);
    this.skip();
    return { type, start, end: copy(this.mark) };
  }

  private fetchStreamStart(): boolean {
    this.indent = -1;
    this.simpleKeys.push(this.emptyKey());
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    this.insert(-1, { type: 'STREAM-START', start: copy(this.mark), end: copy(this.mark) });
    return true;
  }

  private fetchStreamEnd(): boolean {
    if (this.mark.column !== 0) {
      this.mark.column = 0;
      this.mark.line++;
    }
    this.unrollIndent(-1);
    if (!this.removeSimpleKey()) return false;
    this.simpleKeyAllowed = false;
    this.insert(-1, { type: 'STREAM-END', start: copy(this.mark), end: copy(this.mark) });
    return true;
  }

  private fetchDirective(): boolean {
    this.unrollIndent(-1);
    if (!this.removeSimpleKey()) return false;
    this.simpleKeyAllowed = false;
    const token = this.scanDirective();
    if (!token) return false;
    this.insert(-1, token);
    return true;
  }

  private fetchDocumentIndicator(type: TokenType): boolean {
    this.unrollIndent(-1);
    if (!this.removeSimpleKey()) return false;
    this.simpleKeyAllowed = false;
    const start = copy(this.mark);
    this.skip();
    this.skip();
    this.skip();
    this.insert(-1, { type, start, end: copy(this.mark) });
    return true;
  }

  private fetchFlowCollectionStart(type: TokenType): boolean {
    if (!this.saveSimpleKey()) return false;
    if (!this.increaseFlowLevel()) return false;
    this.simpleKeyAllowed = true;
    this.insert(-1, this.simple(type));
    return true;
  }

  private fetchFlowCollectionEnd(type: TokenType): boolean {
    if (!this.removeSimpleKey()) return false;
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    this.insert(-1, this.simple(type));
    return true;
  }

  private fetchFlowEntry(): boolean {
    if (!this.removeSimpleKey()) return false;
    this.simpleKeyAllowed = true;
    this.insert(-1, this.simple('FLOW-ENTRY'));
    return true;
  }

  private fetchBlockEntry(): boolean {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) {
        return this.scannerError(
          '',
          this.mark,
          'block sequence entries are not allowed in this context',
        );
      }
      if (!this.rollIndent(this.mark.column, -1, 'BLOCK-SEQUENCE-START', this.mark)) return false;
    }
    // In a flow context the parser reports the stray '-' with better context.
    if (!this.removeSimpleKey()) return false;
    this.simpleKeyAllowed = true;
    this.insert(-1, this.simple('BLOCK-ENTRY'));
    return true;
  }

  private fetchKey(): boolean {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) {
        return this.scannerError('', this.mark, 'mapping keys are not allowed in this context');
      }
      if (!this.rollIndent(this.mark.column, -1, 'BLOCK-MAPPING-START', this.mark)) return false;
    }
    if (!this.removeSimpleKey()) return false;
    this.simpleKeyAllowed = this.flowLevel === 0;
    this.insert(-1, this.simple('KEY'));
    return true;
  }

  private fetchValue(): boolean {
    const key = this.simpleKeys[this.simpleKeys.length - 1];
    if (key.possible) {
      // The simple key turns out to be a key: insert KEY (and maybe BLOCK-MAPPING-START) before it.
      this.insert(key.tokenNumber - this.tokensParsed, {
        type: 'KEY',
        start: copy(key.mark),
        end: copy(key.mark),
      });
      if (!this.rollIndent(key.mark.column, key.tokenNumber, 'BLOCK-MAPPING-START', key.mark)) {
        return false;
      }
      key.possible = false;
      this.possibleKeys.delete(key.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) {
          return this.scannerError('', this.mark, 'mapping values are not allowed in this context');
        }
        if (!this.rollIndent(this.mark.column, -1, 'BLOCK-MAPPING-START', this.mark)) return false;
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    this.insert(-1, this.simple('VALUE'));
    return true;
  }

  private fetchAnchor(type: 'ALIAS' | 'ANCHOR'): boolean {
    if (!this.saveSimpleKey()) return false;
    this.simpleKeyAllowed = false;
    const token = this.scanAnchor(type);
    if (!token) return false;
    this.insert(-1, token);
    return true;
  }

  private fetchTag(): boolean {
    if (!this.saveSimpleKey()) return false;
    this.simpleKeyAllowed = false;
    const token = this.scanTag();
    if (!token) return false;
    this.insert(-1, token);
    return true;
  }

  private fetchBlockScalar(literal: boolean): boolean {
    if (!this.removeSimpleKey()) return false;
    this.simpleKeyAllowed = true;
    const token = this.scanBlockScalar(literal);
    if (!token) return false;
    this.insert(-1, token);
    return true;
  }

  private fetchFlowScalar(single: boolean): boolean {
    if (!this.saveSimpleKey()) return false;
    this.simpleKeyAllowed = false;
    const token = this.scanFlowScalar(single);
    if (!token) return false;
    this.insert(-1, token);
    return true;
  }

  private fetchPlainScalar(): boolean {
    if (!this.saveSimpleKey()) return false;
    this.simpleKeyAllowed = false;
    const token = this.scanPlainScalar();
    if (!token) return false;
    this.insert(-1, token);
    return true;
  }

  // ---- whitespace, comments, directives ---------------------------------------------------

  private scanToNextToken(): boolean {
    for (;;) {
      if (!this.cache(1)) return false;
      if (this.mark.column === 0 && this.at() === C.bom) this.skip();
      if (!this.cache(1)) return false;
      // Tabs are allowed in flow context, or in block context after a token that cannot
      // start a simple key, but never as indentation.
      while (
        this.at() === C.space ||
        ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.at() === C.tab)
      ) {
        this.skip();
        if (!this.cache(1)) return false;
      }
      if (this.at() === C.hash) {
        while (!this.isBreakZ()) {
          this.skip();
          if (!this.cache(1)) return false;
        }
      }
      if (this.isBreak()) {
        if (!this.cache(2)) return false;
        this.skipLine();
        if (this.flowLevel === 0) this.simpleKeyAllowed = true;
      } else {
        break;
      }
    }
    return true;
  }

  private scanDirective(): Token | undefined {
    const start = copy(this.mark);
    this.skip();
    const name = this.scanDirectiveName(start);
    if (name === undefined) return undefined;
    let token: Token;
    if (name === 'YAML') {
      const version = this.scanVersionDirectiveValue(start);
      if (!version) return undefined;
      token = {
        type: 'VERSION-DIRECTIVE',
        start,
        end: copy(this.mark),
        major: version[0],
        minor: version[1],
      };
    } else if (name === 'TAG') {
      const value = this.scanTagDirectiveValue(start);
      if (!value) return undefined;
      token = {
        type: 'TAG-DIRECTIVE',
        start,
        end: copy(this.mark),
        value: value[0],
        suffix: value[1],
      };
    } else {
      this.scannerError('while scanning a directive', start, 'found unknown directive name');
      return undefined;
    }
    if (!this.cache(1)) return undefined;
    while (this.isBlank()) {
      this.skip();
      if (!this.cache(1)) return undefined;
    }
    if (this.at() === C.hash) {
      while (!this.isBreakZ()) {
        this.skip();
        if (!this.cache(1)) return undefined;
      }
    }
    if (!this.isBreakZ()) {
      this.scannerError(
        'while scanning a directive',
        start,
        'did not find expected comment or line break',
      );
      return undefined;
    }
    if (this.isBreak()) {
      if (!this.cache(2)) return undefined;
      this.skipLine();
    }
    return token;
  }

  private scanDirectiveName(start: Mark): string | undefined {
    if (!this.cache(1)) return undefined;
    let s = '';
    while (isAlphaCp(this.at())) {
      s = this.read(s);
      if (!this.cache(1)) return undefined;
    }
    if (s === '') {
      this.scannerError(
        'while scanning a directive',
        start,
        'could not find expected directive name',
      );
      return undefined;
    }
    if (!this.isBlankZ()) {
      this.scannerError(
        'while scanning a directive',
        start,
        'found unexpected non-alphabetical character',
      );
      return undefined;
    }
    return s;
  }

  private scanVersionDirectiveValue(start: Mark): [number, number] | undefined {
    if (!this.cache(1)) return undefined;
    while (this.isBlank()) {
      this.skip();
      if (!this.cache(1)) return undefined;
    }
    const major = this.scanVersionDirectiveNumber(start);
    if (major === undefined) return undefined;
    if (this.at() !== C.dot) {
      this.scannerError(
        'while scanning a %YAML directive',
        start,
        "did not find expected digit or '.' character",
      );
      return undefined;
    }
    this.skip();
    const minor = this.scanVersionDirectiveNumber(start);
    if (minor === undefined) return undefined;
    return [major, minor];
  }

  private scanVersionDirectiveNumber(start: Mark): number | undefined {
    if (!this.cache(1)) return undefined;
    let value = 0;
    let length = 0;
    while (isDigitCp(this.at())) {
      length++;
      if (length > 2) {
        this.scannerError(
          'while scanning a %YAML directive',
          start,
          'found extremely long version number',
        );
        return undefined;
      }
      value = value * 10 + (this.at() - 0x30);
      this.skip();
      if (!this.cache(1)) return undefined;
    }
    if (length === 0) {
      this.scannerError(
        'while scanning a %YAML directive',
        start,
        'did not find expected version number',
      );
      return undefined;
    }
    return value;
  }

  private scanTagDirectiveValue(start: Mark): [string, string] | undefined {
    if (!this.cache(1)) return undefined;
    while (this.isBlank()) {
      this.skip();
      if (!this.cache(1)) return undefined;
    }
    const handle = this.scanTagHandle(true, start);
    if (handle === undefined) return undefined;
    if (!this.cache(1)) return undefined;
    if (!this.isBlank()) {
      this.scannerError(
        'while scanning a %TAG directive',
        start,
        'did not find expected whitespace',
      );
      return undefined;
    }
    while (this.isBlank()) {
      this.skip();
      if (!this.cache(1)) return undefined;
    }
    const prefix = this.scanTagUri(true, '', start);
    if (prefix === undefined) return undefined;
    if (!this.cache(1)) return undefined;
    if (!this.isBlankZ()) {
      this.scannerError(
        'while scanning a %TAG directive',
        start,
        'did not find expected whitespace or line break',
      );
      return undefined;
    }
    return [handle, prefix];
  }

  // ---- anchors and tags -------------------------------------------------------------------

  private scanAnchor(type: 'ALIAS' | 'ANCHOR'): Token | undefined {
    const start = copy(this.mark);
    this.skip();
    if (!this.cache(1)) return undefined;
    let s = '';
    while (isAlphaCp(this.at())) {
      s = this.read(s);
      if (!this.cache(1)) return undefined;
    }
    const end = copy(this.mark);
    const c = this.at();
    if (
      s === '' ||
      !(
        this.isBlankZ() ||
        c === C.question ||
        c === C.colon ||
        c === C.comma ||
        c === C.rbracket ||
        c === C.rbrace ||
        c === C.percent ||
        c === C.at ||
        c === C.backtick
      )
    ) {
      this.scannerError(
        type === 'ANCHOR' ? 'while scanning an anchor' : 'while scanning an alias',
        start,
        'did not find expected alphabetic or numeric character',
      );
      return undefined;
    }
    return { type, start, end, value: s };
  }

  private scanTag(): Token | undefined {
    const start = copy(this.mark);
    if (!this.cache(2)) return undefined;
    let handle: string;
    let suffix: string;
    if (this.at(1) === C.lt) {
      handle = '';
      this.skip();
      this.skip();
      const uri = this.scanTagUri(false, '', start);
      if (uri === undefined) return undefined;
      suffix = uri;
      if (this.at() !== C.gt) {
        this.scannerError('while scanning a tag', start, "did not find the expected '>'");
        return undefined;
      }
      this.skip();
    } else {
      const h = this.scanTagHandle(false, start);
      if (h === undefined) return undefined;
      if (h.length > 1 && h.startsWith('!') && h.endsWith('!')) {
        const uri = this.scanTagUri(false, '', start);
        if (uri === undefined) return undefined;
        handle = h;
        suffix = uri;
      } else {
        // Not a handle after all: it is the start of the suffix of a `!suffix` tag.
        const uri = this.scanTagUri(false, h, start);
        if (uri === undefined) return undefined;
        handle = '!';
        suffix = uri;
        if (suffix === '') {
          // The lone '!' tag: handle '' and suffix '!'.
          handle = '';
          suffix = '!';
        }
      }
    }
    if (!this.cache(1)) return undefined;
    if (!this.isBlankZ()) {
      this.scannerError(
        'while scanning a tag',
        start,
        'did not find expected whitespace or line break',
      );
      return undefined;
    }
    return { type: 'TAG', start, end: copy(this.mark), value: handle, suffix };
  }

  private tagError(directive: boolean, start: Mark, problem: string): undefined {
    this.scannerError(
      directive ? 'while parsing a %TAG directive' : 'while parsing a tag',
      start,
      problem,
    );
    return undefined;
  }

  private scanTagHandle(directive: boolean, start: Mark): string | undefined {
    if (!this.cache(1)) return undefined;
    if (this.at() !== C.bang) return this.tagError(directive, start, "did not find expected '!'");
    let s = this.read('');
    if (!this.cache(1)) return undefined;
    while (isAlphaCp(this.at())) {
      s = this.read(s);
      if (!this.cache(1)) return undefined;
    }
    if (this.at() === C.bang) {
      s = this.read(s);
    } else if (directive && s !== '!') {
      return this.tagError(directive, start, "did not find expected '!'");
    }
    return s;
  }

  private scanTagUri(directive: boolean, head: string, start: Mark): string | undefined {
    let s = head.length > 1 ? head.slice(1) : '';
    let hasTag = head.length > 0;
    if (!this.cache(1)) return undefined;
    while (isAlphaCp(this.at()) || URI_CHARS.has(this.at())) {
      if (this.at() === C.percent) {
        const escaped = this.scanUriEscapes(directive, start);
        if (escaped === undefined) return undefined;
        s += escaped;
      } else {
        s = this.read(s);
      }
      if (!this.cache(1)) return undefined;
      hasTag = true;
    }
    if (!hasTag) return this.tagError(directive, start, 'did not find expected tag URI');
    return s;
  }

  private scanUriEscapes(directive: boolean, start: Mark): string | undefined {
    const bytes: number[] = [];
    let w = 1024;
    while (w > 0) {
      if (!this.cache(3)) return undefined;
      if (!(this.at() === C.percent && isHexCp(this.at(1)) && isHexCp(this.at(2)))) {
        return this.tagError(directive, start, 'did not find URI escaped octet');
      }
      const octet = (hexValue(this.at(1)) << 4) + hexValue(this.at(2));
      if (w === 1024) {
        w =
          (octet & 0x80) === 0
            ? 1
            : (octet & 0xe0) === 0xc0
              ? 2
              : (octet & 0xf0) === 0xe0
                ? 3
                : (octet & 0xf8) === 0xf0
                  ? 4
                  : 0;
        if (w === 0)
          return this.tagError(directive, start, 'found an incorrect leading UTF-8 octet');
      } else if ((octet & 0xc0) !== 0x80) {
        return this.tagError(directive, start, 'found an incorrect trailing UTF-8 octet');
      }
      bytes.push(octet);
      this.skip();
      this.skip();
      this.skip();
      w--;
    }
    return decodeUtf8(bytes);
  }

  // ---- scalars ----------------------------------------------------------------------------

  private scanBlockScalar(literal: boolean): Token | undefined {
    const start = copy(this.mark);
    this.skip();
    if (!this.cache(1)) return undefined;
    let chomping = 0;
    let increment = 0;
    if (this.at() === C.plus || this.at() === C.dash) {
      chomping = this.at() === C.plus ? 1 : -1;
      this.skip();
      if (!this.cache(1)) return undefined;
      if (isDigitCp(this.at())) {
        if (this.at() === 0x30) {
          this.scannerError(
            'while scanning a block scalar',
            start,
            'found an indentation indicator equal to 0',
          );
          return undefined;
        }
        increment = this.at() - 0x30;
        this.skip();
      }
    } else if (isDigitCp(this.at())) {
      if (this.at() === 0x30) {
        this.scannerError(
          'while scanning a block scalar',
          start,
          'found an indentation indicator equal to 0',
        );
        return undefined;
      }
      increment = this.at() - 0x30;
      this.skip();
      if (!this.cache(1)) return undefined;
      if (this.at() === C.plus || this.at() === C.dash) {
        chomping = this.at() === C.plus ? 1 : -1;
        this.skip();
      }
    }
    if (!this.cache(1)) return undefined;
    while (this.isBlank()) {
      this.skip();
      if (!this.cache(1)) return undefined;
    }
    if (this.at() === C.hash) {
      while (!this.isBreakZ()) {
        this.skip();
        if (!this.cache(1)) return undefined;
      }
    }
    if (!this.isBreakZ()) {
      this.scannerError(
        'while scanning a block scalar',
        start,
        'did not find expected comment or line break',
      );
      return undefined;
    }
    if (this.isBreak()) {
      if (!this.cache(2)) return undefined;
      this.skipLine();
    }
    let end = copy(this.mark);
    let indent = 0;
    if (increment > 0) indent = this.indent >= 0 ? this.indent + increment : increment;

    const state = { indent, breaks: '', end };
    if (!this.scanBlockScalarBreaks(state, start)) return undefined;
    indent = state.indent;
    let trailingBreaks = state.breaks;
    end = state.end;

    if (!this.cache(1)) return undefined;
    let s = '';
    let leadingBreak = '';
    let leadingBlank = false;
    while (this.mark.column === indent && !this.isZ()) {
      const trailingBlank = this.isBlank();
      if (!literal && !leadingBlank && !trailingBlank && leadingBreak.startsWith('\n')) {
        if (trailingBreaks === '') s += ' ';
      } else {
        s += leadingBreak;
      }
      leadingBreak = '';
      s += trailingBreaks;
      trailingBreaks = '';
      leadingBlank = this.isBlank();
      while (!this.isBreakZ()) {
        s = this.read(s);
        if (!this.cache(1)) return undefined;
      }
      if (!this.cache(2)) return undefined;
      leadingBreak = this.readLine(leadingBreak);
      const st = { indent, breaks: trailingBreaks, end };
      if (!this.scanBlockScalarBreaks(st, start)) return undefined;
      indent = st.indent;
      trailingBreaks = st.breaks;
      end = st.end;
    }
    if (chomping !== -1) s += leadingBreak;
    if (chomping === 1) s += trailingBreaks;
    return { type: 'SCALAR', start, end, value: s, style: literal ? 'literal' : 'folded' };
  }

  private scanBlockScalarBreaks(
    st: { indent: number; breaks: string; end: Mark },
    start: Mark,
  ): boolean {
    st.end = copy(this.mark);
    let maxIndent = 0;
    for (;;) {
      if (!this.cache(1)) return false;
      while ((st.indent === 0 || this.mark.column < st.indent) && this.at() === C.space) {
        this.skip();
        if (!this.cache(1)) return false;
      }
      if (this.mark.column > maxIndent) maxIndent = this.mark.column;
      if ((st.indent === 0 || this.mark.column < st.indent) && this.at() === C.tab) {
        return this.scannerError(
          'while scanning a block scalar',
          start,
          'found a tab character where an indentation space is expected',
        );
      }
      if (!this.isBreak()) break;
      if (!this.cache(2)) return false;
      st.breaks = this.readLine(st.breaks);
      st.end = copy(this.mark);
    }
    if (st.indent === 0) {
      st.indent = maxIndent;
      if (st.indent < this.indent + 1) st.indent = this.indent + 1;
      if (st.indent < 1) st.indent = 1;
    }
    return true;
  }

  private atDocumentIndicator(): boolean {
    const c = this.at();
    return (
      this.mark.column === 0 &&
      ((c === C.dash && this.at(1) === C.dash && this.at(2) === C.dash) ||
        (c === C.dot && this.at(1) === C.dot && this.at(2) === C.dot)) &&
      this.isBlankZ(3)
    );
  }

  private scanFlowScalar(single: boolean): Token | undefined {
    const start = copy(this.mark);
    this.skip();
    let s = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    let whitespaces = '';
    for (;;) {
      if (!this.cache(4)) return undefined;
      if (this.atDocumentIndicator()) {
        this.scannerError(
          'while scanning a quoted scalar',
          start,
          'found unexpected document indicator',
        );
        return undefined;
      }
      if (this.isZ()) {
        this.scannerError(
          'while scanning a quoted scalar',
          start,
          'found unexpected end of stream',
        );
        return undefined;
      }
      let leadingBlanks = false;
      while (!this.isBlankZ()) {
        const c = this.at();
        if (single && c === C.squote && this.at(1) === C.squote) {
          s += "'";
          this.skip();
          this.skip();
        } else if (single && c === C.squote) {
          break;
        } else if (!single && c === C.dquote) {
          break;
        } else if (!single && c === C.backslash && this.isBreak(1)) {
          if (!this.cache(3)) return undefined;
          this.skip();
          this.skipLine();
          leadingBlanks = true;
          break;
        } else if (!single && c === C.backslash) {
          let codeLength = 0;
          const e = String.fromCodePoint(this.at(1));
          const simpleEscapes: Record<string, string> = {
            '0': '\0',
            a: '\x07',
            b: '\x08',
            t: '\t',
            '\t': '\t',
            n: '\n',
            v: '\x0b',
            f: '\x0c',
            r: '\r',
            e: '\x1b',
            ' ': ' ',
            '"': '"',
            "'": "'",
            '\\': '\\',
            N: '\u0085',
            _: '\u00a0',
            L: '\u2028',
            P: '\u2029',
          };
          if (e === 'x') codeLength = 2;
          else if (e === 'u') codeLength = 4;
          else if (e === 'U') codeLength = 8;
          else if (Object.prototype.hasOwnProperty.call(simpleEscapes, e)) s += simpleEscapes[e];
          else {
            this.scannerError(
              'while parsing a quoted scalar',
              start,
              'found unknown escape character',
            );
            return undefined;
          }
          this.skip();
          this.skip();
          if (codeLength > 0) {
            if (!this.cache(codeLength)) return undefined;
            let value = 0;
            for (let k = 0; k < codeLength; k++) {
              if (!isHexCp(this.at(k))) {
                this.scannerError(
                  'while parsing a quoted scalar',
                  start,
                  'did not find expected hexdecimal number',
                );
                return undefined;
              }
              value = value * 16 + hexValue(this.at(k));
            }
            if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
              this.scannerError(
                'while parsing a quoted scalar',
                start,
                'found invalid Unicode character escape code',
              );
              return undefined;
            }
            s += String.fromCodePoint(value);
            for (let k = 0; k < codeLength; k++) this.skip();
          }
        } else {
          s = this.read(s);
        }
        if (!this.cache(2)) return undefined;
      }
      if (!this.cache(1)) return undefined;
      if (this.at() === (single ? C.squote : C.dquote)) break;
      while (this.isBlank() || this.isBreak()) {
        if (this.isBlank()) {
          if (!leadingBlanks) whitespaces = this.read(whitespaces);
          else this.skip();
        } else {
          if (!this.cache(2)) return undefined;
          if (!leadingBlanks) {
            whitespaces = '';
            leadingBreak = this.readLine(leadingBreak);
            leadingBlanks = true;
          } else {
            trailingBreaks = this.readLine(trailingBreaks);
          }
        }
        if (!this.cache(1)) return undefined;
      }
      if (leadingBlanks) {
        if (leadingBreak.startsWith('\n')) {
          s += trailingBreaks === '' ? ' ' : trailingBreaks;
        } else {
          s += leadingBreak + trailingBreaks;
        }
        trailingBreaks = '';
        leadingBreak = '';
      } else {
        s += whitespaces;
        whitespaces = '';
      }
    }
    this.skip();
    return {
      type: 'SCALAR',
      start,
      end: copy(this.mark),
      value: s,
      style: single ? 'single' : 'double',
    };
  }

  private scanPlainScalar(): Token | undefined {
    let s = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    let whitespaces = '';
    let leadingBlanks = false;
    const indent = this.indent + 1;
    const start = copy(this.mark);
    let end = copy(this.mark);
    for (;;) {
      if (!this.cache(4)) return undefined;
      if (this.atDocumentIndicator()) break;
      if (this.at() === C.hash) break;
      while (!this.isBlankZ()) {
        const c = this.at();
        if (
          (c === C.colon && this.isBlankZ(1)) ||
          (this.flowLevel > 0 &&
            (c === C.comma ||
              c === C.question ||
              c === C.lbracket ||
              c === C.rbracket ||
              c === C.lbrace ||
              c === C.rbrace))
        ) {
          break;
        }
        if (leadingBlanks || whitespaces !== '') {
          if (leadingBlanks) {
            if (leadingBreak.startsWith('\n')) {
              s += trailingBreaks === '' ? ' ' : trailingBreaks;
            } else {
              s += leadingBreak + trailingBreaks;
            }
            trailingBreaks = '';
            leadingBreak = '';
            leadingBlanks = false;
          } else {
            s += whitespaces;
            whitespaces = '';
          }
        }
        s = this.read(s);
        end = copy(this.mark);
        if (!this.cache(2)) return undefined;
      }
      if (!(this.isBlank() || this.isBreak())) break;
      if (!this.cache(1)) return undefined;
      while (this.isBlank() || this.isBreak()) {
        if (this.isBlank()) {
          if (leadingBlanks && this.mark.column < indent && this.at() === C.tab) {
            this.scannerError(
              'while scanning a plain scalar',
              start,
              'found a tab character that violates indentation',
            );
            return undefined;
          }
          if (!leadingBlanks) whitespaces = this.read(whitespaces);
          else this.skip();
        } else {
          if (!this.cache(2)) return undefined;
          if (!leadingBlanks) {
            whitespaces = '';
            leadingBreak = this.readLine(leadingBreak);
            leadingBlanks = true;
          } else {
            trailingBreaks = this.readLine(trailingBreaks);
          }
        }
        if (!this.cache(1)) return undefined;
      }
      if (this.flowLevel === 0 && this.mark.column < indent) break;
    }
    if (leadingBlanks) this.simpleKeyAllowed = true;
    return { type: 'SCALAR', start, end, value: s, style: 'plain' };
  }
}
