/**
 * The shell's syntax tree. Words keep their quoting structure (which parts were quoted) because
 * field splitting, pathname expansion and quote removal depend on it.
 */

/** Which shell's grammar, messages and builtins apply. */
export type Dialect = 'ash' | 'bash';

/** A piece of a word. */
export type Part =
  /** Unquoted text: subject to tilde, brace (bash), splitting (only if expanded) and globbing. */
  | { k: 'lit'; s: string }
  /** Quoted text: single quotes, a backslash-escaped character, `$'…'`, text inside "…". */
  | { k: 'sq'; s: string }
  /** A double-quoted group: its expansions are not split nor globbed. */
  | { k: 'dq'; parts: Part[] }
  /** `$name`, `${name}`, `${name<op>arg}`, `${#name}`. */
  | { k: 'param'; name: string; op?: ParamOp; arg?: Word; braced: boolean }
  /** `$(…)` or backquotes. `body` is undefined for an empty substitution. */
  | { k: 'cmd'; body?: Node; src: string }
  /** `$((…))`: the expression text is expanded first, then evaluated. */
  | { k: 'arith'; expr: Word };

/** Parameter-expansion operators. `len` is `${#x}`; `sub` and the slash forms are bash's. */
export type ParamOp =
  | '-'
  | ':-'
  | '='
  | ':='
  | '?'
  | ':?'
  | '+'
  | ':+'
  | '%'
  | '%%'
  | '#'
  | '##'
  | 'len'
  | '/'
  | '//'
  | '/#'
  | '/%'
  | ':'
  | '^^'
  | ',,'
  | '^'
  | ',';

/** A word: its parts and the source text it came from (for `set -x`-free uses such as errors). */
export interface Word {
  parts: Part[];
  raw: string;
}

/** A redirection operator. */
export type RedirOp =
  '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '<<' | '<<-' | '<<<' | '&>' | '&>>';

/** One redirection. `fd` is the explicit number if one was written. */
export interface Redir {
  op: RedirOp;
  fd?: number;
  target: Word;
  /** Here-document body (already parsed; a literal word if the delimiter was quoted). */
  heredoc?: Word;
}

/** `name=value` before a command. */
export interface Assign {
  name: string;
  value: Word;
  /** bash `name+=value`. */
  append?: boolean;
}

/** A command node. `line` is the source line where the command starts. */
export type Node =
  | {
      t: 'simple';
      line: number;
      assigns: Assign[];
      words: Word[];
      redirs: Redir[];
    }
  | { t: 'pipeline'; line: number; bang: boolean; cmds: Node[] }
  | { t: 'andor'; line: number; first: Node; rest: Array<{ op: '&&' | '||'; node: Node }> }
  | { t: 'list'; line: number; items: Array<{ node: Node; bg: boolean }> }
  | { t: 'subshell'; line: number; body: Node; redirs: Redir[] }
  | { t: 'group'; line: number; body: Node; redirs: Redir[] }
  | {
      t: 'if';
      line: number;
      clauses: Array<{ cond: Node; body: Node }>;
      otherwise?: Node;
      redirs: Redir[];
    }
  | { t: 'loop'; line: number; until: boolean; cond: Node; body: Node; redirs: Redir[] }
  | { t: 'for'; line: number; name: string; items?: Word[]; body: Node; redirs: Redir[] }
  | {
      t: 'case';
      line: number;
      word: Word;
      items: Array<{ patterns: Word[]; body?: Node; fallthrough: boolean }>;
      redirs: Redir[];
    }
  | { t: 'func'; line: number; name: string; body: Node }
  /** bash `[[ … ]]`: the words between the brackets, evaluated by the conditional evaluator. */
  | { t: 'cond'; line: number; words: Word[]; redirs: Redir[] }
  /** bash `(( … ))`. */
  | { t: 'arithcmd'; line: number; expr: Word; redirs: Redir[] };
