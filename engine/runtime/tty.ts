/**
 * A terminal's line discipline (cooked mode): echoes typed characters, handles Backspace,
 * Ctrl-U, Ctrl-C (SIGINT to the foreground process group), Ctrl-\ (SIGQUIT) and Ctrl-D (EOF),
 * and hands complete lines to the reader. Used for container TTYs (`kubectl run -ti`, `exec -ti`).
 */
import { FileDescription, type Kernel, type ProcessNamespace, type Terminal } from './kernel';
import { Pipe, callbackWriter } from './streams';

/** A terminal device: keyboard input in, screen output out. */
export class Tty implements Terminal {
  foregroundPgid?: number;
  columns = 80;
  rows = 24;
  private input = new Pipe(1 << 20);
  private writer = this.input.openWriter();
  private line = '';
  /** When false, keys go to the reader unprocessed (raw mode). */
  canonical = true;
  echo = true;
  /** The description processes use as fds 0, 1 and 2. */
  readonly description: FileDescription;

  constructor(
    private readonly kernel: Kernel,
    private readonly ns: ProcessNamespace,
    /** Receives everything written to the screen. */
    private readonly screen: (data: string) => void,
  ) {
    this.description = new FileDescription(
      this.input.openReader(),
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
      for (const ch of data) if (!this.signalKey(ch)) this.writer.write(ch);
      return;
    }
    for (const ch of data) {
      if (this.signalKey(ch)) continue;
      if (ch === '\r' || ch === '\n') {
        if (this.echo) this.screen('\r\n');
        this.writer.write(this.line + '\n');
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
        if (this.line.length === 0) this.hangup();
        else {
          this.writer.write(this.line);
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

  /** End of input (Ctrl-D on an empty line, or the client detaching). */
  hangup(): void {
    this.writer.close();
  }
}
