/**
 * Listens for the staff corner gesture (corner-gesture.ts) on the attract
 * screen. Nothing is drawn: the corners are watched through the window's
 * pointer events, so the gesture is invisible and never takes a touch away
 * from what lies in a corner (the help button sits top right).
 */
import { useEffect, useRef } from 'react';
import { cornerGesture, type CornerEvent, type CornerState } from './corner-gesture';

/** The size of each corner zone, in CSS pixels. */
export const CORNER_PX = 96;

export function StaffCornerGesture({
  onGesture,
  now = () => Date.now(),
}: {
  onGesture: () => void;
  now?: () => number;
}): null {
  const state = useRef<CornerState>({ kind: 'idle' });
  const latest = useRef({ onGesture, now });
  useEffect(() => {
    latest.current = { onGesture, now };
  }, [onGesture, now]);

  useEffect(() => {
    const feed = (event: CornerEvent): void => {
      const next = cornerGesture(state.current, event);
      state.current = next.state;
      if (next.done) latest.current.onGesture();
    };
    const zone = (e: PointerEvent): 'left' | 'right' | null => {
      if (e.clientY > CORNER_PX) return null;
      if (e.clientX <= CORNER_PX) return 'left';
      return e.clientX >= window.innerWidth - CORNER_PX ? 'right' : null;
    };
    const down = (e: PointerEvent): void => {
      const at = latest.current.now();
      const where = zone(e);
      if (where === 'left') feed({ kind: 'leftDown', at });
      else if (where === 'right') feed({ kind: 'rightTap', at });
      else feed({ kind: 'cancel' });
    };
    const up = (e: PointerEvent): void => {
      if (state.current.kind !== 'holding') return;
      // Let go outside the corner: no gesture.
      feed(zone(e) === 'left' ? { kind: 'leftUp', at: latest.current.now() } : { kind: 'cancel' });
    };
    window.addEventListener('pointerdown', down, { capture: true, passive: true });
    window.addEventListener('pointerup', up, { capture: true, passive: true });
    return () => {
      window.removeEventListener('pointerdown', down, { capture: true });
      window.removeEventListener('pointerup', up, { capture: true });
    };
  }, []);
  return null;
}
