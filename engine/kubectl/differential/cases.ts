/**
 * Client-side kubectl invocations compared with the real kubectl 1.32: dry-run output of the
 * generators, and the argument and flag errors of every verb Podlab supports. Podlab's answers
 * must match `recorded.json` (recorded from the real client by `record.oracle.ts`) byte for byte.
 */

/** One invocation. */
export interface DifferentialCase {
  args: string[];
  stdin?: string;
}

const DRY = ['--dry-run=client'];

/** Dry-run output of the object generators. */
const generators: string[][] = [
  // create job
  ['create', 'job', 'pi', '--image=perl:5.34.0', ...DRY, '-o', 'yaml'],
  ['create', 'job', 'pi', '--image=perl:5.34.0', ...DRY, '-o', 'json'],
  ['create', 'job', 'pi', '--image=perl:5.34.0', ...DRY, '-o', 'name'],
  ['create', 'job', 'pi', '--image=perl:5.34.0', ...DRY],
  ['create', 'job', 'hello', '--image=busybox', ...DRY, '-o', 'yaml', '--', 'echo', 'hi'],
  [
    'create',
    'job',
    'count',
    '--image=busybox:1.36',
    ...DRY,
    '-o',
    'yaml',
    '--',
    'sh',
    '-c',
    'for i in 1 2 3; do echo $i; done',
  ],
  ['create', 'job', 'x', '--image=busybox', '-n', 'work', ...DRY, '-o', 'yaml'],
  [
    'create',
    'job',
    'x',
    '--image=busybox',
    ...DRY,
    '-o',
    'jsonpath={.spec.template.spec.restartPolicy}',
  ],
  // create cronjob
  ['create', 'cronjob', 'hello', '--image=busybox', '--schedule=*/1 * * * *', ...DRY, '-o', 'yaml'],
  [
    'create',
    'cronjob',
    'hello',
    '--image=busybox',
    '--schedule=*/1 * * * *',
    ...DRY,
    '-o',
    'yaml',
    '--',
    'date',
  ],
  [
    'create',
    'cronjob',
    'hello',
    '--image=busybox',
    '--schedule=@hourly',
    '--restart=Never',
    ...DRY,
    '-o',
    'yaml',
  ],
  [
    'create',
    'cronjob',
    'hello',
    '--image=busybox',
    '--schedule=0 0 * * *',
    '--restart=Always',
    ...DRY,
    '-o',
    'yaml',
  ],
  ['create', 'cronjob', 'hello', '--image=busybox', '--schedule=0 0 * * *', ...DRY, '-o', 'json'],
  ['create', 'cronjob', 'hello', '--image=busybox', '--schedule=0 0 * * *', ...DRY, '-o', 'name'],
  ['create', 'cronjob', 'hello', '--image=busybox', '--schedule=0 0 * * *', ...DRY],
  ['create', 'cj', 'hello', '--image=busybox', '--schedule=5 * * * *', ...DRY, '-o', 'yaml'],
  // create deployment
  ['create', 'deployment', 'web', '--image=nginx', ...DRY, '-o', 'yaml'],
  ['create', 'deployment', 'web', '--image=nginx', '--replicas=3', ...DRY, '-o', 'yaml'],
  ['create', 'deployment', 'web', '--image=nginx', '--port=80', ...DRY, '-o', 'yaml'],
  ['create', 'deployment', 'web', '--image=nginx', '--image=busybox', ...DRY, '-o', 'yaml'],
  ['create', 'deployment', 'web', '--image=busybox', ...DRY, '-o', 'yaml', '--', 'sleep', '3600'],
  ['create', 'deploy', 'web', '--image=nginx', ...DRY, '-o', 'json'],
  ['create', 'deployment', 'web', '--image=nginx', ...DRY, '-o', 'name'],
  ['create', 'deployment', 'web', '--image=nginx', ...DRY],
  ['create', 'deployment', 'my.web', '--image=ghcr.io/c1t1d0s7/go-myweb', ...DRY, '-o', 'yaml'],
  // create service
  ['create', 'service', 'clusterip', 'queue', '--tcp=5672:5672', ...DRY, '-o', 'yaml'],
  [
    'create',
    'service',
    'clusterip',
    'web',
    '--tcp=80:8080',
    '--tcp=443:8443',
    ...DRY,
    '-o',
    'yaml',
  ],
  ['create', 'service', 'clusterip', 'headless', '--clusterip=None', ...DRY, '-o', 'yaml'],
  ['create', 'service', 'nodeport', 'web', '--tcp=80:8080', ...DRY, '-o', 'yaml'],
  [
    'create',
    'service',
    'nodeport',
    'web',
    '--tcp=80:8080',
    '--node-port=30080',
    ...DRY,
    '-o',
    'yaml',
  ],
  ['create', 'svc', 'clusterip', 'web', '--tcp=80', ...DRY, '-o', 'json'],
  ['create', 'service', 'clusterip', 'web', '--tcp=80:8080', ...DRY, '-o', 'name'],
  ['create', 'service', 'clusterip', 'web', '--tcp=80:8080', ...DRY],
  // create namespace
  ['create', 'namespace', 'work', ...DRY, '-o', 'yaml'],
  ['create', 'ns', 'work', ...DRY, '-o', 'name'],
];

// `run --dry-run=client` asks the server for its API groups, so it is checked elsewhere.

/** Argument errors: missing names, images, flags; wrong forms. */
const argumentErrors: string[][] = [
  ['create', 'job'],
  ['create', 'job', 'x'],
  ['create', 'job', 'x', 'y', '--image=busybox'],
  ['create', 'job', 'x', '--image=busybox', '--from=cronjob/y'],
  ['create', 'cronjob'],
  ['create', 'cronjob', 'x', '--image=busybox'],
  ['create', 'cronjob', 'x', '--schedule=* * * * *'],
  ['create', 'cronjob', 'x', '--image=busybox', '--schedule=* * * * *', '--restart=Always', ...DRY],
  ['create', 'deployment'],
  ['create', 'deployment', 'web'],
  ['create', 'deployment', 'web', '--image=nginx', '--replicas=-1', ...DRY],
  ['create', 'service', 'clusterip'],
  ['create', 'service', 'clusterip', 'web'],
  ['create', 'service', 'clusterip', 'web', '--tcp=x:y', ...DRY],
  ['create', 'service', 'nodeport', 'web'],
  ['create', 'namespace'],
  ['create'],
  ['create', 'nosuchthing', 'x'],
  ['run'],
  ['run', 'web'],
  ['run', 'web', '--image=nginx', '--restart=Sometimes', ...DRY],
  ['get'],
  ['get', 'pods', 'job/x'],
  ['describe'],
  ['logs'],
  ['exec'],
  ['delete'],
  ['delete', 'pods', '--grace-period=5', '--now', 'x'],
  ['label'],
  ['label', 'pods'],
  ['annotate'],
  ['annotate', 'pods'],
  ['patch'],
  ['patch', 'pod', 'x'],
  ['patch', 'pod', 'x', '-p', '{}', '--type=wat'],
  ['taint'],
  ['taint', 'nodes'],
  ['cordon'],
  ['uncordon'],
  ['drain'],
  ['scale'],
  ['scale', 'deployment', 'web'],
  ['set', 'image'],
  ['rollout', 'status'],
  ['rollout', 'history'],
  ['rollout', 'undo'],
  ['rollout', 'restart'],
  ['expose'],
  ['apply'],
  ['replace'],
  ['wait'],
  ['wait', 'pod/x'],
  ['explain'],
  ['attach'],
];

/** Verbs (and sub-verbs) whose unknown-flag error is checked. */
const verbs: string[][] = [
  ['get'],
  ['describe'],
  ['logs'],
  ['exec'],
  ['attach'],
  ['run'],
  ['expose'],
  ['create'],
  ['create', 'job'],
  ['create', 'cronjob'],
  ['create', 'deployment'],
  ['create', 'service', 'clusterip'],
  ['create', 'service', 'nodeport'],
  ['create', 'namespace'],
  ['apply'],
  ['replace'],
  ['delete'],
  ['patch'],
  ['label'],
  ['annotate'],
  ['taint'],
  ['cordon'],
  ['uncordon'],
  ['drain'],
  ['scale'],
  ['set', 'image'],
  ['rollout', 'status'],
  ['rollout', 'history'],
  ['rollout', 'undo'],
  ['rollout', 'restart'],
  ['wait'],
  ['explain'],
  ['api-resources'],
  ['version'],
  ['cluster-info'],
  ['top', 'pods'],
  ['top', 'nodes'],
  ['events'],
];

const flagErrors: string[][] = [
  ...verbs.map((v) => [...v, '--no-such-flag']),
  ...verbs.slice(0, 8).map((v) => [...v, '-Z']),
];

/** Every case, in a stable order; names are the joined arguments. */
export function differentialCases(): DifferentialCase[] {
  return [...generators, ...argumentErrors, ...flagErrors].map((args) => ({ args }));
}

/** A case's name: its command line. */
export function caseName(c: DifferentialCase): string {
  return ['kubectl', ...c.args]
    .map((a) => (/^[\w./=:@,-]+$/.test(a) ? a : JSON.stringify(a)))
    .join(' ');
}
