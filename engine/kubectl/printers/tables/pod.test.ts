import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { podRow, podStatusCells } from './pod';

const NOW = Date.UTC(2025, 0, 15, 10, 0, 0);
const ago = (s: number) => new Date(NOW - s * 1000).toISOString().replace('.000Z', 'Z');

function pod(
  spec: Partial<NonNullable<Pod['spec']>>,
  status: NonNullable<Pod['status']>,
  meta: Record<string, unknown> = {},
): Pod {
  return {
    metadata: { name: 'p', creationTimestamp: ago(100), ...meta },
    spec: { containers: [{ name: 'c' }], ...spec },
    status,
  };
}

const cells = (p: Pod) => podStatusCells(p, NOW);

describe('printPod STATUS / READY / RESTARTS', () => {
  it('uses the phase, or status.reason (Evicted)', () => {
    expect(cells(pod({}, { phase: 'Pending' })).reason).toBe('Pending');
    expect(cells(pod({}, { phase: 'Failed', reason: 'Evicted' })).reason).toBe('Evicted');
  });

  it('shows SchedulingGated from the PodScheduled condition', () => {
    const p = pod(
      {},
      {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
      },
    );
    expect(cells(p).reason).toBe('SchedulingGated');
  });

  it('init containers: Init:i/n, Init:<reason>, Init:ExitCode/Signal', () => {
    const spec = { initContainers: [{ name: 'a' }, { name: 'b' }] };
    expect(
      cells(
        pod(spec, {
          phase: 'Pending',
          initContainerStatuses: [
            {
              name: 'a',
              ready: false,
              restartCount: 0,
              image: '',
              imageID: '',
              state: { running: {} },
            },
          ],
        }),
      ).reason,
    ).toBe('Init:0/2');
    expect(
      cells(
        pod(spec, {
          phase: 'Pending',
          initContainerStatuses: [
            {
              name: 'a',
              ready: false,
              restartCount: 0,
              image: '',
              imageID: '',
              state: { terminated: { exitCode: 0 } },
            },
            {
              name: 'b',
              ready: false,
              restartCount: 3,
              image: '',
              imageID: '',
              state: { waiting: { reason: 'CrashLoopBackOff' } },
              lastState: { terminated: { exitCode: 1, finishedAt: ago(30) } },
            },
          ],
        }),
      ),
    ).toEqual({ ready: '0/1', reason: 'Init:CrashLoopBackOff', restarts: '3 (30s ago)' });
    expect(
      cells(
        pod(spec, {
          phase: 'Failed',
          initContainerStatuses: [
            {
              name: 'a',
              ready: false,
              restartCount: 0,
              image: '',
              imageID: '',
              state: { terminated: { exitCode: 2 } },
            },
          ],
        }),
      ).reason,
    ).toBe('Init:ExitCode:2');
    expect(
      cells(
        pod(spec, {
          phase: 'Failed',
          initContainerStatuses: [
            {
              name: 'a',
              ready: false,
              restartCount: 0,
              image: '',
              imageID: '',
              state: { terminated: { exitCode: 137, signal: 9 } },
            },
          ],
        }),
      ).reason,
    ).toBe('Init:Signal:9');
    expect(
      cells(
        pod(spec, {
          phase: 'Failed',
          initContainerStatuses: [
            {
              name: 'a',
              ready: false,
              restartCount: 0,
              image: '',
              imageID: '',
              state: { terminated: { exitCode: 1, reason: 'Error' } },
            },
          ],
        }),
      ).reason,
    ).toBe('Init:Error');
  });

  it('sidecars count in READY and RESTARTS once started', () => {
    const p = pod(
      { initContainers: [{ name: 'side', restartPolicy: 'Always' }] },
      {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True' }],
        initContainerStatuses: [
          {
            name: 'side',
            ready: true,
            started: true,
            restartCount: 1,
            image: '',
            imageID: '',
            state: { running: {} },
            lastState: { terminated: { exitCode: 1, finishedAt: ago(90) } },
          },
        ],
        containerStatuses: [
          {
            name: 'c',
            ready: true,
            restartCount: 0,
            image: '',
            imageID: '',
            state: { running: {} },
          },
        ],
      },
    );
    expect(cells(p)).toEqual({ ready: '2/2', reason: 'Running', restarts: '1 (90s ago)' });
  });

  it('the first container with a reason wins; Completed next to a running container is Running/NotReady', () => {
    const two = { containers: [{ name: 'a' }, { name: 'b' }] };
    const s = (reason: string) => ({
      name: 'x',
      ready: false,
      restartCount: 0,
      image: '',
      imageID: '',
      state: { waiting: { reason } },
    });
    expect(
      cells(
        pod(two, {
          phase: 'Pending',
          containerStatuses: [
            { ...s('ErrImagePull'), name: 'a' },
            { ...s('ContainerCreating'), name: 'b' },
          ],
        }),
      ).reason,
    ).toBe('ErrImagePull');
    const mixed = {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'a',
          ready: false,
          restartCount: 0,
          image: '',
          imageID: '',
          state: { terminated: { exitCode: 0, reason: 'Completed' } },
        },
        { name: 'b', ready: true, restartCount: 0, image: '', imageID: '', state: { running: {} } },
      ],
    };
    expect(
      cells(pod(two, { ...mixed, conditions: [{ type: 'Ready', status: 'True' }] })).reason,
    ).toBe('Running');
    expect(cells(pod(two, mixed)).reason).toBe('NotReady');
    expect(cells(pod(two, mixed)).ready).toBe('1/2');
  });

  it('terminated without reason shows Signal:n or ExitCode:n', () => {
    const t = (terminated: object) => ({
      phase: 'Failed',
      containerStatuses: [
        { name: 'c', ready: false, restartCount: 0, image: '', imageID: '', state: { terminated } },
      ],
    });
    expect(cells(pod({}, t({ exitCode: 143, signal: 15 }) as never)).reason).toBe('Signal:15');
    expect(cells(pod({}, t({ exitCode: 3 }) as never)).reason).toBe('ExitCode:3');
  });

  it('deletion: Terminating unless terminal; Unknown for NodeLost', () => {
    const running = {
      phase: 'Running',
      containerStatuses: [
        { name: 'c', ready: true, restartCount: 0, image: '', imageID: '', state: { running: {} } },
      ],
    };
    expect(cells(pod({}, running, { deletionTimestamp: ago(1) })).reason).toBe('Terminating');
    expect(
      cells(pod({}, { ...running, reason: 'NodeLost' }, { deletionTimestamp: ago(1) })).reason,
    ).toBe('Unknown');
    expect(
      cells(
        pod(
          {},
          {
            phase: 'Succeeded',
            containerStatuses: [
              {
                name: 'c',
                ready: false,
                restartCount: 0,
                image: '',
                imageID: '',
                state: { terminated: { exitCode: 0, reason: 'Completed' } },
              },
            ],
          },
          { deletionTimestamp: ago(1) },
        ),
      ).reason,
    ).toBe('Completed');
  });

  it('RESTARTS without a last termination stays a bare number', () => {
    const p = pod(
      {},
      {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'c',
            ready: true,
            restartCount: 2,
            image: '',
            imageID: '',
            state: { running: {} },
          },
        ],
      },
    );
    expect(cells(p).restarts).toBe('2');
  });

  it('wide cells: IP, node, nominated node, readiness gates', () => {
    const p = pod(
      { nodeName: 'node01', readinessGates: [{ conditionType: 'a' }, { conditionType: 'b' }] },
      {
        phase: 'Running',
        podIPs: [{ ip: '10.0.0.1' }],
        conditions: [
          { type: 'a', status: 'True' },
          { type: 'b', status: 'False' },
        ],
      },
    );
    expect(podRow(p, NOW).slice(5)).toEqual(['10.0.0.1', 'node01', '<none>', '1/2']);
    expect(podRow(pod({}, { phase: 'Pending' }), NOW).slice(5)).toEqual([
      '<none>',
      '<none>',
      '<none>',
      '<none>',
    ]);
  });
});
