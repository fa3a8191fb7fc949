/**
 * fluentd, as run by the `fluent/fluentd` and `quay.io/fluentd_elasticsearch/fluentd` images:
 * a long-running log agent that prints its start-up lines, listens for forwarded logs on 24224,
 * and follows the node's log files under /var/log (logging "following tail of …" for each new
 * one, checked every 60 s). TERM/INT make it stop gracefully and exit 0.
 */
import type { Block, Process, Program } from '../kernel';
import { fluentTime } from './log-time';
import { globToRegExp } from '../applets/glob';

/** What distinguishes the fluentd images. */
export interface FluentdOptions {
  /** fluentd gem version, e.g. '1.16.5'. */
  version: string;
  ruby: string;
  /** Config file the image starts with. */
  configPath: string;
  /** Glob patterns of files the default configuration tails. */
  tails: string[];
  /** Whether the configuration has a forward input on 24224. */
  forward: boolean;
}

function* log(proc: Process, level: string, message: string): Generator<Block, void, void> {
  yield* proc.out(`${fluentTime(proc)} [${level}]: ${message}\n`);
}

/** Files under /var/log matching the tail globs. */
function tailed(proc: Process, patterns: string[]): string[] {
  const out: string[] = [];
  for (const pattern of patterns) {
    const dir = pattern.slice(0, pattern.lastIndexOf('/')) || '/';
    const re = globToRegExp(pattern.slice(pattern.lastIndexOf('/') + 1));
    const names = proc.ns.fs.readdir(dir);
    if (!names.ok) continue;
    for (const n of names.value) if (re.test(n)) out.push(`${dir}/${n}`);
  }
  return out;
}

/** The fluentd program (supervisor and its one worker, as one process). */
export function createFluentd(options: FluentdOptions): Program {
  return function* (proc) {
    for (const sig of ['TERM', 'INT', 'HUP', 'USR1', 'USR2'] as const)
      proc.setDisposition(sig, 'catch');
    yield* log(proc, 'info', 'init supervisor logger path=nil rotate_age=nil rotate_size=nil');
    yield* log(proc, 'info', `parsing config file is succeeded path="${options.configPath}"`);
    yield* log(proc, 'info', `gem 'fluentd' version '${options.version}'`);
    // @simplified: the real agent also prints its whole parsed configuration here.
    yield* log(
      proc,
      'info',
      `starting fluentd-${options.version} pid=${proc.pid} ruby="${options.ruby}"`,
    );
    yield* log(
      proc,
      'info',
      `#0 starting fluentd worker pid=${proc.pid} ppid=${proc.parent?.pid ?? 1} worker=0`,
    );
    const listener = options.forward
      ? proc.ns.net.network.listen(proc.ns.net, 24224, 128)
      : undefined;
    if (listener && listener !== 'EADDRINUSE')
      yield* log(proc, 'info', '#0 listening port port=24224 bind="0.0.0.0"');
    const followed = new Set<string>();
    const scan = function* () {
      for (const file of tailed(proc, options.tails)) {
        if (followed.has(file)) continue;
        followed.add(file);
        yield* log(proc, 'info', `#0 following tail of ${file}`);
      }
    };
    yield* scan();
    yield* log(proc, 'info', '#0 fluentd worker is now running worker=0');
    try {
      for (;;) {
        // Forwarded connections are accepted and their data dropped (no outputs are modelled).
        if (listener && listener !== 'EADDRINUSE')
          for (let c = listener.accept(); c; c = listener.accept()) c.desc.retain().release();
        const on = listener && listener !== 'EADDRINUSE' ? [listener.acceptable] : [];
        yield { on, until: proc.now() + 60_000, interruptible: true };
        const sig = proc.takeSignal();
        if (sig === 'TERM' || sig === 'INT') {
          yield* log(proc, 'info', 'Received graceful stop');
          yield* log(proc, 'info', '#0 fluentd worker is now stopping worker=0');
          yield* log(proc, 'info', '#0 shutting down fluentd worker worker=0');
          yield* log(proc, 'info', 'Worker 0 finished with status 0');
          return 0;
        }
        if (sig === 'USR1') yield* log(proc, 'info', 'force flushing buffered events');
        if (!sig) yield* scan();
      }
    } finally {
      if (listener && listener !== 'EADDRINUSE') listener.close();
    }
  };
}
