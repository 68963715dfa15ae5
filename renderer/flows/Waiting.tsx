/** A calm wait: a slow ring (still when the citizen prefers less motion) and words that say what is happening. */
import type { ReactElement } from 'react';
import { useIdleHold } from '../app/idle/IdleContext';
import './Waiting.css';

/**
 * `data-testid="waiting"`; a polite live region, so screen readers hear the words once.
 * While it shows, the kiosk is working for the citizen, so the session's idle timer is held.
 */
export function Waiting({ text, detail }: { text: string; detail?: string }): ReactElement {
  useIdleHold(true);
  return (
    <div className="flow-waiting" data-testid="waiting" role="status" aria-live="polite">
      <span className="flow-waiting__ring" aria-hidden="true" />
      <p className="flow-waiting__text">{text}</p>
      {detail ? <p className="flow-waiting__detail">{detail}</p> : null}
    </div>
  );
}
