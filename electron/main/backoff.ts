/** Exponential backoff for restarting the host (and reloading a crashed renderer). */

export interface BackoffOptions {
  /** Delay before the first retry, in ms. */
  initialMs: number;
  /** Growth per attempt. */
  factor: number;
  /** Ceiling, in ms. */
  maxMs: number;
  /** Fraction (0–1) of the delay that is randomly taken off, so kiosks restarting together spread out. */
  jitter: number;
}

/** Defaults: 0.5 s, 1 s, 2 s … capped at 30 s, up to 20 % jitter. */
export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, factor: 2, maxMs: 30_000, jitter: 0.2 };

/**
 * Delay before retry number `attempt` (0-based). Pure; `random` is injectable
 * so tests are deterministic.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const n = Number.isFinite(attempt) && attempt > 0 ? Math.floor(attempt) : 0;
  const raw = Math.min(options.maxMs, options.initialMs * Math.pow(options.factor, n));
  const jitter = Math.min(Math.max(options.jitter, 0), 1);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(raw * (1 - jitter * r));
}
