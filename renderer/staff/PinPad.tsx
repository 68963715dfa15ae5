/**
 * The officer's 6-digit PIN pad: large keys, the digits shown only as dots,
 * 确认 once all six are in. The PIN goes to the host, which checks it.
 */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ControlRow } from '../ui/keyboards/shared/ControlRow';
import { DigitPad } from '../ui/keyboards/shared/DigitPad';
import { KeyboardDisplay } from '../ui/keyboards/shared/KeyboardDisplay';
import { KeyboardFrame } from '../ui/keyboards/shared/KeyboardFrame';
import './staff.css';

export const PIN_LENGTH = 6;

export interface PinPadProps {
  label: string;
  onConfirm: (pin: string) => unknown;
  /** Disables the keys while the host checks a PIN or the officer is locked out. */
  disabled?: boolean;
}

export function PinPad({ label, onConfirm, disabled = false }: PinPadProps): ReactElement {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const dots = Array.from({ length: PIN_LENGTH }, (_, i) => i < pin.length);
  return (
    <KeyboardFrame variant="pin" label={label} testId="staff-pin-pad">
      <KeyboardDisplay label={label} value={pin ? '●'.repeat(pin.length) : ''} testId="staff-pin-display">
        <span className="staff-pin__dots" aria-label={t('staff.signIn.digitsEntered', { count: pin.length })}>
          {dots.map((filled, i) => (
            <span key={i} className={`staff-pin__dot${filled ? ' staff-pin__dot--filled' : ''}`} aria-hidden="true" />
          ))}
        </span>
      </KeyboardDisplay>
      <DigitPad
        testIdPrefix="staff-pin"
        onChar={(digit) => setPin((value) => (value.length < PIN_LENGTH ? value + digit : value))}
        onBackspace={() => setPin((value) => value.slice(0, -1))}
        digitsDisabled={disabled || pin.length >= PIN_LENGTH}
        backspaceDisabled={disabled || pin.length === 0}
      />
      <ControlRow
        testIdPrefix="staff-pin"
        onClear={() => setPin('')}
        clearDisabled={disabled || pin.length === 0}
        confirmDisabled={disabled || pin.length !== PIN_LENGTH}
        onConfirm={() => {
          const typed = pin;
          // The PIN leaves the screen at once: nothing keeps it after 确认.
          setPin('');
          void onConfirm(typed);
        }}
      />
    </KeyboardFrame>
  );
}
