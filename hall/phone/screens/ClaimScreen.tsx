/** Opening the link: a wait, or why the link cannot be used (nothing else: no name, no service). */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

export type ClaimProblem = 'linkUsed' | 'linkExpired' | 'linkUnknown' | 'unavailable' | 'noLink';

export interface ClaimScreenProps {
  problem: ClaimProblem | null;
  onRetry: () => void;
}

/** `data-testid="claim-screen"`, `data-problem` when the link cannot be used. */
export function ClaimScreen({ problem, onRetry }: ClaimScreenProps): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="screen" data-testid="claim-screen" data-problem={problem ?? undefined}>
      {problem === null ? <p className="screen__lead" aria-live="polite">{t('claim.opening')}</p> : null}
      {problem !== null ? (
        <p className="screen__lead screen__lead--problem" role="alert" data-testid="claim-problem">
          {problem === 'noLink' ? t('claim.noLink') : t(`claim.error.${problem}`)}
        </p>
      ) : null}
      {problem === 'unavailable' ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('claim.retry')}
        </button>
      ) : null}
    </section>
  );
}
