/**
 * The client side of exec / attach streams (kubectl pkg/cmd/exec/exec.go#StreamOptions and
 * client-go remotecommand): the local stdin is copied to the container, the container's output
 * to the local stdout / stderr. With a TTY the local terminal goes fully raw (no echo, no line
 * editing, Ctrl-C passed through as a byte) and is restored when the stream ends.
 */
import type { Block } from '../../runtime/kernel';
import { Notifier } from '../../runtime/notifier';
import type { Tty } from '../../runtime/tty';
import type { CommandContext } from '../command';

/** Output from the container, queued until kubectl writes it out. */
export class OutputQueue {
  readonly chunks: Array<{ fd: 1 | 2; data: string }> = [];
  readonly changed = new Notifier();

  push(fd: 1 | 2, data: string): void {
    if (data.length === 0) return;
    this.chunks.push({ fd, data });
    this.changed.notify();
  }
}

/** The container side of a stream. */
export interface RemoteEnd {
  output: OutputQueue;
  /** Delivers bytes typed / piped into kubectl. */
  input?(data: string): void;
  /** kubectl's stdin reached end of file. */
  closeInput?(): void;
  /** Whether the remote side finished (the process ended). */
  finished(): boolean;
  /** Notified when the remote side may have finished. */
  readonly finishedChanged: Notifier;
}

/** The local terminal, when fd 0 is one of the simulation's terminals. */
export function localTty(ctx: CommandContext): Tty | undefined {
  const t = ctx.proc.fd(0)?.tty;
  return t && 'canonical' in t ? (t as Tty) : undefined;
}

/** StreamOptions.SetupTTY: whether a TTY is used, warning when stdin is not a terminal. */
export function* setupTty(
  ctx: CommandContext,
  stdin: boolean,
  tty: boolean,
  quiet: boolean,
): Generator<Block, boolean, void> {
  if (!stdin || !tty) return false;
  if (!localTty(ctx)) {
    if (!quiet)
      yield* ctx.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    return false;
  }
  return true;
}

/**
 * Copies streams until the remote side finishes, then drains its output. Returns false when the
 * local output went away (EPIPE).
 */
export function* pumpStreams(
  ctx: CommandContext,
  remote: RemoteEnd,
  options: { stdin: boolean; raw: boolean },
): Generator<Block, boolean, void> {
  const proc = ctx.proc;
  const term = options.raw ? localTty(ctx) : undefined;
  const saved = term && { canonical: term.canonical, echo: term.echo, isig: term.isig };
  if (term) {
    term.canonical = false;
    term.echo = false;
    term.isig = false;
  }
  let stdinOpen = options.stdin && remote.input !== undefined;
  try {
    for (;;) {
      while (remote.output.chunks.length > 0) {
        const { fd, data } = remote.output.chunks.shift()!;
        if (!(yield* proc.write(fd, data))) return false;
      }
      if (remote.finished()) return true;
      const waitOn: Notifier[] = [remote.output.changed, remote.finishedChanged];
      if (stdinOpen) {
        const desc = proc.fd(0);
        let data: string | null | undefined;
        if (desc && desc.unread.length > 0) {
          data = desc.unread;
          desc.unread = '';
        } else data = desc?.readEnd ? desc.readEnd.read(65536) : null;
        if (data === null) {
          stdinOpen = false;
          remote.closeInput?.();
          continue;
        }
        if (data !== undefined) {
          remote.input!(data);
          continue;
        }
        waitOn.push(desc!.readEnd!.readable);
      }
      yield { on: waitOn };
    }
  } finally {
    if (term && saved) {
      term.canonical = saved.canonical;
      term.echo = saved.echo;
      term.isig = saved.isig;
    }
  }
}
