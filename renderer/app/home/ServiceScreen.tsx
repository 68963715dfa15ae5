/**
 * Step 3: what happens next for the chosen service. Counter services send the
 * citizen to their window; kiosk flows plug in here in a later issue.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceEntry } from '../../../electron/contract';
import type { Language } from '../../i18n';
import { TouchButton } from '../../ui/TouchButton';
import { useSpeakOnShow } from '../../voice/VoiceContext';
import { feeLabel } from './fee-label';
import { formatWindow } from './format';
import './ServiceScreen.css';

/** Props of {@link ServiceScreen}. */
export interface ServiceScreenProps {
  service: ServiceEntry | undefined;
  onFinish: () => unknown;
}

/** `data-testid="service-step"`. */
export function ServiceScreen({ service, onFinish }: ServiceScreenProps): ReactElement {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const atCounter = service?.handling !== 'kiosk';
  useSpeakOnShow(atCounter ? 'voice.counter' : 'voice.kiosk');
  return (
    <section className="step service-step" data-testid="service-step" aria-labelledby="step-title">
      <h1 id="step-title" className="step__title">
        {atCounter ? t('service.counterTitle') : t('service.kioskTitle')}
      </h1>
      {service ? (
        <div className="service-step__card">
          <p className="service-step__name">{service.name[language]}</p>
          {atCounter && service.window ? (
            <p className="service-step__window" data-testid="service-window">
              {t('service.counterWindow', { window: formatWindow(service.window, language) })}
            </p>
          ) : null}
          <p>{feeLabel(service, language, t)}</p>
          <p className="service-step__detail">{atCounter ? t('service.counterDetail') : t('service.kioskDetail')}</p>
        </div>
      ) : (
        <p className="step__note">{t('service.unavailable')}</p>
      )}
      <TouchButton variant="primary" className="service-step__done" data-testid="service-done" onPress={onFinish}>
        {t('service.done')}
      </TouchButton>
    </section>
  );
}
