/**
 * kubectl describe's PrefixWriter over a Go tab writer (kubectl pkg/describe/describe.go:
 * NewPrefixWriter, tabbedString): each level indents two spaces; everything goes through a
 * tabwriter with minwidth 0, tabwidth 8, padding 2, so `Label:\tvalue` lines align per block.
 */
import { createDescribeWriter, type TabWriter } from '../../format/tabwriter';
import { escapeTerminal } from '../tableprinter';

/** Indentation level 0 (describe.go LEVEL_0): no indent. */
export const LEVEL_0 = 0;
/** Indentation level 1: two spaces. */
export const LEVEL_1 = 1;
/** Indentation level 2: four spaces. */
export const LEVEL_2 = 2;
/** Indentation level 3: six spaces. */
export const LEVEL_3 = 3;
/** Indentation level 4: eight spaces. */
export const LEVEL_4 = 4;

/** Writes prefixed, terminal-escaped text into a describe tab writer. */
export class PrefixWriter {
  constructor(private readonly out: TabWriter) {}

  /** Writes `text` indented by `level` × 2 spaces (the text carries its own tabs/newlines). */
  write(level: number, text: string): void {
    this.out.write(escapeTerminal('  '.repeat(level) + text));
  }

  /** fmt.Sprintln of the parts: space-joined plus a newline. */
  writeLine(...parts: string[]): void {
    this.out.write(escapeTerminal(parts.join(' ') + '\n'));
  }

  /** Formats what was written so far (describe flushes before the Events table). */
  flush(): void {
    this.out.flush();
  }
}

/** describe.go#tabbedString: runs `fn` against a fresh writer and returns the aligned text. */
export function tabbedString(fn: (w: PrefixWriter) => void): string {
  const tab = createDescribeWriter();
  fn(new PrefixWriter(tab));
  tab.flush();
  return tab.takeOutput();
}
