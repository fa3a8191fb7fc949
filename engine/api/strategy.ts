/**
 * The per-kind registry strategy the API server calls on every write. The contract and the
 * implementations live in `engine/api/registry/`; this module names the lookup the server takes.
 */
import type { Strategy } from './registry/strategy';

export type { Strategy, StrategyContext } from './registry/strategy';

/** Looks up the strategy of a kind. */
export type StrategyLookup = (kind: string) => Strategy | undefined;
