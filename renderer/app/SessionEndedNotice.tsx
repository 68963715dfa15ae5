/**
 * "您的信息已清除 / Your information has been cleared": a few seconds on the
 * attract screen after a session ended by cancel or timeout, spoken once.
 * Nothing of the citizen in it; shown in both languages, since the citizen's
 * language choice was wiped with the rest.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n';
import { useSpeakOnShow } from '../voice/VoiceContext';

/** `data-testid="session-ended"`, a `role="status"` line. */
export function SessionEndedNotice({ language }: { language: Language }): ReactElement {
  const { t } = useTranslation();
  useSpeakOnShow('voice.sessionEnded');
  const other: Language = language === 'en' ? 'zh-CN' : 'en';
  return (
    <div className="ended-notice" role="status" data-testid="session-ended">
      <span className="ended-notice__mark" aria-hidden="true">
        ✓
      </span>
      <p className="ended-notice__text">{t('app.sessionEnded')}</p>
      <p className="ended-notice__other" lang={other}>
        {t('app.sessionEnded', { lng: other })}
      </p>
    </div>
  );
}
