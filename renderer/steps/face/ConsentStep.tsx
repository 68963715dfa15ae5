/**
 * The separate, explicit consent to biometric processing (PIPL arts. 28–29;
 * 人脸识别技术应用安全管理办法): purpose, on-device only, deleted at the end,
 * and a real alternative. Nothing is captured before the citizen agrees;
 * refusing sends them to a counter.
 */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../electron/contract';
import { TouchButton } from '../../ui/TouchButton';
import '../capture-step.css';

/** Props of {@link ConsentStep}. */
export interface ConsentStepProps {
  api: KioskApi;
  sessionId: string;
  /** The host recorded the consent. */
  onGranted: () => void;
  /** The citizen said no (the host recorded it); the flow offers the counter. */
  onRefused: () => void;
}

/** `data-testid="face-consent"` with `consent-agree` and `consent-refuse`. */
export function ConsentStep({ api, sessionId, onGranted, onRefused }: ConsentStepProps): ReactElement {
  const { t } = useTranslation();
  const [refused, setRefused] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const record = async (granted: boolean): Promise<void> => {
    const outcome = await api.call('consent.record', { sessionId, kind: 'biometric', granted });
    if (!outcome.ok) {
      setError(outcome.error.messageKey);
      return;
    }
    if (granted) onGranted();
    else {
      setRefused(true);
      onRefused();
    }
  };

  if (refused) {
    return (
      <section className="capture-step" data-testid="face-consent-refused" aria-live="polite">
        <h2 className="capture-step__title">{t('face.consent.refusedTitle')}</h2>
        <p className="capture-step__text">{t('face.consent.refusedText')}</p>
      </section>
    );
  }
  return (
    <section className="capture-step" data-testid="face-consent" aria-labelledby="face-consent-title">
      <h2 className="capture-step__title" id="face-consent-title">
        {t('face.consent.title')}
      </h2>
      <ul className="capture-step__list">
        <li>{t('face.consent.purpose')}</li>
        <li>{t('face.consent.stays')}</li>
        <li>{t('face.consent.retention')}</li>
        <li>{t('face.consent.alternative')}</li>
      </ul>
      {error ? (
        <p role="alert" className="capture-step__guidance capture-step__guidance--bad">
          {t(error)}
        </p>
      ) : null}
      <div className="capture-step__actions">
        <TouchButton data-testid="consent-agree" onPress={() => record(true)}>
          {t('face.consent.agree')}
        </TouchButton>
        <TouchButton variant="secondary" data-testid="consent-refuse" onPress={() => record(false)}>
          {t('face.consent.refuse')}
        </TouchButton>
      </div>
    </section>
  );
}
