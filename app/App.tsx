import type { EngineClient } from '../src/bridge/engine-client';
import { ClockBar } from '../src/components/ClockBar';

/** The application shell. */
export function App({ client }: { client: EngineClient }) {
  return (
    <main className="app">
      <header className="app-header">
        <h1>Podlab</h1>
        <p>Kubernetes Jobs, CronJobs and DaemonSets on a simulated cluster.</p>
      </header>
      <ClockBar client={client} />
    </main>
  );
}
