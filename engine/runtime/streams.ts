/**
 * Byte streams between processes: pipes, sockets' halves, container logs and sinks. Data is a
 * byte string (see engine/util/utf8.ts). Reads return data, `null` at end of file, or
 * `undefined` when the caller would block; writes return how much was taken, or 'EPIPE'.
 */
import { Notifier } from './notifier';

/** The reading side of a stream. */
export interface ReadEnd {
  /** Up to `max` bytes, null at EOF, undefined when nothing is available yet. */
  read(max?: number): string | null | undefined;
  /** Notified when data or EOF may have become available. */
  readonly readable: Notifier;
  close(): void;
}

/** The writing side of a stream. */
export interface WriteEnd {
  /** Bytes accepted (possibly fewer than offered), or 'EPIPE' when nobody can ever read. */
  write(data: string): number | 'EPIPE';
  /** Notified when space may have become available. */
  readonly writable: Notifier;
  close(): void;
}

/** Linux's default pipe capacity. */
export const PIPE_CAPACITY = 65536;

/**
 * A unidirectional pipe with a bounded buffer. EOF is seen once every writer closed; writing with
 * every reader closed is EPIPE. Ends are reference-counted through `openReader`/`openWriter`.
 */
export class Pipe {
  private chunks: string[] = [];
  private size = 0;
  private readers = 0;
  private writers = 0;
  readonly readable = new Notifier();
  readonly writable = new Notifier();

  constructor(private readonly capacity = PIPE_CAPACITY) {}

  /** Bytes waiting to be read. */
  get buffered(): number {
    return this.size;
  }

  /** Opens a new reading end. */
  openReader(): ReadEnd {
    this.readers++;
    let closed = false;
    return {
      read: (max) => (closed ? null : this.take(max)),
      readable: this.readable,
      close: () => {
        if (closed) return;
        closed = true;
        if (--this.readers === 0) {
          this.chunks = [];
          this.size = 0;
        }
        this.writable.notify();
      },
    };
  }

  /** Opens a new writing end. */
  openWriter(): WriteEnd {
    this.writers++;
    let closed = false;
    return {
      write: (data) => (closed ? 'EPIPE' : this.put(data)),
      writable: this.writable,
      close: () => {
        if (closed) return;
        closed = true;
        if (--this.writers === 0) this.readable.notify();
      },
    };
  }

  private take(max = Infinity): string | null | undefined {
    if (this.size === 0) return this.writers === 0 ? null : undefined;
    let out = '';
    while (this.chunks.length > 0 && out.length < max) {
      const chunk = this.chunks[0];
      const want = max - out.length;
      if (chunk.length <= want) {
        out += chunk;
        this.chunks.shift();
      } else {
        out += chunk.slice(0, want);
        this.chunks[0] = chunk.slice(want);
      }
    }
    this.size -= out.length;
    this.writable.notify();
    return out;
  }

  private put(data: string): number | 'EPIPE' {
    if (this.readers === 0) return 'EPIPE';
    if (data.length === 0) return 0;
    const room = this.capacity - this.size;
    if (room <= 0) return 0;
    const accepted = data.length <= room ? data : data.slice(0, room);
    this.chunks.push(accepted);
    this.size += accepted.length;
    this.readable.notify();
    return accepted.length;
  }
}

/** A read end that is always at EOF (/dev/null, a closed stdin). */
export function emptyReader(): ReadEnd {
  return { read: () => null, readable: new Notifier(), close: () => {} };
}

/** A read end over fixed data, then EOF. */
export function stringReader(data: string): ReadEnd {
  let rest = data;
  return {
    read: (max = Infinity) => {
      if (rest.length === 0) return null;
      const out = rest.slice(0, max);
      rest = rest.slice(out.length);
      return out;
    },
    readable: new Notifier(),
    close: () => {
      rest = '';
    },
  };
}

/** A write end that accepts everything and keeps nothing (/dev/null). */
export function nullWriter(): WriteEnd {
  return { write: (data) => data.length, writable: new Notifier(), close: () => {} };
}

/** A write end that hands every write to `sink` and never blocks. */
export function callbackWriter(sink: (data: string) => void, onClose?: () => void): WriteEnd {
  let closed = false;
  return {
    write: (data) => {
      if (closed) return 'EPIPE';
      if (data.length > 0) sink(data);
      return data.length;
    },
    writable: new Notifier(),
    close: () => {
      if (!closed) {
        closed = true;
        onClose?.();
      }
    },
  };
}
