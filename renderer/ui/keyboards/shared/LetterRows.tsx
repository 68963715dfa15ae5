/** QWERTY letter rows shared by the plate, Latin and pinyin keyboards. */
import type { ReactElement, ReactNode } from 'react';
import { KeyButton } from './KeyButton';

/** The three QWERTY rows, upper case. */
export const QWERTY_ROWS: readonly string[] = ['QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'];

/** Digits in the order of a computer keyboard's top row. */
export const DIGIT_ROW = '1234567890';

/** Props of {@link LetterRows}. */
export interface LetterRowsProps {
  /** Called with the upper-case letter. */
  onLetter: (letter: string) => void;
  /** Whether a letter may be typed now (default: all). */
  enabled?: (letter: string) => boolean;
  /** The accessible name of a key. */
  labelFor: (letter: string, enabled: boolean) => string;
  /** How a key shows its letter (e.g. lower case). */
  show?: (letter: string) => string;
  /** Keys appended to the last row (shift, delete…). */
  lastRowStart?: ReactNode;
  lastRowEnd?: ReactNode;
  testIdPrefix: string;
}

/** Ten, nine and seven keys; the short rows are centred like a real keyboard. */
export function LetterRows({ onLetter, enabled = () => true, labelFor, show = (l) => l, lastRowStart, lastRowEnd, testIdPrefix }: LetterRowsProps): ReactElement {
  return (
    <div className="kb-letters">
      {QWERTY_ROWS.map((row, r) => (
        <div key={row} className={`kb-row kb-row--letters kb-row--letters-${r + 1}`}>
          {r === QWERTY_ROWS.length - 1 ? lastRowStart : null}
          {Array.from(row).map((letter) => {
            const on = enabled(letter);
            return (
              <KeyButton key={letter} label={labelFor(letter, on)} onPress={() => onLetter(letter)} disabled={!on} testId={`${testIdPrefix}-key-${letter}`}>
                {show(letter)}
              </KeyButton>
            );
          })}
          {r === QWERTY_ROWS.length - 1 ? lastRowEnd : null}
        </div>
      ))}
    </div>
  );
}
