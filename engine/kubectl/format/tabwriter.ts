/**
 * Go's text/tabwriter, as forked by liggitt/tabwriter (the fork kubectl vendors) with the
 * RememberWidths flag, so rows written in later flushes (`kubectl get -w`) keep the column widths
 * of earlier ones. Re-implemented from the algorithm: cells are tab-terminated, a column block is
 * a run of consecutive lines that have a cell in that column, and a line without any tab flushes
 * the buffer (so alignment starts over after it).
 */

/** Pad cells on the left instead of the right. */
export const ALIGN_RIGHT = 1 << 2;
/** Columns whose cells are all empty get width 0. */
export const DISCARD_EMPTY_COLUMNS = 1 << 3;
/** Print a vertical bar between columns (Go's Debug flag). */
export const DEBUG = 1 << 5;
/** Keep the widest width seen per column across flushes (liggitt fork). */
export const REMEMBER_WIDTHS = 1 << 6;

/** Construction parameters, named as in Go's tabwriter.NewWriter. */
export interface TabWriterOptions {
  minwidth: number;
  tabwidth: number;
  padding: number;
  padchar: string;
  flags: number;
}

interface Cell {
  /** The cell text. */
  text: string;
  /** Width in runes (Unicode code points), as utf8.RuneCount. */
  width: number;
  /** Terminated by a horizontal tab. */
  htab: boolean;
}

/** Number of code points: Go measures cell width with utf8.RuneCount. */
export function runeCount(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is one rune but two UTF-16 units.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/**
 * A stateful tab writer. `write` buffers text (flushing by itself after a tab-less line, as Go
 * does); `flush` formats what is buffered; `takeOutput` returns everything emitted so far.
 */
export class TabWriter {
  private readonly minwidth: number;
  private readonly tabwidth: number;
  private readonly padding: number;
  private readonly padchar: string;
  private readonly flags: number;
  private lines: Cell[][] = [[]];
  private cellText = '';
  private widths: number[] = [];
  private maxwidths: number[] = [];
  private out: string[] = [];

  constructor(options: TabWriterOptions) {
    this.minwidth = options.minwidth;
    this.tabwidth = options.tabwidth;
    this.padding = options.padding;
    this.padchar = options.padchar;
    this.flags = options.padchar === '\t' ? options.flags & ~ALIGN_RIGHT : options.flags;
  }

  /** Appends text; cells end at `\t` or `\v`, lines at `\n` or `\f`. */
  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      // \t \v \n \f
      if (ch !== 9 && ch !== 11 && ch !== 10 && ch !== 12) continue;
      this.cellText += text.slice(start, i);
      start = i + 1;
      const cells = this.terminateCell(ch === 9);
      if (ch === 10 || ch === 12) {
        this.lines.push([]);
        if (ch === 12 || cells === 1) this.flush();
      }
    }
    this.cellText += text.slice(start);
  }

  /** Formats and emits everything buffered. */
  flush(): void {
    if (this.cellText.length > 0) this.terminateCell(false);
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.cellText = '';
    this.widths = [];
  }

  /** Returns (and forgets) the text emitted so far. */
  takeOutput(): string {
    const text = this.out.join('');
    this.out = [];
    return text;
  }

  /** A copy of the remembered per-column maximum widths. */
  rememberedWidths(): number[] {
    return this.maxwidths.slice();
  }

  /** Replaces the remembered widths (kubectl resets them to nil between resource kinds). */
  setRememberedWidths(widths: readonly number[] | null): void {
    this.maxwidths = widths ? widths.slice() : [];
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1];
    line.push({ text: this.cellText, width: runeCount(this.cellText), htab });
    this.cellText = '';
    return line.length;
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= this.lines[current].length - 1) continue;
      // A cell exists in this column: print the lines before the block, then size the block.
      this.writeLines(line0, current);
      line0 = current;
      let width = this.minwidth;
      let discardable = true;
      for (; current < line1; current++) {
        const line = this.lines[current];
        if (column >= line.length - 1) break;
        const c = line[column];
        if (c.width + this.padding > width) width = c.width + this.padding;
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable && this.flags & DISCARD_EMPTY_COLUMNS) width = 0;
      if (this.flags & REMEMBER_WIDTHS) {
        const max = this.maxwidths;
        if (max.length < this.widths.length) max.push(...this.widths.slice(max.length));
        if (max.length === this.widths.length) max.push(width);
        else if (max[column] > width) width = max[column];
        else if (max[column] < width) max[column] = width;
      }
      this.widths.push(width);
      this.format(line0, current);
      this.widths.pop();
      line0 = current;
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    const out = this.out;
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      for (let j = 0; j < line.length; j++) {
        if (j > 0 && this.flags & DEBUG) out.push('|');
        const c = line[j];
        const hasWidth = j < this.widths.length;
        if (c.text.length > 0 && this.flags & ALIGN_RIGHT) {
          if (hasWidth) out.push(this.padding_(c.width, this.widths[j]));
          out.push(c.text);
          continue;
        }
        out.push(c.text);
        if (hasWidth) out.push(this.padding_(c.width, this.widths[j]));
      }
      // The last buffered line has no newline yet: its pending text is emitted by the caller.
      if (i + 1 === this.lines.length) {
        out.push(this.cellText);
        this.cellText = '';
      } else {
        out.push('\n');
      }
    }
  }

  private padding_(textw: number, cellw: number): string {
    if (this.padchar === '\t') {
      if (this.tabwidth === 0) return '';
      const rounded = Math.ceil(cellw / this.tabwidth) * this.tabwidth;
      return '\t'.repeat(Math.ceil((rounded - textw) / this.tabwidth));
    }
    return cellw > textw ? this.padchar.repeat(cellw - textw) : '';
  }
}

/** kubectl's table writer (cli-runtime printers.GetNewTabWriter): 6, 4, 3, ' ', RememberWidths. */
export function createTableWriter(): TabWriter {
  return new TabWriter({
    minwidth: 6,
    tabwidth: 4,
    padding: 3,
    padchar: ' ',
    flags: REMEMBER_WIDTHS,
  });
}

/** The describe writer (kubectl describe.go#tabbedString): 0, 8, 2, ' ', no flags. */
export function createDescribeWriter(): TabWriter {
  return new TabWriter({ minwidth: 0, tabwidth: 8, padding: 2, padchar: ' ', flags: 0 });
}

/** Formats a whole text in one go with the given writer settings. */
export function tabFormat(text: string, options: TabWriterOptions): string {
  const writer = new TabWriter(options);
  writer.write(text);
  writer.flush();
  return writer.takeOutput();
}
