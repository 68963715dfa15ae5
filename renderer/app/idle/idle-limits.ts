/**
 * How long each step waits for the citizen before asking "need more time?",
 * and how long that question waits before the session ends and is wiped.
 * The renderer's own timers; the host keeps a longer backstop of its own.
 */
import type { SessionStep } from '../session/route';

/** Idle limit per step, in ms, in normal mode (elder mode doubles them). */
export const IDLE_LIMITS_MS: Readonly<Record<SessionStep, number>> = {
  home: 90_000,
  category: 90_000,
  service: 120_000,
};

/** How long the "need more time?" countdown runs, in ms. */
export const COUNTDOWN_MS = 30_000;
/** The countdown never gets shorter than this, even with a dev scale (it must be readable). */
export const MIN_COUNTDOWN_MS = 3_000;

/** Send `session.activity` at most this often while the citizen touches the screen. */
export const ACTIVITY_INTERVAL_MS = 10_000;

/** The timings of one step. */
export interface StepTiming {
  idleMs: number;
  countdownMs: number;
}

/** The step's timings for the mode, shortened by `scale` (1 in production). */
export function stepTiming(step: SessionStep, elderMode: boolean, scale = 1): StepTiming {
  const factor = (elderMode ? 2 : 1) * scale;
  return {
    idleMs: Math.round(IDLE_LIMITS_MS[step] * factor),
    countdownMs: Math.max(MIN_COUNTDOWN_MS, Math.round(COUNTDOWN_MS * factor)),
  };
}

/**
 * The dev override `?idleScale=0.05`, for end-to-end tests and demos. Honoured
 * only on a simulated kiosk, only ever shortens (0.01…1), and ignored otherwise.
 */
export function readIdleScale(search: string, simulation: boolean): number {
  if (!simulation) return 1;
  const raw = new URLSearchParams(search).get('idleScale');
  if (raw === null) return 1;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) return 1;
  return Math.min(1, Math.max(0.01, value));
}
