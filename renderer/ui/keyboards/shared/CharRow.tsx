/** A row of single-character keys (digits, province characters, plate endings). */
import type { ReactElement } from 'react';
import { KeyButton } from './KeyButton';

/** Props of {@link CharRow}. */
export interface CharRowProps {
  chars: readonly string[];
  onChar: (char: string) => void;
  enabled?: (char: string) => boolean;
  labelFor: (char: string, enabled: boolean) => string;
  /** Accessible name of the row. */
  label: string;
  lang?: string;
  className?: string;
  testIdPrefix: string;
}

/** The keys wrap in a grid whose column count the CSS sets per use. */
export function CharRow({ chars, onChar, enabled = () => true, labelFor, label, lang, className, testIdPrefix }: CharRowProps): ReactElement {
  return (
    <div role="group" aria-label={label} className={['kb-row', className].filter(Boolean).join(' ')}>
      {chars.map((c) => {
        const on = enabled(c);
        return (
          <KeyButton key={c} label={labelFor(c, on)} onPress={() => onChar(c)} disabled={!on} lang={lang} testId={`${testIdPrefix}-key-${c}`}>
            {c}
          </KeyButton>
        );
      })}
    </div>
  );
}
