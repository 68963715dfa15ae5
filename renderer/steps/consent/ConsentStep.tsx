/**
 * 授权: the citizen agrees (or not) to what the service asks, in the
 * service's words: what it is for, then what is checked or shared, one item
 * each; then the kiosk's own promises, which hold for every service. The
 * separate biometric consent is the face step's.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice } from '../../flows/step-voice';
import { TouchButton } from '../../ui/TouchButton';

/** `data-testid="consent-step"` (`data-granted`) with `consent-step-agree` / `consent-step-refuse`. */
export function ConsentStep({ view, data, send, accepts }: StepProps<'consent'>): ReactElement {
  const { t } = useTranslation();
  useStepVoice(view, 'voice.flow.consent', true);
  return (
    <section
      className="step flow-step"
      data-testid="consent-step"
      data-granted={data.granted}
      aria-labelledby="step-title"
    >
      <h1 id="step-title" className="step__title">
        {t('flow.consent.title')}
      </h1>
      <p className="flow-step__lead" data-testid="consent-text">
        {t(data.textKey)}
      </p>
      <ul className="flow-list" data-testid="consent-scope">
        {data.scopeKeys.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
        <li>{t('flow.consent.keep')}</li>
        <li>{t('flow.consent.alternative')}</li>
      </ul>
      <div className="flow-actions">
        {accepts('CONSENT') ? (
          <>
            <TouchButton data-testid="consent-step-agree" onPress={() => send({ type: 'CONSENT', granted: true })}>
              {t('flow.consent.agree')}
            </TouchButton>
            <TouchButton
              variant="secondary"
              data-testid="consent-step-refuse"
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
