/** 身份证号码 keypad: digits and X, grouped 6-8-4, with live feedback from the host. */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdNumberFeedback } from '../../../../electron/contract';
import { ControlRow } from '../shared/ControlRow';
import { DigitPad } from '../shared/DigitPad';
import { FeedbackLine } from '../shared/FeedbackLine';
import { GroupedValue } from '../shared/GroupedValue';
import { KeyboardDisplay } from '../shared/KeyboardDisplay';
import { KeyboardFrame } from '../shared/KeyboardFrame';
import { useConfirmOnce } from '../shared/use-confirm-once';
import { idNumberFeedbackText } from './feedback-text';
import { canAppendIdChar, groupIdNumber, ID_NUMBER_LENGTH } from './id-number-format';
import { useIdNumberFeedback } from './use-id-number-feedback';

/** Props of {@link IdNumberKeypad}. */
export interface IdNumberKeypadProps {
  /**
   * Live check of the partial number; the app wires it to the host call
   * `identity.checkIdNumber` (a rejected promise shows "cannot check now").
   */
  check: (partial: string) => Promise<IdNumberFeedback>;
  /** Called once with the 18-character number when the host said `valid` and 确认 is tapped. */
  onConfirm: (idNumber: string) => void;
  /** Called after every key with the new value. */
  onChange?: (value: string) => void;
  defaultValue?: string;
  /** Overrides the display's name (default 身份证号码). */
  label?: string;
  /** Elder mode: keys ≥ 72 px (also implied by a `.kiosk--elder` ancestor). */
  elder?: boolean;
}

/** The keypad; it never judges the number itself, it shows what the host says. */
export function IdNumberKeypad({ check, onConfirm, onChange, defaultValue = '', label, elder }: IdNumberKeypadProps): ReactElement {
  const { t, i18n } = useTranslation();
  const [value, setValue] = useState(defaultValue.toUpperCase().slice(0, ID_NUMBER_LENGTH));
  const view = useIdNumberFeedback(value, check);
  const feedback = idNumberFeedbackText(t, view, value.length, (key) => i18n.exists(key));
  const valid = view.kind === 'answer' && view.feedback.state === 'valid' && value.length === ID_NUMBER_LENGTH;
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
