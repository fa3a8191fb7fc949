/**
 * `-o custom-columns=HEADER:.path,…` and `-o custom-columns-file` (kubectl pkg/cmd/get/
 * customcolumn.go): each column's JSONPath is relaxed to `{.path}`, evaluated with missing keys
 * allowed; several results are comma-joined, none prints `<none>`; output goes through the
 * kubectl tab writer.
 */
import { createTableWriter } from '../format/tabwriter';
import { goSprint } from './govalue';
import { findJsonPathResults, parseJsonPath, type JsonPathTemplate, type Result } from './jsonpath';
import { escapeTerminal } from './tableprinter';

/** One column: header text and the relaxed JSONPath. */
export interface CustomColumn {
  header: string;
  fieldSpec: string;
}

const JSON_REGEXP = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** customcolumn.go#RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}`, `{.a.b}` → `{.a.b}`. */
export function relaxedJsonPathExpression(expression: string): Result<string> {
  if (expression.length === 0) return { ok: true, value: expression };
  const m = JSON_REGEXP.exec(expression);
  if (!m) {
    return {
      ok: false,
      error:
        "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    };
  }
  return { ok: true, value: `{.${m[1] || m[2]}}` };
}

/** Parses `NAME:.metadata.name,STATUS:.status.phase`. */
export function parseCustomColumnsSpec(spec: string): Result<CustomColumn[]> {
  if (spec.length === 0) {
    return { ok: false, error: 'custom-columns format specified but no custom columns given' };
  }
  const columns: CustomColumn[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0) {
      return {
        ok: false,
        error: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`,
      };
    }
    const relaxed = relaxedJsonPathExpression(part.slice(colon + 1));
    if (!relaxed.ok) return relaxed;
    columns.push({ header: part.slice(0, colon), fieldSpec: relaxed.value });
  }
  return { ok: true, value: columns };
}

/**
 * customcolumn.go#NewCustomColumnsPrinterFromTemplate: a header line of whitespace-separated
 * names and a line of paths.
 */
export function parseCustomColumnsTemplate(text: string): Result<CustomColumn[]> {
  const lines = text.split('\n').filter((l) => l.trim().length > 0);
  if (lines.length !== 2) {
    return { ok: false, error: `invalid template, expected two lines, saw ${lines.length}` };
  }
  const headers = lines[0].trim().split(/\s+/);
  const specs = lines[1].trim().split(/\s+/);
  if (headers.length !== specs.length) {
    return {
      ok: false,
      error: `number of headers (${headers.length}) does not match number of columns (${specs.length})`,
    };
  }
  const columns: CustomColumn[] = [];
  for (let i = 0; i < headers.length; i++) {
    const relaxed = relaxedJsonPathExpression(specs[i]);
    if (!relaxed.ok) return relaxed;
    columns.push({ header: headers[i], fieldSpec: relaxed.value });
  }
  return { ok: true, value: columns };
}

/**
 * Prints objects with custom columns: the header (unless `noHeaders`) then one row per object,
 * aligned by kubectl's tab writer.
 */
export function printCustomColumns(
  columns: readonly CustomColumn[],
  objects: readonly unknown[],
  options: { noHeaders?: boolean } = {},
): Result<string> {
  const parsers: JsonPathTemplate[] = [];
  for (const column of columns) {
    const parsed = parseJsonPath(column.fieldSpec);
    if (!parsed.ok) return parsed;
    parsers.push(parsed.value);
  }
  const writer = createTableWriter();
  if (!options.noHeaders) writer.write(columns.map((c) => c.header).join('\t') + '\n');
  for (const obj of objects) {
    const cells: string[] = [];
    for (const parser of parsers) {
      const found = findJsonPathResults(parser, obj, { allowMissingKeys: true });
      if (!found.ok) return found;
      const values = found.value;
      const texts: string[] = [];
      if (values.length === 0 || values[0].length === 0) texts.push('<none>');
      for (const group of values) for (const v of group) texts.push(escapeTerminal(goSprint(v)));
      cells.push(texts.join(','));
    }
    writer.write(cells.join('\t') + '\n');
  }
  writer.flush();
  return { ok: true, value: writer.takeOutput() };
}
