import type { EngineClient } from '../bridge/engine-client';
import { useClockStore } from '../stores/clock-store';

const SPEEDS = [1, 10, 100, 1000, 10000];

function formatClock(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** The time bar: the engine's virtual clock with pause / play / speed controls. */
export function ClockBar({ client }: { client: EngineClient }) {
  const { ready, now, speed, paused, error } = useClockStore();
  return (
    <section className="clock-bar" aria-label="Virtual time">
      <output className="clock" data-testid="virtual-clock" aria-live="off">
        {ready ? formatClock(now) : 'starting engine…'}
      </output>
      <span className="clock-state" data-testid="clock-state">
        {paused ? 'paused' : `${speed}×`}
      </span>
      <div className="clock-buttons" role="group" aria-label="Speed">
        <button
          type="button"
          onClick={() => client.pause()}
          aria-pressed={paused}
          disabled={!ready}
        >
          Pause
        </button>
        {SPEEDS.map((s) => (
          <button
            key={s}
            type="button"
            onClick={() => client.play(s)}
            aria-pressed={!paused && speed === s}
            disabled={!ready}
          >
            {s.toLocaleString('en')}×
          </button>
        ))}
      </div>
      {error && (
        <p role="alert" className="clock-error">
          {error}
        </p>
      )}
    </section>
  );
}
