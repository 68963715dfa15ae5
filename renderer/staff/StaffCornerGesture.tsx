/** The two invisible corner targets of the staff gesture (corner-gesture.ts); shown on the attract screen only. */
import { useRef, type ReactElement } from 'react';
import { cornerGesture, type CornerEvent, type CornerState } from './corner-gesture';
import './staff.css';

export function StaffCornerGesture({
  onGesture,
  now = () => Date.now(),
}: {
  onGesture: () => void;
  now?: () => number;
}): ReactElement {
  const state = useRef<CornerState>({ kind: 'idle' });
  const feed = (event: CornerEvent): void => {
    const next = cornerGesture(state.current, event);
    state.current = next.state;
    if (next.done) onGesture();
  };
  return (
    <>
      {/* Not buttons for assistive tech either: a citizen must never land on them. */}
      <div
        className="staff-corner staff-corner--left"
        aria-hidden="true"
        data-testid="staff-corner-left"
        onPointerDown={() => feed({ kind: 'leftDown', at: now() })}
        onPointerUp={() => feed({ kind: 'leftUp', at: now() })}
        onPointerLeave={() => {
          if (state.current.kind === 'holding') feed({ kind: 'cancel' });
        }}
      />
      <div
        className="staff-corner staff-corner--right"
        aria-hidden="true"
        data-testid="staff-corner-right"
        onPointerDown={() => feed({ kind: 'rightTap', at: now() })}
      />
    </>
  );
}
