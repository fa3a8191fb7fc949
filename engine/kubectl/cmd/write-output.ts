/**
 * What the write verbs share: the printer of genericclioptions.PrintFlags with an operation
 * (`created`, `configured`, …) and kubectl's way of reporting several errors at the end of a run
 * (cmdutil.checkErr / MultipleErrors). Their flags are in common-flags.ts, `--dry-run` in dry-run.ts.
 */
import type { StatusError } from '../../api/errors';
import type { KubeObject } from '../../api/object';
import type { Flags } from '../flags';
import { formatStatusError } from '../errors';
import { typedOrder } from './typed-order';
import { printJson, printJsonPath, printName, printYamlDocuments } from '../printers';

const ALLOWED_FORMATS =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** A printer chosen from `-o`: prints one object, or fails with kubectl's message. */
export type ObjectPrinter = (
  obj: KubeObject,
  operation: string,
) => { ok: true; text: string } | { ok: false; error: string };

/**
 * PrintFlags.ToPrinter: no -o prints `kind.group/name <operation>`; `name`, `json`, `yaml`,
 * `jsonpath=…` print the object. `typed` objects (built by a generator) keep Go field order in
 * JSON; objects read from files are unstructured and print with sorted keys.
 */
export function objectPrinter(
  flags: Flags,
  typed = false,
): { ok: true; value: ObjectPrinter } | { ok: false; error: string } {
  const output = flags.string('output');
  const allowMissingKeys = flags.bool('allow-missing-template-keys');
  let yamlCount = 0;
  if (output === '')
    return {
      ok: true,
      value: (obj, operation) => ({ ok: true, text: printName([obj], operation) }),
    };
  if (output === 'name')
    return { ok: true, value: (obj) => ({ ok: true, text: printName([obj]) }) };
  if (output === 'json')
    return {
      ok: true,
      value: (obj) => ({
        ok: true,
        text: printJson(typed ? typedOrder(obj) : obj, { sortKeys: !typed }),
      }),
    };
  if (output === 'yaml')
    return {
      ok: true,
      value: (obj) => {
        // One YAMLPrinter prints `---` between the documents it prints.
        const text = printYamlDocuments([obj]);
        return { ok: true, text: (yamlCount++ > 0 ? '---\n' : '') + text };
      },
    };
  const eq = output.indexOf('=');
  const format = eq >= 0 ? output.slice(0, eq) : output;
  const template = eq >= 0 ? output.slice(eq + 1) : flags.string('template');
  if (format === 'jsonpath' || format === 'jsonpath-as-json') {
    if (template === '')
      return { ok: false, error: 'template format specified but no template given' };
    return {
      ok: true,
      value: (obj) => {
        const r = printJsonPath(template, obj, { allowMissingKeys });
        return r.ok ? { ok: true, text: r.value } : { ok: false, error: r.error };
      },
    };
  }
  if (
    ['go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath-file'].includes(
      format,
    )
  ) {
    // @simplified: Podlab has no Go template engine; jsonpath covers the same needs.
    return { ok: false, error: `Podlab does not support -o ${format}; use -o jsonpath=… instead` };
  }
  return {
    ok: false,
    error: `unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED_FORMATS}`,
  };
}

/** One failure collected during a run: an API error (with the file it came from) or a message. */
export type RunError =
  { status: StatusError; verb?: string; source?: string } | { message: string };

/** The API error with the file context AddSourceToErr gives it. */
function statusWithSource(e: { status: StatusError; verb?: string; source?: string }): StatusError {
  if (!e.source || !e.verb) return e.status;
  return {
    ...e.status,
    message: `error when ${e.verb} ${JSON.stringify(e.source)}: ${e.status.message}`,
  };
}

/**
 * How kubectl prints the errors of a run (helpers.go#checkErr): one error alone (an Invalid error
 * with its causes, `Error from server (…)`, or `error: …`); several one per line.
 */
export function formatRunErrors(errors: readonly RunError[]): string {
  if (errors.length === 0) return '';
  if (errors.length === 1) {
    const e = errors[0];
    if ('message' in e)
      return e.message.startsWith('error: ') ? `${e.message}\n` : `error: ${e.message}\n`;
    return `${formatStatusError(statusWithSource(e))}\n`;
  }
  return errors
    .map((e) => {
      if ('message' in e) return `${e.message}\n`;
      const s = statusWithSource(e);
      return s.reason
        ? `Error from server (${s.reason}): ${s.message}\n`
        : `Error from server: ${s.message}\n`;
    })
    .join('');
}
