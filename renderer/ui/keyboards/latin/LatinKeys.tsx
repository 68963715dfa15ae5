/** Latin letter keys with shift (one letter) and caps lock, optional digits, space, hyphen and apostrophe. */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { BackspaceKey } from '../shared/BackspaceKey';
import { CharRow } from '../shared/CharRow';
import { KeyButton } from '../shared/KeyButton';
import { DIGIT_ROW, LetterRows } from '../shared/LetterRows';

/** Props of {@link LatinKeys}. */
export interface LatinKeysProps {
  /** Called with the character to append. */
  onText: (text: string) => void;
  onBackspace: () => void;
  backspaceDisabled: boolean;
  /** Everything but delete is off (e.g. the text is at its maximum length). */
  full: boolean;
  /** Show a digit row (addresses). */
  digits?: boolean;
  /** Caps lock on at the start (e.g. names in capitals as on passports). */
  initialCaps?: boolean;
  testIdPrefix: string;
}

const DIGITS = Array.from(DIGIT_ROW);

/** The key block only; the surrounding keyboard owns the text. */
export function LatinKeys({ onText, onBackspace, backspaceDisabled, full, digits = false, initialCaps = false, testIdPrefix }: LatinKeysProps): ReactElement {
  const { t } = useTranslation();
  const [shift, setShift] = useState(false);
  const [caps, setCaps] = useState(initialCaps);
  const upper = caps !== shift;
  const keyLabel = (c: string): string => t('keyboard.keys.key', { key: c });
  const type = (c: string): void => {
    if (full) return;
    onText(c);
    setShift(false);
  };
  return (
    <div className="kb-latin">
      {digits ? (
        <CharRow chars={DIGITS} onChar={type} enabled={() => !full} labelFor={keyLabel} label={t('keyboard.latin.digits')} className="kb-row--digits" testIdPrefix={testIdPrefix} />
      ) : null}
      <LetterRows
        testIdPrefix={testIdPrefix}
        onLetter={(l) => type(upper ? l : l.toLowerCase())}
        enabled={() => !full}
        labelFor={(l) => keyLabel(upper ? l : l.toLowerCase())}
        show={(l) => (upper ? l : l.toLowerCase())}
        lastRowStart={
          <KeyButton
            kind="function"
            label={shift ? t('keyboard.keys.shiftOn') : t('keyboard.keys.shift')}
            pressed={shift}
            onPress={() => setShift(!shift)}
            testId={`${testIdPrefix}-shift`}
          >
            <span className="kb-key__glyph" aria-hidden="true">
              ⇧
            </span>
          </KeyButton>
        }
        lastRowEnd={<BackspaceKey onPress={onBackspace} disabled={backspaceDisabled} testId={`${testIdPrefix}-backspace`} />}
      />
      <div className="kb-row kb-row--symbols">
        <KeyButton
          kind="function"
          label={caps ? t('keyboard.keys.capsLockOn') : t('keyboard.keys.capsLock')}
          pressed={caps}
          onPress={() => {
            setCaps(!caps);
            setShift(false);
          }}
          testId={`${testIdPrefix}-caps`}
        >
          {t('keyboard.keys.capsLock')}
        </KeyButton>
        <KeyButton label={t('keyboard.keys.hyphen')} onPress={() => type('-')} disabled={full} testId={`${testIdPrefix}-hyphen`}>
          -
        </KeyButton>
        <KeyButton label={t('keyboard.keys.apostrophe')} onPress={() => type("'")} disabled={full} testId={`${testIdPrefix}-apostrophe`}>
          &apos;
        </KeyButton>
        <KeyButton className="kb-key--space" label={t('keyboard.keys.space')} onPress={() => type(' ')} disabled={full} testId={`${testIdPrefix}-space`}>
          {t('keyboard.keys.space')}
        </KeyButton>
      </div>
    </div>
  );
}
