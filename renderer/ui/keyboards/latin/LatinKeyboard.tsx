/** English keyboard for names (letters, space, hyphen, apostrophe) and addresses (plus digits). */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ControlRow } from '../shared/ControlRow';
import { KeyboardDisplay } from '../shared/KeyboardDisplay';
import { KeyboardFrame } from '../shared/KeyboardFrame';
import { useConfirmOnce } from '../shared/use-confirm-once';
import { LatinKeys } from './LatinKeys';

/** Props of {@link LatinKeyboard}. */
export interface LatinKeyboardProps {
  /** Called once with the trimmed text when 确认 is tapped. */
  onConfirm: (text: string) => void;
  onChange?: (value: string) => void;
  defaultValue?: string;
  /** The display's name (default 英文). */
  label?: string;
  /** Adds a digit row (addresses). */
  digits?: boolean;
  /** Start with caps lock on. */
  initialCaps?: boolean;
  /** Longest text accepted (default 60). */
  maxLength?: number;
  elder?: boolean;
}

/** Display, letter block, then 清空 / 确认. */
export function LatinKeyboard({ onConfirm, onChange, defaultValue = '', label, digits = false, initialCaps = false, maxLength = 60, elder }: LatinKeyboardProps): ReactElement {
  const { t } = useTranslation();
  const [value, setValue] = useState(defaultValue.slice(0, maxLength));
  const trimmed = value.trim();
  const confirm = useConfirmOnce(trimmed, onConfirm);
  const name = label ?? t('keyboard.latin.label');
  const update = (next: string): void => {
    setValue(next);
    onChange?.(next);
  };
  return (
    <KeyboardFrame variant="latin" elder={elder} label={name} testId="latin-keyboard">
      <KeyboardDisplay label={name} value={value} testId="latin-keyboard-display" />
      <LatinKeys
        testIdPrefix="latin-keyboard"
        onText={(c) => update((value + c).slice(0, maxLength))}
        onBackspace={() => update(value.slice(0, -1))}
        backspaceDisabled={value.length === 0}
        full={value.length >= maxLength}
        digits={digits}
        initialCaps={initialCaps}
      />
      <ControlRow
        testIdPrefix="latin-keyboard"
        onClear={() => update('')}
        clearDisabled={value.length === 0}
        onConfirm={confirm}
        confirmDisabled={trimmed.length === 0}
      />
    </KeyboardFrame>
  );
}
