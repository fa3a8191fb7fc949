/**
 * The one message protocol between the UI thread and the engine worker. Every message is a
 * member of a discriminated union with a dotted `type`; both sides switch on it exhaustively
 * with `assertNever`, so adding a message is a compile error until every handler knows it.
 */
import type { ClusterSnapshot } from './view';

/** Bumped whenever a message changes shape; the UI refuses a worker that speaks another version. */
export const PROTOCOL_VERSION = 1;

/** Messages the UI sends to the engine. Requests carry an `id` that the reply echoes. */
export type ToEngine =
  | { type: 'engine.init'; seed: number; start: number; speed: number; paused: boolean }
  | { type: 'clock.play'; speed: number }
  | { type: 'clock.pause' }
  | { type: 'clock.advance'; id: number; seconds: number }
  | { type: 'state.get'; id: number };

/** Messages the engine sends to the UI. */
export type ToUi =
  | { type: 'engine.ready'; version: number; now: number }
  | { type: 'clock.tick'; now: number; speed: number; paused: boolean }
  | { type: 'clock.advanced'; id: number; now: number }
  | { type: 'state.snapshot'; id: number; state: ClusterSnapshot }
  | { type: 'engine.error'; id?: number; message: string };

/** Marks a switch as exhaustive: it only compiles when every union member was handled. */
export function assertNever(value: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(value)}`);
}
