/**
 * The session frame. Services arrive in later issues; until then it says so
 * honestly and offers only a big Cancel.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskInfo } from '../../electron/contract';
import { TouchButton } from '../ui/TouchButton';

/** Props of {@link SessionFrame}. */
export interface SessionFrameProps {
  info: KioskInfo | null;
  ending: boolean;
  onCancel: () => void;
}

/** `data-testid="session-frame"` with `cancel-button`. */
export function SessionFrame({ info, ending, onCancel }: SessionFrameProps): ReactElement {
  const { t } = useTranslation();
  return (
    <main className="session" data-testid="session-frame">
      <header className="session__header">
        <p className="session__hall">{info?.hallName ?? ''}</p>
        <h1 className="session__title">{t('session.title')}</h1>
      </header>
      <section className="session__body">
        <h2 className="session__coming" data-testid="services-coming">
          {t('session.servicesComing')}
        </h2>
        <p className="session__detail">{t('session.servicesComingDetail')}</p>
      </section>
      <footer className="session__footer">
        <TouchButton variant="secondary" className="session__cancel" data-testid="cancel-button" disabled={ending} onClick={onCancel}>
          {ending ? t('session.ending') : t('session.cancel')}
        </TouchButton>
      </footer>
    </main>
  );
}
