/**
 * The `-o yaml` printer: sigs.k8s.io/yaml Marshal = JSON, then go-yaml v2's encoder and libyaml
 * emitter (cli-runtime pkg/printers/yaml.go). Re-implemented from the emitter's rules:
 * - map keys sorted with go-yaml's keyList order (digit runs compare numerically, letters after
 *   other characters);
 * - a string that would resolve to another type (`"1"`, `"true"`, `""`, timestamps) is
 *   double-quoted; one that plain style cannot carry (a leading `*`, `a: b`) is single-quoted;
 *   non-printable content (tabs, emoji) forces double quotes with escapes;
 * - strings with `\n` become `|` / `|-` / `|+` literal blocks when allowed;
 * - plain and quoted scalars fold at a space once the line passes 80 columns;
 * - sequences under a mapping key are not indented (`key:\n- item`).
 */

/** YAML document options. */
export interface YamlPrintOptions {
  /** Sort mapping keys (default true). false keeps insertion order (typed objects). */
  sortKeys?: boolean;
}

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

type Style = 'plain' | 'single' | 'double' | 'literal';

// ---------------------------------------------------------------------------------------------
// Resolution: would a plain scalar be read back as something other than a string? (resolve.go)

const RESOLVE_MAP = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'true',
  'True',
  'TRUE',
  'on',
  'On',
  'ON',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'false',
  'False',
  'FALSE',
  'off',
  'Off',
  'OFF',
  '',
  '~',
  'null',
  'Null',
  'NULL',
  '.nan',
  '.NaN',
  '.NAN',
  '.inf',
  '.Inf',
  '.INF',
  '+.inf',
  '+.Inf',
  '+.INF',
  '-.inf',
  '-.Inf',
  '-.INF',
  '<<',
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** go-yaml parseTimestamp: the formats it accepts with Go's time.Parse. */
function isTimestamp(s: string): boolean {
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]| )(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(
      s,
    );
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  if (m[4] === undefined) return true;
  // The `T` layouts need a zone; the space layout has none.
  const sep = s.charAt(m[1].length + m[2].length + m[3].length + 2);
  if ((sep === ' ') !== (m[7] === undefined)) return false;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) return false;
  if (m[7] && m[7] !== 'Z') {
    const [h, mm] = m[7].slice(1).split(':').map(Number);
    if (h > 23 || mm > 59) return false;
  }
  return true;
}

/** strconv.ParseInt / ParseUint with base 0 on a 64-bit range. */
function parsesAsGoInt(s: string): boolean {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return false;
  let digits = m[2];
  let value: bigint;
  if (/^0[oO]/.test(digits)) value = BigInt('0o' + digits.slice(2));
  else if (/^0[0-7]+$/.test(digits)) value = BigInt('0o' + digits.slice(1));
  else {
    digits = digits.toLowerCase();
    value = BigInt(digits);
  }
  if (m[1] === '-') return value <= 2n ** 63n;
  return value < 2n ** 64n;
}

/** Whether go-yaml would resolve the plain text to a non-string (so it must be quoted). */
export function resolvesToNonString(s: string): boolean {
  if (RESOLVE_MAP.has(s)) return true;
  const c = s.charAt(0);
  if (c === '.') return YAML_STYLE_FLOAT.test(s) || /^\.[0-9]/.test(s) ? goParseFloat(s) : false;
  if (!(c === '+' || c === '-' || (c >= '0' && c <= '9'))) return false;
  if (isTimestamp(s)) return true;
  const plain = s.replace(/_/g, '');
  if (parsesAsGoInt(plain)) return true;
  if (YAML_STYLE_FLOAT.test(plain)) return true;
  if (/^0b[01]+$/.test(plain) || /^-0b[01]+$/.test(plain)) return true;
  return false;
}

/** strconv.ParseFloat acceptance for texts starting with '.'. */
function goParseFloat(s: string): boolean {
  return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s);
}

// ---------------------------------------------------------------------------------------------
// Scalar analysis (emitterc.go#yaml_emitter_analyze_scalar).

interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** libyaml is_printable on a code point. */
function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

const isBreak = (cp: number) =>
  cp === 0x0d || cp === 0x0a || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
const isBlank = (cp: number) => cp === 0x20 || cp === 0x09;

function analyze(chars: readonly number[]): Analysis {
  if (chars.length === 0) {
    return {
      multiline: false,
      blockPlainAllowed: true,
      singleQuotedAllowed: true,
      blockAllowed: false,
    };
  }
  let blockIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  const n = chars.length;
  if (n >= 3) {
    const [a, b, c] = chars;
    if ((a === 0x2d && b === 0x2d && c === 0x2d) || (a === 0x2e && b === 0x2e && c === 0x2e)) {
      blockIndicators = true;
    }
  }
  let precededByWhitespace = true;
  for (let i = 0; i < n; i++) {
    const ch = chars[i];
    const followedByWhitespace = i + 1 >= n || isBlank(chars[i + 1]);
    if (i === 0) {
      switch (String.fromCodePoint(ch)) {
        case '#':
        case ',':
        case '[':
        case ']':
        case '{':
        case '}':
        case '&':
        case '*':
        case '!':
        case '|':
        case '>':
        case "'":
        case '"':
        case '%':
        case '@':
        case '`':
          blockIndicators = true;
          break;
        case '?':
        case ':':
          if (followedByWhitespace) blockIndicators = true;
          break;
        case '-':
          if (followedByWhitespace) blockIndicators = true;
          break;
      }
    } else if (ch === 0x3a) {
      if (followedByWhitespace) blockIndicators = true;
    } else if (ch === 0x23) {
      if (precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(ch)) specialCharacters = true;
    if (ch === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === n - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === n - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(ch) || isBreak(ch);
  }
  const result: Analysis = {
    multiline: lineBreaks,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak)
    result.blockPlainAllowed = false;
  if (trailingSpace) result.blockAllowed = false;
  if (breakSpace) {
    result.blockPlainAllowed = false;
    result.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    result.blockPlainAllowed = false;
    result.singleQuotedAllowed = false;
    result.blockAllowed = false;
  }
  if (lineBreaks) result.blockPlainAllowed = false;
  if (blockIndicators) result.blockPlainAllowed = false;
  return result;
}

function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The emitter.

/** Scalars the analysis would always allow as plain: no spaces, breaks or indicators. */
const SIMPLE_PLAIN = /^[A-Za-z0-9_/][A-Za-z0-9_./=+-]*$/;

class Emitter {
  private readonly out: string[] = [];
  private column = 0;
  private whitespace = true;
  private indention = true;

  text(): string {
    return this.out.join('');
  }

  private put(s: string): void {
    this.out.push(s);
    this.column += s.length;
  }

  private putBreak(): void {
    this.out.push('\n');
    this.column = 0;
  }

  private putChar(cp: number): void {
    this.out.push(String.fromCodePoint(cp));
    this.column++;
  }

  /** yaml_emitter_write_indent. */
  writeIndent(indent: number): void {
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.putBreak();
    }
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  /** yaml_emitter_write_indicator. */
  indicator(
    text: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(text);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** Writes a scalar in the style libyaml would select. `indent` is the scalar's indent. */
  scalar(value: string, requested: Style, indent: number, simpleKey: boolean): void {
    // Fast path: short printable ASCII without spaces or indicators is always plain and never
    // folded (there is no space to break at).
    if (requested === 'plain' && SIMPLE_PLAIN.test(value)) {
      if (!this.whitespace) this.put(' ');
      this.put(value);
      this.whitespace = false;
      this.indention = false;
      return;
    }
    const chars = codePoints(value);
    const a = analyze(chars);
    let style = requested;
    if (simpleKey && a.multiline) style = 'double';
    if (style === 'plain') {
      if (!a.blockPlainAllowed) style = 'single';
      if (chars.length === 0 && simpleKey) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
    const allowBreaks = !simpleKey;
    switch (style) {
      case 'plain':
        this.writePlain(chars, allowBreaks, indent);
        break;
      case 'single':
        this.writeSingle(chars, allowBreaks, indent);
        break;
      case 'double':
        this.writeDouble(chars, allowBreaks, indent);
        break;
      case 'literal':
        this.writeLiteral(chars, indent);
        break;
    }
  }

  private writePlain(chars: number[], allowBreaks: boolean, indent: number): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      if (ch === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== 0x20) {
          this.writeIndent(indent);
        } else {
          this.putChar(ch);
        }
        spaces = true;
      } else if (isBreak(ch)) {
        if (!breaks && ch === 0x0a) this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent(indent);
        this.putChar(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeBreak(ch: number): void {
    if (ch === 0x0a) this.putBreak();
    else {
      this.putChar(ch);
      this.column = 0;
    }
  }

  private writeSingle(chars: number[], allowBreaks: boolean, indent: number): void {
    this.indicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      if (ch === 0x20) {
        if (
          allowBreaks &&
          !spaces &&
          this.column > BEST_WIDTH &&
          i > 0 &&
          i < chars.length - 1 &&
          chars[i + 1] !== 0x20
        ) {
          this.writeIndent(indent);
        } else {
          this.putChar(ch);
        }
        spaces = true;
      } else if (isBreak(ch)) {
        if (!breaks && ch === 0x0a) this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent(indent);
        if (ch === 0x27) this.put("'");
        this.putChar(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.indicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDouble(chars: number[], allowBreaks: boolean, indent: number): void {
    this.indicator('"', true, false, false);
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      if (!isPrintable(ch) || ch === 0xfeff || isBreak(ch) || ch === 0x22 || ch === 0x5c) {
        this.put('\\' + doubleEscape(ch));
        spaces = false;
      } else if (ch === 0x20) {
        if (
          allowBreaks &&
          !spaces &&
          this.column > BEST_WIDTH &&
          i !== 0 &&
          i !== chars.length - 1
        ) {
          this.writeIndent(indent);
          if (chars[i + 1] === 0x20) this.put('\\');
        } else {
          this.putChar(ch);
        }
        spaces = true;
      } else {
        this.putChar(ch);
        spaces = false;
      }
    }
    this.indicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(chars: number[], indent: number): void {
    this.indicator('|', true, false, false);
    // Block scalar hints: explicit indentation when the text starts with a space or break,
    // chomping `-` without a final break, `+` with more than one.
    if (chars.length > 0 && (chars[0] === 0x20 || isBreak(chars[0]))) {
      this.indicator(String(BEST_INDENT), false, false, false);
    }
    const n = chars.length;
    if (n === 0 || !isBreak(chars[n - 1])) this.indicator('-', false, false, false);
    else if (n === 1 || isBreak(chars[n - 2])) this.indicator('+', false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (let i = 0; i < n; i++) {
      const ch = chars[i];
      if (isBreak(ch)) {
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent(indent);
        this.putChar(ch);
        this.indention = false;
        breaks = false;
      }
    }
  }

  /** Ends the document: a final line break unless one was just written. */
  finish(): void {
    if (this.column !== 0) this.putBreak();
  }
}

function doubleEscape(cp: number): string {
  switch (cp) {
    case 0x00:
      return '0';
    case 0x07:
      return 'a';
    case 0x08:
      return 'b';
    case 0x09:
      return 't';
    case 0x0a:
      return 'n';
    case 0x0b:
      return 'v';
    case 0x0c:
      return 'f';
    case 0x0d:
      return 'r';
    case 0x1b:
      return 'e';
    case 0x22:
      return '"';
    case 0x5c:
      return '\\';
    case 0x85:
      return 'N';
    case 0xa0:
      return '_';
    case 0x2028:
      return 'L';
    case 0x2029:
      return 'P';
  }
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return 'x' + hex.padStart(2, '0');
  if (cp <= 0xffff) return 'u' + hex.padStart(4, '0');
  return 'U' + hex.padStart(8, '0');
}

// ---------------------------------------------------------------------------------------------
// go-yaml's encoder: node kinds, styles, key order.

function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /\p{L}/u.test(ch);
}

function isDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 48 && c <= 57;
  return /\p{Nd}/u.test(ch);
}

const ASCII = /^[\x00-\x7f]*$/;

/** Runes of a string; ASCII strings are indexed directly. */
const runes = (s: string): ArrayLike<string> => (ASCII.test(s) ? s : Array.from(s));

/** go-yaml keyList.Less for string keys. */
export function yamlKeyLess(a: string, b: string): boolean {
  if (a === b) return false;
  const ar = runes(a);
  const br = runes(b);
  // Whether the common prefix so far ends in a digit: then a letter sorts before a digit.
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) {
      digits = isDigit(ar[i]);
      continue;
    }
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
    if (al || bl) return digits ? al : bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + (ar[ai].charCodeAt(0) - 48);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + (br[bi].charCodeAt(0) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
  }
  return ar.length < br.length;
}

/** Sorts keys with go-yaml's order. */
export function sortYamlKeys(keys: string[]): string[] {
  return keys.sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0));
}

/** Go's strconv.FormatFloat(f, 'g', -1, 64): shortest digits, %e when exp < -4 or exp ≥ 6. */
export function goFormatFloatG(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mantissa, expText] = f.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp);
    return `${mantissa}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' + e : e}`;
  }
  return String(f);
}

/** go-yaml floatv: FormatFloat 'g' with YAML's names for the special values. */
function yamlFloat(f: number): string {
  if (Number.isNaN(f)) return '.nan';
  if (f === Infinity) return '.inf';
  if (f === -Infinity) return '-.inf';
  return goFormatFloatG(f);
}

function scalarText(value: unknown): { text: string; style: Style } | undefined {
  if (value === null || value === undefined) return { text: 'null', style: 'plain' };
  switch (typeof value) {
    case 'boolean':
      return { text: value ? 'true' : 'false', style: 'plain' };
    case 'number':
      return {
        text: Number.isInteger(value) && Math.abs(value) < 1e21 ? String(value) : yamlFloat(value),
        style: 'plain',
      };
    case 'bigint':
      return { text: value.toString(), style: 'plain' };
    case 'string': {
      // encode.go#stringv
      const canUsePlain = !resolvesToNonString(value) && !BASE60_FLOAT.test(value);
      if (value.includes('\n')) return { text: value, style: 'literal' };
      return { text: value, style: canUsePlain ? 'plain' : 'double' };
    }
  }
  return undefined;
}

function isEmptyCollection(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : undefined;
  if (value && typeof value === 'object') {
    return Object.keys(value).some((k) => (value as Record<string, unknown>)[k] !== undefined)
      ? undefined
      : '{}';
  }
  return undefined;
}

class Encoder {
  readonly emitter = new Emitter();
  constructor(private readonly sortKeys: boolean) {}

  /** Emits a node whose parent put the cursor after `key:` or `-`; `indent` is the parent's. */
  node(value: unknown, parentIndent: number, inMapping: boolean): void {
    const empty = isEmptyCollection(value);
    if (empty !== undefined) {
      this.emitter.indicator(empty[0], true, true, false);
      this.emitter.indicator(empty[1], false, false, false);
      return;
    }
    if (Array.isArray(value)) {
      // Sequences under a mapping key are "indentless" when the key line is not an indention.
      this.sequence(value, inMapping ? parentIndent : parentIndent + BEST_INDENT);
      return;
    }
    if (value && typeof value === 'object') {
      this.mapping(value as Record<string, unknown>, parentIndent + BEST_INDENT);
      return;
    }
    const s = scalarText(value);
    if (s) this.emitter.scalar(s.text, s.style, parentIndent + BEST_INDENT, false);
  }

  mapping(map: Record<string, unknown>, indent: number): void {
    let keys = Object.keys(map).filter((k) => map[k] !== undefined);
    if (this.sortKeys) keys = sortYamlKeys(keys);
    for (const key of keys) {
      this.emitter.writeIndent(indent);
      const k = scalarText(key)!;
      this.emitter.scalar(k.text, k.style === 'literal' ? 'double' : k.style, indent, true);
      this.emitter.indicator(':', false, false, false);
      this.node(map[key], indent, true);
    }
  }

  sequence(items: readonly unknown[], indent: number): void {
    for (const item of items) {
      this.emitter.writeIndent(indent);
      this.emitter.indicator('-', true, false, true);
      this.node(item, indent, false);
    }
  }
}

/** yaml.Marshal of one value (sigs.k8s.io/yaml): the YAML text, ending in a newline. */
export function marshalYaml(value: unknown, options: YamlPrintOptions = {}): string {
  const encoder = new Encoder(options.sortKeys ?? true);
  const empty = isEmptyCollection(value);
  if (empty !== undefined) return empty + '\n';
  if (Array.isArray(value)) encoder.sequence(value, 0);
  else if (value && typeof value === 'object') encoder.mapping(value as Record<string, unknown>, 0);
  else encoder.node(value, -BEST_INDENT, false);
  encoder.emitter.finish();
  return encoder.emitter.text();
}

/** `kubectl … -o yaml` of one object. */
export function printYaml(value: unknown, options: YamlPrintOptions = {}): string {
  return marshalYaml(value, options);
}

/**
 * Several objects printed one after another by the same YAMLPrinter: documents after the
 * first are preceded by `---`. (kubectl get wraps several objects in a List instead.)
 */
export function printYamlDocuments(
  values: readonly unknown[],
  options: YamlPrintOptions = {},
): string {
  return values.map((v, i) => (i > 0 ? '---\n' : '') + marshalYaml(v, options)).join('');
}
