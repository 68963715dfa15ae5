/** 手机号码 keypad: 11 digits grouped 3-4-4, validity in words. */
import { useState, type ReactElement } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { groupPhone, PHONE_LENGTH, phoneState, type PhoneState } from '../../../../domain/phone-number';
import { ControlRow } from '../shared/ControlRow';
import { DigitPad } from '../shared/DigitPad';
import { FeedbackLine, type FeedbackTone } from '../shared/FeedbackLine';
import { GroupedValue } from '../shared/GroupedValue';
import { KeyboardDisplay } from '../shared/KeyboardDisplay';
import { KeyboardFrame } from '../shared/KeyboardFrame';
import { useConfirmOnce } from '../shared/use-confirm-once';

/** Props of {@link PhoneKeypad}. */
export interface PhoneKeypadProps {
  /** Called once with the 11 digits when they form a mobile number and 确认 is tapped. */
  onConfirm: (phone: string) => void;
  onChange?: (value: string) => void;
  defaultValue?: string;
  /** Overrides the display's name (default 手机号码). */
  label?: string;
  elder?: boolean;
}

function feedbackOf(t: TFunction, state: PhoneState, typed: number): { tone: FeedbackTone; text: string } {
  switch (state.kind) {
    case 'empty':
      return { tone: 'neutral', text: t('keyboard.phone.empty') };
    case 'incomplete':
      return { tone: 'neutral', text: t('keyboard.phone.incomplete', { count: typed, left: state.left }) };
    case 'valid':
      return { tone: 'ok', text: t('keyboard.phone.valid') };
    case 'invalid':
      return { tone: 'error', text: t(`keyboard.phone.reasons.${state.reason}`) };
    default: {
      const never: never = state;
      return never;
    }
  }
}

/** The keypad; digits stop at 11. */
export function PhoneKeypad({ onConfirm, onChange, defaultValue = '', label, elder }: PhoneKeypadProps): ReactElement {
  const { t } = useTranslation();
  const [value, setValue] = useState(defaultValue.replace(/\D/g, '').slice(0, PHONE_LENGTH));
  const state = phoneState(value);
  const feedback = feedbackOf(t, state, value.length);
  const confirm = useConfirmOnce(value, onConfirm);
  const name = label ?? t('keyboard.phone.label');
  const update = (next: string): void => {
    setValue(next);
    onChange?.(next);
  };
  return (
    <KeyboardFrame variant="phone" elder={elder} label={name} testId="phone-keypad">
      <KeyboardDisplay label={name} value={value} invalid={state.kind === 'invalid'} testId="phone-keypad-display">
        <GroupedValue groups={groupPhone(value)} />
      </KeyboardDisplay>
      <FeedbackLine tone={feedback.tone} text={feedback.text} testId="phone-keypad-feedback" />
      <DigitPad
        testIdPrefix="phone-keypad"
        onChar={(c) => {
          if (value.length < PHONE_LENGTH) update(value + c);
        }}
        onBackspace={() => update(value.slice(0, -1))}
        digitsDisabled={value.length >= PHONE_LENGTH}
        backspaceDisabled={value.length === 0}
      />
      <ControlRow
        testIdPrefix="phone-keypad"
        onClear={() => update('')}
        clearDisabled={value.length === 0}
        onConfirm={confirm}
        confirmDisabled={state.kind !== 'valid'}
      />
    </KeyboardFrame>
  );
}
