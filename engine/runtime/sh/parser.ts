/**
 * The shell parser: POSIX sh grammar as busybox ash (a dash descendant) and bash read it. It
 * parses one complete command (a list ended by a newline) at a time, because both shells execute
 * each line before they read the next: `echo a` on line 1 runs even if line 2 has a syntax error.
 *
 * Words are lexed with their quoting structure; `$(…)` bodies are parsed recursively on the same
 * source text, backquote bodies after removing their backslash escapes, as the shells do.
 */
import type { Assign, Dialect, Node, ParamOp, Part, Redir, RedirOp, Word } from './ast';

/** What kind of syntax error occurred; messages are worded per dialect in `messages.ts`. */
export type ParseErrorKind =
  | 'unexpected'
  | 'unterminated-quote'
  | 'missing-brace'
  | 'bad-substitution'
  | 'eof-backquote'
  | 'missing-arith'
  | 'bad-for-variable'
  | 'bad-function-name';

/** A token as the parser sees it. */
export interface Token {
  type: 'word' | 'op' | 'nl' | 'eof';
  /** Operator text, or the word's source text. */
  value: string;
  word?: Word;
  /** For `2>`: the fd number written before a redirection. */
  ionum?: number;
  pos: number;
  line: number;
}

/** A syntax error with enough detail for either dialect's wording. */
export class ParseError {
  constructor(
    readonly kind: ParseErrorKind,
    readonly line: number,
    readonly token?: Token,
    readonly expecting?: string,
    /** The quote or bracket that was left open. */
    readonly open?: string,
    /** True when more input could complete the command (interactive continuation lines). */
    readonly incomplete = false,
  ) {}
}

const RESERVED = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'case',
  'esac',
  'while',
  'until',
  'for',
  '{',
  '}',
  '!',
  'in',
  'function',
]);

/** Words that end a compound list. */
const LIST_END = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMS = '@*#?-$!';

const OPS_ASH = ['&&', '||', ';;', '<<-', '<<', '>>', '<&', '>&', '<>', '>|', '&>', ';', '&', '|'];
const OPS_BASH = ['&>>', ';;&', '<<<', ';&', ...OPS_ASH];

/** Reading modes of the word lexer. */
type Mode = 'word' | 'dq' | 'brace' | 'brace-dq' | 'heredoc' | 'arith';

interface PendingHeredoc {
  redir: Redir;
  delim: string;
  quoted: boolean;
  strip: boolean;
}

/** Parses shell source text. One instance reads one source (a -c string, a script, stdin text). */
export class Parser {
  private pos: number;
  private peeked?: Token;
  private pending: PendingHeredoc[] = [];
  private lineStarts: number[] = [0];
  /** Aliases to expand in command position (ash; bash only when interactive). */
  aliases?: ReadonlyMap<string, string>;
  private aliasGuard: Array<{ name: string; end: number }> = [];
  private readonly ops: string[];

  constructor(
    private src: string,
    readonly dialect: Dialect,
    /** Line number of the first line (ash numbers `-c` strings from 0). */
    private readonly firstLine = 1,
    start = 0,
    /** More input may follow (stdin, interactive): an unfinished here-document is incomplete. */
    private readonly streaming = false,
  ) {
    this.pos = start;
    for (let i = 0; i < src.length; i++) if (src[i] === '\n') this.lineStarts.push(i + 1);
    this.ops = dialect === 'bash' ? OPS_BASH : OPS_ASH;
  }

  /** The line number at a source offset. */
  lineAt(pos: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + this.firstLine;
  }

  /** The source text of the line containing `pos` (bash echoes it in syntax errors). */
  lineText(pos: number): string {
    const i = this.lineAt(Math.min(pos, this.src.length)) - this.firstLine;
    const start = this.lineStarts[i];
    const end = this.src.indexOf('\n', start);
    return this.src.slice(start, end < 0 ? this.src.length : end);
  }

  /** Whether only blanks, newlines and comments remain (ash then execs the last command). */
  atEnd(): boolean {
    if (this.peeked && this.peeked.type !== 'nl') return this.peeked.type === 'eof';
    const src = this.src;
    let p = this.peeked ? this.peeked.pos : this.pos;
    while (p < src.length) {
      const c = src[p];
      if (c === ' ' || c === '\t' || c === '\n') p++;
      else if (c === '\\' && src[p + 1] === '\n') p += 2;
      else if (c === '#') {
        while (p < src.length && src[p] !== '\n') p++;
      } else return false;
    }
    return true;
  }

  /** Current offset (where the next unread token starts). */
  get offset(): number {
    return this.peeked ? this.peeked.pos : this.pos;
  }

  /**
   * Parses the next complete command line. Returns null at end of input, a ParseError on bad
   * syntax (the caller reports it), or the command.
   */
  next(): Node | null | ParseError {
    try {
      for (;;) {
        const tok = this.peek();
        if (tok.type === 'nl') {
          this.take();
          continue;
        }
        if (tok.type === 'eof') return null;
        break;
      }
      const node = this.list(true);
      const end = this.peek();
      if (end.type === 'nl') this.take();
      else if (end.type !== 'eof') throw this.unexpected(end);
      return node;
    } catch (error) {
      if (error instanceof ParseError) return error;
      throw error;
    }
  }

  /** Parses everything (used for backquote bodies and `eval`-like whole-text parses). */
  all(): Node | undefined | ParseError {
    const items: Node[] = [];
    for (;;) {
      const node = this.next();
      if (node === null) break;
      if (node instanceof ParseError) return node;
      items.push(node);
    }
    if (items.length === 0) return undefined;
    if (items.length === 1) return items[0];
    return {
      t: 'list',
      line: items[0].line,
      items: items.map((node) => ({ node, bg: false })),
    };
  }

  /** Parses the body of `$(…)` starting at the current offset; returns it and the offset after `)`. */
  substitution(): { body?: Node; end: number } {
    this.skipNewlines();
    let body: Node | undefined;
    const first = this.peek();
    if (first.type === 'eof') throw this.unexpected(first, '")"');
    if (!(first.type === 'op' && first.value === ')')) body = this.list(false);
    const close = this.peek();
    if (!(close.type === 'op' && close.value === ')')) throw this.unexpected(close, '")"');
    return { body, end: close.pos + 1 };
  }

  // ---- tokens -----------------------------------------------------------------------------

  private peek(): Token {
    if (!this.peeked) this.peeked = this.lex();
    return this.peeked;
  }

  private take(): Token {
    const tok = this.peek();
    this.peeked = undefined;
    return tok;
  }

  /**
   * A backslash-newline that ends the input read so far: bash and ash prompt with PS2 for the
   * rest of the line instead of running what came before (interactive and stdin input only).
   */
  private continuation(pos: number): void {
    if (this.streaming && pos + 2 >= this.src.length)
      throw this.error('unexpected', pos, { incomplete: true });
  }

  private error(
    kind: ParseErrorKind,
    pos: number,
    extra: { token?: Token; expecting?: string; open?: string; incomplete?: boolean } = {},
  ): ParseError {
    return new ParseError(
      kind,
      this.lineAt(pos),
      extra.token,
      extra.expecting,
      extra.open,
      extra.incomplete ?? false,
    );
  }

  private unexpected(tok: Token, expecting?: string): ParseError {
    return this.error('unexpected', tok.pos, {
      token: tok,
      expecting,
      incomplete: tok.type === 'eof',
    });
  }

  private lex(): Token {
    const src = this.src;
    for (;;) {
      const c = src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && src[this.pos + 1] === '\n') {
        this.continuation(this.pos);
        this.pos += 2;
      } else if (c === '#') {
        while (this.pos < src.length && src[this.pos] !== '\n') this.pos++;
      } else break;
    }
    const start = this.pos;
    const line = this.lineAt(start);
    if (start >= src.length) {
      if (this.pending.length > 0) {
        // A here-document whose body never started: the body is empty.
        for (const h of this.pending.splice(0)) h.redir.heredoc = { parts: [], raw: '' };
      }
      return { type: 'eof', value: '', pos: start, line };
    }
    const c = src[start];
    if (c === '\n') {
      this.pos++;
      if (this.pending.length > 0) this.readHeredocs();
      return { type: 'nl', value: '\n', pos: start, line };
    }
    if (';&|()<>'.includes(c)) {
      for (const op of this.ops) {
        if (src.startsWith(op, start)) {
          this.pos += op.length;
          return { type: 'op', value: op, pos: start, line };
        }
      }
      this.pos++;
      return { type: 'op', value: c, pos: start, line };
    }
    const parts = this.readParts('word');
    const raw = src.slice(start, this.pos);
    const tok: Token = { type: 'word', value: raw, word: { parts, raw }, pos: start, line };
    if (/^[0-9]+$/.test(raw) && (src[this.pos] === '<' || src[this.pos] === '>')) {
      tok.ionum = Number(raw);
    }
    return tok;
  }

  // ---- words ------------------------------------------------------------------------------

  /** Reads word parts from the current offset until the mode's terminator. */
  private readParts(mode: Mode): Part[] {
    const src = this.src;
    const parts: Part[] = [];
    let lit = '';
    const flush = () => {
      if (lit) {
        parts.push(
          mode === 'word' || mode === 'brace' ? { k: 'lit', s: lit } : { k: 'sq', s: lit },
        );
        lit = '';
      }
    };
    const quotedCtx = mode === 'dq' || mode === 'brace-dq' || mode === 'heredoc';
    let depth = 0;
    for (;;) {
      if (this.pos >= src.length) {
        if (mode === 'dq' || mode === 'brace-dq') {
          // Caller reports the open quote.
        }
        break;
      }
      const c = src[this.pos];
      if (mode === 'word' && ' \t\n;&|()<>'.includes(c)) break;
      if (mode === 'dq' && c === '"') break;
      if ((mode === 'brace' || mode === 'brace-dq') && c === '}') break;
      if (mode === 'arith') {
        if (c === '(') depth++;
        else if (c === ')') {
          if (depth === 0) break;
          depth--;
        }
      }
      if (c === '\\') {
        const n = src[this.pos + 1];
        if (n === '\n') {
          this.continuation(this.pos);
          this.pos += 2;
          continue;
        }
        if (n === undefined) {
          lit += '\\';
          this.pos++;
          continue;
        }
        if (quotedCtx || mode === 'arith') {
          const escapable =
            mode === 'heredoc'
              ? '$`\\'
              : mode === 'brace-dq'
                ? '$`"\\}'
                : mode === 'arith'
                  ? '$`"\\'
                  : '$`"\\';
          if (escapable.includes(n)) {
            lit += n;
            this.pos += 2;
          } else {
            lit += '\\';
            this.pos++;
          }
          continue;
        }
        flush();
        parts.push({ k: 'sq', s: n });
        this.pos += 2;
        continue;
      }
      if (c === "'" && !quotedCtx && mode !== 'arith') {
        flush();
        const end = src.indexOf("'", this.pos + 1);
        if (end < 0)
          throw this.error('unterminated-quote', this.pos, { open: "'", incomplete: true });
        parts.push({ k: 'sq', s: src.slice(this.pos + 1, end) });
        this.pos = end + 1;
        continue;
      }
      if (
        c === '"' &&
        mode !== 'heredoc' &&
        mode !== 'dq' &&
        !(mode === 'arith' && this.dialect === 'ash')
      ) {
        flush();
        const open = this.pos;
        this.pos++;
        const inner = this.readParts('dq');
        if (src[this.pos] !== '"')
          throw this.error('unterminated-quote', open, { open: '"', incomplete: true });
        this.pos++;
        parts.push({ k: 'dq', parts: inner });
        continue;
      }
      if (c === '$') {
        const part = this.readDollar(quotedCtx);
        if (part) {
          flush();
          parts.push(part);
          continue;
        }
        lit += '$';
        this.pos++;
        continue;
      }
      if (c === '`') {
        flush();
        parts.push(this.readBackquote(quotedCtx));
        continue;
      }
      lit += c;
      this.pos++;
    }
    flush();
    return parts;
  }

  /** Reads `$…` at the current offset; returns null when the `$` is literal. */
  private readDollar(inDq: boolean): Part | null {
    const src = this.src;
    const start = this.pos;
    const c = src[start + 1];
    if (c === '{') return this.readBraced(inDq);
    if (c === '(') {
      if (src[start + 2] === '(') return this.readArith();
      const sub = new Parser(src, this.dialect, this.firstLine, start + 2);
      const { body, end } = sub.substitution();
      this.pos = end;
      return { k: 'cmd', body, src: src.slice(start + 2, end - 1) };
    }
    if (c !== undefined && NAME_START.test(c)) {
      let end = start + 1;
      while (end < src.length && NAME_CHAR.test(src[end])) end++;
      this.pos = end;
      return { k: 'param', name: src.slice(start + 1, end), braced: false };
    }
    if (c !== undefined && (/[0-9]/.test(c) || SPECIAL_PARAMS.includes(c))) {
      this.pos = start + 2;
      return { k: 'param', name: c, braced: false };
    }
    if (c === "'" && !inDq) {
      const { text, end } = readAnsiC(src, start + 2);
      if (end < 0) throw this.error('unterminated-quote', start, { open: "'", incomplete: true });
      this.pos = end;
      return { k: 'sq', s: text };
    }
    if (c === '"' && !inDq && this.dialect === 'bash') {
      this.pos = start + 1;
      return null;
    }
    return null;
  }

  private readBraced(inDq: boolean): Part {
    const src = this.src;
    const open = this.pos;
    let p = open + 2;
    let op: ParamOp | undefined;
    const readName = (): string => {
      const c = src[p];
      if (c === undefined) return '';
      if (NAME_START.test(c)) {
        let e = p;
        while (e < src.length && NAME_CHAR.test(src[e])) e++;
        const n = src.slice(p, e);
        p = e;
        return n;
      }
      if (/[0-9]/.test(c)) {
        let e = p;
        while (e < src.length && /[0-9]/.test(src[e])) e++;
        const n = src.slice(p, e);
        p = e;
        return n;
      }
      if (SPECIAL_PARAMS.includes(c)) {
        p++;
        return c;
      }
      return '';
    };
    if (src[p] === '#' && src[p + 1] !== '}' && src[p + 1] !== undefined) {
      const save = p;
      p++;
      const n = readName();
      if (n && src[p] === '}') {
        this.pos = p + 1;
        return { k: 'param', name: n, op: 'len', braced: true };
      }
      p = save;
    }
    const name = readName();
    if (p >= src.length) throw this.error('missing-brace', open, { open: '{', incomplete: true });
    if (!name) throw this.error('bad-substitution', open);
    if (src[p] === '}') {
      this.pos = p + 1;
      return { k: 'param', name, braced: true };
    }
    const ops: ParamOp[] =
      this.dialect === 'bash'
        ? [
            ':-',
            ':=',
            ':?',
            ':+',
            '-',
            '=',
            '?',
            '+',
            '%%',
            '%',
            '##',
            '#',
            '//',
            '/#',
            '/%',
            '/',
            ':',
            '^^',
            ',,',
            '^',
            ',',
          ]
        : [':-', ':=', ':?', ':+', '-', '=', '?', '+', '%%', '%', '##', '#', '//', '/', ':'];
    for (const candidate of ops) {
      if (src.startsWith(candidate, p)) {
        op = candidate;
        p += candidate.length;
        break;
      }
    }
    if (!op) {
      // Find the closing brace to decide between "missing }" and "bad substitution".
      if (src.indexOf('}', p) < 0)
        throw this.error('missing-brace', open, { open: '{', incomplete: true });
      throw this.error('bad-substitution', open);
    }
    this.pos = p;
    const argStart = p;
    const parts = this.readParts(inDq ? 'brace-dq' : 'brace');
    if (src[this.pos] !== '}')
      throw this.error('missing-brace', open, { open: '{', incomplete: true });
    const arg: Word = { parts, raw: src.slice(argStart, this.pos) };
    this.pos++;
    return { k: 'param', name, op, arg, braced: true };
  }

  private readArith(): Part {
    const src = this.src;
    const open = this.pos;
    this.pos += 3;
    const start = this.pos;
    const parts = this.readParts('arith');
    if (src[this.pos] !== ')' || src[this.pos + 1] !== ')') {
      throw this.error('missing-arith', open, { open: '((', incomplete: true });
    }
    const raw = src.slice(start, this.pos);
    this.pos += 2;
    return { k: 'arith', expr: { parts, raw } };
  }

  private readBackquote(inDq: boolean): Part {
    const src = this.src;
    const open = this.pos;
    let p = open + 1;
    let inner = '';
    for (;;) {
      if (p >= src.length) throw this.error('eof-backquote', open, { open: '`', incomplete: true });
      const c = src[p];
      if (c === '`') break;
      if (c === '\\') {
        const n = src[p + 1];
        if (n === '\\' || n === '`' || n === '$' || (inDq && n === '"')) {
          inner += n;
          p += 2;
          continue;
        }
        if (n === '\n') {
          p += 2;
          continue;
        }
      }
      inner += c;
      p++;
    }
    this.pos = p + 1;
    const sub = new Parser(inner, this.dialect, this.lineAt(open));
    const body = sub.all();
    if (body instanceof ParseError) throw body;
    return { k: 'cmd', body, src: inner };
  }

  private readHeredocs(): void {
    const src = this.src;
    for (const h of this.pending.splice(0)) {
      let body = '';
      let found = false;
      for (;;) {
        if (this.pos >= src.length) break;
        let end = src.indexOf('\n', this.pos);
        const atEnd = end < 0;
        if (atEnd) end = src.length;
        let line = src.slice(this.pos, end);
        if (h.strip) line = line.replace(/^\t+/, '');
        this.pos = atEnd ? end : end + 1;
        if (line === h.delim) {
          found = true;
          break;
        }
        body += line + (atEnd ? '' : '\n');
      }
      if (!found && this.streaming) {
        throw this.error('unexpected', this.pos, { incomplete: true });
      }
      if (h.quoted) h.redir.heredoc = { parts: [{ k: 'sq', s: body }], raw: body };
      else {
        const sub = new Parser(body, this.dialect, 1);
        sub.pos = 0;
        const parts = sub.readParts('heredoc');
        h.redir.heredoc = { parts, raw: body };
      }
    }
  }

  // ---- grammar ----------------------------------------------------------------------------

  private skipNewlines(): void {
    while (this.peek().type === 'nl') this.take();
  }

  private isWord(tok: Token, value?: string): boolean {
    if (tok.type !== 'word' || !tok.word) return false;
    const parts = tok.word.parts;
    if (parts.length !== 1 || parts[0].k !== 'lit') return false;
    return value === undefined ? true : parts[0].s === value;
  }

  private isOp(tok: Token, value: string): boolean {
    return tok.type === 'op' && tok.value === value;
  }

  /** Whether the token ends a compound list (a closing keyword or operator). */
  private endsList(tok: Token): boolean {
    if (tok.type === 'eof') return true;
    if (tok.type === 'op') return [')', ';;', ';&', ';;&'].includes(tok.value);
    return this.isWord(tok) && LIST_END.has(tok.value);
  }

  /**
   * A list of and-or items separated by `;` or `&`; at top level it stops at a newline,
   * otherwise newlines separate items too and the list ends at a closing word.
   */
  private list(top: boolean): Node {
    const items: Array<{ node: Node; bg: boolean }> = [];
    const line = this.peek().line;
    for (;;) {
      const node = this.andOr();
      let bg = false;
      const sep = this.peek();
      if (this.isOp(sep, '&') || this.isOp(sep, ';')) {
        this.take();
        bg = sep.value === '&';
        items.push({ node, bg });
        if (top) {
          const n = this.peek();
          if (n.type === 'nl' || n.type === 'eof') break;
          continue;
        }
        this.skipNewlines();
        if (this.endsList(this.peek())) break;
        continue;
      }
      items.push({ node, bg });
      if (top) break;
      if (sep.type === 'nl') {
        this.skipNewlines();
        if (this.endsList(this.peek())) break;
        continue;
      }
      break;
    }
    if (items.length === 1 && !items[0].bg) return items[0].node;
    return { t: 'list', line, items };
  }

  /** A compound list inside a construct: at least one command, then the expected closing word. */
  private compound(expecting?: string): Node {
    this.skipNewlines();
    const first = this.peek();
    if (this.endsList(first))
      throw this.unexpected(first, first.type === 'eof' ? expecting : undefined);
    return this.list(false);
  }

  private andOr(): Node {
    const first = this.pipeline();
    const rest: Array<{ op: '&&' | '||'; node: Node }> = [];
    for (;;) {
      const tok = this.peek();
      if (!this.isOp(tok, '&&') && !this.isOp(tok, '||')) break;
      this.take();
      this.skipNewlines();
      rest.push({ op: tok.value as '&&' | '||', node: this.pipeline() });
    }
    if (rest.length === 0) return first;
    return { t: 'andor', line: first.line, first, rest };
  }

  private pipeline(): Node {
    const startTok = this.peek();
    let bang = false;
    if (this.isWord(startTok, '!')) {
      this.take();
      bang = true;
      if (this.dialect === 'ash' && this.isWord(this.peek(), '!'))
        throw this.unexpected(this.peek());
    }
    const cmds = [this.command()];
    while (this.isOp(this.peek(), '|')) {
      this.take();
      this.skipNewlines();
      cmds.push(this.command());
    }
    if (cmds.length === 1 && !bang) return cmds[0];
    return { t: 'pipeline', line: startTok.line, bang, cmds };
  }

  private expectWord(value: string): Token {
    const tok = this.peek();
    if (!this.isWord(tok, value)) throw this.unexpected(tok, `"${value}"`);
    return this.take();
  }

  /** Replaces an alias name in command position by its value (re-lexing the source text). */
  private expandAlias(): void {
    for (let depth = 0; depth < 100; depth++) {
      const tok = this.peek();
      if (!this.aliases || !this.isWord(tok)) return;
      const value = this.aliases.get(tok.value);
      if (value === undefined) return;
      this.aliasGuard = this.aliasGuard.filter((g) => g.end > tok.pos);
      if (this.aliasGuard.some((g) => g.name === tok.value)) return;
      const end = tok.pos + tok.value.length;
      this.src = this.src.slice(0, tok.pos) + value + this.src.slice(end);
      this.aliasGuard.push({ name: tok.value, end: tok.pos + value.length });
      this.lineStarts = [0];
      for (let i = 0; i < this.src.length; i++)
        if (this.src[i] === '\n') this.lineStarts.push(i + 1);
      this.peeked = undefined;
      this.pos = tok.pos;
    }
  }

  private command(): Node {
    this.expandAlias();
    const tok = this.peek();
    const line = tok.line;
    if (this.isOp(tok, '(')) {
      this.take();
      if (this.dialect === 'bash' && this.isOp(this.peek(), '(')) {
        // `((` arithmetic command: read raw text up to `))`.
        return this.arithCommand(tok);
      }
      const body = this.compound('")"');
      const close = this.peek();
      if (!this.isOp(close, ')')) throw this.unexpected(close, '")"');
      this.take();
      return { t: 'subshell', line, body, redirs: this.redirects() };
    }
    if (this.isWord(tok)) {
      switch (tok.value) {
        case '{': {
          this.take();
          const body = this.compound('"}"');
          this.expectWord('}');
          return { t: 'group', line, body, redirs: this.redirects() };
        }
        case 'if':
          return this.ifCommand();
        case 'while':
        case 'until': {
          this.take();
          const cond = this.compound('"do"');
          this.expectWord('do');
          const body = this.compound('"done"');
          this.expectWord('done');
          return {
            t: 'loop',
            line,
            until: tok.value === 'until',
            cond,
            body,
            redirs: this.redirects(),
          };
        }
        case 'for':
          return this.forCommand();
        case 'case':
          return this.caseCommand();
        case 'function':
          return this.functionKeyword();
        case '[[':
          if (this.dialect === 'bash') return this.condCommand();
          break;
        default:
          if (RESERVED.has(tok.value) && tok.value !== 'in') throw this.unexpected(tok);
      }
    }
    return this.simple();
  }

  private ifCommand(): Node {
    const line = this.take().line;
    const clauses: Array<{ cond: Node; body: Node }> = [];
    let otherwise: Node | undefined;
    const cond = this.compound('"then"');
    this.expectWord('then');
    clauses.push({ cond, body: this.compound('"fi"') });
    for (;;) {
      const tok = this.peek();
      if (this.isWord(tok, 'elif')) {
        this.take();
        const c = this.compound('"then"');
        this.expectWord('then');
        clauses.push({ cond: c, body: this.compound('"fi"') });
        continue;
      }
      if (this.isWord(tok, 'else')) {
        this.take();
        otherwise = this.compound('"fi"');
      }
      break;
    }
    this.expectWord('fi');
    return { t: 'if', line, clauses, otherwise, redirs: this.redirects() };
  }

  private forCommand(): Node {
    const line = this.take().line;
    const nameTok = this.peek();
    if (!this.isWord(nameTok) || !NAME_RE.test(nameTok.value)) {
      if (this.dialect === 'ash')
        throw this.error('bad-for-variable', nameTok.pos, { token: nameTok });
      throw this.unexpected(nameTok);
    }
    this.take();
    const name = nameTok.value;
    let items: Word[] | undefined;
    let sep = this.peek();
    while (sep.type === 'nl') {
      this.take();
      sep = this.peek();
    }
    if (this.isWord(sep, 'in')) {
      this.take();
      items = [];
      for (;;) {
        const t = this.peek();
        if (t.type !== 'word') break;
        items.push(this.take().word!);
      }
      const end = this.peek();
      if (this.isOp(end, ';') || end.type === 'nl') this.take();
      else throw this.unexpected(end, '"do"');
      this.skipNewlines();
    } else if (this.isOp(sep, ';')) {
      this.take();
      this.skipNewlines();
    }
    this.expectWord('do');
    const body = this.compound('"done"');
    this.expectWord('done');
    return { t: 'for', line, name, items, body, redirs: this.redirects() };
  }

  private caseCommand(): Node {
    const line = this.take().line;
    const wordTok = this.peek();
    if (wordTok.type !== 'word') throw this.unexpected(wordTok, 'word');
    this.take();
    this.skipNewlines();
    this.expectWord('in');
    const items: Array<{ patterns: Word[]; body?: Node; fallthrough: boolean }> = [];
    for (;;) {
      this.skipNewlines();
      const tok = this.peek();
      if (this.isWord(tok, 'esac')) {
        this.take();
        break;
      }
      if (this.isOp(tok, '(')) this.take();
      const patterns: Word[] = [];
      for (;;) {
        const p = this.peek();
        if (p.type !== 'word') throw this.unexpected(p, '")"');
        patterns.push(this.take().word!);
        const n = this.peek();
        if (this.isOp(n, '|')) {
          this.take();
          continue;
        }
        if (this.isOp(n, ')')) {
          this.take();
          break;
        }
        throw this.unexpected(n, '")"');
      }
      this.skipNewlines();
      let body: Node | undefined;
      const b = this.peek();
      if (!this.endsList(b)) body = this.list(false);
      const end = this.peek();
      let fallthrough = false;
      if (this.isOp(end, ';;') || this.isOp(end, ';&') || this.isOp(end, ';;&')) {
        this.take();
        fallthrough = end.value === ';&';
        items.push({ patterns, body, fallthrough });
        continue;
      }
      items.push({ patterns, body, fallthrough });
      if (this.isWord(end, 'esac')) {
        this.take();
        break;
      }
      throw this.unexpected(end, this.dialect === 'ash' ? '";;"' : undefined);
    }
    return { t: 'case', line, word: wordTok.word!, items, redirs: this.redirects() };
  }

  private functionKeyword(): Node {
    const line = this.take().line;
    const nameTok = this.peek();
    if (nameTok.type !== 'word') throw this.unexpected(nameTok);
    this.take();
    if (this.isOp(this.peek(), '(')) {
      this.take();
      const close = this.peek();
      if (!this.isOp(close, ')')) throw this.unexpected(close, '")"');
      this.take();
    }
    this.skipNewlines();
    const body = this.command();
    return { t: 'func', line, name: nameTok.value, body };
  }

  private arithCommand(open: Token): Node {
    // The lexer produced `(` `(`; re-read the raw text from after the second `(`.
    const start = this.peek().pos + 1;
    this.peeked = undefined;
    this.pos = start;
    const parts = this.readParts('arith');
    if (this.src[this.pos] !== ')' || this.src[this.pos + 1] !== ')') {
      throw this.error('missing-arith', open.pos, { open: '((', incomplete: true });
    }
    const raw = this.src.slice(start, this.pos);
    this.pos += 2;
    return { t: 'arithcmd', line: open.line, expr: { parts, raw }, redirs: this.redirects() };
  }

  private condCommand(): Node {
    const line = this.take().line;
    const words: Word[] = [];
    for (;;) {
      const tok = this.peek();
      if (tok.type === 'eof' || tok.type === 'nl') throw this.unexpected(tok);
      this.take();
      if (this.isWord(tok, ']]')) break;
      if (tok.type === 'op') words.push({ parts: [{ k: 'lit', s: tok.value }], raw: tok.value });
      else words.push(tok.word!);
    }
    return { t: 'cond', line, words, redirs: this.redirects() };
  }

  private redirects(): Redir[] {
    const redirs: Redir[] = [];
    for (;;) {
      const r = this.redirect();
      if (!r) break;
      redirs.push(r);
    }
    return redirs;
  }

  private static readonly REDIR_OPS = new Set([
    '<',
    '>',
    '>>',
    '>|',
    '<>',
    '<&',
    '>&',
    '<<',
    '<<-',
    '<<<',
    '&>',
    '&>>',
  ]);

  /** Parses one redirection if the next token starts one. */
  private redirect(): Redir | undefined {
    let tok = this.peek();
    let fd: number | undefined;
    if (tok.type === 'word' && tok.ionum !== undefined) {
      fd = tok.ionum;
      this.take();
      tok = this.peek();
    } else if (tok.type !== 'op' || !Parser.REDIR_OPS.has(tok.value)) return undefined;
    if (tok.type !== 'op' || !Parser.REDIR_OPS.has(tok.value)) throw this.unexpected(tok);
    this.take();
    const op = tok.value as RedirOp;
    const target = this.peek();
    if (target.type === 'eof' && this.dialect === 'bash') {
      // bash -c reads the text as if it ended with a newline.
      throw this.unexpected({ ...target, type: 'nl', value: '\n' });
    }
    if (target.type !== 'word') throw this.unexpected(target);
    this.take();
    const redir: Redir = { op, fd, target: target.word! };
    if (op === '<<' || op === '<<-') {
      const word = target.word!;
      const quoted = word.parts.some((p) => p.k !== 'lit');
      this.pending.push({ redir, delim: literalText(word.parts), quoted, strip: op === '<<-' });
    }
    return redir;
  }

  private simple(): Node {
    const first = this.peek();
    const assigns: Assign[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      const r = this.redirect();
      if (r) {
        redirs.push(r);
        continue;
      }
      const tok = this.peek();
      if (tok.type !== 'word') break;
      if (words.length === 0) {
        const a = assignment(tok.word!, this.dialect);
        if (a) {
          this.take();
          assigns.push(a);
          continue;
        }
      }
      this.take();
      words.push(tok.word!);
      if (
        words.length === 1 &&
        assigns.length === 0 &&
        redirs.length === 0 &&
        this.isOp(this.peek(), '(')
      ) {
        return this.functionDef(tok);
      }
    }
    if (assigns.length === 0 && words.length === 0 && redirs.length === 0)
      throw this.unexpected(first);
    return { t: 'simple', line: first.line, assigns, words, redirs };
  }

  private functionDef(nameTok: Token): Node {
    this.take();
    const close = this.peek();
    if (!this.isOp(close, ')')) throw this.unexpected(close, '")"');
    this.take();
    if (!this.isWord(nameTok) || !/^[A-Za-z_][A-Za-z0-9_.:-]*$/.test(nameTok.value)) {
      throw this.error('bad-function-name', nameTok.pos, { token: nameTok });
    }
    this.skipNewlines();
    const body = this.command();
    return { t: 'func', line: nameTok.line, name: nameTok.value, body };
  }
}

/** Recognizes `name=value` (and bash `name+=value`) at the start of a simple command. */
function assignment(word: Word, dialect: Dialect): Assign | undefined {
  const first = word.parts[0];
  if (!first || first.k !== 'lit') return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(first.s);
  if (!m) return undefined;
  if (m[2] && dialect !== 'bash') return undefined;
  const rest = first.s.slice(m[0].length);
  const parts: Part[] = rest
    ? [{ k: 'lit', s: rest }, ...word.parts.slice(1)]
    : word.parts.slice(1);
  return {
    name: m[1],
    value: { parts, raw: word.raw.slice(m[0].length) },
    append: m[2] === '+' || undefined,
  };
}

/** The text of word parts with quotes removed and no expansion (here-document delimiters). */
export function literalText(parts: Part[]): string {
  let out = '';
  for (const p of parts) {
    if (p.k === 'lit' || p.k === 'sq') out += p.s;
    else if (p.k === 'dq') out += literalText(p.parts);
    else if (p.k === 'param') out += p.braced ? '${' + p.name + '}' : '$' + p.name;
    else if (p.k === 'cmd') out += '$(' + p.src + ')';
    else out += '$((' + p.expr.raw + '))';
  }
  return out;
}

/** Decodes a `$'…'` string starting after the opening quote; returns the text and end offset. */
export function readAnsiC(src: string, start: number): { text: string; end: number } {
  let out = '';
  let p = start;
  while (p < src.length) {
    const c = src[p];
    if (c === "'") return { text: out, end: p + 1 };
    if (c !== '\\') {
      out += c;
      p++;
      continue;
    }
    const { text, next } = decodeEscape(src, p + 1, 'ansic');
    out += text;
    p = next;
  }
  return { text: out, end: -1 };
}

/**
 * Decodes one backslash escape (the text after the backslash at `p`). `ansic` is `$'…'`;
 * `echo` is echo -e / printf %b (octal needs a leading 0); `printf` is printf's format escapes.
 */
export function decodeEscape(
  src: string,
  p: number,
  style: 'ansic' | 'echo' | 'printf',
): { text: string; next: number; stop?: boolean } {
  const c = src[p];
  const simple: Record<string, string> = {
    a: '\x07',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    '\\': '\\',
  };
  if (c === undefined) return { text: '\\', next: p };
  if (c in simple) return { text: simple[c], next: p + 1 };
  if (style === 'ansic' && (c === "'" || c === '"' || c === '?')) return { text: c, next: p + 1 };
  if (style === 'ansic' && c === 'e') return { text: '\x1b', next: p + 1 };
  if (style === 'echo' && c === 'c') return { text: '', next: p + 1, stop: true };
  if (c === 'x') {
    let q = p + 1;
    let hex = '';
    while (q < src.length && hex.length < 2 && /[0-9a-fA-F]/.test(src[q])) hex += src[q++];
    if (!hex) return { text: '\\x', next: p + 1 };
    return { text: String.fromCharCode(parseInt(hex, 16)), next: q };
  }
  if (/[0-7]/.test(c)) {
    let q = p;
    let oct = '';
    const max = style === 'echo' && c === '0' ? 4 : 3;
    while (q < src.length && oct.length < max && /[0-7]/.test(src[q])) oct += src[q++];
    if (style === 'echo' && oct[0] !== '0') return { text: '\\' + c, next: p + 1 };
    return { text: String.fromCharCode(parseInt(oct, 8) & 255), next: q };
  }
  if (style === 'ansic') return { text: '\\' + c, next: p + 1 };
  return { text: '\\' + c, next: p + 1 };
}
