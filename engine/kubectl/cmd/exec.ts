/**
 * `kubectl exec` (kubectl pkg/cmd/exec/exec.go): runs a command in a running container through
 * the kubelet (CRI Exec), in the container's simulated userland. Its exit status becomes
 * kubectl's, announced as `command terminated with exit code N`.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { FileDescription, Process } from '../../runtime/kernel';
import { callbackWriter, emptyReader, Pipe } from '../../runtime/streams';
import { Tty } from '../../runtime/tty';
import { Notifier } from '../../runtime/notifier';
import type { Kubelet } from '../../kubelet/kubelet';
import { badRequest } from '../../api/errors';
import type { CommandSpec } from '../command';
import { durationFlag } from './logs';
import { visitManifests } from '../resource/manifests';
import { defaultContainer, podForObject, reportLookup } from './pod-target';
import { localTty, OutputQueue, pumpStreams, setupTty, type RemoteEnd } from './remote-stream';

/** The exec command. */
export const execCommand: CommandSpec = {
  name: 'exec',
  group: 'Troubleshooting and Debugging Commands:',
  usage: 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  short: 'Execute a command in a container',
  long: 'Run a command inside a running container of a pod. Everything after -- is the command and its arguments.',
  examples: [
    '  # List the files of the root folder in pod web',
    '  kubectl exec web -- ls /',
    '',
    '  # Open an interactive shell in container app of pod web',
    '  kubectl exec -it web -c app -- sh',
    '',
    '  # Send text on stdin to a command in the first pod of deployment web',
    '  echo hello | kubectl exec -i deploy/web -- cat',
  ].join('\n'),
  flags: [
    {
      name: 'container',
      short: 'c',
      type: 'string',
      usage: 'The container to run the command in; the first one by default.',
    },
    {
      name: 'filename',
      short: 'f',
      type: 'stringSlice',
      usage: 'A file naming the resource to run the command in.',
    },
    {
      name: 'pod-running-timeout',
      type: 'duration',
      default: '1m0s',
      usage: 'How long to wait for at least one pod to be running (e.g. 5s, 2m).',
    },
    {
      name: 'quiet',
      short: 'q',
      type: 'bool',
      usage: 'Print only what the remote command prints.',
    },
    { name: 'stdin', short: 'i', type: 'bool', usage: 'Pass stdin to the container.' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Stdin is a TTY.' },
  ],
  *run(ctx) {
    const argsLenAtDash = ctx.argsLenAtDash;
    const args = ctx.args;
    const resource = args.length > 0 && argsLenAtDash !== 0 ? args[0] : '';
    let command: string[] = [];
    if (argsLenAtDash > -1) command = args.slice(argsLenAtDash);
    else if (args.length > 1) {
      yield* ctx.err(
        'kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n',
      );
      command = args.slice(1);
    }
    if (!resource && ctx.flags.strings('filename').length === 0)
      return yield* ctx.fail('pod, type/name or --filename must be specified');
    if (command.length === 0)
      return yield* ctx.fail('you must specify at least one command for the container');
    let target = resource;
    if (!target) {
      // -f: the (first) object of the files names what to exec into.
      const read = yield* visitManifests(ctx.proc, ctx.flags.strings('filename'), false);
      if (read.fatal) return yield* ctx.fail(read.fatal);
      const first = read.items[0];
      if (!first) return yield* ctx.fail(read.errors[0] ?? 'no objects passed to exec');
      if (!first.ok) return yield* ctx.fail(first.error);
      target = `${first.value.resource.resource}/${first.value.object.metadata.name}`;
    }
    const quiet = ctx.flags.bool('quiet');
    const found = yield* podForObject(
      ctx,
      target,
      durationFlag(ctx, 'pod-running-timeout', 60_000),
    );
    if (!('pod' in found)) return yield* reportLookup(ctx, found);
    const pod = found.pod;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed')
      return yield* ctx.fail(
        `cannot exec into a container in a completed pod; current phase is ${phase}`,
      );
    const chosen = yield* defaultContainer(ctx, pod, ctx.flags.string('container'), quiet);
    if ('error' in chosen) return yield* ctx.fail(chosen.error);
    const stdin = ctx.flags.bool('stdin');
    const tty = yield* setupTty(ctx, stdin, ctx.flags.bool('tty'), quiet);
    const node = pod.spec?.nodeName;
    const started = startExec(
      ctx.proc,
      pod,
      chosen.name,
      command,
      stdin,
      tty,
      node ? ctx.cluster.kubelet(node) : undefined,
    );
    if ('error' in started) {
      if (started.status) return yield* ctx.statusError(badRequest(started.error));
      return yield* ctx.fail(started.error);
    }
    const local = localTty(ctx);
    if (started.tty && local) {
      started.tty.columns = local.columns;
      started.tty.rows = local.rows;
    }
    try {
      const ok = yield* pumpStreams(ctx, started.remote, { stdin, raw: tty });
      if (!ok) return 1;
    } finally {
      // @simplified: when kubectl goes away mid-stream the remote command gets SIGHUP at once
      // (a real runtime closes its stdin and leaves it running unless it reads the terminal).
      if (!started.process.done) {
        started.tty?.hangup();
        ctx.proc.kernel.signal(started.process, 'HUP');
      }
    }
    const code = started.process.exitCode ?? 0;
    if (code !== 0) {
      yield* ctx.err(`command terminated with exit code ${code}\n`);
      return code;
    }
    return 0;
  },
};

/** A started exec: the remote process and the client's view of its streams. */
interface StartedExec {
  process: Process;
  remote: RemoteEnd;
  tty?: Tty;
}

/** Starts `command` in the container through its kubelet (the API server's exec subresource). */
function startExec(
  kubectlProc: Process,
  pod: Pod,
  container: string,
  command: string[],
  stdin: boolean,
  tty: boolean,
  kubelet: Kubelet | undefined,
): StartedExec | { error: string; status?: boolean } {
  const name = pod.metadata?.name ?? '';
  if (!pod.spec?.nodeName)
    return { error: `pod ${name} does not have a host assigned`, status: true };
  const rt = kubelet?.container(pod.metadata!.uid!, container);
  if (!kubelet || !rt?.running || !rt.ns || !rt.process)
    return { error: `unable to upgrade connection: container not found ("${container}")` };
  const output = new OutputQueue();
  const finishedChanged = new Notifier();
  let remoteTty: Tty | undefined;
  let fds: Map<number, FileDescription>;
  let input: ((d: string) => void) | undefined;
  let closeInput: (() => void) | undefined;
  if (tty) {
    const t = new Tty(kubectlProc.kernel, rt.ns, (d) => output.push(1, d));
    remoteTty = t;
    fds = new Map([
      [0, t.description],
      [1, t.description],
      [2, t.description],
    ]);
    input = (d) => t.type(d);
    closeInput = () => t.hangup();
  } else {
    let stdinDesc = new FileDescription(emptyReader(), undefined, '/dev/null');
    if (stdin) {
      const pipe = new Pipe(1 << 20);
      const writer = pipe.openWriter();
      stdinDesc = new FileDescription(pipe.openReader(), undefined, 'pipe');
      input = (d) => void writer.write(d);
      closeInput = () => writer.close();
    }
    fds = new Map([
      [0, stdinDesc],
      [
        1,
        new FileDescription(
          undefined,
          callbackWriter((d) => output.push(1, d)),
          'pipe',
        ),
      ],
      [
        2,
        new FileDescription(
          undefined,
          callbackWriter((d) => output.push(2, d)),
          'pipe',
        ),
      ],
    ]);
  }
  // CRI Exec through the node's kubelet, in the container's namespaces.
  const started = kubelet.exec(pod.metadata!.uid!, container, command, fds);
  if (started === 'not-running' || started === 'not-found')
    return { error: `unable to upgrade connection: container not found ("${container}")` };
  if (!(started instanceof Process)) {
    const id = kubectlProc.rng.chars('0123456789abcdef', 64);
    const why =
      started.notExecutable === 'ENOENT'
        ? `exec: "${command[0]}": executable file not found in $PATH`
        : `exec: "${command[0]}": permission denied`;
    return {
      error: `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: ${why}: unknown`,
    };
  }
  const process = started;
  if (remoteTty) remoteTty.foregroundPgid = process.pgid;
  const unsubscribe = process.exited.subscribe(() => {
    unsubscribe();
    finishedChanged.notify();
  });
  return {
    process,
    tty: remoteTty,
    remote: {
      output,
      input,
      closeInput,
      finished: () => process.done,
      finishedChanged,
    },
  };
}
