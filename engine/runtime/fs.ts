/**
 * In-memory file systems. A `FileTree` is one volume (an image's root fs, an emptyDir, a node's
 * disk for hostPath); a `Vfs` is a process's view: a root tree plus mounts, resolved by the
 * longest mount point. File data are byte strings. Errors are errno codes, never exceptions.
 */

/** The errno values the userland reports. */
export type Errno =
  | 'ENOENT'
  | 'ENOTDIR'
  | 'EISDIR'
  | 'EEXIST'
  | 'ENOTEMPTY'
  | 'EACCES'
  | 'EROFS'
  | 'EINVAL'
  | 'ELOOP'
  | 'EXDEV'
  | 'EBUSY';

/** strerror() text of each errno, as glibc and musl print it. */
export const ERRNO_TEXT: Record<Errno, string> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  EROFS: 'Read-only file system',
  EINVAL: 'Invalid argument',
  ELOOP: 'Symbolic link loop',
  EXDEV: 'Invalid cross-device link',
  EBUSY: 'Resource busy',
};

interface NodeBase {
  /**
   * Part of a shared read-only lower layer (an image's files): a write first copies the node
   * (and its parent directories) into the writable tree — copy-on-write, as overlayfs does.
   */
  frozen?: boolean;
  /** Permission bits, e.g. 0o644. */
  mode: number;
  /** Modification time, virtual ms since epoch. */
  mtime: number;
  uid: number;
  gid: number;
}

/** A regular file. `program` names a built-in program this file executes (an applet link). */
export interface FileNode extends NodeBase {
  type: 'file';
  data: string;
  program?: string;
}

/** A directory. */
export interface DirNode extends NodeBase {
  type: 'dir';
  entries: Map<string, INode>;
}

/** A symbolic link. */
export interface SymlinkNode extends NodeBase {
  type: 'symlink';
  target: string;
}

/** Any file-system node. */
export type INode = FileNode | DirNode | SymlinkNode;

/** What `stat` reports. */
export interface Stat {
  type: INode['type'];
  mode: number;
  size: number;
  mtime: number;
  uid: number;
  gid: number;
  program?: string;
}

/** A value or an errno. */
export type FsResult<T> = { ok: true; value: T } | { ok: false; errno: Errno };

const okv = <T>(value: T): FsResult<T> => ({ ok: true, value });
const err = <T>(errno: Errno): FsResult<T> => ({ ok: false, errno });

/** Creates an empty directory node. */
export function makeDir(mtime: number, mode = 0o755, uid = 0, gid = 0): DirNode {
  return { type: 'dir', entries: new Map(), mode, mtime, uid, gid };
}

/** One volume: a tree of nodes under a root directory. */
export class FileTree {
  root: DirNode;

  constructor(
    /** A label for debugging and `mount`-like listings (e.g. "hostPath:/var/log"). */
    readonly label: string,
    mtime = 0,
  ) {
    this.root = makeDir(mtime);
  }

  /** Marks every node read-only-shared, so the tree can be the lower layer of overlays. */
  freeze(): this {
    const walk = (n: INode) => {
      n.frozen = true;
      if (n.type === 'dir') for (const child of n.entries.values()) walk(child);
    };
    walk(this.root);
    return this;
  }

  /** A writable tree over a frozen one: reads see `base`, writes copy what they touch. */
  static overlay(base: FileTree, label: string): FileTree {
    const tree = new FileTree(label);
    tree.root = { ...base.root, frozen: false, entries: new Map(base.root.entries) };
    return tree;
  }
}

/** Splits a path into components, dropping empty ones and `.`, resolving `..` lexically. */
export function normalize(path: string): string[] {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out;
}

/** Joins `cwd` and a possibly relative `path` into a normalized absolute path. */
export function resolvePath(cwd: string, path: string): string {
  const abs = path.startsWith('/') ? path : `${cwd}/${path}`;
  return '/' + normalize(abs).join('/');
}

/** The last component of a path (`basename`). */
export function baseName(path: string): string {
  const parts = normalize(path);
  return parts.length ? parts[parts.length - 1] : '/';
}

/** The parent directory of a path (`dirname`). */
export function dirName(path: string): string {
  const parts = normalize(path);
  parts.pop();
  return '/' + parts.join('/');
}

interface Mount {
  parts: string[];
  tree: FileTree;
  /** Components inside the tree where the mount starts (subPath / hostPath). */
  base: string[];
  readOnly: boolean;
}

interface Located {
  mount: Mount;
  /** The absolute path after following symlinks. */
  resolved?: string;
  /** The node, when it exists. */
  node?: INode;
  /** Parent directory of the final component, when the parent exists. */
  parent?: DirNode;
  name: string;
}

/**
 * A process's view of files: a root tree plus mounts. All paths given to it are absolute
 * (callers resolve against their cwd with `resolvePath`).
 */
export class Vfs {
  private mounts: Mount[] = [];

  constructor(
    root: FileTree,
    /** The clock used for modification times. */
    private readonly now: () => number,
    rootReadOnly = false,
  ) {
    this.mounts.push({ parts: [], tree: root, base: [], readOnly: rootReadOnly });
  }

  /** Mounts `tree` (optionally starting at `subPath` inside it) at `path`, creating the mount point. */
  mount(
    path: string,
    tree: FileTree,
    options: { readOnly?: boolean; subPath?: string } = {},
  ): void {
    const parts = normalize(path);
    const base = normalize(options.subPath ?? '');
    this.ensureDirIn(tree, base);
    const parent = parts.slice(0, -1);
    if (parts.length > 0) this.mkdirs('/' + parent.join('/'));
    if (parts.length > 0) {
      const located = this.writable(this.locate('/' + parts.join('/')));
      if (located.parent && !located.node)
        located.parent.entries.set(located.name, makeDir(this.now()));
    }
    this.mounts.push({ parts, tree, base, readOnly: options.readOnly ?? false });
    // Longest mount point first, so lookups find the innermost mount.
    this.mounts.sort((a, b) => b.parts.length - a.parts.length);
  }

  /** The mounts, outermost first, as `[path, label, readOnly]` (for `mount`/`df`-like output). */
  listMounts(): Array<{ path: string; label: string; readOnly: boolean }> {
    return [...this.mounts]
      .reverse()
      .map((m) => ({ path: '/' + m.parts.join('/'), label: m.tree.label, readOnly: m.readOnly }));
  }

  private ensureDirIn(tree: FileTree, parts: string[]): DirNode {
    let dir = tree.root;
    for (const part of parts) {
      let next = dir.entries.get(part);
      if (!next || next.type !== 'dir') {
        next = makeDir(this.now());
        dir.entries.set(part, next);
      }
      dir = next;
    }
    return dir;
  }

  private mountFor(parts: string[]): { mount: Mount; rest: string[] } {
    for (const mount of this.mounts) {
      if (mount.parts.length <= parts.length && mount.parts.every((p, i) => parts[i] === p)) {
        return { mount, rest: parts.slice(mount.parts.length) };
      }
    }
    return { mount: this.mounts[this.mounts.length - 1], rest: parts };
  }

  /** Walks to a path, following symlinks in directories (and in the last part if asked). */
  private locate(path: string, followLast = true, depth = 0): Located & { errno?: Errno } {
    const parts = normalize(path);
    const { mount, rest } = this.mountFor(parts);
    let dir: DirNode | undefined = this.ensureBase(mount);
    const name = rest.length ? rest[rest.length - 1] : '';
    const resolved = '/' + parts.join('/');
    if (rest.length === 0) return { mount, node: dir, name, resolved };
    for (let i = 0; i < rest.length; i++) {
      const part = rest[i];
      const node: INode | undefined = dir!.entries.get(part);
      const last = i === rest.length - 1;
      if (node?.type === 'symlink' && (!last || followLast)) {
        if (depth > 40) return { mount, name, errno: 'ELOOP' };
        const prefix = '/' + [...mount.parts, ...rest.slice(0, i)].join('/');
        const target = resolvePath(prefix, node.target);
        const remainder = rest.slice(i + 1).join('/');
        return this.locate(remainder ? `${target}/${remainder}` : target, followLast, depth + 1);
      }
      if (last) return { mount, node, parent: dir, name, resolved };
      if (!node) return { mount, name, errno: 'ENOENT' };
      if (node.type !== 'dir') return { mount, name, errno: 'ENOTDIR' };
      dir = node;
    }
    return { mount, name };
  }

  private ensureBase(mount: Mount): DirNode {
    let dir = mount.tree.root;
    for (const part of mount.base) {
      const next = dir.entries.get(part);
      if (!next || next.type !== 'dir') return this.ensureDirIn(mount.tree, mount.base);
      dir = next;
    }
    return dir;
  }

  /**
   * Makes the directories on the way to `path`'s last component writable, copying frozen
   * (shared lower-layer) directories into the tree; returns the located entry again.
   */
  private writable(at: Located & { errno?: Errno }): Located & { errno?: Errno } {
    if (at.errno || !at.resolved) return at;
    if (!at.parent?.frozen && !at.node?.frozen) return at;
    const parts = normalize(at.resolved);
    const { mount, rest } = this.mountFor(parts);
    let dir = mount.tree.root;
    for (const part of [...mount.base, ...rest.slice(0, -1)]) {
      let child = dir.entries.get(part);
      if (!child || child.type !== 'dir') return at;
      if (child.frozen) {
        child = { ...child, frozen: false, entries: new Map(child.entries) };
        dir.entries.set(part, child);
      }
      dir = child;
    }
    let node = dir.entries.get(at.name);
    if (node?.frozen) {
      node =
        node.type === 'dir'
          ? { ...node, frozen: false, entries: new Map(node.entries) }
          : { ...node, frozen: false };
      dir.entries.set(at.name, node);
    }
    return { ...at, parent: dir, node };
  }

  /** The node at `path`. */
  lookup(path: string, followLast = true): FsResult<INode> {
    const at = this.locate(path, followLast);
    if (at.errno) return err(at.errno);
    return at.node ? okv(at.node) : err('ENOENT');
  }

  /** File metadata. */
  stat(path: string, followLast = true): FsResult<Stat> {
    const found = this.lookup(path, followLast);
    if (!found.ok) return found;
    const n = found.value;
    const size = n.type === 'file' ? n.data.length : n.type === 'symlink' ? n.target.length : 4096;
    return okv({
      type: n.type,
      mode: n.mode,
      size,
      mtime: n.mtime,
      uid: n.uid,
      gid: n.gid,
      program: n.type === 'file' ? n.program : undefined,
    });
  }

  /** Whether something exists at `path`. */
  exists(path: string): boolean {
    return this.lookup(path).ok;
  }

  /** A file's whole content. */
  readFile(path: string): FsResult<string> {
    const found = this.lookup(path);
    if (!found.ok) return found;
    if (found.value.type === 'dir') return err('EISDIR');
    return okv((found.value as FileNode).data);
  }

  /** Writes (or appends to) a file, creating it with `mode` if missing. */
  writeFile(
    path: string,
    data: string,
    options: { append?: boolean; mode?: number } = {},
  ): FsResult<FileNode> {
    const at = this.writable(this.locate(path));
    if (at.errno) return err(at.errno);
    if (at.node?.type === 'dir') return err('EISDIR');
    if (at.mount.readOnly) return err('EROFS');
    if (at.node?.type === 'file') {
      at.node.data = options.append ? at.node.data + data : data;
      at.node.mtime = this.now();
      if (!options.append) at.node.program = undefined;
      return okv(at.node);
    }
    if (!at.parent) return err('ENOENT');
    const file: FileNode = {
      type: 'file',
      data,
      mode: options.mode ?? 0o644,
      mtime: this.now(),
      uid: 0,
      gid: 0,
    };
    at.parent.entries.set(at.name, file);
    at.parent.mtime = this.now();
    return okv(file);
  }

  /** Places a program link (an applet) at `path`. */
  installProgram(path: string, program: string, mode = 0o755): void {
    this.mkdirs(dirName(path));
    const written = this.writeFile(path, '', { mode });
    if (written.ok) written.value.program = program;
  }

  /** Creates a directory; with `parents`, also missing ancestors and no error if it exists. */
  mkdir(path: string, options: { parents?: boolean; mode?: number } = {}): FsResult<DirNode> {
    if (options.parents) return this.mkdirs(path, options.mode);
    const at = this.writable(this.locate(path));
    if (at.errno) return err(at.errno);
    if (at.node) return err('EEXIST');
    if (!at.parent) return err('ENOENT');
    if (at.mount.readOnly) return err('EROFS');
    const dir = makeDir(this.now(), options.mode ?? 0o755);
    at.parent.entries.set(at.name, dir);
    return okv(dir);
  }

  private mkdirs(path: string, mode = 0o755): FsResult<DirNode> {
    const parts = normalize(path);
    let current = '';
    let dir: DirNode | undefined;
    for (const part of parts) {
      current += '/' + part;
      const at = this.writable(this.locate(current));
      if (at.errno) return err(at.errno);
      if (at.node) {
        if (at.node.type !== 'dir') return err('ENOTDIR');
        dir = at.node;
        continue;
      }
      if (!at.parent) return err('ENOENT');
      if (at.mount.readOnly) return err('EROFS');
      dir = makeDir(this.now(), mode);
      at.parent.entries.set(at.name, dir);
    }
    if (!dir) {
      const root = this.lookup('/');
      return root.ok && root.value.type === 'dir' ? okv(root.value) : err('ENOENT');
    }
    return okv(dir);
  }

  /** Directory entries, sorted by name as `ls` does by default in the C locale. */
  readdir(path: string): FsResult<string[]> {
    const found = this.lookup(path);
    if (!found.ok) return found;
    if (found.value.type !== 'dir') return err('ENOTDIR');
    const names = new Set(found.value.entries.keys());
    // Mount points inside this directory show as entries even if the tree lacks them.
    const parts = normalize(path);
    for (const m of this.mounts) {
      if (m.parts.length === parts.length + 1 && parts.every((p, i) => m.parts[i] === p)) {
        names.add(m.parts[m.parts.length - 1]);
      }
    }
    return okv([...names].sort());
  }

  /** Removes a file or symlink. */
  unlink(path: string): FsResult<void> {
    const at = this.writable(this.locate(path, false));
    if (at.errno) return err(at.errno);
    if (!at.node || !at.parent) return err('ENOENT');
    if (at.node.type === 'dir') return err('EISDIR');
    if (at.mount.readOnly) return err('EROFS');
    at.parent.entries.delete(at.name);
    return okv(undefined);
  }

  /** Removes an empty directory. */
  rmdir(path: string): FsResult<void> {
    const at = this.writable(this.locate(path, false));
    if (at.errno) return err(at.errno);
    if (!at.node || !at.parent) return err(at.node ? 'EBUSY' : 'ENOENT');
    if (at.node.type !== 'dir') return err('ENOTDIR');
    if (at.node.entries.size > 0) return err('ENOTEMPTY');
    if (at.mount.readOnly) return err('EROFS');
    at.parent.entries.delete(at.name);
    return okv(undefined);
  }

  /** Renames within one mount (EXDEV across mounts, as rename(2)). */
  rename(from: string, to: string): FsResult<void> {
    const a = this.writable(this.locate(from, false));
    if (a.errno) return err(a.errno);
    if (!a.node || !a.parent) return err('ENOENT');
    const b = this.writable(this.locate(to, false));
    if (b.errno) return err(b.errno);
    if (!b.parent) return err('ENOENT');
    if (a.mount !== b.mount) return err('EXDEV');
    if (a.mount.readOnly) return err('EROFS');
    if (b.node?.type === 'dir' && a.node.type !== 'dir') return err('EISDIR');
    a.parent.entries.delete(a.name);
    b.parent.entries.set(b.name, a.node);
    return okv(undefined);
  }

  /** Creates a symbolic link at `path` pointing to `target`. */
  symlink(target: string, path: string): FsResult<void> {
    const at = this.writable(this.locate(path, false));
    if (at.errno) return err(at.errno);
    if (at.node) return err('EEXIST');
    if (!at.parent) return err('ENOENT');
    at.parent.entries.set(at.name, {
      type: 'symlink',
      target,
      mode: 0o777,
      mtime: this.now(),
      uid: 0,
      gid: 0,
    });
    return okv(undefined);
  }

  /** Changes permission bits. */
  chmod(path: string, mode: number): FsResult<void> {
    const at = this.writable(this.locate(path));
    if (at.errno) return err(at.errno);
    if (!at.node) return err('ENOENT');
    if (at.mount.readOnly) return err('EROFS');
    at.node.mode = mode;
    return okv(undefined);
  }

  /** Sets the modification time (creating an empty file when missing, like `touch`). */
  touch(path: string): FsResult<void> {
    const at = this.writable(this.locate(path));
    if (!at.errno && at.node) {
      at.node.mtime = this.now();
      return okv(undefined);
    }
    const written = this.writeFile(path, '');
    return written.ok ? okv(undefined) : err(written.errno);
  }
}
