/**
 * 查询授权: the citizen agrees that the kiosk asks the police records for
 * this certificate (the separate biometric consent is the face step's). While
 * the host checks the 户籍 after a yes, a calm wait.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n';
import type { StepProps } from '../../flows/step-props';
import { Waiting } from '../../flows/Waiting';
import { TouchButton } from '../../ui/TouchButton';
import { useSpeakOnShow } from '../../voice/VoiceContext';

/** `data-testid="consent-step"` with `query-consent-agree` / `query-consent-refuse`. */
export function QueryConsentStep({ data, send, accepts }: StepProps<'consent'>): ReactElement {
  const { t, i18n } = useTranslation();
  const service = data.serviceName[i18n.language as Language] ?? data.serviceName['zh-CN'];
  useSpeakOnShow(data.busy ? 'voice.flow.consentChecking' : 'voice.flow.consent');

  if (data.busy) {
    return (
      <section className="step flow-step" data-testid="consent-step" data-busy="true" aria-labelledby="step-title">
        <h1 id="step-title" className="step__title">
          {t('flow.consent.checkingTitle')}
        </h1>
        <Waiting text={t('flow.consent.checking')} />
      </section>
    );
  }
  return (
    <section className="step flow-step" data-testid="consent-step" data-busy="false" aria-labelledby="step-title">
      <h1 id="step-title" className="step__title">
        {t('flow.consent.title')}
      </h1>
      <p className="flow-step__lead">{t('flow.consent.lead', { service })}</p>
      <ul className="flow-list">
        <li>{t('flow.consent.what')}</li>
        <li>{t('flow.consent.use')}</li>
        <li>{t('flow.consent.keep')}</li>
        <li>{t('flow.consent.alternative')}</li>
      </ul>
      <div className="flow-actions">
        {accepts('CONSENT') ? (
          <>
            <TouchButton data-testid="query-consent-agree" onPress={() => send({ type: 'CONSENT', granted: true })}>
              {t('flow.consent.agree')}
            </TouchButton>
            <TouchButton
              variant="secondary"
              data-testid="query-consent-refuse"
              onPress={() => send({ type: 'CONSENT', granted: false })}
            >
              {t('flow.consent.refuse')}
            </TouchButton>
          </>
        ) : null}
      </div>
    </section>
  );
}
