/** The calm full-screen notice shown while the host is starting or restarting. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostNotice } from './connection';
import './ConnectionNotice.css';

/** Says it in the current language first, then in the other one. */
export function ConnectionNotice({ notice }: { notice: Exclude<HostNotice, null> }): ReactElement {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'zh-CN' : 'en';
  const key = notice === 'restarting' ? 'connection.restarting' : 'connection.starting';
  return (
    <div className="notice" data-testid="connection-notice" data-notice={notice} role="status" aria-live="polite">
      <div className="notice__spinner" aria-hidden="true" />
      <p className="notice__title">{t(key)}</p>
      {notice === 'restarting' ? <p className="notice__detail">{t('connection.restartingDetail')}</p> : null}
      <p className="notice__other" lang={other}>
        {t(key, { lng: other })}
      </p>
    </div>
  );
}
