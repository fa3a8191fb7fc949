/**
 * Input and output helpers for applets: a buffered stdout (as stdio buffers it), operands opened
 * from the file system or stdin (`-`), incremental line splitting, and the CPU accounting that
 * keeps long loops preemptible.
 */
import { resolvePath, type Errno } from '../fs';
import type { Block, Process } from '../kernel';

/** Bytes gathered before a buffered writer flushes on its own. */
const FLUSH_AT = 8192;

/**
 * A stdio-like buffered writer on one fd. `write` only appends; callers flush with
 * `yield* out.flush()` when `out.full` or before they block.
 */
export class Output {
  private buf = '';
  /** False once a write failed (EPIPE or a closed fd). */
  ok = true;

  constructor(
    private readonly proc: Process,
    private readonly fd = 1,
  ) {}

  /** Appends to the buffer. */
  write(data: string): void {
    this.buf += data;
  }

  /** Whether the buffer should be flushed now. */
  get full(): boolean {
    return this.buf.length >= FLUSH_AT;
  }

  /** Writes out the buffer; false when the reader went away. */
  *flush(): Generator<Block, boolean, void> {
    if (this.buf.length === 0 || !this.ok) return this.ok;
    const data = this.buf;
    this.buf = '';
    this.ok = yield* this.proc.write(this.fd, data);
    return this.ok;
  }
}

/** Counts work against the process's CPU slice and yields when the slice is used up. */
export function* work(proc: Process, steps = 1): Generator<Block, void, void> {
  if (proc.tick(steps)) yield proc.preempt();
}

/** A file read whole from the VFS, or why it could not be. */
export type FileRead = { ok: true; data: string } | { ok: false; errno: Errno };

/** Reads a file operand relative to the process's cwd. */
export function readFileAt(proc: Process, path: string): FileRead {
  const r = proc.ns.fs.readFile(resolvePath(proc.cwd, path));
  return r.ok ? { ok: true, data: r.value } : { ok: false, errno: r.errno };
}

/** Absolute path of an operand. */
export function absPath(proc: Process, path: string): string {
  return resolvePath(proc.cwd, path);
}

/**
 * A source of bytes: a whole file, or an fd read in chunks. `next()` returns null at EOF.
 */
export interface Source {
  next(): Generator<Block, string | null, void>;
}

/** A source over data already in memory (a file's content). */
export function dataSource(data: string): Source {
  let done = false;
  return {
    *next() {
      if (done) return null;
      done = true;
      return data.length ? data : null;
    },
  };
}

/** A source reading an fd until EOF. */
export function fdSource(proc: Process, fd = 0): Source {
  return {
    *next() {
      const chunk = yield* proc.read(fd);
      return chunk ?? null;
    },
  };
}

/**
 * Splits a byte stream into lines incrementally. `push` returns complete lines (without their
 * newline); `end` returns the unterminated last line, if any.
 */
export class LineSplitter {
  private rest = '';

  /** Feeds a chunk, returning the lines it completed. */
  push(chunk: string): string[] {
    const data = this.rest + chunk;
    const lines = data.split('\n');
    this.rest = lines.pop()!;
    return lines;
  }

  /** The final line without a newline, or undefined. */
  end(): string | undefined {
    const r = this.rest;
    this.rest = '';
    return r.length ? r : undefined;
  }
}

/** Reads a whole source into a string. */
export function* readSource(proc: Process, source: Source): Generator<Block, string, void> {
  const parts: string[] = [];
  for (let chunk = yield* source.next(); chunk !== null; chunk = yield* source.next()) {
    parts.push(chunk);
    yield* work(proc, Math.ceil(chunk.length / 4096));
  }
  return parts.join('');
}

/** Splits text into lines; a final line without newline is kept, a trailing newline is not a line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
