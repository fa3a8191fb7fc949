/**
 * kubectl's REST mapping of a manifest's kind and apiVersion to a served resource
 * (cli-runtime resource/mapper.go#infoForData), with the upstream NoKindMatchError text.
 */
import { RESOURCES, type ResourceInfo } from '../resources';
import { goQuote } from './goyaml/values';

/** A parsed `group/version` (schema.ParseGroupVersion), or its error text. */
export function parseGroupVersion(
  apiVersion: string,
): { group: string; version: string } | { error: string } {
  if (apiVersion === '' || apiVersion === '/') return { group: '', version: '' };
  const parts = apiVersion.split('/');
  if (parts.length === 1) return { group: '', version: apiVersion };
  if (parts.length === 2) return { group: parts[0], version: parts[1] };
  return { error: `unexpected GroupVersion string: ${apiVersion}` };
}

/** meta.NoKindMatchError's message for a kind looked up in a group at zero or one version. */
export function noKindMatchMessage(kind: string, group: string, version: string): string {
  if (version === '') return `no matches for kind ${goQuote(kind)} in group ${goQuote(group)}`;
  const gv = group === '' ? version : `${group}/${version}`;
  return `no matches for kind ${goQuote(kind)} in version ${goQuote(gv)}`;
}

/** The served resource for a kind at an apiVersion, as the RESTMapper resolves it. */
export function mapKind(kind: string, apiVersion: string): ResourceInfo | undefined {
  const gv = parseGroupVersion(apiVersion);
  const group = 'error' in gv ? '' : gv.group;
  const version = 'error' in gv ? '' : gv.version;
  return RESOURCES.find(
    (r) => r.kind === kind && r.group === group && (version === '' || r.version === version),
  );
}

/**
 * The error kubectl prints when a manifest's kind is not served at its apiVersion, e.g.
 * `resource mapping not found for name: "testapp-cron" namespace: "" from "cron.yaml": no matches
 * for kind "CronJob" in version "batch/v1beta1"` + newline + `ensure CRDs are installed first`.
 */
export function resourceMappingError(
  kind: string,
  apiVersion: string,
  name: string,
  namespace: string,
  source: string,
): string {
  const gv = parseGroupVersion(apiVersion);
  const group = 'error' in gv ? '' : gv.group;
  const version = 'error' in gv ? '' : gv.version;
  return (
    `resource mapping not found for name: ${goQuote(name)} namespace: ${goQuote(namespace)} ` +
    `from ${goQuote(source)}: ${noKindMatchMessage(kind, group, version)}\n` +
    'ensure CRDs are installed first'
  );
}
