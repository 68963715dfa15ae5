/** One service: its name, fee and where it is done; greyed with the reason in words when the host says it is unavailable. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceEntry } from '../../../electron/contract';
import type { Language } from '../../i18n';
import { pressFeedback } from '../../ui/press';
import { feeLabel } from './fee-label';
import { formatWindow } from './format';
import './ServiceCard.css';

/** Props of {@link ServiceCard}. */
export interface ServiceCardProps {
  service: ServiceEntry;
  language: Language;
  onChoose: (service: ServiceEntry) => void;
  onUnavailable: (reasonKey: string) => void;
}

/** The i18n key that explains why a service is unavailable (the host's, or a generic one). */
export function unavailableReasonKey(service: ServiceEntry, exists: (key: string) => boolean): string {
  return service.reasonKey && exists(service.reasonKey) ? service.reasonKey : 'service.unavailable';
}

/** `data-testid="service-<id>"` with `data-available`; greyed cards stay touchable to say why. */
export function ServiceCard({ service, language, onChoose, onUnavailable }: ServiceCardProps): ReactElement {
  const { t, i18n } = useTranslation();
  const reasonKey = service.available ? null : unavailableReasonKey(service, (key) => i18n.exists(key));
  const where =
    service.handling === 'kiosk'
      ? t('category.atKiosk')
      : service.window
        ? t('category.atCounter', { window: formatWindow(service.window, language) })
        : t('category.atCounterNoWindow');
  return (
    <button
      type="button"
      className={`service-card${service.available ? '' : ' is-unavailable'}`}
      data-testid={`service-${service.id}`}
      data-available={service.available}
      data-handling={service.handling}
      aria-disabled={!service.available || undefined}
      {...pressFeedback}
      onClick={() => (reasonKey ? onUnavailable(reasonKey) : onChoose(service))}
    >
      <span className="service-card__name">{service.name[language]}</span>
      <span className="service-card__meta">
        <span>{feeLabel(service, language, t)}</span>
        <span className="service-card__where">{where}</span>
      </span>
      {reasonKey ? (
        <span className="service-card__reason" data-testid={`service-reason-${service.id}`}>
          <span className="service-card__badge">{t('category.unavailable')}</span> {t(reasonKey)}
        </span>
      ) : null}
    </button>
  );
}
