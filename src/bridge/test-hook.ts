/**
 * `window.podlab`: the automation API that e2e tests and host pages use instead of sleeping.
 * Every call goes through the EngineClient.
 */
import type { ClusterSnapshot } from '../../engine/view';
import type { EngineClient } from './engine-client';

/** The automation surface on `window.podlab`. */
export interface PodlabApi {
  state(): Promise<ClusterSnapshot>;
  advance(seconds: number): Promise<ClusterSnapshot>;
  pause(): void;
  play(speed?: number): void;
}

declare global {
  interface Window {
    podlab?: PodlabApi;
  }
}

/** Installs `window.podlab` over a client. */
export function installTestHook(client: EngineClient): PodlabApi {
  const api: PodlabApi = {
    state: () => client.state(),
    advance: async (seconds) => {
      await client.advance(seconds);
      return client.state();
    },
    pause: () => client.pause(),
    play: (speed = 1) => client.play(speed),
  };
  window.podlab = api;
  return api;
}
