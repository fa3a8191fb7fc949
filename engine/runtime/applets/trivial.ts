/** `true`, `false` and `yes`: the applets with no input. */
import { defineApplet } from './applet';
import { Output, work } from './io';

/** `true`: exits 0, ignoring its arguments (busybox coreutils/true.c). */
export const trueApplet = () =>
  function* () {
    return 0;
  };

/** `false`: exits 1, ignoring its arguments. */
export const falseApplet = () =>
  function* () {
    return 1;
  };

/** `yes [STRING]...`: repeats its arguments (or `y`) until the reader goes away. */
export const yes = defineApplet(
  {
    name: 'yes',
    // busybox yes takes no options; GNU yes only --help/--version.
    busybox: { short: '', none: true },
    gnu: { short: '', stopAtOperand: true },
    usage: { synopsis: '[STRING]...', help: 'Repeatedly print a line of STRINGs, or y' },
  },
  function* (a, opts) {
    const line = (opts.operands.length ? opts.operands.join(' ') : 'y') + '\n';
    const out = new Output(a.proc);
    // Fill a block at a time, as stdio would, so a pipe reader sees large chunks.
    const block = line.repeat(Math.max(1, Math.floor(4096 / line.length)));
    for (;;) {
      out.write(block);
      if (!(yield* out.flush())) return 1;
      yield* work(a.proc, 4);
    }
  },
);
