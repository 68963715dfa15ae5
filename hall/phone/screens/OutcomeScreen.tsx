/** How it ended, in plain words: approved, or why nothing was done. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProxyEndReason } from '../../../electron/contract/proxy';

export type PhoneOutcome = { kind: 'approved'; serviceName: string } | { kind: 'declined' } | { kind: 'ended'; reason: ProxyEndReason };

/** `data-testid="outcome-screen"` with `data-outcome` (approved, declined or the end reason). */
export function OutcomeScreen({ outcome }: { outcome: PhoneOutcome }): ReactElement {
  const { t } = useTranslation();
  const key = outcomeKey(outcome);
  return (
    <section className="screen" data-testid="outcome-screen" data-outcome={key}>
      <p className={`screen__lead${outcome.kind === 'approved' ? ' screen__lead--good' : ''}`} role="status">
        {t(`outcome.${key}`, outcome.kind === 'approved' ? { service: outcome.serviceName } : {})}
      </p>
      <p className="screen__note">{t('outcome.closeHint')}</p>
    </section>
  );
}

function outcomeKey(outcome: PhoneOutcome): string {
  switch (outcome.kind) {
    case 'approved':
      return 'approved';
    case 'declined':
      return 'declined';
    case 'ended':
      return outcome.reason;
    default: {
      const never: never = outcome;
      return never;
    }
  }
}
