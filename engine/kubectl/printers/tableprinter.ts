/**
 * kubectl's side of table printing (cli-runtime pkg/printers/tableprinter.go and
 * kubectl pkg/cmd/get/get.go): header upper-casing, priority-1 columns only with `-o wide`,
 * NAMESPACE / label / LABELS columns, `kind.group/` name prefixes, the watch EVENT column,
 * the blank line between kinds, and the tab writer with remembered widths.
 */
import type { KubeObject } from '../../api/object';
import { resourceForKind } from '../../api/resources';
import { formatLabels } from '../format/labels';
import { createTableWriter, type TabWriter } from '../format/tabwriter';
import type { Table, TableCell, TableColumnDefinition, TableRow } from './table';
import { generateTable } from './tables';

/** cli-runtime printers.PrintOptions, the subset kubectl get uses. */
export interface TablePrintOptions {
  noHeaders?: boolean;
  /** `-o wide`: include priority-1 columns. */
  wide?: boolean;
  /** `-A`: prepend NAMESPACE (ignored for cluster-scoped kinds by the callers). */
  withNamespace?: boolean;
  /** `--show-labels`. */
  showLabels?: boolean;
  /** `-L key1,key2`. */
  columnLabels?: readonly string[];
  /** Prefix names with `kind.group/` (several kinds, or `get all`). */
  withKind?: boolean;
  /** The GroupKind string of the rows, `Job.batch` or `Pod`, used with `withKind`. */
  kind?: string;
}

/** Watch event types as kubectl pads them in the EVENT column (tableprinter.go#formatEventType). */
const FORMATTED_EVENT_TYPE: Record<string, string> = {
  ADDED: 'ADDED   ',
  MODIFIED: 'MODIFIED',
  DELETED: 'DELETED ',
  ERROR: 'ERROR   ',
};

/** Go's fmt.Sprint of a cell value. */
function cellText(cell: TableCell): string {
  if (cell === null) return '';
  return String(cell);
}

/** printers.EscapeTerminal: ESC and CR are shown, not interpreted. */
export function escapeTerminal(text: string): string {
  if (text.indexOf('\x1b') < 0 && text.indexOf('\r') < 0) return text;
  return text.split('\u001b').join('^[').split('\r').join('\\r');
}

/** tableprinter.go#formatLabelHeaders: last path segment, upper-cased. */
function formatLabelHeader(key: string): string {
  const parts = key.split('/');
  return parts[parts.length - 1].toUpperCase();
}

/** tableprinter.go#decorateTable: adds NAMESPACE, label columns and `kind/` prefixes. */
export function decorateTable(table: Table, options: TablePrintOptions): Table {
  const columnLabels = options.columnLabels ?? [];
  let columns = table.columnDefinitions;
  let nameColumn = -1;
  if (options.withKind && options.kind) {
    nameColumn = columns.findIndex((c) => c.format === 'name' && c.type === 'string');
  }
  const extra =
    columnLabels.length + (options.withNamespace ? 1 : 0) + (options.showLabels ? 1 : 0);
  if (extra > 0) {
    const plain = (name: string): TableColumnDefinition => ({
      name,
      type: 'string',
      format: '',
      description: '',
      priority: 0,
    });
    columns = [
      ...(options.withNamespace ? [plain('Namespace')] : []),
      ...table.columnDefinitions,
      ...columnLabels.map((label) => plain(formatLabelHeader(label))),
      ...(options.showLabels ? [plain('Labels')] : []),
    ];
  }
  const includeLabels = columnLabels.length > 0 || !!options.showLabels;
  if (!includeLabels && !options.withNamespace && nameColumn === -1) {
    return { columnDefinitions: columns, rows: table.rows };
  }
  const prefix = options.kind ? options.kind.toLowerCase() : '';
  const rows: TableRow[] = table.rows.map((row) => {
    let cells = row.cells.slice();
    if (nameColumn !== -1) cells[nameColumn] = `${prefix}/${cellText(cells[nameColumn])}`;
    const meta = row.object?.metadata;
    if (options.withNamespace) cells = [meta?.namespace ?? '', ...cells];
    if (includeLabels) {
      const labels = meta?.labels ?? {};
      for (const key of columnLabels) cells.push(labels[key] ?? '');
      if (options.showLabels) cells.push(formatLabels(labels));
    }
    return { cells, object: row.object };
  });
  return { columnDefinitions: columns, rows };
}

/**
 * tableprinter.go#printTable: the tab-separated text of a decorated table. Headers are skipped
 * when there are no rows. String cells are cut at the first line break with `...` appended.
 */
export function tableText(table: Table, options: TablePrintOptions, eventType?: string): string {
  const wide = !!options.wide;
  const out: string[] = [];
  const columns = table.columnDefinitions;
  const visible: number[] = [];
  for (let i = 0; i < columns.length; i++) if (wide || columns[i].priority === 0) visible.push(i);
  const event =
    eventType === undefined ? undefined : (FORMATTED_EVENT_TYPE[eventType] ?? eventType);
  if (!options.noHeaders) {
    if (table.rows.length === 0) return '';
    const headers = visible.map((i) => columns[i].name.toUpperCase());
    if (event !== undefined) headers.unshift('EVENT');
    out.push(headers.join('\t'), '\n');
  }
  for (const row of table.rows) {
    const cells: string[] = [];
    if (event !== undefined) cells.push(event);
    for (const i of visible) {
      // A server sending more cells than columns is tolerated; missing cells print empty.
      const cell = i < row.cells.length ? row.cells[i] : null;
      if (typeof cell === 'string') {
        const brk = cell.search(/[\f\n\r]/);
        cells.push(brk >= 0 ? escapeTerminal(cell.slice(0, brk)) + '...' : escapeTerminal(cell));
      } else {
        cells.push(escapeTerminal(cellText(cell)));
      }
    }
    out.push(cells.join('\t'), '\n');
  }
  return out.join('');
}

/** The GroupKind string kubectl prints (`Job.batch`, `Pod`) for an object's kind. */
export function groupKindOf(kind: string, apiVersion?: string): string {
  const info = resourceForKind(kind);
  let group = info?.group;
  if (group === undefined && apiVersion) {
    const slash = apiVersion.indexOf('/');
    group = slash >= 0 ? apiVersion.slice(0, slash) : '';
  }
  return group ? `${kind}.${group}` : kind;
}

/**
 * A stateful human-readable printer writing through one tab writer, as `kubectl get` and
 * `kubectl get -w` do: headers are printed once per column set; widths are remembered across
 * flushes so watch rows stay aligned with the initial table.
 */
export class HumanReadablePrinter {
  private readonly writer: TabWriter;
  private lastColumns: readonly TableColumnDefinition[] | undefined;
  private printedHeaders = false;

  constructor(
    private readonly options: TablePrintOptions,
    writer?: TabWriter,
  ) {
    this.writer = writer ?? createTableWriter();
  }

  /** Prints a table (optionally as a watch event); text appears on `flush`. */
  printTable(table: Table, eventType?: string): void {
    const local: TablePrintOptions = { ...this.options };
    const sameColumns =
      this.lastColumns !== undefined && sameDefinitions(this.lastColumns, table.columnDefinitions);
    if (this.printedHeaders && (table.columnDefinitions.length === 0 || sameColumns)) {
      local.noHeaders = true;
    }
    if (table.columnDefinitions.length === 0 && this.lastColumns) {
      table = { columnDefinitions: [...this.lastColumns], rows: table.rows };
    } else if (!sameColumns) {
      this.lastColumns = table.columnDefinitions;
      this.printedHeaders = false;
    }
    if (table.rows.length > 0) this.printedHeaders = true;
    this.writer.write(tableText(decorateTable(table, local), local, eventType));
  }

  /** Formats what was printed and returns the text. */
  flush(): string {
    this.writer.flush();
    return this.writer.takeOutput();
  }
}

function sameDefinitions(
  a: readonly TableColumnDefinition[],
  b: readonly TableColumnDefinition[],
): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.name !== y.name || x.type !== y.type || x.format !== y.format) return false;
    if (x.priority !== y.priority || x.description !== y.description) return false;
  }
  return true;
}

/** Options of {@link printTable}: print options plus the virtual time. */
export interface GetTableOptions extends Omit<TablePrintOptions, 'kind'> {
  now: number;
}

/**
 * `kubectl get` human-readable output for objects, as kubectl prints them: objects are grouped
 * into consecutive runs of the same kind (in the given order); each run gets its own header, a
 * fresh set of remembered widths, and a blank line before it when something was already
 * printed and headers are on (get.go#Run). `-A` is ignored for cluster-scoped kinds.
 */
export function printTable(objects: readonly KubeObject[], options: GetTableOptions): string {
  const writer = createTableWriter();
  let out = '';
  let index = 0;
  let first = true;
  while (index < objects.length) {
    const kind = objects[index].kind;
    let end = index + 1;
    while (end < objects.length && objects[end].kind === kind) end++;
    const group = objects.slice(index, end);
    index = end;
    writer.flush();
    out += writer.takeOutput();
    writer.setRememberedWidths(null);
    if (!first && !options.noHeaders && out.length > 0) out += '\n';
    first = false;
    const info = resourceForKind(kind);
    const printer = new HumanReadablePrinter(
      {
        ...options,
        withNamespace: options.withNamespace && (info ? info.namespaced : true),
        kind: groupKindOf(kind, group[0].apiVersion),
      },
      writer,
    );
    printer.printTable(generateTable(kind, group, options.now));
  }
  writer.flush();
  return out + writer.takeOutput();
}

/**
 * A watch printer for `kubectl get -w` of one kind: `initial(objects)` prints the first table,
 * `event(type, object)` prints one row (with `--output-watch-events` the EVENT column), each
 * returning the text kubectl writes at that moment; widths stay remembered throughout.
 */
export function createWatchPrinter(
  kind: string,
  options: GetTableOptions & { outputWatchEvents?: boolean },
): {
  initial(objects: readonly KubeObject[]): string;
  event(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: KubeObject, now: number): string;
} {
  const info = resourceForKind(kind);
  const printer = new HumanReadablePrinter({
    ...options,
    withNamespace: options.withNamespace && (info ? info.namespaced : true),
    kind: groupKindOf(kind),
  });
  const watchEvents = !!options.outputWatchEvents;
  return {
    initial(objects) {
      printer.printTable(
        generateTable(kind, objects, options.now),
        watchEvents ? 'ADDED' : undefined,
      );
      return printer.flush();
    },
    event(type, object, now) {
      printer.printTable(generateTable(kind, [object], now), watchEvents ? type : undefined);
      return printer.flush();
    },
  };
}

/**
 * The message `kubectl get` writes to stderr when nothing matched (get.go#Run): namespaced
 * lists name the namespace; cluster-scoped kinds and `-A` do not.
 */
export function noResourcesFound(namespace: string | undefined, allNamespaces = false): string {
  return namespace && !allNamespaces
    ? `No resources found in ${namespace} namespace.\n`
    : 'No resources found\n';
}
