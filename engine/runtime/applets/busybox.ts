/**
 * `busybox` itself, the multi-call binary: `busybox APPLET ARGS…` runs an applet, `busybox`
 * alone prints the banner and the applet list, `busybox --list` the names.
 */
import type { Program, ProgramRegistry } from '../kernel';
import { BUSYBOX_BANNER } from './common';

/** Makes the multi-call program over the registry's `busybox:NAME` entries. */
export function createBusyboxMulticall(
  registry: ProgramRegistry,
  applets: readonly string[],
): Program {
  return function* (proc) {
    const name = proc.argv[1];
    const sorted = [...applets].sort();
    if (name === undefined || name === '--help') {
      const list = sorted.join(', ');
      yield* proc.out(
        `${BUSYBOX_BANNER}\nBusyBox is copyrighted by many authors between 1998-2015.\nLicensed under GPLv2. See source distribution for detailed\ncopyright notices.\n\nUsage: busybox [function [arguments]...]\n   or: busybox --list[-full]\n   or: function [arguments]...\n\nCurrently defined functions:\n\t${list}\n`,
      );
      return 0;
    }
    if (name === '--list') {
      yield* proc.out(sorted.join('\n') + '\n');
      return 0;
    }
    const program = registry.get(`busybox:${name.split('/').pop()}`);
    if (!program) {
      yield* proc.err(`${name}: applet not found\n`);
      return 127;
    }
    // @simplified: busybox calls the applet in-process; here it runs as a child with argv[1:].
    const child = proc.spawn({ program, argv: proc.argv.slice(1) });
    const code = yield* proc.wait(child);
    return code ?? 1;
  };
}
