/**
 * A terminal's line discipline (cooked mode): echoes typed characters, handles Backspace,
 * Ctrl-U, Ctrl-C (SIGINT to the foreground process group), Ctrl-\ (SIGQUIT) and Ctrl-D (EOF),
 * and hands complete lines to the reader. Used for container TTYs (`kubectl run -ti`, `exec -ti`).
 */
import { FileDescription, type Kernel, type ProcessNamespace, type Terminal } from './kernel';
import { Notifier } from './notifier';
import { callbackWriter, type ReadEnd } from './streams';

/**
 * The terminal's input queue. Unlike a pipe, an end of file (Ctrl-D on an empty line) is a
 * one-shot event: the reader sees it once and the terminal keeps working afterwards, as on Linux.
 */
class TtyInput implements ReadEnd {
  /** Typed data, and `null` for each pending end of file. */
  private items: Array<string | null> = [];
  private hungUp = false;
  readonly readable = new Notifier();

  push(item: string | null): void {
    if (this.hungUp || item === '') return;
    this.items.push(item);
    this.readable.notify();
  }

  hangup(): void {
    this.hungUp = true;
    this.readable.notify();
  }

  read(max = Infinity): string | null | undefined {
    if (this.items.length === 0) return this.hungUp ? null : undefined;
    if (this.items[0] === null) {
      this.items.shift();
      return null;
    }
    let out = '';
    while (this.items.length > 0 && this.items[0] !== null && out.length < max) {
      const chunk = this.items[0] as string;
      const want = max - out.length;
      if (chunk.length <= want) {
        out += chunk;
        this.items.shift();
      } else {
        out += chunk.slice(0, want);
        this.items[0] = chunk.slice(want);
      }
    }
    return out;
  }

  close(): void {}
}

/** A terminal device: keyboard input in, screen output out. */
export class Tty implements Terminal {
  foregroundPgid?: number;
  columns = 80;
  rows = 24;
  private input = new TtyInput();
  private line = '';
  /** When false, keys go to the reader unprocessed (raw mode). */
  canonical = true;
  echo = true;
  /** ISIG: Ctrl-C and Ctrl-\\ signal the foreground group (off in a full raw mode, e.g. kubectl -t). */
  isig = true;
  /** The description processes use as fds 0, 1 and 2. */
  readonly description: FileDescription;

  constructor(
    private readonly kernel: Kernel,
    private readonly ns: ProcessNamespace,
    /** Receives everything written to the screen. */
    private readonly screen: (data: string) => void,
  ) {
    this.description = new FileDescription(
      this.input,
      callbackWriter((d) => this.output(d)),
      'tty',
      this,
    );
  }

  private output(data: string): void {
    // ONLCR: the terminal turns "\n" into "\r\n".
    this.screen(data.replace(/\r?\n/g, '\r\n'));
  }

  /** Feeds keyboard input (a byte string). */
  type(data: string): void {
    if (!this.canonical) {
      for (const ch of data) if (!(this.isig && this.signalKey(ch))) this.input.push(ch);
      return;
    }
    for (const ch of data) {
      if (this.isig && this.signalKey(ch)) continue;
      if (ch === '\r' || ch === '\n') {
        if (this.echo) this.screen('\r\n');
        this.input.push(this.line + '\n');
        this.line = '';
      } else if (ch === '\x7f' || ch === '\b') {
        if (this.line.length > 0) {
          this.line = this.line.slice(0, -1);
          if (this.echo) this.screen('\b \b');
        }
      } else if (ch === '\x15') {
        if (this.echo) this.screen('\b \b'.repeat(this.line.length));
        this.line = '';
      } else if (ch === '\x04') {
        // VEOF: the pending line is delivered as is; on an empty line the reader sees end of
        // file once (read returns 0), and the terminal stays usable.
        if (this.line.length === 0) this.input.push(null);
        else {
          this.input.push(this.line);
          this.line = '';
        }
      } else if (ch >= ' ' || ch === '\t') {
        this.line += ch;
        if (this.echo) this.screen(ch);
      }
    }
  }

  private signalKey(ch: string): boolean {
    if (ch === '\x03' || ch === '\x1c') {
      if (this.echo) this.screen(ch === '\x03' ? '^C' : '^\\');
      this.line = '';
      if (this.foregroundPgid !== undefined)
        this.kernel.signalGroup(this.ns, this.foregroundPgid, ch === '\x03' ? 'INT' : 'QUIT');
      return true;
    }
    return false;
  }

  /** The terminal goes away (the client detached): every later read is end of file. */
  hangup(): void {
    this.input.hangup();
  }
}
