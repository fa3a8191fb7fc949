/**
 * `kubectl explain` (1.32, OpenAPI v3 plaintext template, kubectl pkg/explain/v2): the
 * GROUP/KIND/VERSION header, the FIELD line, the wrapped DESCRIPTION and the FIELDS list, or with
 * `--recursive` the indented field tree. Descriptions come from the generated schema.
 */
import { resolveResource } from '../resources';
import {
  fieldOf,
  schemaFor,
  schemaType,
  structOf,
  type SchemaField,
  type SchemaStruct,
  type SchemaType,
} from './index';

/** Result of explain: the text kubectl prints, or the error message (without `error: `). */
export type ExplainResult = { ok: true; output: string } | { ok: false; error: string };

/** Column width kubectl wraps descriptions to (after the 4-space indent). */
const WRAP = 76;
/** kubectl lists at most this many enum values, then `, ....`. */
const MAX_ENUM = 4;

/**
 * Word wrapping as github.com/mitchellh/go-wordwrap WrapString (used by kubectl's wrap
 * template function): breaks at spaces, keeps existing newlines, never splits long words.
 */
export function wrapString(s: string, lim: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  for (const ch of s) {
    if (ch === '\n') {
      out += space + word + '\n';
      space = '';
      word = '';
      current = 0;
    } else if (/\s/u.test(ch) && ch !== '\u00a0') {
      if (space.length === 0 || word.length > 0) {
        current += [...space].length + [...word].length;
        out += space + word;
        space = '';
        word = '';
      }
      space += ch;
    } else {
      word += ch;
      const wl = [...word].length;
      if (current + [...space].length + wl > lim && wl < lim) {
        out += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word.length === 0) {
    if (current + [...space].length <= lim) out += space;
  } else {
    out += space + word;
  }
  return out;
}

/**
 * kubectl's indent template function (sprig indent): pads the first line and every line after a
 * newline, so a trailing newline leaves a line holding only the pad, as kubectl prints it.
 */
function indent(n: number, s: string): string {
  const pad = ' '.repeat(n);
  return pad + s.split('\n').join('\n' + pad);
}

/** The `<type>` kubectl shows for a schema type (its typeGuess). */
export function explainType(t: SchemaType): string {
  switch (t.type) {
    case 'string':
    case 'bytes':
    case 'Time':
    case 'MicroTime':
      return 'string';
    case 'integer':
    case 'number':
    case 'boolean':
    case 'IntOrString':
    case 'Quantity':
      return t.type;
    case 'array':
      return '[]' + explainType(t.items as SchemaType);
    case 'map':
      return 'map[string]' + explainType(t.values as SchemaType);
    case 'object':
      return schemaType(t.ref as string)?.name ?? 'Object';
    case 'any':
      return t.ref ? t.ref.slice(t.ref.lastIndexOf('.') + 1) : 'Object';
  }
}

/**
 * The `enum: a, b, c, d, ....` line of an enum field, if it has one (plaintext.tmpl
 * extractEnum reads the field schema's own enum, so arrays of enums show none).
 */
function enumLine(t: SchemaType): string | undefined {
  const values = t.enum;
  if (!values || values.length === 0) return undefined;
  const shown = values.slice(0, MAX_ENUM).map((v) => (v === '' ? '""' : v));
  return 'enum: ' + shown.join(', ') + (values.length > MAX_ENUM ? ', ....' : '');
}

function fieldHeader(f: SchemaField, level: number): string {
  const pad = ' '.repeat(level * 2);
  let s = `${pad}${f.name}\t<${explainType(f)}>${f.required ? ' -required-' : ''}\n`;
  const e = enumLine(f);
  if (e) s += `${pad}${e}\n`;
  return s;
}

function description(text: string): string {
  return indent(4, wrapString(text, WRAP)) + '\n';
}

/** plaintext.tmpl extractEnum in its long view (`ENUM:` then one value per line). */
function longEnum(t: SchemaType): string {
  if (!t.enum || t.enum.length === 0) return '';
  return 'ENUM:' + t.enum.map((v) => `\n    ${v === '' ? '""' : v}`).join('');
}

/** Field tree for `--recursive`, descending into struct types (each type once per branch). */
function recursiveFields(struct: SchemaStruct, level: number, path: Set<SchemaStruct>): string {
  let out = '';
  for (const f of struct.fields) {
    out += fieldHeader(f, level);
    const child = structOf(f);
    if (child && !path.has(child)) {
      path.add(child);
      out += recursiveFields(child, level + 1, path);
      path.delete(child);
    }
  }
  return out;
}

/**
 * `kubectl explain <resource>[.field…]` and `--recursive`. Unknown resources give
 * `the server doesn't have a resource type "x"`, unknown fields `field "x" does not exist`.
 */
export function explain(resourcePath: string, recursive: boolean): ExplainResult {
  const [resourceName, ...fieldPath] = resourcePath.split('.');
  const info = resolveResource(resourceName);
  const root = info ? schemaFor(info.kind) : undefined;
  if (!info || !root) {
    return {
      ok: false,
      error: `the server doesn't have a resource type ${JSON.stringify(resourceName)}`,
    };
  }
  let struct: SchemaStruct | undefined = root;
  let field: SchemaField | undefined;
  for (const name of fieldPath.filter((p) => p !== '')) {
    const f: SchemaField | undefined = struct ? fieldOf(struct, name) : undefined;
    if (!f) {
      // plaintext.tmpl reports the last element of the path, whichever one was missing.
      const last = fieldPath[fieldPath.length - 1];
      return { ok: false, error: `field ${JSON.stringify(last)} does not exist` };
    }
    field = f;
    struct = structOf(f);
  }

  // The layout follows kubectl 1.32's pkg/explain/v2/templates/plaintext.tmpl, which is embedded
  // in the kubectl binary: every description gets a trailing newline before wrap | indent, so the
  // DESCRIPTION block ends in a line holding only the 4-space pad; the whole output ends with one
  // more newline.
  let out = '';
  if (info.group) out += `GROUP:      ${info.group}\n`;
  out += `KIND:       ${info.kind}\n`;
  out += `VERSION:    ${info.version}\n\n`;
  let desc = '';
  if (field) {
    out += `FIELD: ${field.name} <${explainType(field)}>\n${longEnum(field)}\n\n`;
    if (field.description) desc += `${field.description}\n`;
    // A field that refers to an object type also shows that type's own description.
    // @simplified: only struct types are appended (Time/Quantity/IntOrString descriptions are not).
    if (struct?.description) desc += `${struct.description}\n`;
  } else if (root.description) {
    desc = `${root.description}\n`;
  }
  out += `DESCRIPTION:\n${description(desc || '<empty>')}`;
  if (struct && struct.fields.length > 0) {
    out += 'FIELDS:\n';
    if (recursive) {
      out += recursiveFields(struct, 1, new Set([struct]));
    } else {
      for (const f of struct.fields) {
        out += fieldHeader(f, 1);
        out += description(f.description || '<no description>');
        out += '\n';
      }
    }
  }
  out += '\n';
  return { ok: true, output: out };
}
