/** What citizens see while the kiosk is out of service: the message staff left, full screen; no session starts. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutOfService } from './use-staff';
import { kioskTime } from './use-staff';
import './staff.css';

export function OutOfServiceScreen({
  state,
  timeZone,
}: {
  state: NonNullable<OutOfService>;
  timeZone: string | undefined;
}): ReactElement {
  const { t, i18n } = useTranslation();
  return (
    <main className="out-of-service" data-testid="out-of-service" role="alert">
      <h1 className="out-of-service__title">{t('staff.outOfService.title')}</h1>
      <p className="out-of-service__message" data-testid="out-of-service-message">
        {state.message || t('staff.outOfService.defaultMessage')}
      </p>
      <p>{t('staff.outOfService.since', { time: kioskTime(state.since, i18n.language, timeZone) })}</p>
    </main>
  );
}
