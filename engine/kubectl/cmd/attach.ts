/**
 * `kubectl attach` (kubectl pkg/cmd/attach/attach.go): connects to the main process of a running
 * container: its output (and, with -i, its stdin; with -t, its terminal). Used by `kubectl run
 * -i`. The stream ends when the container's process ends.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Block } from '../../runtime/kernel';
import { Notifier } from '../../runtime/notifier';
import type { CommandContext, CommandSpec } from '../command';
import { durationFlag } from './logs';
import { containerRuntime, defaultContainer, podForObject, reportLookup } from './pod-target';
import { localTty, OutputQueue, pumpStreams, setupTty } from './remote-stream';

/** How an attach runs (shared with `kubectl run`). */
export interface AttachOptions {
  container: string;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  /** `kubectl attach`, for the re-attach hint. */
  commandName: string;
}

/**
 * Attaches to a running pod's container. Returns the exit status kubectl ends with, or
 * 'fallback' when the container is not running any more (run then prints its logs).
 */
export function* attachToPod(
  ctx: CommandContext,
  pod: Pod,
  o: AttachOptions,
): Generator<Block, number, void> {
  const chosen = yield* defaultContainer(ctx, pod, o.container, o.quiet);
  if ('error' in chosen) return yield* ctx.fail(`cannot attach to the container: ${chosen.error}`);
  const spec = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find(
    (c) => c.name === chosen.name,
  );
  let tty = yield* setupTty(ctx, o.stdin, o.tty, o.quiet);
  if (tty && !spec?.tty) {
    tty = false;
    if (!o.quiet)
      yield* ctx.err(
        `error: Unable to use a TTY - container ${chosen.name} did not allocate one\n`,
      );
  } else if (!tty && spec?.tty && o.stdin && localTty(ctx)) {
    // The container has a TTY, so the stream is a TTY stream.
    tty = true;
  }
  const rt = containerRuntime(ctx, pod, chosen.name);
  if (!rt?.running || !rt.process)
    return yield* ctx.fail(`unable to upgrade connection: container not found ("${chosen.name}")`);
  const proc = rt.process;
  if (!o.quiet) yield* ctx.err("If you don't see a command prompt, try pressing enter.\n");
  const output = new OutputQueue();
  // @simplified: the container's stdout and stderr arrive merged on kubectl's stdout.
  const listener = (d: string) => output.push(1, d);
  rt.attached.add(listener);
  const finishedChanged = new Notifier();
  const unsubscribe = proc.exited.subscribe(() => finishedChanged.notify());
  const local = localTty(ctx);
  if (rt.tty && local) {
    rt.tty.columns = local.columns;
    rt.tty.rows = local.rows;
  }
  let ok: boolean;
  try {
    ok = yield* pumpStreams(
      ctx,
      {
        output,
        input: !o.stdin
          ? undefined
          : rt.tty
            ? (d) => rt.tty!.type(d)
            : rt.stdinWriter
              ? (d) => void rt.stdinWriter!.write(d)
              : undefined,
        closeInput: () => {
          if (!rt.tty && spec?.stdinOnce) rt.stdinWriter?.close();
        },
        finished: () => proc.done,
        finishedChanged,
      },
      { stdin: o.stdin, raw: tty },
    );
  } finally {
    rt.attached.delete(listener);
    unsubscribe();
  }
  if (!ok) return 1;
  if (!o.quiet && o.stdin && tty && pod.spec?.restartPolicy === 'Always')
    yield* ctx.out(
      `Session ended, resume using '${o.commandName} ${pod.metadata?.name} -c ${chosen.name} -i -t' command when the pod is running\n`,
    );
  return 0;
}

/** The attach command. */
export const attachCommand: CommandSpec = {
  name: 'attach',
  group: 'Troubleshooting and Debugging Commands:',
  usage: 'attach (POD | TYPE/NAME) -c CONTAINER [options]',
  short: 'Attach to a running container',
  long: 'Connect to the main process of a running container: see its output and, with -i, type to its input.',
  examples: [
    '  # Watch the output of the running pod web',
    '  kubectl attach web',
    '',
    '  # Type into the shell of container sh of pod box, on a terminal',
    '  kubectl attach box -c sh -i -t',
    '',
    '  # Attach to the first pod of replica set web-5d4f',
    '  kubectl attach rs/web-5d4f',
  ].join('\n'),
  flags: [
    {
      name: 'container',
      short: 'c',
      type: 'string',
      usage: 'The container to attach to; the first one by default.',
    },
    {
      name: 'pod-running-timeout',
      type: 'duration',
      default: '1m0s',
      usage: 'How long to wait for at least one pod to be running (e.g. 5s, 2m).',
    },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Print only what the container prints.' },
    { name: 'stdin', short: 'i', type: 'bool', usage: 'Pass stdin to the container.' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Stdin is a TTY.' },
  ],
  *run(ctx) {
    const args = ctx.args;
    if (args.length === 0) return yield* ctx.fail('at least 1 argument is required for attach');
    if (args.length > 2)
      return yield* ctx.fail(
        `expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${args.length}: [${args.join(' ')}]`,
      );
    const arg = args.length === 2 ? `${args[0]}/${args[1]}` : args[0];
    const target = yield* podForObject(ctx, arg, durationFlag(ctx, 'pod-running-timeout', 60_000));
    if (!('pod' in target)) return yield* reportLookup(ctx, target);
    const pod = target.pod;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed')
      return yield* ctx.fail(
        `cannot attach a container in a completed pod; current phase is ${phase}`,
      );
    return yield* attachToPod(ctx, pod, {
      container: ctx.flags.string('container'),
      stdin: ctx.flags.bool('stdin'),
      tty: ctx.flags.bool('tty'),
      quiet: ctx.flags.bool('quiet'),
      commandName: 'kubectl attach',
    });
  },
};
