/** Why the proxy ended, in plain words, with the officer's own reason when they refused, and that nothing was done. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProxyEndReason } from '../../../electron/contract/proxy';
import { END_REASON_KEYS } from './proxy-words';

/** `data-testid="proxy-ended"` (`data-reason`) with `proxy-end-reason` and `proxy-officer-reason`. */
export function EndedScreen({
  reason,
  officerReason,
}: {
  reason: ProxyEndReason | null;
  officerReason: string | null;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="proxy-ended" data-testid="proxy-ended" data-reason={reason ?? 'none'}>
      {reason ? (
        <p className="flow-step__lead" data-testid="proxy-end-reason">
          {t(END_REASON_KEYS[reason])}
        </p>
      ) : null}
      {reason === 'refusedByOfficer' && officerReason ? (
        <p className="flow-step__lead" data-testid="proxy-officer-reason">
          {t('flow.proxyCall.ended.officerSaid', { reason: officerReason })}
        </p>
      ) : null}
      <p className="step__note">{t('flow.proxyCall.ended.nothingDone')}</p>
    </div>
  );
}
