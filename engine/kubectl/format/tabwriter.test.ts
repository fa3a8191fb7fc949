import { describe, expect, it } from 'vitest';
import {
  ALIGN_RIGHT,
  DEBUG,
  DISCARD_EMPTY_COLUMNS,
  TabWriter,
  createDescribeWriter,
  createTableWriter,
  runeCount,
  tabFormat,
} from './tabwriter';

const opts = (minwidth: number, tabwidth: number, padding: number, padchar: string, flags = 0) => ({
  minwidth,
  tabwidth,
  padding,
  padchar,
  flags,
});

describe('TabWriter (Go text/tabwriter semantics)', () => {
  it('pads with tabs to tab stops (Go ExampleWriter_Init, first part)', () => {
    expect(
      tabFormat('a\tb\tc\td\t.\n123\t12345\t1234567\t123456789\t.\n\n', opts(0, 8, 0, '\t')),
    ).toBe('a\tb\tc\td\t\t.\n123\t12345\t1234567\t123456789\t.\n\n');
  });

  it('right-aligns with a minimal width (Go ExampleWriter_Init, second part)', () => {
    expect(
      tabFormat(
        'a\tb\tc\td\t.\n123\t12345\t1234567\t123456789\t.\n\n',
        opts(5, 0, 1, ' ', ALIGN_RIGHT),
      ),
    ).toBe('    a     b       c         d.\n  123 12345 1234567 123456789.\n\n');
  });

  it('columns are blocks of consecutive lines (Go Example_elastic)', () => {
    expect(
      tabFormat(
        'a\tb\tc\naa\tbb\tcc\naaa\t\naaaa\tdddd\teeee\n',
        opts(0, 0, 1, '.', ALIGN_RIGHT | DEBUG),
      ),
    ).toBe('....a|..b|c\n...aa|.bb|cc\n..aaa|\n.aaaa|.dddd|eeee\n');
  });

  it('a final cell without a trailing tab is not aligned (Go Example_trailingTab)', () => {
    const text = 'a\tb\taligned\t\naa\tbb\taligned\t\naaa\tbbb\tunaligned\naaaa\tbbbb\taligned\t\n';
    expect(tabFormat(text, opts(0, 0, 3, '-', ALIGN_RIGHT | DEBUG))).toBe(
      '------a|------b|---aligned|\n-----aa|-----bb|---aligned|\n----aaa|----bbb|unaligned\n---aaaa|---bbbb|---aligned|\n',
    );
  });

  it('kubectl tables: min width 6, padding 3, last column unpadded, empty cells padded', () => {
    const w = createTableWriter();
    w.write('NAME\tSTATUS\tDURATION\tAGE\nx\tSuspended\t\t10s\n');
    w.flush();
    expect(w.takeOutput()).toBe(
      'NAME   STATUS      DURATION   AGE\nx      Suspended              10s\n',
    );
  });

  it('a line without tabs flushes, so alignment restarts after it', () => {
    const w = createDescribeWriter();
    w.write('Name:\tx\nLonger label:\ty\nPod Template:\n  Labels:\tz\n');
    w.flush();
    expect(w.takeOutput()).toBe(
      'Name:          x\nLonger label:  y\nPod Template:\n  Labels:  z\n',
    );
  });

  it('cell widths count runes, not UTF-16 units or bytes', () => {
    expect(runeCount('😀ü')).toBe(2);
    expect(tabFormat('😀\tx\nab\ty\n', opts(0, 8, 1, ' '))).toBe('😀  x\nab y\n');
  });

  it('RememberWidths keeps columns aligned across flushes (kubectl get -w)', () => {
    const w = createTableWriter();
    w.write('NAME\tREADY\tSTATUS\nweb-1\t0/1\tPending\n');
    w.flush();
    expect(w.takeOutput()).toBe('NAME    READY   STATUS\nweb-1   0/1     Pending\n');
    w.write('w\t1/1\tRunning\n');
    w.flush();
    expect(w.takeOutput()).toBe('w       1/1     Running\n');
    w.write('a-much-longer-name\t1/1\tRunning\n');
    w.flush();
    expect(w.takeOutput()).toBe('a-much-longer-name   1/1     Running\n');
    w.write('short\t1/1\tRunning\n');
    w.flush();
    expect(w.takeOutput()).toBe('short                1/1     Running\n');
    expect(w.rememberedWidths()).toEqual([21, 8]);
    w.setRememberedWidths(null);
    w.write('short\t1/1\tRunning\n');
    w.flush();
    expect(w.takeOutput()).toBe('short   1/1   Running\n');
  });

  it('without RememberWidths each flush sizes columns afresh', () => {
    const w = new TabWriter(opts(0, 8, 2, ' '));
    w.write('long-name\tx\n');
    w.flush();
    w.write('a\ty\n');
    w.flush();
    expect(w.takeOutput()).toBe('long-name  x\na  y\n');
  });

  it('DiscardEmptyColumns drops all-empty columns', () => {
    // Only "soft" cells (ended by \v) can be discarded; tab-terminated empty cells keep padding.
    expect(tabFormat('a\t\vb\nc\t\vd\n', opts(0, 8, 1, ' ', DISCARD_EMPTY_COLUMNS))).toBe(
      'a b\nc d\n',
    );
    expect(tabFormat('a\t\tb\nc\t\td\n', opts(0, 8, 1, ' ', DISCARD_EMPTY_COLUMNS))).toBe(
      'a  b\nc  d\n',
    );
  });

  it('vertical tab ends a cell; form feed forces a flush', () => {
    expect(tabFormat('a\vb\nccc\vd\n', opts(0, 8, 1, ' '))).toBe('a   b\nccc d\n');
    expect(tabFormat('a\tb\fccc\td\n', opts(0, 8, 1, ' '))).toBe('a b\nccc d\n');
  });

  it('text after the last newline is kept until flush', () => {
    const w = createTableWriter();
    w.write('a\tb\npartial');
    expect(w.takeOutput()).toBe('');
    w.flush();
    expect(w.takeOutput()).toBe('a     b\npartial');
  });
});
