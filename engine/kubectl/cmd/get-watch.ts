/**
 * `kubectl get -w / --watch-only` (get.go#watch): print the current state, then one row (or
 * object) per change the API server's watch reports, until interrupted. Table widths are
 * remembered across rows as kubectl's tab writer does.
 */
import type { WatchEvent } from '../../api/apiserver';
import { parseFieldSelector, matchesFields } from '../../api/fields';
import { isSelectorError, matches, parseSelector } from '../../api/labels';
import type { KubeObject } from '../../api/object';
import { Notifier } from '../../runtime/notifier';
import type { CommandContext, CommandResult } from '../command';
import { createWatchPrinter, marshalYaml } from '../printers';
import { printGeneric, type OutputPrinter } from './print-flags';
import type { Info } from './resource-args';

/** Options of a watch. */
export interface WatchOptions {
  watchOnly: boolean;
  allNamespaces: boolean;
  labelSelector: string;
  fieldSelector: string;
  outputWatchEvents: boolean;
  noHeaders: boolean;
  showLabels: boolean;
  labelColumns: string[];
}

/** Watches the (single-kind) infos and prints until the process is stopped. */
export function* watchResources(
  ctx: CommandContext,
  infos: readonly Info[],
  printer: OutputPrinter,
  options: WatchOptions,
): CommandResult {
  const kinds = new Set(infos.map((i) => i.info.kind));
  if (kinds.size !== 1)
    return yield* ctx.fail(
      'watch is only supported on individual resources and resource collections - more than 1 resource was found',
    );
  const info = infos[0].info;
  const named = infos[0].named;
  const names = new Set(
    infos.filter((i) => i.named).flatMap((i) => i.objects.map((o) => o.metadata.name)),
  );
  const namespace =
    info.namespaced && (named || !options.allNamespaces) ? ctx.namespace : undefined;
  const label = options.labelSelector ? parseSelector(options.labelSelector) : undefined;
  const fields = options.fieldSelector ? parseFieldSelector(options.fieldSelector, info.kind) : [];
  const matchesWatch = (o: KubeObject): boolean => {
    if (namespace !== undefined && (o.metadata.namespace ?? '') !== namespace) return false;
    if (named && !names.has(o.metadata.name)) return false;
    if (label && !isSelectorError(label) && !matches(label, o.metadata.labels ?? {})) return false;
    if (Array.isArray(fields) && !matchesFields(o, fields)) return false;
    return true;
  };

  const human =
    printer.kind === 'human'
      ? createWatchPrinter(info.kind, {
          now: ctx.cluster.now(),
          wide: printer.wide,
          noHeaders: options.noHeaders,
          withNamespace: options.allNamespaces,
          showLabels: options.showLabels,
          columnLabels: options.labelColumns,
          outputWatchEvents: options.outputWatchEvents,
        })
      : undefined;
  let documents = 0;
  const printObject = function* (type: WatchEvent['type'], object: KubeObject): CommandResult {
    if (human) {
      yield* ctx.out(human.event(type, object, ctx.cluster.now()));
      return 0;
    }
    const value = options.outputWatchEvents ? { type, object } : object;
    if (printer.kind === 'yaml') {
      // The YAML printer separates the documents it prints.
      yield* ctx.out((documents++ > 0 ? '---\n' : '') + marshalYaml(value));
      return 0;
    }
    const printed = printGeneric(
      printer as Exclude<OutputPrinter, { kind: 'human' }>,
      value as KubeObject,
    );
    if (!printed.ok) return yield* ctx.fail(printed.error);
    yield* ctx.out(printed.text);
    return 0;
  };

  for (const sig of ['HUP', 'INT', 'TERM', 'QUIT'] as const) ctx.proc.setDisposition(sig, 'catch');
  // Subscribe first, so that no change between the list and the watch is lost.
  const queue: WatchEvent[] = [];
  const wake = new Notifier();
  const unsubscribe = ctx.cluster.server.watch(info.kind, (event) => {
    queue.push(event);
    wake.notify();
  });
  try {
    const current = infos.flatMap((i) => i.objects);
    if (!options.watchOnly) {
      if (human) {
        const text = human.initial(current);
        if (text !== '') yield* ctx.out(text);
      } else {
        for (const o of current) {
          const code = yield* printObject('ADDED', o);
          if (code !== 0) return code;
        }
      }
    }
    for (;;) {
      while (queue.length === 0) {
        // util/interrupt: on a termination signal kubectl stops the watch and exits with 1.
        if (ctx.proc.takeSignal() !== undefined) return 1;
        yield { on: [wake], interruptible: true };
      }
      const event = queue.shift()!;
      const now = matchesWatch(event.object);
      const before = event.old !== undefined && matchesWatch(event.old);
      let type: WatchEvent['type'] | undefined;
      if (event.type === 'ADDED') type = now ? 'ADDED' : undefined;
      else if (event.type === 'DELETED') type = now || before ? 'DELETED' : undefined;
      // The watch cache turns objects entering or leaving the selection into ADDED / DELETED.
      else if (now) type = before ? 'MODIFIED' : 'ADDED';
      else if (before) type = 'DELETED';
      if (type === undefined) continue;
      const code = yield* printObject(type, event.object);
      if (code !== 0) return code;
    }
  } finally {
    unsubscribe();
  }
}
