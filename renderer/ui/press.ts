/**
 * Touch press behaviour shared by every button: visible feedback on the very
 * pointerdown (a class set directly on the element, no React render in the
 * way), and a lock so a double tap cannot run an action twice.
 */
import { useCallback, useRef, useState, type PointerEvent } from 'react';

/** Class the stylesheet shows as "pressed" (alongside :active). */
export const PRESSED_CLASS = 'is-pressed';

/** Pointer handlers that mark the element pressed until the finger lifts or leaves. */
export const pressFeedback = {
  onPointerDown: (event: PointerEvent<HTMLElement>) => event.currentTarget.classList.add(PRESSED_CLASS),
  onPointerUp: (event: PointerEvent<HTMLElement>) => event.currentTarget.classList.remove(PRESSED_CLASS),
  onPointerCancel: (event: PointerEvent<HTMLElement>) => event.currentTarget.classList.remove(PRESSED_CLASS),
  onPointerLeave: (event: PointerEvent<HTMLElement>) => event.currentTarget.classList.remove(PRESSED_CLASS),
} as const;

/**
 * Runs at most one action at a time. `run` ignores calls while an action is
 * in flight (checked synchronously, so two taps in one frame run it once);
 * `running` is for rendering the locked state.
 */
export function usePressLock(): { running: boolean; run: (action: () => unknown) => void } {
  const busy = useRef(false);
  const [running, setRunning] = useState(false);
  const run = useCallback((action: () => unknown) => {
    if (busy.current) return;
    busy.current = true;
    setRunning(true);
    let result: unknown;
    try {
      result = action();
    } catch (error) {
      busy.current = false;
      setRunning(false);
      throw error;
    }
    void Promise.resolve(result)
      .catch(() => undefined)
      .finally(() => {
        busy.current = false;
        setRunning(false);
      });
  }, []);
  return { running, run };
}
