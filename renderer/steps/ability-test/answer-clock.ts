/**
 * The renderer's side of the 三力测试's timing: when a stimulus was shown,
 * by `performance.now()` (monotonic, sub-millisecond, unaffected by the
 * wall clock), and how long until the touch. The effect runs after React
 * committed the stimulus, so the clock starts when it is on screen. The host
 * checks every time it is sent; the renderer decides nothing with them.
 */
import { useEffect, useRef } from 'react';

export interface AnswerClock {
  /** ms since the stimulus was shown, or null before it was. */
  elapsed(): number | null;
}

/**
 * Starts the clock when `running` becomes true (the stimulus is shown) and
 * calls `onTimeout` once `limitMs` passed without an answer.
 */
export function useAnswerClock(running: boolean, limitMs: number, onTimeout: () => void): AnswerClock {
  const shownAt = useRef<number | null>(null);
  const timeout = useRef(onTimeout);
  useEffect(() => {
    timeout.current = onTimeout;
  });
  useEffect(() => {
    if (!running) {
      shownAt.current = null;
      return undefined;
    }
    shownAt.current = performance.now();
    const timer = setTimeout(() => timeout.current(), limitMs);
    return () => clearTimeout(timer);
  }, [running, limitMs]);
  return { elapsed: () => (shownAt.current === null ? null : Math.round(performance.now() - shownAt.current)) };
}
