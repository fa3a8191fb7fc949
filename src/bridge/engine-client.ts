/**
 * The UI's only channel to the engine: it posts typed messages to the worker and turns replies
 * into promises and store updates. Nothing else in src/ or app/ calls postMessage.
 */
import { assertNever, PROTOCOL_VERSION, type ToEngine, type ToUi } from '../../engine/protocol';
import type { ClusterSnapshot } from '../../engine/view';
import { useClockStore } from '../stores/clock-store';

/** The part of a Worker the client needs (a real Worker, or a fake in tests). */
export interface WorkerPort {
  postMessage(message: ToEngine): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToUi>) => void): void;
}

type Pending = { resolve: (value: never) => void; reject: (error: Error) => void };

/** A typed client for the engine worker. */
export class EngineClient {
  private nextId = 1;
  private pending = new Map<number, Pending>();

  constructor(private readonly port: WorkerPort) {
    port.addEventListener('message', (event) => this.receive(event.data));
  }

  /** Starts a fresh simulation. */
  init(options: { seed: number; start: number; speed: number; paused: boolean }): void {
    this.send({ type: 'engine.init', ...options });
  }

  play(speed: number): void {
    this.send({ type: 'clock.play', speed });
  }

  pause(): void {
    this.send({ type: 'clock.pause' });
  }

  /** Moves virtual time forward now; resolves with the new virtual time (ms). */
  advance(seconds: number): Promise<number> {
    return this.request<number>((id) => ({ type: 'clock.advance', id, seconds }));
  }

  /** The current cluster snapshot. */
  state(): Promise<ClusterSnapshot> {
    return this.request<ClusterSnapshot>((id) => ({ type: 'state.get', id }));
  }

  private request<T>(build: (id: number) => ToEngine): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: never) => void, reject });
      this.send(build(id));
    });
  }

  private settle(id: number, value: unknown): void {
    const waiter = this.pending.get(id);
    this.pending.delete(id);
    waiter?.resolve(value as never);
  }

  private send(message: ToEngine): void {
    this.port.postMessage(message);
  }

  private receive(message: ToUi): void {
    const clock = useClockStore.getState();
    switch (message.type) {
      case 'engine.ready':
        if (message.version !== PROTOCOL_VERSION) {
          clock.setError(
            `engine speaks protocol ${message.version}, UI expects ${PROTOCOL_VERSION}`,
          );
          return;
        }
        clock.setReady(message.now);
        return;
      case 'clock.tick':
        clock.setTick(message.now, message.speed, message.paused);
        return;
      case 'clock.advanced':
        clock.setNow(message.now);
        this.settle(message.id, message.now);
        return;
      case 'state.snapshot':
        this.settle(message.id, message.state);
        return;
      case 'engine.error':
        if (message.id !== undefined) {
          const waiter = this.pending.get(message.id);
          this.pending.delete(message.id);
          waiter?.reject(new Error(message.message));
        }
        clock.setError(message.message);
        return;
      default:
        assertNever(message);
    }
  }
}
