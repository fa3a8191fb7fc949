/**
 * Socket plumbing for nc, wget and the servers: name resolution through the namespace's
 * resolver, select()-like waiting on several descriptions, and writes that report a vanished
 * peer as a value (these programs ignore SIGPIPE).
 */
import {
  SIGNALS,
  type Block,
  type FileDescription,
  type Process,
  type SignalName,
} from '../kernel';
import type { Notifier } from '../notifier';

/** Resolves a host name or dotted address to an IPv4 address. */
export function resolveHost(proc: Process, host: string): string | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host;
  if (host === 'localhost') return '127.0.0.1';
  return proc.ns.net.resolve(host);
}

/** Well-known TCP service names nc and wget accept instead of numbers (/etc/services). */
const SERVICES: Record<string, number> = {
  http: 80,
  https: 443,
  ftp: 21,
  ssh: 22,
  telnet: 23,
  smtp: 25,
  domain: 53,
};

/** Parses a port: digits or a service name; undefined when neither. */
export function parsePort(text: string): number | undefined {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n <= 65535 ? n : undefined;
  }
  return SERVICES[text];
}

/** Reads what is available from a description without waiting: data, null at EOF, undefined if none. */
export function tryRead(desc: FileDescription, max = 65536): string | null | undefined {
  if (desc.unread.length > 0) {
    const out = desc.unread.slice(0, max);
    desc.unread = desc.unread.slice(out.length);
    return out;
  }
  if (!desc.readEnd) return null;
  return desc.readEnd.read(max);
}

/** Writes all of `data` to a description, waiting for room; false when the reader is gone. */
export function* writeAll(desc: FileDescription, data: string): Generator<Block, boolean, void> {
  let rest = data;
  while (rest.length > 0) {
    if (!desc.writeEnd) return false;
    const taken = desc.writeEnd.write(rest);
    if (taken === 'EPIPE') return false;
    rest = rest.slice(taken);
    if (rest.length > 0) yield { on: [desc.writeEnd.writable] };
  }
  return true;
}

/**
 * Waits until one of `on` notifies, `until` passes, or (when `interruptible`) a caught signal
 * arrives. Returns 'timeout' only when the deadline passed.
 */
export function* select(
  proc: Process,
  on: readonly Notifier[],
  until?: number,
): Generator<Block, 'ready' | 'timeout' | 'signal', void> {
  if (proc.pendingSignals.length > 0) return 'signal';
  if (until !== undefined && proc.now() >= until) return 'timeout';
  yield { on, until, interruptible: true };
  if (proc.pendingSignals.length > 0) return 'signal';
  if (until !== undefined && proc.now() >= until) return 'timeout';
  return 'ready';
}

/** Ends the calling process as if killed by `sig` (after a handler printed its last words). */
export function dieBySignal(proc: Process, sig: SignalName): number {
  proc.kernel.terminate(proc, sig);
  return 128 + SIGNALS[sig];
}
