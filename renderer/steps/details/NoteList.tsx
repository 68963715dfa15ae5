/** A step's notes in the service's words (what to keep, what comes with the paper), one short paragraph each. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** Nothing when there are no notes; else `data-testid="step-notes"`. */
export function NoteList({ keys }: { keys: readonly string[] }): ReactElement | null {
  const { t } = useTranslation();
  if (keys.length === 0) return null;
  return (
    <div data-testid="step-notes">
      {keys.map((key) => (
        <p className="step__note" key={key}>
          {t(key)}
        </p>
      ))}
    </div>
  );
}
