/**
 * A face in front of the camera is a citizen who is still there: report it
 * to the session's idle timer like a touch, at most once a second, so a
 * citizen holding still for the face check or a photo is not timed out.
 * Only the fact "a face is seen" leaves this hook, never the image.
 */
import { useCallback, useRef } from 'react';
import { usePresence } from '../app/idle/IdleContext';
import { mainFace } from './quality';
import type { FrameObservation } from './observation';

/** Least time between two presence reports, in ms. */
export const PRESENCE_INTERVAL_MS = 1_000;

/** Returns the function to call with each analysed frame. */
export function useFacePresence(now: () => number = Date.now): (observation: FrameObservation) => void {
  const presence = usePresence();
  const last = useRef(Number.NEGATIVE_INFINITY);
  return useCallback(
    (observation: FrameObservation) => {
      if (!mainFace(observation)) return;
      const at = now();
      if (at - last.current < PRESENCE_INTERVAL_MS) return;
      last.current = at;
      presence();
    },
    [presence, now],
  );
}
