/**
 * `wc [-lwmcL] [FILE]...` (busybox coreutils/wc.c; GNU coreutils wc). Columns are lines, words,
 * characters, bytes, longest line. Busybox pads every column to 9 except a lone count for at
 * most one file; GNU pads all columns to one width: the digits of the regular files' total size,
 * at least 7 when an input is not a regular file (a pipe), and 1 for a single count of a
 * single input.
 */
import { defineApplet } from './applet';
import { quoteGnu, strerror } from './common';
import { absPath, fdSource, dataSource, Output, work, type Source } from './io';

/** Counts of one input, in output column order. */
export interface WcCounts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  longest: number;
}

/** Incremental counter (state carries across chunks, as getc() does). */
export class WcCounter {
  readonly counts: WcCounts = { lines: 0, words: 0, chars: 0, bytes: 0, longest: 0 };
  private inWord = false;
  private linepos = 0;

  constructor(
    private readonly gnu: boolean,
    private readonly utf8 = false,
  ) {}

  /** Feeds bytes. */
  push(chunk: string): void {
    const c = this.counts;
    c.bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk.charCodeAt(i);
      // Characters: every byte that is not a UTF-8 continuation byte.
      if (!this.utf8 || (b & 0xc0) !== 0x80) c.chars++;
      if (b > 0x20 && b < 0x7f) {
        this.linepos++;
        this.inWord = true;
        continue;
      }
      if (b === 0x20) {
        this.linepos++;
      } else if (b >= 9 && b <= 13) {
        if (b === 9) this.linepos = (this.linepos | 7) + 1;
        else {
          if (this.linepos > c.longest) c.longest = this.linepos;
          if (b === 10) c.lines++;
          if (b !== 11) this.linepos = 0;
        }
      } else {
        // Other bytes neither start nor end words in busybox; GNU counts them as word bytes.
        if (this.gnu) this.inWord = true;
        continue;
      }
      if (this.inWord) c.words++;
      this.inWord = false;
    }
  }

  /** Ends the input (an EOF ends a word and a line's length). */
  end(): WcCounts {
    const c = this.counts;
    if (this.linepos > c.longest) c.longest = this.linepos;
    if (this.inWord) c.words++;
    this.inWord = false;
    return c;
  }
}

const COLUMNS: Array<[keyof WcCounts, string]> = [
  ['lines', 'l'],
  ['words', 'w'],
  ['chars', 'm'],
  ['bytes', 'c'],
  ['longest', 'L'],
];

export const wc = defineApplet(
  {
    name: 'wc',
    busybox: { short: 'lwmcL' },
    gnu: {
      short: 'clLmw',
      long: {
        bytes: { key: 'c' },
        chars: { key: 'm' },
        lines: { key: 'l' },
        'max-line-length': { key: 'L' },
        words: { key: 'w' },
        total: { key: 'total', arg: 'required' },
      },
    },
    usage: {
      synopsis: '[-cmlwL] [FILE]...',
      help:
        'Count lines, words and bytes of each FILE (or stdin)\n\n' +
        '\t-c\tBytes\n\t-m\tCharacters\n\t-l\tNewlines\n\t-w\tWords\n\t-L\tLength of the longest line',
    },
    gnuSynopsis: '[OPTION]... [FILE]...',
  },
  function* (a, opts) {
    let shown = COLUMNS.filter(([, flag]) => opts.has(flag));
    if (shown.length === 0)
      shown = COLUMNS.filter(([k]) => k === 'lines' || k === 'words' || k === 'bytes');
    const names = opts.operands.length ? opts.operands : ['-'];
    const named = opts.operands.length > 0;
    const proc = a.proc;
    // Characters are multibyte only in a UTF-8 locale (busybox init_unicode, GNU mbrtowc).
    const locale = proc.env.get('LC_ALL') || proc.env.get('LC_CTYPE') || proc.env.get('LANG') || '';
    const utf8 = /utf-?8/i.test(locale);

    // Open everything first: GNU sizes its columns from the inputs' types and sizes.
    const inputs: Array<{
      name: string;
      source?: Source;
      regular: boolean;
      size: number;
      error?: string;
      dir?: boolean;
    }> = [];
    for (const name of names) {
      if (name === '-') {
        // A shell redirection from a file describes its fd as "file:PATH"; pipes and
        // terminals are not regular files.
        const desc = proc.fd(0);
        const regular = desc?.describe.startsWith('file') ?? false;
        inputs.push({ name, source: fdSource(proc, 0), regular, size: 0 });
        continue;
      }
      const st = proc.ns.fs.stat(absPath(proc, name));
      if (!st.ok) {
        inputs.push({ name, regular: false, size: 0, error: strerror(st.errno) });
        continue;
      }
      if (st.value.type === 'dir') {
        inputs.push({ name, regular: false, size: 0, dir: true, source: dataSource('') });
        continue;
      }
      const data = proc.ns.fs.readFile(absPath(proc, name));
      inputs.push({
        name,
        source: dataSource(data.ok ? data.value : ''),
        regular: true,
        size: st.value.size,
      });
    }

    let width: number;
    let firstWidth: number;
    if (a.gnu) {
      width = 1;
      let minimum = 1;
      let total = 0;
      for (const i of inputs) {
        if (i.error) continue;
        if (!i.regular) minimum = 7;
        else total += i.size;
      }
      for (; total >= 10; total = Math.floor(total / 10)) width++;
      width = Math.max(width, minimum);
      // get_input_fstatus skips stat() for one input with one count: no padding then.
      if (shown.length === 1 && names.length === 1) width = 1;
      firstWidth = width;
    } else {
      width = 9;
      firstWidth = names.length <= 1 && shown.length === 1 ? 0 : 9;
    }

    const out = new Output(proc);
    const totals: WcCounts = { lines: 0, words: 0, chars: 0, bytes: 0, longest: 0 };
    let status = 0;
    const line = (counts: WcCounts, label: string | undefined) => {
      const cols = shown.map(([k], i) => {
        const w = i === 0 ? firstWidth : width;
        return String(counts[k]).padStart(w);
      });
      out.write(cols.join(' ') + (label !== undefined ? ` ${label}` : '') + '\n');
    };
    for (const input of inputs) {
      if (input.error) {
        yield* a.error(`${a.gnu ? quoteGnu(input.name) : input.name}: ${input.error}`);
        status = 1;
        continue;
      }
      if (input.dir) {
        yield* a.error(`${a.gnu ? quoteGnu(input.name) : input.name}: Is a directory`);
        status = 1;
      }
      const counter = new WcCounter(a.gnu, utf8);
      const source = input.source!;
      for (let chunk = yield* source.next(); chunk !== null; chunk = yield* source.next()) {
        counter.push(chunk);
        yield* work(proc, Math.ceil(chunk.length / 512));
      }
      const counts = counter.end();
      for (const [k] of COLUMNS) {
        if (k === 'longest') totals.longest = Math.max(totals.longest, counts.longest);
        else totals[k] += counts[k];
      }
      line(counts, named ? input.name : undefined);
      if (out.full && !(yield* out.flush())) return 1;
    }
    if (names.length > 1) line(totals, 'total');
    if (!(yield* out.flush())) return 1;
    return status;
  },
);
