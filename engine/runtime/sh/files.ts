/**
 * Opening files for redirections: file descriptions whose ends read from or write to a Vfs file
 * node (kept by reference, as an open file survives a rename), plus the few device files shells
 * rely on (/dev/null, /dev/zero, /dev/stdin|stdout|stderr, /dev/fd/N).
 */
import { FileDescription, type Process } from '../kernel';
import { resolvePath, type Errno, type FileNode } from '../fs';
import { Notifier } from '../notifier';
import { emptyReader, nullWriter, type ReadEnd, type WriteEnd } from '../streams';

/** How a redirection opens its file. */
export type OpenMode = 'read' | 'write' | 'append' | 'readwrite';

/** Opens `path` for the process; returns a description or the errno. */
export function openFile(
  proc: Process,
  path: string,
  mode: OpenMode,
  options: { noclobber?: boolean } = {},
): FileDescription | Errno {
  const abs = resolvePath(proc.cwd, path);
  const device = openDevice(proc, abs, mode);
  if (device) return device;
  const vfs = proc.ns.fs;
  const existing = vfs.lookup(abs);
  if (existing.ok && existing.value.type === 'dir') return 'EISDIR';
  if (mode === 'read') {
    if (!existing.ok) return existing.errno;
    if (existing.value.type !== 'file') return 'EACCES';
    return new FileDescription(fileReader(existing.value), undefined, abs);
  }
  if (options.noclobber && mode === 'write' && existing.ok) return 'EEXIST';
  let node: FileNode;
  if (existing.ok && existing.value.type === 'file') {
    node = existing.value;
    if (mode === 'write') {
      const truncated = vfs.writeFile(abs, '');
      if (!truncated.ok) return truncated.errno;
    }
  } else {
    const created = vfs.writeFile(abs, '', { append: true });
    if (!created.ok) return created.errno;
    node = created.value;
  }
  const now = () => proc.now();
  const writer = fileWriter(node, mode === 'append', now);
  return new FileDescription(mode === 'readwrite' ? fileReader(node) : undefined, writer, abs);
}

function openDevice(proc: Process, abs: string, mode: OpenMode): FileDescription | undefined {
  if (abs === '/dev/null') {
    return new FileDescription(
      mode === 'read' || mode === 'readwrite' ? emptyReader() : undefined,
      mode === 'read' ? undefined : nullWriter(),
      '/dev/null',
    );
  }
  if (abs === '/dev/zero') {
    const zeros: ReadEnd = {
      read: (max = 65536) => '\0'.repeat(Math.min(max, 65536)),
      readable: new Notifier(),
      close: () => {},
    };
    return new FileDescription(zeros, mode === 'read' ? undefined : nullWriter(), '/dev/zero');
  }
  const std: Record<string, number> = { '/dev/stdin': 0, '/dev/stdout': 1, '/dev/stderr': 2 };
  const m = /^\/dev\/fd\/([0-9]+)$/.exec(abs) ?? /^\/proc\/self\/fd\/([0-9]+)$/.exec(abs);
  const fd = abs in std ? std[abs] : m ? Number(m[1]) : undefined;
  if (fd !== undefined) return proc.fd(fd);
  return undefined;
}

/** A read end over a file node's current content, from offset 0. */
function fileReader(node: FileNode): ReadEnd {
  let offset = 0;
  let closed = false;
  return {
    read: (max = 65536) => {
      if (closed || offset >= node.data.length) return null;
      const out = node.data.slice(offset, offset + max);
      offset += out.length;
      return out;
    },
    readable: new Notifier(),
    close: () => {
      closed = true;
    },
  };
}

/** A write end that writes at its own offset (or always at the end for append). */
function fileWriter(node: FileNode, append: boolean, now: () => number): WriteEnd {
  let offset = 0;
  let closed = false;
  return {
    write: (data) => {
      if (closed) return 'EPIPE';
      if (append || offset >= node.data.length) {
        if (!append && offset > node.data.length)
          node.data += '\0'.repeat(offset - node.data.length);
        node.data += data;
        offset = node.data.length;
      } else {
        node.data = node.data.slice(0, offset) + data + node.data.slice(offset + data.length);
        offset += data.length;
      }
      node.mtime = now();
      return data.length;
    },
    writable: new Notifier(),
    close: () => {
      closed = true;
    },
  };
}
