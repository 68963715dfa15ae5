/** A telephone-style 3×4 digit pad: 1–9, then an optional extra key, 0 and delete. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { BackspaceKey } from './BackspaceKey';
import { KeyButton } from './KeyButton';

/** A key in the bottom-left corner of the pad, e.g. X for ID numbers. */
export interface DigitPadExtraKey {
  char: string;
  enabled: boolean;
  /** Accessible name; when disabled it should say why in words. */
  label: string;
}

/** Props of {@link DigitPad}. */
export interface DigitPadProps {
  onChar: (char: string) => void;
  onBackspace: () => void;
  digitsDisabled: boolean;
  backspaceDisabled: boolean;
  extraKey?: DigitPadExtraKey;
  testIdPrefix: string;
}

const ROWS: readonly (readonly string[])[] = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
];

/** Digits in phone order (1 at the top left), as older people know from telephones. */
export function DigitPad({ onChar, onBackspace, digitsDisabled, backspaceDisabled, extraKey, testIdPrefix }: DigitPadProps): ReactElement {
  const { t } = useTranslation();
  const digit = (d: string): ReactElement => (
    <KeyButton key={d} label={t('keyboard.keys.key', { key: d })} onPress={() => onChar(d)} disabled={digitsDisabled} testId={`${testIdPrefix}-key-${d}`}>
      {d}
    </KeyButton>
  );
  return (
    <div className="kb-pad">
      {ROWS.map((row) => row.map(digit))}
      {extraKey ? (
        <KeyButton
          label={extraKey.label}
          onPress={() => onChar(extraKey.char)}
          disabled={!extraKey.enabled}
          testId={`${testIdPrefix}-key-${extraKey.char}`}
        >
          {extraKey.char}
        </KeyButton>
      ) : (
        <span className="kb-pad__gap" aria-hidden="true" />
      )}
      {digit('0')}
      <BackspaceKey onPress={onBackspace} disabled={backspaceDisabled} testId={`${testIdPrefix}-backspace`} />
    </div>
  );
}
