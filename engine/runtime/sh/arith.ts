/**
 * Shell arithmetic (`$(( ))`, `let`, `(( ))`): C operators and precedence on 64-bit signed
 * integers, variables with or without `$`, assignments. Number syntax follows each shell:
 * busybox (shell/math.c) reads a leading 0 as octal and rejects a number followed by more
 * alphanumerics, so `08` is "arithmetic syntax error"; bash says "value too great for base".
 */
import type { Dialect } from './ast';

/** An arithmetic failure; `messages.ts` words it per dialect. */
export interface ArithError {
  code: 'syntax' | 'operand' | 'divzero' | 'exponent' | 'recursion' | 'ternary' | 'base' | 'nonvar';
  /** The expression being evaluated (bash prints it). */
  expr: string;
  /** The text from the offending token on (bash's "error token"). */
  token: string;
}

/** Variable access for the evaluator. */
export interface ArithVars {
  get(name: string): string | undefined;
  /** Sets a variable; returns an error message (e.g. read-only) or undefined. */
  set(name: string, value: string): string | undefined;
}

/** Thrown inside the evaluator, turned into a returned value at the boundary. */
class Failure {
  constructor(readonly error: ArithError) {}
}

/** An assignment the shell refused (read-only variable); carries the shell's message. */
export class ArithAssignError {
  constructor(readonly message: string) {}
}

type Tok =
  | { t: 'num'; v: bigint; s: string; pos: number }
  | { t: 'name'; s: string; pos: number }
  | { t: 'op'; s: string; pos: number }
  | { t: 'end'; s: ''; pos: number };

type Expr =
  | { k: 'num'; v: bigint }
  | { k: 'var'; name: string; pos: number }
  | { k: 'un'; op: string; e: Expr; pos: number }
  | { k: 'bin'; op: string; a: Expr; b: Expr; pos: number }
  | { k: 'assign'; op: string; name: string; e: Expr; pos: number }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; name: string }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'comma'; a: Expr; b: Expr };

const OPS = [
  '<<=',
  '>>=',
  '**',
  '&&',
  '||',
  '==',
  '!=',
  '<=',
  '>=',
  '<<',
  '>>',
  '++',
  '--',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '^=',
  '|=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '=',
  '!',
  '~',
  '&',
  '^',
  '|',
  '?',
  ':',
  ',',
  '(',
  ')',
];

const BINARY: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '|': 3,
  '^': 4,
  '&': 5,
  '==': 6,
  '!=': 6,
  '<': 7,
  '<=': 7,
  '>': 7,
  '>=': 7,
  '<<': 8,
  '>>': 8,
  '+': 9,
  '-': 9,
  '*': 10,
  '/': 10,
  '%': 10,
  '**': 12,
};

const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|=']);

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

/** Evaluates an arithmetic expression; returns the value or an error. */
export function evaluateArith(
  text: string,
  vars: ArithVars,
  dialect: Dialect,
): { ok: true; value: bigint } | { ok: false; error: ArithError } | ArithAssignError {
  try {
    return { ok: true, value: new Evaluator(vars, dialect).run(text, []) };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, error: e.error };
    if (e instanceof ArithAssignError) return e;
    throw e;
  }
}

class Evaluator {
  constructor(
    private readonly vars: ArithVars,
    private readonly dialect: Dialect,
  ) {}

  private text = '';
  private toks: Tok[] = [];
  private i = 0;
  private stack: string[] = [];
  private depth = 0;

  run(text: string, stack: string[]): bigint {
    const saved = { text: this.text, toks: this.toks, i: this.i, stack: this.stack };
    this.text = text;
    this.stack = stack;
    try {
      this.toks = this.tokenize(text);
      this.i = 0;
      if (this.peek().t === 'end') return 0n;
      const e = this.comma();
      if (this.peek().t !== 'end')
        this.fail(this.peek().s === ')' ? 'syntax' : 'syntax', this.peek().pos);
      return this.eval(e);
    } finally {
      this.text = saved.text;
      this.toks = saved.toks;
      this.i = saved.i;
      this.stack = saved.stack;
    }
  }

  private fail(code: ArithError['code'], pos: number): never {
    throw new Failure({ code, expr: this.text, token: this.text.slice(pos) });
  }

  private tokenize(text: string): Tok[] {
    const toks: Tok[] = [];
    let p = 0;
    while (p < text.length) {
      const c = text[p];
      if (c === ' ' || c === '\t' || c === '\n') {
        p++;
        continue;
      }
      if (/[0-9]/.test(c)) {
        const start = p;
        while (p < text.length && /[0-9A-Za-z_#@]/.test(text[p])) p++;
        const s = text.slice(start, p);
        toks.push({ t: 'num', v: this.number(s, start), s, pos: start });
        continue;
      }
      if (/[A-Za-z_]/.test(c)) {
        const start = p;
        while (p < text.length && /[A-Za-z0-9_]/.test(text[p])) p++;
        toks.push({ t: 'name', s: text.slice(start, p), pos: start });
        continue;
      }
      const op = OPS.find((o) => text.startsWith(o, p));
      if (!op) this.fail('syntax', p);
      toks.push({ t: 'op', s: op, pos: p });
      p += op.length;
    }
    toks.push({ t: 'end', s: '', pos: text.length });
    return toks;
  }

  /** Parses a numeric literal: decimal, 0x hex, 0 octal, base#digits. */
  private number(s: string, pos: number): bigint {
    const hash = s.indexOf('#');
    let base: number;
    let digits: string;
    if (hash > 0) {
      base = Number(s.slice(0, hash));
      digits = s.slice(hash + 1);
      if (base < 2 || base > 64 || !digits)
        this.fail(this.dialect === 'bash' ? 'base' : 'syntax', pos);
    } else if (/^0[xX]/.test(s)) {
      base = 16;
      digits = s.slice(2);
      if (!digits) {
        if (this.dialect === 'bash') return 0n;
        this.fail('syntax', pos);
      }
    } else if (s.length > 1 && s[0] === '0') {
      base = 8;
      digits = s.slice(1);
    } else {
      base = 10;
      digits = s;
    }
    let v = 0n;
    const b = BigInt(base);
    for (const ch of digits) {
      let d: number;
      if (ch >= '0' && ch <= '9') d = ch.charCodeAt(0) - 48;
      else if (ch >= 'a' && ch <= 'z') d = ch.charCodeAt(0) - 87;
      else if (ch >= 'A' && ch <= 'Z')
        d = base <= 36 ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 29;
      else if (ch === '@') d = 62;
      else d = 63;
      if (d >= base) this.fail(this.dialect === 'bash' ? 'base' : 'syntax', pos);
      v = v * b + BigInt(d);
    }
    return wrap(v);
  }

  private peek(): Tok {
    return this.toks[this.i];
  }

  private isOp(s: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.s === s;
  }

  private comma(): Expr {
    let e = this.assign();
    while (this.isOp(',')) {
      this.i++;
      e = { k: 'comma', a: e, b: this.assign() };
    }
    return e;
  }

  private assign(): Expr {
    const t = this.peek();
    const n = this.toks[this.i + 1];
    if (t.t === 'name' && n.t === 'op' && ASSIGN_OPS.has(n.s)) {
      this.i += 2;
      return { k: 'assign', op: n.s, name: t.s, e: this.assign(), pos: n.pos };
    }
    const e = this.ternary();
    const after = this.peek();
    if (after.t === 'op' && ASSIGN_OPS.has(after.s)) this.fail('nonvar', after.pos);
    return e;
  }

  private ternary(): Expr {
    const c = this.binary(1);
    if (!this.isOp('?')) return c;
    this.i++;
    const a = this.comma();
    if (!this.isOp(':')) this.fail('ternary', this.peek().pos);
    this.i++;
    const b = this.assignOrTernary();
    return { k: 'cond', c, a, b };
  }

  private assignOrTernary(): Expr {
    const t = this.peek();
    const n = this.toks[this.i + 1];
    if (t.t === 'name' && n.t === 'op' && ASSIGN_OPS.has(n.s)) return this.assign();
    return this.ternary();
  }

  private binary(minPrec: number): Expr {
    let a = this.unary();
    for (;;) {
      const t = this.peek();
      if (t.t !== 'op') break;
      const prec = BINARY[t.s];
      if (prec === undefined || prec < minPrec) break;
      this.i++;
      // ** is right-associative; everything else left-associative.
      const b = this.binary(t.s === '**' ? prec : prec + 1);
      a = { k: 'bin', op: t.s, a, b, pos: t.pos };
    }
    return a;
  }

  private unary(): Expr {
    const t = this.peek();
    if (t.t === 'op') {
      if (t.s === '++' || t.s === '--') {
        const n = this.toks[this.i + 1];
        if (n.t === 'name') {
          this.i += 2;
          return { k: 'incdec', op: t.s, prefix: true, name: n.s };
        }
        // `--5` is two unary minuses.
        this.i++;
        const inner = this.unaryAfterSign(t.s[0], t.pos + 1);
        return { k: 'un', op: t.s[0], e: inner, pos: t.pos };
      }
      if (t.s === '-' || t.s === '+' || t.s === '!' || t.s === '~') {
        this.i++;
        return { k: 'un', op: t.s, e: this.unary(), pos: t.pos };
      }
    }
    return this.postfix();
  }

  private unaryAfterSign(op: string, pos: number): Expr {
    return { k: 'un', op, e: this.unary(), pos };
  }

  private postfix(): Expr {
    const t = this.peek();
    if (t.t === 'num') {
      this.i++;
      return { k: 'num', v: t.v };
    }
    if (t.t === 'name') {
      this.i++;
      const n = this.peek();
      if (n.t === 'op' && (n.s === '++' || n.s === '--')) {
        this.i++;
        return { k: 'incdec', op: n.s, prefix: false, name: t.s };
      }
      return { k: 'var', name: t.s, pos: t.pos };
    }
    if (t.t === 'op' && t.s === '(') {
      this.i++;
      const e = this.comma();
      if (!this.isOp(')')) this.fail('syntax', this.peek().pos);
      this.i++;
      return e;
    }
    // bash names the token before a missing operand.
    const prev = t.t === 'end' && this.i > 0 ? this.toks[this.i - 1].pos : t.pos;
    this.fail(t.t === 'end' || this.dialect === 'bash' ? 'operand' : 'syntax', prev);
  }

  private lookup(name: string): bigint {
    const raw = this.vars.get(name);
    if (raw === undefined || raw === '') return 0n;
    if (/^\s*[0-9]+\s*$/.test(raw) && !/^\s*0[0-9]/.test(raw)) return wrap(BigInt(raw.trim()));
    if (this.stack.includes(name)) {
      if (this.dialect === 'ash') this.fail('recursion', 0);
    }
    if (++this.depth > 1024) {
      this.depth = 0;
      throw new Failure({ code: 'recursion', expr: name, token: name });
    }
    try {
      return this.run(raw, [...this.stack, name]);
    } finally {
      this.depth--;
    }
  }

  private store(name: string, v: bigint): bigint {
    const msg = this.vars.set(name, v.toString());
    if (msg !== undefined) throw new ArithAssignError(msg);
    return v;
  }

  private eval(e: Expr): bigint {
    switch (e.k) {
      case 'num':
        return e.v;
      case 'var':
        return this.lookup(e.name);
      case 'comma':
        this.eval(e.a);
        return this.eval(e.b);
      case 'cond':
        return this.eval(e.c) !== 0n ? this.eval(e.a) : this.eval(e.b);
      case 'incdec': {
        const old = this.lookup(e.name);
        const v = wrap(e.op === '++' ? old + 1n : old - 1n);
        this.store(e.name, v);
        return e.prefix ? v : old;
      }
      case 'un': {
        const v = this.eval(e.e);
        switch (e.op) {
          case '-':
            return wrap(-v);
          case '+':
            return v;
          case '!':
            return v === 0n ? 1n : 0n;
          default:
            return wrap(~v);
        }
      }
      case 'assign': {
        const rhs = this.eval(e.e);
        if (e.op === '=') return this.store(e.name, rhs);
        const cur = this.lookup(e.name);
        return this.store(e.name, this.apply(e.op.slice(0, -1), cur, rhs, e.pos + e.op.length));
      }
      case 'bin': {
        if (e.op === '&&') return this.eval(e.a) !== 0n && this.eval(e.b) !== 0n ? 1n : 0n;
        if (e.op === '||') return this.eval(e.a) !== 0n || this.eval(e.b) !== 0n ? 1n : 0n;
        const a = this.eval(e.a);
        const b = this.eval(e.b);
        return this.apply(e.op, a, b, e.pos + e.op.length);
      }
    }
  }

  private apply(op: string, a: bigint, b: bigint, rightPos: number): bigint {
    const tokenPos = () => {
      let p = rightPos;
      while (p < this.text.length && /\s/.test(this.text[p])) p++;
      return p;
    };
    switch (op) {
      case '+':
        return wrap(a + b);
      case '-':
        return wrap(a - b);
      case '*':
        return wrap(a * b);
      case '/':
      case '%':
        if (b === 0n) this.fail('divzero', tokenPos());
        if (a === -(2n ** 63n) && b === -1n) return op === '/' ? a : 0n;
        return wrap(op === '/' ? a / b : a % b);
      case '**': {
        if (b < 0n) {
          const p = tokenPos();
          this.fail('exponent', this.text[p] === '-' ? p + 1 : p);
        }
        let r = 1n;
        let base = a;
        let n = b;
        while (n > 0n) {
          if (n & 1n) r = wrap(r * base);
          base = wrap(base * base);
          n >>= 1n;
        }
        return r;
      }
      case '<<':
        return wrap(a << (b & 63n));
      case '>>':
        return wrap(a >> (b & 63n));
      case '&':
        return a & b;
      case '|':
        return a | b;
      case '^':
        return a ^ b;
      case '==':
        return a === b ? 1n : 0n;
      case '!=':
        return a !== b ? 1n : 0n;
      case '<':
        return a < b ? 1n : 0n;
      case '<=':
        return a <= b ? 1n : 0n;
      case '>':
        return a > b ? 1n : 0n;
      case '>=':
        return a >= b ? 1n : 0n;
      default:
        this.fail('syntax', rightPos);
    }
  }
}
