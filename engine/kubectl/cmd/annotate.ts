/**
 * `kubectl annotate` (kubectl pkg/cmd/annotate/annotate.go): like label, but values are free text,
 * the change-cause annotation may always be overwritten, and every update prints `annotated`.
 */
import type { CommandSpec } from '../command';
import { metadataFlags, runMetadataUpdate, type MetadataUpdate } from './label';

/** kubernetes.io/change-cause (polymorphichelpers.ChangeCauseAnnotation). */
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

const ANNOTATION_UPDATE: MetadataUpdate = {
  field: 'annotations',
  noun: 'annotation',
  parse(pairs) {
    // cmdutil.ParsePairs(args, "annotation", true): values may contain '='.
    const add = new Map<string, string>();
    const remove: string[] = [];
    for (const spec of pairs) {
      const eq = spec.indexOf('=');
      if (eq > 0) add.set(spec.slice(0, eq), spec.slice(eq + 1));
      else remove.push(spec.slice(0, -1));
    }
    const both = remove.filter((k) => add.has(k));
    if (both.length > 0)
      return {
        error: `can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`,
      };
    return { add, remove };
  },
  overwriteError(obj, add) {
    const found: string[] = [];
    for (const [k, v] of add) {
      if (k === CHANGE_CAUSE_ANNOTATION) continue;
      const cur = obj.metadata.annotations?.[k];
      if (cur !== undefined && cur !== v) found.push(`'${k}' already has a value (${cur})`);
    }
    if (found.length === 0) return undefined;
    return `--overwrite is false but found the following declared annotation(s): ${found.join('; ')}`;
  },
  operation: () => 'annotated',
  list(_found, map) {
    // @simplified: Go prints the map in random order; Podlab sorts the keys.
    return Object.entries(map)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}=${v}\n`)
      .join('');
  },
};

/** The annotate command. */
export const annotateCommand: CommandSpec = {
  name: 'annotate',
  group: 'Settings Commands:',
  usage:
    'annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  short: 'Update the annotations on a resource',
  long: 'Add, change or remove annotations on one or more objects. Annotations hold free-form text for tools and people; changing an existing value needs --overwrite.',
  examples:
    "  # Describe pod foo with an annotation\n  kubectl annotate pods foo description='my frontend'\n\n" +
    "  # Replace an existing annotation\n  kubectl annotate --overwrite pods foo description='my frontend running nginx'\n\n" +
    '  # Remove the annotation named description\n  kubectl annotate pods foo description-',
  flags: metadataFlags('annotation'),
  run: (ctx) => runMetadataUpdate(ctx, ANNOTATION_UPDATE),
};
