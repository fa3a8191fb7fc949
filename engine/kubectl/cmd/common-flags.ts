/**
 * Flag definitions that several verbs declare, in one place, as kubectl shares them: cli-runtime
 * genericclioptions.PrintFlags (`-o` and the template flags), cmdutil.AddDryRunFlag,
 * AddFieldManagerFlagVar, AddFilenameOptionFlags, AddLabelSelectorFlagVar, AddValidateFlags and
 * AddApplyAnnotationFlags (kubectl pkg/cmd/util/helpers.go).
 *
 * The verbs were written in families (write: create/apply/replace/edit/delete; mutate: label,
 * annotate, patch, scale, set, rollout, taint, wait, drain; generators: run, expose, events) whose
 * help prose differs for the same flag. Those wordings are kept as they are (help output must not
 * change), but each flag's name, shorthand, type and defaults are built once here.
 */
import type { FlagDef } from '../flags';

// ------------------------------------------------------------------ print flags

/** `-o` with the formats of genericclioptions.PrintFlags (write and mutate verbs). */
export const OUTPUT_FLAG: FlagDef = {
  name: 'output',
  short: 'o',
  type: 'string',
  usage:
    'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
};

/** `-o` as the generator verbs (run, expose) describe it. */
export const GENERATOR_OUTPUT_FLAG: FlagDef = {
  name: 'output',
  short: 'o',
  type: 'string',
  usage: 'Output format: json, yaml, name, jsonpath=….',
};

function allowMissingTemplateKeysFlag(usage: string): FlagDef {
  return { name: 'allow-missing-template-keys', type: 'bool', default: true, usage };
}

function showManagedFieldsFlag(usage: string): FlagDef {
  return { name: 'show-managed-fields', type: 'bool', usage };
}

function templateFlag(usage: string): FlagDef {
  return { name: 'template', type: 'string', usage };
}

const SHOW_MANAGED_FIELDS_FLAG = showManagedFieldsFlag(
  'If true, keep the managedFields when printing objects in JSON or YAML format.',
);

/** The print flags of the write verbs (create, apply, replace, edit). */
export const PRINT_FLAGS: FlagDef[] = [
  OUTPUT_FLAG,
  allowMissingTemplateKeysFlag(
    'If true, a missing field or map key in a template is not an error. Only for golang and jsonpath output formats.',
  ),
  SHOW_MANAGED_FIELDS_FLAG,
  templateFlag(
    'Template string or path to a template file, for -o=go-template and -o=go-template-file (golang templates).',
  ),
];

/** The print flags of the mutating verbs (label, annotate, patch, scale, set, rollout, taint, wait). */
export const MUTATE_PRINT_FLAGS: FlagDef[] = [
  allowMissingTemplateKeysFlag(
    'If true, ignore any errors in templates when a field or map key is missing.',
  ),
  OUTPUT_FLAG,
  SHOW_MANAGED_FIELDS_FLAG,
  templateFlag('Template string or path to template file to use when -o=go-template.'),
];

/** The template flags of the generator verbs (run, expose) and events; `-o` is the verb's. */
export const GENERATOR_TEMPLATE_FLAGS: FlagDef[] = [
  allowMissingTemplateKeysFlag(
    'Ignore missing fields in templates (golang and jsonpath output only).',
  ),
  showManagedFieldsFlag('Keep managedFields in JSON or YAML output.'),
  templateFlag('Template for -o go-template / jsonpath.'),
];

// ------------------------------------------------------------------ --dry-run

/** cmdutil.AddDryRunFlag: a bare `--dry-run` gets the NoOptDefVal `unchanged`. */
function dryRunFlag(usage: string): FlagDef {
  return { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', usage };
}

/** `--dry-run` of the write verbs. */
export const DRY_RUN_FLAG = dryRunFlag(
  'Must be "none", "server", or "client". With client, only print the object that would be sent; with server, send the request but let the server persist nothing.',
);

/** `--dry-run` of the mutating verbs. */
export const MUTATE_DRY_RUN_FLAG = dryRunFlag(
  'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
);

/** `--dry-run` of the generator verbs (run, expose). */
export const GENERATOR_DRY_RUN_FLAG = dryRunFlag(
  'Must be "none", "server", or "client". With client, only print the object; with server, send it without persisting it.',
);

// ------------------------------------------------------------------ other shared flags

/** `--field-manager` with the command's default manager name (cmdutil.AddFieldManagerFlagVar). */
export function fieldManagerFlag(
  manager: string,
  usage = 'Name of the manager used to track field ownership.',
): FlagDef {
  return { name: 'field-manager', type: 'string', default: manager, usage };
}

/** `-l/--selector` of the mutating verbs (cmdutil.AddLabelSelectorFlagVar). */
export const SELECTOR_FLAG: FlagDef = {
  name: 'selector',
  short: 'l',
  type: 'string',
  usage: 'Selector (label query) to filter on, e.g. -l key1=value1,key2=value2.',
};

/** `-l/--selector` of the write verbs (create, apply, delete, apply view-last-applied). */
export const WRITE_SELECTOR_FLAG: FlagDef = {
  name: 'selector',
  short: 'l',
  type: 'string',
  usage:
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
};

/**
 * `-f`, `-k` and `-R` of the mutating verbs (cmdutil.AddFilenameOptionFlags): `usage` completes
 * "Filename, directory, or URL to files …".
 */
export function filenameOptionFlags(usage: string): FlagDef[] {
  return [
    {
      name: 'filename',
      short: 'f',
      type: 'stringSlice',
      usage: `Filename, directory, or URL to files ${usage}`,
    },
    {
      name: 'kustomize',
      short: 'k',
      type: 'string',
      usage: 'Process the kustomization directory.',
    },
    {
      name: 'recursive',
      short: 'R',
      type: 'bool',
      usage: 'Process the directory used in -f, --filename recursively.',
    },
  ];
}

/** `-f`, `-R` and `-k` as the write verbs declare them (`purpose` completes the -f usage). */
export function filenameFlags(purpose: string): FlagDef[] {
  return [
    {
      name: 'filename',
      short: 'f',
      type: 'stringSlice',
      usage: `Files, directories or URLs of manifests ${purpose}.`,
    },
    {
      name: 'recursive',
      short: 'R',
      type: 'bool',
      usage: 'Also read the manifests in the subdirectories of the -f directories.',
    },
    {
      name: 'kustomize',
      short: 'k',
      type: 'string',
      usage: 'Process a kustomization directory. Cannot be combined with -f or -R.',
    },
  ];
}

/** `--validate` (cmdutil.AddValidateFlags). */
export const VALIDATE_FLAG: FlagDef = {
  name: 'validate',
  type: 'string',
  default: 'strict',
  noOptDefault: 'strict',
  usage:
    'One of strict (or true), warn, ignore (or false). strict rejects objects with unknown or duplicate fields (checked by the server), warn only warns, ignore drops them silently.',
};

/** `--save-config` (cmdutil.AddApplyAnnotationFlags) of the write verbs. */
export const SAVE_CONFIG_FLAG: FlagDef = {
  name: 'save-config',
  type: 'bool',
  usage:
    'If true, store the configuration of the object in its last-applied annotation, so that kubectl apply can manage it later.',
};

/** The flags run and expose share beyond the print flags: `--overrides`, `--save-config`. */
export const GENERATOR_OVERRIDE_FLAGS: FlagDef[] = [
  {
    name: 'override-type',
    type: 'string',
    default: 'merge',
    usage: 'How --overrides applies: json, merge, or strategic.',
  },
  { name: 'overrides', type: 'string', usage: 'Inline JSON merged over the generated object.' },
  {
    name: 'save-config',
    type: 'bool',
    usage: 'Store the configuration in an annotation of the object.',
  },
];
