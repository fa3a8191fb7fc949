/**
 * `kubectl run` (kubectl pkg/cmd/run/run.go, generate/versioned/run.go#BasicPod): creates a pod
 * (and with --expose a ClusterIP service), or with -i/--attach waits for it to run, attaches,
 * then reports how it ended; --rm deletes what it created.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { Block } from '../../runtime/kernel';
import type { KubeObject } from '../../api/object';
import type { CommandContext, CommandSpec } from '../command';
import type { FlagDef } from '../flags';
import { dryRunStrategy } from './dry-run';
import { durationFlag } from './logs';
import { attachToPod } from './attach';
import {
  GENERATOR_DRY_RUN_FLAG,
  GENERATOR_OUTPUT_FLAG,
  GENERATOR_OVERRIDE_FLAGS,
  GENERATOR_TEMPLATE_FLAGS,
  fieldManagerFlag,
} from './common-flags';
import { checkOutputFormat, parseLabels, printGenerated, typeName } from './generated-output';
import { defaultContainer, waitForPodChange } from './pod-target';
import { buildService } from './expose';
import { applyOverrides } from './overrides';

/** distribution/reference ReferenceRegexp: what an image reference may look like. */
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?)`;
const NAME_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*';
const REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${NAME_COMPONENT}(?:/${NAME_COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,})?$`,
);

/** Whether `image` is a valid image reference. */
export function validImageReference(image: string): boolean {
  return REFERENCE.test(image);
}

/** The pod BasicPod generates, in Go field order (for `-o json`). */
export function generatePod(o: {
  name: string;
  image: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  args: string[];
  command: boolean;
  env: Array<{ name: string; value: string }>;
  port?: number;
  pullPolicy: string;
  privileged: boolean;
  stdin: boolean;
  stdinOnce: boolean;
  tty: boolean;
  restartPolicy: string;
}): Pod {
  const container: Record<string, unknown> = { name: o.name, image: o.image };
  if (o.args.length > 0) container[o.command ? 'command' : 'args'] = o.args;
  if (o.port !== undefined && o.port > 0) container.ports = [{ containerPort: o.port }];
  if (o.env.length > 0) container.env = o.env;
  container.resources = {};
  if (o.pullPolicy) container.imagePullPolicy = o.pullPolicy;
  if (o.privileged) container.securityContext = { privileged: true };
  if (o.stdin) container.stdin = true;
  if (o.stdinOnce) container.stdinOnce = true;
  if (o.tty) container.tty = true;
  const metadata: Record<string, unknown> = {
    name: o.name,
    creationTimestamp: null,
    labels: o.labels,
  };
  if (Object.keys(o.annotations).length > 0) metadata.annotations = o.annotations;
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata,
    spec: {
      containers: [container as unknown as Container],
      restartPolicy: o.restartPolicy,
      dnsPolicy: 'ClusterFirst',
    },
    status: {},
  } as Pod;
}

const RUN_FLAGS: FlagDef[] = [
  ...GENERATOR_TEMPLATE_FLAGS,
  { name: 'annotations', type: 'stringArray', usage: 'Annotations for the pod (key=value).' },
  {
    name: 'attach',
    type: 'bool',
    usage: 'Wait for the pod to run, then attach to it. On by default with -i.',
  },
  {
    name: 'cascade',
    type: 'string',
    default: 'background',
    usage: 'Deprecated: has no effect.',
  },
  {
    name: 'command',
    type: 'bool',
    usage: "Use the extra arguments as the container's command rather than its args.",
  },
  GENERATOR_DRY_RUN_FLAG,
  {
    name: 'env',
    type: 'stringArray',
    usage: 'Environment variables of the container (key=value).',
  },
  {
    name: 'expose',
    type: 'bool',
    usage: 'Also create a ClusterIP service for the pod; needs --port.',
  },
  fieldManagerFlag('kubectl-run', 'Name of the manager tracking field ownership.'),
  {
    name: 'filename',
    short: 'f',
    type: 'stringSlice',
    usage: 'Deprecated: has no effect.',
  },
  { name: 'force', type: 'bool', usage: 'Deprecated: has no effect.' },
  {
    name: 'grace-period',
    type: 'int',
    default: -1,
    usage: 'Deprecated: has no effect.',
  },
  { name: 'image', type: 'string', usage: 'The image the container runs.' },
  {
    name: 'image-pull-policy',
    type: 'string',
    usage: 'The image pull policy of the container; the server decides when empty.',
  },
  {
    name: 'kustomize',
    short: 'k',
    type: 'string',
    usage: 'Deprecated: has no effect.',
  },
  {
    name: 'labels',
    short: 'l',
    type: 'string',
    usage: 'Labels for the pod, comma separated (replaces run=NAME).',
  },
  { name: 'leave-stdin-open', type: 'bool', usage: 'Keep stdin open after the first attach ends.' },
  GENERATOR_OUTPUT_FLAG,
  ...GENERATOR_OVERRIDE_FLAGS,
  {
    name: 'pod-running-timeout',
    type: 'duration',
    default: '1m0s',
    usage: 'How long to wait for the pod to be running (e.g. 5s, 2m).',
  },
  { name: 'port', type: 'string', usage: 'The port the container exposes.' },
  { name: 'privileged', type: 'bool', usage: 'Run the container privileged.' },
  { name: 'quiet', short: 'q', type: 'bool', usage: 'Do not print prompt messages.' },
  {
    name: 'recursive',
    short: 'R',
    type: 'bool',
    usage: 'Deprecated: has no effect.',
  },
  {
    name: 'restart',
    type: 'string',
    default: 'Always',
    usage: 'The restart policy of the pod: Always, OnFailure or Never.',
  },
  {
    name: 'rm',
    type: 'bool',
    usage: 'Delete the pod once it exits; only when attached (-i or --attach).',
  },
  {
    name: 'stdin',
    short: 'i',
    type: 'bool',
    usage: 'Keep stdin of the container open, even when nobody is attached.',
  },
  {
    name: 'timeout',
    type: 'duration',
    default: '0s',
    usage: 'Deprecated: has no effect.',
  },
  { name: 'tty', short: 't', type: 'bool', usage: 'Give the container a TTY.' },
  { name: 'wait', type: 'bool', usage: 'Deprecated: has no effect.' },
];

/** Waits until `pred` holds for the pod (a watch), or the pod is gone / the time is up. */
function* waitForPod(
  ctx: CommandContext,
  namespace: string,
  name: string,
  timeoutMs: number,
  pred: (pod: Pod) => boolean,
): Generator<Block, Pod | 'timeout' | 'gone', void> {
  const deadline = timeoutMs > 0 ? ctx.cluster.now() + timeoutMs : undefined;
  for (;;) {
    const pod = ctx.cluster.server.get('Pod', namespace, name) as Pod | undefined;
    if (!pod) return 'gone';
    if (pred(pod)) return pod;
    if (deadline !== undefined && ctx.cluster.now() >= deadline) return 'timeout';
    yield* waitForPodChange(ctx, deadline);
  }
}

const completed = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
const runningAndReady = (p: Pod) =>
  completed(p) ||
  (p.status?.phase === 'Running' &&
    !!p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));

/** The run command. */
export const runCommand: CommandSpec = {
  name: 'run',
  group: 'Basic Commands (Beginner):',
  usage:
    'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  short: 'Run a particular image on the cluster',
  long: 'Create a pod that runs one container of an image.',
  examples: [
    '  # Start a pod running nginx',
    '  kubectl run web --image=nginx',
    '',
    '  # Start a pod with a port, environment variables and labels',
    '  kubectl run web --image=nginx --port=80 --env="MODE=test" --labels="app=web,tier=front"',
    '',
    '  # Open a throw-away shell in a busybox pod; the pod is deleted when the shell exits',
    '  kubectl run -i -t tmp --image=busybox --rm --restart=Never -- sh',
    '',
    '  # Print the pod that would be created, without creating it',
    '  kubectl run web --image=nginx --dry-run=client -o yaml',
    '',
    '  # Run a command instead of the image entrypoint',
    '  kubectl run clock --image=busybox --command -- sh -c "while true; do date; sleep 5; done"',
  ].join('\n'),
  flags: RUN_FLAGS,
  *run(ctx) {
    const f = ctx.flags;
    // cobra's MarkFlagRequired("image").
    if (!f.changed('image')) return yield* ctx.fail('required flag(s) "image" not set');
    const strategy = dryRunStrategy(f);
    if (!strategy.ok) return yield* ctx.fail(strategy.error);
    const dryRun = strategy.value;
    const output = f.string('output');
    const badOutput = checkOutputFormat(output);
    if (badOutput) return yield* ctx.fail(badOutput);
    const args = ctx.args;
    if (args.length === 0 || ctx.argsLenAtDash === 0)
      return yield* ctx.usageError('NAME is required for run');
    const image = f.string('image');
    if (!image) return yield* ctx.fail('--image is required');
    if (!validImageReference(image))
      return yield* ctx.fail(`Invalid image name "${image}": invalid reference format`);
    const interactive = f.bool('stdin');
    const tty = f.bool('tty');
    const attach = f.bool('attach') || interactive;
    const port = f.string('port');
    if (tty && !interactive)
      return yield* ctx.usageError('-i/--stdin is required for containers with -t/--tty=true');
    if (f.bool('expose') && !port)
      return yield* ctx.usageError('--port must be set when exposing a service');
    const restart = f.string('restart');
    const restartPolicy = restart === '' ? (interactive ? 'OnFailure' : 'Always') : restart;
    if (!['Always', 'OnFailure', 'Never'].includes(restartPolicy))
      return yield* ctx.usageError(`invalid restart policy: ${restart}`);
    const remove = f.bool('rm');
    if (!attach && remove)
      return yield* ctx.usageError('--rm should only be used for attached containers');
    if (attach && dryRun !== 'none')
      return yield* ctx.usageError(
        "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)",
      );
    const pullPolicy = f.string('image-pull-policy');
    if (pullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(pullPolicy))
      return yield* ctx.usageError(`invalid image pull policy: ${pullPolicy}`);

    // Generate.
    const name = args[0];
    const labelSpec = f.string('labels');
    const parsedLabels = labelSpec ? parseLabels(labelSpec) : { map: { run: name } };
    if ('error' in parsedLabels) return yield* ctx.fail(parsedLabels.error);
    const labels = parsedLabels.map;
    const annotations: Record<string, string> = {};
    for (const a of f.strings('annotations')) {
      const eq = a.indexOf('=');
      if (eq <= 0) return yield* ctx.fail(`invalid annotation spec: ${a}`);
      annotations[a.slice(0, eq)] = a.slice(eq + 1);
    }
    const env: Array<{ name: string; value: string }> = [];
    for (const e of f.strings('env')) {
      const eq = e.indexOf('=');
      if (eq <= 0) return yield* ctx.fail(`invalid env: ${e}`);
      env.push({ name: e.slice(0, eq), value: e.slice(eq + 1) });
    }
    let portNumber: number | undefined;
    if (port) {
      if (!/^[+-]?\d+$/.test(port))
        return yield* ctx.fail(`strconv.Atoi: parsing "${port}": invalid syntax`);
      portNumber = parseInt(port, 10);
    }
    let pod: KubeObject = generatePod({
      name,
      image,
      labels,
      annotations,
      args: args.slice(1),
      command: f.bool('command'),
      env,
      port: portNumber,
      pullPolicy,
      privileged: f.bool('privileged'),
      stdin: interactive,
      stdinOnce: interactive && !f.bool('leave-stdin-open'),
      tty,
      restartPolicy,
    }) as unknown as KubeObject;
    if (f.string('overrides')) {
      const merged = applyOverrides(pod, f.string('overrides'), f.string('override-type'));
      if ('error' in merged) return yield* ctx.fail(merged.error);
      pod = merged.object;
    }

    // Create.
    const server = ctx.cluster.server;
    const ns = ctx.namespace;
    const created: KubeObject[] = [];
    const create = function* (obj: KubeObject): Generator<Block, KubeObject | number, void> {
      if (dryRun === 'client') return obj;
      const r = server.create(obj, {
        namespace: ns,
        fromClient: true,
        dryRun: dryRun === 'server',
      });
      if (!r.ok) return yield* ctx.statusError(r.error);
      return r.value;
    };
    const podResult = yield* create(pod);
    if (typeof podResult === 'number') return podResult;
    created.push(podResult);
    let status = 0;
    if (f.bool('expose')) {
      const svc = buildService({
        name,
        ports: [port],
        protocol: '',
        selector: labelSpec ? labelSpec : `run=${name}`,
        labels: labelSpec,
        targetPort: '',
        type: '',
      });
      if ('error' in svc) {
        yield* ctx.fail(svc.error);
        status = 1;
      } else {
        const svcResult = yield* create(svc.service);
        if (typeof svcResult === 'number') status = svcResult;
        else {
          created.push(svcResult);
          const printed = printGenerated(svcResult, output, dryRun);
          if ('error' in printed) return yield* ctx.fail(printed.error);
          yield* ctx.out(printed.text + (output === 'yaml' ? '---\n' : ''));
        }
      }
    }
    if (!attach) {
      const printed = printGenerated(podResult, output, dryRun);
      if ('error' in printed) return yield* ctx.fail(printed.error);
      yield* ctx.out(printed.text);
      return status;
    }
    let outcome: Outcome;
    try {
      outcome = yield* attachAndWait(ctx, podResult as Pod, {
        timeoutMs: durationFlag(ctx, 'pod-running-timeout', 60_000),
        interactive,
        tty,
        quiet: f.bool('quiet'),
        restartPolicy,
        leaveStdinOpen: f.bool('leave-stdin-open'),
      });
    } finally {
      // run.go defers the removal, so it happens before the error is printed.
      if (remove) {
        for (const obj of created) {
          const r = server.delete(obj.kind, ns, obj.metadata.name!);
          if (r.ok && !f.bool('quiet'))
            yield* ctx.out(`${typeName(obj).split('.')[0]} "${obj.metadata.name}" deleted\n`);
        }
      }
    }
    if (outcome.stderr !== undefined) yield* ctx.err(outcome.stderr);
    return outcome.code;
  },
};

/** How an attached run ended: its exit status and the error kubectl prints last. */
interface Outcome {
  code: number;
  stderr?: string;
}

const failed = (message: string): Outcome => ({ code: 1, stderr: `error: ${message}\n` });

/** run.go's attach path: wait for the pod, attach (or print its logs), then its outcome. */
function* attachAndWait(
  ctx: CommandContext,
  created: Pod,
  o: {
    timeoutMs: number;
    interactive: boolean;
    tty: boolean;
    quiet: boolean;
    restartPolicy: string;
    leaveStdinOpen: boolean;
  },
): Generator<Block, Outcome, void> {
  const ns = created.metadata?.namespace ?? ctx.namespace;
  const name = created.metadata!.name!;
  const ready = yield* waitForPod(ctx, ns, name, o.timeoutMs, runningAndReady);
  if (ready === 'timeout') return failed('timed out waiting for the condition');
  if (ready === 'gone') return failed(`pods "${name}" not found`);
  if (completed(ready)) {
    const code = yield* printLogs(ctx, ready);
    if (code !== 0) return { code };
  } else {
    const code = yield* attachToPod(ctx, ready, {
      container: '',
      stdin: o.interactive,
      tty: o.tty,
      quiet: o.quiet,
      commandName: 'kubectl attach',
    });
    if (code !== 0) return { code };
  }
  const waitForExit =
    !o.leaveStdinOpen && (o.restartPolicy === 'Never' || o.restartPolicy === 'OnFailure');
  if (!waitForExit) return { code: 0 };
  const exitCondition =
    o.restartPolicy === 'OnFailure' ? (p: Pod) => p.status?.phase === 'Succeeded' : completed;
  const done = yield* waitForPod(ctx, ns, name, o.timeoutMs, exitCondition);
  if (done === 'timeout') return failed('timed out waiting for the condition');
  if (done === 'gone') return failed(`pods "${name}" not found`);
  const phase = done.status?.phase;
  if (phase === 'Succeeded') return { code: 0 };
  if (phase === 'Failed') {
    const terminated = done.status?.containerStatuses?.[0]?.state?.terminated;
    if (!terminated || terminated.exitCode === 0)
      return failed(`pod ${ns}/${name} failed with unknown exit code`);
    // uexec.CodeExitError: printed as is, and the container's code becomes kubectl's.
    return {
      code: terminated.exitCode,
      stderr: `pod ${ns}/${name} terminated (${terminated.reason ?? ''})\n${terminated.message ?? ''}${terminated.message ? '\n' : ''}`,
    };
  }
  return failed(`pod ${ns}/${name} left in phase ${phase}`);
}

/** run.go#logOpts: a pod that already finished shows its log instead of an attach. */
function* printLogs(ctx: CommandContext, pod: Pod): Generator<Block, number, void> {
  const chosen = yield* defaultContainer(ctx, pod, '', true);
  if ('error' in chosen) return yield* ctx.fail(chosen.error);
  const node = pod.spec?.nodeName;
  const rt = node
    ? ctx.cluster.kubelet(node)?.container(pod.metadata!.uid!, chosen.name)
    : undefined;
  if (rt) yield* ctx.proc.write(1, rt.log.text());
  return 0;
}
