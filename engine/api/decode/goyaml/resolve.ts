/**
 * Plain-scalar resolution of go-yaml v2 (resolve.go): YAML 1.1 booleans (`yes`, `on`, `y`…),
 * nulls, ints in Go's base-0 syntax (`0x1F`, `0o17`, `017`, `1_000`), floats and timestamps.
 */
import { GoFloat, type GoValue } from './values';

/** go-yaml's long tag names. */
export const TAG = {
  str: 'tag:yaml.org,2002:str',
  bool: 'tag:yaml.org,2002:bool',
  int: 'tag:yaml.org,2002:int',
  float: 'tag:yaml.org,2002:float',
  null: 'tag:yaml.org,2002:null',
  timestamp: 'tag:yaml.org,2002:timestamp',
  binary: 'tag:yaml.org,2002:binary',
  merge: 'tag:yaml.org,2002:merge',
  seq: 'tag:yaml.org,2002:seq',
  map: 'tag:yaml.org,2002:map',
} as const;

const RESOLVE_MAP = new Map<string, { value: GoValue; tag: string }>();
for (const [value, tag, words] of [
  [true, TAG.bool, ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']],
  [false, TAG.bool, ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']],
  [null, TAG.null, ['', '~', 'null', 'Null', 'NULL']],
  [new GoFloat(NaN), TAG.float, ['.nan', '.NaN', '.NAN']],
  [new GoFloat(Infinity), TAG.float, ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']],
  [new GoFloat(-Infinity), TAG.float, ['-.inf', '-.Inf', '-.INF']],
  ['<<', TAG.merge, ['<<']],
] as [GoValue, string, string[]][]) {
  for (const w of words) RESOLVE_MAP.set(w, { value, tag });
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** `!!int` → short form for messages. */
export function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? '!!' + tag.slice('tag:yaml.org,2002:'.length) : tag;
}

function resolvable(tag: string): boolean {
  return (
    tag === '' ||
    tag === TAG.str ||
    tag === TAG.bool ||
    tag === TAG.int ||
    tag === TAG.float ||
    tag === TAG.null ||
    tag === TAG.timestamp
  );
}

function hintOf(c: string): string {
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return '';
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Go's strconv.ParseInt/ParseUint with base 0; undefined on syntax or range error. */
function parseGoInteger(s: string, signed: boolean): bigint | undefined {
  let i = 0;
  let neg = false;
  if (signed && (s[0] === '+' || s[0] === '-')) {
    neg = s[0] === '-';
    i = 1;
  }
  let base = 10;
  let body = s.slice(i);
  if (/^0[xX]/.test(body)) {
    base = 16;
    body = body.slice(2);
  } else if (/^0[bB]/.test(body)) {
    base = 2;
    body = body.slice(2);
  } else if (/^0[oO]/.test(body)) {
    base = 8;
    body = body.slice(2);
  } else if (body.length > 1 && body[0] === '0') {
    base = 8;
    body = body.slice(1);
  }
  if (body === '') return undefined;
  const valid =
    base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!valid.test(body)) return undefined;
  let n = 0n;
  const b = BigInt(base);
  for (const c of body) n = n * b + BigInt(parseInt(c, 16));
  if (neg) n = -n;
  if (signed ? n < INT64_MIN || n > INT64_MAX : n > UINT64_MAX) return undefined;
  return n;
}

/** Go's strconv.ParseFloat(s, 64) for the decimal forms YAML can reach; undefined on error. */
function parseGoFloat(s: string): number | undefined {
  if (/^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)$/.test(s)) {
    const f = Number(s);
    // Go reports a range error (and go-yaml then keeps the string) for overflow to ±Inf.
    return Number.isFinite(f) ? f : undefined;
  }
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  return undefined;
}

/** Accepts the timestamp layouts go-yaml v2 tries (date, date-time with optional zone). */
function looksLikeTimestamp(s: string): boolean {
  return /^\d{4}-\d{1,2}-\d{1,2}((?:[Tt]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))|(?: \d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?))?$/.test(
    s,
  );
}

function intValue(n: bigint): number {
  return Number(n);
}

/** Result of resolving a scalar: its tag and value, or the go-yaml failure message. */
export type Resolved = { tag: string; value: GoValue } | { error: string };

/** go-yaml v2's resolve(tag, in). */
export function resolveScalar(tag: string, input: string): Resolved {
  if (!resolvable(tag)) return { tag, value: input };
  const r = resolveInner(tag, input);
  if (tag === '' || tag === r.tag || tag === TAG.str || tag === TAG.binary) return r;
  if (tag === TAG.float && r.tag === TAG.int) {
    return { tag: TAG.float, value: new GoFloat(r.value as number) };
  }
  return { error: `cannot decode ${shortTag(r.tag)} \`${input}\` as a ${shortTag(tag)}` };
}

function resolveInner(tag: string, input: string): { tag: string; value: GoValue } {
  const hint = input === '' ? 'N' : hintOf(input[0]);
  if (hint !== '' && tag !== TAG.str && tag !== TAG.binary) {
    const item = RESOLVE_MAP.get(input);
    if (item) return item;
    if (hint === '.') {
      const f = parseGoFloat(input);
      if (f !== undefined) return { tag: TAG.float, value: new GoFloat(f) };
    } else if (hint === 'D' || hint === 'S') {
      if ((tag === '' || tag === TAG.timestamp) && looksLikeTimestamp(input)) {
        return { tag: TAG.timestamp, value: input };
      }
      const plain = input.replace(/_/g, '');
      const i = parseGoInteger(plain, true);
      if (i !== undefined) return { tag: TAG.int, value: intValue(i) };
      const u = parseGoInteger(plain, false);
      if (u !== undefined) return { tag: TAG.int, value: intValue(u) };
      if (YAML_STYLE_FLOAT.test(plain)) {
        const f = parseGoFloat(plain);
        if (f !== undefined) return { tag: TAG.float, value: new GoFloat(f) };
      }
      if (plain.startsWith('0b')) {
        const b = parseGoInteger('0b' + plain.slice(2), true) ?? parseGoInteger(plain, false);
        if (b !== undefined) return { tag: TAG.int, value: intValue(b) };
      } else if (plain.startsWith('-0b')) {
        const b = parseGoInteger('-0b' + plain.slice(3), true);
        if (b !== undefined) return { tag: TAG.int, value: intValue(b) };
      }
    }
  }
  return { tag: TAG.str, value: input };
}
