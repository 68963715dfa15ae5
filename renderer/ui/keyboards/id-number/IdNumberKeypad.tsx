/**
 * 身份证号码 keypad: digits and X, grouped 6-8-4, with live feedback from the
 * shared GB 11643 rule (domain/id-number), checked here on every key rather
 * than by a host call per keystroke. The feedback only helps the citizen type:
 * the host validates the number again when it is handed over.
 */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TIME_ZONE } from '../../../../domain/calendar-date';
import { idNumberCheckForKeypad } from '../../../../domain/id-number';
import { ControlRow } from '../shared/ControlRow';
import { DigitPad } from '../shared/DigitPad';
import { FeedbackLine } from '../shared/FeedbackLine';
import { GroupedValue } from '../shared/GroupedValue';
import { KeyboardDisplay } from '../shared/KeyboardDisplay';
import { KeyboardFrame } from '../shared/KeyboardFrame';
import { useConfirmOnce } from '../shared/use-confirm-once';
import { idNumberFeedbackText } from './feedback-text';
import { canAppendIdChar, groupIdNumber, ID_NUMBER_LENGTH } from './id-number-format';

/** Props of {@link IdNumberKeypad}. */
export interface IdNumberKeypadProps {
  /** The hall's time zone (`kiosk.info`): its calendar says whether a birth date is after today. */
  timeZone?: string;
  /** Called once with the 18-character number when it passes the check and 确认 is tapped. */
  onConfirm: (idNumber: string) => void;
  /** Called after every key with the new value. */
  onChange?: (value: string) => void;
  defaultValue?: string;
  /** Overrides the display's name (default 身份证号码). */
  label?: string;
  /** Elder mode: keys ≥ 72 px (also implied by a `.kiosk--elder` ancestor). */
  elder?: boolean;
}

/** The keypad; 确认 stays disabled until the typed number passes the check. */
export function IdNumberKeypad({ timeZone = DEFAULT_TIME_ZONE, onConfirm, onChange, defaultValue = '', label, elder }: IdNumberKeypadProps): ReactElement {
  const { t } = useTranslation();
  const [value, setValue] = useState(defaultValue.toUpperCase().slice(0, ID_NUMBER_LENGTH));
  const check = idNumberCheckForKeypad(value, { timeZone });
  const feedback = idNumberFeedbackText(t, check, value.length);
  const valid = check.state === 'valid';
  const confirm = useConfirmOnce(value, onConfirm);
  const name = label ?? t('keyboard.idNumber.label');

  const update = (next: string): void => {
    setValue(next);
    onChange?.(next);
  };

  return (
    <KeyboardFrame variant="id-number" elder={elder} label={name} testId="id-keypad">
      <KeyboardDisplay label={name} value={value} invalid={feedback.tone === 'error'} testId="id-keypad-display">
        <GroupedValue groups={groupIdNumber(value)} />
      </KeyboardDisplay>
      <FeedbackLine tone={feedback.tone} text={feedback.text} testId="id-keypad-feedback" />
      <DigitPad
        testIdPrefix="id-keypad"
        onChar={(c) => {
          if (canAppendIdChar(value, c)) update(value + c);
        }}
        onBackspace={() => update(value.slice(0, -1))}
        digitsDisabled={value.length >= ID_NUMBER_LENGTH}
        backspaceDisabled={value.length === 0}
        extraKey={{
          char: 'X',
          enabled: canAppendIdChar(value, 'X'),
          label: canAppendIdChar(value, 'X') ? t('keyboard.keys.key', { key: 'X' }) : t('keyboard.idNumber.xHint'),
        }}
      />
      <p className="kb-note">{t('keyboard.idNumber.xHint')}</p>
      <ControlRow
        testIdPrefix="id-keypad"
        onClear={() => update('')}
        clearDisabled={value.length === 0}
        onConfirm={confirm}
        confirmDisabled={!valid}
      />
    </KeyboardFrame>
  );
}
