/** The kiosk's button: large target, press feedback in the same frame, no double-fire, words always present. */
import type { ButtonHTMLAttributes, ReactElement } from 'react';
import { pressFeedback, usePressLock } from './press';
import './TouchButton.css';

/** Props of {@link TouchButton}. */
export interface TouchButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'onClick'> {
  variant?: 'primary' | 'secondary' | 'danger' | 'help';
  /**
   * The action. While the promise it returns is pending, the button is locked
   * (further taps are ignored and it shows as busy).
   */
  onPress?: () => unknown;
}

/** A `type="button"` button styled for touch (≥60 px in both directions). */
export function TouchButton({ variant = 'primary', className, onPress, disabled, ...rest }: TouchButtonProps): ReactElement {
  const { running, run } = usePressLock();
  return (
    <button
      type="button"
      className={['touch-button', `touch-button--${variant}`, className].filter(Boolean).join(' ')}
      disabled={disabled || running}
      aria-busy={running || undefined}
      {...pressFeedback}
      {...rest}
      onClick={onPress ? () => run(onPress) : undefined}
    />
  );
}
