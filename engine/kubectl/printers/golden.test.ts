/**
 * Every `kubectl get` table of /work/shared/reference/golden-scenarios.md (S1–S40), rendered from
 * objects in the scenario's state at its virtual time. Placeholders (`xxxxx`, `<uid>`, hashes)
 * are replaced by concrete names of the same width, so column widths are as in the file.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { describe as describeObject } from './describe';
import { noResourcesFound, printTable, type GetTableOptions } from './tableprinter';
import { T0 } from './testdata/cluster';
import { mkCronJob, mkDaemonSet, mkEvent, mkJob, mkNode, mkPod } from './testdata/builders';

const table = (
  objects: KubeObject[],
  seconds: number,
  options: Omit<GetTableOptions, 'now'> = {},
) => printTable(objects, { now: T0 + seconds * 1000, ...options });

const lines = (...rows: string[]) => rows.join('\n') + '\n';

const UID = '9b3380cf-44e1-443d-9769-41cc9f3230fa';
const jobLabels = (name: string, extra: Record<string, string> = {}) => ({
  ...extra,
  'batch.kubernetes.io/controller-uid': UID,
  'batch.kubernetes.io/job-name': name,
  'controller-uid': UID,
  'job-name': name,
});

describe('A. Jobs', () => {
  it('S1 pods at +1s, job and pods at +30s', () => {
    expect(table([mkPod('two-times-bpp2z', 0, 'creating')], 1)).toBe(
      lines(
        'NAME              READY   STATUS              RESTARTS   AGE',
        'two-times-bpp2z   0/1     ContainerCreating   0          1s',
      ),
    );
    const job = mkJob('two-times', 0, {
      start: 0,
      completion: 3,
      succeeded: 1,
      conditions: ['SuccessCriteriaMet', 'Complete'],
    });
    expect(table([job], 30)).toBe(
      lines(
        'NAME        STATUS     COMPLETIONS   DURATION   AGE',
        'two-times   Complete   1/1           3s         30s',
      ),
    );
    expect(table([mkPod('two-times-bpp2z', 0, 'completed')], 30)).toBe(
      lines(
        'NAME              READY   STATUS      RESTARTS   AGE',
        'two-times-bpp2z   0/1     Completed   0          30s',
      ),
    );
  });

  it('S3 testapp-job running, completed, with labels', () => {
    expect(table([mkPod('testapp-job-bpp2z', 0, 'running')], 6)).toBe(
      lines(
        'NAME                READY   STATUS    RESTARTS   AGE',
        'testapp-job-bpp2z   1/1     Running   0          6s',
      ),
    );
    expect(table([mkJob('testapp-job', 0, { start: 0, succeeded: 0 })], 14)).toBe(
      lines(
        'NAME          STATUS    COMPLETIONS   DURATION   AGE',
        'testapp-job   Running   0/1           14s        14s',
      ),
    );
    expect(table([mkPod('testapp-job-bpp2z', 0, 'completed')], 25)).toBe(
      lines(
        'NAME                READY   STATUS      RESTARTS   AGE',
        'testapp-job-bpp2z   0/1     Completed   0          25s',
      ),
    );
    const done = mkJob('testapp-job', 0, {
      start: 0,
      completion: 23,
      succeeded: 1,
      conditions: ['SuccessCriteriaMet', 'Complete'],
      labels: jobLabels('testapp-job', { app: 'testapp-job' }),
    });
    expect(table([done], 29)).toBe(
      lines(
        'NAME          STATUS     COMPLETIONS   DURATION   AGE',
        'testapp-job   Complete   1/1           23s        29s',
      ),
    );
    expect(
      table([done], 29, { showLabels: true })
        .split('\n')[1]
        .split(/\s{3,}/)
        .pop(),
    ).toBe(
      `app=testapp-job,batch.kubernetes.io/controller-uid=${UID},batch.kubernetes.io/job-name=testapp-job,controller-uid=${UID},job-name=testapp-job`,
    );
  });

  it('S4 sequential completions', () => {
    expect(
      table(
        [
          mkPod('testapp-job-comp-67lb4', 0, 'completed'),
          mkPod('testapp-job-comp-xgb8l', 18, 'creating'),
        ],
        18,
      ),
    ).toBe(
      lines(
        'NAME                     READY   STATUS              RESTARTS   AGE',
        'testapp-job-comp-67lb4   0/1     Completed           0          18s',
        'testapp-job-comp-xgb8l   0/1     ContainerCreating   0          0s',
      ),
    );
    const job = mkJob('testapp-job-comp', 0, {
      start: 0,
      completion: 55,
      succeeded: 3,
      completions: 3,
      conditions: ['Complete'],
    });
    expect(table([job], 60)).toBe(
      lines(
        'NAME               STATUS     COMPLETIONS   DURATION   AGE',
        'testapp-job-comp   Complete   3/3           55s        60s',
      ),
    );
  });

  it('S5 parallelism 2', () => {
    expect(
      table(
        [
          mkPod('testapp-job-para-aaaaa', 0, 'completed'),
          mkPod('testapp-job-para-bbbbb', 0, 'completed'),
          mkPod('testapp-job-para-ccccc', 13, 'creating'),
        ],
        13,
      ),
    ).toBe(
      lines(
        'NAME                     READY   STATUS              RESTARTS   AGE',
        'testapp-job-para-aaaaa   0/1     Completed           0          13s',
        'testapp-job-para-bbbbb   0/1     Completed           0          13s',
        'testapp-job-para-ccccc   0/1     ContainerCreating   0          0s',
      ),
    );
  });

  it('S8 failed job: pods, job and the describe events tail', () => {
    const pods = [
      mkPod('fail-never-aaaaa', 0, 'error'),
      mkPod('fail-never-bbbbb', 12, 'error'),
      mkPod('fail-never-ccccc', 34, 'error'),
    ];
    expect(table(pods, 50)).toBe(
      lines(
        'NAME               READY   STATUS   RESTARTS   AGE',
        'fail-never-aaaaa   0/1     Error    0          50s',
        'fail-never-bbbbb   0/1     Error    0          38s',
        'fail-never-ccccc   0/1     Error    0          16s',
      ),
    );
    const job = mkJob('fail-never', 0, { start: 0, conditions: ['FailureTarget', 'Failed'] });
    expect(table([job], 50)).toBe(
      lines(
        'NAME         STATUS   COMPLETIONS   DURATION   AGE',
        'fail-never   Failed   0/1           50s        50s',
      ),
    );
    const events = [
      mkEvent(
        'Job',
        'fail-never',
        'Normal',
        'SuccessfulCreate',
        'Created pod: fail-never-aaaaa',
        0,
      ),
      mkEvent(
        'Job',
        'fail-never',
        'Normal',
        'SuccessfulCreate',
        'Created pod: fail-never-bbbbb',
        12,
      ),
      mkEvent(
        'Job',
        'fail-never',
        'Normal',
        'SuccessfulCreate',
        'Created pod: fail-never-ccccc',
        34,
      ),
      mkEvent(
        'Job',
        'fail-never',
        'Warning',
        'BackoffLimitExceeded',
        'Job has reached the specified backoff limit',
        37,
      ),
    ];
    const text = describeObject(
      job,
      { list: (kind) => (kind === 'Event' ? events : []) },
      T0 + 50_000,
    );
    expect(text.split('\n').slice(-8).join('\n')).toBe(
      lines(
        'Events:',
        '  Type     Reason                Age   From            Message',
        '  ----     ------                ----  ----            -------',
        '  Normal   SuccessfulCreate      50s   job-controller  Created pod: fail-never-aaaaa',
        '  Normal   SuccessfulCreate      38s   job-controller  Created pod: fail-never-bbbbb',
        '  Normal   SuccessfulCreate      16s   job-controller  Created pod: fail-never-ccccc',
        '  Warning  BackoffLimitExceeded  13s   job-controller  Job has reached the specified backoff limit',
      ),
    );
  });

  it('S11 ttl job row', () => {
    const job = mkJob('ttl', 0, {
      start: 0,
      completion: 3,
      succeeded: 1,
      conditions: ['Complete'],
    });
    expect(table([job], 5)).toBe(
      lines(
        'NAME   STATUS     COMPLETIONS   DURATION   AGE',
        'ttl    Complete   1/1           3s         5s',
      ),
    );
  });

  it('S12 suspended then resumed job', () => {
    expect(table([mkJob('paused', 0, { conditions: ['Suspended'] })], 10)).toBe(
      lines(
        'NAME     STATUS      COMPLETIONS   DURATION   AGE',
        'paused   Suspended   0/1                      10s',
      ),
    );
    const done = mkJob('paused', 0, {
      start: 20,
      completion: 28,
      succeeded: 1,
      conditions: ['SuccessCriteriaMet', 'Complete'],
    });
    expect(table([done], 40)).toBe(
      lines(
        'NAME     STATUS     COMPLETIONS   DURATION   AGE',
        'paused   Complete   1/1           8s         40s',
      ),
    );
  });
});

describe('B. CronJobs', () => {
  it('S18 first run and its jobs', () => {
    expect(table([mkCronJob('simple', -10, '*/1 * * * *', { lastSchedule: 0 })], 10)).toBe(
      lines(
        'NAME     SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE',
        'simple   */1 * * * *   <none>     False     0        10s             20s',
      ),
    );
    const jobs = [
      mkJob('simple-28948920', 0, {
        start: 0,
        completion: 3,
        succeeded: 1,
        conditions: ['Complete'],
      }),
      mkJob('simple-28948921', 60, {
        start: 60,
        completion: 63,
        succeeded: 1,
        conditions: ['Complete'],
      }),
    ];
    expect(table(jobs, 65)).toBe(
      lines(
        'NAME              STATUS     COMPLETIONS   DURATION   AGE',
        'simple-28948920   Complete   1/1           3s         65s',
        'simple-28948921   Complete   1/1           3s         5s',
      ),
    );
  });

  it('S19 history limit keeps three jobs', () => {
    const jobs = [180, 240, 300].map((t) =>
      mkJob(`simple-${28948920 + t / 60}`, t, {
        start: t,
        completion: t + 3,
        succeeded: 1,
        conditions: ['Complete'],
      }),
    );
    expect(table(jobs, 303)).toBe(
      lines(
        'NAME              STATUS     COMPLETIONS   DURATION   AGE',
        'simple-28948923   Complete   1/1           3s         2m3s',
        'simple-28948924   Complete   1/1           3s         63s',
        'simple-28948925   Complete   1/1           3s         3s',
      ),
    );
  });

  it('S21/S23 active counts', () => {
    expect(
      table([mkCronJob('forbid', -10, '*/1 * * * *', { active: 1, lastSchedule: 0 })], 70).split(
        '\n',
      )[1],
    ).toBe('forbid   */1 * * * *   <none>     False     1        70s             80s');
    expect(
      table([mkCronJob('allow', -10, '*/1 * * * *', { active: 2, lastSchedule: 60 })], 70),
    ).toBe(
      lines(
        'NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE',
        'allow   */1 * * * *   <none>     False     2        10s             80s',
      ),
    );
  });

  it('S24 suspended cronjob', () => {
    expect(
      table([mkCronJob('simple', -10, '*/1 * * * *', { suspend: true, lastSchedule: 120 })], 340),
    ).toBe(
      lines(
        'NAME     SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE',
        'simple   */1 * * * *   <none>     True      0        3m40s           5m50s',
      ),
    );
  });

  it('S27 time zone column', () => {
    expect(table([mkCronJob('nightly', 0, '0 3 * * *', { timeZone: 'Asia/Seoul' })], 5)).toBe(
      lines(
        'NAME      SCHEDULE    TIMEZONE     SUSPEND   ACTIVE   LAST SCHEDULE   AGE',
        'nightly   0 3 * * *   Asia/Seoul   False     0        <none>          5s',
      ),
    );
  });
});

describe('C. DaemonSets', () => {
  const dsLabels = {
    app: 'testapp-ds',
    'controller-revision-hash': '6895fcbd55',
    'pod-template-generation': '1',
  };

  it('S29 daemonset and its labelled pods', () => {
    expect(table([mkDaemonSet('testapp-daemon-notnodeselector', 0, [3, 3, 3, 3, 3])], 229)).toBe(
      lines(
        'NAME                             DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE',
        'testapp-daemon-notnodeselector   3         3         3       3            3           <none>          3m49s',
      ),
    );
    const pods = ['5hdwq', 'jht2q', 'xnmvz'].map((s) =>
      mkPod(`testapp-daemon-notnodeselector-${s}`, 0, 'running', { labels: dsLabels }),
    );
    expect(table(pods, 229, { showLabels: true })).toBe(
      lines(
        'NAME                                   READY   STATUS    RESTARTS   AGE     LABELS',
        'testapp-daemon-notnodeselector-5hdwq   1/1     Running   0          3m49s   app=testapp-ds,controller-revision-hash=6895fcbd55,pod-template-generation=1',
        'testapp-daemon-notnodeselector-jht2q   1/1     Running   0          3m49s   app=testapp-ds,controller-revision-hash=6895fcbd55,pod-template-generation=1',
        'testapp-daemon-notnodeselector-xnmvz   1/1     Running   0          3m49s   app=testapp-ds,controller-revision-hash=6895fcbd55,pod-template-generation=1',
      ),
    );
  });

  it('S30 node selectors before and after labelling', () => {
    expect(
      table(
        [
          mkDaemonSet('testapp-ds-java', 0, [0, 0, 0, 0, 0], { node: 'java' }),
          mkDaemonSet('testapp-ds-python', 248, [0, 0, 0, 0, 0], { node: 'python' }),
        ],
        272,
      ),
    ).toBe(
      lines(
        'NAME                DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE',
        'testapp-ds-java     0         0         0       0            0           node=java       4m32s',
        'testapp-ds-python   0         0         0       0            0           node=python     24s',
      ),
    );
    expect(
      table(
        [
          mkDaemonSet('testapp-ds-java', 0, [2, 2, 2, 2, 2], { node: 'java' }),
          mkDaemonSet('testapp-ds-python', 248, [1, 1, 1, 1, 1], { node: 'python' }),
        ],
        310,
      ),
    ).toBe(
      lines(
        'NAME                DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE',
        'testapp-ds-java     2         2         2       2            2           node=java       5m10s',
        'testapp-ds-python   1         1         1       1            1           node=python     62s',
      ),
    );
  });

  it('S33 misscheduled node leaves DESIRED 2; S36 OnDelete row', () => {
    expect(table([mkDaemonSet('logd', 0, [2, 2, 2, 2, 2])], 300)).toBe(
      lines(
        'NAME   DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE',
        'logd   2         2         2       2            2           <none>          5m',
      ),
    );
    expect(table([mkDaemonSet('ondel', 0, [3, 3, 3, 0, 3])], 60).split('\n')[1]).toBe(
      'ondel   3         3         3       0            3           <none>          60s',
    );
  });
});

describe('D. Cross-cutting', () => {
  it('S39 kubectl get all', () => {
    const ds = { app: 'logd' };
    const objects: KubeObject[] = [
      mkPod('logd-aaaaa', -40, 'running', { labels: ds }),
      mkPod('logd-bbbbb', -40, 'running', { labels: ds }),
      mkPod('logd-ccccc', -40, 'running', { labels: ds }),
      mkPod('two-times-xxxxx', -30, 'completed'),
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: {
          name: 'kubernetes',
          namespace: 'default',
          creationTimestamp: new Date(T0 - (3 * 86400 + 3600) * 1000).toISOString(),
        },
        spec: {
          type: 'ClusterIP',
          clusterIP: '10.96.0.1',
          clusterIPs: ['10.96.0.1'],
          ports: [{ port: 443, protocol: 'TCP' }],
        },
      },
      mkDaemonSet('logd', -40, [3, 3, 3, 3, 3]),
      mkCronJob('simple', -20, '*/1 * * * *'),
      mkJob('two-times', -30, {
        start: -30,
        completion: -27,
        succeeded: 1,
        conditions: ['Complete'],
      }),
    ];
    expect(table(objects, 0, { withKind: true })).toBe(
      lines(
        'NAME                  READY   STATUS      RESTARTS   AGE',
        'pod/logd-aaaaa        1/1     Running     0          40s',
        'pod/logd-bbbbb        1/1     Running     0          40s',
        'pod/logd-ccccc        1/1     Running     0          40s',
        'pod/two-times-xxxxx   0/1     Completed   0          30s',
        '',
        'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE',
        'service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   3d1h',
        '',
        'NAME                  DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE',
        'daemonset.apps/logd   3         3         3       3            3           <none>          40s',
        '',
        'NAME                   SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE',
        'cronjob.batch/simple   */1 * * * *   <none>     False     0        <none>          20s',
        '',
        'NAME                  STATUS     COMPLETIONS   DURATION   AGE',
        'job.batch/two-times   Complete   1/1           3s         30s',
      ),
    );
  });

  it('S40 nodes, cordoned node and events', () => {
    const age = -(3 * 86400 + 3600);
    const nodes = [
      mkNode('controlplane', age, { controlPlane: true }),
      mkNode('node01', age),
      mkNode('node02', age),
      mkNode('node03', age),
    ];
    expect(table(nodes, 0)).toBe(
      lines(
        'NAME           STATUS   ROLES           AGE    VERSION',
        'controlplane   Ready    control-plane   3d1h   v1.32.0',
        'node01         Ready    <none>          3d1h   v1.32.0',
        'node02         Ready    <none>          3d1h   v1.32.0',
        'node03         Ready    <none>          3d1h   v1.32.0',
      ),
    );
    expect(table([mkNode('node03', age, { cordoned: true })], 0).split('\n')[1]).toBe(
      'node03   Ready,SchedulingDisabled   <none>   3d1h   v1.32.0',
    );
    const events = [
      mkEvent('Job', 'two-times', 'Normal', 'SuccessfulCreate', 'Created pod: two-times-xxxxx', 0),
      mkEvent('Job', 'two-times', 'Normal', 'Completed', 'Job completed', 3),
    ];
    expect(table(events, 30)).toBe(
      lines(
        'LAST SEEN   TYPE     REASON             OBJECT          MESSAGE',
        '30s         Normal   SuccessfulCreate   job/two-times   Created pod: two-times-xxxxx',
        '27s         Normal   Completed          job/two-times   Job completed',
      ),
    );
  });

  it('empty lists print nothing; kubectl says "No resources found" on stderr', () => {
    expect(table([], 0)).toBe('');
    expect(noResourcesFound('default')).toBe('No resources found in default namespace.\n');
    expect(noResourcesFound(undefined)).toBe('No resources found\n');
    expect(noResourcesFound('default', true)).toBe('No resources found\n');
  });
});
