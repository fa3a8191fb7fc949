/** The UI's copy of the engine clock, fed only by the bridge. */
import { create } from 'zustand';

export interface ClockState {
  ready: boolean;
  now: number;
  speed: number;
  paused: boolean;
  error?: string;
  setReady(now: number): void;
  setTick(now: number, speed: number, paused: boolean): void;
  setNow(now: number): void;
  setError(message: string): void;
}

export const useClockStore = create<ClockState>((set) => ({
  ready: false,
  now: 0,
  speed: 1,
  paused: true,
  setReady: (now) => set({ ready: true, now }),
  setTick: (now, speed, paused) => set({ now, speed, paused }),
  setNow: (now) => set({ now }),
  setError: (error) => set({ error }),
}));
