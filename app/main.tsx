/** Composition root: starts the engine worker, the bridge and the React tree. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EngineClient } from '../src/bridge/engine-client';
import { installTestHook } from '../src/bridge/test-hook';
import { App } from './App';
import './styles.css';

const params = new URLSearchParams(location.search);
const seed = Number(params.get('seed') ?? 1) || 1;
const speed = Number(params.get('speed') ?? 1) || 1;
const paused = params.get('paused') === '1';

const worker = new Worker(new URL('../engine/host/worker.ts', import.meta.url), { type: 'module' });
const client = new EngineClient(worker);
installTestHook(client);
client.init({ seed, start: Date.now(), speed, paused });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
