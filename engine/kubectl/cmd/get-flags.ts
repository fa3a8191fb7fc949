/** The flags of `kubectl get` (names, types and defaults as in kubectl 1.32; usage in our words). */
import type { FlagDef } from '../flags';

/** -f / -R / -k as the read verbs declare them. */
export const FILENAME_FLAGS: FlagDef[] = [
  {
    name: 'filename',
    short: 'f',
    type: 'stringSlice',
    usage: 'Files, folders or URLs naming the objects to read from the server.',
  },
  {
    name: 'recursive',
    short: 'R',
    type: 'bool',
    usage: 'Also read manifests in sub-folders of the folders given with -f.',
  },
  {
    name: 'kustomize',
    short: 'k',
    type: 'string',
    usage: 'Use the objects of a kustomization folder. Cannot be combined with -f or -R.',
  },
];

/** Selector flags shared by the read verbs. */
export const SELECTOR_FLAG: FlagDef = {
  name: 'selector',
  short: 'l',
  type: 'string',
  usage:
    "Label query to filter by, with '=', '==' and '!=' (for example -l app=web,tier!=db). Objects must match every condition.",
};

export const ALL_NAMESPACES_FLAG: FlagDef = {
  name: 'all-namespaces',
  short: 'A',
  type: 'bool',
  usage: 'Read from every namespace instead of the current one (overrides --namespace).',
};

export const CHUNK_SIZE_FLAG: FlagDef = {
  name: 'chunk-size',
  type: 'int',
  default: 500,
  usage: 'Fetch long lists page by page, this many objects per page; 0 fetches everything at once.',
};

/** Every flag of `kubectl get` except -f/-R/-k. */
export const getFlags: FlagDef[] = [
  ALL_NAMESPACES_FLAG,
  {
    name: 'allow-missing-template-keys',
    type: 'bool',
    default: true,
    usage:
      'Treat a missing field or map key in a jsonpath or Go template as empty instead of failing.',
  },
  CHUNK_SIZE_FLAG,
  {
    name: 'field-selector',
    type: 'string',
    usage:
      "Field query to filter by, with '=', '==' and '!=' (for example --field-selector status.phase=Running). Each type supports only a few fields.",
  },
  {
    name: 'ignore-not-found',
    type: 'bool',
    usage: 'Exit with status 0 instead of an error when a requested object does not exist.',
  },
  {
    name: 'label-columns',
    short: 'L',
    type: 'stringSlice',
    usage:
      'Extra columns showing the values of these labels (comma separated, case sensitive); may be repeated.',
  },
  {
    name: 'no-headers',
    type: 'bool',
    usage: 'Leave out the header row of tables and custom columns.',
  },
  {
    name: 'output',
    short: 'o',
    type: 'string',
    usage:
      'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See the kubectl reference for custom columns, Go templates and jsonpath.',
  },
  {
    name: 'output-watch-events',
    type: 'bool',
    usage:
      'With --watch or --watch-only, print the watch event type too; objects that already exist show as ADDED.',
  },
  { name: 'raw', type: 'string', usage: 'Send a GET for this raw URI path to the API server.' },
  SELECTOR_FLAG,
  {
    name: 'server-print',
    type: 'bool',
    default: true,
    usage: 'Let the server build the table columns (works for every type, including CRDs).',
  },
  {
    name: 'show-kind',
    type: 'bool',
    usage: 'Prefix names with their type, even when only one type is listed.',
  },
  {
    name: 'show-labels',
    type: 'bool',
    usage: 'Add a last column with all labels of each object.',
  },
  {
    name: 'show-managed-fields',
    type: 'bool',
    usage: 'Keep metadata.managedFields in JSON and YAML output.',
  },
  {
    name: 'sort-by',
    type: 'string',
    usage:
      "Sort lists by the value of this JSONPath expression (for example '{.metadata.name}'); the value must be a number or a string.",
  },
  {
    name: 'subresource',
    type: 'string',
    usage: 'Read this subresource of the object (for example status or scale).',
  },
  {
    name: 'template',
    type: 'string',
    usage: 'The template (or template file) for -o go-template, -o go-template-file, -o jsonpath.',
  },
  {
    name: 'watch',
    short: 'w',
    type: 'bool',
    usage: 'After printing the objects, keep running and print each change.',
  },
  {
    name: 'watch-only',
    type: 'bool',
    usage: 'Print changes to the objects without listing them first.',
  },
];
