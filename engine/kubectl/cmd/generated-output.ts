/**
 * Printing what a generator command (run, expose) made: `-o yaml|json|name|jsonpath=…`, or the
 * `pod/x created` line with its dry-run suffix (cli-runtime genericclioptions.PrintFlags with
 * cmdutil.PrintFlagsWithDryRunStrategy).
 */
import type { KubeObject } from '../../api/object';
import { printJson, printJsonPath, printYaml } from '../printers';
import { withDryRun, type DryRun } from './dry-run';

const ALLOWED =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** Checks an `-o` value before anything is created. */
export function checkOutputFormat(output: string): string | undefined {
  const format = output.split('=')[0];
  if (['', 'yaml', 'json', 'name', 'jsonpath'].includes(format)) return undefined;
  return `unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED}`;
}

/** The lower-case resource type kubectl names objects with (`pod`, `service`, `deployment.apps`). */
export function typeName(obj: KubeObject): string {
  const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
  const kind = obj.kind.toLowerCase();
  return group ? `${kind}.${group}` : kind;
}

/** The text printed for one object; an error message when jsonpath fails. */
export function printGenerated(
  obj: KubeObject,
  output: string,
  dryRun: DryRun,
  operation = 'created',
): { text: string } | { error: string } {
  const format = output.split('=')[0];
  if (format === 'yaml') return { text: printYaml(obj) };
  // @simplified: an object the server returned prints its fields in stored order with -o json,
  // not in the Go struct order of the typed object kubectl decodes.
  if (format === 'json') return { text: printJson(obj, { sortKeys: false }) };
  if (format === 'name') return { text: `${typeName(obj)}/${obj.metadata.name}\n` };
  if (format === 'jsonpath') {
    const r = printJsonPath(output.slice(output.indexOf('=') + 1), obj);
    return r.ok ? { text: r.value } : { error: r.error };
  }
  return { text: `${typeName(obj)}/${obj.metadata.name} ${withDryRun(operation, dryRun)}\n` };
}

/** `a=b,c=d` → labels (generate.ParseLabels). */
export function parseLabels(spec: string): { map: Record<string, string> } | { error: string } {
  const map: Record<string, string> = {};
  for (const pair of spec.split(',')) {
    const kv = pair.split('=');
    if (kv.length !== 2 || kv[0] === '') return { error: `invalid label spec: ${pair}` };
    map[kv[0]] = kv[1];
  }
  return { map };
}
