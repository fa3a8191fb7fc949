/**
 * Error wording per dialect. busybox ash (shell/ash.c ash_vmsg, a dash descendant) prints
 * "$0: [cmd: ][line N: ]msg"; bash prints "$0: line N: [cmd: ]msg" non-interactively and
 * "bash: [cmd: ]msg" interactively.
 */
import type { ArithError } from './arith';
import type { Dialect } from './ast';
import type { ParseError, Token } from './parser';

const ASH_REDIRS = new Set(['<', '>', '>>', '>|', '<>', '<&', '>&', '<<', '<<-', '&>']);
const ASH_KEYWORDS = new Set([
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
]);

function ashTokenName(tok: Token | undefined): string {
  if (!tok || tok.type === 'eof') return 'end of file';
  if (tok.type === 'nl') return 'newline';
  if (tok.type === 'op') return ASH_REDIRS.has(tok.value) ? 'redirection' : `"${tok.value}"`;
  const w = tok.word;
  const plain = w && w.parts.length === 1 && w.parts[0].k === 'lit';
  return plain && ASH_KEYWORDS.has(tok.value) ? `"${tok.value}"` : 'word';
}

/** The message text of a syntax error (without the shell's prefix); bash may add a second line. */
export function syntaxMessage(err: ParseError, dialect: Dialect, lineText: string): string[] {
  if (dialect === 'ash') {
    switch (err.kind) {
      case 'unexpected':
        return [
          `syntax error: unexpected ${ashTokenName(err.token)}` +
            (err.expecting ? ` (expecting ${err.expecting})` : ''),
        ];
      case 'unterminated-quote':
        return ['syntax error: unterminated quoted string'];
      case 'missing-brace':
        return ["syntax error: missing '}'"];
      case 'bad-substitution':
        return ['syntax error: bad substitution'];
      case 'eof-backquote':
        return ['syntax error: EOF in backquote substitution'];
      case 'missing-arith':
        return ["syntax error: missing '))'"];
      case 'bad-for-variable':
        return ['syntax error: bad for loop variable'];
      case 'bad-function-name':
        return ['syntax error: bad function name'];
    }
  }
  switch (err.kind) {
    case 'unexpected': {
      const tok = err.token;
      if (!tok || tok.type === 'eof') return ['syntax error: unexpected end of file'];
      const name = tok.type === 'nl' ? 'newline' : tok.value;
      return [`syntax error near unexpected token \`${name}'`, `\`${lineText}'`];
    }
    case 'unterminated-quote':
      return [`unexpected EOF while looking for matching \`${err.open}'`];
    case 'missing-brace':
      return ["unexpected EOF while looking for matching `}'"];
    case 'eof-backquote':
      return ["unexpected EOF while looking for matching ``'"];
    case 'missing-arith':
      return ["unexpected EOF while looking for matching `)'"];
    case 'bad-substitution':
      return ['bad substitution'];
    default:
      return [`syntax error near unexpected token \`${err.token?.value ?? ''}'`, `\`${lineText}'`];
  }
}

/** The message of an arithmetic error. */
export function arithMessage(e: ArithError, dialect: Dialect): string {
  if (dialect === 'ash') {
    switch (e.code) {
      case 'divzero':
        return 'divide by zero';
      case 'exponent':
        return 'exponent less than 0';
      case 'recursion':
        return 'expression recursion loop detected';
      case 'ternary':
        return 'malformed ?: operator';
      default:
        return 'arithmetic syntax error';
    }
  }
  const what: Record<ArithError['code'], string> = {
    syntax: 'syntax error in expression',
    operand: 'syntax error: operand expected',
    divzero: 'division by 0',
    exponent: 'exponent less than 0',
    recursion: 'expression recursion level exceeded',
    ternary: "`:' expected for conditional expression",
    base: 'value too great for base',
    nonvar: 'attempted assignment to non-variable',
  };
  return `${e.expr}: ${what[e.code]} (error token is "${e.token}")`;
}
