/**
 * `kubectl events` (kubectl pkg/cmd/events/events.go, event_printer.go): the events of a
 * namespace (or all), optionally of one object (`--for TYPE/NAME`) and of some types, sorted by
 * time; `-w` prints each new event as the API server stores it.
 */
import type { Event } from 'kubernetes-types/core/v1';
import type { Block } from '../../runtime/kernel';
import { Notifier } from '../../runtime/notifier';
import { resolveResource } from '../../api/resources';
import { GENERATOR_TEMPLATE_FLAGS } from './common-flags';
import type { CommandSpec } from '../command';
import { unknownTypeError } from '../resource/builder';
import { createTableWriter, parseTime, translateTimestampSince } from '../format';
import { printJson, printYaml } from '../printers';

/** The time events sort by (events.go#eventTime). */
function eventTime(e: Event): number {
  if (e.series) return parseTime(e.series.lastObservedTime) ?? 0;
  return parseTime(e.lastTimestamp) ?? parseTime(e.eventTime) ?? 0;
}

/** event_printer.go#getInterval. */
function interval(e: Event, now: number): string {
  const first = e.eventTime
    ? translateTimestampSince(e.eventTime, now)
    : translateTimestampSince(e.firstTimestamp, now);
  if (e.series)
    return `${translateTimestampSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1)
    return `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

/** event_printer.go#escapeCell: a cell stops at the first line break. */
function cell(text: string | undefined): string {
  const s = text ?? '';
  const i = s.search(/[\f\n\r]/);
  return i >= 0 ? `${s.slice(0, i)}...` : s;
}

function row(e: Event, now: number, allNamespaces: boolean): string {
  return (
    (allNamespaces ? `${e.metadata?.namespace ?? ''}\t` : '') +
    `${interval(e, now)}\t${cell(e.type)}\t${cell(e.reason)}\t${cell(e.involvedObject.kind)}/${cell(e.involvedObject.name)}\t${cell((e.message ?? '').trim())}\n`
  );
}

/** The events command. */
export const eventsCommand: CommandSpec = {
  name: 'events',
  group: 'Troubleshooting and Debugging Commands:',
  usage:
    'events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]',
  short: 'List events',
  long: 'List the events of the namespace, oldest first: what the controllers, the scheduler and the kubelets reported about the objects.',
  examples: [
    '  # The events of the current namespace',
    '  kubectl events',
    '',
    '  # Only warnings, in every namespace',
    '  kubectl events --types=Warning -A',
    '',
    '  # The events of pod web, then new ones as they happen',
    '  kubectl events --for pod/web --watch',
  ].join('\n'),
  flags: [
    {
      name: 'all-namespaces',
      short: 'A',
      type: 'bool',
      usage: 'List the events of every namespace.',
    },
    ...GENERATOR_TEMPLATE_FLAGS,
    {
      name: 'chunk-size',
      type: 'int',
      default: 500,
      usage: 'Read large lists in chunks of this many items.',
    },
    { name: 'for', type: 'string', usage: 'Only the events of this object (TYPE/NAME).' },
    { name: 'no-headers', type: 'bool', usage: 'Leave out the column headers.' },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format: json, yaml or name.' },
    { name: 'types', type: 'stringSlice', usage: 'Only events of these types (Normal, Warning).' },
    { name: 'watch', short: 'w', type: 'bool', usage: 'After listing, keep printing new events.' },
  ],
  *run(ctx) {
    const f = ctx.flags;
    const allNamespaces = f.bool('all-namespaces');
    let forKind: string | undefined;
    let forName: string | undefined;
    const forObject = f.string('for');
    if (forObject) {
      if (!forObject.includes('/')) return yield* ctx.fail('--for must be in resource/name form');
      const seg = forObject.split('/');
      if (seg.length !== 2)
        return yield* ctx.fail('arguments in resource/name form may not have more than one slash');
      const info = resolveResource(seg[0]);
      if (!info) return yield* ctx.fail(unknownTypeError(seg[0]));
      forKind = info.kind;
      forName = seg[1];
    }
    const types = [...new Set(f.strings('types'))].sort();
    for (const t of types)
      if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning')
        return yield* ctx.fail('valid --types are Normal or Warning');
    const output = f.string('output');
    if (output && !['json', 'yaml', 'name'].includes(output))
      // @simplified: only json, yaml and name are offered as events output formats.
      return yield* ctx.fail(
        `unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,yaml`,
      );
    const matches = (e: Event) =>
      (allNamespaces || e.metadata?.namespace === ctx.namespace) &&
      (forKind === undefined ||
        (e.involvedObject.kind === forKind && e.involvedObject.name === forName)) &&
      (types.length === 0 || types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase()));
    const server = ctx.cluster.server;
    const noHeaders = f.bool('no-headers');
    const writer = createTableWriter();
    let headersPrinted = false;
    let printedObjects = 0;
    const print = (events: Event[]): string => {
      if (output === 'name') return events.map((e) => `event/${e.metadata?.name}\n`).join('');
      if (output === 'yaml' || output === 'json') {
        if (ctx.flags.bool('watch'))
          // One object at a time; the YAML printer separates documents after the first.
          return events
            .map((e) => {
              const text = output === 'yaml' ? printYaml(e) : printJson(e);
              return output === 'yaml' && printedObjects++ > 0 ? `---\n${text}` : text;
            })
            .join('');
        // @simplified: events inside the list keep the store's key order in -o json.
        const list = { kind: 'EventList', apiVersion: 'v1', metadata: {}, items: events };
        return output === 'yaml' ? printYaml(list) : printJson(list, { sortKeys: false });
      }
      let text = '';
      if (!noHeaders && !headersPrinted) {
        text += `${allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`;
        headersPrinted = true;
      }
      const now = ctx.cluster.now();
      for (const e of events) text += row(e, now, allNamespaces);
      writer.write(text);
      writer.flush();
      return writer.takeOutput();
    };

    if (f.bool('watch')) {
      // A watch without a resourceVersion starts with every current event, then new ones.
      const queue: Event[] = (
        server.list('Event', {
          namespace: allNamespaces ? undefined : ctx.namespace,
        }) as unknown as Event[]
      ).filter(matches);
      const changed = new Notifier();
      const stop = server.watch('Event', (ev) => {
        if (ev.type === 'DELETED') return;
        const e = ev.object as unknown as Event;
        if (!matches(e)) return;
        queue.push(e);
        changed.notify();
      });
      try {
        for (;;) {
          while (queue.length > 0) {
            const e = queue.shift()!;
            if (!(yield* ctx.out(print([e])))) return 1;
          }
          yield { on: [changed] } as Block;
        }
      } finally {
        stop();
      }
    }

    const events = (
      server.list('Event', {
        namespace: allNamespaces ? undefined : ctx.namespace,
      }) as unknown as Event[]
    ).filter(matches);
    if (events.length === 0) {
      yield* ctx.err(
        allNamespaces ? 'No events found.\n' : `No events found in ${ctx.namespace} namespace.\n`,
      );
      return 0;
    }
    // sort.Sort is not stable; equal times keep list order here.
    const sorted = events
      .map((e, i) => ({ e, i }))
      .sort((a, b) => eventTime(a.e) - eventTime(b.e) || a.i - b.i)
      .map((x) => x.e);
    yield* ctx.out(print(sorted));
    return 0;
  },
};
