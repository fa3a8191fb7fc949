/** The `podlab` command line: argument parsing and dispatch to subcommands. */
import { readFileSync } from 'node:fs';
import { runCommand, UsageError } from './run';
import { interactiveCommand } from './interactive';
import { lessonsCommand } from './lessons';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const HELP = `podlab: a simulated Kubernetes 1.32 cluster for learning Jobs, CronJobs and DaemonSets.

Usage:
  podlab                       open a practice shell on a cluster running in real time
  podlab run SCRIPT [options]  run SCRIPT's lines in the workstation shell and print the terminal
  podlab lessons verify        run every lesson's solution against its checks

Options for run:
  --seed N          seed of every random choice (default 1)
  --start ISO-8601  virtual start time (default 2025-01-15T10:00:00Z)
  --cluster FILE    YAML describing the nodes (default: controlplane, node01..node03)
  --echo            print "$ COMMAND" before each command's output

  -h, --help        show this help
  -v, --version     show the version
`;

/** Runs the CLI with `args` (without node and script); resolves to the exit status. */
export async function main(args: string[]): Promise<number> {
  const [first] = args;
  if (first === '-h' || first === '--help' || first === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (first === '-v' || first === '--version') {
    process.stdout.write(`podlab ${pkg.version}\n`);
    return 0;
  }
  try {
    if (first === 'run') return runCommand(args.slice(1));
    if (first === 'lessons') return await lessonsCommand(args.slice(1));
    if (first === undefined || first.startsWith('-')) return await interactiveCommand(args);
    throw new UsageError(`unknown command "${first}"; see 'podlab --help'`);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`podlab: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
