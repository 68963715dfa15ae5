/** The consent statement, large, while the consent segment is recorded (the principal's own screen: their full name). */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentStatement } from '../../../electron/contract/proxy';

/** `data-testid="statement"`. */
export function StatementView({ statement }: { statement: ConsentStatement }): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="statement" data-testid="statement" aria-live="polite">
      <p className="statement__recording">
        <span className="statement__dot" aria-hidden="true" /> {t('call.recordingNow')}
      </p>
      <h2 className="statement__title">{t('call.read')}</h2>
      <p className="statement__text" data-testid="statement-text">
        {statement.text}
      </p>
    </section>
  );
}
