/** The staff number keypad of the hidden corner gesture's way in (digits, up to 16). */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ControlRow } from '../ui/keyboards/shared/ControlRow';
import { DigitPad } from '../ui/keyboards/shared/DigitPad';
import { KeyboardDisplay } from '../ui/keyboards/shared/KeyboardDisplay';
import { KeyboardFrame } from '../ui/keyboards/shared/KeyboardFrame';

const MAX = 16;
const MIN = 4;

export function StaffNumberPad({ onConfirm }: { onConfirm: (staffNumber: string) => unknown }): ReactElement {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const label = t('staff.signIn.staffNumber');
  return (
    <KeyboardFrame variant="staff-number" label={label} testId="staff-number-pad">
      <KeyboardDisplay label={label} value={value} testId="staff-number-display" />
      <DigitPad
        testIdPrefix="staff-number"
        onChar={(digit) => setValue((v) => (v.length < MAX ? v + digit : v))}
        onBackspace={() => setValue((v) => v.slice(0, -1))}
        digitsDisabled={value.length >= MAX}
        backspaceDisabled={value.length === 0}
      />
      <ControlRow
        testIdPrefix="staff-number"
        onClear={() => setValue('')}
        clearDisabled={value.length === 0}
        confirmDisabled={value.length < MIN}
        onConfirm={() => void onConfirm(value)}
      />
    </KeyboardFrame>
  );
}
