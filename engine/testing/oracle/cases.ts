/**
 * The differential cases run against the real kubectl: each names the kubectl arguments and how
 * Podlab renders the same thing from the same (time-shifted) objects. Used live by
 * `printers.oracle.test.ts` and to record `recorded.json` for machines without kubectl.
 */
import type { KubeObject } from '../../api/object';
import { describe, describeAll } from '../../kubectl/printers/describe';
import { endpointSlicesFromEndpoints } from '../../kubectl/printers/describe/service';
import { parseCustomColumnsSpec, printCustomColumns } from '../../kubectl/printers/customcolumns';
import { listWrapper, printJson } from '../../kubectl/printers/json';
import { printJsonPath } from '../../kubectl/printers/jsonpath';
import {
  createWatchPrinter,
  printTable,
  type GetTableOptions,
} from '../../kubectl/printers/tableprinter';
import { mkPod } from '../../kubectl/printers/testdata/builders';
import { shiftTimes } from './clock';
import type { WatchEvent } from './server';
import { printYaml } from '../../kubectl/printers/yaml';
import { ALL_OBJECTS, T0 } from '../../kubectl/printers/testdata/cluster';
import { EXTRA_OBJECTS } from '../../kubectl/printers/testdata/extra';

/** One differential case. */
export interface OracleCase {
  name: string;
  args: string[];
  /** Whether the server should answer `as=Table` requests with Podlab's tables. */
  tables?: boolean;
  /** Events streamed to `?watch=1` requests (fixture time base). */
  watch?: WatchEvent[];
  /** Podlab's rendering: stdout, plus stderr when kubectl fails. */
  render(objects: readonly KubeObject[], now: number): { stdout: string; stderr?: string };
}

/** EndpointSlices mirrored from the fixture Endpoints (a real cluster has both). */
function endpointSlices(objects: readonly KubeObject[]): KubeObject[] {
  return objects
    .filter((o) => o.kind === 'Endpoints')
    .flatMap((e) =>
      endpointSlicesFromEndpoints(e as never).map(
        (s) =>
          ({
            apiVersion: 'discovery.k8s.io/v1',
            kind: 'EndpointSlice',
            addressType: 'IPv4',
            ...s,
          }) as KubeObject,
      ),
    );
}

/** Every fixture object the oracle serves (in the fixtures' own time base). */
export const ORACLE_OBJECTS: KubeObject[] = [
  ...ALL_OBJECTS,
  ...EXTRA_OBJECTS,
  ...endpointSlices([...ALL_OBJECTS, ...EXTRA_OBJECTS]),
];

const resourceArg = (o: KubeObject) =>
  o.kind.toLowerCase() + (o.apiVersion.includes('/') ? '.' + o.apiVersion.split('/')[0] : '');
const nsArgs = (o: KubeObject) => (o.metadata.namespace ? ['-n', o.metadata.namespace] : []);
const find = (objects: readonly KubeObject[], kind: string, name: string) =>
  objects.find((o) => o.kind === kind && o.metadata.name === name)!;
/** Objects of a kind in the default namespace (or cluster-scoped), in apiserver list order. */
const ofKind = (objects: readonly KubeObject[], kind: string) =>
  inListOrder(
    objects.filter((o) => o.kind === kind && (o.metadata.namespace ?? 'default') === 'default'),
  );
const inListOrder = (list: readonly KubeObject[]) =>
  [...list].sort((a, b) => {
    const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
    const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
const context = (objects: readonly KubeObject[]) => ({
  list: (kind: string) => objects.filter((o) => o.kind === kind),
});

/** Objects whose describe output depends on Go map order (several data keys) are skipped. */
const randomOrder = (o: KubeObject) =>
  (o.kind === 'ConfigMap' || o.kind === 'Secret') &&
  Object.keys((o as { data?: object }).data ?? {}).length > 1;

const NOT_DESCRIBED = new Set(['Event', 'EndpointSlice', 'Lease']);

function describeCases(): OracleCase[] {
  const single: OracleCase[] = ORACLE_OBJECTS.filter(
    (o) => !NOT_DESCRIBED.has(o.kind) && !randomOrder(o),
  ).map((o0) => ({
    name: `describe ${o0.kind} ${o0.metadata.name}`,
    args: ['describe', resourceArg(o0), o0.metadata.name!, ...nsArgs(o0)],
    render: (objects, now) => ({
      stdout: describe(find(objects, o0.kind, o0.metadata.name!), context(objects), now),
    }),
  }));
  const event = ORACLE_OBJECTS.find((o) => o.kind === 'Event')!;
  return [
    ...single,
    {
      name: `describe event ${event.metadata.name}`,
      args: ['describe', 'event', event.metadata.name!],
      render: (objects, now) => ({
        stdout: describe(find(objects, 'Event', event.metadata.name!), context(objects), now),
      }),
    },
    {
      name: 'describe jobs',
      args: ['describe', 'jobs'],
      render: (objects, now) => ({
        stdout: describeAll(sortByName(ofKind(objects, 'Job')), context(objects), now),
      }),
    },
    {
      name: 'describe deployments,replicasets --show-events=false',
      args: ['describe', 'deployments,replicasets', '--show-events=false'],
      render: (objects, now) => ({
        stdout: describeAll(
          [...ofKind(objects, 'Deployment'), ...sortByName(ofKind(objects, 'ReplicaSet'))],
          context(objects),
          now,
          { showEvents: false },
        ),
      }),
    },
  ];
}

const sortByName = (list: KubeObject[]) =>
  [...list].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));

function outputCases(): OracleCase[] {
  const cases: OracleCase[] = [];
  for (const o0 of ORACLE_OBJECTS.filter((o) => o.kind !== 'EndpointSlice')) {
    for (const format of ['yaml', 'json'] as const) {
      cases.push({
        name: `get ${o0.kind} ${o0.metadata.name} -o ${format}`,
        args: ['get', resourceArg(o0), o0.metadata.name!, ...nsArgs(o0), '-o', format],
        render: (objects) => {
          const o = find(objects, o0.kind, o0.metadata.name!);
          return { stdout: format === 'yaml' ? printYaml(o) : printJson(o) };
        },
      });
    }
  }
  for (const kind of ['Pod', 'Job']) {
    for (const format of ['yaml', 'json'] as const) {
      cases.push({
        name: `get ${kind} list -o ${format}`,
        args: ['get', kind.toLowerCase(), '-o', format],
        render: (objects) => {
          const list = listWrapper(ofKind(objects, kind));
          return { stdout: format === 'yaml' ? printYaml(list) : printJson(list) };
        },
      });
    }
  }
  return cases;
}

const JSONPATH_TEMPLATES = [
  '{.items[*].metadata.name}',
  '{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}',
  '{.items[0].spec.containers[0]}',
  '{.items[?(@.status.phase=="Running")].metadata.name}',
  '{.items[-1:].metadata.name}',
  '{.items[1:3].metadata.name}',
  '{.items[*].metadata.labels}',
  '{.foo}',
  'plain text',
  '{.items[*].spec.nodeName}',
  "{.items[*].metadata.labels['app']}",
  '{.items[*].status.containerStatuses[*].restartCount}',
  '{.items[?(@.spec.nodeName)].metadata.name}',
  "{.items[*].metadata['name','namespace']}",
  '{.items[100]}',
  '{.items[?(@.spec.priority==0)].metadata.name}',
  '{range .items[*]}[{.metadata.name}]{end}',
  '{.items[0].metadata.name',
  '{.items[0].metadata.name,.items[1].metadata.name}',
  '{.kind} {.apiVersion}',
  '{$.items[0].kind}',
  '{.items[*].spec.containers[*].command}',
  '{.items[0].status.conditions[0].lastProbeTime}',
  '{range .items[*]}{.metadata.name}{": "}{range .spec.containers[*]}{.image}{" "}{end}{"\\n"}{end}',
  '{.items[?(@.metadata.name=="two-times-xxxxx")].status.containerStatuses[0].state.terminated.exitCode}',
  '{.items[0:4:2].metadata.name}',
  '{.items[*].status.podIPs[*].ip}',
];

function jsonPathCases(): OracleCase[] {
  const cases: OracleCase[] = JSONPATH_TEMPLATES.map((template) => ({
    name: `get pods -o jsonpath=${template}`,
    args: ['get', 'pods', '-o', `jsonpath=${template}`],
    render: (objects) => {
      const r = printJsonPath(template, listWrapper(ofKind(objects, 'Pod')));
      return r.ok ? { stdout: r.value } : { stdout: '', stderr: errorLine(r.error) };
    },
  }));
  for (const template of [
    '{.foo}',
    '{.metadata.name}{.status.podIP}',
    '{.spec.containers[5]}',
    '{.metadata.labels.app}',
    "{.metadata.annotations['batch.kubernetes.io/job-completion-index']}",
    "{.metadata.annotations['batch\\.kubernetes\\.io/job-completion-index']}",
    '{.metadata.annotations.batch\\.kubernetes\\.io/job-completion-index}',
    '{.spec.containers[0].ports[?(@.protocol=="UDP")].containerPort}',
    '{.spec.containers[0].resources.limits}',
  ]) {
    cases.push({
      name: `get pod -o jsonpath=${template} --allow-missing-template-keys=false`,
      args: [
        'get',
        'pod',
        'probed-kkkkk',
        '-o',
        `jsonpath=${template}`,
        '--allow-missing-template-keys=false',
      ],
      render: (objects) => {
        const r = printJsonPath(template, find(objects, 'Pod', 'probed-kkkkk'), {
          allowMissingKeys: false,
        });
        return r.ok ? { stdout: r.value } : { stdout: '', stderr: errorLine(r.error) };
      },
    });
  }
  return cases;
}

/** How kubectl prints an error: `error: ` plus a newline unless the message ends with one. */
export function errorLine(message: string): string {
  return `error: ${message}${message.endsWith('\n') ? '' : '\n'}`;
}

const CUSTOM_COLUMNS = [
  'NAME:.metadata.name,NODE:.spec.nodeName,IMAGES:.spec.containers[*].image',
  'N:metadata.name,L:{.metadata.labels},R:.status.containerStatuses[*].restartCount,X:.nope',
  'A:{.metadata.name},C:.spec.containers[0].command',
  'NAME:.metadata.name,OWNER:.metadata.ownerReferences[0].kind,START:.status.startTime',
];

function customColumnCases(): OracleCase[] {
  return CUSTOM_COLUMNS.map((spec) => ({
    name: `get pods -o custom-columns=${spec}`,
    args: ['get', 'pods', '-o', `custom-columns=${spec}`],
    render: (objects) => {
      const columns = parseCustomColumnsSpec(spec);
      const r = columns.ok ? printCustomColumns(columns.value, ofKind(objects, 'Pod')) : columns;
      return r.ok ? { stdout: r.value } : { stdout: '', stderr: errorLine(r.error) };
    },
  }));
}

const ALL_KINDS = ['Pod', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet', 'CronJob', 'Job'];

function tableCase(
  args: string[],
  kinds: string[],
  options: Omit<GetTableOptions, 'now'>,
): OracleCase {
  return {
    name: args.join(' '),
    args,
    tables: true,
    render: (objects, now) => {
      const all = args.includes('-A');
      const list = kinds.flatMap((k) =>
        all ? inListOrder(objects.filter((o) => o.kind === k)) : ofKind(objects, k),
      );
      return { stdout: printTable(list, { now, ...options }) };
    },
  };
}

function tableCases(): OracleCase[] {
  return [
    tableCase(['get', 'pods'], ['Pod'], {}),
    tableCase(['get', 'pods', '-o', 'wide'], ['Pod'], { wide: true }),
    tableCase(['get', 'pods', '--show-labels'], ['Pod'], { showLabels: true }),
    tableCase(['get', 'pods', '-L', 'app,batch.kubernetes.io/job-name'], ['Pod'], {
      columnLabels: ['app', 'batch.kubernetes.io/job-name'],
    }),
    tableCase(['get', 'pods', '-A'], ['Pod'], { withNamespace: true }),
    tableCase(['get', 'pods', '--no-headers'], ['Pod'], { noHeaders: true }),
    tableCase(['get', 'jobs', '-o', 'wide'], ['Job'], { wide: true }),
    tableCase(['get', 'cronjobs', '-o', 'wide'], ['CronJob'], { wide: true }),
    tableCase(['get', 'nodes', '-o', 'wide'], ['Node'], { wide: true }),
    tableCase(['get', 'nodes', '-A', '--show-labels'], ['Node'], {
      withNamespace: true,
      showLabels: true,
    }),
    tableCase(['get', 'svc', '-o', 'wide'], ['Service'], { wide: true }),
    tableCase(['get', 'events', '-o', 'wide'], ['Event'], { wide: true }),
    tableCase(['get', 'events'], ['Event'], {}),
    tableCase(['get', 'all'], ALL_KINDS, { withKind: true }),
    tableCase(['get', 'all', '--no-headers'], ALL_KINDS, { withKind: true, noHeaders: true }),
    tableCase(['get', 'jobs,cronjobs', '-A'], ['Job', 'CronJob'], {
      withKind: true,
      withNamespace: true,
    }),
    tableCase(
      ['get', 'cm,secret,sa,ep,ns,controllerrevisions,rs,deploy,ds,cj', '-o', 'wide'],
      [
        'ConfigMap',
        'Secret',
        'ServiceAccount',
        'Endpoints',
        'Namespace',
        'ControllerRevision',
        'ReplicaSet',
        'Deployment',
        'DaemonSet',
        'CronJob',
      ],
      { withKind: true, wide: true },
    ),
  ];
}

const WATCH_EVENTS: WatchEvent[] = [
  { type: 'MODIFIED', object: mkPod('creating-fffff', -1, 'running', { node: 'node03' }) },
  { type: 'ADDED', object: mkPod('a-much-longer-pod-name-zzzzz', 0, 'creating') },
  {
    type: 'MODIFIED',
    object: mkPod('crashy-ccccc', -300, 'crashloop', { restarts: 5, lastFinished: -2 }),
  },
  { type: 'DELETED', object: mkPod('two-times-xxxxx', -30, 'completed') },
];

function watchCase(
  args: string[],
  options: { events?: boolean; watchOnly?: boolean; wide?: boolean },
): OracleCase {
  return {
    name: args.join(' '),
    args,
    tables: true,
    watch: WATCH_EVENTS,
    render: (objects, now) => {
      const printer = createWatchPrinter('Pod', {
        now,
        outputWatchEvents: options.events,
        wide: options.wide,
      });
      let out = options.watchOnly ? '' : printer.initial(ofKind(objects, 'Pod'));
      // Cases render with `now` = the second the fixtures (written for T0) were shifted to.
      for (const e of WATCH_EVENTS)
        out += printer.event(e.type, shiftTimes(e.object, now - T0), now);
      return { stdout: out };
    },
  };
}

function watchCases(): OracleCase[] {
  return [
    watchCase(['get', 'pods', '-w'], {}),
    watchCase(['get', 'pods', '-w', '--output-watch-events'], { events: true }),
    watchCase(['get', 'pods', '--watch-only'], { watchOnly: true }),
    watchCase(['get', 'pods', '-w', '-o', 'wide', '--output-watch-events'], {
      events: true,
      wide: true,
    }),
  ];
}

/** All cases. */
export function oracleCases(): OracleCase[] {
  return [
    ...describeCases(),
    ...outputCases(),
    ...jsonPathCases(),
    ...customColumnCases(),
    ...tableCases(),
    ...watchCases(),
  ];
}
