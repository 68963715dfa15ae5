/** The outer frame every keyboard shares: size class, elder mode, no text selection. */
import type { ReactElement, ReactNode } from 'react';
import '../keyboards.css';

/** Props of {@link KeyboardFrame}. */
export interface KeyboardFrameProps {
  /** A modifier, e.g. `id-number` gives `kb--id-number`. */
  variant: string;
  /** Larger keys (≥ 72 px); a `.kiosk--elder` ancestor has the same effect. */
  elder?: boolean;
  /** The accessible name of the keyboard as a whole. */
  label: string;
  children: ReactNode;
  testId?: string;
}

/** A `role="group"` wrapper with the keyboard's classes. */
export function KeyboardFrame({ variant, elder = false, label, children, testId }: KeyboardFrameProps): ReactElement {
  return (
    <div role="group" aria-label={label} className={`kb kb--${variant}${elder ? ' kb--elder' : ''}`} data-testid={testId}>
      {children}
    </div>
  );
}
