/**
 * Container image references as the kubelet's parsers.ParseImageName reads them (docker
 * distribution/reference grammar): enough to know whether an image names a tag, a digest, or
 * neither (which means `latest`). Used to default `imagePullPolicy`.
 */

const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const ipv6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainAndPort = `(?:${domainName}|${ipv6})(?::[0-9]+)?`;
const name = `(?:${domainAndPort}/)?${pathComponent}(?:/${pathComponent})*`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const reference = new RegExp(`^(${name})(?::(${tag}))?(?:@(${digest}))?$`);

/** The tag and digest of an image reference, or undefined when it does not parse. */
export function parseImageReference(image: string): { tag: string; digest: string } | undefined {
  const m = reference.exec(image);
  if (!m || m[1].length > 255) return undefined;
  return { tag: m[2] ?? '', digest: m[3] ?? '' };
}

/**
 * SetDefaults_Container's pull policy: `Always` when the tag is `latest` (written or implied by
 * the absence of both tag and digest), `IfNotPresent` otherwise, including unparseable names.
 */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const ref = parseImageReference(image);
  if (!ref) return 'IfNotPresent';
  const effectiveTag = ref.tag === '' && ref.digest === '' ? 'latest' : ref.tag;
  return effectiveTag === 'latest' ? 'Always' : 'IfNotPresent';
}
