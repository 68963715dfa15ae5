/**
 * The hidden way to staff sign-in without a card: hold the top-left corner
 * for 3 seconds, let go, then tap the top-right corner within 2 seconds.
 * Both targets are invisible, and a citizen resting a hand on a corner or
 * tapping one never completes it (the hold, the release and the far corner
 * must come in that order and in time).
 */
export const HOLD_MS = 3_000;
export const TAP_WITHIN_MS = 2_000;

export type CornerEvent =
  | { kind: 'leftDown'; at: number }
  | { kind: 'leftUp'; at: number }
  | { kind: 'rightTap'; at: number }
  | { kind: 'cancel' };

export type CornerState = { kind: 'idle' } | { kind: 'holding'; since: number } | { kind: 'armed'; until: number };

/** The next state and whether the gesture completed. */
export function cornerGesture(state: CornerState, event: CornerEvent): { state: CornerState; done: boolean } {
  switch (event.kind) {
    case 'leftDown':
      return { state: { kind: 'holding', since: event.at }, done: false };
    case 'leftUp':
      return state.kind === 'holding' && event.at - state.since >= HOLD_MS
        ? { state: { kind: 'armed', until: event.at + TAP_WITHIN_MS }, done: false }
        : { state: { kind: 'idle' }, done: false };
    case 'rightTap':
      return { state: { kind: 'idle' }, done: state.kind === 'armed' && event.at <= state.until };
    case 'cancel':
      return { state: { kind: 'idle' }, done: false };
    default: {
      const never: never = event;
      return never;
    }
  }
}
