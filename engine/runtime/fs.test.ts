import { describe, expect, it } from 'vitest';
import { FileTree, Vfs } from './fs';

function image(): FileTree {
  const tree = new FileTree('image');
  const fs = new Vfs(tree, () => 0);
  fs.mkdir('/etc', { parents: true });
  fs.writeFile('/etc/os-release', 'NAME=Alpine\n');
  fs.installProgram('/bin/sh', 'sh');
  fs.mkdir('/var/log', { parents: true });
  return tree.freeze();
}

describe('Vfs', () => {
  it('resolves paths, mounts and errors', () => {
    const fs = new Vfs(new FileTree('root'), () => 5);
    expect(fs.mkdir('/a/b', { parents: true }).ok).toBe(true);
    expect(fs.writeFile('/a/b/c.txt', 'hi').ok).toBe(true);
    expect(fs.readFile('/a/./b/../b/c.txt')).toEqual({ ok: true, value: 'hi' });
    expect(fs.readFile('/a/b')).toEqual({ ok: false, errno: 'EISDIR' });
    expect(fs.readFile('/nope')).toEqual({ ok: false, errno: 'ENOENT' });
    const vol = new FileTree('vol');
    fs.mount('/data', vol, { readOnly: true });
    expect(fs.writeFile('/data/x', '1')).toEqual({ ok: false, errno: 'EROFS' });
    expect(fs.readdir('/')).toEqual({ ok: true, value: ['a', 'data'] });
  });

  it('gives each container a copy-on-write view of a shared image', () => {
    const base = image();
    const one = new Vfs(FileTree.overlay(base, 'c1'), () => 1);
    const two = new Vfs(FileTree.overlay(base, 'c2'), () => 2);
    expect(one.writeFile('/etc/os-release', 'changed\n').ok).toBe(true);
    expect(one.writeFile('/var/log/app.log', 'x', { append: true }).ok).toBe(true);
    expect(one.readFile('/etc/os-release')).toEqual({ ok: true, value: 'changed\n' });
    expect(two.readFile('/etc/os-release')).toEqual({ ok: true, value: 'NAME=Alpine\n' });
    expect(two.exists('/var/log/app.log')).toBe(false);
    expect(two.stat('/bin/sh')).toMatchObject({ ok: true, value: { program: 'sh' } });
    expect(one.unlink('/bin/sh').ok).toBe(true);
    expect(two.exists('/bin/sh')).toBe(true);
    expect(new Vfs(FileTree.overlay(base, 'c3'), () => 3).readFile('/etc/os-release')).toEqual({
      ok: true,
      value: 'NAME=Alpine\n',
    });
  });
});
