/// <reference lib="webworker" />
/**
 * The engine's web-worker entry: it owns the simulation, paces it against the wall clock and
 * answers the UI over the typed protocol. The only engine file that touches worker globals.
 */
import { assertNever, PROTOCOL_VERSION, type ToEngine, type ToUi } from '../protocol';
import { createSimulation, type Simulation } from '../simulation';
import { Pacer } from './pacer';

declare const self: DedicatedWorkerGlobalScope;

const TICK_MS = 100;
let sim: Simulation | undefined;
let pacer: Pacer | undefined;
let interval: ReturnType<typeof setInterval> | undefined;

function post(message: ToUi): void {
  self.postMessage(message);
}

function tick(): void {
  if (!sim || !pacer) return;
  pacer.tick();
  post({ type: 'clock.tick', now: sim.now, speed: pacer.speed, paused: pacer.paused });
}

function handle(message: ToEngine): void {
  switch (message.type) {
    case 'engine.init': {
      sim = createSimulation({ seed: message.seed, start: message.start });
      pacer = new Pacer(sim, () => performance.now());
      if (!message.paused) pacer.play(message.speed);
      if (interval === undefined) interval = setInterval(tick, TICK_MS);
      post({ type: 'engine.ready', version: PROTOCOL_VERSION, now: sim.now });
      tick();
      return;
    }
    case 'clock.play':
      pacer?.play(message.speed);
      tick();
      return;
    case 'clock.pause':
      pacer?.pause();
      tick();
      return;
    case 'clock.advance': {
      if (!sim)
        return post({ type: 'engine.error', id: message.id, message: 'engine not initialised' });
      const wasPaused = pacer?.paused ?? true;
      const speed = pacer?.speed ?? 1;
      sim.advance(Math.max(0, Math.round(message.seconds * 1000)));
      if (!wasPaused) pacer?.play(speed);
      post({ type: 'clock.advanced', id: message.id, now: sim.now });
      tick();
      return;
    }
    case 'state.get':
      if (!sim)
        return post({ type: 'engine.error', id: message.id, message: 'engine not initialised' });
      post({ type: 'state.snapshot', id: message.id, state: sim.snapshot() });
      return;
    default:
      assertNever(message);
  }
}

self.addEventListener('message', (event: MessageEvent<ToEngine>) => {
  try {
    handle(event.data);
  } catch (error) {
    post({ type: 'engine.error', message: error instanceof Error ? error.message : String(error) });
  }
});
