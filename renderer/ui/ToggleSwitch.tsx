/** An on/off switch that states its position in words, not only by colour. */
import type { ReactElement } from 'react';
import './ToggleSwitch.css';

/** Props of {@link ToggleSwitch}. */
export interface ToggleSwitchProps {
  label: string;
  /** Words for the two positions, e.g. 已开启 / 已关闭. */
  onText: string;
  offText: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
}

/** A `role="switch"` button with a sliding knob and the state in words. */
export function ToggleSwitch({ label, onText, offText, hint, checked, onChange, testId }: ToggleSwitchProps): ReactElement {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      className={`toggle-switch${checked ? ' is-on' : ''}`}
      data-testid={testId}
      onClick={() => onChange(!checked)}
    >
      <span className="toggle-switch__text">
        <span className="toggle-switch__label">{label}</span>
        {hint ? <span className="toggle-switch__hint">{hint}</span> : null}
      </span>
      <span className="toggle-switch__track" aria-hidden="true">
        <span className="toggle-switch__knob" />
      </span>
      <span className="toggle-switch__state">{checked ? onText : offText}</span>
    </button>
  );
}
