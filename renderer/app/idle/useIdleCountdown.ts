/**
 * The idle timer of the step on screen: after `idleMs` without a touch it
 * opens the countdown; after `countdownMs` more, it calls `onExpired`.
 * While `held` (the kiosk is working for the citizen) it does not run and any
 * countdown closes; on release the full idle limit starts again. Hall staff
 * can give more time (`extend`): the countdown closes and, for the rest of
 * this step, the idle limit is that much longer.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StepTiming } from './idle-limits';

/** What the session view needs from the idle timer. */
export interface IdleCountdown {
  /** Whole seconds left on the countdown; null while it is not shown. */
  secondsLeft: number | null;
  /** Call on every touch: restarts the idle limit (unless the countdown is showing). */
  touched(): void;
  /** "Need more time": closes the countdown and restarts the idle limit. */
  moreTime(): void;
  /** More time from hall staff: closes the countdown and restarts the idle limit `extraMs` longer, until the step changes. */
  extend(extraMs: number): void;
}

/** `resetKey` changes with the step, restarting the limit. */
export function useIdleCountdown(timing: StepTiming, resetKey: string, onExpired: () => void, held = false): IdleCountdown {
  const [armedAt, setArmedAt] = useState(0);
  const [deadline, setDeadline] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [bonus, setBonus] = useState<{ key: string; ms: number }>({ key: resetKey, ms: 0 });
  const extraMs = bonus.key === resetKey ? bonus.ms : 0;
  const expired = useRef(onExpired);
  useEffect(() => {
    expired.current = onExpired;
  }, [onExpired]);

  // Work started for the citizen: whatever was counting down is moot (adjusting state during render).
  const [wasHeld, setWasHeld] = useState(held);
  if (wasHeld !== held) {
    setWasHeld(held);
    if (held) setDeadline(null);
  }

  // The idle limit: re-armed on each touch, each step and each release of a hold.
  useEffect(() => {
    if (held || deadline !== null) return;
    const timer = setTimeout(() => {
      const at = Date.now();
      setNow(at);
      setDeadline(at + timing.countdownMs);
    }, timing.idleMs + extraMs);
    return () => clearTimeout(timer);
  }, [timing.idleMs, timing.countdownMs, armedAt, resetKey, deadline, held, extraMs]);

  // The countdown: ticks every second, ends the session at zero.
  useEffect(() => {
    if (deadline === null || held) return;
    const tick = setInterval(() => setNow(Date.now()), 1_000);
    const end = setTimeout(() => expired.current(), Math.max(0, deadline - Date.now()));
    return () => {
      clearInterval(tick);
      clearTimeout(end);
    };
  }, [deadline, held]);

  const touched = useCallback(() => {
    if (deadline === null) setArmedAt((n) => n + 1);
  }, [deadline]);
  const moreTime = useCallback(() => {
    setDeadline(null);
    setArmedAt((n) => n + 1);
  }, []);

  const extend = useCallback(
    (ms: number) => {
      setBonus({ key: resetKey, ms: Math.max(0, ms) });
      setDeadline(null);
      setArmedAt((n) => n + 1);
    },
    [resetKey],
  );

  return { secondsLeft: deadline === null ? null : Math.max(0, Math.ceil((deadline - now) / 1_000)), touched, moreTime, extend };
}
