/**
 * kubectl get's `-o` handling (cli-runtime genericclioptions PrintFlags + kubectl
 * get_flags.go#PrintFlags): which printer an output format selects, and the generic
 * (non-table) printers applied to the object or List `kubectl get` produces.
 */
import type { Block } from '../../runtime/kernel';
import type { CommandContext } from '../command';
import {
  findJsonPathResults,
  marshalJson,
  parseCustomColumnsSpec,
  parseCustomColumnsTemplate,
  parseJsonPath,
  printCustomColumns,
  printJsonPath,
  printName,
  printYaml,
  type CustomColumn,
  type JsonPathTemplate,
} from '../printers';
import type { KubeObject } from '../../api/object';

/** The formats `kubectl get -o` accepts, as its "allowed formats" error lists them (sorted). */
const ALLOWED_FORMATS = [
  'custom-columns',
  'custom-columns-file',
  'go-template',
  'go-template-file',
  'json',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'name',
  'template',
  'templatefile',
  'wide',
  'yaml',
];

/** A selected output printer. */
export type OutputPrinter =
  | { kind: 'human'; wide: boolean }
  | { kind: 'json' }
  | { kind: 'yaml' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string; parsed: JsonPathTemplate; asJson: boolean }
  | { kind: 'custom-columns'; columns: CustomColumn[] };

/** The error of an unknown `-o` value (genericclioptions NoCompatiblePrinterError). */
export function noCompatiblePrinter(format: string): string {
  return `unable to match a printer suitable for the output format "${format}", allowed formats are: ${ALLOWED_FORMATS.join(',')}`;
}

/**
 * Resolves `-o` (and `--template`) into a printer; file-based formats read the file. Errors are
 * the messages kubectl prints after `error: `.
 */
export function* resolveOutput(
  ctx: CommandContext,
): Generator<Block, { ok: true; printer: OutputPrinter } | { ok: false; error: string }, void> {
  const output = ctx.flags.string('output');
  const eq = output.indexOf('=');
  let format = eq >= 0 ? output.slice(0, eq) : output;
  let arg = eq >= 0 ? output.slice(eq + 1) : '';
  if (arg === '' && ctx.flags.string('template') !== '') arg = ctx.flags.string('template');
  // `--template` alone implies a go template (get_flags.go#ToPrinter).
  if (format === '' && ctx.flags.string('template') !== '') format = 'go-template';
  switch (format) {
    case '':
      return { ok: true, printer: { kind: 'human', wide: false } };
    case 'wide':
      return { ok: true, printer: { kind: 'human', wide: true } };
    case 'json':
    case 'yaml':
    case 'name':
      return { ok: true, printer: { kind: format } };
    case 'jsonpath':
    case 'jsonpath-as-json':
    case 'jsonpath-file': {
      if (arg === '')
        return { ok: false, error: 'template format specified but no template given' };
      let template = arg;
      if (format === 'jsonpath-file') {
        const file = yield* ctx.readFile(arg);
        if (!file.ok) return { ok: false, error: `error reading --template ${arg}, ${file.error}` };
        template = file.text;
      }
      const parsed = parseJsonPath(template);
      if (!parsed.ok)
        return { ok: false, error: `error parsing jsonpath ${template}, ${parsed.error}` };
      return {
        ok: true,
        printer: {
          kind: 'jsonpath',
          template,
          parsed: parsed.value,
          asJson: format === 'jsonpath-as-json',
        },
      };
    }
    case 'custom-columns':
    case 'custom-columns-file': {
      let columns;
      if (format === 'custom-columns-file') {
        const file = yield* ctx.readFile(arg);
        if (!file.ok) return { ok: false, error: `error reading template ${arg}, ${file.error}` };
        columns = parseCustomColumnsTemplate(file.text);
      } else {
        columns = parseCustomColumnsSpec(arg);
      }
      if (!columns.ok) return { ok: false, error: columns.error };
      return { ok: true, printer: { kind: 'custom-columns', columns: columns.value } };
    }
    case 'go-template':
    case 'go-template-file':
    case 'template':
    case 'templatefile':
      // @simplified: Go templates are not implemented; jsonpath and custom-columns cover the
      // lessons' needs.
      return {
        ok: false,
        error: `the ${format} output format is not supported in Podlab; use -o jsonpath=… or -o custom-columns=… instead`,
      };
    default:
      return { ok: false, error: noCompatiblePrinter(format) };
  }
}

/** A generic printer's text, or the error kubectl reports (without `error: `). */
export type PrintResult = { ok: true; text: string } | { ok: false; error: string };

/** Items of a v1 List, or the single object. */
function itemsOf(value: KubeObject | Record<string, unknown>): unknown[] {
  if (value.kind === 'List' && Array.isArray(value.items)) return value.items as unknown[];
  return [value];
}

/**
 * Prints `value` (an object or a `List`) with a generic printer (json, yaml, name, jsonpath,
 * custom-columns), as cli-runtime's printers do.
 */
export function printGeneric(
  printer: Exclude<OutputPrinter, { kind: 'human' }>,
  value: KubeObject | Record<string, unknown>,
  options: { noHeaders?: boolean } = {},
): PrintResult {
  switch (printer.kind) {
    case 'json':
      return { ok: true, text: marshalJson(value) + '\n' };
    case 'yaml':
      return { ok: true, text: printYaml(value) };
    case 'name':
      return { ok: true, text: printName(itemsOf(value) as KubeObject[]) };
    case 'custom-columns': {
      const r = printCustomColumns(printer.columns, itemsOf(value), options);
      return r.ok ? { ok: true, text: r.value } : { ok: false, error: r.error };
    }
    case 'jsonpath': {
      if (printer.asJson) {
        // jsonpath.go#PrintResults with outputJSON: each template node's results as one
        // indented JSON array.
        const found = findJsonPathResults(printer.parsed, value, { allowMissingKeys: true });
        if (!found.ok) return { ok: false, error: found.error };
        return {
          ok: true,
          text: found.value.map((group) => marshalJson(group) + '\n').join(''),
        };
      }
      const r = printJsonPath(printer.template, value);
      return r.ok ? { ok: true, text: r.value } : { ok: false, error: r.error.replace(/\n$/, '') };
    }
  }
}
