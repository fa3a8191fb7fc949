/**
 * A container's log as the runtime keeps it: every line with its time and stream, partial last
 * line included, capped like the kubelet's log rotation. `kubectl logs` reads it; `-f` waits on
 * its notifier.
 */
import { Notifier } from '../runtime/notifier';
import type { Instant } from '../time/instant';

/** One log line (without its newline). */
export interface LogLine {
  time: Instant;
  stream: 'stdout' | 'stderr';
  text: string;
  /** False for a trailing line not yet ended by a newline. */
  complete: boolean;
}

/** Bytes kept per container (kubelet containerLogMaxSize 10 Mi). */
export const LOG_MAX_BYTES = 10 * 1024 * 1024;

/** A container's log. */
export class ContainerLog {
  readonly lines: LogLine[] = [];
  readonly changed = new Notifier();
  private bytes = 0;
  private partial: Record<'stdout' | 'stderr', LogLine | undefined> = {
    stdout: undefined,
    stderr: undefined,
  };
  /** Set when the container finished writing (its process ended). */
  closed = false;

  constructor(private readonly now: () => Instant) {}

  /** Appends output of one stream. */
  append(stream: 'stdout' | 'stderr', data: string): void {
    let rest = data;
    while (rest.length > 0) {
      const nl = rest.indexOf('\n');
      const piece = nl < 0 ? rest : rest.slice(0, nl);
      rest = nl < 0 ? '' : rest.slice(nl + 1);
      let line = this.partial[stream];
      if (!line) {
        line = { time: this.now(), stream, text: '', complete: false };
        this.lines.push(line);
        this.partial[stream] = line;
      }
      line.text += piece;
      this.bytes += piece.length + (nl < 0 ? 0 : 1);
      if (nl >= 0) {
        line.complete = true;
        this.partial[stream] = undefined;
      }
    }
    while (this.bytes > LOG_MAX_BYTES && this.lines.length > 1) {
      const dropped = this.lines.shift()!;
      this.bytes -= dropped.text.length + 1;
    }
    this.changed.notify();
  }

  /** Marks the log finished (followers stop). */
  close(): void {
    this.closed = true;
    this.changed.notify();
  }

  /** The whole log as text, as `kubectl logs` prints it. */
  text(): string {
    return this.lines.map((l) => l.text + (l.complete ? '\n' : '')).join('');
  }
}
