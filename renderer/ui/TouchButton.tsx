/** The kiosk's button: large target, no double-fire, words always present. */
import type { ButtonHTMLAttributes, ReactElement } from 'react';

/** Props of {@link TouchButton}. */
export interface TouchButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  variant?: 'primary' | 'secondary' | 'danger';
}

/** A `type="button"` button styled for touch (≥60 px in both directions). */
export function TouchButton({ variant = 'primary', className, ...rest }: TouchButtonProps): ReactElement {
  return <button type="button" className={['touch-button', `touch-button--${variant}`, className].filter(Boolean).join(' ')} {...rest} />;
}
