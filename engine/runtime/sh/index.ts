/**
 * The shell: busybox ash (`sh`, in containers) and a bash dialect (the learner's workstation),
 * interpreted on the simulated kernel.
 */
export type { Dialect, Node, Word } from './ast';
export { Parser, ParseError } from './parser';
export { Shell, EV_EXIT, EV_TESTED } from './shell';
export {
  shProgram,
  bashProgram,
  echoProgram,
  printfProgram,
  testProgram,
  makeShellProgram,
  runSource,
  expandPrompt,
  terminalLineReader,
  type LineReader,
  type ShellConfig,
} from './programs';
export { evaluateArith } from './arith';
export { matchPattern, expandPathname } from './pattern';
export { openFile } from './files';
export { echoUtil, printfUtil, testUtil } from './utilities';
