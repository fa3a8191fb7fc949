/** `kubectl options`: the global flags every command accepts. */
import { GLOBAL_FLAGS, type CommandSpec } from '../command';
import { renderFlags } from '../help';

/** The options command. */
export const optionsCommand: CommandSpec = {
  name: 'options',
  group: 'Other Commands:',
  usage: 'options [flags] [options]',
  short: 'Print the list of flags inherited by all commands',
  *run(ctx) {
    yield* ctx.out(
      `The following options can be passed to any command:\n\n${renderFlags(GLOBAL_FLAGS)}`,
    );
    return 0;
  },
};
