/** The full userland every simulation uses by default: applets, images, shells. */
import { bashProgram, echoProgram, printfProgram, shProgram, testProgram } from './sh';
import { createUserland, type Userland, type UserlandOptions } from './userland';

/** Builds the default userland, with the shells plugged in. */
export function defaultUserland(options: Omit<UserlandOptions, 'shells'> = {}): Userland {
  const builtins = {
    echo: echoProgram,
    printf: printfProgram,
    test: testProgram,
    '[': testProgram,
  };
  return createUserland({
    ...options,
    shells: {
      sh: shProgram,
      bash: bashProgram,
      busyboxApplets: builtins,
      // @simplified: /usr/bin/echo, printf, test and [ on Debian-based images and the workstation
      // behave like busybox's; in the bash dialect the shell's own builtins are what scripts use.
      gnuPrograms: builtins,
    },
  });
}
