/** Reconnect delays: exponential, capped, with jitter so kiosks in one hall do not retry in step. */

/** How reconnect delays grow. */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  factor: number;
  /** Fraction of the delay randomised either way, 0..1. */
  jitter: number;
}

/** 500 ms, doubling, capped at 30 s, ±20 %. */
export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30_000, factor: 2, jitter: 0.2 };

/**
 * The delay before retry number `attempt` (1 for the first retry).
 * `random` returns [0, 1); 0.5 gives the exact exponential value.
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const n = Math.max(1, Math.floor(attempt));
  const base = Math.min(policy.maxMs, policy.initialMs * policy.factor ** (n - 1));
  const spread = base * Math.min(1, Math.max(0, policy.jitter));
  const jittered = base - spread + random() * 2 * spread;
  return Math.round(Math.min(policy.maxMs, Math.max(0, jittered)));
}
