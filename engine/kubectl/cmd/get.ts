/**
 * `kubectl get` (kubectl pkg/cmd/get/get.go): tables per kind with kubectl's grouping, the
 * generic `-o` printers over a single object or a v1 List, `--sort-by`, and `-w` (./get-watch.ts).
 */
import type { KubeObject } from '../../api/object';
import type { CommandSpec } from '../command';
import { listWrapper, noResourcesFound, printTable } from '../printers';
import { resolveOutput, printGeneric } from './print-flags';
import { gather, isNotFound, printErrors, type CollectedError } from './resource-args';
import { sortObjects } from './sorter';
import { watchResources } from './get-watch';
import { FILENAME_FLAGS, getFlags } from './get-flags';

const EXAMPLES = `  # Show every pod of the current namespace as a table
  kubectl get pods

  # The same, with the node and IP of each pod
  kubectl get pods -o wide

  # One job, as YAML
  kubectl get job pi -o yaml

  # Several kinds at once (each gets its own table)
  kubectl get pods,jobs

  # The objects listed in a manifest
  kubectl get -f ./job.yaml

  # Only the names of pods labelled app=web, in every namespace
  kubectl get pods -l app=web -A -o name

  # A single field with a JSONPath template
  kubectl get pod web-0 -o jsonpath='{.status.phase}'

  # Your own columns
  kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName

  # Keep watching jobs and print a row on every change
  kubectl get jobs -w`;

/** The get command. */
export const getCommand: CommandSpec = {
  name: 'get',
  group: 'Basic Commands (Intermediate):',
  usage:
    'get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  short: 'Display one or many resources',
  long: `List objects of one or more types as a table, or print them in another format with -o.

 Use "kubectl api-resources" to see which types the cluster serves. Types may be written in full
(jobs), singular (job), short (po) or qualified with their group (jobs.batch). "all" stands for
the common workload types. With -w, kubectl keeps running and prints a row whenever a watched
object changes.`,
  examples: EXAMPLES,
  flags: [...getFlags, ...FILENAME_FLAGS],
  *run(ctx) {
    const f = ctx.flags;
    const args = ctx.args;
    const raw = f.string('raw');
    const watch = f.bool('watch');
    const watchOnly = f.bool('watch-only');
    const sortBy = f.string('sort-by');
    const filenames = f.strings('filename');
    const kustomize = f.string('kustomize');
    const output = f.string('output');

    // Complete (get.go#Complete)
    if (raw !== '') {
      if (args.length > 0)
        return yield* ctx.fail('arguments may not be passed when --raw is specified');
      // get.go#Validate
      if (watch || watchOnly || f.string('selector') !== '')
        return yield* ctx.fail(
          '--raw may not be specified with other flags that filter the server request or alter the output',
        );
      if (output !== '') return yield* ctx.fail('--raw and --output are mutually exclusive');
      if (!raw.startsWith('/'))
        return yield* ctx.fail(
          `--raw must be a valid URL path: parse "${raw}": invalid URI for request`,
        );
      // @simplified: Podlab's API server is not reachable over HTTP, so raw requests are refused.
      return yield* ctx.fail(
        '--raw is not supported in Podlab: the API server has no HTTP endpoint',
      );
    }
    if (watch || watchOnly) {
      if (sortBy !== '')
        yield* ctx.err(
          'warning: --watch requested, --sort-by will be ignored for watch events received\n',
        );
    } else if (args.length === 0 && filenames.length === 0 && kustomize === '') {
      yield* ctx.err(
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n',
      );
      return yield* ctx.usageError(
        'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
      );
    }
    // Validate (get.go#Validate)
    if (f.bool('show-labels') && output !== '' && output !== 'wide')
      return yield* ctx.fail(`--show-labels option cannot be used with ${output} printer`);
    if (f.bool('output-watch-events') && !(watch || watchOnly))
      return yield* ctx.fail(
        '--output-watch-events option can only be used with --watch or --watch-only',
      );
    if (kustomize !== '') {
      // @simplified: kustomize is not part of Podlab.
      if (filenames.length > 0) return yield* ctx.fail('only one of -f or -k can be specified');
      return yield* ctx.fail(`kustomize (-k ${kustomize}) is not supported in Podlab`);
    }

    // @simplified: --subresource, --server-print=false and --chunk-size are accepted and ignored:
    // the simulated API server always returns whole objects and server-side tables.
    const printer = yield* resolveOutput(ctx);
    const allNamespaces = f.bool('all-namespaces');
    const gathered = yield* gather(ctx, {
      args,
      filenames,
      recursive: f.bool('recursive'),
      labelSelector: f.string('selector'),
      fieldSelector: f.string('field-selector'),
      allNamespaces,
      singleType: watch || watchOnly,
    });
    if (!gathered.ok) return yield* ctx.fail(gathered.error);
    if (!printer.ok) return yield* ctx.fail(printer.error);
    const ignoreNotFound = f.bool('ignore-not-found');
    const { infos } = gathered.value;
    let errors: CollectedError[] = gathered.value.errors;
    if (ignoreNotFound) errors = errors.filter((e) => !isNotFound(e));

    if (watch || watchOnly) {
      if (errors.length > 0) return yield* printErrors(ctx, errors);
      return yield* watchResources(ctx, infos, printer.printer, {
        watchOnly,
        allNamespaces,
        labelSelector: f.string('selector'),
        fieldSelector: f.string('field-selector'),
        outputWatchEvents: f.bool('output-watch-events'),
        noHeaders: f.bool('no-headers'),
        showLabels: f.bool('show-labels'),
        labelColumns: f.strings('label-columns').flatMap((l) => l.split(',')),
      });
    }

    const p = printer.printer;
    if (p.kind !== 'human') {
      // get.go#printGeneric: one named object prints as itself, anything else as a List.
      if (gathered.value.singleItem && errors.length > 0) return yield* printErrors(ctx, errors);
      const objects = infos.flatMap((i) => i.objects);
      if (objects.length === 0 && ignoreNotFound) return yield* printErrors(ctx, errors);
      let value: KubeObject | Record<string, unknown>;
      if (gathered.value.singleItem && objects.length === 1) value = objects[0];
      else {
        let items = objects;
        if (sortBy !== '') {
          const sorted = sortObjects(objects, sortBy);
          if (!sorted.ok) return yield* printErrors(ctx, [...errors, { message: sorted.error }]);
          items = sorted.objects;
        }
        value = listWrapper(items);
      }
      const printed = printGeneric(p, value, { noHeaders: f.bool('no-headers') });
      if (!printed.ok) return yield* printErrors(ctx, [...errors, { message: printed.error }]);
      yield* ctx.out(printed.text);
      return yield* printErrors(ctx, errors);
    }

    // Human-readable tables (get.go#Run).
    const kinds = new Set(infos.map((i) => i.info.kind));
    const withKind = f.bool('show-kind') || kinds.size > 1;
    const rows: KubeObject[] = [];
    for (const info of infos) {
      if (sortBy !== '' && info.objects.length > 0) {
        const sorted = sortObjects(info.objects, sortBy);
        if (!sorted.ok) return yield* ctx.fail(sorted.error);
        rows.push(...sorted.objects);
      } else rows.push(...info.objects);
    }
    const text = printTable(rows, {
      now: ctx.cluster.now(),
      wide: p.wide,
      noHeaders: f.bool('no-headers'),
      withNamespace: allNamespaces,
      showLabels: f.bool('show-labels'),
      columnLabels: f.strings('label-columns').flatMap((l) => l.split(',')),
      withKind,
    });
    if (text !== '') yield* ctx.out(text);
    if (text === '' && !ignoreNotFound && errors.length === 0) {
      const allNamespaced = !allNamespaces && infos.every((i) => i.info.namespaced);
      yield* ctx.err(noResourcesFound(allNamespaced ? ctx.namespace : undefined));
    }
    return yield* printErrors(ctx, errors);
  },
};
